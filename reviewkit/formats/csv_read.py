"""Reading a CSV sheet, one way for every reader of one: the reference import, the dedup queue
sheet, extraction sheets, the classification evaluation CSV and the simulation data set.

What every reader gets from here, so that one damaged sheet gets one message wherever it is
read:

- the text: byte-order marks (UTF-8, UTF-16, UTF-32) name the encoding; NUL bytes, binary
  files, text that is not UTF-8 and empty files are refused with the line (:func:`read_sheet`);
- the separator: Excel's ``sep=;`` first line when there is one (Excel writes it and reads it
  to say which separator the file uses; the line is neither the header nor a record), else
  comma, semicolon or tab, whichever the header uses most;
- strict quotes: a quote never closed is refused naming the line where its row starts, and a
  cell may hold at most MAX_CELL characters;
- the rows' shape: a row that repeats the header (two exports joined into one file), a row
  with values beyond the header's columns, and a last row cut short are refused with their
  line; two columns of one name (of those the reader uses) are refused on line 1.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewkit.errors import FormatError
from reviewkit.formats.error_cells import ErrorCells
from reviewkit.formats.read_warnings import ReadWarning
from reviewkit.formats.text import EMPTY_HINT, read_text
from reviewkit.formats.text_sniff import sep_line
from reviewkit.safe_csv import restore

MAX_CELL = 1_000_000  # characters; the longest real abstracts are ~10,000
csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL))

# A reader's check of the last row of a file without its final line break (header, row, where):
# a FormatError for a row cut inside its last cell, whose count of cells is whole
LastCell = Callable[[list[str], list[str], str], None]

# The separators a header is looked at for when no 'sep=' line names one
SEPARATORS = (",", ";", "\t")
# lines longer are counted by their characters alone (parsing a 50 MB line three times cost
# seconds), and the lines after the header that break a tie between two separators
_GUESS_CHARS = 100_000
_GUESS_ROWS = 20


class _Semicolon(csv.excel):
    delimiter = ";"


class _WosTab(csv.excel_tab):
    """Web of Science's tab-delimited export: one record per line and no quoting, so a quote
    is text ('"Back to work": a study' is a title, not a quoted cell)."""

    quoting = csv.QUOTE_NONE


def is_wos_header(first: str) -> bool:
    """Web of Science's tab-delimited header: its two-character field tags, PT first
    (PT, AU, BA, ... UT), as its field-tag list documents."""
    tags = [c.strip() for c in first.split("\t") if c.strip()]
    return bool(tags) and tags[0] == "PT" and all(re.fullmatch(r"[A-Z][A-Z0-9]", t) for t in tags)


def is_wos_dialect(dialect: type[csv.Dialect]) -> bool:
    """Whether the sheet was read as Web of Science's tab-delimited export."""
    return dialect is _WosTab


def _dialect_of(separator: str, header: str) -> type[csv.Dialect]:
    if separator == "\t":
        return _WosTab if is_wos_header(header) else csv.excel_tab
    if separator == ";":
        return _Semicolon
    if separator == ",":
        return csv.excel
    return type("Named", (csv.excel,), {"delimiter": separator})


def _guess(header: str, following: Sequence[str] = ()) -> str:
    """Comma, semicolon or tab: whichever splits the header line into most cells, counted as
    CSV (a separator inside a quoted cell does not count); when two split it alike (a
    two-column header, 'Title;Year, published'), the one that splits as many of the
    ``following`` lines into as many cells (then the one giving more cells, then the comma).

    Counting characters alone read a two-cell line whose quoted cell holds semicolons
    (Embase's '"SEARCH QUERY","…; AND [english]/lim"' above its header) as semicolon-separated
    ('broken CSV row', 'check the quotes'), and 'Title;Year, published' as comma-separated
    ('no title column among the headers: Title;Year'). csv.Sniffer is not used: it guesses
    quoting rules from the data and gets them wrong for cells that hold quotes."""
    counts = {sep: header.count(sep) for sep in SEPARATORS}
    raw = max(counts, key=lambda sep: (counts[sep], sep == ","))
    if len(header) > _GUESS_CHARS:  # a file on one line (its line breaks lost): counted raw
        return raw
    cells = {sep: _cell_count(header, sep, strict=True) for sep in SEPARATORS}
    split = [sep for sep in SEPARATORS if cells[sep] > 1]
    if len(split) < 2:
        return split[0] if split else raw
    rows = [ln for ln in following[:_GUESS_ROWS] if ln.strip() and len(ln) <= _GUESS_CHARS]

    def fits(sep: str) -> int:
        return sum(_cell_count(ln, sep, strict=True) == cells[sep] for ln in rows)

    return max(split, key=lambda sep: (fits(sep), cells[sep], sep == ","))


