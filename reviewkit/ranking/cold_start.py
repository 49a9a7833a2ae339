"""A protocol-informed cold start: the queue's order before the model has enough decisions.

Until a reviewer has made the ready rule's includes and excludes (5 and 5) the ranker has
nothing to learn from, and at a 2 % include rate a random order shows ~250 records before the
5th include. The protocol already says what the review is looking for, so the records are
ordered by how well they match its text instead:

* **Query terms.** The highlight include terms and the terms of the stored searches (phrases as
  phrases, truncations as prefixes, terms under a NOT left out, as are date, language, author
  and other non-topic fields) weigh :data:`TERM_WEIGHT`; the words of the question and of the
  inclusion criteria weigh :data:`PROSE_WEIGHT` (prose also carries "compare", "effect",
  "adults": words every record of a search may hold); the highlight exclude terms weigh
  :data:`EXCLUDE_WEIGHT` (negative and lighter: an exclude term in an abstract is a hint,
  e.g. "mice" in a study that also reports a human trial).
* **Scoring.** Okapi BM25 (Robertson & Zaragoza 2009, k1 = 1.2, b = 0.75: the usual defaults,
  not tuned here) over the ranker's own tokens (:func:`reviewkit.ranking.features.word_tokens`,
  the same words and word pairs as the TF-IDF features). A phrase of several words counts as
  often as its rarest consecutive word pair occurs; a truncated word matches every word it
  starts. The counts come either from the full term counts
  (:func:`reviewkit.ranking.features.term_counts`) or, with the same scores, from the word
  stream at the places where a query word stands: BM25 needs only the query terms' counts and
  each record's length, so the queue's first pick does not wait for the millions of word pairs
  of the model's features (on 50,000 records that numbering is most of the CPU time).
* **Ties.** The order is a stable sort of the caller's seeded random order, so records with
  the same score (most often none of the terms: score 0) keep the random order.

:func:`cold_start_order` returns None when the protocol has no usable text or no term occurs
in any record: the caller keeps the random order and says so.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from reviewkit.ranking.features import WordTokens, tokens, word_tokens

if TYPE_CHECKING:  # parsed only for a protocol's searches (a simulation has none)
    from reviewkit import query as pubmed_query

__all__ = [
    "ProtocolText",
    "cold_start_order",
    "cold_start_scores",
    "protocol_document",
    "query_terms",
]

TERM_WEIGHT = 1.0  # a term someone chose on purpose (highlight include, stored search)
PROSE_WEIGHT = 0.5  # a word of the question or the criteria (half: prose has generic words)
EXCLUDE_WEIGHT = -0.5  # a highlight exclude term: a hint against, lighter than one for
TermCounts = tuple[sparse.csr_matrix, list[str], np.ndarray]  # what term_counts returns
K1, B = 1.2, 0.75  # BM25's usual parameters (Robertson & Zaragoza 2009)

# Search fields whose terms describe the topic of a record; author, journal, date, language,
# identifiers and subsets do not (a record's text does not hold them as words).
TOPIC_FIELDS = frozenset(
    {"", "all", "mh", "majr", "sh", "nm", "pa", "pt", "ti", "ab", "tiab", "tw", "ot"}
)


@dataclass(frozen=True)
class ProtocolText:
    """The parts of a protocol the cold start reads, as plain strings
    (:func:`reviewkit.ranking.queue.protocol_text` takes them from a protocol)."""

    question: str = ""
    inclusion: tuple[str, ...] = ()
    include_terms: tuple[str, ...] = ()
    exclude_terms: tuple[str, ...] = ()
    searches: tuple[str, ...] = ()  # PubMed query strings


@dataclass(frozen=True)
class _QueryTerm:
    words: tuple[str, ...]  # folded, lower-case tokens
    prefix: bool  # the last word is a prefix (a truncation)
    weight: float


def _search_terms(query: str) -> list[pubmed_query.Term]:
    """The topic terms of a PubMed query, those under a NOT left out (unparsable: none)."""
    from reviewkit import query as pubmed_query

    try:
        node = pubmed_query.parse(query)
    except pubmed_query.QuerySyntaxError:
        return []
    out: list[pubmed_query.Term] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, pubmed_query.Term):
            if n.field in TOPIC_FIELDS:
                out.append(n)
        elif isinstance(n, pubmed_query.BoolOp):
            stack += [n.left] if n.op == "NOT" else [n.right, n.left]
    return out


def term_words(text: str) -> list[str]:
    """The words of a term as :func:`tokens` reads them, but a wildcard inside a word kept as
    one pattern ('organi*ation': organisation and organization), since PubMed accepts one
    there (PubMed Help, "Wildcards": '*' stands for zero or more characters, also inside a
    word); tokens alone would make it two fragments, 'organi' and 'ation'."""
    pieces = text.split("*")
    words = tokens(pieces[0])
    for before, piece in zip(pieces, pieces[1:], strict=False):
        more = tokens(piece)
        inside = before[-1:].isalnum() and piece[:1].isalnum()
        if inside and words and more:
            words[-1] += "*" + more.pop(0)
        words += more
    return words


def _term(text: str, weight: float) -> _QueryTerm | None:
    """A highlight term: 'back pain', 'psychos*' (a prefix), '"return to work"'."""
    text = text.strip().strip('"')
    prefix = text.endswith("*")
    words = term_words(text.rstrip("*"))
    return _QueryTerm(tuple(words), prefix, weight) if words else None


def query_terms(protocol: ProtocolText) -> list[_QueryTerm]:
    """The weighted terms the records are scored on (see the module docstring); a term met in
    several places counts once, with its largest weight; an exclude term that is also an
    include term is dropped."""
    found: dict[tuple[tuple[str, ...], bool], float] = {}

    def add(term: _QueryTerm | None) -> None:
        if term is not None:
            key = (term.words, term.prefix)
            found[key] = max(found.get(key, term.weight), term.weight)

    for text in protocol.include_terms:
        add(_term(text, TERM_WEIGHT))
    for q in protocol.searches:
        for t in _search_terms(q):
            words = term_words(t.text)
            if words:
                add(_QueryTerm(tuple(words), t.truncated, TERM_WEIGHT))
    for text in (protocol.question, *protocol.inclusion):
        for word in tokens(text):
            add(_QueryTerm((word,), False, PROSE_WEIGHT))
    for text in protocol.exclude_terms:
        term = _term(text, EXCLUDE_WEIGHT)
        if term is not None and (term.words, term.prefix) not in found:
            found[(term.words, term.prefix)] = term.weight
    return [_QueryTerm(words, prefix, w) for (words, prefix), w in found.items()]


def protocol_document(protocol: ProtocolText) -> str:
    """The protocol's include side as one text (question, criteria, include and search terms,
    truncation marks dropped), for use as a pseudo-include document."""
    parts = [protocol.question, *protocol.inclusion, *protocol.include_terms]
    for q in protocol.searches:
        parts += [t.text for t in _search_terms(q)]
    return " ".join(p for p in parts if p)


class _Words:
    """Finds the ids of a word, or of every word a truncation starts."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.index = {w: i for i, w in enumerate(words)}
        self._sorted = sorted(words)

    def word_ids(self, word: str, prefix: bool) -> list[int]:
        """The id of ``word``, or of every word it matches as a pattern: a truncation
        (``prefix``) and a word with a wildcard inside ('organi*ation', :func:`term_words`)."""
        if not prefix and "*" not in word:
            return [self.index[word]] if word in self.index else []
        head = word.split("*", 1)[0]  # the words that can match start with it: a sorted range
        # a plain truncation matches every word of that range: a pattern only for an inner '*'
        pattern = (
            re.compile(".*".join(map(re.escape, word.split("*"))) + (".*" if prefix else ""))
            if "*" in word
            else None
        )
        start = bisect.bisect_left(self._sorted, head)  # not numpy: it copies the list
        out = []
        for w in self._sorted[start:]:
            if not w.startswith(head):
                break
            if pattern is None or pattern.fullmatch(w):
                out.append(self.index[w])
        return out

    def units(self, term: _QueryTerm) -> list[list[int]]:
        """The word ids of each word of ``term`` (a truncation: of every word it starts)."""
        n = len(term.words)
        return [self.word_ids(w, term.prefix and i == n - 1) for i, w in enumerate(term.words)]


