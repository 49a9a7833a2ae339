"""``extract export`` onto an extraction sheet a person has filled in: values typed there and
not read back are not written over (refused, naming the first, unless --force); a sheet whose
values the project has (exported again, or read back first) is written over as before."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from bad_input.protocol_helpers import imported_project, include_everything

from reviewkit.cli import main


@pytest.fixture
def sheet(tmp_path: Path) -> tuple[Path, Path]:
    """A project with every study included, and its exported extraction sheet."""
    project = imported_project(tmp_path / "project")
    include_everything(project)
    out = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(out), "--project", str(project)]) == 0
    return project, out


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _type_in(path: Path, value: str) -> None:
    """A person's value in the first study's country cell, saved as a spreadsheet saves."""
    rows = _rows(path)
    rows[1][rows[0].index("country")] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


def _export(project: Path, out: Path, capsys, *more: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["extract", "export", str(out), "--project", str(project), *more])
    got = capsys.readouterr()
    return code, got.out + got.err


def test_typed_values_are_not_written_over(sheet, capsys) -> None:
    project, out = sheet
    _type_in(out, "Iceland")
    before = out.read_bytes()
    code, said = _export(project, out, capsys)
    assert code == 2, said
    assert f"{out}:2: the sheet holds values typed in" in said
    assert "country 'Iceland'" in said
    assert "extract import" in said and "--force" in said
    assert out.read_bytes() == before


def test_force_writes_over_them(sheet, capsys) -> None:
    project, out = sheet
    _type_in(out, "Iceland")
    code, said = _export(project, out, capsys, "--force")
    assert code == 0, said
    assert "Iceland" not in out.read_text(encoding="utf-8-sig")


def test_read_back_first_then_exported_again(sheet, capsys) -> None:
    project, out = sheet
    _type_in(out, "Iceland")
    argv = ["extract", "import", str(out), "--reviewer", "reviewer1", "--project", str(project)]
    assert main(argv) == 0
    code, said = _export(project, out, capsys)
    assert code == 0, said
    assert "Iceland" in out.read_text(encoding="utf-8-sig")


def test_an_untouched_sheet_is_written_again(sheet, capsys) -> None:
    project, out = sheet
    code, said = _export(project, out, capsys)
    assert code == 0, said


def test_a_value_changed_in_the_project_since_is_no_typed_value(sheet, capsys) -> None:
    # the sheet's cell is the value the project had when it was written: not typed work
    project, out = sheet
    rows = _rows(out)
    rid = rows[1][0]
    argv = ["extract", "set", rid, "country=Denmark", "--reviewer", "reviewer1"]
    assert main([*argv, "--project", str(project)]) == 0
    _type_in(out, rows[1][rows[0].index("country")] or "")
    code, said = _export(project, out, capsys)
    assert code == 0, said
    assert "Denmark" in out.read_text(encoding="utf-8-sig")


def test_a_sheet_that_cannot_be_read_is_not_written_over(sheet, capsys) -> None:
    project, out = sheet
    out.write_bytes(out.read_bytes() + b'"an unclosed quote\n')
    before = out.read_bytes()
    code, said = _export(project, out, capsys)
    assert code == 2, said
    assert "cannot be read to see whether it holds values typed in" in said
    assert "--force" in said and out.read_bytes() == before
