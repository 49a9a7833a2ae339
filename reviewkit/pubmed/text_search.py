"""The text fields of a PubMed query over the snapshot's FTS5 tables: untagged terms, [all],
[tiab], [ti], [ab], [tw], [ot], [ad], [cois], [tt] and [cn]; words, phrases, truncation and
wildcards, proximity.

A field may span several FTS5 tables (All Fields spans all four: :data:`fields.TEXT_FIELDS`): a
term is searched in each table's columns and the articles are united, so that a phrase is found
within one field's entry, never from one table's text into another's. Wildcards expand through
each table's own vocabulary (:mod:`reviewkit.pubmed.wildcards`). All Fields also matches the
values PubMed indexes whole (:data:`fields.WHOLE_VALUES`: journal names, grants, DOIs, ...) as
a whole term, never by one of their words.
"""

from __future__ import annotations

from collections import Counter
from typing import Protocol

from reviewkit.pubmed.fields import (
    ALL_FIELDS_NAMES,
    NARROW_ALL_FIELDS,
    NEAR_SPAN,
    NO_ATM,
    TEXT_FIELDS,
    WHOLE_VALUES,
)
from reviewkit.pubmed.index_text import ENTRY_COLUMNS, ENTRY_GAP
from reviewkit.pubmed.messages import phrase_written, written
from reviewkit.pubmed.snapshot import FTS_TABLES, Snapshot
from reviewkit.pubmed.translation import is_stopword
from reviewkit.pubmed.unsupported import UnsupportedQuery
from reviewkit.pubmed.wildcards import (
    PATTERN,
    PREFIX,
    WildcardError,
    WordVariants,
    phrase_alternatives,
    text_tokens,
)
from reviewkit.query_nodes import Term
from reviewkit.records import fold_text

GAP = ENTRY_GAP.strip()  # between two entries of a column


def near_in(words: list[str], text: str, n: int) -> bool:
    """Whether ``words`` (folded; a word written twice counted once) all occur in ``text`` with
    at most ``n`` words between the first and the last of them, as FTS5's NEAR reads a group
    (fields.NEAR_SPAN): the narrowest window holding each word, found in one pass."""
    wanted = set(words)
    hits = [(k, t) for k, t in enumerate(fold_text(text).split()) if t in wanted]
    seen: Counter[str] = Counter()
    start = 0
    for place, word in hits:
        seen[word] += 1
        while len(seen) == len(wanted):
            if place - hits[start][0] - 1 <= n:
                return True
            first = hits[start][1]
            seen[first] -= 1
            if not seen[first]:
                del seen[first]
            start += 1
    return False


class Warnings(Protocol):
    """Where a search's messages go (evaluate.Evaluation): WarningList entries, ErrorList's
    PhraseNotFound, the terms whose words found nowhere were left out, and those words; every
    term searched as its words, and the words searched (for the translation)."""

    warnings: list[tuple[str, str]]
    not_found: list[str]
    left_out: dict[Term, list[Term]]
    dropped: list[str]
    split: dict[Term, list[Term]]


