"""Issue 17, round 13: records without an abstract, word pairs within a sentence, and ties.

``python -m benchmarks.ranking_round13 NAME SEEDS [INPUTS]`` runs the in-process simulation
loop (:func:`reviewkit.ranking.simulate.simulate`, the tables' protocol, as rounds 5-12 do) with a
variant on the 15 sets and prints the figures (mean WSS@95, sets at or above ASReview,
recall@10 %, CPU against the kept setting, the smallest whole-process CPU ratio, the means on
the 7 smaller and the 8 larger sets). Runs are kept in ``/tmp/ranking_WORKTREE_NAME.json``
(resumable). The features are built inside :func:`~reviewkit.ranking.simulate.simulate` (its
``build_features`` swapped for the variant's, as round 9 did), so a run's CPU includes their
cost; each set's fields (title, abstract as the product holds them) are read once before the
runs, outside the timing (the product has them as fields: it reads no file for them).

NAME, each setting fixed before any run (the model is the kept one throughout: kernel least
squares, lam 3, includes 9.8x, title twice):

* ``rerun13``: the kept setting run again now (its CPU under the machine's present load);
* ``noabs``: one more column, 1 for a record whose abstract is empty and 0 otherwise, learned
  by the model as any term (a second intercept for the records without an abstract, at the
  intercept's own scale 1, so lam 3 regularises it as it does the intercept). Kind: letters,
  comments, editorials, news and conference titles carry no abstract; reviews rarely include
  them (on the 15 sets 10.0 % of the records have no abstract, 0.9 % of them are includes
  against 5.0 % of all records: ``python -m benchmarks.ranking_round13 count``). The kept
  features cannot see this: a record's row is unit length, so a title alone weighs as much as
  a whole abstract, and its few words match an include's as strongly. The column lets the
  review's own labels say how such records fare (a review that includes them learns a
  positive weight). With keywords, a record whose abstract field is empty but which has MeSH
  terms still counts as without an abstract (the product holds the fields apart);
* ``seams``: word pairs only within a field and a sentence. The kept text is title, title,
  abstract (and keywords) joined with spaces, so its bigrams include the pair across each
  seam (the title's last word and its own first word; the title's last word and the
  abstract's first) and across every sentence end and keyword boundary ('placebo results',
  'humans middle'): no phrase of English, a column of its own (df about 1) that only lengthens
  the record's norm. Each field is split into sentences where ``. ! ? ; :`` and white space
  come before a capital, a digit or an opening bracket (round 10's sentence rule, with ``;``
  and ``:`` for clauses, headings of structured abstracts and keyword lists; 'vs. placebo'
  and 'et al. found' stay whole), and the 1-2-grams are counted per piece and summed per
  record; the words (unigrams) are the kept ones.

* ``title_cap``: the title's second copy cut to the collection's median title length in
  words (9-15 on the 15 sets), so a long title's further words count once (the brief's
  'capped weight on the title's second copy for long titles'). The title twice was measured
  against once on all titles; its weight grows with the title's length (a 25-word title takes
  about a quarter of its record's squared length, a 12-word one about an eighth), and the
  further words of a long title are mostly its design and setting ('a randomized,
  double-blind, placebo-controlled, multicentre trial in ...') rather than its topic.

The last idea, the query's tie-breaking among equal scores (the queue takes ties in row
order), needs no run: ``python -m benchmarks.ranking_round13 ties`` counts, at every fit of
the kept setting (seed 0, title_abstract), the unscreened records that share the top score.

``python -m benchmarks.ranking_round13 split kept,noabs,seams SEEDS`` prints the split-half
check; ``... table kept,noabs,seams SEEDS [INPUT]`` the per-set table. The rows of
``results/ranking.md`` ("What was tried", thirteenth round) are ``noabs``, ``seams`` and
``title_cap`` (seeds 0,1,2, both inputs) and ``ties``; ``rerun13`` ran seed 0, title_abstract (the same WSS@95 as
the tables run for run; the CPU reference at the load the variants ran under, 1-min 5-14).
"""

from __future__ import annotations

import contextlib
import csv
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np
from scipy import sparse

