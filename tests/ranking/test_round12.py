"""Round 12's ensembles (benchmarks/ranking_round12.py): the second members are ASReview's
models with its Balanced weights, Platt's sigmoid is fitted as his paper sets it, and an
ensemble is its members' comparable scores summed at equal weight, so the figures in
ranking.md measure the idea and not a slip."""

from __future__ import annotations

import numpy as np
from ranking.conftest import make_records
from scipy import optimize
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

from benchmarks import ranking_round12 as round12
from benchmarks.ranking_round12 import Ensemble, WeightedLogistic, platt
from reviewkit.ranking.model import KernelLeastSquares, _standardised
from reviewkit.ranking.ranker import WeightedLinearSVC, build_features, record_text


def labelled():
    records = make_records()
    X = build_features([record_text(t, a) for t, a, _ in records])
    y = np.array([r[2] for r in records])
    rows = np.r_[np.flatnonzero(y == 1)[:5], np.flatnonzero(y == 0)[:40]]
    return X, rows, y[rows]


def test_the_svm_member_is_asreviews_elas_u4_classifier():
    """LinearSVC, squared hinge, C 0.11, Balanced weights at ratio 9.8 (asreview models.py,
    balancers.py): includes weigh 1, excludes n_inc / (9.8 n_exc), scaled to mean 1."""
    X, rows, y = labelled()
    member = round12.VARIANTS["ens_svm"]().other
    assert isinstance(member, WeightedLinearSVC)
    member.fit(X[rows], y)
    w = np.where(y == 1, 1.0, 5 / (9.8 * 40))
    svm = LinearSVC(C=0.11, loss="squared_hinge", random_state=0)
    svm.fit(X[rows], y, sample_weight=w * len(w) / w.sum())
    assert np.allclose(member.decision_function(X), svm.decision_function(X))


def test_the_logistic_member_is_liblinear_with_the_same_weights():
    X, rows, y = labelled()
    member = WeightedLogistic().fit(X[rows], y)
    w = np.where(y == 1, 1.0, 5 / (9.8 * 40))
    lr = LogisticRegression(solver="liblinear", C=1.0, random_state=0)
    lr.fit(X[rows], y, sample_weight=w * len(w) / w.sum())
    assert np.allclose(member.decision_function(X), lr.decision_function(X))


def test_platt_recovers_a_known_sigmoid_and_orders_as_the_scores():
    rng = np.random.default_rng(0)
    s = rng.normal(size=4000)
    y = (rng.random(4000) < 1 / (1 + np.exp(-2.0 * s + 1.0))).astype(int)  # A = -2, B = 1
    a, b = platt(s, y)
    assert abs(a + 2.0) < 0.2 and abs(b - 1.0) < 0.15


def test_platt_stays_at_the_minimum_where_the_labelled_scores_separate_the_classes():
    """Training scores separate a few includes from the excludes: the smoothed targets keep
    the optimum finite, and the line search reaches it (plain Newton steps ran away)."""
    rng = np.random.default_rng(1)
    s = np.r_[rng.normal(2.0, 0.3, 9), rng.normal(-1.0, 0.3, 300)]
    y = np.r_[np.ones(9, int), np.zeros(300, int)]
    t = np.where(y == 1, 10 / 11, 1 / 302)

    def loss(ab):
        p = 1 / (1 + np.exp(ab[0] * s + ab[1]))
        return -np.sum(t * np.log(p) + (1 - t) * np.log(1 - p))

    best = optimize.minimize(loss, [0.0, 0.0], method="Nelder-Mead", options={"xatol": 1e-8})
    assert np.allclose(platt(s, y), best.x, atol=1e-3)


def test_the_ensemble_sums_its_members_comparable_scores_at_equal_weight():
    X, rows, y = labelled()
    kept = KernelLeastSquares().fit_rows(X, rows, y).decision_function(X)
    other = WeightedLinearSVC(0.11, 9.8).fit(X[rows], y).decision_function(X)
    ens = Ensemble(WeightedLinearSVC(0.11, 9.8)).fit_rows(X, rows, y)
    assert np.allclose(ens.decision_function(X), _standardised(kept) + _standardised(other))
    cal = Ensemble(WeightedLinearSVC(0.11, 9.8), "platt").fit_rows(X, rows, y)
    expected = 0.0
    for s in (kept, other):
        a, b = platt(s[rows], y)
        expected = expected + 1 / (1 + np.exp(np.clip(a * s + b, -500, 500)))
    assert np.allclose(cal.decision_function(X), expected)
