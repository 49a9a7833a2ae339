"""Issue 17, round 8: two ideas of kinds the tried list lacked, at the literature's defaults.

``python -m benchmarks.ranking_round8 NAME SEEDS [INPUTS]`` runs the in-process simulation
loop (:func:`reviewkit.ranking.simulate.simulate`, the tables' protocol, as rounds 5-7 do) with a
variant on the 15 sets and prints the figures (mean WSS@95, sets at or above ASReview,
recall@10 %, CPU against the kept setting, the smallest whole-process CPU ratio, the means on
the 7 smaller and the 8 larger sets). Runs are kept in ``/tmp/ranking_WORKTREE_NAME.json``
(resumable). NAME (the models are in ``benchmarks/ranking_round8_model.py``):

* ``kept``: the tables' own runs; ``rerun8``: the kept model run again now (its CPU under the
  machine's present load; named apart from round 7's ``rerun``, whose runs /tmp may hold);
* ``spread``: label spreading alone (Zhou et al. 2004, alpha 0.99) over a 10-nearest-
  neighbour cosine graph of the collection's TF-IDF rows, built once per collection;
* ``spread_com``: the kept model and ``spread`` as a committee (round 5's), standardised
  scores summed at equal weight (fixed before running: neither member has a claim to more);
* ``spread_bal`` / ``spread_bal_com``: the same with each class's labels normalised to unit
  mass (added after ``spread``'s first runs: with the kept class weights the labels' net mass
  spreads to every record by its degree; see :class:`LabelSpreading`);
* ``spread_deg_com``: the committee with each class's mass counted in √degree (added after
  ``degree`` showed the unit mass still following the degree on most sets);
* ``rankrls``: RankRLS (Pahikkala et al. 2007) on the (include, exclude) pairs, the kept
  kernel, the kept lam 3 (the paper sets none: it chose lam by cross-validation).

``python -m benchmarks.ranking_round8 split kept,spread,... SEEDS`` prints the split-half check
(chosen on the 7 smaller sets, tested on the 8 larger, and the other way round);
``python -m benchmarks.ranking_round8 degree`` prints, per set, how closely the spread scores of
the unlabelled records follow the square root of their degree in the graph, at each class
mass (why ``spread`` ranks hubs first, and how much of that is left at the other two).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from scipy import stats

from benchmarks import asreview_runner as asr
from benchmarks import ranking_round6 as round6
from benchmarks.bench_ranking import LABEL
from benchmarks.ranking_round5 import Committee
from benchmarks.ranking_round8_model import (
    LabelSpreading,
    PairwiseLeastSquares,
    knn_graph,
)
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import build_features
from reviewkit.ranking.simulate import load_labelled_set

# The committee's weight of the spreading member, stated before any run: equal weights (the
# sum rule of combining classifiers), no evidence favouring either member.
SPREAD_WEIGHT = 1.0

VARIANTS: dict[str, Callable[[], Any]] = {
    "kept": KernelLeastSquares,
    "rerun8": KernelLeastSquares,
    "spread": LabelSpreading,
    "spread_com": lambda: Committee([KernelLeastSquares(), LabelSpreading()], [1.0, SPREAD_WEIGHT]),
    "spread_bal": lambda: LabelSpreading(mass="unit"),
    "spread_bal_com": lambda: Committee(
        [KernelLeastSquares(), LabelSpreading(mass="unit")], [1.0, SPREAD_WEIGHT]
    ),
    "spread_deg_com": lambda: Committee(
        [KernelLeastSquares(), LabelSpreading(mass="degree")], [1.0, SPREAD_WEIGHT]
    ),
    "rankrls": PairwiseLeastSquares,
}


def degree_following(includes: int = 5, excludes: int = 100, seed: int = 0) -> list[str]:
    """Per set (title_abstract): Spearman's correlation between the spread score of each
    unlabelled record and the square root of its degree, with each ``mass`` of
    :class:`LabelSpreading`, ``includes`` and ``excludes`` labelled (the first includes, a
    seeded random draw of the excludes)."""
    lines = []
    for ds in asr.datasets():
        data = load_labelled_set(asr.reduced_csv(ds, LABEL, "title_abstract"), LABEL)
        X, y = build_features(data.texts), data.labels
        draw = np.random.RandomState(seed).permutation(np.flatnonzero(y == 0))[:excludes]
        rows = np.r_[np.flatnonzero(y == 1)[:includes], draw]
        unlabelled = np.setdiff1d(np.arange(len(y)), rows)
        degree = np.asarray(knn_graph(X).sum(axis=1)).ravel()[unlabelled]
        rho = [
            stats.spearmanr(
                LabelSpreading(mass=mass).fit_rows(X, rows, y[rows]).F[unlabelled],
                np.sqrt(degree),
            )[0]
            for mass in ("kept", "unit", "degree")
        ]
        lines.append(
            f"{ds.stem}: kept weights {rho[0]:.2f}, unit mass {rho[1]:.2f}, "
            f"mass in √degree {rho[2]:.2f}"
        )
    return lines


def main(argv: Sequence[str]) -> int:
    if argv[0] == "degree":
        print("\n".join(degree_following()))
        return 0
    return round6.run_variant(argv, VARIANTS)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
