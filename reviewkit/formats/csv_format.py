"""CSV (and tab-separated) reference lists: common column names recognised, a mapping for others.

Column names are matched case-insensitively against the aliases below (Scopus, Web of Science,
Covidence, Rayyan, Zotero, ASReview, Embase.com and PubMed's own CSV use these). Any other
layout works with ``mapping={'title': 'Article Name', ...}`` (``--map title="Article Name"``
on the command line).

The file is read as every CSV sheet is (:mod:`reviewkit.formats.csv_read`: Excel's 'sep=' line,
title rows above the header (Embase.com's search query), strict quotes, a repeated header row, values beyond the header, a file cut short); two columns
with the same recognised name are refused rather than silently using one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TextIO

from reviewkit.abstract_sections import plain_abstract
from reviewkit.errors import FormatError
from reviewkit.formats import not_export, wos_cut
from reviewkit.formats.accession import cell_pmid
from reviewkit.formats.csv_lists import split_list
from reviewkit.formats.csv_read import (
    RowShape,
    below_title_rows,
    duplicate_columns,
    is_wos_dialect,
    sheet,
)
from reviewkit.formats.embase_addresses import AUTHOR_ADDRESSES, author_addresses
from reviewkit.formats.embase_source import fill_from_source
from reviewkit.formats.error_cells import ErrorCells
from reviewkit.formats.findable import ACCESSION_COLUMNS, require_findable
from reviewkit.formats.kinds import kept_kind, kind_named
from reviewkit.formats.read_warnings import Warn, check_year_cell
from reviewkit.records import Record
from reviewkit.safe_csv import csv_writer, restore
from reviewkit.wording import listed

FORMAT = "csv"
# a header without a title column: a workbook's reader adds where else the records may be
NO_TITLE_COLUMN = "no title column among the headers"
LIST_SEP = "; "

ALIASES: dict[str, tuple[str, ...]] = {
    "title": (
        "title",
        "ti",
        "article title",
        "document title",
        "primary title",
        "article_title",
        "name",
        "title primary",  # RefWorks' tab-delimited export
    ),
    "abstract": ("abstract", "ab", "abstract note", "abstract_note", "summary"),
    "authors": (
        "authors",
        "author",
        "au",
        "author full names",
        "author names",
        "creators",
        "author(s)",
        "author/s",  # Lens.org
        "authors, primary",  # RefWorks
        "authorships.author.display_name",  # OpenAlex, names separated by '|'
    ),
    "year": (
        "year",
        "py",
        "publication year",
        "pubyear",
        "publication_year",
        "published year",  # Covidence's export (its 'Published Month' is left out)
        "create date",
        "date",
        "publication date",
        "year published",
        "pub year",  # RefWorks
    ),
    "journal": (
        "journal",
        "journal/book",
        "source title",
        "publication title",
        "secondary title",
        "so",
        "jo",
        "journal title",
        "source",
        "publication",  # Google Scholar's CSV (Publish or Perish)
        "periodical full",  # RefWorks
        "primary_location.source.display_name",  # OpenAlex
    ),
    # the journal's abbreviation: Zotero's CSV and ours ('Journal Abbreviation'), Scopus'
    # 'Abbreviated Source Title'; Web of Science's JI (its ISO Source Abbreviation, 'J. Occup.
    # Rehabil.', ISO 4 as NLM's abbreviations are) before J9 (its own 29-character one in
    # capitals, 'J OCCUP REHABIL'). PubMed's CSV has none apart: its 'Journal/Book' is the
    # abbreviation itself, read as the journal
    "journal_abbreviation": (
        "journal abbreviation",
        "abbreviated source title",
        "journal_abbreviation",
        "ji",
        "j9",
    ),
    # the title in the article's own language beside its English one (PubMed's
    # VernacularTitle): our CSV's column, so an export read back keeps it
    "vernacular_title": ("vernacular title",),
    "volume": ("volume", "vl", "vol", "biblio.volume"),
    "issue": ("issue", "number", "is", "no", "issue number", "biblio.issue"),  # Lens, OpenAlex
    "pages": ("pages", "page", "page range"),  # not 'pg': Web of Science's PG is the page count
    "doi": ("doi", "di"),
    "pmid": (
        "pmid",
        "pubmed id",
        "pubmedid",
        "pubmed_id",
        "medline pmid",
        "accession number",
        "pm",
    ),
    "pmcid": ("pmcid", "pmc id", "pmc"),
    # 'article language': Embase.com (its 'Summary Language' is the abstract's)
    "language": ("language", "la", "language of original document", "article language"),
    "publication_types": (
        "publication types",
        "publication_types",
        "publication type",
        "document type",
        "dt",
        "pt",
        "item type",
    ),
    "keywords": (
        "keywords",
        "author keywords",
        "kw",
        "de",
        "manual tags",
        "keywords.display_name",  # OpenAlex
    ),
    "mesh_terms": ("mesh terms", "mesh_terms", "mesh", "mh"),
    "url": ("url", "link", "ur"),
    # 'author addresses': Embase.com's, every author's (formats.embase_addresses), before its
    # 'correspondence address' (CORRESPONDENCE below), the one author's an export may give alone
    "affiliations": (
        *("affiliations", "affiliation", "addresses", "c1"),
        *("author addresses", "correspondence address"),
    ),
    # 'pu': Web of Science's publisher; 'record type': ours (formats.kinds), as written below
    "publisher": ("publisher", "pu"),
    "place": ("place published", "place of publication", "publisher city", "pi"),
    "kind": ("record type", "entrytype"),  # 'ENTRYTYPE': BibTeX's, in CoLRev's CSV
}
# Embase.com's CSV of some years (asreview's embase.csv, tests/core/fixtures/real) gives the
# affiliation only as 'Correspondence Address', the corresponding author's, as its RIS writes
# AD: 'D.G. Adler, Department of …, United States. Email: douglas.adler@hsc.utah.edu'. The
# e-mail after it is left out, as the RIS reader leaves out an AD that is an e-mail
# (ris_vendors): it names no institution or place; the author's name before it is kept, as AD's
CORRESPONDENCE = "correspondence address"
_EMAIL_AFTER = re.compile(r"\.?\s*E-?mail:\s*\S+@\S+\s*$", re.IGNORECASE)
# Web of Science's Early Access Year: a record published online before its issue has no
# publication year (PY) yet, only this; used when the year column is empty
EARLY_ACCESS_YEAR = "ey"
# BibTeX's 'booktitle' (CoLRev's and bib-dedupe's CSVs keep BibTeX's field names): the name of
# the proceedings (or book) an inproceedings/incollection entry appeared in. Such an entry has
# no 'journal', so the proceedings' name is its venue; used only on a row whose journal is
# empty, since in a book chapter with a journal too the journal is the venue
BOOK_TITLE = "booktitle"
# Web of Science's Group Authors (a trial's study group): kept in the author list, after the
# persons, as the PubMed XML and MEDLINE readers keep a collective name
GROUP_AUTHORS = "ca"
# Web of Science's Author Full Names ('Nilsen, Ola'), preferred to its AU ('Nilsen, O') when a
# record has them, as the plain-text reader (wos.py) does
FULL_NAMES = "af"
# first and last page in two columns (Scopus, Web of Science, Embase.com); Scopus' article
# number otherwise
PAGE_COLUMNS = {
    # 'first page': Embase.com; 'biblio.…': OpenAlex
    "start": ("page start", "start page", "first page", "bp", "sp", "biblio.first_page"),
    # 'other pages': RefWorks' tab-delimited export (its end page, or an e-locator alone)
    "end": ("page end", "end page", "last page", "ep", "biblio.last_page", "other pages"),
    "article": ("art. no.", "article number", "ar"),
    # EBSCOhost's CSV gives 'First Page' and 'Page Count' (11 pages from 924: 924-934), so the
    # same article has the pages its RIS export gives (SP 924, EP 934). Not Web of Science's
    # PG, a page count too: its BP and EP are always given with it
    "count": ("page count",),
}
# links read only for the identifiers they name (formats.identifier_urls), not kept as the URL:
# Embase.com's OpenURL to the library's link resolver, its CSV's only place for the DOI
LINK_COLUMNS = ("open url link",)
LIST_FIELDS = ("authors", "publication_types", "keywords", "mesh_terms", "affiliations")
WRITE_COLUMNS = (
    "title",
    "abstract",
    "authors",
    "year",
    "journal",
    "journal abbreviation",
    "volume",
    "issue",
    "pages",
    "doi",
    "pmid",
    "pmcid",
    "language",
    "publication_types",
    "keywords",
    "mesh_terms",
    "url",
    "affiliations",
    "publisher",
    "place published",
    "record type",
    "vernacular title",
)

# the columns written under the name a reader knows them by, not the field's own
_NAMED_AS_READ = {
    "record type": "kind",
    "place published": "place",
    "journal abbreviation": "journal_abbreviation",
    "vernacular title": "vernacular_title",
}


def resolve_columns(
    header: list[str], mapping: dict[str, str] | None, name: str, line: int = 1
) -> dict[str, int]:
    """field -> column index; raises when the title column cannot be found. ``line``: the
    header's (2 after Excel's 'sep=' line)."""
    known = [a for aliases in (*ALIASES.values(), *PAGE_COLUMNS.values()) for a in aliases]
    known.append(BOOK_TITLE)
    duplicate_columns(header, [*known, *(mapping or {}).values()], name, line)
    lower: dict[str, int] = {}
    for i, h in enumerate(header):
        lower.setdefault(h.strip().lower(), i)
    columns: dict[str, int] = {}
    for field, column in (mapping or {}).items():
        if field not in ALIASES:
            raise FormatError(
                f"--map names an unknown field {field!r}",
                where=name,
                hint=f"fields: {', '.join(ALIASES)}",
            )
        if column.strip().lower() not in lower:
            raise FormatError(
                f"--map {field}={column!r}: no such column",
                where=f"{name}:{line}",
                hint=f"columns are: {listed(header, len(header))}",  # any may be the one
            )
        columns[field] = lower[column.strip().lower()]
    for field, aliases in ALIASES.items():
        if field in columns:
            continue
        for alias in aliases:
            if alias in lower and lower[alias] not in columns.values():
                columns[field] = lower[alias]
                break
    if "title" not in columns:
        raise FormatError(
            f"{NO_TITLE_COLUMN}: {listed([h for h in header if h.strip()], len(header))}",
            where=f"{name}:{line}",
            hint='name the columns with --map, e.g. --map title="Article Name" --map abstract=Summary',
        )
    return columns


def _names_title(cells: list[str], mapping: dict[str, str] | None) -> bool:
    """Whether a row is a header: it names the title column (by --map, or by an alias)."""
    wanted = {(mapping or {}).get("title", "").strip().lower()} - {""} or set(ALIASES["title"])
    return any(c.strip().lower() in wanted for c in cells)


def _named(header: list[str], columns: dict[str, int], field: str) -> str:
    """The name of the column read as ``field``, in lower case; '' when none is."""
    return header[columns[field]].strip().lower() if field in columns else ""


def _column(header: list[str], name: str) -> int | None:
    """The index of the column called ``name`` (any case), or None."""
    return next((i for i, h in enumerate(header) if h.strip().lower() == name), None)


def _page_columns(header: list[str], columns: dict[str, int]) -> dict[str, int]:
    """Columns of first page, last page and article number, when there is no pages column."""
    if "pages" in columns:
        return {}
    lower = {h.strip().lower(): i for i, h in enumerate(header)}
    found = {}
    for part, aliases in PAGE_COLUMNS.items():
        index = next((lower[a] for a in aliases if a in lower), None)
        if index is not None:
            found[part] = index
    return found


def _pages(row: list[str], page_columns: dict[str, int]) -> str:
    cell = {part: (row[i].strip() if i < len(row) else "") for part, i in page_columns.items()}
    first, last = cell.get("start", ""), cell.get("end", "")
    count = cell.get("count", "")
    if first.isdigit() and not last and count.isdigit() and int(count) > 1:
        last = str(int(first) + int(count) - 1)
    if first:
        return f"{first}-{last}" if last and last != first else first
    # no first page: the article number, else the one page given (RefWorks: 'e0144626')
    return cell.get("article", "") or last


def read(
    text: str,
    name: str,
    *,
    source: str = "CSV",
    mapping: dict[str, str] | None = None,
    warn: Warn | None = None,
) -> Iterator[Record]:
    """Records of a CSV or TSV table (a workbook's sheet too, :mod:`.xlsx`); ``warn`` is told of
    a year cell that holds no year. A sheet reviewkit wrote of a project's own records is
    refused here, where every table is read, detected or named by --format."""
    not_export.refuse_own_sheet(text, name)
    found = sheet(text, name)  # its lines keep their own ends, so raw is the original text
    found = below_title_rows(found, lambda cells: _names_title(cells, mapping))
    rows = found.rows()
    header_line, _, header = next(rows)
    columns = resolve_columns(header, mapping, name, header_line)
    # only in Web of Science's own header (its tags, PT first): elsewhere a column 'CA' or 'EY'
    # may mean anything
    wos = is_wos_dialect(found.dialect)
    check_shape = RowShape(found, header, wos_cut.check_last_cell if wos else None)
    page_columns = _page_columns(header, columns)
    early_year = _column(header, EARLY_ACCESS_YEAR) if wos else None
    group_authors = _column(header, GROUP_AUTHORS) if wos else None
    full_names = _column(header, FULL_NAMES) if wos else None
    book_title = _column(header, BOOK_TITLE)
    # the journal read from Embase.com's 'Source' citation: formats.embase_source
    embase_source = _named(header, columns, "journal") == "source"
    addresses = _named(header, columns, "affiliations")
    if book_title is not None and columns.get("journal") == book_title:
        book_title = None  # mapped as the journal with --map
    # an 'Accession Number' column (Covidence, EBSCOhost) holds the PMID only for records
    # from PubMed/MEDLINE: with a column naming the database, the RIS reader's rule decides
    accession = _named(header, columns, "pmid") == "accession number"
    database = _column(header, "database")
    accession_columns = [i for i, h in enumerate(header) if h.strip().lower() in ACCESSION_COLUMNS]
    link_columns = [i for i, h in enumerate(header) if h.strip().lower() in LINK_COLUMNS]
    position = 0
    for start, line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        check_shape(row, start, line)
        values = _values(row, columns)
        if (errors := ErrorCells()).check(_named_cells(header, columns, values), f"{name}:{start}"):
            _refuse_error_cells(errors, header, columns, rows, check_shape, name)
        position += 1
        kwargs: dict = {
            f: split_list(f, v) if f in LIST_FIELDS else v
            for f, v in values.items()
            if f != "abstract"
        }
        if "year" in columns:
            year_name = header[columns["year"]].strip()
            check_year_cell(kwargs.get("year", ""), year_name, f"{name}:{start}", warn)
        kwargs["pmid"] = cell_pmid(kwargs.get("pmid", ""), row, accession, database)
        if page_columns:
            kwargs["pages"] = _pages(row, page_columns)
        if not kwargs.get("year") and early_year is not None and early_year < len(row):
            kwargs["year"] = row[early_year].strip()
        if embase_source:
            fill_from_source(kwargs)
        if addresses == CORRESPONDENCE:
            kwargs["affiliations"] = [_EMAIL_AFTER.sub("", a) for a in kwargs["affiliations"]]
        elif addresses == AUTHOR_ADDRESSES:  # not at ';': it may be inside a group of names
            kwargs["affiliations"] = author_addresses(values["affiliations"])
        _fill_from_columns(kwargs, row, book_title, full_names, group_authors)
        if "kind" in kwargs:  # ours, a BibTeX entry type, or a type name
            kwargs["kind"] = kept_kind(
                kind_named(kwargs["kind"]), kwargs.get("publication_types", [])
            )
        record = Record(
            **kwargs,
            abstract_sections=plain_abstract(values.get("abstract", "")),
            source=source,
            origin=name,
            position=position,
            raw="".join(found.lines[start - 1 : line]).rstrip("\r\n"),
        )
        accessions = [row[i] for i in accession_columns if i < len(row)]  # an id of its own
        links = [row[i] for i in link_columns if i < len(row)]
        yield require_findable(record, "this row", f"{name}:{start}", *accessions, urls=links)


def _values(row: list[str], columns: dict[str, int]) -> dict[str, str]:
    """The row's cell of each field read, stripped, reviewkit's apostrophe taken off."""
    return {f: restore((row[i] if i < len(row) else "").strip()) for f, i in columns.items()}


def _named_cells(
    header: list[str], columns: dict[str, int], values: dict[str, str]
) -> list[tuple[str, str]]:
    """(column as the header names it, cell) of each field read."""
    return [(header[columns[f]], v) for f, v in values.items()]


def _refuse_error_cells(
    found: ErrorCells,
    header: list[str],
    columns: dict[str, int],
    rows: Iterable[tuple[int, int, list[str]]],
    check_shape: RowShape,
    name: str,
) -> None:
    """Refuse the sheet, ``found`` holding a spreadsheet's error value in a row above ``rows``,
    naming every such cell of the columns read down to the file's end (formats.error_cells)."""

    def cells() -> Iterator[tuple[str, list[tuple[str, str]]]]:
        for start, line, row in rows:
            if any(cell.strip() for cell in row):
                check_shape(row, start, line)
                yield f"{name}:{start}", _named_cells(header, columns, _values(row, columns))

    found.refuse_with_rest(cells())


def _fill_from_columns(
    kwargs: dict,
    row: list[str],
    book_title: int | None,
    full_names: int | None,
    group_authors: int | None,
) -> None:
    """A row's fields from the columns that stand in for another: a chapter's book title as its
    journal where no journal is given, Web of Science's full names (AF) for the authors, and its
    group authors (CA) after the persons."""
    if not kwargs.get("journal") and book_title is not None and book_title < len(row):
        kwargs["journal"] = restore(row[book_title].strip())
    if full_names is not None and full_names < len(row) and row[full_names].strip():
        kwargs["authors"] = split_list("authors", row[full_names])
    if group_authors is not None and group_authors < len(row):
        groups = [g.strip() for g in row[group_authors].split(";") if g.strip()]
        kwargs["authors"] = [*kwargs.get("authors", []), *groups]


def write(records: Iterable[Record], out: TextIO) -> None:
    """Write one row per record with the columns in WRITE_COLUMNS (lists joined by '; ').

    Formula-looking cells get a leading apostrophe (OWASP); :func:`read` takes it off again."""
    writer = csv_writer(out, lineterminator="\n")
    writer.writerow(WRITE_COLUMNS)
    writer.writerows(row_of(rec) for rec in records)


def row_of(rec: Record) -> list[str]:
    """A record's cells in WRITE_COLUMNS' order, as :func:`write` writes them."""
    row = []
    for col in WRITE_COLUMNS:
        if col == "abstract":
            row.append(rec.abstract)
        elif col == "affiliations":
            row.append("\n".join(rec.affiliations))
        elif col in _NAMED_AS_READ:  # kind, place, journal_abbreviation, vernacular_title
            row.append(getattr(rec, _NAMED_AS_READ[col]))
        elif col in LIST_FIELDS:
            row.append(LIST_SEP.join(getattr(rec, col)))
        else:
            value = getattr(rec, col)
            row.append("" if value is None else str(value))
    return row
