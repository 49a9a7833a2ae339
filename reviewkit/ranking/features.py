"""Text features of the ranker: TF-IDF over word 1–2-grams, numbered with numpy (fast)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

__all__ = [
    "TOKEN_PATTERN",
    "WordTokens",
    "build_features",
    "counts_of_tokens",
    "normalize_rows",
    "term_counts",
    "tfidf_features",
    "tokens",
    "word_tokens",
]


def normalize_rows(X: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows scaled to unit L2 norm in place (empty rows stay zero); scikit-learn's ``normalize``
    without importing scikit-learn (a second of CPU at start-up)."""
    lengths = np.diff(X.indptr)
    row = np.repeat(np.arange(X.shape[0]), lengths)
    norms = np.sqrt(np.bincount(row, weights=X.data**2, minlength=X.shape[0]))
    norms[norms == 0] = 1.0
    X.data /= np.repeat(norms, lengths)
    return X


# scikit-learn's default token pattern is \b\w\w+\b; without the \b the matches are the same (a
# greedy search only ever starts a match at the start of a run of word characters and ends it at
# the run's end) and findall takes 40 % less time
_TOKEN = re.compile(r"(?u)\w\w+")
TOKEN_PATTERN = _TOKEN.pattern  # what a kept tokenising was made under (ranking.token_cache)


class _Unmarked(dict):
    """A ``str.translate`` table that drops combining marks and keeps every other character,
    filled as characters are met (a table of all 1.1 million code points would cost more)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_UNMARKED = _Unmarked()


def _fold(text: str) -> str:  # a change here: raise ranking.token_cache._FORMAT
    """Accents folded as scikit-learn's ``strip_accents="unicode"`` folds them (NFKD, then the
    combining marks dropped; by ``str.translate``, not a generator per character: 12 million
    characters of a 50,000-record queue are in texts with a non-ASCII character)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(_UNMARKED)


def tokens(text: str) -> list[str]:
    """The words of ``text`` as :func:`term_counts` counts them (lower case, accents folded)."""
    return _TOKEN.findall(_fold(text.lower()))


def _pair_codes(tokens: np.ndarray, starts: np.ndarray, n_words: int) -> np.ndarray:
    """Bigram (tokens[k], tokens[k + 1]) for each k in ``starts``, as one int64 per pair."""
    codes = tokens[starts].astype(np.int64)
    codes *= max(n_words, 1)
    codes += tokens[starts + 1]
    return codes


_PACKED_BITS = 63  # an int64 holds a code and its position while they need no more bits