def _show(separator: str) -> str:
    return "a tab" if separator == "\t" else repr(separator)


def _cell_count(line: str, separator: str, *, strict: bool = False) -> int:
    """Cells of one line split at ``separator``; 0 when it is not CSV so (``strict``: text
    after a closing quote, as a quoted cell holding the separator gives)."""
    dialect = _dialect_of(separator, line)
    if strict:
        dialect = type("Strict", (dialect,), {"strict": True})
    try:
        return len(next(csv.reader([line.rstrip("\r\n")], dialect), []))
    except csv.Error:  # a quote the header opens and a later line closes: counted later
        return 0


def _check_sep_line(separator: str, header: str, name: str) -> None:
    """FormatError when the 'sep=' line names a separator the header row does not use while it
    is separated by another (the line was left from another file, or typed wrong)."""
    if _cell_count(header, separator) > 1:
        return
    used = [s for s in SEPARATORS if s != separator and _cell_count(header, s) > 1]
    if used:
        fix = "delete the first line" if used[0] == "\t" else f"change it to 'sep={used[0]}'"
        raise FormatError(
            f"the first line (Excel's 'sep=' line) says the cells are separated by"
            f" {_show(separator)}, but the header row on line 2 is separated by {_show(used[0])}",
            where=f"{name}:1",
            hint=f"{fix} (or delete it), and read the file again; nothing was read",
        )


@dataclass
class Sheet:
    """A CSV text split into its lines (line ends kept), ready to be read as rows."""

    name: str
    lines: list[str]
    skip: int  # lines before the header: 1 after Excel's 'sep=' line, else 0
    dialect: type[csv.Dialect]

    @property
    def cut(self) -> bool:
        """Whether the text ends without a line break (its last row may be cut short)."""
        return bool(self.lines) and not self.lines[-1].endswith(("\n", "\r"))

    def rows(self) -> Iterator[tuple[int, int, list[str]]]:
        """(first line, last line, cells) of every row, the header first, blank rows too."""
        rows = csv.reader(iter(self.lines[self.skip :]), self.dialect, strict=True)
        end = 0
        while True:
            start = end + 1
            try:
                cells = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:
                raise row_error(
                    exc, self.name, start + self.skip, rows.line_num + self.skip
                ) from None
            end = rows.line_num
            yield start + self.skip, end + self.skip, cells


def sheet(text: str, name: str) -> Sheet:
    """The :class:`Sheet` of a CSV ``text``: its separator from Excel's 'sep=' first line, else
    from its header; FormatError when the file is empty or the 'sep=' line is wrong."""
    # CR, LF or CRLF rows (Excel for Mac: CR); newline="" keeps each line's own end
    lines = io.StringIO(text.removeprefix("\ufeff"), newline="").readlines()
    if not any(line.strip() for line in lines):
        raise FormatError("the file is empty", where=name, hint=EMPTY_HINT)
    excel_sep = sep_line(lines[0])
    if excel_sep:
        if len(lines) < 2 or not "".join(lines[1:]).strip():
            raise FormatError(
                "the file holds only Excel's separator line ('sep=…'), no header row",
                where=f"{name}:1",
                hint="export or save the sheet again, with its rows",
            )
        header = lines[1].rstrip("\r\n")
        _check_sep_line(excel_sep.group(1), header, name)
        return Sheet(name, lines, 1, _dialect_of(excel_sep.group(1), header))
    header = lines[0].rstrip("\r\n")
    return Sheet(name, lines, 0, _dialect_of(_guess(header, lines[1:]), header))


