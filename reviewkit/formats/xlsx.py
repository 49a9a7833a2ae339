"""Excel workbooks (.xlsx): Embase.com, Scopus, Covidence and Rayyan offer their exports as Excel
too, and teams keep reference lists in spreadsheets.

The first worksheet is read as a table with a header row, through the CSV reader (the same
column names, ``--map`` and checks), after each cell is turned into text: a whole number stored
as a number ('2019', a PMID) without Excel's '.0', a date as YYYY-MM-DD, a formula as the value
Excel last computed for it. The header is the first row with a value (rows above it may be
blank); the numbers in messages are the worksheet's row numbers, as Excel shows them (the
table's line numbers, which a cell holding line breaks shifts, are mapped back). Excel
97-2003 workbooks (.xls) are refused with a message saying how to save them
(:mod:`~reviewkit.formats.workbook_sniff`, which also tells a workbook from another zip).

A workbook is a zip of XML parts and its size on disk says little (a "zip bomb" of a few KB can
expand to gigabytes), so before openpyxl reads it every part is checked: at most
MAX_TEXT_BYTES expanded (the limit of a text export, which the sheet's text must fit anyway),
no DTD (no entities, so no "billion laughs" or external entities; Excel writes none), and at
most 16,384 cells a row (Excel's own column limit): openpyxl builds each row whole in memory;
and no formula without its computed value (a workbook written by a program: openpyxl reads
values only, so the cell would be read as empty).
Anything openpyxl then cannot read is refused as a broken workbook. Cells merged down rows
that hold values of their own are refused (:func:`_check_merged`): Excel shows the value on
each row and stores it on the first.

Excel formats whole columns or rows by widening the sheet's recorded range (its <dimension>,
e.g. A1:XFD3000) and writing styled empty cells and rows; openpyxl pads every row to that range,
which made a 20-row sheet 3,000 rows of 16,000 empty cells. The sheet is read without its
recorded range instead: each row stops at its last value, empty rows after the last value are
dropped, and the header row is padded to the widest row (as the range padded it, so a value
beyond the named columns is still read as before). The shared strings table is held compactly
(its strings joined in blocks, an offset each) rather than as one Python string per entry,
whose overhead (about 100 bytes each with the parser's leftovers) let a 256 MiB table of empty
strings take gigabytes.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import io
import re
import zipfile
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import IO, Any

from reviewkit.errors import FormatError
from reviewkit.formats import csv_columns, csv_format, csv_read
from reviewkit.formats.read_warnings import ReadWarning, Warn
from reviewkit.formats.text import MAX_TEXT_BYTES, MAX_XML_BYTES, too_big
from reviewkit.formats.workbook_sniff import SAVE_AGAIN_HINT as _HINT
from reviewkit.records import Record

FORMAT = "xlsx"
_MAX_COLUMNS = 16384  # Excel's limit (column XFD) since Excel 2007


# ECMA-376 part 1, 22.9.2.19 (ST_Xstring): a character XML cannot hold is written '_xHHHH_'
# (Excel writes a line break pasted from Word, U+000B, as '_x000B_'), and a '_' opening such
# text as '_x005F_'. It was read as six characters of the text, where the control character
# is one the import takes out (formats.control_chars); a surrogate's or NUL's code is kept.
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescaped(m: re.Match[str]) -> str:
    code = int(m.group(1), 16)
    return m.group() if code == 0 or 0xD800 <= code <= 0xDFFF else chr(code)


def _cell(value: object) -> str:
    if isinstance(value, str):
        return _ESCAPED.sub(_unescaped, value) if "_x" in value else value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _formula_without_value(cell: Any) -> bool:
    """Whether a worksheet cell (``<c>``) has a formula (``<f>``) but no computed value: no
    ``<v>``, or an empty one in a cell that is not text (``t="str"``, where empty is a value).
    Excel and LibreOffice store the value of every formula; openpyxl reads only that value."""
    kids = {c.tag.rsplit("}", 1)[-1]: c for c in cell if isinstance(c.tag, str)}
    if "f" not in kids:
        return False
    value = kids.get("v")
    return value is None or (not (value.text or "") and cell.get("t") != "str")


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Stream one XML part: FormatError for a DTD, broken XML or a row wider than Excel's."""
    from lxml import etree as ET

    where = f"{name} (part {info.filename})"
    with archive.open(info) as fh:
        events = ET.iterparse(
            fh, events=("start", "end"), resolve_entities=False, no_network=True, load_dtd=False
        )
        try:
            _check_elements(events, where)
        except ET.XMLSyntaxError as exc:
            raise FormatError(
                f"broken XML in the workbook: {' '.join(exc.msg.split())}",  # lxml's has a \n
                where=where,
                hint=_HINT,
            ) from None
        except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as exc:
            raise FormatError(f"the workbook is corrupt ({exc})", where=name, hint=_HINT) from None


