"""Issue 17, round 14: the word pairs' weight, and records smoothed by their neighbours.

``python -m benchmarks.ranking_round14 NAME SEEDS [INPUTS]`` runs the in-process simulation
loop (:func:`reviewkit.ranking.simulate.simulate`, the tables' protocol, as rounds 5-13 do) with a
variant on the 15 sets and prints the figures (mean WSS@95, sets at or above ASReview,
recall@10 %, CPU against the kept setting, the smallest whole-process CPU ratio, the means on
the 7 smaller and the 8 larger sets). Runs are kept in ``/tmp/ranking_WORKTREE_NAME.json``
(resumable). The features are built inside :func:`~reviewkit.ranking.simulate.simulate` (its
``build_features`` swapped for the variant's, as rounds 9 and 13 did), so a run's CPU includes
their cost.

NAME, each setting fixed before any run (the model is the kept one throughout: kernel least
squares, lam 3, includes 9.8x, title twice; the texts are the kept ones):

* ``rerun14``: the kept setting run again now (its CPU under the machine's present load);
* ``bigram_half``: the word pairs' columns scaled by √0.5 before the rows are set to unit
  length again, so the kernel is the words' cosine part plus half the pairs' part. The 1-2-gram
  columns share one TF-IDF space, and a pair is rarer than either of its words (higher idf), so
  in the kept rows the pairs hold more of a record's squared length than its words do
  (``python -m benchmarks.ranking_round14 share``), and a phrase two records share counts three
  times (its two words and the pair). Half weight is fixed a priori (the kernel's two parts
  at 1 : 0.5, as round 5's half-weight committee member), not searched;
* ``unigrams``: the words alone (the pairs' columns dropped): ASReview 1.x's ``tfidf``
  feature extractor's default, ``ngram_max=1`` (asreview/feature_extraction/tfidf.py; its
  English stop words were tried and dropped in round 5 and are not used here), the published
  setting at the other end of the same scale;
* ``nbr_smooth``: each record's row mixed with its neighbours' (cluster-based document models,
  Liu & Croft 2004; Kurland & Lee 2004; document expansion, Tao et al. 2006): the k = 10 rows
  of highest cosine to it (itself left out; round 8's graph), their mean weighted by the
  cosine and set to unit length, m̂; the row becomes 0.75 x + 0.25 m̂, set to unit length.
  Unsupervised and computed once per collection (no label used), so a refit costs what it did
  but on denser rows. Kind: a short record (a title, a brief abstract) has few terms and so
  matches an include only if it shares one of them; its neighbours lend it the words of its
  topic. 0.25 is the neighbours' share fixed a priori: light, as round 11's embedding share,
  because round 5's latent (LSA) features lost the more the heavier they weighed.

``python -m benchmarks.ranking_round14 split kept,bigram_half,... SEEDS`` prints the
split-half check; ``... table kept,bigram_half,... SEEDS [INPUT]`` the per-set table;
``... share`` the pairs' share of the kept rows' squared length per set (title_abstract).

The rows of ``results/ranking.md`` ("What was tried", fourteenth round) are ``bigram_half`` and
``unigrams`` and ``nbr_smooth`` (seeds 0,1,2, both inputs); ``rerun14`` ran seed 0,
title_abstract (the same WSS@95 as the tables run for run; the
CPU reference at the load the variants ran under, 1-min 12-17).
"""

from __future__ import annotations

import contextlib
import csv
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
from reviewkit.ranking.features import normalize_rows, term_counts, tfidf_features
from reviewkit.ranking.labelled_sets import missing
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import build_features, record_text

# The word pairs' scale in ``bigram_half``: their part of the kernel at half the words' (√0.5
# on the columns); fixed before any run.
BIGRAM_SCALE = 0.5**0.5
# ``nbr_smooth``: neighbours per record and their share of the mixed row, fixed before any run.
NEIGHBOURS = 10
NEIGHBOUR_SHARE = 0.25


def scaled_pairs_features(
    texts: Sequence[str], scale: float, max_df: float = 0.95
) -> sparse.csr_matrix:
    """The kept TF-IDF rows with the word pairs' columns times ``scale`` and the rows set to
    unit length again (``scale`` 0: the words alone; a row of pairs only becomes empty)."""
    counts, words, _ = term_counts(texts)
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    is_pair = (np.arange(counts.shape[1]) >= len(words))[df <= max_df * n]  # kept columns
    X = tfidf_features(counts, max_df)
    if X.shape[1] != len(is_pair):  # no vocabulary: tfidf_features's single zero column
        return X
    X.data *= np.where(is_pair[X.indices], scale, 1.0)
    X.eliminate_zeros()
    return normalize_rows(X)


