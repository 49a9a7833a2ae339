"""Round 8's models (benchmarks/ranking_round8_model.py, measured by benchmarks/ranking_round8.py):
each is held to its paper's definition on small sets, so the figures in ranking.md measure the
idea and not a slip. (The tests import the benchmark as test_round7.py does.)"""

from __future__ import annotations

import numpy as np
import pytest
from ranking.conftest import make_records

from benchmarks import ranking_round8_model as round8
from benchmarks.ranking_round5 import Committee
from benchmarks.ranking_round8_model import (
    LabelSpreading,
    PairwiseLeastSquares,
    bipartite_laplacian,
    knn_graph,
)
from reviewkit.ranking.model import EXACT_UP_TO, KernelLeastSquares, _standardised
from reviewkit.ranking.ranker import build_features, record_text


def _data(records, n_includes=6, n_excludes=30):
    X = build_features([record_text(t, a) for t, a, _ in records])
    y = np.array([r[2] for r in records])
    rows = np.r_[np.flatnonzero(y == 1)[:n_includes], np.flatnonzero(y == 0)[:n_excludes]]
    return X, rows, y[rows]


def test_the_graph_joins_each_record_to_its_nearest_by_cosine(records):
    X, _, _ = _data(records)
    W = knn_graph(X, 5)
    cos = (X @ X.T).toarray()
    assert (W != W.T).nnz == 0 and W.diagonal().max() == 0
    for i in (0, 17, 90):
        others = np.delete(np.arange(X.shape[0]), i)
        fifth = np.sort(cos[i, others])[-5]
        edges = W[i].indices
        assert np.allclose(W[i].data, cos[i, edges])
        # every record at least as similar as the 5th nearest is joined (ties may add more)
        assert set(others[cos[i, others] > fifth]) <= set(edges)


@pytest.mark.parametrize("mass", ["kept", "unit", "degree"])
def test_spreading_is_the_limit_of_zhous_iteration(records, mass):
    X, rows, y = _data(records)
    alpha = 0.9  # the iteration converges as alpha^t: 0.9 within 300 steps
    model = LabelSpreading(alpha=alpha, k=5, mass=mass).fit_rows(X, rows, y)
    W = knn_graph(X, 5).toarray()
    root = 1.0 / np.sqrt(W.sum(axis=1))
    S = root[:, None] * W * root[None, :]
    Y = np.zeros(X.shape[0])
    c = KernelLeastSquares()._weights(y)
    size = {"unit": np.ones(len(rows)), "degree": np.sqrt(W.sum(axis=1))[rows]}.get(mass)
    if size is not None:  # each class's labels, counted in records or in √degree, sum to 1
        c = np.where(y == 1, 1.0 / size[y == 1].sum(), 1.0 / size[y == 0].sum())
    Y[rows] = c * np.where(y == 1, 1.0, -1.0)
    F = np.zeros_like(Y)
    for _ in range(300):
        F = alpha * S @ F + (1 - alpha) * Y
    assert np.allclose(model.decision_function(X), _standardised(F), atol=1e-8)


@pytest.mark.parametrize("mass", ["kept", "unit", "degree"])
def test_spreading_ranks_the_includes_first(records, mass):
    X, rows, y = _data(records)
    scores = LabelSpreading(mass=mass).fit_rows(X, rows, y).decision_function(X)
    labels = np.array([r[2] for r in records])
    # a graph of 10 neighbours among 200 short records of shared words: looser than a model
    assert np.median(scores[labels == 1]) > np.percentile(scores[labels == 0], 85)


def test_mass_in_root_degree_leaves_nothing_along_the_leading_eigenvector(records):
    # D^½ 1 is S's eigenvector of eigenvalue 1; the kept weights' net mass goes along it
    X, rows, y = _data(records)
    root = np.sqrt(np.asarray(knn_graph(X).sum(axis=1)).ravel())
    along = {
        mass: LabelSpreading(mass=mass).fit_rows(X, rows, y).F @ root / (root @ root)
        for mass in ("kept", "degree")
    }
    assert abs(along["degree"]) < 1e-9 < abs(along["kept"])


def test_committee_without_spreading_is_the_kept_model(records):
    X, rows, y = _data(records)
    kept = KernelLeastSquares().fit_rows(X, rows, y).decision_function(X)
    both = Committee([KernelLeastSquares(), LabelSpreading()], [1.0, 0.0])
    assert np.allclose(both.fit_rows(X, rows, y).decision_function(X), kept)


def test_pairwise_fit_minimises_the_pairs_loss(records):
    # the closed form in the kernel against the primal solve of the pairs' objective
    X, rows, y = _data(records)
    A = X[rows].toarray()
    t = np.where(y == 1, 1.0, -1.0)
    d, s = bipartite_laplacian(y)
    inc, exc = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    L = np.zeros((len(y), len(y)))
    for i in inc:  # s Σ over (include, exclude) pairs of (e_i − e_j)(e_i − e_j)ᵀ
        for j in exc:
            L[[i, j, i, j], [i, j, j, i]] += s * np.array([1.0, 1.0, -1.0, -1.0])
    assert np.allclose(np.diag(L), d)
    w = np.linalg.solve(A.T @ L @ A + 3.0 * np.eye(A.shape[1]), A.T @ L @ t)
    model = PairwiseLeastSquares().fit_rows(X, rows, y)
    assert np.allclose(model.decision_function(X), _standardised(X @ w), atol=1e-8)


def test_pairwise_beyond_the_exact_solves_is_the_same_fit(monkeypatch):
    records = make_records(n=EXACT_UP_TO + 200, n_includes=60)
    X, rows, y = _data(records, 30, EXACT_UP_TO + 40)
    exact = PairwiseLeastSquares().fit_rows(X, rows, y).decision_function(X)
    monkeypatch.setattr(round8, "EXACT_UP_TO", 10)  # Woodbury + conjugate gradients
    model = PairwiseLeastSquares()
    model.fit_rows(X, rows[:-5], y[:-5])  # a warm start from a fit on fewer labels
    assert np.allclose(model.fit_rows(X, rows, y).decision_function(X), exact, atol=1e-8)


@pytest.mark.parametrize("n_includes", [1, 6])
def test_pairwise_ranks_the_includes_first(records, n_includes):
    X, rows, y = _data(records, n_includes)
    scores = PairwiseLeastSquares().fit_rows(X, rows, y).decision_function(X)
    labels = np.array([r[2] for r in records])
    assert np.median(scores[labels == 1]) > np.percentile(scores[labels == 0], 90)
