"""The three import warnings naming the first record holding what was lost or is no text (text
decoded in a wrong encoding, control characters, U+FFFD: formats.read_warnings.record_at) read
from a real Excel workbook, through `reviewkit import`: each names the worksheet's row as Excel
numbers it (below title rows and a blank row), never a 'line' of the zip archive the workbook
is. The CSV, tagged and XML files are tested in test_warned_records_by_line.py.

Guards: all three named the row rightly when written (round 47); they fail when a workbook's
record is named by a 'line' (read_warnings.line_noun) or by its number in the file."""

from __future__ import annotations

from pathlib import Path

from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main

ROW = 5  # below a title row, a blank row and the header: the second record's row: the one holding what is warned of


def _import_workbook(tmp_path: Path, capsys, title: str) -> tuple[str, Path]:
    """A workbook written by openpyxl (as Excel writes one), its second record titled
    ``title``, imported into a fresh project; what the import said."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Search results: work and health, 2024-05-01"])
    sheet.append([])
    sheet.append(["Title", "Abstract", "Year", "DOI"])
    sheet.append(["Return to work", "Workers were followed for a year.", 2020, "10.1000/a"])
    sheet.append([title, "Workers were followed for two years.", 2021, "10.1000/b"])
    path = tmp_path / "export.xlsx"
    book.save(path)
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 0
    return capsys.readouterr().err, path


def test_text_decoded_wrongly_names_the_records_row(tmp_path: Path, capsys) -> None:
    err, path = _import_workbook(tmp_path, capsys, "CafÃ© workers")
    assert f"warning: {path}: 1 record held text decoded in a wrong encoding" in err, err
    assert f"'Ã©' for 'é'; first: record at row {ROW})" in err, err


def test_control_characters_name_the_records_row(tmp_path: Path, capsys) -> None:
    # '_x0001_': how Excel writes a character XML cannot hold (ECMA-376 ST_Xstring)
    err, path = _import_workbook(tmp_path, capsys, "Return_x0001_ to_x0002_ work")
    assert f"warning: {path}: 1 record held control characters" in err, err
    assert f"U+0002 ×1; first: record at row {ROW})" in err, err


def test_replacement_character_names_the_records_row(tmp_path: Path, capsys) -> None:
    """A workbook is no text file: the warning names the file and the record's row, not a
    line of the archive's bytes."""
    err, path = _import_workbook(tmp_path, capsys, "Sykefrav\ufffdr")
    assert f"warning: {path}: 1 record holds U+FFFD" in err, err
    assert f"(first: record at row {ROW});" in err, err
