"""Issue 17, round 17: the query step's balance, most relevant against most uncertain.

``python -m benchmarks.ranking_round17 NAME SEEDS [INPUTS]`` runs the in-process simulation loop
(:func:`reviewkit.ranking.simulate.simulate`, the tables' protocol, as rounds 5-16 do) with a
variant on the 15 sets and prints the figures (mean WSS@95, sets at or above ASReview,
recall@10 %, CPU against the kept setting, the smallest whole-process CPU ratio, the means on
the 7 smaller and the 8 larger sets). Runs are kept in ``ranking_round5.runs_file(NAME)``
(resumable; the worktree in the name).

NAME, each setting fixed before any run (the model is the kept one throughout: kernel least
squares, lam 3, includes 9.8x, title twice):

* ``rerun17``: the kept setting run again now (its CPU under the machine's present load);
* ``max_unc``: ASReview's "Mixed (95% Maximum and 5% Uncertainty)" query strategy
  (asreview/models/query/mixed.py, ``MaxUncertaintyQuery``, mix_ratio 0.95, the ratio ASReview
  ships; not tuned here): every 20th record screened (the labels' count, priors included, a
  multiple of 20) is the unscreened record the model is least sure of, the one scored nearest
  the decision value 0 between the targets +1 and -1, the others the highest scored as kept.
  ASReview draws which of a batch's picks are uncertain at random; here the count decides, so
  the run stays the same for a seed. Kind: any screening set. The queue's own picks are the
  records the model already scores high, so the excludes it learns from are the near misses of
  what it knows; the last includes, which decide WSS@95, are the outlying ones scored near the
  boundary (round 15), and a pick there teaches the model where that boundary is (Lewis & Gale
  1994's uncertainty sampling; Settles 2009, 3.1). The cost: 5 % of the picks are taken from
  the middle of the ranking instead of its top. Both inputs.
* ``max_rand``: ASReview's other shipped mix, "Mixed (95% Maximum and 5% Random)"
  (``MaxRandomQuery``, mix_ratio 0.95): every 20th record screened is drawn at random from the
  unscreened ones (``RandomState`` seeded by the labels' count, so a run repeats). Kind: any
  screening set. The queue's excludes are a biased sample (all of them scored high); a few
  drawn at random are truly labelled excludes from the whole collection, the unbiased sample
  that presumed excludes (Cormack & Grossman's BMI, round 2) only stand in for, and now and
  then a pick lands on an include the model scores low. Both inputs.

``python -m benchmarks.ranking_round17 split kept,max_unc SEEDS [INPUTS]`` prints the split-half
check; ``... table kept,max_unc SEEDS [INPUT]`` the per-set table.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any
from unittest import mock

import numpy as np

from benchmarks import ranking_round6 as round6
from benchmarks import ranking_round11 as round11
from reviewkit.ranking import simulate as simulate_module
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import Ranker

EVERY = 20  # ASReview's mix_ratio 0.95: one pick in 20 is the most uncertain
MIXED_AHEAD = 200  # positions mixed per fit; a fit screens at most ceil(1 % of 2,544) = 26


def mixed_order(
    scores: np.ndarray, pool: np.ndarray, n_labelled: int, *, random: bool = False
) -> list[int]:
    """The unscreened rows ``pool`` in the order the mixed query takes them: the record that
    will be screened as the labels' k-th, k a multiple of :data:`EVERY`, is the one whose score
    is nearest 0 among those not taken yet; the others the highest scored (ties in row order).
    With ``random`` that record is drawn at random instead (``RandomState(n_labelled)``).
    The first :data:`MIXED_AHEAD` positions are mixed, the rest follow by score."""
    top = pool[np.argsort(-scores[pool], kind="stable")].tolist()
    if random:
        near = np.random.RandomState(n_labelled).permutation(pool).tolist()
    else:
        near = pool[np.argsort(np.abs(scores[pool]), kind="stable")].tolist()
    taken: set[int] = set()
    order: list[int] = []
    queues = {True: iter(near), False: iter(top)}
    for j in range(min(MIXED_AHEAD, len(top))):
        source = queues[(n_labelled + j + 1) % EVERY == 0]
        row = next(r for r in source if r not in taken)
        taken.add(row)
        order.append(row)
    return order + [r for r in top if r not in taken]


def mixed_fit_and_rank(ranker: Ranker, labels: dict[int, bool], labelled: np.ndarray) -> list[int]:
    """:func:`reviewkit.ranking.simulate._fit_and_rank` with :func:`mixed_order`."""
    ranker.fit(labels)
    scores = ranker.all_scores()[: len(labelled)]
    return mixed_order(scores, np.flatnonzero(~labelled), len(labels))


def random_fit_and_rank(ranker: Ranker, labels: dict[int, bool], labelled: np.ndarray) -> list[int]:
    """The same with :func:`mixed_order`'s random picks."""
    ranker.fit(labels)
    scores = ranker.all_scores()[: len(labelled)]
    return mixed_order(scores, np.flatnonzero(~labelled), len(labels), random=True)


VARIANTS: dict[str, Callable[[], Any]] = {
    name: KernelLeastSquares for name in ("kept", "rerun17", "max_unc", "max_rand")
}
QUERIES = {"max_unc": mixed_fit_and_rank, "max_rand": random_fit_and_rank}


@contextlib.contextmanager
def query_of(name: str) -> Iterator[None]:
    """While open, :func:`simulate` picks records as variant ``name`` does."""
    query = QUERIES.get(name)
    if query is None:
        yield
        return
    with mock.patch.object(simulate_module, "_fit_and_rank", query):
        yield


def main(argv: Sequence[str]) -> int:
    if argv[0] == "table":
        inputs = argv[3] if len(argv) > 3 else "title_abstract"
        seeds = [int(s) for s in argv[2].split(",")]
        print("\n".join(round11.per_set(argv[1].split(","), seeds, inputs)))
        return 0
    with query_of(argv[0]):
        return round6.run_variant(argv, VARIANTS)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
