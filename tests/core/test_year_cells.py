"""A spreadsheet's year cell that holds no year (formats.read_warnings): the record is imported
without a year, never silently: `reviewkit import` warns, naming the file, the line (an Excel
worksheet's row) and the column; a decimal year ('2020.0') is the year."""

from __future__ import annotations

from pathlib import Path

import pytest
from core.cli_imports import import_said

from reviewkit import formats
from reviewkit.formats.read_warnings import ReadWarning

# as a spreadsheet saves them: a typo, a filled-in empty cell, a number cell written as a
# decimal (pandas, some exports), a minus typed before it, an Excel date's serial number
CSV = (
    "Title,Published Year,DOI\n"
    "Sick leave and work,20201,10.1000/a\n"
    "Return to work,0,10.1000/b\n"
    "Graded sick leave,2020.0,10.1000/c\n"
    "Work ability,-2019,10.1000/d\n"
    "Occupational health,43952,10.1000/e\n"
    "Vocational rehabilitation,,10.1000/f\n"
)


def test_csv_year_cells_without_a_year_are_warned_of_by_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # before: '20201', '0' and '43952' were stored as no year, and nothing was said
    path = tmp_path / "refs.csv"
    path.write_text(CSV, encoding="utf-8")
    err = import_said(tmp_path, path, capsys)
    assert f"warning: {path}:2: column 'Published Year': '20201' is no year" in err
    assert f"warning: {path}:3: column 'Published Year': '0' is no year" in err
    assert f"warning: {path}:6: column 'Published Year': '43952' is no year" in err
    assert "imported without one" in err
    assert err.count("warning:") == 3  # not the decimal, the minus, nor the empty cell
    years = [r.year for r in formats.read_file(path)]
    assert years == [None, None, 2020, 2019, None, None]


def test_the_public_reader_tells_its_warn_callback(tmp_path: Path) -> None:
    path = tmp_path / "refs.csv"
    path.write_text(CSV, encoding="utf-8")
    seen: list[ReadWarning] = []
    assert len(list(formats.read_file(path, warn=seen.append))) == 6
    assert [w.where for w in seen] == [f"{path}:2", f"{path}:3", f"{path}:6"]
    assert len(list(formats.read_file(path))) == 6  # and reads without one


def test_excel_year_cells_are_warned_of_by_worksheet_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    # the table starts on row 3, and row 4's abstract has line breaks: the warning names row 5
    rows = {3: ("Title", "Abstract", "Year"), 4: ("Sick leave", "AIM: a\nMETHODS: b", 2020.0)}
    rows |= {5: ("Return to work", "x", 20201), 6: ("Work ability", "y", "2019")}
    for number, cells in rows.items():
        for column, value in zip("ABC", cells, strict=True):
            sheet[f"{column}{number}"] = value
    path = tmp_path / "refs.xlsx"
    book.save(path)
    err = import_said(tmp_path, path, capsys)
    assert f"warning: {path}:5: column 'Year': '20201' is no year" in err
    assert err.count("warning:") == 1
    assert [r.year for r in formats.read_file(path)] == [2020, None, 2019]


def test_past_twenty_warnings_the_rest_are_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = "".join(f"Study {i},n.d.,10.1000/{i}\n" for i in range(25))
    path = tmp_path / "refs.csv"
    path.write_text("Title,Year,DOI\n" + rows, encoding="utf-8")
    err = import_said(tmp_path, path, capsys)
    assert err.count("is no year") == 20
    assert f"warning: {path}: 5 more values like these" in err