class TextSearch:
    """Text terms over one snapshot; keeps the wildcard expansions it has made."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self._variants = {  # one per FTS5 table: [ad] and [cois] words expand among theirs
            table: WordVariants(
                lambda prefix, limit, table=table: snapshot.vocabulary(prefix, limit, table)
            )
            for table in FTS_TABLES
        }

    def field(self, term: Term, out: Warnings) -> set[int]:
        """A term of one of :data:`TEXT_FIELDS`: words, phrases, proximity."""
        f = term.field
        # Quotes, a tag, a hyphen or truncation make PubMed bypass automatic term mapping (NLM
        # PubMed tutorial, "Phrase Searching"): only a plain untagged term misses the mapping.
        if f == "" and not (term.phrase or term.truncated or "-" in term.text or "*" in term.text):
            out.warnings.append(("OutputMessage", NO_ATM))
        if f in ("", "all"):  # and what All Fields leaves out here
            out.warnings.append(("OutputMessage", NARROW_ALL_FIELDS))
        if term.proximity is not None:
            return self._near(term, out)
        return self._term(term, out)

    def _term(self, term: Term, out: Warnings) -> set[int]:
        """A text term. An unquoted term of several words before a tag is looked up as a
        phrase, as PubMed does; when the snapshot has no such phrase its words are ANDed
        (what PubMed does for a phrase absent from its whole index) and a warning says so.
        A word of it found nowhere in the field is left out and the rest searched, as PubMed
        does (:func:`_left_out`)."""
        hits = self._text(term)
        if hits or term.phrase or " " not in term.text or not term.field:
            return hits
        words = term.text.split()
        parts = [
            Term(w, term.field, truncated=term.truncated and k == len(words) - 1, tag=term.tag)
            for k, w in enumerate(words)
        ]
        # its stopwords ignored, as PubMed ignores them between the words it searches (the
        # recorded title search of _left_out: PhraseIgnored the, and, in); all stopwords: kept
        if words_kept := [p for p in parts if not is_stopword(p)]:
            out.warnings += [("PhraseIgnored", p.text) for p in parts if is_stopword(p)]
            parts = words_kept
        found = [(part, set() if lone_sign(part) else self._text(part)) for part in parts]
        out.warnings.append(
            (
                "OutputMessage",
                f"{written(term)} is no phrase of the snapshot: its words were searched "
                "separately, as PubMed does when a phrase is not in its phrase index",
            )
        )
        kept = _left_out(term, found, out)
        if any(pmids for _, pmids in found):  # else named whole and written as sent
            out.split[term] = [part for part, _ in kept]  # translated as searched: ANDed
        return set.intersection(*(pmids for _, pmids in kept))

    def _near(self, term: Term, out: Warnings) -> set[int]:
        """ "a b"[tiab:~N]: the words within N words of each other, in any order (FTS5 NEAR),
        within one column of one table (one affiliation, for [ad])."""
        words = fold_text(term.text).split()
        if term.truncated or "*" in term.text or len(words) < 2:
            raise UnsupportedQuery(
                f"proximity needs two or more words without truncation: {term.text!r}"
            )
        if len(words) > 2:
            out.warnings.append(
                (
                    "OutputMessage",
                    NEAR_SPAN.format(text=term.text, field=term.field, n=term.proximity),
                )
            )
        quoted = " ".join(f'"{w}"' for w in words)
        near = f"NEAR({quoted}, {term.proximity})"
        found: set[int] = set()
        for table, columns in TEXT_FIELDS[term.field]:
            whole = [c for c in columns.split() if c not in ENTRY_COLUMNS]
            if whole:
                found |= self.snapshot.fts(f"{{{' '.join(whole)}}} : {near}", table)
            for column in (c for c in columns.split() if c in ENTRY_COLUMNS):
                # FTS5 counts the gap between two entries as one word: "anxiety" ending one
                # keyword and "depression" opening the next were within ~1. PubMed indexes each
                # keyword on its own, so the words must be near within one entry.
                texts = self.snapshot.fts_texts(f"{{{column}}} : {near}", table, column)
                found |= {
                    pmid
                    for pmid, text in texts.items()
                    if pmid not in found
                    and any(near_in(words, entry, term.proximity) for entry in text.split(GAP))
                }
        return found

    def _text(self, term: Term) -> set[int]:
        """A word or phrase in the field's columns, via FTS5, table by table; wildcarded words
        are expanded (:mod:`reviewkit.pubmed.wildcards`), except a last word truncated at its
        end, which is an FTS5 prefix."""
        try:
            tokens = text_tokens(term.text, term.truncated)
            if not tokens:
                raise UnsupportedQuery(f"the term {term.text!r} has no searchable words")
            searches = [
                (table, columns, self._phrases(term.text, tokens, table))
                for table, columns in TEXT_FIELDS[term.field]
            ]
        except WildcardError as exc:
            raise UnsupportedQuery(exc.message, hint=exc.hint) from None
        found: set[int] = set()
        for table, columns, phrases in searches:
            if phrases:
                expression = f"{{{columns}}} : ({' OR '.join(phrases)})"
                found |= self.snapshot.fts(expression, table)
        if term.field in ("", "all") and "*" not in term.text:  # and the whole values
            whole = fold_text(term.text)
            found |= self.snapshot.term(WHOLE_VALUES, whole, prefix=term.truncated)
            found |= self._names(whole, truncated=term.truncated)
        return found

    def _names(self, name: str, *, truncated: bool) -> set[int]:
        """The persons All Fields finds by a term (:data:`fields.ALL_FIELDS_NAMES`): as [au]
        finds them ('smith' every Smith, not an author whose forename is Smith), or names
        beginning so when truncated."""
        found: set[int] = set()
        for kind in ALL_FIELDS_NAMES:
            if truncated:
                found |= self.snapshot.term(kind, name, prefix=True)
                found |= self.snapshot.term(kind + "f", name, prefix=True)
            else:
                found |= self.snapshot.author(name, kind)
        return found

    def _phrases(self, text: str, tokens: list[tuple[str, str]], table: str) -> list[str]:
        """The FTS5 phrases of a term's ``tokens`` among one table's words (WildcardError past
        the variants' limit)."""
        variants = self._variants[table]
        choices = [variants.of(t, k) for t, k in tokens[:-1]]
        last, kind = tokens[-1]
        choices.append(variants.of(last, kind) if kind == PATTERN else [last])
        return phrase_alternatives(text, choices, kind == PREFIX)


def lone_sign(word: Term) -> bool:
    """Whether a word of a term searched separately, or an untagged word beside others
    (:func:`reviewkit.pubmed.term_mapping.without_lone_signs`), is a sign alone with no letter
    or digit to look up (``-``, ``,``, ``>``, ``–``, pieces of a pasted title: ``Pleuroscopy - a
    review[ti]``). It is in no index: found nowhere, so left out and named like any such word
    (:func:`_left_out`), as PubMed looks each piece up as written (``'Homo``, punctuation and
    all, in es.um.asio's recorded reply), not a reason to refuse the term. Our reading: no
    recorded reply holds a sign alone. A '*' still goes to the wildcard checks."""
    return not (fold_text(word.text).split() or word.truncated or "*" in word.text)


def _left_out(
    term: Term, found: list[tuple[Term, set[int]]], out: Warnings
) -> list[tuple[Term, set[int]]]:
    """The words of a term searched separately (:meth:`TextSearch._term`) that PubMed keeps:
    those found somewhere in the field when some are and some are not. Every recorded reply
    with a word found nowhere beside words found leaves that word out, searches the rest and
    names the word alone, without its tag, in ErrorList's PhraseNotFound: ``Charles-rawlins
    J[au]`` -> QueryTranslation ``J[au]``, 264 records, PhraseNotFound ``Charles-rawlins``
    (ReCiter #282, 2018); a title search's ``'Homo`` and ``'Genoma`` left out of its two
    ``[Title]`` terms, 1 record (es.um.asio's tests); ``Townes-Brocks-Branchiootorenal-Like
    Syndrome[MeSH Terms:noexp]`` searched as ``Syndrome`` on PubMed's web (hetio/medline #3,
    2021). A term whose every word is found nowhere is kept whole and named so, as the replies
    to lone terms found nowhere have it (esearch8, biogo/ncbi). The term's words as kept are in
    ``out.left_out``."""
    missing = [part for part, pmids in found if not pmids]
    if not missing or len(missing) == len(found):
        return found
    # a word written twice in the term is one piece of it found nowhere: named once
    names = list(dict.fromkeys(phrase_written(part) for part in missing))
    out.dropped.extend(names)
    out.not_found.extend(names)
    kept = [(part, pmids) for part, pmids in found if pmids]
    out.left_out[term] = [part for part, _ in kept]
    return kept
