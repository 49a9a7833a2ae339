"""Issue 17, round 15: each controlled-vocabulary heading as one feature, and information density.

``python -m benchmarks.ranking_round15 NAME SEEDS [INPUTS]`` runs the in-process simulation
loop (:func:`reviewkit.ranking.simulate.simulate`, the tables' protocol, as rounds 5-14 do) with a
variant on the 15 sets and prints the figures (mean WSS@95, sets at or above ASReview,
recall@10 %, CPU against the kept setting, the smallest whole-process CPU ratio, the means on
the 7 smaller and the 8 larger sets). Runs are kept in ``/tmp/ranking_WORKTREE_NAME.json`` (resumable).
The features are built inside :func:`~reviewkit.ranking.simulate.simulate` (its
``build_features`` swapped for the variant's, as rounds 9, 13 and 14 did), so a run's CPU
includes their cost.

NAME, each setting fixed before any run (the model is the kept one throughout: kernel least
squares, lam 3, includes 9.8x, title twice):

* ``rerun15``: the kept setting run again now (its CPU under the machine's present load);
* ``mesh_block``: with keywords, each heading (MeSH: "Sick Leave", "Return to Work",
  "Humans"; the ``;``-separated cells of the keywords column, case folded) is one column of a
  block of its own beside the prose TF-IDF: binary (a heading is assigned once), the kept idf
  1 + ln((1 + n) / (1 + df)) and max_df 0.95, the block at unit length, scaled by √0.5, and the
  joined row set to unit length again, so between two records with headings the kernel is
  (prose cosine + 0.5 heading cosine) / 1.5. The prose is the kept text (its words and word
  pairs include the headings' words, as now). 0.5 fixed before running: the headings are a
  second, coarser description of the record by an indexer (a few of them, such as "Humans" or
  "Middle Aged", shared by most records) and should not outweigh the authors' own words; half
  is the weight rounds 5 and 14 gave a second part of the kernel;
* ``mesh_only``: the same block, the headings' words taken out of the prose (the prose is the
  title and abstract alone; a heading counts only as the one concept it names).

  Kind: any record set with indexer's terms (MeSH, Emtree, author keywords). On title_abstract
  the texts hold no headings and the features are the kept ones (the figures must be equal
  run for run: the confirmation);
* ``density``: information density (Settles & Craven 2008; Settles 2009's active-learning
  survey, 5.1): each record's mean cosine to the collection (its row times the collection's
  mean row: once per collection, no label used), standardised over the collection, added at
  weight 0.25 to the kept model's standardised score. Kind: a query strategy that ranks by
  the model alone takes outliers first (short or odd records whose few terms happen to match
  an include's rarest terms); density prefers, among records the model scores alike, those
  typical of the collection a search retrieved for the review's topic. 0.25 fixed before
  running: light, as the earlier rounds' second committee members, so the model's order
  leads.

``python -m benchmarks.ranking_round15 split kept,mesh_block,... SEEDS [INPUTS]`` prints the
split-half check; ``... table kept,mesh_block,... SEEDS [INPUT]`` the per-set table;
``... headings`` the headings per set (distinct, per record, the share of records with any);
``... oracle`` how well a record's nearest include separates includes from excludes by text and
by headings, and how alike two records are by each; ``... typical`` the includes' density.

The rows of ``results/ranking.md`` ("What was tried", fifteenth round) are ``mesh_block``,
``mesh_only`` and ``density`` (seeds 0,1,2, both inputs); ``rerun15`` ran seed 0,
title_abstract (the CPU reference at the load the variants ran under).
"""

from __future__ import annotations

import contextlib
import csv
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
from benchmarks.bench_ranking import LABEL
from reviewkit.ranking import simulate as simulate_module
from reviewkit.ranking.features import normalize_rows
from reviewkit.ranking.labelled_sets import missing
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import build_features, record_text

# the headings' part of the kernel against the prose's (√ of it on the block): fixed before runs
HEADING_WEIGHT = 0.5
# information density's weight beside the model's standardised score: fixed before any run
DENSITY_WEIGHT = 0.25


def headings_of(cell: str) -> list[str]:
    """The headings of a keywords cell (``;``-separated), case folded, spaces collapsed."""
    return [h for h in (" ".join(p.split()).casefold() for p in cell.split(";")) if h]