# rows an export may put above its header, a few cells each: Embase.com's CSV and Excel
# exports open with '"SEARCH QUERY","<the query>"', a line of dashes and a blank line
# (asreview/citation-file-formatting, Datasets/CSV/_baseline_embase.csv and _baseline_excel.csv)
TITLE_ROWS = 10
_TITLE_CELLS = 2


def below_title_rows(
    found: Sheet,
    is_header: Callable[[list[str]], bool],
    is_record: Callable[[list[str], list[str]], bool] | None = None,
) -> Sheet:
    """``found`` read from its header row when title rows of at most two cells come before it
    (the first of the first ten rows that ``is_header``); ``found`` itself otherwise. Each row
    below the first is split as a header would be, by the separator it uses most (or the one
    Excel's 'sep=' line names): a title without one ('Conflicts of 3 May') says nothing of the
    separator, and read by its guess a ';' header was one cell. ``is_record(header, cells)``:
    whether a row above the header, split as the header is, is a row of the sheet rather than
    a title; FormatError naming the first such row (a sheet sorted with its header row: its
    rows of two cells were left out as titles)."""
    above: list[tuple[int, int]] = []
    try:
        for number, (start, end, cells) in enumerate(found.rows()):
            sheet_here = found
            if number:
                line = found.lines[start - 1].rstrip("\r\n")
                sep = found.dialect.delimiter if found.skip else _guess(line, found.lines[start:])
                sheet_here = Sheet(found.name, found.lines, start - 1, _dialect_of(sep, line))
                cells = next(csv.reader([line], sheet_here.dialect), [])
            if is_header(cells):
                break
            if number >= TITLE_ROWS or sum(1 for c in cells if c.strip()) > _TITLE_CELLS:
                return found
            above.append((start, end))
        else:
            return found
    except (FormatError, csv.Error):
        return found  # the reader names what is wrong, from the first line
    for first, last in above:
        row = next(csv.reader(found.lines[first - 1 : last], sheet_here.dialect), [])
        if is_record is not None and is_record(cells, row):
            raise FormatError(
                "this row stands above the sheet's header row but fills its columns: a row of"
                " the sheet, not a title",
                where=f"{found.name}:{first}",
                hint="put the header row first (sorting the sheet may have moved it), or delete"
                " this row if it is a note, and read the sheet again; nothing was read",
            )
    return sheet_here


def below_table_name(
    found: Sheet,
    is_header: Callable[[list[str]], bool],
    names_column: Callable[[list[str]], bool],
) -> Sheet:
    """``found`` read from its second line when its first is a table's name, one cell with no
    separator that is no header (``is_header``), above a row of two or more cells naming a
    column the reader reads (``names_column``), as Apple Numbers writes it with 'Include table
    names' (formats.text_sniff._table_name_above); ``found`` itself otherwise. For a sheet
    with no header row naming what the reader looks for: the header its refusal names is that
    row, not the table's name ('no title column among the headers: Table 1'). A one-column
    sheet whose values hold a separator ('case', then 'a.bib/1;b.bib/2') keeps its header."""
    if found.skip or len(found.lines) < 2:
        return found
    first, second = (line.rstrip("\r\n") for line in found.lines[:2])
    if not first.strip() or any(sep in first for sep in SEPARATORS) or is_header([first]):
        return found
    sep = _guess(second, found.lines[2:])
    dialect = _dialect_of(sep, second)
    try:
        cells = next(csv.reader([second], dialect), [])
    except csv.Error:  # a quote the line opens and a later line closes: no header row
        return found
    if len(cells) < 2 or not names_column(cells):
        return found
    return Sheet(found.name, found.lines, 1, dialect)