def _check_elements(events: Iterable[tuple[str, Any]], where: str) -> None:
    """Check a part's elements as lxml's iterparse streams them: no DTD, no row wider than
    Excel's, no formula without its value; each element is freed once checked."""
    cells = 0
    first = True
    for event, elem in events:
        if first:  # the root's start: its DOCTYPE, if any, has been read
            first = False
            if elem.getroottree().docinfo.doctype:
                raise FormatError(
                    "the workbook holds a DTD (entity declarations), which Excel never writes",
                    where=where,
                    hint=_HINT,
                )
        tag = elem.tag.rpartition("}")[2] if isinstance(elem.tag, str) else ""
        if event == "start":
            if tag == "row":
                cells = 1  # 1 + the cells seen in this row
            elif tag == "c":
                cells += 1
                if cells > _MAX_COLUMNS + 1:
                    raise FormatError(
                        f"a row of more than {_MAX_COLUMNS:,} cells, more than Excel allows",
                        where=where,
                        hint=_HINT,
                    )
            continue
        if tag == "c" and _formula_without_value(elem):
            raise FormatError(
                f"cell {elem.get('r', '?')} holds a formula without the value it"
                " computes (the workbook was written by a program, never saved by a"
                " spreadsheet), which would be read as empty",
                where=where,
                hint="open the workbook in Excel or LibreOffice and save it again",
            )
        _free(elem)


def _free(elem: Any) -> None:
    """Drop a checked element and the siblings before it, keeping memory flat; a cell's
    parts are kept until the cell itself is checked (at its end)."""
    parent = elem.getparent()
    if parent is not None and str(parent.tag).endswith("}c"):
        return
    elem.clear()
    while elem.getprevious() is not None:
        del parent[0]


def check_parts(data: bytes, name: str) -> None:
    """FormatError unless every part of the workbook is small enough and plain XML (see above)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise FormatError(
            f"the workbook is truncated or corrupt ({exc})", where=name, hint=_HINT
        ) from None
    with archive:
        total = 0
        for info in archive.infolist():
            total += info.file_size  # zipfile stops at the declared size (then a CRC error)
            if info.file_size > MAX_TEXT_BYTES or total > MAX_XML_BYTES:
                raise too_big(name, MAX_TEXT_BYTES, compressed=True)
        for info in archive.infolist():
            if info.filename.endswith((".xml", ".rels")):
                _scan_part(archive, info, name)


class _StringTable:
    """A workbook's shared strings, read by index as openpyxl's list is: blocks of 1,024 strings
    joined into one str each, with each string's end offset in its block (4 bytes a string)."""

    _BLOCK = 1024

    def __init__(self) -> None:
        self._blocks: list[str] = []
        # "I": 4 bytes ("L" is 8 on 64-bit Linux); a block's text fits, since check_parts
        # keeps the whole part below MAX_TEXT_BYTES
        self._ends = array("I")
        self._pending: list[str] = []

    def append(self, text: str) -> None:
        start = self._ends[-1] if self._pending else 0  # a new block starts at offset 0
        self._pending.append(text)
        self._ends.append(start + len(text))
        if len(self._pending) == self._BLOCK:
            self.close_block()

    def close_block(self) -> None:
        if self._pending:
            self._blocks.append("".join(self._pending))
            self._pending = []

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, index: int) -> str:
        if not 0 <= index < len(self._ends):
            raise IndexError(f"shared string {index} of {len(self._ends)}")
        block, offset = divmod(index, self._BLOCK)
        start = self._ends[index - 1] if offset else 0
        return self._blocks[block][start : self._ends[index]]


