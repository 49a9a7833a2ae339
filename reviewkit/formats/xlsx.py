"""Excel workbooks (.xlsx): Embase.com, Scopus, Covidence and Rayyan offer their exports as Excel
too, and teams keep reference lists in spreadsheets.

The first worksheet is read as a table with a header row, through the CSV reader (the same
column names, ``--map`` and checks), after each cell is turned into text: a whole number stored
as a number ('2019', a PMID) without Excel's '.0', a date as YYYY-MM-DD, a formula as the value
Excel last computed for it. Line numbers in messages count the rows of that table. Excel
97-2003 workbooks (.xls) are refused with a message saying how to save them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator

from reviewkit.errors import FormatError
from reviewkit.formats import csv_format
from reviewkit.formats.text import MAX_TEXT_BYTES, too_big
from reviewkit.records import Record

FORMAT = "xlsx"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the signature of .xls (and old .doc) files
_HINT = "open it in Excel and save it again as .xlsx or 'CSV UTF-8', or export RIS instead"


def is_zip(head: bytes) -> bool:
    return head[:4] == b"PK\x03\x04"


def is_workbook(path: str) -> bool:
    """Whether the zip archive at ``path`` is an Excel workbook (it holds xl/workbook.xml)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def refuse_xls(head: bytes, name: str) -> None:
    """FormatError for an Excel 97-2003 workbook (.xls), which is not read: it names the fix.
    (Any other zip archive than a workbook is refused as a binary file by the caller.)"""
    if head[:8] == _OLE2:
        raise FormatError(
            "this is a binary file: an Excel 97-2003 workbook (.xls) or another old Office"
            " file, which reviewkit does not read",
            where=name,
            hint=_HINT,
        )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def to_text(data: bytes, name: str) -> str:
    """The first worksheet as CSV text (header row first)."""
    from openpyxl import load_workbook  # only when a workbook is read

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise FormatError(
            f"cannot read the Excel workbook ({exc})", where=name, hint=_HINT
        ) from None
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    try:
        for row in book.worksheets[0].iter_rows(values_only=True):
            writer.writerow([_cell(v) for v in row])
            if out.tell() > MAX_TEXT_BYTES:  # a workbook is compressed: its size says little
                raise too_big(name, MAX_TEXT_BYTES, compressed=True)
    finally:
        book.close()
    return out.getvalue()


def read(
    data: bytes, name: str, *, source: str = "Excel import", mapping: dict[str, str] | None = None
) -> Iterator[Record]:
    """Records of an Excel workbook's first worksheet (the file's bytes)."""
    text = to_text(data, name)
    if not text.strip():
        raise FormatError("the workbook's first worksheet is empty", where=name)
    yield from csv_format.read(text, name, source=source, mapping=mapping)