def header_below_titles(name: str, line: int) -> ReadWarning:
    """The warning that a sheet's header row was found on ``line`` (a workbook's: its worksheet
    row), below rows read as titles and left out, which the command's result carries for the
    CLI to print (a row of records taken for titles would be lost unseen)."""
    return ReadWarning(
        f"{name}:{line}",
        "the header row is read on this line; the rows above it are left out as titles",
    )


def read_sheet(path: str | Path) -> str:
    """The text of the CSV file at ``path`` (byte-order marks, NUL bytes, not UTF-8 and empty
    files as :func:`reviewkit.formats.text.read_text` handles them), for readers without an
    --encoding option. A spreadsheet's own file (.xlsx, .ods, .numbers) is told to be saved as
    CSV."""
    return read_text(path, sheet=True)


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


def duplicate_columns(header: list[str], wanted: Iterable[str], name: str, line: int = 1) -> None:
    """Refuse a header that names one of the ``wanted`` columns twice (case-insensitively)."""
    seen: dict[str, int] = {}
    wanted = {w.strip().lower() for w in wanted}
    for i, h in enumerate(header, start=1):
        key = h.strip().lower()
        if key in wanted and key in seen:
            raise FormatError(
                f"two columns are named {h.strip()!r} (columns {seen[key]} and {i})",
                where=f"{name}:{line}",
                hint="rename or delete one of them; reviewkit will not guess which is right",
            )
        seen.setdefault(key, i)


def _cells(row: list[str]) -> list[str]:
    """A row's cells as compared with the header: any case, trailing empty cells left out."""
    cells = [c.strip().lower() for c in row]
    while cells and not cells[-1]:
        cells.pop()
    return cells


class RowShape:
    """The checks every row of a sheet passes: not the header repeated, no values beyond the
    header's columns, not the last row of a file cut short."""

    def __init__(
        self,
        sheet: Sheet,
        header: list[str],
        last_cell: LastCell | None = None,
    ) -> None:
        """``last_cell(header, row, where)``: a format's own check of the last row of a file
        without its final line break, whose cells are all there (formats.wos_cut,
        sheet_mark.check_last_cell)."""
        self.name, self.width, self.header = sheet.name, len(header), _cells(header)
        self.written_header, self.last_cell = header, last_cell
        # the columns a writer names: a last row short of them may be a cut
        self.named = max((i + 1 for i, h in enumerate(header) if h.strip()), default=0)
        self.last_line = len(sheet.lines) if sheet.cut else -1
        self.short_before = False

    def __call__(self, row: list[str], start: int, end: int) -> None:
        """FormatError when the row of ``row`` cells on lines ``start``-``end`` is refused."""
        if _cells(row) == self.header:  # two exports joined: a record titled 'Title'
            raise FormatError(
                "this row repeats the header row: two exports joined into one file?",
                where=f"{self.name}:{start}",
                hint="delete this line (and check that the rows after it have the same"
                " columns), or read the files one by one",
            )
        if len(row) > self.width and any(c.strip() for c in row[self.width :]):
            raise FormatError(
                f"row has {len(row)} cells but the header has {self.width}",
                where=f"{self.name}:{start}",
                hint="a cell with a separator in it must be quoted",
            )
        self._cut_short(len(row), start, end)
        if self.last_cell and end == self.last_line:
            self.last_cell(self.written_header, row, f"{self.name}:{start}")

    def _cut_short(self, cells: int, start: int, end: int) -> None:
        """CSV writers (spreadsheets, R, Python, the databases' exports) write every column of
        every row, so a last row short of the named columns with no line break after it, in a
        file whose other rows are whole, is a file cut short. A file whose rows are short
        throughout (typed by hand, trailing empty cells left out) is that file's style."""
        if end == self.last_line and cells < self.named and not self.short_before:
            raise FormatError(
                f"the last row has {cells} of the header's {self.named} cells and no line"
                " break after it",
                where=f"{self.name}:{start}",
                hint="the file looks cut short: export or download it again (a row you typed"
                " in yourself is whole: end the file with a line break)",
            )
        self.short_before = self.short_before or cells < self.named


