"""Round 7's models (benchmarks/ranking_round7_model.py, measured by benchmarks/ranking_round7.py):
each reduces to the product's model where its theory says so, so the figures in ranking.md
measure the idea and not a slip. (The tests import the benchmark as test_round5.py does.)"""

from __future__ import annotations

import numpy as np
import pytest
from ranking.conftest import make_records
from scipy import sparse

from benchmarks import ranking_round7_model as round7
from benchmarks.ranking_round7_model import NBScaledKernel, RocchioFusion, log_count_ratio
from reviewkit.ranking.model import EXACT_UP_TO, KernelLeastSquares
from reviewkit.ranking.ranker import build_features, record_text


def _data(records, n_includes=6, n_excludes=30):
    X = build_features([record_text(t, a) for t, a, _ in records])
    y = np.array([r[2] for r in records])
    rows = np.r_[np.flatnonzero(y == 1)[:n_includes], np.flatnonzero(y == 0)[:n_excludes]]
    return X, rows, y[rows]


def test_log_count_ratio_is_wang_and_mannings():
    X = sparse.csr_matrix(np.array([[1.0, 0.0, 2.0], [0.0, 1.0, 1.0], [3.0, 0.0, 0.0]]))
    r = log_count_ratio(X, np.array([0, 1, 2]), np.array([1, 1, 0]), 1.0)
    p, q = np.array([2.0, 2.0, 4.0]), np.array([4.0, 1.0, 1.0])
    assert np.allclose(r, np.log(p / 8.0) - np.log(q / 6.0))


@pytest.mark.parametrize("n_excludes", [30, EXACT_UP_TO + 40])  # exact solve, then CG
def test_equal_scaling_of_every_term_is_the_kept_model(monkeypatch, n_excludes):
    # the rows are set to unit length again, so a constant r leaves the kept features
    records = make_records(n=EXACT_UP_TO + 100, n_includes=40)
    X, rows, y = _data(records, 20, n_excludes)
    kept = KernelLeastSquares().fit_rows(X, rows, y).decision_function(X)
    monkeypatch.setattr(round7, "log_count_ratio", lambda X, *_: np.full(X.shape[1], 2.5))
    scaled = NBScaledKernel().fit_rows(X, rows, y).decision_function(X)
    assert np.allclose(scaled, kept, atol=1e-8)


def test_nb_scaling_weighs_the_terms_that_separate_the_labels(records):
    X, rows, y = _data(records)
    model = NBScaledKernel().fit_rows(X, rows, y)
    scores = model.decision_function(X)
    labels = np.array([r[2] for r in records])
    assert np.median(scores[labels == 1]) > np.percentile(scores[labels == 0], 95)
    # the interpolation of the weights changes the scores; a beta of 1 is none
    assert not np.allclose(
        NBScaledKernel(beta=0.25).fit_rows(X, rows, y).decision_function(X), scores
    )


def test_fusion_without_the_query_keeps_the_kept_order_and_ranks_labelled_records_last(records):
    X, rows, y = _data(records)
    kept = KernelLeastSquares().fit_rows(X, rows, y).decision_function(X)
    fused = RocchioFusion(weight=0.0).fit_rows(X, rows, y).decision_function(X)
    open_ = np.setdiff1d(np.arange(X.shape[0]), rows)
    assert (
        np.argsort(-fused[open_], kind="stable") == np.argsort(-kept[open_], kind="stable")
    ).all()
    assert fused[rows].max() < fused[open_].min()


def test_fusion_sums_reciprocal_ranks_of_both_lists(records):
    X, rows, y = _data(records)
    model = RocchioFusion().fit_rows(X, rows, y)
    fused = model.decision_function(X)
    open_ = np.setdiff1d(np.arange(X.shape[0]), rows)
    kept = KernelLeastSquares().fit_rows(X, rows, y).decision_function(X)[open_]
    query = np.asarray(X[open_] @ model.query).ravel()
    best = open_[np.argmax(kept)]
    rank_in_query = 1 + int((query > query[np.argmax(kept)]).sum())
    assert fused[best] == pytest.approx(1 / 61 + 1 / (60 + rank_in_query))
