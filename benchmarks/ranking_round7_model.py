"""Issue 17, round 7's models (measured by ``benchmarks/ranking_round7.py``; see
``results/ranking.md``, "What was tried", round 7). Neither is in the product.

* :class:`NBScaledKernel`: the kept kernel least squares on naive-Bayes-scaled features (the
  features of NBSVM, Wang & Manning 2012, "Baselines and bigrams"): each term scaled by its
  log-count ratio r = log((p / |p|₁) / (q / |q|₁)), p = alpha + the summed include rows,
  q = alpha + the summed exclude rows, alpha 1, from the labels given at each refit.
* :class:`RocchioFusion`: the kept model's ranking and a Rocchio (1971) relevance-feedback
  query's ranking, fused by reciprocal rank (Cormack, Clarke & Büttcher 2009).

Both subclass :class:`reviewkit.ranking.model.KernelLeastSquares` for its settings (lam,
include weighting, ``_weights``) and its solver (``_conjugate_gradients``, ``EXACT_UP_TO``);
``tests/ranking/test_round7.py`` holds each to the product's model where it should reduce to it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import sparse

from reviewkit.ranking.model import (
    EXACT_UP_TO,
    KernelLeastSquares,
    _conjugate_gradients,
    _standardised,
)

# Rocchio's weights of the relevant and non-relevant centroids: the SMART values Manning,
# Raghavan & Schütze (2008, 9.1.1) give as reasonable (alpha 1 for the original query, which a
# review's screening has none of, so that term is absent; beta 0.75; gamma 0.15).
ROCCHIO_BETA, ROCCHIO_GAMMA = 0.75, 0.15
# Reciprocal rank fusion's constant: Cormack, Clarke & Büttcher (2009) fixed 60 on TREC runs
# and used it unchanged on other collections; not tuned here.
RRF_K = 60


class NBScaledKernel(KernelLeastSquares):
    """Kernel least squares (the kept lam, include weighting and solver) on features scaled
    term by term by the naive Bayes log-count ratio ``r`` of the labels given, recomputed at
    every fit. ``binary``: p and q count the records holding a term (the paper's best,
    binarised setting) instead of summing the TF-IDF rows. ``unit``: the scaled rows are set
    to unit length again (the kept features are unit length, and lam 3 was chosen for them);
    Wang & Manning do not normalise. ``beta``: the paper's interpolation w' = (1 − beta) w̄ +
    beta w (w̄ the mean |w|) of their SVM's weights; 1 = none.

    The kernel changes with r at every fit, so no Gram matrix is kept: up to EXACT_UP_TO
    labels it is formed and solved exactly, beyond by conjugate gradients through the scaled
    rows (A (Aᵀ v)), warm-started from the last solution (r moves little with one label).
    """

    def __init__(
        self, alpha: float = 1.0, binary: bool = False, unit: bool = True, beta: float = 1.0
    ) -> None:
        super().__init__()
        self.alpha, self.binary, self.unit, self.beta = alpha, binary, unit, beta
        self._last = np.zeros(0)  # the last dual weights, by row of X (a warm start)
        self._norms = np.ones(0)

    def fit_rows(self, X: Any, rows: Any, y: Any) -> NBScaledKernel:
        """Fit on ``X[rows]`` with labels ``y`` (1 include, 0 exclude)."""
        if X is not self._X:
            self._X, self._last = X, np.zeros(X.shape[0])
            self._squares = X.multiply(X).tocsr()
            self._source = X
            if self.binary:  # the records holding a term: X's pattern with ones
                self._source = X.copy()
                self._source.data[:] = 1.0
        rows, y = np.asarray(rows, dtype=np.int64), np.asarray(y, dtype=np.int64)
        self.r = log_count_ratio(self._source, rows, y, self.alpha)
        norms = np.sqrt(np.asarray(self._squares @ (self.r * self.r)).ravel())
        self._norms = np.where(norms > 0, norms, 1.0) if self.unit else np.ones(X.shape[0])
        A, columns = _scaled_rows(X[rows], self.r, 1.0 / self._norms[rows])
        c, t = self._weights(y), np.where(y == 1, 1.0, -1.0)
        d = self.lam / c
        if len(t) <= EXACT_UP_TO:
            K = (A @ A.T).toarray() + 1.0  # + 1: the intercept as a constant feature
            K[np.diag_indices_from(K)] += d
            dual = np.linalg.solve(K, t)
        else:
            AT = A.T.tocsr()
            norms2 = np.asarray(A.multiply(A).sum(axis=1)).ravel()

            def product(v: np.ndarray) -> np.ndarray:  # (A Aᵀ + 1 + diag(d)) v
                return A @ (AT @ v) + (v.sum() + d * v)

            dual = _conjugate_gradients(
                product, t, self._last[rows], scale=1.0 / (norms2 + 1.0 + d)
            )
        self._last[:] = 0.0
        self._last[rows] = dual
        w = np.zeros(X.shape[1])
        w[columns] = np.asarray(A.T @ dual).ravel()
        if self.beta != 1.0:
            w = (1.0 - self.beta) * np.abs(w).mean() + self.beta * w
        self.w, self.b = w, float(dual.sum())
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        """Score of every row of ``X`` (the matrix fitted on)."""
        if self.w is None or self.r is None:
            raise RuntimeError("fit the model first")
        s = np.asarray(X @ (self.r * self.w)).ravel() / self._norms + self.b
        return _standardised(s)


def _scaled_rows(
    rows: sparse.csr_matrix, r: np.ndarray, row_scale: np.ndarray
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """``diag(row_scale) · rows · diag(r)`` on the columns the rows use only (products through
    vectors of every term cost several times more: a set has 10⁵-10⁶ terms), and those
    columns of ``rows``."""
    present = np.zeros(rows.shape[1], dtype=bool)
    present[rows.indices] = True
    columns = np.flatnonzero(present)
    local = (np.cumsum(present) - 1)[rows.indices]
    data = rows.data * r[rows.indices] * np.repeat(row_scale, np.diff(rows.indptr))
    shape = (rows.shape[0], len(columns))
    return sparse.csr_matrix((data, local, rows.indptr), shape=shape), columns


def log_count_ratio(X: Any, rows: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray:
    """Wang & Manning's r = log((p / |p|₁) / (q / |q|₁)) per column of ``X``, p = alpha + the
    sum of the include rows, q = alpha + the sum of the exclude rows."""
    p = alpha + np.asarray(X[rows[y == 1]].sum(axis=0)).ravel()
    q = alpha + np.asarray(X[rows[y == 0]].sum(axis=0)).ravel()
    return np.log(p / p.sum()) - np.log(q / q.sum())


class RocchioFusion(KernelLeastSquares):
    """The kept model fused with a Rocchio relevance-feedback query by reciprocal rank.

    The query is ROCCHIO_BETA × the includes' centroid − ROCCHIO_GAMMA × the excludes'
    centroid of the labelled rows (the kept TF-IDF rows are unit length, so ``X @ query``
    orders records as their cosine with the query does). Both rankings are taken over the
    unlabelled records (the queue), and each record scores Σ 1 / (RRF_K + its rank);
    labelled records score below every unlabelled one. ``weight``: the query list's weight
    in the sum (1: plain RRF; 0: the kept model's order).
    """

    def __init__(self, weight: float = 1.0) -> None:
        super().__init__()
        self.weight = weight
        self.query: np.ndarray | None = None
        self._labelled = np.zeros(0, dtype=bool)

    def fit_rows(self, X: Any, rows: Any, y: Any) -> RocchioFusion:
        """Fit the kept model and the query on ``X[rows]`` with labels ``y``."""
        super().fit_rows(X, rows, y)
        rows, y = np.asarray(rows, dtype=np.int64), np.asarray(y, dtype=np.int64)
        self._labelled = np.zeros(X.shape[0], dtype=bool)
        self._labelled[rows] = True
        self.query = ROCCHIO_BETA * _centroid(X, rows[y == 1]) - ROCCHIO_GAMMA * _centroid(
            X, rows[y == 0]
        )
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        """Reciprocal-rank-fused score of every row of ``X`` (the matrix fitted on)."""
        if self.query is None:
            raise RuntimeError("fit the model first")
        kept = super().decision_function(X)
        query = np.asarray(X @ self.query).ravel()
        open_ = np.flatnonzero(~self._labelled)
        fused = np.full(X.shape[0], -1.0)
        fused[open_] = _reciprocal_rank(kept[open_]) + self.weight * _reciprocal_rank(query[open_])
        return fused


def _centroid(X: Any, rows: np.ndarray) -> np.ndarray:
    if len(rows) == 0:
        return np.zeros(X.shape[1])
    return np.asarray(X[rows].mean(axis=0)).ravel()


def _reciprocal_rank(scores: np.ndarray) -> np.ndarray:
    """1 / (RRF_K + rank), rank 1 for the highest score (ties by position, as a stable sort)."""
    order = np.argsort(-scores, kind="stable")
    rank = np.empty(len(scores))
    rank[order] = np.arange(1, len(scores) + 1)
    return 1.0 / (RRF_K + rank)
