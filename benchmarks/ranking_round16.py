"""Issue 17, round 16: MeSH check tags out of the heading block, and includes weighted as small
disjuncts.

``python -m benchmarks.ranking_round16 NAME SEEDS [INPUTS]`` runs the in-process simulation loop
(:func:`reviewkit.ranking.simulate.simulate`, the tables' protocol, as rounds 5-15 do) with a
variant on the 15 sets and prints the figures (mean WSS@95, sets at or above ASReview,
recall@10 %, CPU against the kept setting, the smallest whole-process CPU ratio, the means on
the 7 smaller and the 8 larger sets). Runs are kept in ``/tmp/ranking_WORKTREE_NAME.json`` (resumable).

NAME, each setting fixed before any run (the model is the kept one throughout: kernel least
squares, lam 3, includes 9.8x, title twice):

* ``rerun16``: the kept setting run again now (its CPU under the machine's present load);
* ``mesh_nocheck``: round 15's ``mesh_block`` (each heading one binary idf-weighted column of
  a block beside the prose, the block at √0.5 of the prose's kernel weight, the headings' words
  kept in the prose) with NLM's check tags left out of the block;
* ``mesh_halfcheck``: the same block with the check tags' columns at half their idf weight.

  The check tags (:data:`CHECK_TAGS`, from NLM's documentation, not from the 15 sets): "a
  special class of MeSH headings that must be considered routinely for every article ...
  primarily headings covering species (including Humans), sex, and human age groups; also
  historical time periods and pregnancy; usually indexed even if merely mentioned" (NLM,
  Principles of MEDLINE Subject Indexing,
  https://www.nlm.nih.gov/bsd/disted/meshtutorial/principlesofmedlinesubjectindexing/principles/03.html);
  the age groups as NLM's indexer training lists them (Infant, Newborn to Aged, 80 and over:
  https://www.nlm.nih.gov/bsd/indexing/training/CHK_030.htm). Kind: any record set indexed
  with MeSH; a check tag says who or what was studied, not the review's topic, and is put on
  nearly every record (25-31 % of a record's headings on the 13 sets with headings). NLM's
  documentation names no country-of-origin check tag (countries are ordinary geographic
  headings, Z category), so none is in the list;
* ``disjuncts``: the includes weighted as small disjuncts (Jo & Japkowicz 2004, "Class
  imbalance versus small disjuncts", SIGKDD Explorations 6(1): a minority class made of
  sub-concepts is learned badly on its small ones; they balance the sub-concepts, not only the
  classes). Here softly, without clusters: each labelled include's weight is the inverse of
  its kernel density among the labelled includes, 1 / (1 + Σ_j max(K_ij, 0)) over the other
  includes j (itself counted 1, also when its row is empty), rescaled so that the includes weigh in total what they weigh
  now (the kept 9.8x); the excludes as kept. No parameter to set. Kind: a review's includes
  fall in sub-topics (several drugs of a class, several designs, several reports of one
  trial); the model's direction follows the largest, and the last includes, which decide
  WSS@95, are those of the small ones (round 15: the 5 % of each set's includes farthest from
  any other include are below the collection's density, z -0.52). An include alone in its
  sub-topic keeps a weight near the kept one; near-duplicate includes (one trial's reports)
  share theirs. Both inputs.

``python -m benchmarks.ranking_round16 split kept,mesh_block,... SEEDS [INPUTS]`` prints the
split-half check; ``... table kept,disjuncts,... SEEDS [INPUT]`` the per-set table;
``... tags`` the check tags' share of the headings and of the block's squared length.

The rows of ``results/ranking.md`` ("What was tried", sixteenth round) are ``mesh_nocheck`` and
``mesh_halfcheck`` (seeds 0,1,2, with_keywords; on title_abstract no record has headings and
round 15 showed the block's features are the kept ones run for run) and ``disjuncts`` (seeds
0,1,2, both inputs); ``rerun16`` ran seed 0, title_abstract (the CPU reference).
"""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any
from unittest import mock

import numpy as np
from scipy import sparse

from benchmarks import asreview_runner as asr
from benchmarks import ranking_round6 as round6
from benchmarks import ranking_round11 as round11
from benchmarks import ranking_round15 as round15
from benchmarks.bench_ranking import LABEL
from reviewkit.ranking import simulate as simulate_module
from reviewkit.ranking.features import normalize_rows
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import build_features

# NLM's check tags (see the module docstring): species, sex, the human age groups, pregnancy;
# the historical periods are the headings "History, ..." (HISTORICAL_PREFIX)
CHECK_TAGS = frozenset(
    {
        "humans", "animals", "male", "female", "pregnancy",
        "infant, newborn", "infant", "child, preschool", "child", "adolescent", "young adult",
        "adult", "middle aged", "aged", "aged, 80 and over",
    }
)  # fmt: skip
HISTORICAL_PREFIX = "history, "
# the check tags' columns in ``mesh_halfcheck``: half their idf weight (fixed before running)
HALF = 0.5


def is_check_tag(heading: str) -> bool:
    """Whether a case-folded heading is one of NLM's check tags."""
    return heading in CHECK_TAGS or heading.startswith(HISTORICAL_PREFIX)