from benchmarks import asreview_runner as asr
from benchmarks import ranking_round6 as round6
from benchmarks import ranking_round11 as round11
from benchmarks.bench_ranking import LABEL
from reviewkit.ranking import simulate as simulate_module
from reviewkit.ranking.features import counts_of_tokens, tfidf_features, word_tokens
from reviewkit.ranking.labelled_sets import missing
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import TITLE_COPIES, build_features, record_text

# A sentence or clause ends at . ! ? ; or : with white space before a capital, a digit or an
# opening bracket (round 10's rule plus ; and :), fixed before any run.
_PIECE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-Z0-9(\[])")
# The no-abstract column's value: the intercept's own scale (the kernel adds 1 for the
# intercept; two records without an abstract now share 1 more).
NO_ABSTRACT_VALUE = 1.0


@cache
def fields(path: Path) -> tuple[tuple[str, str], ...]:
    """(title, abstract) of each row of a reduced CSV, read as the product reads them (stripped,
    a missing-value marker such as 'NA' empty)."""
    with path.open(newline="", encoding="utf-8") as f:
        return tuple((missing(r["title"]), missing(r["abstract"])) for r in csv.DictReader(f))


class _Current:
    """The reduced CSV :func:`simulate` is reading (set by the patched loader)."""

    path: Path | None = None