def _string_table(source: IO[bytes]) -> _StringTable:
    """The shared strings part (xl/sharedStrings.xml) read as openpyxl reads it (the text of a
    string's runs, not of its phonetic guide), keeping nothing else."""
    from lxml import etree as ET

    table = _StringTable()
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    for _event, si in ET.iterparse(source, tag=f"{main}si", resolve_entities=False):
        runs = [c for c in si if c.tag == f"{main}r"]
        texts = [t.text or "" for c in [si, *runs] for t in c if t.tag == f"{main}t"]
        table.append("".join(texts))  # its '_xHHHH_' escapes decoded by _cell
        si.clear()
        while si.getprevious() is not None:
            del si.getparent()[0]
    table.close_block()
    return table


def _load(data: bytes) -> Any:
    """openpyxl's read-only workbook, with the compact shared strings table."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS

    class Reader(ExcelReader):  # load_workbook's reader; only its strings are read otherwise
        def read_strings(self) -> None:
            part = self.package.find(SHARED_STRINGS)
            if part is not None:
                with self.archive.open(part.PartName[1:]) as src:
                    self.shared_strings = _string_table(src)

    reader = Reader(io.BytesIO(data), read_only=True, data_only=True)
    reader.read()
    return reader.wb


def _check_order(number: int, previous: int, cells: list[dict], name: str) -> None:
    """FormatError for rows out of order or a cell written twice: Excel and every spreadsheet
    write a sheet's rows in ascending order, each once, and a row's cells once each, so these
    are a damaged worksheet, where the later value would silently replace the earlier one
    (a row lost)."""
    columns = [c["column"] for c in cells]
    if number <= previous:
        what = f"worksheet row {number} comes after row {previous}"
    elif len(set(columns)) < len(columns):
        what = f"worksheet row {number} holds a cell written twice"
    else:
        return
    raise FormatError(
        f"{what}: the worksheet is damaged (a row's values would be lost)",
        where=f"{name}:{number}",
        hint=_HINT,
    )


def _rows(sheet: Any, name: str) -> Iterator[tuple[int, list[str]]]:
    """The sheet's rows as text, each up to its last value, without the empty rows after the
    last one; the sheet's recorded range is not used (see the module's docstring). The rows
    come from openpyxl's own worksheet parser (as its read-only sheet reads them, so types,
    dates and formulas' values are openpyxl's), cell by cell: its read-only rows are padded to
    the last cell, a styled empty one too, which cost a Python call per empty cell."""
    from openpyxl.worksheet._reader import WorkSheetParser

    book = sheet.parent
    with sheet._get_source() as src:
        parser = WorkSheetParser(
            src,
            sheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        previous = 0
        filled: set[int] = set()  # the rows with a value
        for number, cells in parser.parse():
            _check_order(number, previous, cells, name)
            previous = number
            values = {c["column"]: text for c in cells if (text := _cell(c["value"]))}
            if not values:
                continue
            filled.add(number)
            row = [""] * max(values)
            for column, text in values.items():
                row[column - 1] = text
            yield number, row
        # the merged cells are listed after the rows (<mergeCells> follows <sheetData>)
        _check_merged(parser.merged_cells, filled, name)


def _check_merged(merged: Any, filled: set[int], name: str) -> None:
    """FormatError for cells merged down rows of which a lower one holds values of its own: Excel
    shows the merged value beside each of those rows but stores it in the first row's cell
    alone, so the lower rows' cell would be read empty (a decision merged beside three records
    read as one decision and two left open; the year of a group of references lost). Cells
    merged across columns, or down rows that are otherwise empty (a title block above the
    header), lose nothing a row holds, and are read as Excel saves them as CSV."""
    from openpyxl.utils.cell import range_boundaries

    ranges = [(range_boundaries(m.ref), m.ref) for m in getattr(merged, "mergeCell", None) or ()]
    for (_, top, _, bottom), ref in sorted(ranges, key=lambda r: (r[0][1], r[0][0])):
        lower = [r for r in range(top + 1, bottom + 1) if r in filled]
        if lower:
            raise FormatError(
                f"cells {ref} are merged: Excel shows their value on rows {top}-{bottom}, but"
                f" stores it on row {top} alone, so row {lower[0]} would be read without it",
                where=f"{name}:{lower[0]}",
                hint="unmerge the cells (Home > Merge & Center > Unmerge Cells), fill the"
                " value into each row, save, and read the file again; nothing was read",
            )


_LINE_END = re.compile(r"\r\n|\r|\n")


class _Table:
    """The first worksheet as CSV text (its header, the first row with a value, padded to the
    widest row), and which worksheet row each line of the text starts."""

    def __init__(
        self, rows: Iterable[tuple[int, list[str]]], name: str, sheets: Iterable[str] = ()
    ) -> None:
        header: list[str] | None = None
        width, line = 0, 2  # the line of the text the next body row starts on
        self.lines: list[int] = [1]  # the first line of each row, the header's first
        self.rows: list[int] = []  # its worksheet row
        body = io.StringIO()
        writer = csv.writer(body, lineterminator="\n")
        for number, row in rows:
            width = max(width, len(row))
            self.rows.append(number)
            if header is None:
                header = row
                continue
            self.lines.append(line)
            # the CSV reader ends a line at CR, LF or CRLF, in a quoted cell too
            line += sum(len(_LINE_END.findall(cell)) for cell in row) + 1
            writer.writerow(row)
            if body.tell() > MAX_TEXT_BYTES:  # a workbook is compressed: its size says little
                raise too_big(name, MAX_TEXT_BYTES, compressed=True)
        first = io.StringIO()
        if header is not None:
            csv.writer(first, lineterminator="\n").writerow(header + [""] * (width - len(header)))
        self.text = first.getvalue() + body.getvalue()
        self.sheets = list(sheets)  # the workbook's worksheets by name, the one read first

    def row_of(self, line: int) -> int:
        """The worksheet row of the text's ``line``."""
        return self.rows[max(bisect.bisect_right(self.lines, line) - 1, 0)] if self.rows else line

    def in_sheet(self, where: str, name: str) -> str:
        """A message's 'name:line' of the text as 'name:row' of the worksheet."""
        line = where.removeprefix(f"{name}:")
        return f"{name}:{self.row_of(int(line))}" if line.isdigit() else where

    def check_not_empty(self, name: str, what: str) -> None:
        """FormatError for a first worksheet without a value (``what``: what belongs on it)."""
        if not self.text.strip():
            raise FormatError(
                "the workbook's first worksheet is empty",
                where=name,
                hint=f"put {what} on the first worksheet, with a header row",
            )