def heading_block(
    headings: Sequence[Sequence[str]], max_df: float = 0.95, check_tag_weight: float = 1.0
) -> sparse.csr_matrix:
    """Round 15's block (one binary column per heading, the kept idf, headings in more than
    ``max_df`` of the records dropped, unit rows) with the check tags' columns weighted by
    ``check_tag_weight`` before the rows are set to unit length (0: left out)."""
    kept = [[h for h in hs if check_tag_weight or not is_check_tag(h)] for hs in headings]
    if check_tag_weight in (0.0, 1.0):
        return round15.heading_block(kept, max_df)
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, hs in enumerate(kept):
        for h in set(hs):
            rows.append(i)
            cols.append(vocab.setdefault(h, len(vocab)))
    n = len(kept)
    H = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(n, max(len(vocab), 1)), dtype=np.float64
    )
    df = np.bincount(H.indices, minlength=H.shape[1])
    scale = np.ones(H.shape[1])
    for h, j in vocab.items():
        if is_check_tag(h):
            scale[j] = check_tag_weight
    idf = np.where(df > max_df * n, 0.0, np.log((1.0 + n) / (1.0 + df)) + 1.0)
    H.data *= (idf * scale)[H.indices]
    H.eliminate_zeros()
    return normalize_rows(H)


def _mesh_features(texts: Sequence[str], max_df: float, weight: float) -> sparse.csr_matrix:
    known = round15._records()
    looked = [known.get(t) for t in texts]
    if not any(r is not None and r[1] for r in looked):  # title_abstract: the kept features
        return build_features(texts, max_df)
    H = heading_block([r[1] if r is not None else [] for r in looked], max_df, weight)
    return round15.with_headings(build_features(texts, max_df), H)


def mesh_nocheck_features(texts: Sequence[str], max_df: float = 0.95) -> sparse.csr_matrix:
    """The kept features and the heading block without the check tags (``mesh_nocheck``)."""
    return _mesh_features(texts, max_df, 0.0)


def mesh_halfcheck_features(texts: Sequence[str], max_df: float = 0.95) -> sparse.csr_matrix:
    """The kept features and the heading block, check tags at half weight."""
    return _mesh_features(texts, max_df, HALF)


def disjunct_weights(gram: np.ndarray) -> np.ndarray:
    """Each include's weight from the includes' Gram matrix: 1 / (1 + Σ_{j≠i} max(K_ij, 0)),
    scaled so that the weights sum to the number of includes (their kept total). The include
    itself counts 1 whatever its row: a record with neither title nor abstract (an empty row,
    K_ii = 0) keeps the kept weight instead of an unbounded one."""
    off = np.clip(gram, 0.0, None)
    density = 1.0 + off.sum(axis=1) - np.diagonal(off)
    w = 1.0 / density
    return w * (len(w) / w.sum())


class SmallDisjuncts(KernelLeastSquares):
    """The kept model with each include weighted by :func:`disjunct_weights` (the excludes and
    the includes' total as kept)."""

    def _fit_least_squares(self, X: Any, rows: np.ndarray, y: np.ndarray) -> None:
        self._fit_pos = self._positions(rows)[0]
        super()._fit_least_squares(X, rows, y)

    def _weights(self, y: np.ndarray) -> np.ndarray:
        c = super()._weights(y)
        inc = np.flatnonzero(y == 1)
        if len(inc) > 1:
            g = self._fit_pos[inc]
            share = c[inc].sum()  # the includes' kept total, after the mean-1 scaling
            c[inc] = disjunct_weights(self._gram[np.ix_(g, g)]) * (share / len(inc))
        return c


FEATURES: dict[str, Callable[..., sparse.csr_matrix]] = {
    "mesh_nocheck": mesh_nocheck_features,
    "mesh_halfcheck": mesh_halfcheck_features,
}
VARIANTS: dict[str, Callable[[], Any]] = {
    name: KernelLeastSquares for name in ("kept", "rerun16", *FEATURES)
} | {"disjuncts": SmallDisjuncts}


@contextlib.contextmanager
def features_of(name: str) -> Iterator[None]:
    """While open, :func:`simulate` builds variant ``name``'s features."""
    make = FEATURES.get(name)
    if make is None:
        yield
        return
    with mock.patch.object(simulate_module, "build_features", make):
        yield


@functools.cache
def _tag_lines() -> tuple[str, ...]:
    known = round15._records()
    lines = []
    for ds in asr.datasets():
        if asr.effective_input(ds, "with_keywords") != "with_keywords":
            continue
        data = simulate_module.load_labelled_set(asr.reduced_csv(ds, LABEL, "with_keywords"), LABEL)
        hs = [known[t][1] for t in data.texts]
        share = np.mean([sum(map(is_check_tag, h)) / max(len(h), 1) for h in hs])
        H = round15.heading_block(hs)
        vocab = sorted({h for x in hs for h in x})
        n = len(hs)
        df = {h: sum(h in set(x) for x in hs) for h in vocab}
        tags = [h for h in vocab if is_check_tag(h) and df[h] <= 0.95 * n]
        idf = {h: np.log((1 + n) / (1 + df[h])) + 1 for h in vocab if df[h] <= 0.95 * n}
        sq = [
            sum(idf[h] ** 2 for h in set(x) if h in tags)
            / max(sum(idf.get(h, 0) ** 2 for h in set(x)), 1e-12)
            for x in hs
            if x
        ]
        lines.append(
            f"{ds.stem}: check tags {share:.0%} of a record's headings, {np.mean(sq):.0%} of "
            f"the block's squared length ({len(tags)} tags in the block; {H.shape[1]} columns)"
        )
    return tuple(lines)


def main(argv: Sequence[str]) -> int:
    if argv[0] == "tags":
        print("\n".join(_tag_lines()))
        return 0
    if argv[0] == "table":
        inputs = argv[3] if len(argv) > 3 else "title_abstract"
        seeds = [int(s) for s in argv[2].split(",")]
        print("\n".join(round11.per_set(argv[1].split(","), seeds, inputs)))
        return 0
    with features_of(argv[0]):
        return round6.run_variant(argv, VARIANTS)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
