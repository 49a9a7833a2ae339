"""``extract import`` of a sheet cut short inside its last row (a download, copy or sync that
stopped): the cut row has all its cells when the cut falls in its last one, the ``as_exported``
mark, and was read as a row whose mark was typed over (exit 0). The mark's fixed form tells a
cut one: refused, naming the file and the row's line, nothing stored. A whole sheet without its
final line break, or whose last mark was emptied, is read as before."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from bad_input.protocol_helpers import imported_project, include_everything

from reviewkit.cli import main


@pytest.fixture
def sheet(tmp_path: Path) -> tuple[Path, Path]:
    """A project with every study included and its exported sheet, the first study's effect
    typed in (a change the import would store)."""
    project = imported_project(tmp_path / "project")
    include_everything(project)
    out = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(out), "--project", str(project)]) == 0
    rows = _rows(out)
    rows[1][rows[0].index("effect")] = "typed in the sheet"
    with out.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)  # CRLF line ends, as Excel saves
    return project, out


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _import(project: Path, path: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    argv = ["extract", "import", str(path), "--reviewer", "lead", "--project", str(project)]
    code = main(argv)
    got = capsys.readouterr()
    return code, got.out + got.err


def _stored(project: Path, tmp_path: Path) -> str:
    """The first study's effect as a new export shows it."""
    again = tmp_path / "again.csv"
    assert main(["extract", "export", str(again), "--project", str(project)]) == 0
    rows = _rows(again)
    return rows[1][rows[0].index("effect")]


@pytest.mark.parametrize("keep", [5, 9, 12, 1])  # letters of the last row's mark kept
def test_a_sheet_cut_inside_its_last_mark_is_refused(sheet, tmp_path, capsys, keep) -> None:
    # 5: 'rk3 a' (cut in the record's letters), 9: 'rk3 abcde' followed by a space kept,
    # 12: inside a field's chunk, 1: 'r'
    project, out = sheet
    text = out.read_text(encoding="utf-8").rstrip("\r\n")
    mark = text.rsplit(",", 1)[1]
    cut = text[: len(text) - len(mark) + keep + (keep == 9)]  # 9: cut after the space
    out.write_text(cut, encoding="utf-8", newline="")
    line = len(cut.splitlines())
    code, said = _import(project, out, capsys)
    assert code == 2, said
    assert f"error: {out}:{line}: the file ends inside the last row's 'as_exported' cell" in said
    assert "cut short" in said and "nothing was imported" in said
    assert "Traceback" not in said
    assert _stored(project, tmp_path) != "typed in the sheet"  # nothing stored


def test_a_whole_sheet_without_its_final_line_break_is_read(sheet, tmp_path, capsys) -> None:
    project, out = sheet
    out.write_text(out.read_text(encoding="utf-8").rstrip("\r\n"), encoding="utf-8", newline="")
    code, said = _import(project, out, capsys)
    assert code == 0, said
    assert "no mark" not in said
    assert _stored(project, tmp_path) == "typed in the sheet"


# emptied on purpose; text typed over it; emptied with the space bar: a cell cleared by typing a
# space starts with no version, no start of a mark, as the empty cell is not (it had been refused
# as a file cut short, exit 2)
@pytest.mark.parametrize("cell", ["", "checked", " ", "  ", " checked"])
def test_a_last_mark_emptied_typed_over_or_cleared_with_a_space_is_read(
    sheet, tmp_path, capsys, cell
) -> None:
    project, out = sheet
    text = out.read_text(encoding="utf-8").rstrip("\r\n")
    out.write_text(text.rsplit(",", 1)[0] + "," + cell, encoding="utf-8", newline="")
    code, said = _import(project, out, capsys)
    assert code == 0, said
    assert "had no mark in the 'as_exported' column" in said
    assert _stored(project, tmp_path) == "typed in the sheet"


@pytest.mark.parametrize("lead", ["", " "])
def test_a_whole_quoted_last_mark_is_read(sheet, tmp_path, capsys, lead) -> None:
    # LibreOffice's 'quote all text cells', no final line break; a space before the mark is
    # read past by the mark's reader, so no cut either
    project, out = sheet
    text = out.read_text(encoding="utf-8").rstrip("\r\n")
    head, mark = text.rsplit(",", 1)
    out.write_text(f'{head},"{lead}{mark}"', encoding="utf-8", newline="")
    code, said = _import(project, out, capsys)
    assert code == 0, said
    assert "no mark" not in said
    assert _stored(project, tmp_path) == "typed in the sheet"


@pytest.mark.parametrize(
    ("emptied", "said"), [(1, "1 row (line 2)"), (2, "2 rows (lines 2 and 3)")]
)
def test_rows_without_their_mark_are_counted_in_their_number(sheet, capsys, emptied, said) -> None:
    """'2 rows (line 2, 3) had no mark': the lines are named as every list of numbers is
    (wording.numbered), 'line' for one and 'lines' for several."""
    project, out = sheet
    rows = _rows(out)
    for row in rows[1 : 1 + emptied]:
        row[rows[0].index("as_exported")] = ""
    with out.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    code, told = _import(project, out, capsys)
    assert code == 0, told
    assert f"{said} had no mark in the 'as_exported' column" in " ".join(told.split()), told
