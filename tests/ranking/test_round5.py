"""The round-5 measuring variants (benchmarks/ranking_round5.py): each reduces to the kept model
where its theory says so, so its figures in ranking.md measure the idea and not a slip."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from benchmarks.ranking_round5 import LatentKernel, Logistic, Polynomial, latent_semantic
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import build_features, record_text


def _data(records):
    X = build_features([record_text(t, a) for t, a, _ in records])
    y = np.array([r[2] for r in records])
    rows = np.r_[np.flatnonzero(y == 1)[:6], np.flatnonzero(y == 0)[:30]]
    return X, rows, y[rows]


def _scores(model, X, rows, y):
    return model.fit_rows(X, rows, y).decision_function(X)


def test_variants_at_weight_zero_are_the_kept_model(records):
    X, rows, y = _data(records)
    kept = _scores(KernelLeastSquares(), X, rows, y)
    assert np.allclose(_scores(Polynomial(0.0), X, rows, y), kept)
    assert np.allclose(_scores(LatentKernel(5, 0.0), X, rows, y), kept)


def test_one_newton_step_of_the_logistic_loss_is_least_squares_at_eight_mu(records):
    X, rows, y = _data(records)
    first_step = _scores(Logistic(mu=0.25, max_steps=1), X, rows, y)
    assert np.allclose(first_step, _scores(KernelLeastSquares(lam=2.0), X, rows, y))
    converged = Logistic(mu=0.25)
    assert not np.allclose(_scores(converged, X, rows, y), first_step)
    assert converged.steps[-1] > 1


def test_latent_semantic_coordinates_match_an_exact_svd():
    rng = np.random.RandomState(3)
    topics = rng.rand(4, 30) ** 4  # four topics: a spectrum that falls after the fourth value
    A = sparse.csr_matrix(rng.rand(60, 4) @ topics + 0.01 * rng.rand(60, 30))
    Z = latent_semantic(A, 4)
    U, S, _ = np.linalg.svd(A.toarray(), full_matrices=False)
    exact = U[:, :4] * S[:4]
    exact /= np.linalg.norm(exact, axis=1)[:, None]
    assert Z.shape == (60, 4)
    assert np.allclose(Z @ Z.T, exact @ exact.T, atol=1e-6)  # the same up to a rotation
