"""Excel workbooks as Excel leaves them: a recorded range far larger than the data (whole rows
and columns formatted), and a large shared strings table; read through `reviewkit import`."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from benchmarks.bench_import import excel_workbook, reference_rows
from reviewkit import formats
from reviewkit.cli import main
from reviewkit.errors import FormatError
from reviewkit.formats import xlsx

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "rtw-systematic-reviews.toml"


def _import(tmp_path: Path, data: bytes) -> Path:
    folder, path = tmp_path / "review", tmp_path / "refs.xlsx"
    path.write_bytes(data)
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(path), "--project", str(folder)]) == 0
    return path


def test_a_sheet_formatted_far_beyond_its_data_is_read_up_to_its_last_value(
    tmp_path: Path,
) -> None:
    # the sheet's range says 3,000 rows x 16,000 columns (styled empty cells), around a header,
    # 20 records and one value beyond the named columns: each row was padded to 16,000 cells
    # and 2,980 empty rows written, 48 MB of commas for 20 records
    rows = reference_rows(20)
    rows[5] = [*rows[5], "", "a note beyond the header"]
    path = _import(tmp_path, excel_workbook(rows, extent=(3000, 16000)))
    text = xlsx.to_text(path.read_bytes(), path.name)
    lines = text.splitlines()
    assert len(lines) == 21
    assert lines[0] == "Title,Year,Abstract,,"  # padded to the widest row, as the range did
    records = list(formats.read_file(path))
    assert [r.title for r in records] == [f"Return to work study {i}" for i in range(20)]
    assert (records[4].year, records[19].year) == (2004, 2019)


def test_the_shared_strings_table_is_held_compactly(tmp_path: Path) -> None:
    # 50,000 short strings no cell uses (a part may expand to 256 MiB: 20 million of them):
    # one Python string each, with the XML parser's leftover element, held 7 MB; in blocks, 1 MB
    rows = reference_rows(3)
    rows.append(["Ünïcode tîtle ✓", 2021, "x" * 2000])
    path = _import(tmp_path, excel_workbook(rows, unused_strings=50_000))
    data = path.read_bytes()
    tracemalloc.start()
    try:
        text = xlsx.to_text(data, path.name)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 << 20, f"{peak / 2**20:.1f} MB"
    records = list(formats.read_file(path))
    assert [r.title for r in records][-2:] == ["Return to work study 2", "Ünïcode tîtle ✓"]
    assert records[-1].abstract == "x" * 2000
    assert text.count("\n") == 5


def _workbook(path: Path, cells: dict[str, object]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    for ref, value in cells.items():
        book.active[ref] = value
    book.save(path)
    return path


def test_a_header_below_blank_rows_is_the_header(tmp_path: Path) -> None:
    """The header was the first row, blank or not: a sheet whose table starts on row 3 was
    'no title column among the headers: (none)'."""
    path = _workbook(tmp_path / "refs.xlsx", {"A3": "Title", "B3": "Year", "A5": "Sick leave"})
    (record,) = formats.read_file(path)
    assert record.title == "Sick leave"


def test_messages_name_the_worksheet_row_after_cells_with_line_breaks(tmp_path: Path) -> None:
    """A structured abstract's line breaks made the table's line numbers run ahead of the
    rows: a bad row 4 was reported at line 8, a row the user could not find."""
    cells = {
        "A2": "Title",
        "B2": "Abstract",
        "C2": "Year",
        "A3": "Sick leave",
        "B3": "AIM: a\nMETHODS: b\r\nC: c",
    }
    cells |= {"A4": "Return to work", "B4": "x\ny", "C6": "2021"}  # a year alone: refused
    path = _workbook(tmp_path / "refs.xlsx", cells)
    with pytest.raises(FormatError) as caught:
        list(formats.read_file(path))
    assert caught.value.where == f"{path}:6"
