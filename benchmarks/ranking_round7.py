"""Issue 17, round 7: two models the tried list lacked, at the literature's default settings.

``python -m benchmarks.ranking_round7 NAME SEEDS [INPUTS]`` runs the in-process simulation
loop (:func:`reviewkit.ranking.simulate.simulate`, the tables' protocol, as rounds 5 and 6 do) with a
variant on the 15 sets and prints the figures (mean WSS@95, sets at or above ASReview,
recall@10 %, CPU against the kept setting, the smallest whole-process CPU ratio, the means on
the 7 smaller and the 8 larger sets). Runs are kept in ``/tmp/ranking_WORKTREE_NAME.json``
(resumable). NAME (the models are in ``benchmarks/ranking_round7_model.py``):

* ``kept``: the tables' own runs; ``rerun``: the kept model run again now (its CPU under the
  machine's present load);
* ``nb``: NB-scaled features (NBSVM's, Wang & Manning 2012): each term scaled by the
  log-count ratio r of the labels given (alpha 1, p and q the summed TF-IDF rows of the
  includes and the excludes), the rows set to unit length again, the kept model on them;
* ``nb_bin``: the same with p and q counting the records that hold a term (the paper's
  binarised features);
* ``nb_wm``: Wang & Manning's NBSVM as the paper sets it, the kept least squares in place of
  their SVM: r from binarised counts, the scaled rows not set to unit length, and the weights
  interpolated with their mean magnitude, w' = (1 - beta) w̄ + beta w, beta 0.25 (which adds
  (1 - beta) w̄ times the naive Bayes score r·x); r scales the kept TF-IDF features, where
  the paper scales the binarised ones;
* ``rrf``: the kept model's ranking and a Rocchio relevance-feedback query's (beta 0.75,
  gamma 0.15) fused by reciprocal rank (k 60, Cormack, Clarke & Büttcher 2009).

``python -m benchmarks.ranking_round7 split kept,nb,... SEEDS`` prints the split-half check
(chosen on the 7 smaller sets, tested on the 8 larger, and the other way round);
``python -m benchmarks.ranking_round7 unseen [SEED]`` prints, per set at its two priors, how
small r is on the terms no labelled record holds and the share of each record's squared
TF-IDF mass on those terms (why the NB-scaled model sees little beyond the labelled words).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from benchmarks import asreview_runner as asr
from benchmarks import ranking_round6 as round6
from benchmarks.bench_ranking import LABEL
from benchmarks.ranking_round7_model import NBScaledKernel, RocchioFusion, log_count_ratio
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import build_features
from reviewkit.ranking.simulate import load_labelled_set, prior_rows

VARIANTS: dict[str, Callable[[], Any]] = {
    "kept": KernelLeastSquares,
    "rerun": KernelLeastSquares,
    "nb": NBScaledKernel,
    "nb_bin": lambda: NBScaledKernel(binary=True),
    "nb_wm": lambda: NBScaledKernel(binary=True, unit=False, beta=0.25),
    "rrf": RocchioFusion,
}


def unseen_terms(seed: int = 0) -> list[str]:
    """Per set (title_abstract), at the two priors of ``seed``: the largest |r| of a term no
    labelled record holds, the median |r| of the terms they hold, and the median share of a
    record's squared TF-IDF mass on the terms they do not hold."""
    lines = []
    for ds in asr.datasets():
        data = load_labelled_set(asr.reduced_csv(ds, LABEL, "title_abstract"), LABEL)
        X, y = build_features(data.texts), data.labels
        rows = np.asarray(prior_rows(y, seed))
        r = log_count_ratio(X, rows, y[rows], 1.0)
        seen = np.zeros(X.shape[1], dtype=bool)
        seen[X[rows].indices] = True
        on_seen = np.asarray(X.multiply(X).tocsr()[:, seen].sum(axis=1)).ravel()
        lines.append(
            f"{ds.stem}: |r| unseen <= {np.abs(r[~seen]).max():.1e}, seen median "
            f"{np.median(np.abs(r[seen])):.3f}; mass on unseen terms, median "
            f"{1 - np.median(on_seen):.3f}"
        )
    return lines


def main(argv: Sequence[str]) -> int:
    if argv[0] == "unseen":
        print("\n".join(unseen_terms(int(argv[1]) if len(argv) > 1 else 0)))
        return 0
    return round6.run_variant(argv, VARIANTS)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
