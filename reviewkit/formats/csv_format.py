"""CSV (and tab-separated) reference lists: common column names recognised, a mapping for others.

Column names are matched case-insensitively against the aliases of
:mod:`reviewkit.formats.csv_columns` (Scopus, Web of Science, Covidence, Rayyan, Zotero,
ASReview, Embase.com, Dimensions and PubMed's own CSV use these). Any other
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
from reviewkit.formats.csv_columns import (
    LINK_COLUMNS,
    OwnColumns,
    column,
    named,
    names_a_column,
    names_title,
    resolve_columns,
    wos_columns,
)
from reviewkit.formats.csv_lists import split_list
from reviewkit.formats.csv_read import (
    RowShape,
    below_table_name,
    below_title_rows,
    is_wos_dialect,
    sheet,
)
from reviewkit.formats.embase_addresses import AUTHOR_ADDRESSES, author_addresses
from reviewkit.formats.embase_source import fill_from_source
from reviewkit.formats.error_cells import ErrorCells
from reviewkit.formats.findable import ACCESSION_COLUMNS, require_findable
from reviewkit.formats.kinds import (
    ZOTERO_NOT_WORKS,
    ZOTERO_TYPE_NAMES,
    kept_kind,
    kind_named,
    zotero_kind,
)
from reviewkit.formats.read_warnings import ReadWarning, Warn, check_year_cell
from reviewkit.records import Record
from reviewkit.safe_csv import csv_writer, restore
from reviewkit.wording import listed, numbered, quantity

FORMAT = "csv"
LIST_SEP = "; "

# Embase.com's CSV of some years (asreview's embase.csv, tests/core/fixtures/real) gives the
# affiliation only as 'Correspondence Address', the corresponding author's, as its RIS writes
# AD: 'D.G. Adler, Department of …, United States. Email: douglas.adler@hsc.utah.edu'. The
# e-mail after it is left out, as the RIS reader leaves out an AD that is an e-mail
# (ris_vendors): it names no institution or place; the author's name before it is kept, as AD's
CORRESPONDENCE = "correspondence address"
_EMAIL_AFTER = re.compile(r"\.?\s*E-?mail:\s*\S+@\S+\s*$", re.IGNORECASE)
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
    titled = below_title_rows(found, is_header := lambda cells: names_title(cells, mapping))
    if titled is found:  # no title row above a header naming the title: maybe a table's name
        titled = below_table_name(found, is_header, lambda c: names_a_column(c, mapping))
    found = titled
    rows = found.rows()
    header_line, _, header = next(rows)
    # only in Web of Science's own header (its tags, PT first): elsewhere a column 'CA' or 'EY'
    # may mean anything, and 'PT' is MEDLINE's publication type
    wos = is_wos_dialect(found.dialect)
    columns = wos_columns(header, resolve_columns(header, mapping, name, header_line), mapping, wos)
    check_shape = RowShape(found, header, wos_cut.check_last_cell if wos else None)
    own = OwnColumns.of(header, columns, wos)
    # the journal read from Embase.com's 'Source' citation: formats.embase_source
    embase_source = named(header, columns, "journal") == "source"
    addresses = named(header, columns, "affiliations")
    # an 'Accession Number' column (Covidence, EBSCOhost) holds the PMID only for records
    # from PubMed/MEDLINE: with a column naming the database, the RIS reader's rule decides
    accession = named(header, columns, "pmid") == "accession number"
    item_types = named(header, columns, "publication_types") == "item type"  # Zotero's
    if item_types:
        rows = _works_only(rows, columns["publication_types"], check_shape, name, warn)
    database = column(header, "database")
    accession_columns = [i for i, h in enumerate(header) if h.strip().lower() in ACCESSION_COLUMNS]
    link_columns = [i for i, h in enumerate(header) if h.strip().lower() in LINK_COLUMNS]
    position = 0
    for start, line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        check_shape(row, start, line)
        values = _values(row, columns)
        _refuse_error_cells(header, columns, (start, values), rows, check_shape, name)
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
        own.fill(kwargs, row)
        if embase_source:
            fill_from_source(kwargs)
        if addresses == CORRESPONDENCE:
            kwargs["affiliations"] = [_EMAIL_AFTER.sub("", a) for a in kwargs["affiliations"]]
        elif addresses == AUTHOR_ADDRESSES:  # not at ';': it may be inside a group of names
            kwargs["affiliations"] = author_addresses(values["affiliations"])
        if "kind" in kwargs:  # ours, a BibTeX entry type, or a type name
            kwargs["kind"] = kept_kind(
                kind_named(kwargs["kind"]), kwargs.get("publication_types", [])
            )
        elif item_types:
            _kind_of_item_type(kwargs)
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
        where = f"{name}:{start}"
        yield require_findable(record, "this row", where, *accessions, urls=links, warn=warn)


def _works_only(
    rows: Iterator[tuple[int, int, list[str]]],
    at: int,
    check_shape: RowShape,
    name: str,
    warn: Warn | None,
) -> Iterator[tuple[int, int, list[str]]]:
    """The ``rows`` of a Zotero CSV less its notes, attachments and annotations (their Item
    Type, column ``at``, in kinds.ZOTERO_NOT_WORKS): no works, left out as Zotero's RIS export
    leaves them out, and never silently: ``warn`` is told how many, of which type, on which
    lines, after the last row; a file holding nothing else is refused, saying so."""
    left_out: dict[str, list[int]] = {}
    kept = False
    for start, line, row in rows:
        item_type = row[at].strip() if at < len(row) else ""
        if item_type not in ZOTERO_NOT_WORKS:
            kept = kept or any(cell.strip() for cell in row)
            yield start, line, row
            continue
        check_shape(row, start, line)  # a damaged row is named, as a kept one is
        left_out.setdefault(item_type, []).append(start)
    if not left_out:
        return
    lines = sorted(n for found in left_out.values() for n in found)
    types = listed((quantity(len(found), t) for t, found in sorted(left_out.items())), quote=False)
    what = f"{quantity(len(lines), 'row')}, Zotero's {types} (its Item Type), on {numbered('line', lines, 10)}"
    if not kept:
        raise FormatError(
            f"the file holds only {what}: no works to import",
            where=name,
            hint="export the items themselves from Zotero (select them, not their notes)",
        )
    if warn is not None:
        warn(ReadWarning(f"{name}:{lines[0]}", f"left out {what}: they are no works to screen"))


def _kind_of_item_type(kwargs: dict) -> None:
    """A Zotero item type ('thesis', 'conferencePaper', as its CSV's 'Item Type' writes them) as
    the row's kind, as RIS's TY gives it (formats.kinds.zotero_kind), and not as a publication
    type, as TY is not one; any other name in an 'Item Type' column is a type name, as before."""
    types = kwargs.get("publication_types", [])
    if len(types) == 1 and (kind := zotero_kind(types[0])) is not None:
        named = ZOTERO_TYPE_NAMES.get(types[0].strip())  # a preprint: kinds.ZOTERO_TYPE_NAMES
        kwargs["kind"], kwargs["publication_types"] = kind, [named] if named else []
        if named and not kwargs.get("journal"):  # a preprint's repository is its journal,
            kwargs["journal"] = kwargs.pop("publisher", "")  # as the servers' exports name it


def _values(row: list[str], columns: dict[str, int]) -> dict[str, str]:
    """The row's cell of each field read, stripped, reviewkit's apostrophe taken off."""
    return {f: restore((row[i] if i < len(row) else "").strip()) for f, i in columns.items()}


def _named_cells(
    header: list[str], columns: dict[str, int], values: dict[str, str]
) -> list[tuple[str, str]]:
    """(column as the header names it, cell) of each field read."""
    return [(header[columns[f]], v) for f, v in values.items()]


def _refuse_error_cells(
    header: list[str],
    columns: dict[str, int],
    read: tuple[int, dict[str, str]],
    rows: Iterable[tuple[int, int, list[str]]],
    check_shape: RowShape,
    name: str,
) -> None:
    """Refuse the sheet when a cell of the row just ``read`` (its first line, its fields' values)
    holds a spreadsheet's error value, naming every such cell of the columns read down to the
    file's end: the ``rows`` below it are read for them (formats.error_cells)."""
    found, (start, values) = ErrorCells(), read
    if not found.check(_named_cells(header, columns, values), f"{name}:{start}"):
        return

    def cells() -> Iterator[tuple[str, list[tuple[str, str]]]]:
        for start, line, row in rows:
            if any(cell.strip() for cell in row):
                check_shape(row, start, line)
                yield f"{name}:{start}", _named_cells(header, columns, _values(row, columns))

    found.refuse_with_rest(cells())


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
