"""`conflicts import` of a sheet written by `conflicts --csv FILE` whose votes changed after it
was written: the lead settled the rows on the votes the sheet showed, and a final written after
the new votes would count them as seen (never asked again), as on the conflicts screen. The row
is refused, nothing written; a row without the sheet's vote columns (typed by hand) is not
checked: nothing tells what its writer read."""

from __future__ import annotations

import csv

from conftest import add_records
from screening.helpers import conflict_on, make_records

from reviewkit import screening as scr
from reviewkit.cli import main

TA = "title-abstract"


def cli(project, *args):
    return main(["conflicts", "--project", str(project.folder), *args])


def _fill(sheet, decisions: dict[str, str]) -> None:
    with open(sheet, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header, rows = list(reader.fieldnames or []), list(reader)
    for row in rows:
        row["decision"] = decisions.get(row["record"], "")
    with open(sheet, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header)
        writer.writeheader()
        writer.writerows(rows)


def test_a_sheet_row_whose_votes_changed_since_it_was_written_is_refused(
    project_b, tmp_path, capsys
):
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    sheet = tmp_path / "conflicts.csv"
    assert cli(project_b, "--resolver", "lead", "--csv", str(sheet)) == 0
    _fill(sheet, {str(a): "include", str(b): "include"})
    scr.decide(project_b.db, a, TA, "reviewer1", "uncertain")  # still a conflict, other votes
    capsys.readouterr()
    assert cli(project_b, "import", str(sheet), "--resolver", "lead") == 2
    err = " ".join(capsys.readouterr().err.split())
    assert (
        f"1 of the sheet's rows refused, nothing written: {sheet}:2: the votes on record {a} at"
        f" the {TA} stage changed after the sheet showed them"
    ) in err
    assert "write the sheet again" in err
    assert scr.stage_outcomes(project_b, TA)[b].status == "conflict"  # nothing written
    assert cli(project_b, "--resolver", "lead", "--csv", str(sheet)) == 0  # read again
    _fill(sheet, {str(a): "include", str(b): "include"})
    assert cli(project_b, "import", str(sheet), "--resolver", "lead") == 0
    assert {scr.stage_outcomes(project_b, TA)[r].status for r in (a, b)} == {"include"}


def test_a_row_typed_without_the_vote_columns_is_not_checked(project_b, tmp_path):
    (a,) = add_records(project_b, make_records(1))
    conflict_on(project_b, [a], checked=True)
    scr.decide(project_b.db, a, TA, "reviewer1", "uncertain")
    sheet = tmp_path / "mine.csv"
    sheet.write_text(f"record,decision\n{a},include\n", encoding="utf-8")
    assert cli(project_b, "import", str(sheet), "--resolver", "lead") == 0
    assert scr.stage_outcomes(project_b, TA)[a].status == "include"
