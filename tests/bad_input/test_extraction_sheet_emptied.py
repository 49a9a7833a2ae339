"""``extract export`` onto a sheet with cells a person emptied: the new sheet shows the
project's value there again, and the export says so. The row's ``as_exported`` mark tells an
emptied cell for sure (the sheet showed a value there), whenever the project's value was set;
only a sheet without the mark is judged by the file's time, and the warning says it is a guess."""

from __future__ import annotations

import csv
import io
import os
import time
from pathlib import Path

import pytest
from bad_input.protocol_helpers import imported_project, include_everything

from reviewkit.cli import main


@pytest.fixture
def sheet(tmp_path: Path) -> tuple[Path, Path, str]:
    """A project with every study included, its sheet exported with the first study's effect
    shown as '1.50', and that study's record id."""
    project = imported_project(tmp_path / "project")
    include_everything(project)
    out = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(out), "--project", str(project)]) == 0
    rid = _rows(out)[1][0]
    _set(project, rid, "1.50")
    assert main(["extract", "export", str(out), "--project", str(project)]) == 0
    return project, out, rid


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _set(project: Path, rid: str, effect: str) -> None:
    argv = ["extract", "set", rid, f"effect={effect}", "--reviewer", "reviewer2"]
    assert main([*argv, "--project", str(project)]) == 0


def _save(path: Path, effect: str, *, mark: bool = True, when: float | None = None) -> None:
    """The first study's effect cell set to ``effect`` and the sheet saved as a spreadsheet
    saves a CSV (without its as_exported column unless ``mark``), at ``when``."""
    rows = _rows(path)
    rows[1][rows[0].index("effect")] = effect
    if not mark:
        rows = [row[:-1] for row in rows]
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    if when is not None:
        os.utime(path, (when, when))


def _export(project: Path, out: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["extract", "export", str(out), "--project", str(project)])
    got = capsys.readouterr()
    return code, got.out + got.err


def _effect(out: Path) -> str:
    rows = _rows(out)
    return rows[1][rows[0].index("effect")]


def test_a_cell_emptied_before_the_project_value_changed_is_named(sheet, capsys) -> None:
    # the sheet showed '1.50' and was emptied and saved; another reviewer set 2.0 after that
    # save: the file's time called it new to the sheet, the mark says it was emptied there
    project, out, rid = sheet
    _save(out, "", when=time.time() - 60)
    _set(project, rid, "2.0")
    code, said = _export(project, out, capsys)
    assert code == 0, said
    assert f"warning: {out}:2: record {rid}'s effect was emptied in the sheet written over" in said
    assert "'2.0' again" in said and "extract set" in said and "guess" not in said
    assert _effect(out) == "2.0"


def test_a_cell_the_sheet_showed_empty_is_not_called_emptied(sheet, capsys) -> None:
    # the sheet showed the effect empty; it was filled in the project before the sheet was
    # last saved: the file's time called it emptied, the mark says the sheet showed it empty
    project, out, rid = sheet
    _set(project, rid, "")
    assert _export(project, out, capsys)[0] == 0 and _effect(out) == ""
    _set(project, rid, "3.0")
    _save(out, "", when=time.time() + 60)
    code, said = _export(project, out, capsys)
    assert code == 0 and "warning" not in said, said
    assert _effect(out) == "3.0"


def test_a_sheet_without_the_mark_is_judged_by_its_time_and_says_so(sheet, capsys) -> None:
    project, out, rid = sheet
    _save(out, "", mark=False, when=time.time() + 60)
    code, said = _export(project, out, capsys)
    assert code == 0, said
    assert f"warning: {out}:2: record {rid}'s effect was empty in the sheet written over" in said
    assert "the sheet's 'as_exported' mark did not say what it showed there" in said
    assert "guess by the file's time" in said
    assert _effect(out) == "1.50"
    # a value stored after that save is new to the sheet: not named
    _save(out, "", mark=False, when=time.time() - 60)
    _set(project, rid, "2.0")
    code, said = _export(project, out, capsys)
    assert code == 0 and "warning" not in said, said


def test_a_guess_is_said_of_the_cells_the_mark_did_not_cover(sheet, capsys) -> None:
    # the protocol gained a field after the export and the project set it before the sheet was
    # saved, its column added by hand and left empty; the effect was emptied. The row has its
    # mark: it tells the effect (emptied) but not the gained field (a guess by the file's time),
    # and the warning must not say the row had no mark, nor count cells as rows
    project, out, rid = sheet
    protocol = project / "protocol.toml"
    protocol.write_text(
        protocol.read_text(encoding="utf-8")
        + '\n[[extraction]]\nid = "funding"\nname = "Funding"\n',
        encoding="utf-8",
    )
    argv = ["extract", "set", rid, "funding=Public", "--reviewer", "reviewer2"]
    assert main([*argv, "--project", str(project)]) == 0
    rows = _rows(out)
    rows[1][rows[0].index("effect")] = ""
    rows = [[*row[:-1], "funding" if i == 0 else "", row[-1]] for i, row in enumerate(rows)]
    with out.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    os.utime(out, (time.time() + 60, time.time() + 60))
    code, said = _export(project, out, capsys)
    assert code == 0, said
    assert f"record {rid}'s effect was emptied in the sheet written over (and 1 more cell)" in said
    assert "for 1 of them the sheet's 'as_exported' mark did not say what it showed" in said
    assert "had no" not in said and "rows" not in said, said


def test_two_cells_of_a_row_without_the_mark_are_two_cells(sheet, capsys) -> None:
    project, out, rid = sheet
    argv = ["extract", "set", rid, "country=Norway", "--reviewer", "reviewer2"]
    assert main([*argv, "--project", str(project)]) == 0
    rows = [row[:-1] for row in _rows(out)]  # no as_exported column
    for column in ("effect", "country"):
        rows[1][rows[0].index(column)] = ""
    with out.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    os.utime(out, (time.time() + 60, time.time() + 60))
    code, said = _export(project, out, capsys)
    assert code == 0, said
    assert "(and 1 more cell)" in said and "for 2 of them" in said
    assert "rows" not in said, said
