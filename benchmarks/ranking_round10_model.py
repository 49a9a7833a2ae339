"""Issue 17, round 10's passages and committee (measured by ``benchmarks/ranking_round10.py``;
see ``results/ranking.md``, "What was tried", round 10). None is in the product.

WSS@95 is set by the last includes, and the labelled includes' words do not describe those
records as a whole. Two kinds of evidence the kept model never used:

* **Passage-level evidence** (Callan 1994, "Passage-level evidence in document retrieval"):
  an outlying include may state what makes it eligible in one sentence of an abstract
  otherwise about something else, and the whole record's unit-length row dilutes that
  sentence. :func:`passages` splits a record into its title (a passage of its own) and the
  abstract's sentences; :func:`passage_features` gives each passage a TF-IDF row in the
  records' columns, weighted and normalised as the records' rows are (the records' idf, the
  same dropped terms, sublinear tf, unit length). :class:`PassageLeastSquares` is the kept
  model fitted on whole records as now; its weights ``w = Xᵀα`` score every passage too, and a
  record's score is a fixed mix of its own score and its best passage's. Callan combined the
  document's and the best passage's beliefs with a weighted sum and found the mix better than
  either alone on most collections; the weight (0.5, equal) is fixed before running.
  Callan's passages were also fixed-length windows of words, a few hundred in his best runs,
  about an abstract's length; so here, as the brief asks, the passages are sentences (the
  unit an abstract states a criterion in).
* **Query by bagging** (Abe & Mamitsuka 1998, "Query learning strategies using boosting and
  bagging"): :class:`BaggedLeastSquares` is a committee of the kept model fitted on bootstrap
  samples of the labels (5 members, resampled at each fit from a fixed seed, the labelled
  count and the member's number, so a run is reproducible), scored by the members' mean (the
  literature's exploitation form; disagreement is not used). Two choices differ from the
  paper's plain bootstrap: the sample is drawn within each class (stratified: every member
  keeps the labels' include and exclude counts, so none is left without an include while a
  queue has one or two, and the kept class weights mean the same in every member), and the
  members share one Gram matrix (a drawn row counted k times weighs k times in the loss:
  the same fit as k copies). ``stratified=False`` is the paper's plain draw (measured too:
  ``bagging_plain``). The mean of linear scores is the score of the mean weights, so
  the committee scores with one product, ``X (Aᵀ ᾱ)``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse

from reviewkit.ranking.features import normalize_rows, term_counts
from reviewkit.ranking.model import (
    EXACT_UP_TO,
    GRAM_UP_TO,
    KernelLeastSquares,
    _conjugate_gradients,
    _standardised,
)

# A sentence ends at ".", "!" or "?" followed by white space and a capital, a digit or an
# opening bracket (the start of the next sentence). These sets join a structured abstract's
# sections with "; " after the full stop (".; Twelve healthy ..."), so a ";" right after the
# stop ends the sentence too. Abbreviations that end in a stop before a capital ("et al.
# Smith") are rare in abstracts; a wrong split makes two shorter passages, no more.
_SENTENCE_END = re.compile(r"(?<=[.!?]);?\s+(?=[A-Z0-9(\[])")

# Callan 1994 mixed the document's and the best passage's evidence by a weighted sum; equal
# weights, fixed before running (neither has a claim to more).
PASSAGE_WEIGHT = 0.5
# Abe & Mamitsuka's committees; 5 members is the brief's and a common small committee (their
# experiments used more with cheaper learners); fixed before running.
MEMBERS = 5
BAG_SEED = 10  # the round's number: any fixed seed


def passages(title: str, abstract: str) -> list[str]:
    """The passages of a record: its title (once), then each sentence of its abstract (with the
    keywords, when appended to the abstract, a passage of their own after its last stop)."""
    parts = [title] if title.strip() else []
    parts += [s for s in _SENTENCE_END.split(abstract) if s.strip()]
    return parts


def passage_features(
    texts: Sequence[str], parts: Sequence[Sequence[str]], max_df: float = 0.95
) -> tuple[sparse.csr_matrix, sparse.csr_matrix, np.ndarray]:
    """``(X, P, first)``: the records' TF-IDF (as ``build_features(texts)``, the columns in
    another order), the passages' rows in the same columns, and each record's first passage row
    (``first[i]:first[i + 1]`` are record i's; ``len(first) == len(texts) + 1``).

    One vocabulary for both (the passages' words and pairs are the records'); the df and the
    terms dropped (in more than ``max_df`` of the records) come from the records only, so a
    passage's row is weighted as its record's is: tf 1 + ln(count), the records' smooth idf,
    unit length."""
    n = len(texts)
    flat = [p for ps in parts for p in ps]
    first = np.zeros(n + 1, dtype=np.int64)
    first[1:] = np.cumsum([len(ps) for ps in parts])
    counts = term_counts(list(texts) + flat)[0]
    df = np.bincount(counts[:n].indices, minlength=counts.shape[1])
    keep = df <= max_df * n
    idf = np.where(keep, np.log((1.0 + n) / (1.0 + df)) + 1.0, 0.0)
    counts.data = (np.log(counts.data) + 1.0) * idf[counts.indices]
    counts.eliminate_zeros()
    rows = normalize_rows(counts.tocsr())
    return rows[:n], rows[n:], first


def best_passage(doc: np.ndarray, each: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Each record's best passage score (``each``: the passages' scores, record i's at
    ``first[i]:first[i + 1]``); a record without passages keeps its own score ``doc``."""
    has = np.diff(first) > 0
    best = doc.copy()
    best[has] = np.maximum.reduceat(each, first[:-1][has])
    return best


class PassageLeastSquares(KernelLeastSquares):
    """The kept model, fitted on whole records; a record scores ``(1 - weight)`` × its own score
    plus ``weight`` × its best passage's (both ``· w + b``, so on one scale), standardised. A
    record without passages (no title, no abstract) scores as itself."""

    def __init__(self, P: sparse.csr_matrix, first: np.ndarray, weight: float = PASSAGE_WEIGHT):
        super().__init__()
        self.P, self.first, self.weight = P, first, weight

    def decision_function(self, X: Any) -> np.ndarray:
        if self.w is None:
            raise RuntimeError("fit the model first")
        doc = np.asarray(X @ self.w).ravel() + self.b
        if self.weight == 0 or self.P.shape[0] == 0:
            return _standardised(doc)
        best = best_passage(doc, np.asarray(self.P @ self.w).ravel() + self.b, self.first)
        return _standardised((1.0 - self.weight) * doc + self.weight * best)


class BaggedLeastSquares(KernelLeastSquares):
    """Query by bagging over the kept model (see the module docstring): ``members`` fits on
    bootstrap samples of the labels at each refit (stratified, or the paper's plain draw),
    scored by their mean."""

    def __init__(
        self, members: int = MEMBERS, seed: int = BAG_SEED, stratified: bool = True
    ) -> None:
        super().__init__()
        self.members, self.seed, self.stratified = members, seed, stratified
        self._member_alpha: list[np.ndarray] = [np.zeros(0) for _ in range(members)]

    def fit_rows(self, X: Any, rows: Any, y: Any) -> BaggedLeastSquares:
        if len(rows) > GRAM_UP_TO:  # not reached on the 15 sets (2,544 records at most)
            raise ValueError("the bagged committee keeps a Gram matrix: up to 3,000 labels")
        super().fit_rows(X, rows, y)
        return self

    def _sample(self, y: np.ndarray, member: int) -> np.ndarray:
        """How many times each labelled row is drawn: a bootstrap within each class, or
        (not ``stratified``) the paper's plain bootstrap of all the labels, drawn again while
        it lacks a class (a member needs an include and an exclude to rank by)."""
        rng = np.random.default_rng((self.seed, member, len(y)))
        if not self.stratified:
            while True:
                k = np.bincount(rng.integers(0, len(y), len(y)), minlength=len(y))
                if 0 < k[y == 1].sum() < len(y):
                    return k
        k = np.zeros(len(y), dtype=np.int64)
        for cls in (0, 1):
            idx = np.flatnonzero(y == cls)
            k += np.bincount(idx[rng.integers(0, len(idx), len(idx))], minlength=len(y))
        return k

    def _drawn_weights(self, y: np.ndarray, k: np.ndarray) -> np.ndarray:
        """Each row's weight in a member: the kept class weights of the drawn sample (its
        include and exclude counts), times the times it was drawn, mean 1 over the draws."""
        n_inc = int(k[y == 1].sum())
        c = np.where(y == 1, 1.0, n_inc / (self.include_ratio * max(len(y) - n_inc, 1)))
        ck = c * k
        return ck * (len(y) / ck.sum())

    def _fit_least_squares(self, X: Any, rows: np.ndarray, y: np.ndarray) -> None:
        pos, in_order = self._positions(rows)
        t = np.where(y == 1, 1.0, -1.0)
        mean_alpha = np.zeros(len(rows))
        for b in range(self.members):
            old = self._member_alpha[b]
            start = np.zeros(len(self._rows))
            start[: len(old)] = old
            k = self._sample(y, b)
            sub = np.flatnonzero(k)
            d = self.lam / self._drawn_weights(y, k)[sub]  # a row drawn k times weighs k times
            G = self._gram[np.ix_(pos[sub], pos[sub])]
            if len(sub) <= EXACT_UP_TO:
                K = G + 1.0
                K[np.diag_indices_from(K)] += d
                alpha = np.linalg.solve(K, t[sub])
            else:  # as the kept model: CG from this member's last solution, Jacobi scaled

                def product(v: np.ndarray, G: np.ndarray = G, d: np.ndarray = d) -> np.ndarray:
                    return G @ v + (v.sum() + d * v)

                alpha = _conjugate_gradients(
                    product, t[sub], start[pos[sub]], scale=1.0 / (np.diagonal(G) + 1.0 + d)
                )
            kept = np.zeros(len(self._rows))
            kept[pos[sub]] = alpha
            self._member_alpha[b] = kept
            mean_alpha[sub] += alpha / self.members
        self._solved(X, rows, pos, mean_alpha, None if in_order else X[rows])
