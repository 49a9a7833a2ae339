"""One place a term was found: the evidence a label's score is made of."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """One place a term was found: the term, where ('title', 'abstract:METHODS', 'keywords',
    'mesh', 'publication-type'), the text it matched, the label it speaks for, whether it
    speaks against it, and ``report``: which other report of the same study it was found in
    ('' for the record itself; see :mod:`reviewkit.classify.studies`)."""

    label: str
    term: str
    where: str
    text: str
    weight: float
    negative: bool = False
    report: str = ""
    # (field number, start, end) of the words in the record's fields, for telling overlapping
    # evidence apart (:func:`longest_spans`); not stored, not shown
    span: tuple[int, int, int] | None = field(default=None, compare=False, repr=False)
    # the language of the term's list ('en' for ``terms``, 'no', 'sv', 'da' for ``terms_no`` ...;
    # 'en' for MeSH, publication types and the model), which decides whether its text names a
    # person (:func:`reviewkit.classify.persons.names_person`); not stored, not shown
    language: str = field(default="en", compare=False, repr=False)
    # found in a sentence of the background that says what the study itself did or asked (its
    # aim: "we explored ..."; :func:`reviewkit.classify.own_study.states_own_aim`), which weighs
    # as its methods; not stored, not shown
    aim: bool = field(default=False, compare=False, repr=False)

    def short(self) -> str:
        """'term@where', and the report it was found in when that is another report of the study;
        a sibling report's confirmation (where 'study', :mod:`reviewkit.classify.studies`) reads
        as the README words it: 'confirmed on record 41 by kari' (its term names the report, its
        text the reviewer; 'study' is no place in a record)."""
        if self.where == STUDY:
            return f"{self.term} by {self.text}" if self.text else self.term
        return f"{self.term}@{self.where}" + (f" ({self.report})" if self.report else "")


# The place of the evidence a sibling report's confirmation offers (method 'study')
STUDY = "study"


def by_field(evidence: Iterable[Evidence]) -> dict[tuple[str, int], list[Evidence]]:
    """The evidence that speaks for a label and has a place (its ``span``), by the field it was
    found in: (report, field number) -> its evidence, in order (the key the rules' ``texts``
    give each field's text by)."""
    fields: dict[tuple[str, int], list[Evidence]] = {}
    for e in evidence:
        if e.span is not None and not e.negative:
            fields.setdefault((e.report, e.span[0]), []).append(e)
    return fields


def drop_in_mixed_fields(
    evidence: list[Evidence],
    texts: Mapping[tuple[str, int], str],
    rule: Callable[[str, list[Evidence]], set[int]],
) -> list[Evidence]:
    """The evidence without what ``rule`` (a field's text, its evidence in order -> the ids to
    drop) drops in each field where more than one label speaks: a rule that tells one label's
    term from another's has nothing to do where a single label speaks. ``texts``: (report,
    field number) -> the field's text."""
    dropped: set[int] = set()
    for key, found in by_field(evidence).items():
        if len({e.label for e in found}) > 1:
            dropped |= rule(texts.get(key, ""), found)
    return [e for e in evidence if id(e) not in dropped]