def to_text(data: bytes, name: str) -> str:
    """The first worksheet as CSV text (header row first)."""
    return _table(data, name).text


def _table(data: bytes, name: str) -> _Table:
    """The first worksheet as CSV text (header row first), with its rows' numbers."""
    check_parts(data, name)
    try:
        book = _load(data)
    except Exception as exc:  # noqa: BLE001 - any failure of openpyxl on a checked file
        raise FormatError(
            f"cannot read the Excel workbook ({exc})", where=name, hint=_HINT
        ) from None
    try:
        if not book.worksheets:
            raise FormatError("the workbook has no worksheets", where=name, hint=_HINT)
        return _Table(_rows(book.worksheets[0], name), name, book.sheetnames)
    except FormatError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl's errors on a bad part (KeyError, …)
        raise FormatError(
            f"cannot read the Excel workbook's first worksheet ({type(exc).__name__}: {exc})",
            where=name,
            hint=_HINT,
        ) from None
    finally:
        book.close()


def read(
    data: bytes,
    name: str,
    *,
    source: str = "Excel import",
    mapping: dict[str, str] | None = None,
    warn: Warn | None = None,
) -> Iterator[Record]:
    """Records of an Excel workbook's first worksheet (the file's bytes); ``warn`` is told of
    a year cell that holds no year, by its worksheet row."""
    table = _table(data, name)
    table.check_not_empty(name, "the references")

    def warn_row(warning: ReadWarning) -> None:
        if warn is not None:
            warn(replace(warning, where=table.in_sheet(warning.where, name)))

    try:
        yield from csv_format.read(table.text, name, source=source, mapping=mapping, warn=warn_row)
    except FormatError as exc:
        exc.where = table.in_sheet(exc.where, name)
        if exc.message.startswith(csv_columns.NO_TITLE_COLUMN):
            exc.hint = other_sheets(table.sheets, "the references", exc.hint)
        raise


