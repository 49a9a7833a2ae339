"""`conflicts import` of workbooks as a lead shapes them in Excel: cells merged down several
rows (one 'exclude' shown beside three records, stored in the first cell alone), the sheet of
decisions not the first of the workbook, and two columns whose names differ only in case."""

from __future__ import annotations

from conftest import add_records
from openpyxl import Workbook
from screening.helpers import conflict_on, finals_in_log, import_conflicts, make_records


def test_a_decision_merged_down_three_rows_is_refused_not_read_as_open(project_b, tmp_path, capsys):
    a, b, c = add_records(project_b, make_records(3))
    conflict_on(project_b, [a, b, c], checked=True)
    book = Workbook()
    sheet = book.active
    for row in (["record", "decision", "reason"], [a, "exclude", "health-only"], [b], [c]):
        sheet.append(row)
    sheet.merge_cells("B2:B4")  # Excel shows 'exclude' beside a, b and c
    sheet.merge_cells("C2:C4")
    book.save(tmp_path / "conflicts.xlsx")
    assert import_conflicts(project_b, tmp_path / "conflicts.xlsx") == 2
    err = capsys.readouterr().err
    assert "conflicts.xlsx:3: cells B2:B4 are merged" in err
    assert "unmerge" in err and "Traceback" not in err
    assert finals_in_log(project_b) == []


def test_a_title_merged_across_blank_rows_above_the_header_is_read(project_b, tmp_path, capsys):
    a, _ = add_records(project_b, make_records(2))
    conflict_on(project_b, [a], checked=True)
    book = Workbook()
    sheet = book.active
    for row in ([], [], [], ["record", "decision"], [a, "include"]):
        sheet.append(row)
    sheet["A1"] = None
    sheet.merge_cells("A1:C3")  # an empty block above the header: no record's cell under it
    book.save(tmp_path / "conflicts.xlsx")
    assert import_conflicts(project_b, tmp_path / "conflicts.xlsx") == 0
    assert finals_in_log(project_b) == [(a, "final-include", "")]


def test_decisions_on_a_second_worksheet_are_pointed_to(project_b, tmp_path, capsys):
    a, _ = add_records(project_b, make_records(2))
    conflict_on(project_b, [a], checked=True)
    book = Workbook()
    book.active.title = "Summary"
    book.active.append(["Conflicts settled at the meeting of 3 May"])
    decisions = book.create_sheet("conflicts")
    for row in (["record", "decision"], [a, "include"]):
        decisions.append(row)
    book.save(tmp_path / "conflicts.xlsx")
    assert import_conflicts(project_b, tmp_path / "conflicts.xlsx") == 2
    err = capsys.readouterr().err
    assert "conflicts.xlsx:1: no 'record' or 'decision' column" in err
    assert "'Summary'" in err and "'conflicts'" in err
    assert finals_in_log(project_b) == []


def test_two_reason_columns_differing_in_case_are_refused(project_b, tmp_path, capsys):
    a, _ = add_records(project_b, make_records(2))
    conflict_on(project_b, [a], checked=True)
    sheet = tmp_path / "conflicts.csv"
    sheet.write_text(f"record,decision,Reason,reason\n{a},exclude,health-only,\n")
    assert import_conflicts(project_b, sheet) == 2
    err = capsys.readouterr().err
    assert "conflicts.csv:1: two columns are named 'reason'" in err
    assert finals_in_log(project_b) == []
