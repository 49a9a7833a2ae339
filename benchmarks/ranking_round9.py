"""Issue 17, round 9: word forms (stemming) and a committee of a surface and a stemmed view.

``python -m benchmarks.ranking_round9 NAME SEEDS [INPUTS]`` runs the in-process simulation
loop (:func:`reviewkit.ranking.simulate.simulate`, the tables' protocol, as rounds 5-8 do) with a
variant on the 15 sets and prints the figures (mean WSS@95, sets at or above ASReview,
recall@10 %, CPU against the kept setting, the smallest whole-process CPU ratio, the means on
the 7 smaller and the 8 larger sets). Runs are kept in ``/tmp/ranking_WORKTREE_NAME.json``
(resumable). The features are built inside :func:`~reviewkit.ranking.simulate.simulate` (its
``build_features`` swapped for the variant's), so a run's CPU includes the forms' cost.
NAME (fixed before any run; the forms and the committee are in
``benchmarks/ranking_round9_model.py``):

* ``kept``: the tables' own runs; ``rerun9``: the kept model run again now (its CPU under
  the machine's present load);
* ``snowball``: every word Snowball-stemmed (English, Porter 2001) before the 1-2-grams;
* ``sstem``: every word S-stemmed (Harman 1991: plurals only) before the 1-2-grams;
* ``views``: the kept model on the surface words and the kept model on the Snowball-stemmed
  words, standardised scores summed at equal weight (fixed before running: neither view has
  a claim to more);
* ``us_snowball``: British spellings folded to American (a short rule set), then Snowball.

``python -m benchmarks.ranking_round9 split kept,snowball,... SEEDS`` prints the split-half
check (chosen on the 7 smaller sets, tested on the 8 larger, and the other way round);
``python -m benchmarks.ranking_round9 vocabulary`` prints, per set (title_abstract), the
distinct words, the distinct forms of each kind and the CPU the forms add;
``python -m benchmarks.ranking_round9 nearest`` prints, per set, how well each kind's
features tell the includes by their nearest include (:func:`nearest_include`).
The rows of ``results/ranking.md`` ("What was tried", ninth round) are ``snowball``,
``sstem``, ``views`` and ``us_snowball``, seeds 0,1,2; ``rerun9`` ran seed 0.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any
from unittest import mock

import numpy as np
from scipy import sparse, stats

from benchmarks import asreview_runner as asr
from benchmarks import ranking_round6 as round6
from benchmarks.bench_ranking import LABEL
from benchmarks.ranking_round9_model import (
    TwoViews,
    form_features,
    s_stem,
    snowball,
    us_snowball,
)
from reviewkit.ranking import simulate as simulate_module
from reviewkit.ranking.features import word_tokens
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import build_features
from reviewkit.ranking.simulate import load_labelled_set

# The committee's weight of the stemmed view, stated before any run: equal weights (the sum
# rule of combining classifiers), no evidence favouring either view.
STEMMED_WEIGHT = 1.0

# How each variant maps a word (a new mapping per collection: each pays for its vocabulary).
FORMS: dict[str, Callable[[], Callable[[str], str]]] = {
    "snowball": snowball,
    "sstem": lambda: s_stem,
    "us_snowball": us_snowball,
}


class _Split:
    """The surface view's column count of the last matrix :func:`_two_views` built (the
    committee is made by the Ranker right after the features, in the same call)."""

    columns = 0


def _two_views(texts: Sequence[str], max_df: float = 0.95) -> sparse.csr_matrix:
    """The surface TF-IDF and the Snowball-stemmed TF-IDF side by side (each row unit length
    in each view)."""
    surface = build_features(texts, max_df)
    _Split.columns = surface.shape[1]
    return sparse.hstack([surface, form_features(texts, snowball(), max_df)], format="csr")


def _features(name: str) -> Callable[..., sparse.csr_matrix] | None:
    if name in FORMS:
        return lambda texts, max_df=0.95: form_features(texts, FORMS[name](), max_df)
    return _two_views if name == "views" else None


VARIANTS: dict[str, Callable[[], Any]] = {
    "kept": KernelLeastSquares,
    "rerun9": KernelLeastSquares,
    "snowball": KernelLeastSquares,
    "sstem": KernelLeastSquares,
    "us_snowball": KernelLeastSquares,
    "views": lambda: TwoViews(_Split.columns, (1.0, STEMMED_WEIGHT)),
}


@contextlib.contextmanager
def features_of(name: str) -> Iterator[None]:
    """While open, :func:`reviewkit.ranking.simulate.simulate` builds variant ``name``'s features."""
    make = _features(name)
    if make is None:
        yield
        return
    with mock.patch.object(simulate_module, "build_features", make):
        yield


