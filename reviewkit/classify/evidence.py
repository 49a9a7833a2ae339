"""One place a term was found: the evidence a label's score is made of."""

from __future__ import annotations

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

    def short(self) -> str:
        """'term@where', and the report it was found in when that is another report of the study."""
        return f"{self.term}@{self.where}" + (f" ({self.report})" if self.report else "")