def bigram_half_features(texts: Sequence[str], max_df: float = 0.95) -> sparse.csr_matrix:
    """The kept features with the word pairs' part of the kernel at half weight."""
    return scaled_pairs_features(texts, BIGRAM_SCALE, max_df)


def unigram_features(texts: Sequence[str], max_df: float = 0.95) -> sparse.csr_matrix:
    """The kept features of the words alone (ASReview 1.x's ``ngram_max=1``)."""
    return scaled_pairs_features(texts, 0.0, max_df)


def smoothed(X: sparse.csr_matrix, k: int = NEIGHBOURS, share: float = NEIGHBOUR_SHARE) -> Any:
    """Each unit row mixed with the cosine-weighted mean of its ``k`` most similar other rows
    (that mean at unit length): ``(1 - share) x + share m̂``, at unit length. A row with no
    similar row (all cosines 0) keeps itself."""
    n = X.shape[0]
    k = min(k, n - 1)
    if k <= 0:
        return X
    cos = (X @ X.T).toarray()
    np.fill_diagonal(cos, -np.inf)
    nearest = np.argpartition(-cos, k - 1, axis=1)[:, :k]
    weights = np.maximum(np.take_along_axis(cos, nearest, axis=1), 0.0)
    W = sparse.csr_matrix(
        (weights.ravel(), nearest.ravel(), np.arange(0, n * k + 1, k)), shape=(n, n)
    )
    W.eliminate_zeros()
    M = normalize_rows((W @ X).tocsr())
    return normalize_rows(((1.0 - share) * X + share * M).tocsr())


def nbr_smooth_features(texts: Sequence[str], max_df: float = 0.95) -> sparse.csr_matrix:
    """The kept features smoothed by each record's neighbours (:func:`smoothed`)."""
    return smoothed(build_features(texts, max_df))


FEATURES: dict[str, Callable[..., sparse.csr_matrix]] = {
    "bigram_half": bigram_half_features,
    "unigrams": unigram_features,
    "nbr_smooth": nbr_smooth_features,
}
VARIANTS: dict[str, Callable[[], Any]] = {
    name: KernelLeastSquares for name in ("kept", "rerun14", *FEATURES)
}


@contextlib.contextmanager
def features_of(name: str) -> Iterator[None]:
    """While open, :func:`simulate` builds variant ``name``'s features."""
    make = FEATURES.get(name)
    if make is None:
        yield
        return
    with mock.patch.object(simulate_module, "build_features", make):
        yield


def pair_share(X: sparse.csr_matrix, is_pair: np.ndarray) -> np.ndarray:
    """Each row's squared length held by the word pairs' columns."""
    row = np.repeat(np.arange(X.shape[0]), np.diff(X.indptr))
    pairs = np.bincount(row, weights=X.data**2 * is_pair[X.indices], minlength=X.shape[0])
    total = np.bincount(row, weights=X.data**2, minlength=X.shape[0])
    return pairs[total > 0] / total[total > 0]


def share() -> list[str]:
    """Per set (title_abstract): the word pairs' median share of a kept row's squared length."""
    lines = []
    for ds in asr.datasets():
        with asr.reduced_csv(ds, LABEL, "title_abstract").open(newline="", encoding="utf-8") as f:
            texts = [
                record_text(missing(r["title"]), missing(r["abstract"])) for r in csv.DictReader(f)
            ]
        counts, words, _ = term_counts(texts)
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        is_pair = (np.arange(counts.shape[1]) >= len(words))[df <= 0.95 * len(texts)]
        got = pair_share(build_features(texts), is_pair)
        lines.append(
            f"{ds.stem}: word pairs hold a median {np.median(got):.1%} of a row's squared "
            f"length (quartiles {np.quantile(got, 0.25):.1%}-{np.quantile(got, 0.75):.1%})"
        )
    return lines


def main(argv: Sequence[str]) -> int:
    if argv[0] == "share":
        print("\n".join(share()))
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
