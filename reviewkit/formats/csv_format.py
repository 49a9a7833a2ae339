"""CSV (and tab-separated) reference lists: common column names recognised, a mapping for others.

Column names are matched case-insensitively against the aliases below (Scopus, Web of Science,
Covidence, Rayyan, Zotero, ASReview, Embase.com and PubMed's own CSV use these). Any other
layout works with ``mapping={'title': 'Article Name', ...}`` (``--map title="Article Name"``
on the command line).

Quotes are read strictly: a quote that is never closed refuses the file (naming the line where
it opened) instead of swallowing the rows after it into one cell. A cell may hold at most
MAX_CELL characters (far above any abstract); two columns with the same recognised name are
refused rather than silently using one of them.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from reviewkit.errors import FormatError
from reviewkit.formats.accession import cell_pmid
from reviewkit.formats.csv_lists import split_list
from reviewkit.formats.findable import ACCESSION_COLUMNS, require_findable
from reviewkit.formats.text import split_lines
from reviewkit.outputs import csv_writer, restore
from reviewkit.records import Record, plain_abstract

FORMAT = "csv"
LIST_SEP = "; "
MAX_CELL = 1_000_000  # characters; the longest real abstracts are ~10,000
csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL))

ALIASES: dict[str, tuple[str, ...]] = {
    "title": (
        "title",
        "ti",
        "article title",
        "document title",
        "primary title",
        "article_title",
        "name",
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
    ),
    "volume": ("volume", "vl", "vol"),
    "issue": ("issue", "number", "is", "no"),
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
    "language": ("language", "la", "language of original document"),
    "publication_types": (
        "publication types",
        "publication_types",
        "publication type",
        "document type",
        "dt",
        "pt",
        "item type",
    ),
    "keywords": ("keywords", "author keywords", "kw", "de", "manual tags"),
    "mesh_terms": ("mesh terms", "mesh_terms", "mesh", "mh"),
    "url": ("url", "link", "ur"),
    "affiliations": ("affiliations", "affiliation", "addresses", "c1"),
}
# Web of Science's Early Access Year: a record published online before its issue has no
# publication year (PY) yet, only this; used when the year column is empty
EARLY_ACCESS_YEAR = "ey"
# Web of Science's Group Authors (a trial's study group): kept in the author list, after the
# persons, as the PubMed XML and MEDLINE readers keep a collective name
GROUP_AUTHORS = "ca"
# first and last page in two columns (Scopus, Web of Science, Embase.com); Scopus' article
# number otherwise
PAGE_COLUMNS = {
    "start": ("page start", "start page", "first page", "bp", "sp"),  # 'first page': Embase.com
    "end": ("page end", "end page", "last page", "ep"),
    "article": ("art. no.", "article number", "ar"),
}
LIST_FIELDS = ("authors", "publication_types", "keywords", "mesh_terms", "affiliations")
WRITE_COLUMNS = (
    "title",
    "abstract",
    "authors",
    "year",
    "journal",
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
)


def _dialect(text: str) -> type[csv.Dialect]:
    """Comma, semicolon or tab: whichever the header line uses most (ties go to the comma).

    csv.Sniffer is not used: it guesses quoting rules from the data and gets them wrong for
    cells that hold quotes, which would change the text of the record.
    """
    first = split_lines(text.lstrip("\ufeff"))[0] if text.strip() else ""
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: (counts[sep], sep == ","))
    if best == "\t":
        return _WosTab if _is_wos_header(first) else csv.excel_tab
    if best == ";":
        return _Semicolon
    return csv.excel


class _Semicolon(csv.excel):
    delimiter = ";"


class _WosTab(csv.excel_tab):
    """Web of Science's tab-delimited export: one record per line and no quoting, so a quote
    is text ('"Back to work": a study' is a title, not a quoted cell)."""

    quoting = csv.QUOTE_NONE


def _is_wos_header(first: str) -> bool:
    """Web of Science's tab-delimited header: its two-character field tags, PT first
    (PT, AU, BA, ... UT), as its field-tag list documents."""
    tags = [c.strip() for c in first.split("\t") if c.strip()]
    return bool(tags) and tags[0] == "PT" and all(re.fullmatch(r"[A-Z][A-Z0-9]", t) for t in tags)


class _CutShort:
    """Spots a file cut short: CSV writers (spreadsheets, R, Python, the databases' exports)
    write every column of every row, so a last row short of the named columns with no line
    break after it, in a file whose other rows are whole, is a file cut short. A file whose
    rows are short throughout (typed by hand, trailing empty cells left out) is that file's
    style, not a cut."""

    def __init__(self, text: str, header: list[str], name: str) -> None:
        self.named = max((i + 1 for i, h in enumerate(header) if h.strip()), default=0)
        cut = not text.endswith(("\n", "\r"))
        # the line the last row ends on (only needed when the file ends without a line break)
        self.last_line = len(io.StringIO(text, newline="").readlines()) if cut else -1
        self.short_before = False
        self.name = name

    def check(self, cells: int, start: int, end: int) -> None:
        """FormatError when the row of ``cells`` cells on lines ``start``-``end`` is a cut."""
        if end == self.last_line and cells < self.named and not self.short_before:
            raise FormatError(
                f"the last row has {cells} of the header's {self.named} cells and no line"
                " break after it",
                where=f"{self.name}:{start}",
                hint="the file looks cut short: export or download it again (a row you typed"
                " in yourself is whole: end the file with a line break)",
            )
        self.short_before = self.short_before or cells < self.named


def reader(lines: Iterable[str], dialect: type[csv.Dialect] = csv.excel) -> Iterator[list[str]]:
    """``csv.reader`` in strict mode: a quote never closed is an error, not one huge cell."""
    return csv.reader(lines, dialect, strict=True)


def row_error(exc: csv.Error, name: str, start: int, end: int) -> FormatError:
    """The FormatError for a csv.Error met reading the row that starts on line ``start``."""
    text = str(exc)
    if "end of data" in text:
        return FormatError(
            f"a quote opened in the row starting here is never closed (the file ends at line {end})",
            where=f"{name}:{start}",
            hint='close the quote, or double a quote that is part of the text ("")',
        )
    if "field larger" in text:
        return FormatError(
            f"a cell is longer than {MAX_CELL:,} characters",
            where=f"{name}:{start}",
            hint="check for a quote that is never closed, or shorten the cell",
        )
    return FormatError(
        f"broken CSV row ({text})", where=f"{name}:{start}", hint="check the quotes in this row"
    )


def dict_rows(
    text: str, name: str, *, no_extra_cells: bool = False, used: Sequence[str] | None = None
) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """(header, iterator of (first line, row as a dict)) of a comma-separated text, read
    strictly: broken quotes, huge cells and repeated column names (of those in ``used``, the
    columns the caller reads; all by default) are FormatErrors with lines; with
    ``no_extra_cells`` so is a row with more cells than the header has columns, and a last row
    cut short is refused as :func:`read` refuses it.

    Comma, semicolon or tab as the header uses (a spreadsheet saved with a Norwegian, German
    or French locale separates with semicolons)."""
    # CR, LF or CRLF rows (Excel for Mac: CR)
    rows = reader(io.StringIO(text, newline=""), _dialect(text))
    try:
        header = [h.strip() for h in next(rows, [])]
    except csv.Error as exc:
        raise row_error(exc, name, 1, rows.line_num) from None
    # a column without a name is what a spreadsheet saves after a cleared column (a trailing
    # ',' or ';'): left out while its cells are empty, a value in it refused (it would be lost)
    unnamed = [i for i, h in enumerate(header) if not h]
    duplicate_columns(header, [h for h in (header if used is None else used) if h], name)
    cut_short = _CutShort(text, header, name)  # a cut row would store its half a value

    def body() -> Iterator[tuple[int, dict[str, str]]]:
        end = 1
        while True:
            line = end + 1
            try:
                cells = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:
                raise row_error(exc, name, line, rows.line_num) from None
            end = rows.line_num
            if not any(c.strip() for c in cells):
                continue
            if no_extra_cells and len(cells) > len(header):
                raise FormatError("more values than columns", where=f"{name}:{line}")
            cut_short.check(len(cells), line, end)
            if any(i < len(cells) and cells[i].strip() for i in unnamed):
                raise FormatError(
                    "a value in a column without a name", where=f"{name}:{line}",
                    hint="name the column in the first line, or delete the value",
                )  # fmt: skip
            yield line, {h: restore(c) for h, c in zip(header, cells, strict=False) if h}

    return [h for h in header if h], body()


def duplicate_columns(header: list[str], wanted: Iterable[str], name: str) -> None:
    """Refuse a header that names one of the ``wanted`` columns twice (case-insensitively)."""
    seen: dict[str, int] = {}
    wanted = {w.strip().lower() for w in wanted}
    for i, h in enumerate(header, start=1):
        key = h.strip().lower()
        if key in wanted and key in seen:
            raise FormatError(
                f"two columns are named {h.strip()!r} (columns {seen[key]} and {i})",
                where=f"{name}:1",
                hint="rename or delete one of them; reviewkit will not guess which is right",
            )
        seen.setdefault(key, i)


def resolve_columns(header: list[str], mapping: dict[str, str] | None, name: str) -> dict[str, int]:
    """field -> column index; raises when the title column cannot be found."""
    known = [a for aliases in (*ALIASES.values(), *PAGE_COLUMNS.values()) for a in aliases]
    duplicate_columns(header, [*known, *(mapping or {}).values()], name)
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
                where=f"{name}:1",
                hint=f"columns are: {', '.join(header)}",
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
            f"no title column among the headers: {', '.join(h for h in header if h.strip()) or '(none)'}",
            where=f"{name}:1",
            hint='name the columns with --map, e.g. --map title="Article Name" --map abstract=Summary',
        )
    return columns


class _RowShape:
    """Refuses a row with values beyond the header's columns, and the header row repeated
    (two exports joined into one file: it would be stored as a record titled 'Title')."""

    def __init__(self, header: list[str], name: str) -> None:
        self.header, self.cells, self.name = header, _cells(header), name

    def __call__(self, row: list[str], start: int) -> None:
        if _cells(row) == self.cells:
            raise FormatError(
                "this row repeats the header row: two exports joined into one file?",
                where=f"{self.name}:{start}",
                hint="delete this line (and check that the rows after it have the same"
                " columns), or import the files one by one",
            )
        width = len(self.header)
        if len(row) > width and any(c.strip() for c in row[width:]):
            raise FormatError(
                f"row has {len(row)} cells but the header has {width}",
                where=f"{self.name}:{start}",
                hint="a cell with a separator in it must be quoted",
            )


def _cells(row: list[str]) -> list[str]:
    """A row's cells as compared with the header: any case, trailing empty cells left out."""
    cells = [c.strip().lower() for c in row]
    while cells and not cells[-1]:
        cells.pop()
    return cells


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
    if first:
        return f"{first}-{last}" if last and last != first else first
    return cell.get("article", "")


def read(
    text: str, name: str, *, source: str = "CSV", mapping: dict[str, str] | None = None
) -> Iterator[Record]:
    # the reader's own lines, so raw is the original text; newline="" splits at CR, LF and
    # CRLF without changing them (Excel for Mac saves CSV with CR line ends)
    lines = io.StringIO(text, newline="").readlines()
    dialect = _dialect(text)
    rows = reader(iter(lines), dialect)
    try:
        header = next(rows)
    except StopIteration:
        raise FormatError("the file is empty", where=name) from None
    except csv.Error as exc:
        raise row_error(exc, name, 1, rows.line_num) from None
    if header and header[0].strip().lower() == "sep=" and not "".join(header[1:]).strip():
        raise FormatError(  # Excel's 'sep=;' line names the separator for Excel alone
            "the first line is Excel's separator line ('sep=…'), not the header row",
            where=f"{name}:1",
            hint="delete the first line, so that the column names come first",
        )
    columns = resolve_columns(header, mapping, name)
    check_shape = _RowShape(header, name)
    page_columns = _page_columns(header, columns)
    # only in Web of Science's own header (its tags, PT first): elsewhere a column 'CA' or 'EY'
    # may mean anything
    wos = dialect is _WosTab
    early_year = _column(header, EARLY_ACCESS_YEAR) if wos else None
    group_authors = _column(header, GROUP_AUTHORS) if wos else None
    # an 'Accession Number' column (Covidence, EBSCOhost) holds the PMID only for records
    # from PubMed/MEDLINE: with a column naming the database, the RIS reader's rule decides
    accession = "pmid" in columns and header[columns["pmid"]].strip().lower() == "accession number"
    database = _column(header, "database")
    accession_columns = [i for i, h in enumerate(header) if h.strip().lower() in ACCESSION_COLUMNS]
    cut_short = _CutShort(text, header, name)
    position = 0
    line = 1
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            raise row_error(exc, name, line + 1, rows.line_num) from None
        start, line = line + 1, rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        check_shape(row, start)
        cut_short.check(len(row), start, line)
        values = {f: restore((row[i] if i < len(row) else "").strip()) for f, i in columns.items()}
        position += 1
        kwargs: dict = {
            f: split_list(f, v) if f in LIST_FIELDS else v
            for f, v in values.items()
            if f != "abstract"
        }
        kwargs["pmid"] = cell_pmid(kwargs.get("pmid", ""), row, accession, database)
        if page_columns:
            kwargs["pages"] = _pages(row, page_columns)
        if not kwargs.get("year") and early_year is not None and early_year < len(row):
            kwargs["year"] = row[early_year].strip()
        if group_authors is not None and group_authors < len(row):
            groups = [g.strip() for g in row[group_authors].split(";") if g.strip()]
            kwargs["authors"] = [*kwargs.get("authors", []), *groups]
        record = Record(
            **kwargs,
            abstract_sections=plain_abstract(values.get("abstract", "")),
            source=source,
            origin=name,
            position=position,
            raw="".join(lines[start - 1 : line]).rstrip("\r\n"),
        )
        accessions = [row[i] for i in accession_columns if i < len(row)]  # an id of its own
        yield require_findable(record, "this row", f"{name}:{start}", *accessions)


def write(records: Iterable[Record], out: TextIO) -> None:
    """Write one row per record with the columns in WRITE_COLUMNS (lists joined by '; ').

    Formula-looking cells get a leading apostrophe (OWASP); :func:`read` takes it off again."""
    writer = csv_writer(out, lineterminator="\n")
    writer.writerow(WRITE_COLUMNS)
    for rec in records:
        row = []
        for col in WRITE_COLUMNS:
            if col == "abstract":
                row.append(rec.abstract)
            elif col == "affiliations":
                row.append("\n".join(rec.affiliations))
            elif col in LIST_FIELDS:
                row.append(LIST_SEP.join(getattr(rec, col)))
            else:
                value = getattr(rec, col)
                row.append("" if value is None else str(value))
        writer.writerow(row)


def sniff(text: str) -> bool:
    first = split_lines(text.lstrip("\ufeff"))[0] if text.strip() else ""
    return ("," in first or "\t" in first or ";" in first) and not first.lstrip().startswith(
        ("<", "@", "TY ")
    )
