"""The extraction sheet read back after a spreadsheet edited it: the title beside each
record_id is that study's, as a person may have retyped it; a title of another study (a
sheet sorted apart from its ids, or another project's) is refused, nothing written."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from bad_input.protocol_helpers import imported_project, include_everything

from reviewkit.cli import main


@pytest.fixture
def sheet(tmp_path: Path) -> tuple[Path, list[list[str]]]:
    """A project with every study included, and the rows of its exported extraction sheet."""
    project = imported_project(tmp_path / "project")
    include_everything(project)
    out = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(out), "--project", str(project)]) == 0
    return project, list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))


def read_back(project: Path, rows: list[list[str]], capsys) -> tuple[int, str]:
    edited = project.parent / "edited.csv"
    with edited.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    capsys.readouterr()
    argv = ["extract", "import", str(edited), "--reviewer", "reviewer1"]
    code = main([*argv, "--project", str(project)])
    out, err = capsys.readouterr()
    return code, out + err


def countries(project: Path, capsys) -> str:
    out = project.parent / "again.csv"
    assert main(["extract", "export", str(out), "--project", str(project)]) == 0
    return "|".join(row["country"] for row in csv.DictReader(out.open(encoding="utf-8")))


def test_a_title_retyped_in_capitals_or_emptied_is_the_study(sheet, capsys) -> None:
    project, rows = sheet
    title = rows[0].index("title")
    rows[1][title] = rows[1][title].upper().rstrip(".") + "  "
    rows[2][title] = ""
    rows[1][rows[0].index("country")] = "Iceland"
    code, out = read_back(project, rows, capsys)
    assert code == 0, out
    assert countries(project, capsys).startswith("Iceland|")


def test_titles_sorted_apart_from_the_ids_write_nothing(sheet, capsys) -> None:
    project, rows = sheet
    before = countries(project, capsys)
    title = rows[0].index("title")
    rows[1][title], rows[2][title] = rows[2][title], rows[1][title]
    rows[1][rows[0].index("country")] = "Iceland"
    code, out = read_back(project, rows, capsys)
    assert code == 2, out
    assert "edited.csv:2: record 1 of this project is titled" in out
    assert "nothing was written" in out
    assert countries(project, capsys) == before


def test_a_note_above_the_header_is_said_at_import_and_at_export(sheet, capsys) -> None:
    """A note typed above the sheet's header: its import reads the rows and says the line the
    header was read on; an export over that sheet (which reads it for values typed in) says
    it too, once each."""
    project, rows = sheet
    rows[1][rows[0].index("country")] = "Iceland"
    code, out = read_back(project, [["Checked by AB, 3 May"], *rows], capsys)
    edited = project.parent / "edited.csv"
    said = f"warning: {edited}:2: the header row is read on this line"
    assert code == 0 and out.count(said) == 1, out
    assert countries(project, capsys).startswith("Iceland|")
    assert main(["extract", "export", str(edited), "--project", str(project)]) == 0
    assert capsys.readouterr().err.count(said) == 1