def _checked_fields(texts: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The current set's fields, checked to give the very texts the ranker was given."""
    assert _Current.path is not None
    got = fields(_Current.path)
    assert len(got) == len(texts), (_Current.path, len(got), len(texts))
    assert all(record_text(t, a) == x for (t, a), x in zip(got, texts, strict=True))
    return got


def no_abstract(path: Path) -> np.ndarray:
    """True where a record's abstract field is empty: read in the title_abstract CSV beside a
    with_keywords one (there the keywords are appended to the abstract)."""
    if path.parent.name == "with_keywords":
        path = path.parent.parent / "title_abstract" / path.name
    return np.array([not a for _, a in fields(path)], dtype=bool)


def noabs_features(texts: Sequence[str], max_df: float = 0.95) -> sparse.csr_matrix:
    """The kept features and the no-abstract column."""
    _checked_fields(texts)
    X = build_features(texts, max_df)
    column = sparse.csr_matrix(NO_ABSTRACT_VALUE * no_abstract(_Current.path)[:, None])
    return sparse.hstack([X, column], format="csr")


def pieces(title: str, abstract: str) -> list[str]:
    """A record's text in the pieces word pairs may not cross: each title copy, and each
    sentence or clause of the abstract (keywords appended to it included)."""
    out = [title] * TITLE_COPIES if title else []
    return out + [p for p in _PIECE_END.split(abstract) if p.strip()]


def seams_features(texts: Sequence[str], max_df: float = 0.95) -> sparse.csr_matrix:
    """TF-IDF of the kept 1-2-grams, word pairs counted within each piece only."""
    got = _checked_fields(texts)
    each = [pieces(t, a) for t, a in got]
    counts, _, _ = counts_of_tokens(word_tokens(p for ps in each for p in ps))
    owner = np.repeat(np.arange(len(each)), [len(ps) for ps in each])
    S = sparse.csr_matrix(
        (np.ones(len(owner)), (owner, np.arange(len(owner)))), shape=(len(each), len(owner))
    )
    return tfidf_features((S @ counts).tocsr(), max_df)


def capped_title_texts(got: Sequence[tuple[str, str]]) -> list[str]:
    """The kept texts with the title's second copy cut to the collection's median title
    length in words (white-space words of the non-empty titles): a longer title's further
    words count once."""
    lengths = [len(t.split()) for t, _ in got if t]
    cap = int(np.median(lengths)) if lengths else 0
    return [" ".join(part for part in (t, " ".join(t.split()[:cap]), a) if part) for t, a in got]


def capped_title_features(texts: Sequence[str], max_df: float = 0.95) -> sparse.csr_matrix:
    """The kept features of the texts with the title's second copy capped."""
    return build_features(capped_title_texts(_checked_fields(texts)), max_df)


FEATURES: dict[str, Callable[..., sparse.csr_matrix]] = {
    "noabs": noabs_features,
    "seams": seams_features,
    "title_cap": capped_title_features,
}
VARIANTS: dict[str, Callable[[], Any]] = {
    "kept": KernelLeastSquares,
    "rerun13": KernelLeastSquares,
    "noabs": KernelLeastSquares,
    "seams": KernelLeastSquares,
    "title_cap": KernelLeastSquares,
}


@contextlib.contextmanager
def features_of(name: str) -> Iterator[None]:
    """While open, :func:`simulate` builds variant ``name``'s features (and notes its set)."""
    make = FEATURES.get(name)
    if make is None:
        yield
        return
    load = simulate_module._labelled

    def noted(dataset: Any, label_column: str) -> Any:
        _Current.path = Path(dataset)
        return load(dataset, label_column)

    with (
        mock.patch.object(simulate_module, "_labelled", noted),
        mock.patch.object(simulate_module, "build_features", make),
    ):
        yield


def count() -> list[str]:
    """Per set: records and includes without an abstract."""
    lines, all_n, all_inc, none_n, none_inc = [], 0, 0, 0, 0
    for ds in asr.datasets():
        path = asr.reduced_csv(ds, LABEL, "title_abstract")
        empty = no_abstract(path)
        with path.open(newline="", encoding="utf-8") as f:
            y = np.array([int(r[LABEL]) for r in csv.DictReader(f)])
        lines.append(
            f"{ds.stem}: {empty.sum()} of {len(y)} records without an abstract "
            f"({empty.mean():.1%}), {(empty & (y == 1)).sum()} of {y.sum()} includes"
        )
        all_n, all_inc = all_n + len(y), all_inc + int(y.sum())
        none_n, none_inc = none_n + int(empty.sum()), none_inc + int((empty & (y == 1)).sum())
    lines.append(
        f"all: {none_n} of {all_n} records without an abstract ({none_n / all_n:.1%}); includes "
        f"{none_inc / none_n:.1%} of them, {all_inc / all_n:.1%} of all records"
    )
    return lines


class _TieWatch(KernelLeastSquares):
    """The kept model noting, at each scoring, how many unscreened records share the top."""

    tied: list[int] = []

    def fit_rows(self, X: Any, rows: Any, y: Any) -> _TieWatch:
        self._labelled_rows = np.asarray(rows)
        return super().fit_rows(X, rows, y)

    def decision_function(self, X: Any) -> np.ndarray:
        scores = super().decision_function(X)
        free = np.ones(X.shape[0], dtype=bool)
        free[self._labelled_rows] = False
        top = scores[free].max()
        _TieWatch.tied.append(int((np.abs(scores[free] - top) <= 1e-9 * max(1.0, abs(top))).sum()))
        return scores


def ties(seed: int = 0) -> list[str]:
    """Per set (title_abstract): fits whose top score is shared by two or more records."""
    lines = []
    for ds in asr.datasets():
        _TieWatch.tied = []
        simulate_module.simulate(
            asr.reduced_csv(ds, LABEL, "title_abstract"), seed=seed, model_factory=_TieWatch
        )
        tied = np.array(_TieWatch.tied)
        lines.append(
            f"{ds.stem}: {(tied > 1).sum()} of {len(tied)} fits with a tie at the top "
            f"(at most {tied.max()} records)"
        )
    return lines


def main(argv: Sequence[str]) -> int:
    if argv[0] in ("count", "ties"):
        print("\n".join(count() if argv[0] == "count" else ties()))
        return 0
    if argv[0] == "table":
        inputs = argv[3] if len(argv) > 3 else "title_abstract"
        seeds = [int(s) for s in argv[2].split(",")]
        print("\n".join(round11.per_set(argv[1].split(","), seeds, inputs)))
        return 0
    for ds in asr.datasets():  # every set's fields read before the timed runs
        for variant in ("title_abstract", "with_keywords"):
            fields(asr.reduced_csv(ds, LABEL, variant))
    with features_of(argv[0]):
        return round6.run_variant(argv, VARIANTS)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