@functools.cache
def _records() -> dict[str, tuple[str, list[str]]]:
    """Every with_keywords text the simulation ranks (as :mod:`labelled_sets` joins it) ->
    (the same record's title-and-abstract text, its headings), over the 15 sets."""
    found: dict[str, tuple[str, list[str]]] = {}
    for ds in asr.datasets():
        if asr.effective_input(ds, "with_keywords") != "with_keywords":
            continue
        reduced = asr.reduced_csv(ds, LABEL, "with_keywords")
        with (
            ds.open(newline="", encoding="utf-8") as f,
            reduced.open(newline="", encoding="utf-8") as g,
        ):
            for orig, red in zip(csv.DictReader(f), csv.DictReader(g), strict=True):
                text = record_text(missing(red["title"]), missing(red["abstract"]))
                prose = record_text(missing(orig.get("title")), missing(orig.get("abstract")))
                found[text] = (prose, headings_of(orig.get("keywords") or ""))
    return found


def heading_block(headings: Sequence[Sequence[str]], max_df: float = 0.95) -> sparse.csr_matrix:
    """One binary column per distinct heading, the kept idf, headings in more than ``max_df``
    of the records dropped, rows at unit length (a record without headings: an empty row)."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, hs in enumerate(headings):
        for h in set(hs):
            rows.append(i)
            cols.append(vocab.setdefault(h, len(vocab)))
    n = len(headings)
    H = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(n, max(len(vocab), 1)), dtype=np.float64
    )
    df = np.bincount(H.indices, minlength=H.shape[1])
    H.data *= np.where(df > max_df * n, 0.0, np.log((1.0 + n) / (1.0 + df)) + 1.0)[H.indices]
    H.eliminate_zeros()
    return normalize_rows(H)


def with_headings(prose: sparse.csr_matrix, H: sparse.csr_matrix) -> sparse.csr_matrix:
    """The prose rows and √HEADING_WEIGHT times the heading rows side by side, at unit length."""
    joined = sparse.hstack([prose, HEADING_WEIGHT**0.5 * H], format="csr")
    return normalize_rows(joined)


def _mesh_features(texts: Sequence[str], max_df: float, words_out: bool) -> sparse.csr_matrix:
    known = _records()
    looked = [known.get(t) for t in texts]
    if not any(r is not None and r[1] for r in looked):  # title_abstract: the kept features
        return build_features(texts, max_df)
    prose = [
        r[0] if (words_out and r is not None) else t for t, r in zip(texts, looked, strict=True)
    ]
    H = heading_block([r[1] if r is not None else [] for r in looked], max_df)
    return with_headings(build_features(prose, max_df), H)


def mesh_block_features(texts: Sequence[str], max_df: float = 0.95) -> sparse.csr_matrix:
    """The kept features and the headings' block beside them (``mesh_block``)."""
    return _mesh_features(texts, max_df, words_out=False)


def mesh_only_features(texts: Sequence[str], max_df: float = 0.95) -> sparse.csr_matrix:
    """Title and abstract features and the headings' block (``mesh_only``)."""
    return _mesh_features(texts, max_df, words_out=True)


def standardised(v: np.ndarray) -> np.ndarray:
    sd = float(v.std())
    return (v - v.mean()) / sd if sd > 0 else np.zeros_like(v)


def density(X: sparse.csr_matrix) -> np.ndarray:
    """Each row's mean cosine to the collection's rows (Settles & Craven's information density
    with cosine similarity; the rows are unit length), standardised."""
    mean_row = np.asarray(X.mean(axis=0)).ravel()
    return standardised(np.asarray(X @ mean_row).ravel())


class DensityWeighted(KernelLeastSquares):
    """The kept model's standardised score plus :data:`DENSITY_WEIGHT` x the standardised
    information density of each record (computed once per matrix)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._density: tuple[int, np.ndarray] | None = None

    def decision_function(self, X: Any) -> np.ndarray:
        score = super().decision_function(X)
        if self._density is None or self._density[0] != id(X):
            self._density = (id(X), density(X))
        return score + DENSITY_WEIGHT * self._density[1]


FEATURES: dict[str, Callable[..., sparse.csr_matrix]] = {
    "mesh_block": mesh_block_features,
    "mesh_only": mesh_only_features,
}
VARIANTS: dict[str, Callable[[], Any]] = {
    name: KernelLeastSquares for name in ("kept", "rerun15", *FEATURES)
} | {"density": DensityWeighted}


@contextlib.contextmanager
def features_of(name: str) -> Iterator[None]:
    """While open, :func:`simulate` builds variant ``name``'s features."""
    make = FEATURES.get(name)
    if make is None:
        yield
        return
    with mock.patch.object(simulate_module, "build_features", make):
        yield


