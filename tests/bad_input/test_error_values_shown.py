"""A spreadsheet's error value ('#NAME?') is refused only in the cells a person fills, not in
the cells of a sheet reviewkit wrote that show the project's own values (a title, a reviewer's
note): a record titled '#NAME?' by a RIS file, or a note typed '#N/A', is the project's, not a
text a spreadsheet lost, and the sheet written of it, filled and read back unchanged but for
the cells filled, was refused with a hint the user could not follow. And a read column is
checked whatever the case of its name: a labelled set headed 'Title', as Excel users and
exports head it, was read with a study titled '#NAME?'; and a gold sheet's column no one reads
(a helper column's failed lookup, '#N/A') is not."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bad_input.protocol_helpers import imported_project, include_everything
from conftest import add_records
from screening.helpers import conflict_on, make_records

from reviewkit.cli import main

ERROR_TITLED_RIS = """TY  - JOUR
TI  - #NAME?
AU  - Smith, John
AU  - Berg, Tove
PY  - 2019
JO  - Occupational Medicine
VL  - 69
SP  - 201
EP  - 209
ER  -

TY  - JOUR
TI  - Return to work after sick leave: a cohort
AU  - Smith, John
AU  - Berg, Tove
PY  - 2019
JO  - Occupational Medicine
VL  - 69
SP  - 201
EP  - 209
ER  -
"""


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def _write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


def _set(rows: list[list[str]], line: int, column: str, value: str) -> None:
    rows[line][rows[0].index(column)] = value


def _error_titled(tmp_path: Path) -> Path:
    """A project whose RIS import titled a record '#NAME?' (a library fed a spoilt sheet)."""
    project = imported_project(tmp_path / "project")
    ris = tmp_path / "spoilt.ris"
    ris.write_text(ERROR_TITLED_RIS, encoding="utf-8")
    assert main(["import", str(ris), "--project", str(project)]) == 0
    return project


def test_the_dedup_queue_of_a_record_titled_with_an_error_value_reads_back(tmp_path, capsys):
    project = _error_titled(tmp_path)
    assert main(["dedup", "--project", str(project)]) == 0
    queue = tmp_path / "queue.csv"
    argv = ["dedup", "review", "--project", str(project), "--reviewer", "lead"]
    assert main([*argv, "--csv", str(queue)]) == 0
    rows = _rows(queue)
    line = next(i for i, row in enumerate(rows) if "#NAME?" in row)
    _set(rows, line, "verdict", "different")
    _write(queue, rows)
    capsys.readouterr()
    assert main([*argv, "--read-csv", str(queue), "--yes"]) == 0, capsys.readouterr().err
    # the verdict a person fills is still checked
    _set(rows, line, "verdict", "#NAME?")
    _write(queue, rows)
    assert main([*argv, "--read-csv", str(queue), "--yes"]) == 2
    assert f"{queue}:{line + 1}: the 'verdict' cell holds '#NAME?'" in capsys.readouterr().err


def test_the_extraction_sheet_of_a_record_titled_with_an_error_value_reads_back(tmp_path, capsys):
    project = _error_titled(tmp_path)
    include_everything(project)
    sheet = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(sheet), "--project", str(project)]) == 0
    rows = _rows(sheet)
    line = next(i for i, row in enumerate(rows) if "#NAME?" in row)
    _set(rows, line, "country", "Iceland")
    _write(sheet, rows)
    argv = ["extract", "import", str(sheet), "--reviewer", "reviewer1", "--project", str(project)]
    capsys.readouterr()
    assert main(argv) == 0, capsys.readouterr().err
    _set(rows, line, "country", "#NAME?")  # a field's cell is the person's: still checked
    _write(sheet, rows)
    assert main(argv) == 2
    assert f"{sheet}:{line + 1}: the 'country' cell holds '#NAME?'" in capsys.readouterr().err


def test_the_conflicts_sheet_showing_a_note_typed_as_an_error_value_reads_back(
    project_b, tmp_path, capsys
):
    records = make_records(2)
    records[0].title = "#NAME?"
    a, b = add_records(project_b, records)
    conflict_on(project_b, [a, b], checked=True)
    sheet = tmp_path / "conflicts.csv"
    cli = ["conflicts", "--project", str(project_b.folder)]
    assert main([*cli, "--resolver", "lead", "--csv", str(sheet)]) == 0
    rows = _rows(sheet)
    _set(rows, 1, "decision", "include")
    _set(rows, 2, "decision", "include")
    _set(rows, 2, "notes_1", "#N/A")  # as a reviewer's note may read
    _write(sheet, rows)
    capsys.readouterr()
    assert main([*cli, "import", str(sheet), "--resolver", "lead"]) == 0, capsys.readouterr().err


def test_a_labelled_set_headed_in_capitals_is_checked_too(tmp_path, capsys):
    path = tmp_path / "dataset.csv"
    rows = ["#NAME?,An abstract on work,1", "Return to work,Another,1", "Sick leave,More,0"]
    path.write_text("Title,Abstract,label_included\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert main(["simulate", str(path)]) == 2
    assert f"{path}:2: the 'Title' cell holds '#NAME?'" in capsys.readouterr().err


def test_a_gold_sheet_is_checked_in_the_columns_read_as_text(tmp_path, capsys):
    path = tmp_path / "gold.csv"
    protocol = Path(__file__).resolve().parents[2] / "protocols" / "rtw-cmd-psychological.toml"
    argv = ["classify", "--evaluate", str(path), "--protocol", str(protocol), "--gold", "gold"]
    argv += ["--scheme", "intervention"]
    head = "title,abstract,lookup,gold\n"
    path.write_text(head + "Return to work,Workers on sick leave.,#N/A,workplace\n")
    assert main(argv) == 0, capsys.readouterr().err
    path.write_text(head + "Return to work,#VALUE!,found,workplace\n")
    assert main(argv) == 2
    assert f"{path}:2: the 'abstract' cell holds '#VALUE!'" in capsys.readouterr().err


def test_a_failed_formula_is_told_as_one_with_its_fix(tmp_path, capsys):
    project = imported_project(tmp_path / "project")
    include_everything(project)
    sheet = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(sheet), "--project", str(project)]) == 0
    rows = _rows(sheet)
    _set(rows, 1, "country", "#DIV/0!")  # a share typed as a formula that divided by zero
    _write(sheet, rows)
    capsys.readouterr()
    argv = ["extract", "import", str(sheet), "--reviewer", "reviewer1", "--project", str(project)]
    assert main(argv) == 2
    said = " ".join(capsys.readouterr().err.split())
    assert f"{sheet}:2: the 'country' cell holds '#DIV/0!'" in said
    assert "a formula that fails" in said and "mend the formula or clear the cell" in said
