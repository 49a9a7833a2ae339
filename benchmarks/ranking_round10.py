"""Issue 17, round 10: passage-level evidence and query by bagging.

``python -m benchmarks.ranking_round10 NAME SEEDS [INPUTS]`` runs the in-process simulation
loop (:func:`reviewkit.ranking.simulate.simulate`, the tables' protocol, as rounds 5-9 do) with a
variant on the 15 sets and prints the figures (mean WSS@95, sets at or above ASReview,
recall@10 %, CPU against the kept setting, the smallest whole-process CPU ratio, the means on
the 7 smaller and the 8 larger sets). Runs are kept in ``/tmp/ranking_WORKTREE_NAME.json``
(resumable). The passages are split and weighted inside :func:`~reviewkit.ranking.simulate.simulate`
(its reading of the set and its ``build_features`` wrapped), so a run's CPU includes their
cost. NAME (fixed before any run; the models are in ``benchmarks/ranking_round10_model.py``):

* ``kept``: the tables' own runs; ``rerun10``: the kept model run again now (its CPU under
  the machine's present load);
* ``passage``: the kept model fitted on whole records; a record scores 0.5 × its own score +
  0.5 × its best passage's (title, or one sentence of the abstract; Callan 1994);
* ``passage_max``: the best passage's score alone (Callan's max-passage ranking, weight 1);
* ``bagging``: query by bagging (Abe & Mamitsuka 1998), 5 members on stratified bootstrap
  samples of the labels, their mean score;
* ``bagging_plain``: the same with the paper's plain bootstrap of all the labels (a sample
  without an include or without an exclude drawn again).

``python -m benchmarks.ranking_round10 split kept,passage,... SEEDS`` prints the split-half
check (chosen on the 7 smaller sets, tested on the 8 larger, and the other way round);
``python -m benchmarks.ranking_round10 passages`` prints, per set (title_abstract), the
passages per record, how often the best passage is the title and how the best passage's lift
follows the number of passages.
The rows of ``results/ranking.md`` ("What was tried", tenth round) are ``passage``,
``passage_max``, ``bagging`` and ``bagging_plain``, seeds 0,1,2; ``rerun10`` ran seed 0.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any
from unittest import mock

import numpy as np
from scipy import sparse, stats

from benchmarks import asreview_runner as asr
from benchmarks import ranking_round6 as round6
from benchmarks.bench_ranking import LABEL
from benchmarks.ranking_round10_model import (
    BaggedLeastSquares,
    PassageLeastSquares,
    best_passage,
    passage_features,
    passages,
)
from reviewkit.ranking import labelled_sets
from reviewkit.ranking import simulate as simulate_module
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import record_text


class _Read:
    """What the patched reading of a set saw (each record's title and abstract, in order) and
    the passages of the last matrix built (the model is made by the Ranker right after the
    features, in the same call)."""

    parts: list[list[str]] = []
    P: sparse.csr_matrix = sparse.csr_matrix((0, 1))
    first: np.ndarray = np.zeros(1, dtype=np.int64)


def _record_text(title: str, abstract: str = "", keywords: Any = "") -> str:
    """:func:`reviewkit.ranking.ranker.record_text`, keeping the record's passages (the reduced CSVs
    append the keywords to the abstract, so ``keywords`` is empty there)."""
    _Read.parts.append(passages(title, f"{abstract} {keywords}".strip() if keywords else abstract))
    return record_text(title, abstract, keywords)


def _features(texts: Sequence[str], max_df: float = 0.95) -> sparse.csr_matrix:
    """The records' TF-IDF; their passages' rows kept in :class:`_Read` for the model."""
    if len(_Read.parts) != len(texts):
        raise RuntimeError("passages and texts out of step")
    X, _Read.P, _Read.first = passage_features(texts, _Read.parts, max_df)
    _Read.parts = []
    return X


VARIANTS: dict[str, Callable[[], Any]] = {
    "kept": KernelLeastSquares,
    "rerun10": KernelLeastSquares,
    "passage": lambda: PassageLeastSquares(_Read.P, _Read.first),
    "passage_max": lambda: PassageLeastSquares(_Read.P, _Read.first, weight=1.0),
    "bagging": BaggedLeastSquares,
    "bagging_plain": lambda: BaggedLeastSquares(stratified=False),
}


@contextlib.contextmanager
def features_of(name: str) -> Iterator[None]:
    """While open, :func:`reviewkit.ranking.simulate.simulate` builds variant ``name``'s features."""
    if not name.startswith("passage"):
        yield
        return
    _Read.parts = []
    with (
        mock.patch.object(labelled_sets, "record_text", _record_text),
        mock.patch.object(simulate_module, "build_features", _features),
    ):
        yield


def passage_counts() -> list[str]:
    """Per set (title_abstract): passages per record (mean, max) and, under a model fitted on
    all labels (an oracle of the scoring, not a screening), the share of includes and excludes
    whose best passage is the title, and how the best passage's lift over the record's own
    score follows the number of passages among the excludes (Spearman): the maximum of more
    passages is higher by chance alone."""
    lines = []
    for ds in asr.datasets():
        with features_of("passage"):
            data = simulate_module.load_labelled_set(asr.reduced_csv(ds, LABEL), LABEL)
            X = _features(data.texts)
        sizes = np.diff(_Read.first)
        model = PassageLeastSquares(_Read.P, _Read.first).fit(X, data.labels)
        each = np.asarray(_Read.P @ model.w).ravel()
        has = sizes > 0
        arg = np.zeros(len(sizes), dtype=np.int64)
        for i in np.flatnonzero(has):  # a few thousand records: a loop is fine here
            arg[i] = int(np.argmax(each[_Read.first[i] : _Read.first[i + 1]]))
        inc = data.labels == 1
        doc = np.asarray(X @ model.w).ravel()
        best = best_passage(doc, each, _Read.first)
        lift = stats.spearmanr(sizes[~inc], (best - doc)[~inc])[0]
        lines.append(
            f"{ds.stem}: {sizes.mean():.1f} passages a record (max {sizes.max()}); best is "
            f"the title for {np.mean(arg[inc & has] == 0):.2f} of includes, "
            f"{np.mean(arg[~inc & has] == 0):.2f} of excludes; lift ~ passages (excludes) "
            f"Spearman {lift:.2f}"
        )
    return lines


def main(argv: Sequence[str]) -> int:
    if argv[0] == "passages":
        print("\n".join(passage_counts()))
        return 0
    with features_of(argv[0]):
        return round6.run_variant(argv, VARIANTS)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
