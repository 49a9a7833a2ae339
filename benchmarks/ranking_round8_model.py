"""Issue 17, round 8's models (measured by ``benchmarks/ranking_round8.py``; see
``results/ranking.md``, "What was tried", round 8). Neither is in the product.

* :class:`LabelSpreading`: graph-based semi-supervised scores (Zhou, Bousquet, Lal, Weston &
  Schölkopf 2004, "Learning with local and global consistency"): the labels spread over a
  k-nearest-neighbour cosine graph of the whole collection, built once per collection.
* :class:`PairwiseLeastSquares`: a pairwise ranking loss, RankRLS (Pahikkala, Tsivtsivadze,
  Airola, Boberg & Salakoski 2007, "Learning to rank with pairwise regularized
  least-squares"), in closed form in the kept kernel: every (include, exclude) pair's score
  difference fitted to their label difference.

:class:`PairwiseLeastSquares` subclasses :class:`reviewkit.ranking.model.KernelLeastSquares`
for its Gram matrix (grown as the labels grow), lam and solver; ``tests/ranking/test_round8.py``
holds each model to its paper's definition (the iteration it converges to, the pairwise
objective) on small sets.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import linalg, sparse

from reviewkit.ranking.model import (
    EXACT_UP_TO,
    KernelLeastSquares,
    _conjugate_gradients,
    _standardised,
)

# Zhou et al.'s alpha: the share of a record's score that comes from its neighbours (1 - alpha
# from its own label); 0.99 in all of the paper's experiments, not tuned here.
SPREAD_ALPHA = 0.99
# Neighbours per record in the graph (the brief's k; a record's edges are its k most similar
# records and those that have it among theirs, so degrees are k or more).
NEIGHBOURS = 10
# Rows of the cosine matrix formed at a time while the graph is built (a 256 × n dense block:
# 5 MB at 2,544 records), so the n × n similarities are never held at once.
BLOCK = 256


def knn_graph(X: Any, k: int = NEIGHBOURS) -> sparse.csr_matrix:
    """Symmetric k-nearest-neighbour graph of the rows of ``X`` (unit-length TF-IDF rows):
    edge i-j weighs cos(i, j) if j is among i's k most similar rows or i among j's (the
    union), no self loops, no edge of cosine 0 (a row that shares no term with another)."""
    n = X.shape[0]
    k = min(k, n - 1)
    if k <= 0:
        return sparse.csr_matrix((n, n))
    rows, cols, vals = [], [], []
    XT = X.T.tocsc()
    for start in range(0, n, BLOCK):
        block = (X[start : start + BLOCK] @ XT).toarray()
        idx = np.arange(block.shape[0])
        block[idx, start + idx] = -np.inf  # no self loop
        near = np.argpartition(-block, k - 1, axis=1)[:, :k]
        weight = block[idx[:, None], near]
        keep = weight > 0
        rows.append(np.repeat(start + idx, k)[keep.ravel()])
        cols.append(near[keep])
        vals.append(weight[keep])
    W = sparse.csr_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n)
    )
    return W.maximum(W.T).tocsr()


def _spreading_operator(W: sparse.csr_matrix, alpha: float = SPREAD_ALPHA) -> Any:
    """Cholesky factor of Zhou et al.'s ``I − alpha S``, S = D^-½ W D^-½ (D the degrees; a
    record with no edge keeps degree 1, so its row of S is 0): positive definite, since S's
    eigenvalues lie in [-1, 1] and alpha < 1."""
    degree = np.asarray(W.sum(axis=1)).ravel()
    root = 1.0 / np.sqrt(np.where(degree > 0, degree, 1.0))
    S = W.multiply(root[:, None]).multiply(root[None, :])
    M = np.eye(W.shape[0]) - alpha * S.toarray()
    return linalg.cho_factor(M, lower=True, check_finite=False)


class LabelSpreading:
    """Label spreading (Zhou et al. 2004): F = (1 − alpha)(I − alpha S)⁻¹ Y, the limit of
    F ← alpha S F + (1 − alpha) Y, on :func:`knn_graph`'s graph of the whole collection.

    Zhou et al. give each class a column of Y and label a record by its largest; a queue needs
    one score, and Y's two columns enter F linearly, so the score is F_include − F_exclude with
    Y = ±1 times a class weight, by ``mass``:

    * ``"kept"``: the kept model's weights (includes 9.8 times the excludes in total, the
      weighting the product uses against the classes' imbalance; with plain indicators the
      excludes' mass, 20-100 times the includes', would decide the order);
    * ``"unit"``: each class's column normalised to unit mass (the idea of Zhu, Ghahramani &
      Lafferty's 2003 class mass normalisation), so Y sums to 0;
    * ``"degree"``: each class's mass counted in √degree (an include +1 / Σ √d over the
      includes, an exclude −1 / Σ √d over the excludes), so Σ √d_i Y_i = 0: Y has no
      component along D^½ 1.

    Why: D^½ 1 is S's leading eigenvector (eigenvalue 1), so F's component along it is
    ⟨D^½ 1, Y⟩ / ‖D^½ 1‖² · D^½ 1 amplified 1 / (1 − alpha) = 100 times at alpha 0.99,
    against 1 / (1 − alpha λ) for the components that separate the classes: with the kept
    weights (net mass > 0) the unlabelled records rank by their degree (Spearman 0.87-0.99
    with √degree on 14 of the 15 sets, ADHD 0.65; 5 includes and 100 excludes labelled:
    ``python -m benchmarks.ranking_round8 degree``), a hub first whatever its words; at unit
    mass still 0.40-0.88 on 13 (the labelled includes' √degree differs from the excludes'),
    and -0.35 to 0.23 at ``"degree"``. Zhou et al. weigh edges by a Gaussian of the
    distance; here by the cosine itself (the brief's graph). The graph and the factor of
    I − alpha S are made once per collection (the first fit on a new ``X``); a fit is one
    pair of triangular solves (n² each).
    """

    def __init__(
        self, alpha: float = SPREAD_ALPHA, k: int = NEIGHBOURS, mass: str = "kept"
    ) -> None:
        if mass not in ("kept", "unit", "degree"):
            raise ValueError("mass must be 'kept', 'unit' or 'degree'")
        self.alpha, self.k, self.mass = alpha, k, mass
        self._X: Any = None
        self._factor: Any = None
        self._root_degree = np.zeros(0)
        self._weights = KernelLeastSquares()._weights  # the kept class weights (mean 1)
        self.F: np.ndarray | None = None

    def fit_rows(self, X: Any, rows: Any, y: Any) -> LabelSpreading:
        """Spread the labels ``y`` (1 include, 0 exclude) of ``X[rows]`` over the graph."""
        if X is not self._X:
            self._X = X
            W = knn_graph(X, self.k)
            self._root_degree = np.sqrt(np.asarray(W.sum(axis=1)).ravel())
            self._factor = _spreading_operator(W, self.alpha)
        rows, y = np.asarray(rows, dtype=np.int64), np.asarray(y, dtype=np.int64)
        Y = np.zeros(X.shape[0])
        t = np.where(y == 1, 1.0, -1.0)
        if self.mass == "kept":
            Y[rows] = self._weights(y) * t
        else:  # each class's mass, counted in records or in √degree, to ±1
            size = np.ones(len(rows)) if self.mass == "unit" else self._root_degree[rows]
            inc, exc = size[y == 1].sum(), size[y == 0].sum()
            Y[rows] = t / np.where(y == 1, inc if inc > 0 else 1.0, exc if exc > 0 else 1.0)
        self.F = (1.0 - self.alpha) * linalg.cho_solve(self._factor, Y, check_finite=False)
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        """Spread score of every row of ``X`` (the matrix fitted on)."""
        if self.F is None:
            raise RuntimeError("fit the model first")
        return _standardised(self.F)


def bipartite_laplacian(y: np.ndarray) -> tuple[np.ndarray, float]:
    """The pairs' Laplacian L = D − A of the complete bipartite graph between the includes and
    the excludes (``y`` 1 / 0), scaled to mean degree 1, as ``(d, s)``: L = diag(d) −
    (s / 2) 11ᵀ + (s / 2) t tᵀ, t = ±1 (the off-diagonal part s (p nᵀ + n pᵀ), p and n the
    classes' indicators, is (s / 2)(11ᵀ − t tᵀ)); rᵀ L r = s Σ over pairs (r_i − r_j)²."""
    n_inc = int(y.sum())
    n_exc = len(y) - n_inc
    s = len(y) / (2.0 * max(n_inc, 1) * max(n_exc, 1))  # mean degree 1: lam means the same
    d = s * np.where(y == 1, n_exc, n_inc).astype(float)
    return d, s


class PairwiseLeastSquares(KernelLeastSquares):
    """RankRLS on the (include, exclude) pairs, the kept kernel and lam 3.

    Minimises Σ over pairs s ((t_i − t_j) − (f_i − f_j))² + lam ‖w‖², f = K α (Pahikkala et
    al. 2007: (t − f)ᵀ L (t − f) with L the pairs' Laplacian; its closed form α = (L K +
    lam I)⁻¹ L t). Only pairs of an include and an exclude are fitted (with two-valued labels
    all pairs would add same-label pairs with target difference 0: plain least squares with a
    free intercept and every record weighing the same). The paper chose lam by cross-
    validation and gives no default; the kept lam 3 with L scaled to mean degree 1 (as the
    kept weights have mean 1) keeps the loss and the penalty in the kept model's proportion.
    Every pair weighs the same, so the includes and the excludes weigh the same in total
    (the kept model: includes 9.8 times the excludes). The intercept drops out (L 1 = 0).
    With r = t − f the pairs' loss over s is Σ over pairs (r_i − r_j)² = least squares weighted as
    scikit-learn's 'balanced' (an include |N|, an exclude |P|) with a free intercept, plus
    |P||N| / 2 · (mean r over the includes − mean r over the excludes)² (by expanding both).

    Up to EXACT_UP_TO labels the closed form is solved directly; beyond, L = diag(d) + U C Uᵀ
    (U = [1, t], C = diag(−s/2, s/2), :func:`bipartite_laplacian`) and Woodbury's identity
    reduce it to the kept model's symmetric system (G + lam diag(d)⁻¹) with three right-hand
    sides, each by conjugate gradients warm-started from the last fit.
    """

    def __init__(self, lam: float = 3.0) -> None:
        super().__init__(lam=lam)

    def _forget_gram(self) -> None:
        super()._forget_gram()
        self._starts = np.zeros((0, 3))  # the last three CG solutions, by Gram index

    def _fit_least_squares(self, X: Any, rows: np.ndarray, y: np.ndarray) -> None:
        pos, in_order = self._positions(rows)
        G = self._gram if in_order else self._gram[np.ix_(pos, pos)]
        t = np.where(y == 1, 1.0, -1.0)
        d, s = bipartite_laplacian(y)
        if len(t) <= EXACT_UP_TO:
            L = np.diag(d) + (s / 2.0) * (np.outer(t, t) - 1.0)
            system = L @ G
            system[np.diag_indices_from(system)] += self.lam
            alpha = np.linalg.solve(system, L @ t)
        else:
            alpha = self._woodbury(G, d, s, t, pos)
        self._solved(X, rows, pos, alpha, None if in_order else X[rows])
        self.b = 0.0  # L 1 = 0: a constant in f changes no pair

    def _fit_by_products(self, X: Any, rows: np.ndarray, y: np.ndarray) -> None:
        # beyond GRAM_UP_TO labels the kept model drops its Gram matrix; the benchmark sets
        # (up to 2,544 records) never get there, so this model does not carry that path
        raise ValueError("measuring variant: up to GRAM_UP_TO labels")

    def _woodbury(
        self, G: np.ndarray, d: np.ndarray, s: float, t: np.ndarray, pos: np.ndarray
    ) -> np.ndarray:
        """(L G + lam I) α = L t with L = diag(d) + U C Uᵀ: A = diag(d) G + lam I is
        diag(d) (G + lam / d), symmetric after the diagonal, so A⁻¹ v = (G + diag(lam / d))⁻¹
        (v / d) by preconditioned CG; α = A⁻¹b − A⁻¹U (C⁻¹ + Uᵀ G A⁻¹U)⁻¹ Uᵀ G A⁻¹b."""
        m = len(t)
        if len(self._starts) < len(self._rows):
            grown = np.zeros((len(self._rows), 3))
            grown[: len(self._starts)] = self._starts
            self._starts = grown
        e = self.lam / d

        def product(v: np.ndarray) -> np.ndarray:  # (G + diag(lam / d)) v
            return G @ v + e * v

        scale = 1.0 / (np.diagonal(G) + e)
        U = np.column_stack([np.ones(m), t])
        b = d * t + (s / 2.0) * (t * (t @ t) - np.ones(m) * t.sum())  # L t
        rhs = np.column_stack([b / d, U / d[:, None]])
        solved = np.column_stack(
            [
                _conjugate_gradients(product, rhs[:, j], self._starts[pos, j], scale=scale)
                for j in range(3)
            ]
        )
        self._starts[pos] = solved
        Ab, AU = solved[:, 0], solved[:, 1:]
        C_inv = np.diag([-2.0 / s, 2.0 / s])
        GAU, GAb = G @ AU, G @ Ab
        small = C_inv + U.T @ GAU
        return Ab - AU @ np.linalg.solve(small, U.T @ GAb)
