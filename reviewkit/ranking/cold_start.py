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
  not tuned here) over the ranker's own term counts (:func:`reviewkit.ranking.features.term_counts`,
  the same tokens and word pairs as the TF-IDF features). A phrase of several words counts as
  often as its rarest consecutive word pair occurs; a truncated word matches every word it
  starts.
* **Ties.** The order is a stable sort of the caller's seeded random order, so records with
  the same score (most often none of the terms: score 0) keep the random order.

:func:`cold_start_order` returns None when the protocol has no usable text or no term occurs
in any record: the caller keeps the random order and says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from reviewkit import query as pubmed_query
from reviewkit.ranking.features import term_counts, tokens

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
    (:func:`reviewkit.queue_ranker.protocol_text` takes them from a protocol)."""

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


def _term(text: str, weight: float) -> _QueryTerm | None:
    """A highlight term: 'back pain', 'psychos*' (a prefix), '"return to work"'."""
    text = text.strip().strip('"')
    prefix = text.endswith("*")
    words = tokens(text.rstrip("*"))
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
            words = tokens(t.text)
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


class _Columns:
    """Finds the term-count columns of a word or a word pair, prefixes included."""

    def __init__(self, words: list[str], pairs: np.ndarray) -> None:
        self.words = words
        self.index = {w: i for i, w in enumerate(words)}
        self.base = max(len(words), 1)
        # term_counts numbers the pairs in the order of these codes (sorted): a pair's column
        # is found by binary search, without a dict of millions of pairs
        self.codes = pairs[:, 0].astype(np.int64) * self.base + pairs[:, 1]
        self._sorted = sorted(words)

    def word_ids(self, word: str, prefix: bool) -> list[int]:
        if not prefix:
            return [self.index[word]] if word in self.index else []
        start = int(np.searchsorted(self._sorted, word))
        out = []
        for w in self._sorted[start:]:
            if not w.startswith(word):
                break
            out.append(self.index[w])
        return out

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
        n = len(term.words)
        ids = [self.word_ids(w, term.prefix and i == n - 1) for i, w in enumerate(term.words)]
        if n == 1:
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


def cold_start_scores(
    texts: Sequence[str], protocol: ProtocolText, counts: TermCounts | None = None
) -> np.ndarray | None:
    """BM25 score of each text against the protocol's weighted terms; None when no term occurs
    in any text (nothing to order by). ``counts``: :func:`term_counts` of ``texts`` when the
    caller has them (the ranker's features are built from the same counts); not changed."""
    terms = query_terms(protocol)
    if not terms or not texts:
        return None
    counts, words, pairs = counts if counts is not None else term_counts(texts)
    n = counts.shape[0]
    # words per record: a text of w >= 1 words has w - 1 word pairs, so w = (all counts + 1) / 2
    total = np.asarray(counts.sum(axis=1)).ravel()
    lengths = np.where(total > 0, (total + 1) / 2, 0.0)
    norm = K1 * (1 - B + B * lengths / max(float(lengths.mean()), 1.0))
    finder = _Columns(words, pairs)
    units = [finder.columns(term) for term in terms]
    # only the columns some term needs, as a column-major matrix (a copy of those alone)
    needed = sorted({c for term_units in units for cols in term_units for c in cols})
    if not needed:
        return None
    where = {c: k for k, c in enumerate(needed)}
    sub = counts[:, needed].tocsc()
    del counts
    scores = np.zeros(n)
    matched = False
    for term, term_units in zip(terms, units, strict=True):
        tf = _term_frequency(sub, [[where[c] for c in cols] for cols in term_units])
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
    counts: TermCounts | None = None,
) -> list[int] | None:
    """``ids`` (the seeded random order) sorted by their texts' protocol scores, best first,
    ties in the given order; None when the protocol gives nothing to score by. ``counts``:
    :func:`term_counts` of ``texts``, when the caller has them."""
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
