"""A sheet a person filled and read back (``conflicts import``, ``dedup review --read-csv``,
``classify --evaluate``'s gold sheet): CSV or tab-separated text, or the Excel workbook (.xlsx)
Excel saves it as when it is opened and saved without 'Save As… CSV'. Either gives the header
and the rows by the number a person finds them at: the line of the text, the row of the
worksheet as Excel shows it (a cell with line breaks in it shifts the lines of the workbook's
text; :mod:`~reviewkit.formats.xlsx` maps them back)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from reviewkit.files import ZIP, check_regular
from reviewkit.formats import csv_read, xlsx
from reviewkit.formats.text import read_bytes
from reviewkit.formats.workbook_sniff import is_workbook, is_zip


class FilledSheet(NamedTuple):
    """A sheet's header, the line (a workbook's: the worksheet row) it stands on, its rows
    as (line or worksheet row, row as a dict), and a workbook's worksheets by name."""

    header: list[str]
    header_line: int
    rows: Iterator[tuple[int, dict[str, str]]]
    sheets: list[str]

    def hint(self, what: str, hint: str) -> str:
        """``hint`` for a header without the columns wanted; of a workbook of several
        worksheets, saying that the first alone is read and where ``what`` may be instead."""
        return xlsx.other_sheets(self.sheets, what, hint)


def sheet_rows(path: str | Path, what: str) -> FilledSheet:
    """The CSV sheet or Excel workbook (its first worksheet) at ``path``, read as
    :func:`reviewkit.formats.csv_read.dict_rows` reads a CSV sheet, its column names in lower
    case (a person heads a column 'Reason' as often as 'reason'); ``what`` names what the
    sheet holds, for the hint of an empty worksheet. Other spreadsheet files (.ods, .numbers)
    are told to be saved as CSV."""
    name, path = str(path), Path(path)
    check_regular(path)  # missing, a folder, a pipe: named before a byte is read
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(ZIP))
    except OSError:
        head = b""  # an unreadable file: the CSV reader names it
    if is_zip(head) and is_workbook(name):
        header, rows, header_row, sheets = xlsx.dict_rows(
            read_bytes(path), name, what, any_case=True
        )
        return FilledSheet(header, header_row, rows, sheets)
    text = csv_read.read_sheet(path)
    header, rows = csv_read.dict_rows(text, name, any_case=True)
    return FilledSheet(header, csv_read.sheet(text, name).skip + 1, rows, [])  # after 'sep='
