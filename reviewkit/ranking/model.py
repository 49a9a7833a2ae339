"""The default classifier: weighted kernel least squares (a linear-kernel ridge classifier).

Why not ASReview's linear SVM (liblinear)? Importing scikit-learn costs about a second of CPU,
more than a whole simulation of a 400-record set, and the SVM alone ties ASReview (it *is*
ASReview's model). This module needs numpy and scipy.sparse only.

**Weighted regularised least squares in the dual** (Rifkin 2002 showed it matches the SVM on
text): targets +1 / −1, includes weighing ``include_ratio`` (9.8) times the excludes in total
(ASReview's balance), intercept as a constant feature, ``lam`` = 3. With ``m`` labelled rows a
fit solves one ``m × m`` system on their Gram matrix, grown incrementally (only the new rows'
products are computed): exactly up to 500 labels, then by conjugate gradients warm-started
from the last fit, and beyond 3,000 labels by the same CG with products through the labelled
rows (no Gram matrix), so a refit after one more decision costs milliseconds and memory stays
bounded.

An optional second member, multinomial naive Bayes log-count ratios (Wang & Manning 2012),
is added to the standardised score with weight ``nb_weight``; it is off by default because it
lowered the mean WSS@95 on the 15 benchmark sets (0.447 → 0.414 at weight 0.2, see
``benchmarks/results/ranking.md``, "What was tried").

A lam chosen per refit by leave-one-out was dropped: ranking.md, "What was tried", round 6.
Features scaled by those log-count ratios (NBSVM) and the ranking fused with a Rocchio
query by reciprocal rank were dropped: ranking.md, "What was tried", round 7. Label spreading
over a nearest-neighbour graph (alone and beside this model) and a pairwise ranking loss
(RankRLS) were dropped: round 8. Word forms (Snowball or S-stemming before the word pairs,
British spellings folded) and a committee of this model on the surface words and on the stems
were dropped: round 9. Passage-level evidence (a record scored also by its best sentence) and
query by bagging (a committee on bootstrap samples of the labels) were dropped: round 10.
A pretrained word representation (WordLlama's token embeddings, mean-pooled: alone, beside
the TF-IDF, as a committee member and as a cold start) was dropped: round 11. An ensemble of
this model with ASReview's own SVM or a logistic regression (scikit-learn's liblinear; scores
standardised or Platt-calibrated, summed) was dropped: round 12. A learned column for the records
without an abstract, word pairs kept within a field and a sentence and the title's second copy
capped at the median title length were dropped: round 13.
The word pairs' part of the kernel at half weight, the words alone (no pairs) and each record
smoothed by its ten nearest records were dropped: round 14.
Each MeSH heading as one feature (a block beside the prose, its words kept in the prose or
taken out) and information density beside the score were dropped: round 15.
The same block without NLM's check tags or with them at half weight, and the includes weighted
as small disjuncts (each by the inverse of its density among the includes) were dropped: round 16.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import sparse

__all__ = ["KernelLeastSquares"]

# Up to this many labelled records the dual system is solved exactly (LU, ~m³); beyond, by
# conjugate gradients warm-started from the previous fit (~m² per iteration, few iterations:
# one more label changes the solution little). 500: an exact solve there takes ~10 ms.
EXACT_UP_TO = 500
# Beyond this many labelled records the m × m Gram matrix (8·m² bytes: 200 MB at 5,000) is not
# kept; the same dual system is solved by conjugate gradients on sparse products of the
# labelled rows (memory of those rows only), warm-started from the last solution.
GRAM_UP_TO = 3000


class KernelLeastSquares:
    """Kernel least squares (+ optional naive Bayes); ``fit(X, y)``, ``decision_function(X)``.

    ``fit_rows(X, rows, y)`` is the incremental form a :class:`reviewkit.ranking.ranker.Ranker` uses:
    the same object is refitted on a growing set of rows of the same matrix ``X``, and the
    Gram matrix of the rows seen before is kept.
    """

    def __init__(
        self,
        lam: float = 3.0,
        include_ratio: float = 9.8,
        nb_weight: float = 0.0,
        nb_alpha: float = 1.0,
    ) -> None:
        self.lam = lam
        self.include_ratio = include_ratio
        self.nb_weight = nb_weight
        self.nb_alpha = nb_alpha
        self._X: Any = None
        self._forget_gram()
        self.w: np.ndarray | None = None  # primal weights of the least-squares member
        self.b = 0.0
        self.r: np.ndarray | None = None  # naive Bayes log-count ratios

    def fit(self, X: Any, y: Any) -> KernelLeastSquares:
        """Fit on all rows of ``X`` (for use as a plain scikit-learn-like model)."""
        X = sparse.csr_matrix(X)
        return self.fit_rows(X, np.arange(X.shape[0]), y)

    def fit_rows(self, X: Any, rows: Any, y: Any) -> KernelLeastSquares:
        """Fit on ``X[rows]`` with labels ``y`` (1 include, 0 exclude)."""
        if X is not self._X:
            self._X = X
            self._forget_gram()
        rows = np.asarray(rows, dtype=np.int64)
        y = np.asarray(y, dtype=np.int64)
        if len(rows) > GRAM_UP_TO:
            self._grow(rows, gram=False)
            self._fit_by_products(X, rows, y)
        else:
            if self._gram_dropped:  # back under GRAM_UP_TO (decisions undone): a new one
                self._forget_gram()
            self._grow(rows)
            self._fit_least_squares(X, rows, y)
        self._fit_naive_bayes(X, rows, y)
        return self

    def _forget_gram(self) -> None:
        """Drop the Gram matrix and its warm start (a new X, or too many rows to keep one)."""
        self._pos: dict[int, int] = {}  # row of X -> its index in the Gram matrix
        self._rows: list[int] = []
        self._stacked = _StackedRows(self._X)  # X[self._rows], grown as rows are added
        self._gram = np.zeros((0, 0))  # a view of _buffer's top-left corner
        self._buffer = np.zeros((0, 0))
        self._alpha = np.zeros(0)  # the last solution, by Gram index (a warm start)
        self._gram_dropped = False  # beyond GRAM_UP_TO labels only the stacked rows are kept

    def _grow(self, rows: np.ndarray, gram: bool = True) -> None:
        """Add the rows not seen before to the stacked rows and (``gram``) the Gram matrix."""
        new = [int(r) for r in rows if int(r) not in self._pos]
        if not gram and not self._gram_dropped:
            self._gram, self._buffer, self._gram_dropped = np.zeros((0, 0)), np.zeros((0, 0)), True
        if not new:
            return
        m, k = len(self._rows), len(new)
        added = self._X[new]
        local = self._stacked.localised(added)
        if not gram:
            self._stacked.append(local, new)
            self._added(new)
            return
        # the labelled rows are kept stacked (X[self._rows] again at every fit cost as much as
        # the product); the same rows in the same order: the very same sums
        cross = (self._stacked.matrix() @ local.T).toarray() if m else np.zeros((0, k))
        inner = (added @ added.T).toarray()
        self._stacked.append(local, new)
        if m + k > len(self._buffer):
            # room for half as many again (up to GRAM_UP_TO): copying the whole matrix at every
            # fit cost as much as the solve once the labels ran into the thousands
            size = max(m + k, min(GRAM_UP_TO, len(self._buffer) * 3 // 2))
            buffer = np.empty((size, size))
            buffer[:m, :m] = self._gram
            self._buffer = buffer
        b = self._buffer
        b[:m, m : m + k], b[m : m + k, :m], b[m : m + k, m : m + k] = cross, cross.T, inner
        self._gram = b[: m + k, : m + k]
        self._added(new)

    def _added(self, new: list[int]) -> None:
        m = len(self._rows)
        for i, r in enumerate(new):
            self._pos[r] = m + i
        self._rows += new
        self._alpha = np.concatenate([self._alpha, np.zeros(len(new))])

    def _weights(self, y: np.ndarray) -> np.ndarray:
        n_inc = int(y.sum())
        n_exc = len(y) - n_inc
        c = np.where(y == 1, 1.0, n_inc / (self.include_ratio * max(n_exc, 1)))
        return c * (len(c) / c.sum())  # mean weight 1: lam means the same at every sample size

    def _fit_by_products(self, X: Any, rows: np.ndarray, y: np.ndarray) -> None:
        """The dual system of :meth:`_fit_least_squares` without a Gram matrix: conjugate
        gradients whose products go through the labelled rows (A (Aᵀ v), two sparse products
        of the labelled rows' non-zeros), with the same Jacobi preconditioner and warm start.

        It replaced a primal solve (CG on the weights of every term): each of its steps spent
        more on vectors of all the terms (1.5 million on a 16,000-record set) than on the
        products, and without a preconditioner it took hundreds of steps."""
        c = self._weights(y)
        pos, in_order = self._positions(rows)
        A = self._stacked.matrix() if in_order else X[rows]
        t = np.where(y == 1, 1.0, -1.0)
        d = self.lam / c
        AT = A.T

        def product(v: np.ndarray) -> np.ndarray:  # (A Aᵀ + 1 + diag(d)) v
            return A @ (AT @ v) + (v.sum() + d * v)

        lengths = np.diff(A.indptr)
        norms = np.bincount(
            np.repeat(np.arange(A.shape[0]), lengths), weights=A.data**2, minlength=A.shape[0]
        )
        alpha = _conjugate_gradients(product, t, self._alpha[pos], scale=1.0 / (norms + 1.0 + d))
        self._solved(X, rows, pos, alpha, A if not in_order else None)

    def _positions(self, rows: np.ndarray) -> tuple[np.ndarray, bool]:
        """Each row's index among the stacked rows, and whether ``rows`` are all of them in
        their order (a simulation's, a screen's until a decision is undone)."""
        m = len(self._rows)
        if len(rows) == m and bool((rows == self._stacked.rows()).all()):
            return np.arange(m), True  # no lookup per row
        return np.fromiter(
            (self._pos[int(r)] for r in rows), dtype=np.int64, count=len(rows)
        ), False

    def _solved(self, X: Any, rows: np.ndarray, pos: np.ndarray, alpha: np.ndarray, A: Any) -> None:
        """Keep ``alpha`` (the warm start of the next fit) and set the weights: w = Aᵀ alpha,
        with ``A`` = X[rows], or None for the stacked rows (in their own column numbers)."""
        self._alpha = np.zeros(len(self._rows))
        self._alpha[pos] = alpha
        if A is None:
            self.w = self._stacked.to_global(np.asarray(self._stacked.matrix().T @ alpha).ravel())
        else:
            self.w = np.asarray(A.T @ alpha).ravel()
        self.b = float(alpha.sum())

    def _fit_least_squares(self, X: Any, rows: np.ndarray, y: np.ndarray) -> None:
        c = self._weights(y)
        pos, in_order = self._positions(rows)
        t = np.where(y == 1, 1.0, -1.0)
        d = self.lam / c
        if len(t) <= EXACT_UP_TO:
            K = self._gram[np.ix_(pos, pos)] + 1.0  # + 1: the intercept as a constant feature
            K[np.diag_indices_from(K)] += d
            alpha = np.linalg.solve(K, t)
        else:  # conjugate gradients from the last solution: a fraction of a solve's m³
            G = self._gram if in_order else self._gram[np.ix_(pos, pos)]  # no copy: a view

            def product(v: np.ndarray) -> np.ndarray:  # (G + 1 + diag(d)) v
                return G @ v + (v.sum() + d * v)

            # Jacobi preconditioner: lam / c on the diagonal spans the include weighting (an
            # include weighs up to thousands of excludes), which slowed plain CG (30-50 steps)
            alpha = _conjugate_gradients(
                product, t, self._alpha[pos], scale=1.0 / (np.diagonal(G) + 1.0 + d)
            )
        # X[rows] is the stacked matrix when the rows are the Gram matrix's, in its order
        self._solved(X, rows, pos, alpha, None if in_order else X[rows])

    def _fit_naive_bayes(self, X: Any, rows: np.ndarray, y: np.ndarray) -> None:
        if self.nb_weight == 0:
            self.r = None
            return
        inc = np.asarray(X[rows[y == 1]].sum(axis=0)).ravel() + self.nb_alpha
        exc = np.asarray(X[rows[y == 0]].sum(axis=0)).ravel() + self.nb_alpha
        self.r = np.log(inc / inc.sum()) - np.log(exc / exc.sum())

    def decision_function(self, X: Any) -> np.ndarray:
        """Score of every row of ``X`` (higher = more likely an include)."""
        if self.w is None:
            raise RuntimeError("fit the model first")
        score = _standardised(np.asarray(X @ self.w).ravel() + self.b)
        if self.r is not None:
            score += self.nb_weight * _standardised(np.asarray(X @ self.r).ravel())
        return score


class _StackedRows:
    """Rows of a CSR matrix ``X`` appended in turn, kept as one CSR matrix: ``X[rows]`` of all
    rows appended, without indexing them all again (data and indices grow in buffers with room
    for half as many again, so an append copies only the new rows).

    Its columns are only the terms those rows use, numbered in the order first met
    (:meth:`localised`): a large set has a million terms and more, and the vectors of all of them
    that products with the rows go through (Aᵀ v) no longer fit the processor's cache; on a
    16,000-record set A (Aᵀ v) took half the time at 4,000 and 10,000 labelled rows. Each row's
    entries stay in their order, so every sum adds the same products in the same order."""

    def __init__(self, X: Any) -> None:
        self._X = X
        self._n_cols = X.shape[1] if X is not None else 0
        self._local = np.full(self._n_cols, -1, dtype=np.int32)  # column of X -> its number
        self._columns = np.empty(0, dtype=np.int64)  # number -> column of X
        index = np.int32  # the local column numbers
        self._data = np.empty(0, dtype=X.data.dtype if X is not None else np.float64)
        self._indices = np.empty(0, dtype=index)
        self._indptr = np.zeros(1, dtype=X.indptr.dtype if X is not None else np.int32)
        self._ids = np.empty(0, dtype=np.int64)
        self._m = 0

    def append(self, added: Any, ids: list[int]) -> None:
        """Append ``added``, the rows ``ids`` of ``X`` (``X[ids]``, a CSR matrix)."""
        m, k, nnz = self._m, added.shape[0], int(self._indptr[self._m])
        end = nnz + added.nnz
        if end > len(self._data):
            size = max(end, len(self._data) * 3 // 2)
            self._data = np.concatenate([self._data[:nnz], np.empty(size - nnz, self._data.dtype)])
            self._indices = np.concatenate(
                [self._indices[:nnz], np.empty(size - nnz, self._indices.dtype)]
            )
        if m + k + 1 > len(self._indptr):
            size = max(m + k + 1, len(self._indptr) * 3 // 2)
            grown = np.empty(size, dtype=self._indptr.dtype)
            grown[: m + 1] = self._indptr[: m + 1]
            self._indptr = grown
            self._ids = np.concatenate([self._ids[:m], np.empty(size - m - 1, np.int64)])
        self._data[nnz:end] = added.data
        self._indices[nnz:end] = added.indices
        self._indptr[m + 1 : m + k + 1] = added.indptr[1:] + nnz
        self._ids[m : m + k] = ids
        self._m = m + k

    def localised(self, added: Any) -> sparse.csr_matrix:
        """``added`` (rows of ``X``) in the stacked rows' column numbers; a term not met before
        gets the next number, in the order the rows meet it."""
        indices = added.indices
        unseen = self._local[indices] < 0
        if unseen.any():
            columns, first = np.unique(indices[unseen], return_index=True)
            columns = columns[np.argsort(first)]
            start = len(self._columns)
            self._local[columns] = np.arange(start, start + len(columns), dtype=np.int32)
            self._columns = np.concatenate([self._columns, columns])
        return sparse.csr_matrix(
            (added.data, self._local[indices], added.indptr),
            shape=(added.shape[0], len(self._columns)),
        )

    def to_global(self, values: np.ndarray) -> np.ndarray:
        """A vector over the stacked rows' columns as one over all the columns of ``X``."""
        out = np.zeros(self._n_cols)
        out[self._columns] = values
        return out

    def rows(self) -> np.ndarray:
        """The rows of ``X`` appended so far, in order."""
        return self._ids[: self._m]

    def matrix(self) -> sparse.csr_matrix:
        """The rows appended so far, in their own column numbers (views of the buffers)."""
        m = self._m
        nnz = int(self._indptr[m])
        return sparse.csr_matrix(
            (self._data[:nnz], self._indices[:nnz], self._indptr[: m + 1]),
            shape=(m, len(self._columns)),
            copy=False,
        )


# Conjugate gradients start from the last solution, so what they return carries the path of
# earlier fits: at 1e-8 the scores of the same decisions differed by up to 2e-7 between a
# session that grew to 1,200 labels and one fit on them at once (Nagtegaal_2019), while the
# top candidates' scores can lie 3e-7 apart, so the order could depend on the history. At
# 1e-12 they differ by 1e-11; on the 15 benchmark sets x 3 seeds every run is the same and
# the CPU no higher (a few more iterations of a solver that converges fast).
CG_TOL = 1e-12


def _conjugate_gradients(
    K: Any, t: np.ndarray, x0: np.ndarray, tol: float = CG_TOL, scale: np.ndarray | None = None
) -> np.ndarray:
    """Solve ``K x = t`` from ``x0`` to relative residual ``tol``; K symmetric positive
    definite, a matrix or a function computing ``K @ v``; ``scale``: a diagonal
    preconditioner (an approximation of 1 / diag(K)), or None."""
    product = K if callable(K) else K.__matmul__
    x = x0.copy()
    r = t - product(x)
    z = r if scale is None else scale * r
    p = z.copy()
    rz, rr = float(r @ z), float(r @ r)
    stop = tol * tol * float(t @ t)
    for _ in range(len(t)):
        if rr <= stop:  # the residual itself, preconditioned or not: the same accuracy
            break
        Kp = product(p)
        step = rz / float(p @ Kp)
        x += step * p
        r -= step * Kp
        z = r if scale is None else scale * r
        rz, rz_old, rr = float(r @ z), rz, float(r @ r)
        p = z + (rz / rz_old) * p
    return x


def _standardised(s: np.ndarray) -> np.ndarray:
    sd = s.std()
    return (s - s.mean()) / sd if sd > 0 else s - s.mean()
