"""A sheet a person filled and read back (``conflicts import``, ``dedup review --read-csv``,
``classify --evaluate``'s gold sheet): CSV or tab-separated text, or the Excel workbook (.xlsx)
Excel saves it as when it is opened and saved without 'Save As… CSV'. Either gives the header
and the rows by the number a person finds them at: the line of the text, the row of the
worksheet as Excel shows it (a cell with line breaks in it shifts the lines of the workbook's
text; :mod:`~reviewkit.formats.xlsx` maps them back)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import NamedTuple

from reviewkit.files import ZIP, check_regular
from reviewkit.formats import csv_read
from reviewkit.formats.read_warnings import ReadWarning, Warn, said_first
from reviewkit.formats.text import read_bytes
from reviewkit.formats.workbook_sniff import is_workbook, is_zip


class FilledSheet(NamedTuple):
    """A sheet's header, the line (a workbook's: the worksheet row) it stands on, its rows
    as (line or worksheet row, row as a dict), a workbook's worksheets by name, the
    separator of a CSV sheet ('' for a workbook, whose cells are typed: it says no locale),
    and the warnings of its reading (a header below title rows), for the command to carry to
    the CLI, which prints them."""

    header: list[str]
    header_line: int
    rows: Iterator[tuple[int, dict[str, str]]]
    sheets: list[str]
    separator: str = ""
    warnings: tuple[ReadWarning, ...] = ()

    def hint(self, what: str, hint: str) -> str:
        """``hint`` for a header without the columns wanted; of a workbook of several
        worksheets, saying that the first alone is read and where ``what`` may be instead."""
        from reviewkit.formats import xlsx  # see sheet_rows: the workbook reader when one is read

        return xlsx.other_sheets(self.sheets, what, hint)

    def refusing(self) -> AbstractContextManager[None]:
        """Within it, a UserError raised carries :attr:`warnings`, said before the refusal
        (:func:`~reviewkit.formats.read_warnings.said_first`)."""
        return said_first(self.warnings)

    def tell(self, warn: Warn | None) -> None:
        """Give ``warn`` each of :attr:`warnings`, for a reader that takes a ``warn``."""
        for said in self.warnings if warn is not None else ():
            warn(said)


class _HeaderRule(NamedTuple):
    """Which row of a sheet is its header, and which row above it is a row of the sheet (not a
    title), for a reader of ``columns`` (:func:`sheet_rows`)."""

    columns: Sequence[str]
    any_case: bool

    def _wanted(self) -> set[str]:
        return {self.fold(c) for c in self.columns}

    def fold(self, name: str) -> str:
        return name.strip().lower() if self.any_case else name.strip()

    def is_header(self, cells: list[str]) -> bool:
        return self._wanted() <= {self.fold(c) for c in cells}

    def is_record(self, header: list[str], cells: list[str]) -> bool:
        # a row that fills every column read, in two cells or more, is a row of the sheet
        # (a decision '12,include' sorted above the header), where a note fills one cell
        wanted = self._wanted()
        read = [i for i, h in enumerate(header) if self.fold(h) in wanted]
        filled = sum(1 for c in cells if c.strip())
        return filled >= 2 and all(i < len(cells) and cells[i].strip() for i in read)


def sheet_rows(
    path: str | Path,
    what: str,
    columns: Sequence[str],
    *,
    any_case: bool = True,
    used: Sequence[str] | None = None,
    last_cell: csv_read.LastCell | None = None,
    filled: Callable[[str], bool] | None = None,
) -> FilledSheet:
    """The CSV sheet or Excel workbook (its first worksheet) at ``path``, read as
    :func:`reviewkit.formats.csv_read.dict_rows` reads a CSV sheet; ``what`` names what the
    sheet holds, for the hint of an empty worksheet. Other spreadsheet files (.ods, .numbers)
    are told to be saved as CSV.

    The header is the first row that holds every one of ``columns`` (the ones the reader
    needs), as a person finds it: a title or a note typed in the rows above it (at most
    :data:`~reviewkit.formats.csv_read.TITLE_ROWS`, of two cells or fewer each) is left out,
    with a warning (:attr:`FilledSheet.warnings`) naming the header's line; a row above it
    that fills every one of ``columns`` in two cells or more is refused (a row of the sheet,
    not a title). ``any_case``: column names in lower case (a person heads a column 'Reason'
    as often as 'reason'), and ``columns`` matched in any case; ``used``: the columns whose
    names may not repeat (all by default); ``last_cell``: the reader's check of a CSV sheet's
    last row cut inside its last cell (:class:`~reviewkit.formats.csv_read.RowShape`; a
    workbook cut short is no zip archive); ``filled``: the columns a person fills, where a
    spreadsheet's error value is refused (:func:`~reviewkit.formats.csv_read.sheet_dict_rows`)."""
    name, path = str(path), Path(path)
    check_regular(path)  # missing, a folder, a pipe: named before a byte is read
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(ZIP))
    except OSError:
        head = b""  # an unreadable file: the CSV reader names it
    if not (is_zip(head) and is_workbook(name)):
        text = csv_read.read_sheet(path)
        return text_rows(
            text, name, columns, any_case=any_case, used=used, last_cell=last_cell, filled=filled
        )
    # the workbook reader (and the record types it brings) only when a workbook is read: a
    # simulation on a CSV imports no more than it needs (tests/core/test_cli_startup.py)
    from reviewkit.formats import xlsx

    rule = _HeaderRule(columns, any_case)
    said: list[ReadWarning] = []
    header, rows, header_row, sheets = xlsx.dict_rows(
        read_bytes(path),
        name,
        what,
        used=used,
        any_case=any_case,
        filled=filled,
        is_header=rule.is_header,
        is_record=rule.is_record,
        warn=said.append,
    )
    return FilledSheet(header, header_row, rows, sheets, warnings=tuple(said))


def text_rows(
    text: str,
    name: str,
    columns: Sequence[str],
    *,
    any_case: bool = True,
    used: Sequence[str] | None = None,
    last_cell: csv_read.LastCell | None = None,
    filled: Callable[[str], bool] | None = None,
) -> FilledSheet:
    """The CSV ``text`` of the file ``name``, read as :func:`sheet_rows` reads a CSV sheet
    (its header the first row holding every one of ``columns``, below title rows), for a
    reader that has read the text already (to tell it from another format)."""
    rule = _HeaderRule(columns, any_case)
    found = csv_read.sheet(text, name)  # the text split into lines once
    below = csv_read.below_title_rows(found, rule.is_header, rule.is_record)
    said = () if below is found else (csv_read.header_below_titles(name, below.skip + 1),)
    header, rows = csv_read.sheet_dict_rows(
        below, used=used, any_case=any_case, last_cell=last_cell, filled=filled
    )
    return FilledSheet(header, below.skip + 1, rows, [], below.dialect.delimiter, said)
