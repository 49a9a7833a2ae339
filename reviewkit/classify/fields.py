"""A record's searchable fields (title, abstract sections, keywords, MeSH), each split into words
once, with the places of the words a term part matches (:meth:`Field.places`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from reviewkit.abstract_sections import plain_abstract
from reviewkit.classify import affiliations, codes
from reviewkit.classify.headings import heading
from reviewkit.classify.term_syntax import NOUN_ENDINGS, TermPart, part_matches
from reviewkit.classify.words import (
    SHORT_WORD,
    Token,
    fold,
    forms,
    hyphen_runs,
    plain_hyphens,
    tokens,
)
from reviewkit.records import Record

_NO_PLACES: list[int] = []  # shared: callers only read places


@dataclass
class Field:
    """One searchable part of a record, split into words once."""

    where: str
    text: str
    words: list[Token]
    joined: list[tuple[int, int, Token]]
    named: frozenset[str] = frozenset()  # classifications of codes the record names (ICD-10)
    # word -> its places, and per language a word form -> places (built on first use): a term's
    # first word is looked up instead of tested at every place (every term of a scheme is
    # searched for in every field, so that test ran tens of millions of times in the demo)
    _places: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)
    _by_fold: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)
    _by_form: dict[str, dict[str, list[int]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # part -> its places, kept: one record's fields are shared by every scheme and every run
    # that scores it (:func:`record_fields`), and a term is looked up once per field
    _hits: dict[TermPart, list[int]] = field(default_factory=dict, repr=False, compare=False)
    written: list = field(default_factory=list, repr=False, compare=False)  # codes.code_places

    def places(self, part: TermPart) -> list[int]:
        """The places of the words that are ``part`` (as :meth:`TermPart.matches` says), in order."""
        hits = self._hits.get(part)
        if hits is None:  # most parts are in no field: one shared empty list, not one each
            hits = self._hits[part] = self._find(part) or _NO_PLACES
        return hits

    def _index(self) -> dict[str, list[int]]:
        # built whole, then published: a field may be shared by two threads (the confirm
        # screen's trainer), and a half-built index would lose or repeat places
        if not self._places:
            places: dict[str, list[int]] = {}
            for i, w in enumerate(self.words):
                places.setdefault(w.word, []).append(i)
            by_fold: dict[str, list[int]] = {}
            for w, at in places.items():
                by_fold.setdefault(fold(w), []).extend(at)
            self._by_fold = by_fold
            self._places = places
        return self._places

    def _find(self, part: TermPart) -> list[int]:
        places = self._index()
        if part.kind == "code":  # each code read with the words beside it
            return codes.code_places(part.key, self, places)
        if part.kind == "exact":  # the word as written, case and accents aside
            return list(self._by_fold.get(part.key, ()))
        if part.kind != "word":  # prefixes, suffixes, acronyms: each different word tested once
            return sorted(i for w, at in places.items() if part_matches(part, w) for i in at)
        by_form = self._by_form.get(part.language)
        if by_form is None:
            by_form = {}
            for w, at in places.items():
                for key in forms(w, part.language):
                    by_form.setdefault(key, []).extend(at)
            self._by_form[part.language] = by_form
        found = set()
        for key in forms(part.key, part.language):
            found.update(by_form.get(key, ()))
        if len(part.key) > SHORT_WORD:  # TermPart.matches' noun endings: fold(word) is key + ending
            for ending in NOUN_ENDINGS.get(part.language, ()):
                found.update(self._by_fold.get(part.key + ending, ()))
        return sorted(found)


class Fields(list):
    """A record's fields, and ``whole``: all their words (and hyphenated runs joined) in one
    field, to ask once per record whether a term's first word is there at all."""

    whole: Field


def record_fields(record: Record) -> Fields:
    """Every searchable part of a record (title, abstract sections, keywords), split into words,
    without the authors' affiliations (:mod:`~reviewkit.classify.affiliations`). Made once per
    record text and shared: do not change the list."""
    out = [("title", record.title)]
    for s in record.abstract_sections:
        if affiliations.is_affiliations(s.label):  # the authors' workplaces, not the study's
            continue
        text = affiliations.without_affiliations(s.text)
        # an unlabelled section is split again at the headings run into it: a record stored
        # before its kind of heading was known (capital headings without colons, CINAHL's and
        # Embase's) gets its sections, as prefill_sections.sections reads it
        parts = ((s.label, text),) if s.label else _sections_of(text)
        out += [(f"abstract:{label.upper()}" if label else "abstract", t) for label, t in parts]
    out += [("keywords", k) for k in record.keywords]
    out += [("mesh", heading(m)) for m in record.mesh_terms]
    return _fields(tuple((where, text) for where, text in out if text))


@lru_cache(maxsize=1024)  # a record is scored again by every scheme and retraining
def _sections_of(text: str) -> tuple[tuple[str, str], ...]:
    """(label, text) of the sections run into one unlabelled section's text (itself if none)."""
    return tuple((p.label, p.text) for p in plain_abstract(text)) or (("", text),)


@lru_cache(maxsize=1024)  # about 100 KB a record with its places kept; the demo scores 434
def _fields(parts: tuple[tuple[str, str], ...]) -> Fields:
    """The fields of one record's text, made once: every scheme, every classify run and every
    retraining of the confirm screen scores the same records again (records never change)."""
    fields = Fields()
    every: list[Token] = []
    named = frozenset().union(*(codes.named_systems(text) for _, text in parts))
    for where, written in parts:
        text = plain_hyphens(written)  # every rule reads the Unicode hyphens as "-"
        words = tokens(text)
        joined = hyphen_runs(text, words)
        fields.append(Field(where, text, words, joined, named))
        every += words
        every += [tok for _, _, tok in joined]
    fields.whole = Field("", "", every, [])
    return fields