class _Columns(_Words):
    """Finds the term-count columns of a word or a word pair, prefixes included."""

    def __init__(self, words: list[str], pairs: np.ndarray) -> None:
        super().__init__(words)
        self.base = max(len(words), 1)
        # term_counts numbers the pairs in the order of these codes (sorted): a pair's column
        # is found by binary search, without a dict of millions of pairs
        self.codes = pairs[:, 0].astype(np.int64) * self.base + pairs[:, 1]

    def pair_columns(self, firsts: list[int], seconds: list[int]) -> list[int]:
        if not firsts or not seconds:
            return []
        wanted = (np.asarray(firsts, dtype=np.int64)[:, None] * self.base + seconds).ravel()
        at = np.searchsorted(self.codes, wanted)
        found = at < len(self.codes)
        found[found] = self.codes[at[found]] == wanted[found]
        return (at[found] + len(self.words)).tolist()

    def columns(self, term: _QueryTerm) -> list[list[int]]:
        """One column list per unit that must occur: the word, or each consecutive pair."""
        ids = self.units(term)
        if len(ids) == 1:
            return [ids[0]]
        return [self.pair_columns(a, b) for a, b in zip(ids, ids[1:], strict=False)]


def _term_frequency(counts: sparse.csr_matrix, units: list[list[int]]) -> np.ndarray:
    """Occurrences of a term per record: of a phrase, those of its rarest word pair."""
    tf: np.ndarray | None = None
    for cols in units:
        if not cols:
            return np.zeros(counts.shape[0])
        unit = np.asarray(counts[:, cols].sum(axis=1)).ravel()
        tf = unit if tf is None else np.minimum(tf, unit)
    return tf if tf is not None else np.zeros(counts.shape[0])


