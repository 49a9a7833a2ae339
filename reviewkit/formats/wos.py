"""Web of Science's "Plain text file" export (savedrecs.txt, the 'Other file formats' choice).

Its shape, as Web of Science's field-tag help page documents it: a header ('FN Clarivate
Analytics Web of Science', 'VR 1.0'), then records of two-character field tags at the start
of a line followed by a space and the value; a line starting with three spaces continues the
field above it. Each record opens with PT and closes with a bare 'ER' line; 'EF' ends the
file. In the name and address fields (AU, AF, C1, ...) each continuation line is one more
name or address; in the others (TI, AB, DE, SO, ...) it is the same text wrapped.

Fields map to a Record with the same tags as the tab-delimited export, whose columns carry
these tags as names: the mapping is csv_columns' column aliases, kept in one place. In both,
authors come from AF (full names) when the record has them, else AU. Because ER and EF close everything, a file cut short is
always told, and refused with its line.

Keywords Plus (ID) are left out, also from a record without author keywords (DE): Clarivate
makes them from words in the titles of the article's *cited references*, so they describe what
the study cites, not the study. PubMed's MeSH terms are kept (as ``mesh_terms``, apart from
the authors' keywords) because NLM's indexers assign them from the article itself. Taken as
keywords, ID terms would show as the authors' keywords on the screen and become evidence for a
classification label ("keywords: DEPRESSION") from words that are not about the study.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from reviewkit.abstract_sections import plain_abstract
from reviewkit.errors import FormatError
from reviewkit.formats import csv_columns, read_problems
from reviewkit.formats.findable import require_findable
from reviewkit.formats.read_problems import Problems
from reviewkit.formats.read_warnings import Warn, check_tagged_year, tag_line
from reviewkit.formats.text import split_lines
from reviewkit.records import Record, normalise_pmid

FORMAT = "wos"
_TAG = re.compile(r"^([A-Z][A-Z0-9])(?: (.*))?$")
_CONTINUED = "   "
_HEADER = ("FN", "VR")  # the file's header, before the first record
# the Web of Science Core Collection's field tags (its help page, 'Web of Science Core
# Collection Field Tags'); an alias of csv_columns that is one of these is a Web of Science tag
_TAG_LIST = (
    "FN VR PT AU AF BA BF CA GP BE TI SO SE BS LA DT CT CY CL SP HO DE ID AB C1 C3 RP EM RI OI"
    " FU FP FX CR NR TC Z9 U1 U2 PU PI PA SN EI BN J9 JI PD PY VL IS SI PN SU MA BP EP AR DI DL"
    " D2 EA EY PG P2 WC WE SC GA PM UT OA HP HC DA ER EF"
)
WOS_TAGS = frozenset(_TAG_LIST.split())


def _first_tag(aliases: tuple[str, ...]) -> str:
    """The first alias that is a Web of Science tag: the tab-delimited export has a column for
    every tag, so that is the column the CSV reader takes (BP before SP, Web of Science's
    conference sponsors; DT, the document type, before PT, its one-letter publication type)."""
    return next((a.upper() for a in aliases if a.upper() in WOS_TAGS), "")


FIELD_TAGS = {f: t for f, aliases in csv_columns.ALIASES.items() if (t := _first_tag(aliases))}
# the year: PY, else EY (the early-access year of an article not yet in an issue); both hold
# a year, so one that holds none is warned of (formats.read_warnings)
YEAR_TAGS = (FIELD_TAGS["year"], csv_columns.EARLY_ACCESS_YEAR.upper())
PAGE_TAGS = {p: t for p, aliases in csv_columns.PAGE_COLUMNS.items() if (t := _first_tag(aliases))}


def _error(message: str, name: str, line: int, hint: str = "") -> FormatError:
    return FormatError(message, where=f"{name}:{line}", hint=hint or None)


_CUT_HINT = "the file looks cut short; export or download it again"


def _records(
    lines: Iterable[str], name: str, problems: Problems
) -> Iterator[tuple[int, list[tuple[str, list[str]]], str]]:
    """(first line, [(tag, its lines)], raw text) of each record, checking the file's frame,
    read as the lines come (formats.text_stream: the file is not held whole).

    Web of Science exports at most 1,000 records a file, so users join several files into one
    ('cat savedrecs*.txt'): a new header (FN) after an EF starts another part; each part must
    end with its own EF, so a cut part is still told.

    Each problem is added to ``problems`` (up to the limit) and the lines after it skipped to
    where reading can go on (:func:`_go_on_at`), so that one damage is named once."""
    fields: list[tuple[str, list[str]]] = []
    held: list[str] = []  # the open record's lines, for its raw text
    start = no = 0
    header = True  # FN/VR are allowed here: at the top, or after an EF
    ended = 0  # the EF line of the part before
    skip_to: frozenset[str] = frozenset()  # after a problem: the tags reading goes on at
    for no, line in enumerate(lines, start=1):
        if problems.stops_here():  # past the limit: 'and more' (read on to it: a line costs little)
            return
        if fields:
            held.append(line)
        if not line.strip():
            continue
        if fields and line.startswith(_CONTINUED):
            fields[-1][1].append(line.strip())
            continue
        m = _TAG.match(line.rstrip())
        if skip_to:
            if not m or m.group(1) not in skip_to:
                continue
            skip_to = frozenset()
            if m.group(1) == "ER":  # the damaged record's end
                continue
        if not m:
            # text below a part's EF is skipped to the next part's FN, as a field there is
            damaged = "part" if ended else "record"
            fields, skip_to = [], _go_on_at(problems, _untagged(line, name, no), damaged)
            continue
        tag, value = m.group(1), (m.group(2) or "").strip()
        if ended and tag != "FN":
            what = f"text after the end of file line (EF, line {ended})"
            skip_to = _go_on_at(problems, _error(what, name, no), "part")
            continue
        if tag == "PT":
            if fields:
                what = f"the record starting at line {start} has no ER line"
                problems.add(_error(what, name, no, _CUT_HINT))
            start, fields, header, held = no, [(tag, [value])], False, [line]
        elif tag == "ER" and fields:
            yield start, fields, "\n".join(held)
            fields = []
        elif tag == "EF" and not fields:
            ended = no
        elif fields:
            fields.append((tag, [value] if value else []))
        elif tag == "FN" and not header and not ended:
            what = "a new file header (FN) before the end of file line (EF) of the part above"
            hint = "the file joined here was cut short; export or download it again"
            problems.add(_error(what, name, no, hint))
            header = True  # the next part's header
        elif tag in _HEADER and (header or ended):
            header, ended = True, 0
        else:
            what, hint = f"field {tag} outside a record", "a record starts with 'PT '"
            skip_to = _go_on_at(problems, _error(what, name, no, hint), "record")
    if fields:
        what = f"the last record (starting at line {start}) has no ER line"
        problems.add(_error(what, name, no, _CUT_HINT))
    if not ended and not fields:  # a cut record: named just above
        problems.add(_error("the file has no end of file line (EF)", name, no, _CUT_HINT))


def _untagged(line: str, name: str, no: int) -> FormatError:
    return _error(
        f"expected a two-character field tag, found {line.strip()[:40]!r}",
        name,
        no,
        "a Web of Science plain-text line starts with a tag (PT, AU, TI …) and a space,"
        " or with three spaces to continue the field above",
    )


def _go_on_at(problems: Problems, problem: FormatError, damaged: str) -> frozenset[str]:
    """Add ``problem``; the tags reading goes on at after it: a damaged record's lines are
    skipped to its ER or the next PT (or EF), text after a part's EF to the next part's FN."""
    problems.add(problem)
    return frozenset({"ER", "PT", "EF"} if damaged == "record" else {"FN"})


def _split(values: list[str]) -> list[str]:
    """A list field's items: '; '-separated, as Web of Science writes DE and DT."""
    return [v.strip() for v in " ".join(values).split(";") if v.strip()]


