"""MEDLINE / PubMed 'nbib' format: 'TAG - value' lines, 6-space continuations, blank-line separated.

Ovid's tagged text export (the "Citavi"/.ovd form, 'VN  - Ovid Technologies' in every record)
is the same line format: each record opens with a '<12. >' line and may carry Ovid's own tags
(UI, the PMID in Ovid MEDLINE; YR year; DO/DI DOI; FA full author names; JN journal; VO
volume; LG language; KW keywords). A search history Ovid writes before the first record is
skipped. Ovid's records have no closing line: a cut-short Ovid file is told, where it can be, by
:mod:`~reviewkit.formats.ovid_cut`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from reviewkit.abstract_sections import plain_abstract
from reviewkit.errors import FormatError
from reviewkit.formats import corrections, medline_cut, not_export, ovid_cut, read_problems
from reviewkit.formats.elocation import medline_pages
from reviewkit.formats.findable import require_findable
from reviewkit.formats.kinds import NLM_TYPES, kind_of_types
from reviewkit.formats.ovid_institution import corresponding_address, institution_addresses
from reviewkit.formats.ovid_source import parse_source
from reviewkit.formats.read_problems import Problems
from reviewkit.formats.read_warnings import Warn, check_tagged_year, tag_line
from reviewkit.formats.tagged_fields import continue_field, tag_values
from reviewkit.formats.text import split_lines
from reviewkit.formats.text_sniff import MEDLINE_LINE, is_ovid
from reviewkit.name_forms import medline_full_name
from reviewkit.records import Record, normalise_pmid

if TYPE_CHECKING:
    from reviewkit.formats.text_stream import Lines

FORMAT = "medline"


# the year: DP (the date of publication: '2020 Jan 15', '2019 Dec-2020 Jan', 'Winter 2020',
# NLM's MEDLINE/PubMed element descriptions), else DEP (the electronic date, '20200115'), DA
# (the date created, the same form) or Ovid's YR: each holds a year, so one that holds none is
# warned of (formats.read_warnings)
YEAR_TAGS = ("DP", "DEP", "DA", "YR")
_OVID_MARK = re.compile(r"^\s*<\s*\d+\.?\s*>\s*$")  # '<1. >' opens each Ovid record


def _ovid_lines(text: str) -> list[str]:
    """Ovid's lines in MEDLINE's shape, line numbers kept: '<n. >' lines and what comes
    before the first of them (a search history) become blank lines, which end records."""
    lines = split_lines(text)
    first = next((i for i, ln in enumerate(lines) if _OVID_MARK.match(ln)), 0)
    return ["" if i < first or _OVID_MARK.match(ln) else ln for i, ln in enumerate(lines)]


# Ovid writes every tag as 'XX  - ' (two spaces; four-letter tags one); a line inside an
# Ovid record without that shape goes on with the field above: its EndNote-style export breaks
# an Embase abstract at column 0 ('Method(s): We searched …', knh11545/commandline4expertsearchers,
# test/data/Embase_endnote_r3001-3002.cgi), not after six spaces as MEDLINE does
# (a tag with no value, 'ST  -' once trailing blanks are trimmed, is a tag too, as MEDLINE_LINE
# reads it)
_OVID_TAG = re.compile(r"^[A-Z][A-Z0-9]{1,3} {1,2}-(?: |$)")


def _continues(line: str, ovid: bool) -> bool:
    """Whether ``line`` is a continuation line with text: six spaces (in Ovid's export, any
    white space or any line that is not a tag), then the value going on."""
    if not line.strip():
        return False
    return line.startswith("      ") or (ovid and (line[:1].isspace() or not _OVID_TAG.match(line)))


# PubMed's first line of a record (Ovid's '<n. >' lines are blank lines already: _ovid_lines)
_OPENS_RECORD = re.compile(r"PMID ?- ?\d")


def _records(
    lines: Iterable[str], name: str, ovid: bool, problems: Problems
) -> Iterator[tuple[int, list[tuple[str, str]], str]]:
    """(first line number, [(tag, value)], raw text: its lines to its last with text) for
    each record of the file's ``lines``, read as they come (formats.text_stream); ``ovid``:
    Ovid's export, whose continuation lines start with any white space.

    A blank line ends a record, unless the line after it continues a field: PubMed writes an
    abstract's paragraph break as a continuation line of spaces only (StatPearls books, e.g.
    PMID 29939664; Biopython issue #4557), and a record never starts with a continuation.

    A line of page breaks alone (a page's start in a file printed to disk) ends a record only
    where the next record opens below it, as a printer breaks a page anywhere.

    A line that is no 'TAG - value' line is added to ``problems`` (up to the limit) and its
    record skipped, to the next blank line."""
    fields: list[tuple[str, str]] = []
    held: list[str] = []  # the open record's lines, for its raw text
    gap: list[str] = []  # blank lines after its last: they end it unless a field goes on
    start = 0
    skipping = False  # a damaged record's lines, to the blank line that ends it
    paged = False  # a line of page breaks alone above (formats.text.unpaged keeps it)
    for no, line in enumerate(lines, start=1):
        if problems.stops_here():  # past the limit: 'and more' (read on to it: a line costs little)
            return
        if line and not line.strip("\f"):  # a page's start, in a record or between two
            paged = True
            continue
        if paged and fields and not gap and _OPENS_RECORD.match(line):
            gap = [""]  # the page break stood where the blank line ending the record was
        paged = False
        if skipping:  # its end as a record's: a blank line not followed by a field going on
            if not line.strip() or _continues(line, ovid) or not gap:
                gap = [line] if not line.strip() else []
                continue
            skipping, gap = False, []
        if not line.strip():
            if gap:  # a second blank line: the one before was followed by no field going on
                yield start, fields, "\n".join(held)
                fields, gap = [], []
            elif fields:
                gap.append(line)
            continue
        if fields and _continues(line, ovid):
            continue_field(fields, line)
            held += [*gap, line]
            gap = []
            continue
        if gap:
            yield start, fields, "\n".join(held)
            fields, gap = [], []
        m = MEDLINE_LINE.match(line)
        if not m:
            problems.add(
                FormatError(
                    f"expected a 'TAG - value' line, found {line[:40]!r}",
                    where=f"{name}:{no}",
                    hint="MEDLINE files have a tag of up to 4 letters, a dash, then the value",
                )
            )
            fields, held, skipping = [], [], True
            continue
        if not fields:
            start, held = no, []
        held.append(line)
        fields.append((m.group(1), m.group(2).strip()))
    if fields:
        yield start, fields, "\n".join(held)


def _to_record(
    fields: list[tuple[str, str]], raw: str, source: str, name: str, position: int
) -> Record:
    get, first = tag_values(fields, keep_empty=True)

    doi = ""
    for value in get.get("LID", []) + get.get("AID", []):
        if value.endswith("[doi]"):
            doi = value[: -len("[doi]")]
            break
    # Ovid: DO/DI hold the DOI (other text there, such as a pii, is not one)
    doi = doi or next((v for v in get.get("DO", []) + get.get("DI", []) if "10." in v), "")
    authors = _authors(fields)
    # Ovid's Embase and PsycINFO records cite their journal only in SO (formats.ovid_source)
    cited = None if first("JT", "TA", "JN") else parse_source(first("SO"))
    return Record(
        title=first("TI", "BTI", "TT"),  # TT: the vernacular title, when it is the only one
        vernacular_title=first("TT"),  # the title when it is the only one: Record drops it
        abstract_sections=plain_abstract(first("AB")),
        authors=authors,
        year=first(*YEAR_TAGS),
        # the full name (PubMed's JT, Ovid's JN) before the abbreviation: an Ovid record with
        # TA and JN and no JT has its journal's name, TA only when nothing else names it
        journal=first("JT", "JN", "TA") or (cited.journal if cited else ""),
        # TA, NLM's 'Journal Title Abbreviation' (MEDLINE/PubMed Data Element Descriptions),
        # as Citing Medicine cites the journal; Ovid's tagged MEDLINE keeps the tag (Zotero's
        # OVID Tagged translator reads it so). Ovid's JN is the full name, its AS the whole
        # abbreviated citation ('J Occup Rehabil. 10(2):100-110, 2019'): neither is read as one
        journal_abbreviation=first("TA"),
        volume=first("VI", "VO") or (cited.volume if cited else ""),
        issue=first("IP") or (cited.issue if cited else ""),
        # PG, else Ovid's source line, else the e-locator PubMed cites (LID 'e228092 [pii]')
        pages=first("PG")
        or (cited.pages if cited else "")
        or medline_pages(get.get("LID", []), first("VI", "VO")),
        doi=doi,
        pmid=first("PMID") or _ovid_pmid(get),
        pmcid=first("PMC"),
        language=first("LA", "LG"),
        publication_types=get.get("PT", []),
        keywords=get.get("OT", []) + [k for v in get.get("KW", []) for k in _split_kw(v)],
        mesh_terms=[m.split("/")[0].lstrip("*") for m in get.get("MH", [])],
        url=first("UR"),
        affiliations=_affiliations(fields),
        comments_corrections=corrections.from_medline(fields),
        # a PubMed Bookshelf record's publisher and its place; an article's PL is the country
        # of its journal, no imprint of the article's own
        publisher=first("PB"),
        place=first("PL") if first("PB") else "",
        source=source,
        origin=name,
        position=position,
        raw=raw,
    )


def _authors(fields: list[tuple[str, str]]) -> list[str]:
    """Full names (PubMed FAU, Ovid FA) or else short ones (AU), with the collective authors
    (CN, e.g. 'RTW Study Group') in their place in the list, as PubMed XML gives them."""
    tags = next(({t, "CN"} for t in ("FAU", "FA", "AU") if any(f == t for f, _ in fields)), {"CN"})
    return [value for tag, value in fields if tag in tags and value]


# the tags of a name an AD line below belongs to: an author's (PubMed FAU, AU, CN; Ovid FA) or
# a book's editor's (FED, ED), which is no author (formats.book_authors). Ovid's tagged MEDLINE
# uses ED for the Entry Date ('20190115'): an ED of digits alone names no editor.
_AUTHOR_TAGS = frozenset({"FAU", "AU", "CN", "FA"})
_EDITOR_TAGS = frozenset({"FED", "ED"})


def _affiliations(fields: list[tuple[str, str]]) -> list[str]:
    """The authors' affiliations (AD, Ovid's IN), each once: PubMed writes a name's AD lines
    below it (NLM's MEDLINE/PubMed Data Element Descriptions: 'Author or corporate author
    addresses'), so one below an editor's FED/ED is the editor's and left out, as the XML
    reader leaves it out. An AD above every name (a record of before 2014, which carries the
    first author's alone) is an author's. Ovid Embase's AD, the corresponding author's address
    after the name, is one of its IN addresses (formats.ovid_institution): kept once."""
    kept: list[str] = []
    editor = False  # the last name above is an editor's
    names = {value for tag, value in fields if tag in _AUTHOR_TAGS}
    for tag, value in fields:
        if tag in _AUTHOR_TAGS or (tag in _EDITOR_TAGS and not value.isdigit()):
            editor = tag in _EDITOR_TAGS
        elif tag == "AD" and not editor:  # Ovid Embase's names its author first
            kept.append(corresponding_address(value, names))
        elif tag == "IN":  # Ovid's (formats.ovid_institution)
            kept += institution_addresses(value, names)
    return list(dict.fromkeys(kept))


def _ovid_pmid(get: dict[str, list[str]]) -> str:
    """Ovid MEDLINE's unique identifier (UI) is the PMID; other Ovid databases' is not."""
    ui = (get.get("UI") or [""])[0]
    database = " ".join(get.get("DB", []))
    return normalise_pmid(ui) if "MEDLINE" in database or "PubMed" in database else ""


def _split_kw(value: str) -> list[str]:
    return [k.strip() for k in value.split(";") if k.strip()]


def read(
    text: str, name: str, *, source: str = "MEDLINE", warn: Warn | None = None
) -> Iterator[Record]:
    """Records of a MEDLINE (nbib) or Ovid file; ``warn`` is told of a year that holds none."""
    ovid, problems = is_ovid(text), Problems()
    if not ovid:
        cut = _cut(medline_cut.check_complete, text, name)
        records = _records(split_lines(text), name, False, problems)
        return _read(records, name, source, warn, ovid, problems, cut)
    records = list(_records(_ovid_lines(text), name, True, problems))
    # no closing line: a cut is told from the last record's fields (formats.ovid_cut)
    if not problems:  # a damaged record is left out of the records: judged when mended
        ovid_cut.check_complete([fields for _, fields, _ in records], text, name)
    return _read(iter(records), name, source, warn, ovid, problems)


def read_lines(
    lines: Lines, name: str, *, source: str = "MEDLINE", warn: Warn | None = None
) -> Iterator[Record]:
    """Records of a MEDLINE (nbib) file, not Ovid's, given as its ``lines`` (formats.
    text_stream, one record held at a time), as :func:`read` reads its text: the lines are
    read twice, the first time for a cut end (:func:`~reviewkit.formats.medline_cut.check_end`),
    named after the records' problems as :func:`read` names it from the whole text."""
    cut = _cut(medline_cut.check_end, lines.unchecked(), name)
    problems = read_problems.of(lines)  # with a joined export's records the lines found
    return _read(_records(lines, name, False, problems), name, source, warn, False, problems, cut)


def _cut(check: Callable[[Any, str], None], given: Any, name: str) -> FormatError | None:
    """The problem of a file cut short (formats.medline_cut's ``check`` of its text or lines,
    ``given``), judged before the records are read and named after their problems: a cut file
    with other damage was refused for the cut alone, the other damage learnt an import later."""
    try:
        check(given, name)
    except FormatError as exc:
        return exc
    return None


def _read(
    records: Iterator[tuple[int, list[tuple[str, str]], str]],
    name: str,
    source: str,
    warn: Warn | None,
    ovid: bool,
    problems: Problems,
    cut: FormatError | None = None,
) -> Iterator[Record]:
    """The records of ``records``; each record's problem is added to ``problems`` (which
    :func:`_records` adds its own to), then ``cut`` (the file's end cut short), and all are
    raised at the end: records are given only while there is none (the import is all or
    nothing)."""
    ids_only = True  # every record so far holds a PMID and nothing else
    titled = ovid  # a record so far has a title; Ovid's files mix databases, not checked
    first = 0
    for position, (start, fields, raw) in enumerate(records, start=1):
        ids_only = ids_only and all(tag == "PMID" for tag, _ in fields)
        titled = titled or any(tag in _TITLES for tag, _ in fields)
        first = first or start
        try:
            record = _checked(fields, raw, source, name, start, position, warn, problems)
        except FormatError as exc:
            problems.add(exc)
            continue
        if not problems and cut is None:
            yield record
    if cut is not None:
        problems.add(cut)
    problems.raise_any()
    if ids_only:  # PubMed writes every record whole: this is a list of PMIDs (the import
        raise FormatError(  # is all or nothing, so the records yielded are not stored)
            "every record holds a PMID and nothing else: a list of PMIDs, not the records",
            where=name,
            hint=not_export.PMID_LIST_HINT,
        )
    if first and not titled:  # PubMed writes a title in every record (a whole book's as BTI):
        raise FormatError(  # a file with none was edited or written by another program
            "no record holds a title (TI): PubMed writes one in every record, so this file was"
            " edited or made by another program",
            where=f"{name}:{first}",
            hint="save the records from PubMed again (Save, Format: PubMed), or export them from"
            " the program that made this file as RIS; nothing was imported",
        )


def _checked(
    fields: list[tuple[str, str]],
    raw: str,
    source: str,
    name: str,
    start: int,
    position: int,
    warn: Warn | None,
    problems: Problems,
) -> Record:
    """The record of ``fields`` read from line ``start``, or a FormatError naming its problem."""
    if any(tag == "ER" for tag, _ in fields):  # RIS's end of record: never a MEDLINE tag
        raise FormatError(
            "a RIS end-of-record line (ER) in a record that does not start with 'TY  - '",
            where=f"{name}:{start}",
            hint="a RIS record starts with 'TY  - JOUR' (or another type) and ends with 'ER  - '",
        )
    _check_pmid(fields, raw, name, start)
    record = _to_record(fields, raw, source, name, position)
    told = warn if not problems else None  # no warnings of records never stored
    check_tagged_year(record, fields, YEAR_TAGS, tag_line(name, raw, start, MEDLINE_LINE), told)
    # Ovid's UI and AN: the accession number of the database the record came from
    accessions = [v for tag, v in fields if tag in ("UI", "AN")]
    return require_findable(
        record,
        f"record {position}",
        f"{name}:{start}",
        *accessions,
        hint="export the records again (is this a MEDLINE/nbib file?)",
        warn=told,
    )


# the title tags of PubMed's MEDLINE format: an article's TI (TT: the original language's,
# beside TI), a book's BTI (a whole book has no TI) and its collection's CTI
_TITLES = ("TI", "TT", "BTI", "CTI")


def _check_pmid(fields: list[tuple[str, str]], raw: str, name: str, start: int) -> None:
    """A PMID is a number of 1 to 8 digits (records.normalise_pmid): 'PMID- abc' is a damaged
    file (dropping the value would lose the record's identity for deduplication and for
    decisions exchanged between machines). A record has one PMID, on its first line: a second
    is a record whose blank line before it was lost (a list of 'PMID- n' lines, records
    pasted together), and reading them as one record would drop all but its first."""
    at = [
        i
        for i, ln in enumerate(raw.split("\n"))
        if MEDLINE_LINE.match(ln) and ln.startswith("PMID")
    ]
    if len(at) > 1:
        raise FormatError(
            "a second PMID line inside one record: each record starts with its 'PMID- ' line"
            " after a blank line (read as one record, all but its first PMID would be lost)",
            where=f"{name}:{start + at[1]}",
            hint="put a blank line before each record's PMID line, or export the records from"
            " PubMed again",
        )
    for tag, value in fields:
        if tag == "PMID" and value and not normalise_pmid(value):
            offset = next((i for i, ln in enumerate(raw.split("\n")) if ln.startswith("PMID")), 0)
            raise FormatError(
                f"PMID {value[:40]!r} is not a PMID (a number of 1 to 8 digits)",
                where=f"{name}:{start + offset}",
                hint="export the records from PubMed again",
            )


# PubMed's layout of a field, the one place for it (this export and the local E-utilities
# server's MEDLINE text, reviewkit.pubmed.medline_text): the tag padded to four characters and
# '- ' (a 6-character tag column); a value longer than 81 characters is broken at the last space
# that keeps a line within 81 characters of text, that space left at the end of the line, and
# goes on on lines indented by six spaces, as PubMed's 2021-2025 MEDLINE text has it (real
# records quoted in public projects; Biopython's 2006-2012 Tests/Medline files break one column
# earlier and drop the space, which every reader, this one too, reads the same).
TEXT_WIDTH = 81
# the white space a value's lines are broken at and folded: ASCII's only; a no-break space
# (U+00A0, in some NLM affiliations: 'Dr. Moeller-Str.\u00a015') is text and stays
_SPACES = re.compile(r"[ \t\r\n]+")


def field_lines(tag: str, value: str) -> list[str]:
    """One MEDLINE field as PubMed writes it: the tag column, then the value wrapped."""
    rest = _SPACES.sub(" ", value).strip(" ")
    lines: list[str] = []
    while len(rest) > TEXT_WIDTH:
        cut = rest.rfind(" ", 0, TEXT_WIDTH + 1)
        if cut <= 0:  # one word longer than a line: it stays whole
            cut = rest.find(" ", TEXT_WIDTH)
            if cut < 0:
                break
        lines.append(rest[: cut + 1])
        rest = rest[cut + 1 :]
    lines.append(rest)
    return [f"{tag:<4}- {lines[0]}"] + [f"      {line}" for line in lines[1:]]


def _wrap(tag: str, value: str) -> str:
    return "\n".join(field_lines(tag, value))


def write(records: Iterable[Record], out: TextIO) -> None:
    """Write records as MEDLINE text (one field per line, no wrapping)."""
    for rec in records:
        lines = []
        if rec.pmid:
            lines.append(_wrap("PMID", rec.pmid))
        if rec.title:
            lines.append(_wrap("TI", rec.title))
        if rec.vernacular_title:
            lines.append(_wrap("TT", rec.vernacular_title))
        if rec.abstract_sections:
            lines.append(
                _wrap(
                    "AB",
                    " ".join(
                        f"{s.label}: {s.text}" if s.label else s.text for s in rec.abstract_sections
                    ),
                )
            )
        lines += [_wrap("FAU", medline_full_name(a)) for a in rec.authors]  # "Surname, Given"
        for tag, value in (
            ("DP", str(rec.year or "")),
            ("JT", rec.journal),
            ("TA", rec.journal_abbreviation),
            ("VI", rec.volume),
            ("IP", rec.issue),
            ("PG", rec.pages),
            ("PMC", rec.pmcid),
            ("LA", rec.language),
            ("UR", rec.url),
            # a Bookshelf record's imprint, as the reader takes it (PL only with a PB)
            ("PB", rec.publisher),
            ("PL", rec.place if rec.publisher else ""),
        ):
            if value:
                lines.append(_wrap(tag, value))
        if rec.doi:
            lines.append(_wrap("LID", f"{rec.doi} [doi]"))
        lines += [_wrap("PT", p) for p in rec.publication_types]
        if rec.kind in NLM_TYPES and not kind_of_types(rec.publication_types):
            lines.append(_wrap("PT", NLM_TYPES[rec.kind]))  # a report from RIS: Technical Report
        lines += [_wrap("OT", k) for k in rec.keywords]
        lines += [_wrap("MH", m) for m in rec.mesh_terms]
        lines += [_wrap("AD", a) for a in rec.affiliations]
        lines += [_wrap(tag, v) for tag, v in corrections.medline_lines(rec.comments_corrections)]
        out.write("\n".join(lines) + "\n\n")
