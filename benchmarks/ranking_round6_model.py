"""Issue 17, round 6's model: the kept kernel least squares with a lam grid whose weights come
from closed-form leave-one-out fits (measured by ``benchmarks/ranking_round6.py``; dropped, see
``results/ranking.md``, "What was tried", round 6).

:class:`GridKernelLeastSquares` subclasses :class:`reviewkit.ranking.model.KernelLeastSquares`
and overrides its least-squares fits, so this benchmark depends on the model's internals (the
Gram matrix kept by Gram index, ``_weights``, ``_fit_least_squares``, ``_fit_primal``,
``_conjugate_gradients``, ``EXACT_UP_TO``): a change to those must be checked here too
(``tests/ranking/test_round6.py`` holds a grid of lam 3 alone to the product model's scores).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from reviewkit.ranking.model import EXACT_UP_TO, KernelLeastSquares, _conjugate_gradients

COMBINE = ("select_mse", "select_auc", "stack", "select_mse_1se", "select_pool")
# The choice is made again at every fit up to ``select_always_up_to`` labels (100: an
# eigendecomposition of at most 100 × 100 costs under a millisecond), then each time the
# labels have grown by a quarter (a handful of choices in all: the best regularisation moves
# with the scale of the data, not with each label), up to EXACT_UP_TO.
SELECT_GROWTH = 1.25


class GridKernelLeastSquares(KernelLeastSquares):
    """The kept model with its lam set at each exact refit from the labels given, by
    closed-form leave-one-out over ``lam_grid`` (see :func:`loo_fits`, :func:`grid_weights`);
    ``combine`` names the criterion (one of COMBINE). Beyond EXACT_UP_TO labels the last
    weights stay; in the primal (beyond 3,000 labels) the heaviest-weighted lam is used."""

    def __init__(
        self,
        lam_grid: Sequence[float],
        combine: str = "select_mse",
        select_always_up_to: int = 100,
        **kept: Any,
    ) -> None:
        super().__init__(**kept)
        if not lam_grid:
            raise ValueError("lam_grid must hold at least one lam")
        if combine not in COMBINE:
            raise ValueError(f"combine must be one of {', '.join(COMBINE)}")
        self.lam_grid = tuple(float(v) for v in lam_grid)
        self.combine = combine
        self.select_always_up_to = select_always_up_to
        self.lam_weights: np.ndarray | None = None  # the last weights over lam_grid
        self._selected_at = 0  # the labels at the last choice of the weights
        self._grid_alphas: dict[float, np.ndarray] = {}  # per lam, by Gram index (warm starts)

    def fit_rows(self, X: Any, rows: Any, y: Any) -> GridKernelLeastSquares:
        """As the kept model's; a new matrix ``X`` also forgets the grid's weights."""
        if X is not self._X:
            self._grid_alphas, self.lam_weights = {}, None
        super().fit_rows(X, rows, y)
        return self

    def _main_lam(self) -> float:
        """The grid's heaviest-weighted lam once a grid fit has run, else ``lam``."""
        if self.lam_weights is not None:
            return self.lam_grid[int(np.argmax(self.lam_weights))]
        return self.lam

    def _fit_primal(self, X: Any, rows: np.ndarray, y: np.ndarray) -> None:
        kept_lam, self.lam = self.lam, self._main_lam()
        try:
            super()._fit_primal(X, rows, y)
        finally:
            self.lam = kept_lam

    def _fit_least_squares(self, X: Any, rows: np.ndarray, y: np.ndarray) -> None:
        # the kept model's _fit_least_squares with the grid's solve in place of one lam's
        c = self._weights(y)
        pos = np.fromiter((self._pos[int(r)] for r in rows), dtype=np.int64, count=len(rows))
        K = self._gram[np.ix_(pos, pos)] + 1.0  # + 1: the intercept as a constant feature
        t = np.where(y == 1, 1.0, -1.0)
        alpha = self._fit_on_grid(K, c, t, pos, rows)
        self._alpha = np.zeros(len(self._rows))
        self._alpha[pos] = alpha
        self.w = np.asarray(X[rows].T @ alpha).ravel()
        self.b = float(alpha.sum())

    def _fit_on_grid(
        self, K: np.ndarray, c: np.ndarray, t: np.ndarray, pos: np.ndarray, rows: np.ndarray
    ) -> np.ndarray:
        """Dual weights on the lam grid. The grid's weights are set again from closed-form
        leave-one-out fits at every fit up to ``select_always_up_to`` labels, then each time
        the labels have grown by SELECT_GROWTH, up to EXACT_UP_TO; between and beyond, the
        last weights are kept and each lam that has weight is solved."""
        lams, m = np.asarray(self.lam_grid), len(t)
        due = self.lam_weights is None or (
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
            self.lam_weights = grid_weights(loo, c, t, self.combine, lams, self.lam, pool)
            self._selected_at = m
            for k, lam in enumerate(self.lam_grid):
                self._grid_alphas[lam] = _scatter(alphas[:, k], pos, len(self._rows))
            return alphas @ self.lam_weights
        alpha = np.zeros(m)
        for lam, weight in zip(self.lam_grid, self.lam_weights, strict=True):
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