def vocabulary() -> list[str]:
    """Per set (title_abstract): distinct words, distinct forms of each kind, and the CPU
    seconds each mapping of the distinct words takes (one fresh mapping, as a run's)."""
    lines = []
    for ds in asr.datasets():
        texts = load_labelled_set(asr.reduced_csv(ds, LABEL, "title_abstract"), LABEL).texts
        words = word_tokens(texts).words
        parts = [f"{ds.stem}: {len(words)} words"]
        for name, make in FORMS.items():
            start = time.process_time()
            form = make()
            forms = {form(w) for w in words}
            parts.append(f"{name} {len(forms)} ({time.process_time() - start:.3f} s)")
        lines.append(", ".join(parts))
    return lines


def _auc(positive: np.ndarray, negative: np.ndarray) -> float:
    """P(a positive scores above a negative), ties half (the Mann-Whitney U over the pairs)."""
    ranks = stats.rankdata(np.r_[positive, negative])
    u = ranks[: len(positive)].sum() - len(positive) * (len(positive) + 1) / 2
    return float(u / (len(positive) * len(negative)))


def nearest_include(outlying: float = 0.1) -> list[str]:
    """Per set (title_abstract), for each kind of word form: how well a record's largest
    cosine to an include (another include, for an include) tells the includes from the
    excludes (AUC over all of them: an oracle of the features, not a screening), that
    cosine's mean for the includes and the excludes, and, for the ``outlying`` share of the
    includes farthest from the others on the surface words (those a queue reaches last), the
    mean share of the excludes nearer an include than they are. Stemming helps the queue only
    where it brings the includes nearer each other than it brings the excludes to them."""
    lines = []
    for ds in asr.datasets():
        data = load_labelled_set(asr.reduced_csv(ds, LABEL, "title_abstract"), LABEL)
        is_inc = data.labels == 1
        inc = np.flatnonzero(is_inc)
        parts, far = [], None
        for name in ("surface", *FORMS):
            X = build_features(data.texts) if name == "surface" else _features(name)(data.texts)
            cos = (X @ X[inc].T).toarray()
            cos[inc, np.arange(len(inc))] = -1.0  # an include's nearest is another include
            near = cos.max(axis=1)
            if far is None:  # the outlying includes, by their surface words
                far = np.argsort(near[inc])[: max(1, round(outlying * len(inc)))]
            above = [(near[~is_inc] > near[inc[i]]).mean() for i in far]
            parts.append(
                f"{name} AUC {_auc(near[is_inc], near[~is_inc]):.3f} "
                f"(incl. {near[is_inc].mean():.3f}, excl. {near[~is_inc].mean():.3f}; "
                f"outlying below {np.mean(above):.3f})"
            )
        lines.append(f"{ds.stem}: " + "; ".join(parts))
    return lines


def main(argv: Sequence[str]) -> int:
    if argv[0] in ("vocabulary", "nearest"):
        print("\n".join(vocabulary() if argv[0] == "vocabulary" else nearest_include()))
        return 0
    with features_of(argv[0]):
        return round6.run_variant(argv, VARIANTS)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