def other_sheets(sheets: Sequence[str], what: str, hint: str) -> str:
    """``hint`` for a first worksheet without the columns wanted, saying where else ``what``
    may be when the workbook has other worksheets (a summary sheet first, then the rows, as
    teams keep them); ``hint`` itself for a workbook of one sheet or a CSV (no ``sheets``)."""
    if len(sheets) < 2:
        return hint
    first, others = sheets[0], ", ".join(repr(s) for s in sheets[1:])
    return (
        f"only the first worksheet, {first!r}, is read; if {what} are on another ({others}),"
        f" move that sheet first or save it as CSV; else {hint}"
    )


def dict_rows(
    data: bytes,
    name: str,
    what: str,
    *,
    used: Sequence[str] | None = None,
    any_case: bool = False,
    filled: Callable[[str], bool] | None = None,
    is_header: Callable[[list[str]], bool] | None = None,
    is_record: Callable[[list[str], list[str]], bool] | None = None,
    warn: Warn | None = None,
) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]], int, list[str]]:
    """The first worksheet as :func:`reviewkit.formats.csv_read.sheet_dict_rows` reads a CSV
    sheet (``used``, ``any_case``, ``filled`` as it takes them; ``what``: what the sheet holds,
    for the hint of an empty one), the header's row, and the workbook's worksheets by name
    (for :func:`other_sheets`): each row, and each
    FormatError's line, numbered by its worksheet row as Excel shows it. ``is_header``: the
    header is the first row it holds true of, below title rows, and ``is_record`` tells a row
    of the sheet above it (:func:`~reviewkit.formats.csv_read.below_title_rows`); ``warn`` is
    told of a header found below title rows."""
    table = _table(data, name)
    table.check_not_empty(name, what)
    try:
        found = csv_read.sheet(table.text, name)
        below = (
            found if is_header is None else csv_read.below_title_rows(found, is_header, is_record)
        )
        if below is not found and warn is not None:
            warn(csv_read.header_below_titles(name, table.row_of(below.skip + 1)))
        found = below
        header, rows = csv_read.sheet_dict_rows(found, used=used, any_case=any_case, filled=filled)
    except FormatError as exc:
        exc.where = table.in_sheet(exc.where, name)
        raise

    def numbered() -> Iterator[tuple[int, dict[str, str]]]:
        try:
            for line, row in rows:
                yield table.row_of(line), row
        except FormatError as exc:
            exc.where = table.in_sheet(exc.where, name)
            raise

    return header, numbered(), table.row_of(found.skip + 1), table.sheets
