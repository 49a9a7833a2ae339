"""The Cochrane Library's plain-text export (CENTRAL, Cochrane Reviews: 'Export selected citation(s)'
as 'Plain text', a .txt file).

Its shape: each record opens with a 'Record #n of N' line, then one field a line, a tag of two
or three capital letters, a colon and the value ('ID: CN-01234567', 'AU: Smith J', 'TI: …',
'SO: …', 'YR: 2019', 'VL:', 'NO:', 'PG:', 'DOI:', 'AB:', 'KY:', 'PT:', 'PM: PUBMED 30000001',
'XR: EMBASE …', 'US: <url>'); blank lines between records. AU repeats, one author a line
(a line holding several names separated by ';' is split too); KY and PT are lists separated by
';'. A line without a tag inside a record continues the field above it (an abstract with a line
break).

'Record #n of N' numbers the records in the search's result list, so a file whose records run
#1, #2, … #k of N with k < N was cut short and is refused. Records chosen from the list keep
their numbers there ('Record #3 of 18', then #4, #10: the Library's exports in
asreview/citation-file-formatting), so numbers that rise with gaps are a selection, read as it
is (a cut after its last record cannot be told). A record has no closing line; a cut inside
the last record is refused when it lacks the US link that every other record has after the
record's last field (formats.last_record), or, in a file without its final line break, when
its last line is a CENTRAL record's link cut short (the Library writes it from the record's
ID); a cut after the US line, or in a one-record export before it, cannot be told. Several
exports joined into one file are read: numbering starting again at #1 opens another part,
each checked on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reviewkit.abstract_sections import plain_abstract
from reviewkit.errors import FormatError
from reviewkit.formats.findable import require_findable
from reviewkit.formats.headings import unstarred
from reviewkit.formats.last_record import check_last_record
from reviewkit.formats.read_problems import Problems
from reviewkit.formats.read_warnings import Warn, check_tagged_year, tag_line
from reviewkit.formats.record_numbers import RecordNumbers, first_of_many, record_number
from reviewkit.formats.tagged_fields import continue_field, tag_values, with_raw
from reviewkit.formats.text import split_lines
from reviewkit.formats.text_sniff import COCHRANE_FIELD
from reviewkit.records import Record, normalise_pmid

FORMAT = "cochrane"
_CUT_HINT = "the file looks cut short; export it from the Cochrane Library again"
# fields the export writes in every record whatever the reference: US, the record's link on
# the Cochrane Library (ID comes first, so a cut record always has it)
_ALWAYS = ("US",)
# the record's link as the Library writes it for a CENTRAL record: its ID, then '/full'
_CENTRAL_LINK = "https://www.cochranelibrary.com/central/doi/10.1002/central/{}/full"
YEAR_TAGS = ("YR",)  # a year, so one that holds none is warned of (formats.read_warnings)


def _parts(
    lines: list[str], name: str, problems: Problems, seen: RecordNumbers
) -> Iterator[tuple[int, list[tuple[str, str]]]]:
    """(first line, [(tag, value)]) of each record; checks the 'Record #n of N' numbering
    (``seen``: this part's numbers, a cut after 1, 2, 3, … in turn shows; the file's end is
    judged by :func:`_cut_end`). Each problem is added to ``problems``: a number out of place
    is named and its record read; a line that opens no record or field is named and the lines
    up to the next record's number skipped, the record it began left out (named once). Past
    the limit the reading stops (formats.read_problems)."""
    fields: list[tuple[str, str]] = []
    start = 0
    skipping = False
    for no, line in enumerate(lines, start=1):
        if problems.stops_here():
            return
        if numbered := record_number(line):
            if seen.number and not skipping:  # an empty record too: read() refuses it by name
                yield start, fields
            if problem := _misnumbered(numbered, seen, name, no):
                problems.add(problem)
            seen.see(*numbered, restart=True)
            start, fields, skipping = no, [], False
            continue
        if not line.strip() or skipping:
            continue
        if not seen.number:
            problems.add(
                FormatError(
                    "expected 'Record #1 of N' to open the first record, found"
                    f" {line.strip()[:40]!r}",
                    where=f"{name}:{no}",
                    hint="is this the Cochrane Library's plain-text export? pass --format to"
                    " choose another reader",
                )
            )
            skipping = True
        elif m := COCHRANE_FIELD.match(line):
            fields.append((m.group(1), (m.group(2) or "").strip()))
        elif fields:
            continue_field(fields, line)
        else:
            problems.add(
                FormatError(
                    f"expected a 'TAG: value' line, found {line.strip()[:40]!r}",
                    where=f"{name}:{no}",
                    hint="each line of a record starts with a tag such as 'TI:' or 'AU:'",
                )
            )
            skipping = True
    if seen.number and not skipping:
        yield start, fields


def _misnumbered(
    numbered: tuple[int, int], seen: RecordNumbers, name: str, no: int
) -> FormatError | None:
    """The problem of 'Record #n of N' on line ``no`` after the numbers ``seen``, or None."""
    (n, of), number, total = numbered, seen.number, seen.total
    if not 1 <= n <= of:
        return FormatError(
            f"'Record #{n} of {of}': the numbering runs from 1 to the export's count",
            where=f"{name}:{no}",
            hint="the file was edited or is not a Cochrane export; export it again",
        )
    if n != 1 and number and (n <= number or of != total):
        return FormatError(
            f"'Record #{n} of {of}' follows record #{number} of {total}",
            where=f"{name}:{no}",
            hint="records are missing or two exports were mixed; export the file again",
        )
    if n == 1 and seen.cut_short():
        return _cut(name, no - 1, number, total)
    return None


def _cut(name: str, line: int, number: int, total: int) -> FormatError:
    what, hint = first_of_many(number, total)  # the old hint, 'export it again', gave the
    return FormatError(  # same file again when the user had chosen those records
        f"the export ends after record #{number} of its {total}; {what}",
        where=f"{name}:{line}",
        hint=hint,
    )


def _split(values: list[str]) -> list[str]:
    return [part.strip() for v in values for part in v.split(";") if part.strip()]


def _to_record(
    fields: list[tuple[str, str]], raw: str, source: str, name: str, position: int
) -> Record:
    get, first = tag_values(fields)

    # PM: 'PUBMED 30000001' (CENTRAL's PubMed link) or the number alone
    pmid = normalise_pmid(re.sub(r"^\s*PUBMED\s*", "", first("PM"), flags=re.IGNORECASE))
    return Record(
        title=first("TI"),
        abstract_sections=plain_abstract(first("AB")),
        authors=_split(get.get("AU", [])),
        year=first(*YEAR_TAGS),
        journal=first("SO"),
        volume=first("VL"),
        issue=first("NO") or first("IS"),
        pages=first("PG"),
        doi=first("DOI"),
        pmid=pmid,
        language=first("LA"),
        publication_types=_split(get.get("PT", [])),
        keywords=unstarred(_split(get.get("KY", []))),  # MeSH: formats.headings
        url=first("US"),
        source=source,
        origin=name,
        position=position,
        raw=raw,
    )


def _check_last_link(fields: list[tuple[str, str]], name: str, line: int) -> None:
    """FormatError when a file without its final line break ends on a CENTRAL record's US link
    cut short: a proper start of the link the Library writes for the record's ID (the link
    was read as a shorter whole one: a cut after the US tag is all the checks above miss)."""
    if not fields:
        return
    ident = next((v for tag, v in fields if tag == "ID"), "")
    tag, value = fields[-1]
    whole = _CENTRAL_LINK.format(ident)
    if tag == "US" and ident.startswith("CN-") and value != whole and whole.startswith(value):
        raise FormatError(
            f"the file ends inside its last record's link (US: {value[-40:]!r}), without a"
            " final line break: it looks cut short",
            where=f"{name}:{line}",
            hint=_CUT_HINT,
        )


def read(
    text: str, name: str, *, source: str = "Cochrane Library", warn: Warn | None = None
) -> Iterator[Record]:
    """Records of a Cochrane Library plain-text export; ``warn`` is told of a YR that holds
    no year. Every problem of the file is named in one FormatError, in the order of their
    lines (formats.read_problems); records are given only while there is none."""
    lines = split_lines(text.lstrip("\ufeff"))
    problems, seen = Problems(), RecordNumbers()
    records = list(_parts(lines, name, problems, seen))  # the whole file is checked first
    # a file read to its end: its end is judged (a part's end would look cut short)
    cut = [] if problems.unread else _cut_end(records, seen, text, name, len(lines))
    for position, start, fields, raw in with_raw(records, lines):
        if cut and position == len(records):  # the record cut: its damage is named once
            break
        if problems.stops_here():  # past the limit: the records below are not read
            break
        record = _to_record(fields, raw, source, name, position)
        told = warn if not problems else None  # no warnings of records never stored
        check_tagged_year(
            record, fields, YEAR_TAGS, tag_line(name, raw, start, COCHRANE_FIELD), told
        )
        accession = next((v for tag, v in fields if tag == "ID" and v), "")  # CN-01234567
        try:
            record = require_findable(
                record,
                f"record #{position}",
                f"{name}:{start}",
                accession,
                hint="the file may be cut short or edited; export it from the Cochrane Library"
                " again",
                warn=told,
            )
        except FormatError as exc:
            problems.add(exc)
        if not problems and not cut:
            yield record
    problems.add(*cut)
    problems.sort()
    problems.raise_any()


def _cut_end(
    records: list[tuple[int, list[tuple[str, str]]]],
    seen: RecordNumbers,
    text: str,
    name: str,
    lines: int,
) -> list[FormatError]:
    """The problem of a file cut short, if any, named once: its numbering stops before its
    count, or its last record lacks its US link or ends inside it."""
    if seen.cut_short():
        return [_cut(name, lines, seen.number, seen.total)]
    try:
        check_last_record([fields for _, fields in records], _ALWAYS, name, lines, hint=_CUT_HINT)
        if records and not text.endswith(("\n", "\r")):
            _check_last_link(records[-1][1], name, lines)
    except FormatError as exc:
        return [exc]
    return []