def _numbered(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(uniques, numbers)``: the distinct ``codes`` in ascending order, and each code's place
    among them (int32), as ``np.unique(codes, return_inverse=True)`` gives them; ``codes`` is
    used up (sorted in place).

    Each code is packed with its position into one int64 and the packed values are sorted in
    place: one sort, then each position gets its number by one pass. Sorting the codes and
    looking each up with ``np.searchsorted`` gave the same numbers, but the lookups (a binary
    search per word pair, in an array too large for the cache) took 2.9 of its 3.8 s of CPU
    on a 50,000-record queue (7.6 million pairs; this takes 0.9 s, benchmarks/results/tui.md).
    When code and position do not fit in 63 bits together (a vocabulary of millions of words)
    a stable argsort does the same, slower.
    """
    n = len(codes)
    if n == 0:
        return codes, np.zeros(0, dtype=np.int32)
    shift = (n - 1).bit_length()  # bits of a position
    if int(codes.max()).bit_length() + shift <= _PACKED_BITS:
        codes <<= shift
        codes |= np.arange(n, dtype=np.int64)
        codes.sort()
        position = codes & ((1 << shift) - 1)
        codes >>= shift  # sorted codes: ties in position order, as a stable sort leaves them
    else:
        position = np.argsort(codes, kind="stable")
        codes = codes[position]
    first = np.empty(n, dtype=bool)  # the first of each run of equal codes
    first[0] = True
    np.not_equal(codes[1:], codes[:-1], out=first[1:])
    numbers = np.empty(n, dtype=np.int32)
    numbers[position] = np.cumsum(first, dtype=np.int32) - 1
    return codes[first], numbers


@dataclass(frozen=True)
class WordTokens:
    """The words of some texts as numbers: what :func:`term_counts` counts, before it numbers
    the word pairs (enough for a caller that needs only a few terms' counts: the cold start)."""

    ids: np.ndarray  # int32 word ids of all texts' words, one text after the other
    lengths: np.ndarray  # int64 number of words of each text
    words: list[str]  # word id -> word, in the order first met


def word_tokens(texts: Iterable[str]) -> WordTokens:
    """The words of ``texts`` (:func:`tokens`), numbered in the order first met."""
    vocab: defaultdict[str, int] = defaultdict(itertools.count().__next__)  # a new word: next id
    number = vocab.__getitem__
    findall = _TOKEN.findall
    buffer, lengths_buffer = array("i"), array("q")  # word ids of all texts, one after the other
    for text in texts:
        before = len(buffer)
        buffer.extend(map(number, findall(_fold(text.lower()))))  # no Python call per word
        lengths_buffer.append(len(buffer) - before)
    ids = np.frombuffer(buffer, dtype=np.int32) if buffer else np.zeros(0, dtype=np.int32)
    lengths = (
        np.frombuffer(lengths_buffer, dtype=np.int64)
        if lengths_buffer
        else np.zeros(0, dtype=np.int64)
    )
    return WordTokens(ids, lengths, list(vocab))


def term_counts(texts: Sequence[str]) -> tuple[sparse.csr_matrix, list[str], np.ndarray]:
    """Counts of word 1- and 2-grams per text: ``(counts, words, pairs)``.

    Tokens are scikit-learn's (lower case, accents folded, runs of 2+ word characters).
    Column ``j < len(words)`` counts the word ``words[j]``; column ``len(words) + k`` counts
    the bigram ``words[pairs[k, 0]] + " " + words[pairs[k, 1]]``. Only the words go through
    a dict; bigrams are numbered with numpy, which is what makes this faster than
    ``CountVectorizer(ngram_range=(1, 2))`` (same counts, columns in another order).
    """
    return counts_of_tokens(word_tokens(texts))


def counts_of_tokens(words: WordTokens) -> tuple[sparse.csr_matrix, list[str], np.ndarray]:
    """:func:`term_counts` of the texts whose :func:`word_tokens` are ``words``."""
    tokens, lengths, n_words = words.ids, words.lengths, len(words.words)
    n = len(lengths)
    row = np.repeat(np.arange(n, dtype=np.int32), lengths)
    same = np.flatnonzero(row[1:] == row[:-1])  # token k and k + 1 are in one text: a bigram

    pair_codes, bigram = _numbered(_pair_codes(tokens, same, n_words))
    rows = np.concatenate([row, row[same + 1]])
    cols = np.concatenate([tokens, bigram + np.int32(n_words)])
    del tokens, bigram, row, same
    counts = (
        sparse.csr_matrix(  # duplicates are summed: the counts (exact in float32, half the memory)
            (np.ones(len(rows), dtype=np.float32), (rows, cols)),
            shape=(n, n_words + len(pair_codes)),
        )
    )
    del rows, cols
    pairs = np.stack(np.divmod(pair_codes, max(n_words, 1)), axis=1)
    return counts.astype(np.float64), list(words.words), pairs


def build_features(texts: Sequence[str], max_df: float = 0.95) -> sparse.csr_matrix:
    """TF-IDF of word 1–2-grams over the whole corpus (float64 CSR, one row per text).

    The same matrix as scikit-learn's ``TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True,
    min_df=1, max_df=0.95, strip_accents="unicode")`` up to the order of the columns:
    tf = 1 + ln(count), idf = 1 + ln((1 + n) / (1 + df)), terms in more than ``max_df`` of
    the texts dropped, rows L2-normalised. About 3× faster (see :func:`term_counts`).
    """
    return tfidf_features(term_counts(texts)[0], max_df)


def tfidf_features(counts: sparse.csr_matrix, max_df: float = 0.95) -> sparse.csr_matrix:
    """:func:`build_features` of the texts whose :func:`term_counts` are ``counts`` (for a
    caller that reads the counts too: the cold start); ``counts`` is changed in place."""
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    keep = df <= max_df * n
    if not keep.any():  # no vocabulary (every text empty): a single zero column ranks nothing
        return sparse.csr_matrix((n, 1), dtype=np.float64)
    if not keep.all():  # drop the columns in place (a column selection would copy the matrix)
        counts.data[~keep[counts.indices]] = 0.0
        counts.eliminate_zeros()
        new_column = np.cumsum(keep, dtype=np.int32) - 1
        counts = sparse.csr_matrix(
            (counts.data, new_column[counts.indices], counts.indptr), shape=(n, int(keep.sum()))
        )
        df = df[keep]
    counts.data = np.log(counts.data) + 1.0
    counts.data *= (np.log((1.0 + n) / (1.0 + df)) + 1.0)[counts.indices]
    # float64: liblinear wants it, no copy per fit
    return normalize_rows(counts)
