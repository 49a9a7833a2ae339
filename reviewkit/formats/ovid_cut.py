"""Whether an Ovid tagged export (read by the MEDLINE reader) was cut inside its last record.

Ovid closes a record with nothing (a blank line, then '<2. >'), and its exports come without a
final line break (tests/core/fixtures/ovid_no_final_newline.txt), so neither the missing closing
line that tells a cut nbib file nor a missing line break tells a cut Ovid file. Two signals do,
measured on every good Ovid file we have (the two fixtures, and the four BIOSIS records of
Zotero's Ovid translator tests, two of International Political Science Abstracts and four of
Journals@Ovid, each file also cut after every whole record, with and without
its final line break: none fires; benchmarks/results/mutation-sweep.md):

- the last line, in a file without its final line break, holds a value of a shape Ovid always
  writes whole, and this one is not whole: a tag with no value ('MH  - '), a DO that is no DOI
  ('https://dx.do'), Ovid's own link (XL, 'ovidweb.cgi?…') without the '&AN=' accession it
  ends with, an SO (the citation) without the period the file's other citations of the same
  database end with (or, with none, Ovid MEDLINE's and Embase's: as PubMed's SO, which the
  nbib check reads so), a YR that is no four-digit year, a VN that is not 'Ovid Technologies';
- the last record ends on a field after which every other record of the file goes on to one
  of the fields Ovid writes in every record whatever the reference (the title, the citation,
  the year: :mod:`~reviewkit.formats.last_record`), and lacks it.

What cannot be told: a cut inside a free-text value (a title, an abstract, a heading) or after a
period inside SO, in the only record of a file or after the fields every record has.
"""

from __future__ import annotations

import re

from reviewkit.errors import FormatError
from reviewkit.formats.last_record import check_last_record

# fields Ovid writes in every record of MEDLINE, Embase, PsycINFO and BIOSIS when the export's
# field choice holds them, whatever the reference (a DOI, an abstract or a link may be missing)
_ALWAYS = ("VN", "DB", "TI", "SO", "YR")
_DOI = re.compile(r"(?:https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+")
_HINT = "the file looks cut short; export the records from Ovid again"


def _period_ends_source(records: list[list[tuple[str, str]]]) -> bool:
    """Whether the last record's SO is one Ovid ends with a period: every other record's SO of
    the same database does (at least one), or, with none, its database is Ovid MEDLINE or
    Embase, whose citations ('Journal. 10(2):100-110, 2019 Mar.') always end so. Journals@Ovid's
    do not ('… January/February 2010;14(1):56'), nor is BIOSIS' or a smaller database's known;
    a search of several databases exports them in one file, so only the same database's
    citations say how the last one ends."""
    database = _database(records[-1])
    sources = [
        v
        for record in records[:-1]
        if _database(record) == database
        for tag, v in record
        if tag == "SO"
    ]
    if sources:
        return all(v.endswith(".") for v in sources)
    return any(name in database for name in ("MEDLINE", "Embase"))


def _database(record: list[tuple[str, str]]) -> str:
    """The record's DB ('Ovid MEDLINE(R) ALL', 'Embase'), '' when the export left it out."""
    return " ".join(v for tag, v in record if tag == "DB")


def _cut_value(records: list[list[tuple[str, str]]]) -> str:
    """Why the last value of the file (of its last record) is not whole ('' when it may be)."""
    tag, value = records[-1][-1]
    if not value:
        return "a field with no value"
    if tag in ("DO", "DI") and not _DOI.fullmatch(value):
        return "a DOI field that holds no whole DOI"
    if tag == "XL" and "ovidweb.cgi" in value and "&AN=" not in value:
        return "Ovid's link without the '&AN=' accession it ends with"
    if tag == "SO" and not value.endswith(".") and _period_ends_source(records):
        return "the citation (SO) without the period Ovid ends it with"
    if tag == "YR" and not re.fullmatch(r"\d{4}", value):
        return "a year (YR) that is not four digits"
    if tag == "VN" and value != "Ovid Technologies":
        return "a VN line that is not 'Ovid Technologies'"
    return ""


def check_complete(records: list[list[tuple[str, str]]], text: str, name: str) -> None:
    """FormatError when the Ovid export ``text``, whose records' (tag, value) fields (their
    continuation lines joined, as the MEDLINE reader reads them) are ``records``, looks cut
    inside its last record."""
    if not records or not records[-1]:
        return
    last_line = text.rstrip("\r\n").count("\n") + 1  # the line an error names
    if not text.endswith(("\n", "\r")):
        tag, value = records[-1][-1]
        why = _cut_value(records)
        if why:
            raise FormatError(
                f"the file ends inside its last record, without a final line break, on {why}"
                f" ('{tag}  - {value[-40:]}')",
                where=f"{name}:{last_line}",
                hint=_HINT,
            )
    check_last_record(records, _ALWAYS, name, last_line, hint=_HINT)
