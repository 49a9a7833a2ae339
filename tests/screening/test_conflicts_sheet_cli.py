"""`reviewkit conflicts --csv FILE` and `conflicts import FILE`: the open conflicts written as a
sheet with the import's columns empty, filled by a lead and read back unchanged but for them."""

from __future__ import annotations

import csv
import shlex

from conftest import add_records
from screening.helpers import conflict_on, make_records

from reviewkit.cli import main

TA = "title-abstract"


def cli(project, *args):
    return main(["conflicts", "--project", str(project.folder), *args])


def _read(path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def test_the_sheet_filled_in_two_rows_resolves_those_two(project_b, tmp_path, capsys):
    a, b, c = add_records(project_b, make_records(3))
    conflict_on(project_b, [a, b, c], checked=True)
    sheet = tmp_path / "conflicts.csv"
    assert cli(project_b, "--resolver", "lead", "--csv", str(sheet)) == 0
    assert f"wrote 3 open conflicts at {TA} to {sheet}" in capsys.readouterr().out
    header, rows = _read(sheet)
    assert header[:5] == ["record", "decision", "reason", "note", "stage"]
    assert [r["record"] for r in rows] == [str(a), str(b), str(c)]
    first = rows[0]
    assert (first["decision"], first["reason"], first["note"], first["stage"]) == ("", "", "", TA)
    assert first["title"] == "Study 1: return to work after sick leave for back pain"
    assert (first["year"], first["pmid"], first["doi"]) == ("2011", "1001", "10.1000/test.1")
    votes = {(first[f"reviewer_{i}"], first[f"label_{i}"], first[f"reason_{i}"]) for i in (1, 2)}
    assert votes == {("reviewer1", "include", ""), ("reviewer2", "exclude", "health-only")}
    assert "employment outcomes in trial 1" in first["abstract"]

    rows[0].update(decision="exclude", reason="health-only", note="CBT only")
    rows[2].update(decision="include")
    with open(sheet, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header)
        writer.writeheader()
        writer.writerows(rows)
    assert cli(project_b, "import", str(sheet), "--resolver", "lead") == 0
    assert f"2 final decisions from {sheet}; 1 conflict open at {TA}" in capsys.readouterr().out

    assert cli(project_b, "--list", "--resolver", "lead") == 0
    listed = [line.split("\t")[:2] for line in capsys.readouterr().out.splitlines()]
    states = {int(line[0]): line[1] for line in listed if line[0]}
    assert states == {a: "resolved", b: "open", c: "resolved"}
    # written again: the one left open
    assert cli(project_b, "--resolver", "lead", "--csv", str(sheet)) == 0
    assert [r["record"] for r in _read(sheet)[1]] == [str(b)]


def test_a_sheet_of_no_open_conflicts_is_its_header_and_says_why(project_b, tmp_path, capsys):
    sheet = tmp_path / "conflicts.csv"
    assert cli(project_b, "--resolver", "lead", "--csv", str(sheet)) == 0
    out = capsys.readouterr().out
    assert f"wrote 0 open conflicts at {TA} to {sheet} (no conflict is open at this stage" in out
    assert _read(sheet) == (
        ["record", "decision", "reason", "note", "stage", "title", "authors", "year"]
        + ["journal", "pmid", "doi"]
        + [f"{c}_{i}" for i in (1, 2) for c in ("reviewer", "label", "reason", "notes")]
        + ["abstract"],
        [],
    )


def test_csv_does_not_go_with_a_subcommand(project_b, tmp_path, capsys):
    sheet = tmp_path / "conflicts.csv"
    assert cli(project_b, "--csv", str(sheet), "import", str(sheet)) == 2
    assert (
        "--csv FILE writes the conflicts; it does not go with 'import'" in capsys.readouterr().err
    )
    assert not sheet.exists()


def test_the_import_command_the_sheet_names_runs_as_written(
    project_b, tmp_path, capsys, monkeypatch
):
    """`--csv` ends by naming the command that reads the sheet back. It said 'reviewkit conflicts
    import FILE' alone, so a lead who typed it got the login name as resolver ('root' is not a
    reviewer or a lead) and nothing stored: it names the resolver the sheet was written for."""
    import shlex

    monkeypatch.delenv("REVIEWKIT_RESOLVER")  # a lead's shell, as the README's walk-through has it
    (a,) = add_records(project_b, make_records(1))
    conflict_on(project_b, [a], checked=True)
    sheet = tmp_path / "the conflicts.csv"
    assert cli(project_b, "--resolver", "lead", "--csv", str(sheet)) == 0
    command = capsys.readouterr().out.split("then '", 1)[1].removesuffix("')\n")
    header, rows = _read(sheet)
    rows[0].update(decision="include")
    with open(sheet, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header)
        writer.writeheader()
        writer.writerows(rows)
    args = shlex.split(command)
    assert args[:3] == ["reviewkit", "conflicts", "import"]
    monkeypatch.chdir(project_b.folder)
    assert main(args[1:]) == 0, capsys.readouterr().err
    assert f"1 final decision from {sheet}; 0 conflicts open" in capsys.readouterr().out


def test_the_import_line_names_the_project_given_and_runs_on_it_when_copied(
    project_b, tmp_path, monkeypatch, capsys
):
    """The closing line said 'reviewkit conflicts import FILE --resolver lead' to a lead who had
    typed --project from another folder: copied, it read the current folder as the project and
    failed (or imported into another). It names the project; the copied line resolves here."""
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    monkeypatch.chdir(tmp_path)  # another folder than the project's
    sheet = tmp_path / "conflicts.csv"
    assert cli(project_b, "--resolver", "lead", "--csv", str(sheet)) == 0
    then = capsys.readouterr().out.rsplit("then '", 1)[1].removesuffix("')\n")
    assert f"--project {project_b.folder}" in then
    header, rows = _read(sheet)
    for row in rows:
        row.update(decision="include")
    with open(sheet, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header)
        writer.writeheader()
        writer.writerows(rows)
    command = shlex.split(then)
    assert command[0] == "reviewkit"
    assert main(command[1:]) == 0
    assert f"2 final decisions from {sheet}; 0 conflicts open at {TA}" in capsys.readouterr().out