def headings() -> list[str]:
    """Per set with keywords: distinct headings, headings per record, records with any."""
    known = _records()
    lines = []
    for ds in asr.datasets():
        if asr.effective_input(ds, "with_keywords") != "with_keywords":
            continue
        with asr.reduced_csv(ds, LABEL, "with_keywords").open(newline="", encoding="utf-8") as f:
            hs = [
                known[record_text(missing(r["title"]), missing(r["abstract"]))][1]
                for r in csv.DictReader(f)
            ]
        lines.append(
            f"{ds.stem}: {len({h for x in hs for h in x})} distinct headings, "
            f"{np.mean([len(x) for x in hs]):.1f} a record, {np.mean([bool(x) for x in hs]):.1%}"
            " of the records with any"
        )
    return lines


# MeSH check tags (and the age groups indexers tick as such): assigned to almost every record
CHECK_TAGS = frozenset(
    {
        "humans", "animals", "female", "male", "infant", "child", "child, preschool",
        "adolescent", "young adult", "adult", "middle aged", "aged", "aged, 80 and over",
    }
)  # fmt: skip


def _auc(scores: np.ndarray, y: np.ndarray) -> float:
    """How often an include scores above an exclude (ties half), by ranks."""
    from scipy.stats import rankdata

    r, n1 = rankdata(scores), int(y.sum())
    return float((r[y].sum() - n1 * (n1 + 1) / 2) / (n1 * (len(y) - n1)))


def _nearest_include(X: sparse.csr_matrix, y: np.ndarray) -> np.ndarray:
    """Each row's largest cosine to an include other than itself (an oracle of the labels)."""
    K = (X @ X[y].T).toarray()
    K[np.flatnonzero(y), np.arange(int(y.sum()))] = -1.0
    return K.max(axis=1)


def _mean_cosine(X: sparse.csr_matrix) -> float:
    """The mean cosine of two distinct rows."""
    n, total = X.shape[0], np.asarray(X.sum(axis=0)).ravel()
    return float((total @ total - X.multiply(X).sum()) / (n * (n - 1)))


def heading_oracle() -> list[str]:
    """Per set with headings: the AUC of a record's nearest include on the title and abstract,
    on the kept with_keywords text, on the headings alone and on ``mesh_block``'s rows; the
    mean cosine of two records by text and by headings; the check tags' share of a record's
    headings."""
    known = _records()
    lines = []
    for ds in asr.datasets():
        if asr.effective_input(ds, "with_keywords") != "with_keywords":
            continue
        data = simulate_module.load_labelled_set(asr.reduced_csv(ds, LABEL, "with_keywords"), LABEL)
        y = data.labels == 1
        looked = [known[t] for t in data.texts]
        prose, text = build_features([r[0] for r in looked]), build_features(data.texts)
        H = heading_block([r[1] for r in looked])
        aucs = [_auc(_nearest_include(X, y), y) for X in (prose, text, H, with_headings(text, H))]
        tags = np.mean([sum(h in CHECK_TAGS for h in r[1]) / max(len(r[1]), 1) for r in looked])
        lines.append(
            f"{ds.stem}: nearest-include AUC title+abstract {aucs[0]:.3f}, with keywords "
            f"{aucs[1]:.3f}, headings {aucs[2]:.3f}, mesh_block {aucs[3]:.3f}; mean cosine "
            f"text {_mean_cosine(text):.3f}, headings {_mean_cosine(H):.3f}; check tags "
            f"{tags:.0%} of a record's headings"
        )
    return lines


def typical() -> list[str]:
    """Per set (title_abstract): the includes' mean standardised density, and that of the 5 %
    of the includes farthest from any other include (lowest largest cosine to one)."""
    lines = []
    for ds in asr.datasets():
        data = simulate_module.load_labelled_set(asr.reduced_csv(ds, LABEL), LABEL)
        y = data.labels == 1
        X = build_features(data.texts)
        d = density(X)[y]
        far = np.argsort(_nearest_include(X, y)[y])[: max(1, int(np.ceil(0.05 * y.sum())))]
        lines.append(
            f"{ds.stem}: includes' density z {d.mean():+.2f}; the 5 % of includes farthest "
            f"from any other include {d[far].mean():+.2f}"
        )
    return lines


def main(argv: Sequence[str]) -> int:
    commands = {"headings": headings, "oracle": heading_oracle, "typical": typical}
    if argv[0] in commands:
        print("\n".join(commands[argv[0]]()))
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