def dict_rows(
    text: str, name: str, *, used: Sequence[str] | None = None, any_case: bool = False
) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """(header, iterator of (first line, row as a dict)) of a CSV text, read as the module
    docstring says: :func:`sheet_dict_rows` of its :func:`sheet`."""
    return sheet_dict_rows(sheet(text, name), used=used, any_case=any_case)


def sheet_dict_rows(
    found: Sheet,
    *,
    used: Sequence[str] | None = None,
    any_case: bool = False,
    last_cell: LastCell | None = None,
    filled: Callable[[str], bool] | None = None,
) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """(header, iterator of (first line, row as a dict)) of a :class:`Sheet`; repeated column
    names count only among ``used`` (the columns the caller reads; all by default). Blank rows
    are left out; a formula-guarding apostrophe that reviewkit wrote is taken off
    (:func:`reviewkit.safe_csv.restore`). ``any_case``: the header's names in lower case, as the
    caller looks them up, for a sheet a person heads ('Title', 'Reason'), whose columns in
    another case were left out unseen. ``last_cell``: the reader's own check of a last row cut
    inside its last cell (:class:`RowShape`). ``filled``: whether a column (named as the caller
    looks it up) is one a person fills, the only ones where a spreadsheet's error value is
    refused (all by default; formats.error_cells); the others of a sheet reviewkit wrote show
    the project's own values, which may be one (a record a RIS file titled '#NAME?')."""

    def checked(column: str) -> bool:
        """Whether an error value is refused in the column: one read that a person fills."""
        name = column.lower() if any_case else column  # as the caller names it ('Title')
        return (used is None or name in used) and (filled is None or filled(name))

    header, rows = _sheet_dict_rows(found, used, last_cell, checked)
    if not any_case:
        return header, rows
    # two names differing only in case are refused above, among the columns the caller reads
    return [h.lower() for h in header], ((n, {k.lower(): v for k, v in r.items()}) for n, r in rows)


def _sheet_dict_rows(
    found: Sheet,
    used: Sequence[str] | None,
    last_cell: LastCell | None = None,
    checked: Callable[[str], bool] = bool,
) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """:func:`dict_rows` of a :class:`Sheet` already split into lines; a spreadsheet's error
    value refused in the ``checked`` columns."""
    name = found.name
    rows = found.rows()
    header_line, _, first = next(rows, (found.skip + 1, 0, []))
    header = [h.strip() for h in first]
    # a column without a name is what a spreadsheet saves after a cleared column (a trailing
    # ',' or ';'): left out while its cells are empty, a value in it refused (it would be lost)
    unnamed = [i for i, h in enumerate(header) if not h]
    duplicate_columns(
        header, [h for h in (header if used is None else used) if h], name, header_line
    )
    shape = RowShape(found, header, last_cell)
    refused = [h for h in header if h and checked(h)]  # an error value in these

    def shaped(rows: Iterable[tuple[int, int, list[str]]]) -> Iterator[tuple[int, dict[str, str]]]:
        for start, end, cells in rows:
            if not any(c.strip() for c in cells):
                continue
            shape(cells, start, end)
            if any(i < len(cells) and cells[i].strip() for i in unnamed):
                raise FormatError(
                    "a value in a column without a name", where=f"{name}:{start}",
                    hint="name the column in the header row, or delete the value",
                )  # fmt: skip
            yield start, {h: restore(c) for h, c in zip(header, cells, strict=False) if h}

    def body() -> Iterator[tuple[int, dict[str, str]]]:
        read, found = shaped(rows), ErrorCells()
        for start, row in read:
            if found.check(filled(row), f"{name}:{start}"):
                # every error cell named, down to the file's end (formats.error_cells)
                found.refuse_with_rest((f"{name}:{n}", filled(r)) for n, r in read)
            yield start, row

    def filled(row: dict[str, str]) -> list[tuple[str, str]]:
        return [(h, row[h]) for h in refused if h in row]

    return [h for h in header if h], body()