def _to_record(
    fields: list[tuple[str, list[str]]], raw: str, source: str, name: str, position: int
) -> Record:
    get: dict[str, list[str]] = {}
    for tag, values in fields:
        get.setdefault(tag, []).extend(values)

    def text(field: str) -> str:
        return " ".join(get.get(FIELD_TAGS.get(field, ""), []))

    page = {part: " ".join(get.get(tag, [])) for part, tag in PAGE_TAGS.items()}
    first, last = page.get("start", ""), page.get("end", "")
    pages = (f"{first}-{last}" if last and last != first else first) or page.get("article", "")
    return Record(
        title=text("title"),
        abstract_sections=plain_abstract(text("abstract")),
        authors=[
            *(get.get("AF") or get.get(FIELD_TAGS["authors"], [])),
            *_split(get.get(csv_columns.GROUP_AUTHORS.upper(), [])),
        ],
        year=text("year") or " ".join(get.get(csv_columns.EARLY_ACCESS_YEAR.upper(), [])),
        journal=text("journal"),
        journal_abbreviation=text("journal_abbreviation"),  # JI (csv_columns: before J9)
        volume=text("volume"),
        issue=text("issue"),
        pages=pages,
        doi=text("doi"),
        pmid=normalise_pmid(text("pmid")),
        language=text("language"),
        publication_types=_split(get.get(FIELD_TAGS["publication_types"], [])),
        keywords=_split(get.get(FIELD_TAGS["keywords"], [])),
        affiliations=get.get(FIELD_TAGS["affiliations"], []),
        source=source,
        origin=name,
        position=position,
        raw=raw,
    )


def read(
    text: str, name: str, *, source: str = "Web of Science", warn: Warn | None = None
) -> Iterator[Record]:
    """Records of a Web of Science plain-text export; ``warn`` is told of a PY or EY that
    holds no year."""
    return read_lines(split_lines(text.lstrip("\ufeff")), name, source=source, warn=warn)


def read_lines(
    lines: Iterable[str], name: str, *, source: str = "Web of Science", warn: Warn | None = None
) -> Iterator[Record]:
    """Records of a Web of Science plain-text export given as its ``lines`` (formats.
    text_stream: one record held at a time). A file cut short is refused at its end, after
    the records before the cut were read: an import stores none of them (all or nothing).
    Every problem of the file is named in one FormatError at the end (formats.read_problems);
    records are given only while there is none."""
    problems = read_problems.of(lines)  # with a joined export's records the lines found
    for position, (start, fields, raw) in enumerate(_records(lines, name, problems), start=1):
        record = _to_record(fields, raw, source, name, position)
        values = ((tag, " ".join(lines)) for tag, lines in fields)  # a field's lines, as read
        told = warn if not problems else None  # no warnings of records never stored
        check_tagged_year(record, values, YEAR_TAGS, tag_line(name, raw, start, _TAG), told)
        accession = " ".join(v for tag, values in fields if tag == "UT" for v in values)
        try:
            record = require_findable(
                record, f"record {position}", f"{name}:{start}", accession, warn=told
            )
        except FormatError as exc:
            problems.add(exc)
        if not problems:
            yield record
    problems.raise_any()
