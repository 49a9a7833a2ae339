"""``extract import`` of the extraction sheet saved by Excel as a workbook (.xlsx), as
``conflicts import``, ``dedup review --read-csv`` and ``classify --evaluate`` read one: its
cells typed (a number a number, a date a date), its rows named as Excel numbers them. It was
refused: 'this is an Excel workbook (.xlsx), not a CSV sheet; save it as CSV'."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from bad_input.protocol_helpers import imported_project, include_everything
from openpyxl import Workbook

from reviewkit.cli import main


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Path, list[list[str]]]:
    """A project with every study included, and the rows of its exported extraction sheet."""
    project = imported_project(tmp_path / "project")
    include_everything(project)
    out = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(out), "--project", str(project)]) == 0
    return project, list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))


def _save(rows: list[list[object]], path: Path) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _import(project: Path, sheet: Path, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    argv = ["extract", "import", str(sheet), "--reviewer", "reviewer1", "--project", str(project)]
    code = main(argv)
    got = capsys.readouterr()
    return code, got.out, got.err


def _values(project: Path) -> dict[tuple[int, str], str]:
    from reviewkit.extract import values
    from reviewkit.project import open_project

    with open_project(project) as p:
        return {(rid, f): v for rid, row in values(p, {1, 2}).items() for f, v in row.items()}


def test_a_workbook_is_read_by_its_typed_cells(exported, tmp_path, capsys) -> None:
    project, rows = exported
    header = rows[0]
    typed: list[list[object]] = [list(r) for r in rows]
    typed[0][0] = "record_id"
    for row in typed[1:]:
        row[0] = int(row[0])  # Excel stores the ids as numbers
    typed[2][header.index("country")] = "Iceland"
    typed[2][header.index("effect")] = 2.5
    typed[2][header.index("intervention")] = dt.datetime(2020, 3, 1)
    code, out, err = _import(project, _save(typed, tmp_path / "sheet.xlsx"), capsys)
    assert code == 0, err
    assert "2 rows read, 3 values changed" in out
    got = _values(project)
    assert got[(2, "country")] == "Iceland" and got[(2, "effect")] == "2.5"
    assert got[(2, "intervention")] == "2020-03-01"
    assert got[(1, "country")] == "Norway"  # the other row: as stored


def test_a_bad_row_is_named_by_its_worksheet_row(exported, tmp_path, capsys) -> None:
    project, rows = exported
    rows[2][0] = "two"
    code, _, err = _import(project, _save([[], *rows], tmp_path / "sheet.xlsx"), capsys)
    assert code == 2
    assert f"{tmp_path / 'sheet.xlsx'}:4: record_id 'two' is not a number" in err
    assert "Traceback" not in err


def test_an_unknown_column_is_named_on_the_header_row(exported, tmp_path, capsys) -> None:
    project, rows = exported
    rows[0][rows[0].index("country")] = "Country of study"
    code, _, err = _import(project, _save([[], [], *rows], tmp_path / "sheet.xlsx"), capsys)
    assert code == 2
    assert f"{tmp_path / 'sheet.xlsx'}:3: unknown field 'Country of study'" in err
