"""The default classifier: weighted kernel least squares (a linear-kernel ridge classifier).

Why not ASReview's linear SVM (liblinear)? Importing scikit-learn costs about a second of CPU,
more than a whole simulation of a 400-record set, and the SVM alone ties ASReview (it *is*
ASReview's model). This module needs numpy and scipy.sparse only.

**Weighted regularised least squares in the dual** (Rifkin 2002 showed it matches the SVM on
text): targets +1 / −1, includes weighing ``include_ratio`` (9.8) times the excludes in total
(ASReview's balance), intercept as a constant feature, ``lam`` = 3. With ``m`` labelled rows a
fit solves one ``m × m`` system on their Gram matrix, grown incrementally (only the new rows'
products are computed): exactly up to 500 labels, then by conjugate gradients warm-started
from the last fit, and beyond 3,000 labels in the primal (no Gram matrix), so a refit after
one more decision costs milliseconds and memory stays bounded.

An optional second member, multinomial naive Bayes log-count ratios (Wang & Manning 2012),
is added to the standardised score with weight ``nb_weight``; it is off by default because it
lowered the mean WSS@95 on the 15 benchmark sets (0.447 → 0.414 at weight 0.2, see
``benchmarks/results/ranking.md``, "What was tried").

An optional lam grid (``lam_grid``, ``combine``) lets the labels given set the regularisation:
closed-form leave-one-out fits (:func:`loo_fits`, one eigendecomposition for the whole grid)
choose a lam or weight the grid as a committee (:func:`grid_weights`). It is off by default:
none of its criteria raised the mean WSS@95 (0.426-0.452 against 0.461 at the fixed lam 3,
``benchmarks/ranking_round6.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse

__all__ = ["COMBINE", "KernelLeastSquares", "grid_weights", "loo_fits"]

COMBINE = ("select_mse", "select_auc", "stack", "select_mse_1se", "select_pool")

# Up to this many labelled records the dual system is solved exactly (LU, ~m³); beyond, by
# conjugate gradients warm-started from the previous fit (~m² per iteration, few iterations:
# one more label changes the solution little). 500: an exact solve there takes ~10 ms.
EXACT_UP_TO = 500
# Beyond this many labelled records the m × m Gram matrix (8·m² bytes: 200 MB at 5,000) is not
# kept; the same least-squares problem is solved in the primal by conjugate gradients on
# sparse products (memory of the labelled rows only), warm-started from the last weights.
GRAM_UP_TO = 3000
# With a lam grid the choice is made again at every fit up to ``select_always_up_to`` labels
# (100: an eigendecomposition of at most 100 × 100 costs under a millisecond), then each time
# the labels have grown by a quarter (a handful of choices in all: the best regularisation
# moves with the scale of the data, not with each label), up to EXACT_UP_TO.
SELECT_GROWTH = 1.25


class KernelLeastSquares:
    """Kernel least squares (+ optional naive Bayes); ``fit(X, y)``, ``decision_function(X)``.

    ``fit_rows(X, rows, y)`` is the incremental form a :class:`reviewkit.ranking.Ranker` uses:
    the same object is refitted on a growing set of rows of the same matrix ``X``, and the
    Gram matrix of the rows seen before is kept.
    """

    def __init__(
        self,
        lam: float = 3.0,
        include_ratio: float = 9.8,
        nb_weight: float = 0.0,
        nb_alpha: float = 1.0,
        lam_grid: Sequence[float] = (),
        combine: str = "select_mse",
        select_always_up_to: int = 100,
    ) -> None:
        self.lam = lam
        # with a grid: the regularisation is set at each exact refit from the labels given,
        # by closed-form leave-one-out (see :func:`loo_fits` and :meth:`_fit_on_grid`)
        self.lam_grid = tuple(float(v) for v in lam_grid)
        if combine not in COMBINE:
            raise ValueError(f"combine must be one of {', '.join(COMBINE)}")
        self.combine = combine
        self.select_always_up_to = select_always_up_to
        self.grid_weights: np.ndarray | None = None  # the last weights over lam_grid
        self._selected_at = 0  # the labels at the last choice of the weights
        self._grid_alphas: dict[float, np.ndarray] = {}  # per lam, by Gram index (warm starts)
        self.include_ratio = include_ratio
        self.nb_weight = nb_weight
        self.nb_alpha = nb_alpha
        self._X: Any = None
        self._pos: dict[int, int] = {}  # row of X -> its index in the Gram matrix
        self._rows: list[int] = []
        self._gram = np.zeros((0, 0))
        self._alpha = np.zeros(0)  # the last solution, by Gram index (a warm start)
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
            self._X, self._pos, self._rows, self._gram = X, {}, [], np.zeros((0, 0))
            self._alpha, self._grid_alphas, self.grid_weights = np.zeros(0), {}, None
        rows = np.asarray(rows, dtype=np.int64)
        y = np.asarray(y, dtype=np.int64)
        if len(rows) > GRAM_UP_TO:
            self._pos, self._rows, self._gram, self._alpha = {}, [], np.zeros((0, 0)), np.zeros(0)
            self._fit_primal(X, rows, y)
        else:
            self._grow(rows)
            self._fit_least_squares(X, rows, y)
        self._fit_naive_bayes(X, rows, y)
        return self

    def _grow(self, rows: np.ndarray) -> None:
        new = [int(r) for r in rows if int(r) not in self._pos]
        if not new:
            return
        X, m, k = self._X, len(self._rows), len(new)
        cross = (X[self._rows] @ X[new].T).toarray() if m else np.zeros((0, k))
        inner = (X[new] @ X[new].T).toarray()
        gram = np.empty((m + k, m + k))
        gram[:m, :m], gram[:m, m:], gram[m:, :m], gram[m:, m:] = (
            self._gram,
            cross,
            cross.T,
            inner,
        )
        self._gram = gram
        for i, r in enumerate(new):
            self._pos[r] = m + i
        self._rows += new
        self._alpha = np.concatenate([self._alpha, np.zeros(k)])

    def _weights(self, y: np.ndarray) -> np.ndarray:
        n_inc = int(y.sum())
        n_exc = len(y) - n_inc
        c = np.where(y == 1, 1.0, n_inc / (self.include_ratio * max(n_exc, 1)))
        return c * (len(c) / c.sum())  # mean weight 1: lam means the same at every sample size

    def _fit_primal(self, X: Any, rows: np.ndarray, y: np.ndarray) -> None:
        """min Σ c (t − x·w − b)² + lam (|w|² + b²): the dual's problem, by CG on w and b."""
        A, c = X[rows], self._weights(y)
        t = np.where(y == 1, 1.0, -1.0)
        d = A.shape[1]
        lam = self._main_lam()

        def apply(v: np.ndarray) -> np.ndarray:
            u = c * (A @ v[:d] + v[d])
            return np.concatenate([A.T @ u, [u.sum()]]) + lam * v

        rhs = np.concatenate([A.T @ (c * t), [float((c * t).sum())]])
        start = (
            np.concatenate([self.w, [self.b]])
            if self.w is not None and len(self.w) == d
            else np.zeros(d + 1)
        )
        v = _conjugate_gradients(apply, rhs, start)
        self.w, self.b = v[:d], float(v[d])

    def _main_lam(self) -> float:
        """The grid's heaviest-weighted lam once a grid fit has run, else ``lam``."""
        if self.lam_grid and self.grid_weights is not None:
            return self.lam_grid[int(np.argmax(self.grid_weights))]
        return self.lam

    def _fit_least_squares(self, X: Any, rows: np.ndarray, y: np.ndarray) -> None:
        c = self._weights(y)
        pos = np.fromiter((self._pos[int(r)] for r in rows), dtype=np.int64, count=len(rows))
        K = self._gram[np.ix_(pos, pos)] + 1.0  # + 1: the intercept as a constant feature
        t = np.where(y == 1, 1.0, -1.0)
        if self.lam_grid:
            alpha = self._fit_on_grid(K, c, t, pos, rows)
        else:
            K[np.diag_indices_from(K)] += self.lam / c
            if len(t) <= EXACT_UP_TO:
                alpha = np.linalg.solve(K, t)
            else:  # conjugate gradients from the last solution: a fraction of a solve's m³
                alpha = _conjugate_gradients(K, t, self._alpha[pos])
        self._alpha = np.zeros(len(self._rows))
        self._alpha[pos] = alpha
        self.w = np.asarray(X[rows].T @ alpha).ravel()
        self.b = float(alpha.sum())

    def _fit_on_grid(
        self, K: np.ndarray, c: np.ndarray, t: np.ndarray, pos: np.ndarray, rows: np.ndarray
    ) -> np.ndarray:
        """Dual weights on the lam grid. The grid's weights are set again from closed-form
        leave-one-out fits (:func:`loo_fits`) at every fit up to ``select_always_up_to``
        labels, then each time the labels have grown by SELECT_GROWTH, up to EXACT_UP_TO; between
        and beyond, the last weights are kept and each lam that has weight is solved."""
        lams, m = np.asarray(self.lam_grid), len(t)
        due = self.grid_weights is None or (
            m <= EXACT_UP_TO
            and (m <= self.select_always_up_to or m >= SELECT_GROWTH * self._selected_at)
        )
        if due:
            alphas, loo = loo_fits(K, c, t, lams)
            pool = None
            if self.combine == "select_pool":  # every lam's scores of the unlabelled records
                unlabelled = np.ones(self._X.shape[0], dtype=bool)
                unlabelled[rows] = False
                pool = self._X[unlabelled] @ (self._X[rows].T @ alphas) + alphas.sum(axis=0)
            self.grid_weights = grid_weights(loo, c, t, self.combine, lams, self.lam, pool)
            self._selected_at = m
            for k, lam in enumerate(self.lam_grid):
                self._grid_alphas[lam] = _scatter(alphas[:, k], pos, len(self._rows))
            return alphas @ self.grid_weights
        alpha = np.zeros(m)
        for lam, weight in zip(self.lam_grid, self.grid_weights, strict=True):
            if weight == 0:
                continue
            system = K.copy()
            system[np.diag_indices_from(system)] += lam / c
            if m <= EXACT_UP_TO:
                solved = np.linalg.solve(system, t)
            else:
                start = self._grid_alphas.get(lam, np.zeros(0))
                start = np.r_[start, np.zeros(len(self._rows) - len(start))][pos]
                solved = _conjugate_gradients(system, t, start)
            self._grid_alphas[lam] = _scatter(solved, pos, len(self._rows))
            alpha += weight * solved
        return alpha

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


