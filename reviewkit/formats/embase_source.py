"""The citation in Embase.com's 'Source' column, for an export that gives it nowhere else.

Embase.com's CSV exports of some years (asreview's tests/demo_data/embase.csv) have no year,
volume, issue or page columns: only 'Source', 'Journal (Year) Volume:Issue (First-Last).
Date of Publication: 25 Aug 2004', as its record view writes the citation
('Cancer (2004) 102:4 (253-258). …'; a journal without issues: '… (2019) 54 (83-86). …').
Its newer CSV has 'SOURCE' too, beside its own columns for each part (our
fixtures/embase_export.csv), which win.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

_SOURCE = re.compile(
    r"(?P<journal>.+?) \((?P<year>\d{4})\)"
    r"(?: (?P<volume>[^\s:()]+)(?::(?P<issue>[^\s()]+))?)?"
    r"(?: \((?P<pages>[^()]+)\))?"
    r"(?:\. Date of Publication: .*)?\.?"
)


class Citation(NamedTuple):
    """The parts of one Embase.com source citation ('' for a part it does not give)."""

    journal: str
    year: str
    volume: str
    issue: str
    pages: str


def parse_source(value: str) -> Citation | None:
    """The parts of an Embase.com source citation; None for a value of another form (a plain
    journal name, as other exports' 'Source' columns hold)."""
    m = _SOURCE.fullmatch(" ".join(value.split()))
    if not m:
        return None
    return Citation(*(m.group(part) or "" for part in Citation._fields))


def fill_from_source(fields: dict[str, Any]) -> None:
    """Give a CSV row's fields (Record keyword arguments) the parts of an Embase.com source
    citation in its journal cell, each only where the row has no value of its own."""
    citation = parse_source(fields.get("journal", ""))
    if citation is None:
        return
    fields["journal"] = citation.journal
    for part in Citation._fields:  # the journal is replaced above, the rest only filled
        if part != "journal" and not fields.get(part):
            fields[part] = getattr(citation, part)