def _from_counts(counts: TermCounts, terms: list[_QueryTerm]) -> tuple[np.ndarray, Iterator]:
    """Words per record and each term's occurrences per record, from the full term counts."""
    matrix, words, pairs = counts
    # words per record: a text of w >= 1 words has w - 1 word pairs, so w = (all counts + 1) / 2
    total = np.asarray(matrix.sum(axis=1)).ravel()
    lengths = np.where(total > 0, (total + 1) / 2, 0.0)
    finder = _Columns(words, pairs)
    units = [finder.columns(term) for term in terms]
    # only the columns some term needs, as a column-major matrix (a copy of those alone)
    needed = sorted({c for term_units in units for cols in term_units for c in cols})
    where = {c: k for k, c in enumerate(needed)}
    sub = matrix[:, needed].tocsc()
    tfs = (_term_frequency(sub, [[where[c] for c in cols] for cols in u]) for u in units)
    return lengths, tfs


class _Stream:
    """Occurrences per record of a few words and word pairs, counted in the word stream of
    :func:`word_tokens` at the places where one of those words stands (no pair is numbered)."""

    def __init__(self, stream: WordTokens, needed: list[int]) -> None:
        ids, self.n = stream.ids, len(stream.lengths)
        ends = np.cumsum(stream.lengths)  # one past each record's last word
        wanted = np.zeros(len(stream.words), dtype=bool)
        wanted[needed] = True
        at = np.flatnonzero(wanted[ids])
        # the places grouped by word (a term's places are a few slices: "of" or "with" in the
        # question stand at millions of places, a term's rarer words at few)
        at = at[np.argsort(ids[at], kind="stable")]
        words = ids[at]
        self.slices = {
            int(w): slice(int(a), int(b))
            for w, a, b in zip(
                needed,
                np.searchsorted(words, needed, side="left"),
                np.searchsorted(words, needed, side="right"),
                strict=True,
            )
        }
        self.row = np.searchsorted(ends, at, side="right")  # the record of each place
        after = np.minimum(at + 1, max(len(ids) - 1, 0))
        # the word after each place, -1 at a record's end: the second word of a pair
        self.next = np.where(at + 1 < ends[self.row], ids[after], -1)

    def count(self, firsts: list[int], seconds: list[int] | None = None) -> np.ndarray:
        """Per record: places of a word of ``firsts`` (followed by a word of ``seconds``)."""
        rows, nexts = [], []
        for w in firsts:
            rows.append(self.row[self.slices[w]])
            if seconds is not None:
                nexts.append(self.next[self.slices[w]])
        if not rows:
            return np.zeros(self.n)
        row = np.concatenate(rows)
        if seconds is not None:
            row = row[np.isin(np.concatenate(nexts), seconds)]
        return np.bincount(row, minlength=self.n).astype(np.float64)

    def frequency(self, ids: list[list[int]]) -> np.ndarray:
        """Occurrences of a term (the word ids of each of its words) per record: of a phrase,
        those of its rarest consecutive word pair (as :func:`_term_frequency`)."""
        if len(ids) == 1:
            return self.count(ids[0])
        tf = self.count(ids[0], ids[1])
        for a, b in zip(ids[1:], ids[2:], strict=False):
            tf = np.minimum(tf, self.count(a, b))
        return tf


