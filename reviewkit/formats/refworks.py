"""RefWorks Tagged Format (what databases' 'Export to RefWorks' and RefWorks' own export write).

Its shape, as RefWorks documents it: each record opens with 'RT <reference type>' ('RT Journal
Article'), then one field a line: a two-character tag, a space and the value (A1 author, one a
line; T1 title; JF journal, JO its abbreviation; YR year; FD date; VO volume; IS issue; SP and
OP first and other (last) page; AB abstract; K1 keyword, one a line; DO DOI; AN accession
number; DB database; LA language; UL URL; AD address). Records are separated by blank lines.
A line without a tag continues the field above it. A record has no closing line, so a file
cut inside its last record can be told only by what the cut leaves:
- a record with neither a title (T1) nor an identifier (DO, AN, ID), refused as every reader
  refuses one (formats.findable), since there is nothing to screen or to find it by;
- a file that stops, without its final line break, inside a tag: a last line of one or two
  letters, or a tag with no value. An export writes every field as tag, space and value, one
  a line, and leaves empty fields out, so such a line is a tag cut off (it was read as a
  wrapped line of the field above, 'YR 2019' became '2019 J', or as an empty field).
A cut at the end of a line cannot be told: the record is shorter but whole. A cut inside a
value cannot be told from a value that ends there in a file written without a final line
break, so it is warned of, not refused (the line, its tag, what to do): an export writes each
field as a line, so a missing last line break most often means the file was cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reviewkit.abstract_sections import plain_abstract
from reviewkit.errors import FormatError
from reviewkit.formats.accession import accession_pmid
from reviewkit.formats.findable import require_findable
from reviewkit.formats.read_problems import Problems
from reviewkit.formats.read_warnings import ReadWarning, Warn, check_tagged_year, tag_line
from reviewkit.formats.tagged_fields import continue_field, tag_values, with_raw
from reviewkit.formats.text import split_lines
from reviewkit.formats.text_sniff import REFWORKS_FIELD
from reviewkit.records import Record

FORMAT = "refworks"
# the year: YR holds one, so one that holds none is warned of (formats.read_warnings); failing
# it, FD, RefWorks' free-format publication date ('Jan 15', a year or not), never warned of
YEAR_TAGS = ("YR",)


def _records(
    lines: list[str], name: str, problems: Problems
) -> Iterator[tuple[int, list[tuple[str, str]]]]:
    """(first line, [(tag, value)]) of each record. Lines before a record's RT line are added
    to ``problems``, once, and skipped up to the next RT line. Past the limit the reading
    stops (formats.read_problems)."""
    fields: list[tuple[str, str]] = []
    start = 0
    skipping = False
    for no, line in enumerate(lines, start=1):
        if problems.stops_here():
            return
        if not line.strip():
            continue
        m = REFWORKS_FIELD.match(line.rstrip())
        if m and m.group(1) == "RT":
            if fields:
                yield start, fields
            start, fields = no, [("RT", (m.group(2) or "").strip())]
            skipping = False
        elif skipping:
            continue
        elif not fields:
            problems.add(
                FormatError(
                    f"expected 'RT <type>' to open a record, found {line.strip()[:40]!r}",
                    where=f"{name}:{no}",
                    hint="is this a RefWorks tagged file? pass --format to choose another reader",
                )
            )
            skipping = True
        elif m:
            fields.append((m.group(1), (m.group(2) or "").strip()))
        else:  # a wrapped line continues the field above
            continue_field(fields, line)
    if fields:
        yield start, fields


def _to_record(
    fields: list[tuple[str, str]], raw: str, source: str, name: str, position: int
) -> Record:
    get, first = tag_values(fields)

    sp, op = first("SP"), first("OP")
    return Record(
        title=first("T1"),
        abstract_sections=plain_abstract("\n".join(get.get("AB", []))),
        authors=get.get("A1", []),
        year=first(*YEAR_TAGS, "FD"),
        journal=first("JF", "JO", "T2"),
        # JO, RefWorks' 'Periodical, Abbrev.', only beside the full name in JF: alone it may
        # be the full name, and is read as the journal (RIS's JO alone so: formats.ris_journal)
        journal_abbreviation=first("JO") if first("JF") else "",
        volume=first("VO"),
        issue=first("IS"),
        pages=f"{sp}-{op}" if sp and op and "-" not in sp else sp,
        doi=first("DO"),
        # the accession number is a PMID only from PubMed/MEDLINE, as in RIS
        pmid=accession_pmid(first("AN"), get.get("DB", []) + get.get("DS", [])),
        language=first("LA"),
        publication_types=get.get("RT", []),
        keywords=get.get("K1", []),
        url=first("UL", "LK"),
        affiliations=get.get("AD", []),
        source=source,
        origin=name,
        position=position,
        raw=raw,
    )


_TAG_START = re.compile(r"^[A-Z][A-Z0-9]? ?$")  # 'J', 'JF', 'JF ': a tag without its value


def _cut_in_tag(text: str, lines: list[str], name: str) -> list[FormatError]:
    """The problem of a file that stops, without a final line break, inside a tag (see above)."""
    if not lines or text.endswith(("\n", "\r")) or not _TAG_START.match(lines[-1]):
        return []
    return [
        FormatError(
            f"the file ends in the middle of a field tag ({lines[-1].strip()!r}, without its value"
            " and without a final line break): it looks cut inside its last record",
            where=f"{name}:{len(lines)}",
            hint="the file looks cut short; export it again",
        )
    ]


def read(
    text: str, name: str, *, source: str = "RefWorks import", warn: Warn | None = None
) -> Iterator[Record]:
    """Records of a RefWorks tagged file; ``warn`` is told of a YR that holds no year. Every
    problem of the file is named in one FormatError (formats.read_problems), records given
    only while there is none."""
    lines = split_lines(text.lstrip("\ufeff"))
    cut = _cut_in_tag(text, lines, name)  # named after the records' problems, at the end
    problems = Problems()
    records = list(_records(lines, name, problems))
    if warn is not None and records and not cut and not text.endswith(("\n", "\r")):
        tag, value = records[-1][1][-1]
        warn(
            ReadWarning(
                f"{name}:{len(lines)}",
                f"the file ends without a line break, inside field {tag} ({value[-30:]!r}):"
                " if it was cut short there, that value and any fields after it are lost;"
                " export the file again to be sure",
            )
        )
    for position, start, fields, raw in with_raw(records, lines):
        if cut and position == len(records):  # the record cut: its damage is named once
            break
        if problems.stops_here():  # past the limit: the records below are not read
            break
        record = _to_record(fields, raw, source, name, position)
        told = warn if not problems else None  # no warnings of records never stored
        check_tagged_year(
            record, fields, YEAR_TAGS, tag_line(name, raw, start, REFWORKS_FIELD), told
        )
        accessions = [v for tag, v in fields if tag in ("AN", "ID")]
        urls = [v for tag, v in fields if tag in ("UL", "LK")]  # a DOI or PubMed link: its id
        try:
            record = require_findable(
                record,
                f"record {position}",
                f"{name}:{start}",
                *accessions,
                hint="the file may be cut short; export it again, or delete the record",
                urls=urls,
                warn=told,
            )
        except FormatError as exc:
            problems.add(exc)
        if not problems and not cut:
            yield record
    problems.add(*cut)
    problems.raise_any()
