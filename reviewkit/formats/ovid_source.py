"""The citation in an Ovid record's SO line, for records that give it nowhere else.

Ovid's tagged export gives MEDLINE records the journal, volume, issue and pages in fields of
their own (JN, VO, IP, PG), but an Embase or PsycINFO record only in its source line (SO), one
form per database (Ovid's field guides; Embase's as in knh11545/commandline4expertsearchers,
test/data/Embase_citavi_r3001-3002.ovd):

- Embase: 'Journal of Occupational Rehabilitation. 29 (1) (pp 100-110), 2019. Date of
  Publication: 01 Mar 2019.'; an article without pages: '… 19 (1) (no pagination), 2019.
  Article Number: 1234. …'; a conference abstract's journal is followed by
  '. Conference: <its name>. <place>.', which is not the journal's name.
- MEDLINE: 'Journal of Occupational Rehabilitation. 29(1):100-110, 2019 Mar.'
- PsycINFO: 'Journal of Occupational Rehabilitation. Vol.29(1), 2019, pp. 100-110.'
"""

from __future__ import annotations

import re
from typing import NamedTuple

_EMBASE = re.compile(
    # a journal without issue numbers: '170 (pp 1-2), 2019.', the pages' parentheses next
    r"(?P<journal>.+?)\. (?P<volume>[^\s().,:]+)(?: \((?!pp |no pagination\))(?P<issue>[^)]*)\))?"
    r"(?: \((?:pp (?P<pages>[^)]+)|no pagination)\))?, (?P<year>\d{4})\."
    r"(?:.*?Article Number: (?P<article>[^.\s]+))?"
)
_MEDLINE = re.compile(
    r"(?P<journal>.+?)\. (?P<volume>[^\s():,]+)(?:\((?P<issue>[^)]*)\))?"
    r"(?::(?P<pages>[^,\s]+))?, (?P<year>\d{4})\b"
)
_PSYCINFO = re.compile(
    r"(?P<journal>.+?)\. Vol\.\s?(?P<volume>[^(,]+)(?:\((?P<issue>[^)]*)\))?, (?P<year>\d{4})"
    r"(?:, pp\.\s?(?P<pages>[^.,]+))?"
)
_CONFERENCE = re.compile(r"\. Conference: .*$")


class Citation(NamedTuple):
    journal: str
    volume: str
    issue: str
    pages: str


def parse_source(so: str) -> Citation | None:
    """The journal, volume, issue and pages (or article number) of an Ovid SO line; None
    when the line has none of Ovid's forms."""
    text = " ".join(so.split())
    for form in (_PSYCINFO, _EMBASE, _MEDLINE):
        if m := form.match(text):
            parts = m.groupdict()
            journal = _CONFERENCE.sub("", parts["journal"]).strip()
            pages = parts.get("pages") or parts.get("article") or ""
            return Citation(journal, parts["volume"].strip(), (parts["issue"] or "").strip(), pages)
    return None