def _from_tokens(stream: WordTokens, terms: list[_QueryTerm]) -> tuple[np.ndarray, Iterator]:
    """Words per record and each term's occurrences per record, from the word stream alone:
    the same numbers as :func:`_from_counts` without the matrix of millions of word pairs."""
    finder = _Words(stream.words)
    units = [finder.units(term) for term in terms]
    counter = _Stream(stream, sorted({i for ids in units for one in ids for i in one}))
    return stream.lengths.astype(np.float64), (counter.frequency(ids) for ids in units)


def cold_start_scores(
    texts: Sequence[str], protocol: ProtocolText, counts: TermCounts | WordTokens | None = None
) -> np.ndarray | None:
    """BM25 score of each text against the protocol's weighted terms; None when no term occurs
    in any text (nothing to order by). ``counts``: :func:`term_counts` or (faster, the same
    scores) :func:`word_tokens` of ``texts`` when the caller has them; not changed."""
    terms = query_terms(protocol)
    if not terms or not texts:
        return None
    if counts is None:
        counts = word_tokens(texts)
    if isinstance(counts, WordTokens):
        lengths, tfs = _from_tokens(counts, terms)
    else:
        lengths, tfs = _from_counts(counts, terms)
    n = len(lengths)
    norm = K1 * (1 - B + B * lengths / max(float(lengths.mean()), 1.0))
    scores = np.zeros(n)
    matched = False
    for term, tf in zip(terms, tfs, strict=True):
        df = int(np.count_nonzero(tf))
        if df == 0:
            continue
        matched = matched or term.weight > 0
        idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
        scores += term.weight * idf * tf * (K1 + 1) / (tf + norm)
    return scores if matched else None


def cold_start_order(
    ids: Sequence[int],
    texts: Iterable[str],
    protocol: ProtocolText | None,
    counts: TermCounts | WordTokens | None = None,
) -> list[int] | None:
    """``ids`` (the seeded random order) sorted by their texts' protocol scores, best first,
    ties in the given order; None when the protocol gives nothing to score by. ``counts``:
    :func:`term_counts` or :func:`word_tokens` of ``texts``, when the caller has them."""
    if protocol is None:
        return None
    texts = list(texts)
    if len(texts) != len(ids):
        raise ValueError(f"{len(texts)} texts for {len(ids)} ids")
    scores = cold_start_scores(texts, protocol, counts)
    if scores is None:
        return None
    order = np.argsort(-scores, kind="stable")
    return [ids[k] for k in order]