def _scatter(values: np.ndarray, pos: np.ndarray, size: int) -> np.ndarray:
    out = np.zeros(size)
    out[pos] = values
    return out


def loo_fits(
    K: np.ndarray, c: np.ndarray, t: np.ndarray, lams: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Dual weights and leave-one-out scores of weighted kernel least squares at every lam.

    Minimises Σ c (t − f)² + lam ‖w‖² with kernel ``K`` (m × m, intercept included). One
    eigendecomposition S = W^½ K W^½ = U D Uᵀ (W = diag c) serves the whole grid:
    α = W^½ U (D + lam)⁻¹ Uᵀ W^½ t, fitted scores f = W^-½ U D (D + lam)⁻¹ Uᵀ W^½ t, hat
    diagonal H_ii = Σ_k U_ik² d_k / (d_k + lam), and the leave-one-out score of record i is
    t_i − (t_i − f_i) / (1 − H_ii) (exact for a linear smoother, the weights held fixed).
    Returns ``(alphas, loo)``, both m × len(lams).
    """
    root = np.sqrt(c)
    d, U = np.linalg.eigh(root[:, None] * K * root[None, :])
    d = np.maximum(d, 0.0)
    z = U.T @ (root * t)
    shrink = 1.0 / (d[:, None] + lams[None, :])  # (m, L)
    alphas = root[:, None] * (U @ (z[:, None] * shrink))
    smooth = d[:, None] * shrink
    fitted = (U @ (z[:, None] * smooth)) / root[:, None]
    hat = (U * U) @ smooth
    loo = t[:, None] - (t[:, None] - fitted) / (1.0 - hat)
    return alphas, loo


def grid_weights(
    loo: np.ndarray,
    c: np.ndarray,
    t: np.ndarray,
    combine: str,
    lams: np.ndarray,
    lam: float,
    pool: np.ndarray | None = None,
) -> np.ndarray:
    """Weights over the grid's lams from their leave-one-out scores ``loo`` (m × L).

    ``select_mse``: all weight on the lam of least weighted LOO squared error Σ c (t − g)²
    (the loss the model minimises, judged on records it did not see); ``select_auc``: on the
    lam whose LOO scores rank the includes above the excludes best (the queue's task); ties
    go to the lam nearest ``lam`` (the fixed default). ``stack``: Breiman's (1996) stacked
    regression, non-negative weights minimising Σ c (t − loo·a)². ``select_mse_1se``: the
    least-error lam only if its error is below the default ``lam``'s by more than one
    standard error of the per-record differences (the one-standard-error rule, Hastie,
    Tibshirani & Friedman 2009, 7.10, as a paired test): on a few actively chosen labels the
    LOO error is noisy, and a choice that is not clearly better is the default's luck.
    ``select_pool``: the lam that places the includes' LOO scores highest among ``pool``, the
    scores of the unlabelled records (n × L): the labelled excludes are the ones the model
    already ranked high (chosen by the queue), the unlabelled ones are what a held-out
    include has to rise above.
    """
    L = loo.shape[1]
    if combine == "stack":
        return _stacked(loo, c, t)
    if combine == "select_mse_1se":
        return _one_standard_error(c[:, None] * (t[:, None] - loo) ** 2, lams, lam)
    if combine == "select_pool" and pool is not None and len(pool):
        # each include's LOO score placed among the unlabelled records' scores (the queue it
        # would have been in): the share of the pool above it, averaged over the includes
        score = np.array([_share_above(np.sort(pool[:, k]), loo[t > 0, k]) for k in range(L)])
    elif combine in ("select_auc", "select_pool"):
        score = -np.array([_auc(loo[:, k], t > 0) for k in range(L)])
    else:
        score = (c[:, None] * (t[:, None] - loo) ** 2).sum(axis=0)
    # ties (within rounding) to the lam nearest the default, on a log scale
    distance = np.abs(np.log(lams / lam))
    best = min(range(L), key=lambda k: (round(float(score[k]), 10), distance[k]))
    out = np.zeros(L)
    out[best] = 1.0
    return out


def _one_standard_error(losses: np.ndarray, lams: np.ndarray, lam: float) -> np.ndarray:
    """All weight on the least-loss column if it beats the column of ``lam`` (or the nearest
    to it) by more than one standard error of the paired differences, else on that one."""
    default = int(np.argmin(np.abs(np.log(lams / lam))))
    best = int(np.argmin(losses.mean(axis=0)))
    gain = losses[:, default] - losses[:, best]
    se = float(gain.std(ddof=1)) / np.sqrt(len(gain)) if len(gain) > 1 else np.inf
    out = np.zeros(losses.shape[1])
    out[best if gain.mean() > se else default] = 1.0
    return out


def _share_above(sorted_pool: np.ndarray, scores: np.ndarray) -> float:
    """Mean share of ``sorted_pool`` scored above each of ``scores`` (ties count half)."""
    if len(scores) == 0:
        return 0.0
    above = len(sorted_pool) - np.searchsorted(sorted_pool, scores, side="right")
    tied = np.searchsorted(sorted_pool, scores, side="right") - np.searchsorted(
        sorted_pool, scores, side="left"
    )
    return float((above + 0.5 * tied).mean() / len(sorted_pool))


def _auc(scores: np.ndarray, positive: np.ndarray) -> float:
    """Share of (include, exclude) pairs the scores order right (ties count half)."""
    pos, neg = scores[positive], np.sort(scores[~positive])
    if len(pos) == 0 or len(neg) == 0:
        return 0.5
    below = np.searchsorted(neg, pos, side="left")
    tied = np.searchsorted(neg, pos, side="right") - below
    return float((below + 0.5 * tied).sum() / (len(pos) * len(neg)))


def _stacked(loo: np.ndarray, c: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Non-negative least squares over a few columns, by trying every support (2^L − 1)."""
    L = loo.shape[1]
    root = np.sqrt(c)
    A, b = loo * root[:, None], t * root
    best, best_loss = np.zeros(L), np.inf
    for mask in range(1, 2**L):
        cols = [k for k in range(L) if mask >> k & 1]
        a, *_ = np.linalg.lstsq(A[:, cols], b, rcond=None)
        if (a < 0).any():
            continue
        loss = float(((A[:, cols] @ a - b) ** 2).sum())
        if loss < best_loss - 1e-12:
            best_loss, best = loss, np.zeros(L)
            best[cols] = a
    return best


# Conjugate gradients start from the last solution, so what they return carries the path of
# earlier fits: at 1e-8 the scores of the same decisions differed by up to 2e-7 between a
# session that grew to 1,200 labels and one fit on them at once (Nagtegaal_2019), while the
# top candidates' scores can lie 3e-7 apart, so the order could depend on the history. At
# 1e-12 they differ by 1e-11; on the 15 benchmark sets x 3 seeds every run is the same and
# the CPU no higher (a few more iterations of a solver that converges fast).
CG_TOL = 1e-12


def _conjugate_gradients(K: Any, t: np.ndarray, x0: np.ndarray, tol: float = CG_TOL) -> np.ndarray:
    """Solve ``K x = t`` from ``x0`` to relative residual ``tol``; K symmetric positive
    definite, a matrix or a function computing ``K @ v``."""
    product = K if callable(K) else K.__matmul__
    x = x0.copy()
    r = t - product(x)
    p = r.copy()
    rs = float(r @ r)
    stop = tol * tol * float(t @ t)
    for _ in range(len(t)):
        if rs <= stop:
            break
        Kp = product(p)
        step = rs / float(p @ Kp)
        x += step * p
        r -= step * Kp
        rs, rs_old = float(r @ r), rs
        p = r + (rs / rs_old) * p
    return x


def _standardised(s: np.ndarray) -> np.ndarray:
    sd = s.std()
    return (s - s.mean()) / sd if sd > 0 else s - s.mean()
