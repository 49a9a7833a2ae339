"""The TF-IDF builder gives scikit-learn's TfidfVectorizer matrix (columns in another order)."""

from __future__ import annotations

import random

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from reviewkit.ranking.ranker import build_features, term_counts

WORDS = [
    "return",
    "work",
    "Café",
    "naïve",
    "Œdème",
    "x",
    "ß-blocker",
    "5-HT",
    "α",
    "IL-6",
    "work",
    "the",
    "the",
]


def _corpus(n: int = 120, seed: int = 4) -> list[str]:
    rng = random.Random(seed)
    texts = [
        " ".join(rng.choices(WORDS, k=rng.randint(0, 25)))
        + rng.choice(["", ".", "; MeSH, Term"])
        + " study"
        for _ in range(n)
    ]  # "study" is in 120 of 124 texts: above max_df = 0.95
    return texts + [
        "",
        "a",
        "the the the the",
        "ÉCOLE école",
    ]  # empty, no token, repeats, case + accents


def _names(texts: list[str]) -> list[str]:
    _, words, pairs = term_counts(texts)
    return words + [f"{words[a]} {words[b]}" for a, b in pairs]


def test_counts_match_countvectorizer():
    texts = _corpus()
    counts, _, _ = term_counts(texts)
    cv = CountVectorizer(ngram_range=(1, 2), strip_accents="unicode")
    expected = cv.fit_transform(texts)
    names = _names(texts)
    assert sorted(names) == sorted(cv.vocabulary_)  # no bigram across two texts, none missing
    columns = [cv.vocabulary_[t] for t in names]
    assert (counts != expected[:, columns]).nnz == 0


@pytest.mark.parametrize("max_df", [0.95, 0.3])
def test_tfidf_matches_tfidfvectorizer(max_df):
    texts = _corpus()
    ours = build_features(texts, max_df=max_df)
    tv = TfidfVectorizer(
        ngram_range=(1, 2), sublinear_tf=True, min_df=1, max_df=max_df, strip_accents="unicode"
    )
    expected = tv.fit_transform(texts)
    counts, _, _ = term_counts(texts)
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    kept = [t for t, d in zip(_names(texts), df, strict=True) if d <= max_df * len(texts)]
    assert len(kept) < len(df) and sorted(kept) == sorted(
        tv.vocabulary_
    )  # pruning happened, same terms
    assert ours.shape == expected.shape and ours.dtype == np.float64
    np.testing.assert_allclose(
        ours.toarray(), expected[:, [tv.vocabulary_[t] for t in kept]].toarray(), atol=1e-12
    )


def test_no_vocabulary_gives_one_zero_column():
    X = build_features(["", "a", "!"])
    assert X.shape == (3, 1) and X.nnz == 0


def test_word_pairs_are_numbered_alike_with_or_without_packing(monkeypatch):
    """The pairs are numbered by one sort of (code, position) packed into an int64; when they
    do not fit (a vocabulary of millions of words) a stable argsort numbers them: the same
    columns, the same counts."""
    from reviewkit.ranking import features

    texts = _corpus(300, seed=7)
    packed, words, pairs = term_counts(texts)
    monkeypatch.setattr(features, "_PACKED_BITS", 0)  # nothing fits: the argsort numbers them
    unpacked, words_again, pairs_again = term_counts(texts)
    assert words == words_again and np.array_equal(pairs, pairs_again)
    assert (packed != unpacked).nnz == 0
    assert np.array_equal(pairs, np.unique(pairs, axis=0))  # numbered in ascending order
