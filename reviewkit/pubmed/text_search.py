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

from typing import Protocol

from reviewkit.pubmed.fields import (
    NARROW_ALL_FIELDS,
    NEAR_SPAN,
    NO_ATM,
    TEXT_FIELDS,
    WHOLE_VALUES,
)
from reviewkit.pubmed.snapshot import FTS_TABLES, Snapshot
from reviewkit.pubmed.unsupported import UnsupportedQuery
from reviewkit.pubmed.wildcards import (
    PATTERN,
    PREFIX,
    WildcardError,
    WordVariants,
    phrase_alternatives,
    text_tokens,
)
from reviewkit.query import Term
from reviewkit.records import fold_text

# [tw] (PubMed Help: title, abstract, other abstract, MeSH terms and subheadings, publication
# types, substance names, personal name as subject, corporate author, secondary source,
# comment/correction notes, other terms): all but the comment/correction notes are indexed.
_TW_NARROWER = (
    "[tw] searched in all the fields PubMed Help lists for Text Word but the comment and "
    "correction notes, which the local server does not index"
)


class Warnings(Protocol):
    """Where a search's WarningList entries go (evaluate.Evaluation)."""

    warnings: list[tuple[str, str]]


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
        if f == "tw":
            out.warnings.append(("OutputMessage", _TW_NARROWER))
        if term.proximity is not None:
            return self._near(term, out)
        return self._term(term, out)

    def _term(self, term: Term, out: Warnings) -> set[int]:
        """A text term. An unquoted term of several words before a tag is looked up as a
        phrase, as PubMed does; when the snapshot has no such phrase its words are ANDed
        (what PubMed does for a phrase absent from its whole index) and a warning says so."""
        hits = self._text(term)
        if hits or term.phrase or " " not in term.text or not term.field:
            return hits
        words = term.text.split()
        found: set[int] | None = None
        for k, word in enumerate(words):
            last = k == len(words) - 1
            part = self._text(Term(word, term.field, truncated=term.truncated and last))
            found = part if found is None else found & part
        out.warnings.append(
            (
                "OutputMessage",
                f"{term.text}[{term.field}] is no phrase of the snapshot: its words were "
                "searched separately, as PubMed does when a phrase is not in its phrase index",
            )
        )
        return found or set()

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
        found: set[int] = set()
        for table, columns in TEXT_FIELDS[term.field]:
            expression = f"{{{columns}}} : NEAR({quoted}, {term.proximity})"
            found |= self.snapshot.fts(expression, table)
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
        return found

    def _phrases(self, text: str, tokens: list[tuple[str, str]], table: str) -> list[str]:
        """The FTS5 phrases of a term's ``tokens`` among one table's words (WildcardError past
        the variants' limit)."""
        variants = self._variants[table]
        choices = [variants.of(t, k) for t, k in tokens[:-1]]
        last, kind = tokens[-1]
        choices.append(variants.of(last, kind) if kind == PATTERN else [last])
        return phrase_alternatives(text, choices, kind == PREFIX)
