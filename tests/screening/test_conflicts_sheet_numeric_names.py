"""A conflicts sheet through Excel when reviewers are named like numbers (screens40): a team
that names its reviewers by code ("007", "1") writes the sheet with `conflicts --csv`, the lead
opens it in Excel, fills the decisions and saves an Excel workbook. Excel reads "007" as the
number 7 and stores it so; read back, the row's votes named a reviewer '7' the project does not
have, and every row was refused as "votes changed after the sheet showed them". The cells are
taken back as the names they are a spreadsheet's rewrite of."""

from __future__ import annotations

import csv

import pytest
from conftest import add_records
from openpyxl import load_workbook
from screening.excel_sheets import PROTOCOL, TA, through_excel
from screening.helpers import finals_in_log, import_conflicts, make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.project import init_project


@pytest.mark.parametrize("saved_as", ["xlsx", "csv"])
def test_a_sheet_through_excel_keeps_reviewers_named_like_numbers(
    tmp_path, capsys, saved_as: str
) -> None:
    (tmp_path / "coded.toml").write_text(PROTOCOL, encoding="utf-8")
    project = init_project(tmp_path / "coded", tmp_path / "coded.toml")
    try:
        a, b = add_records(project, make_records(2))
        for study in (a, b):
            scr.decide(project.db, study, TA, "007", "include", protocol=project.protocol)
            scr.decide(project.db, study, TA, "1", "exclude", "01", protocol=project.protocol)
        sheet, book = tmp_path / "conflicts.csv", tmp_path / "conflicts.xlsx"
        argv = ["conflicts", "--project", str(project.folder), "--resolver", "lead"]
        assert main([*argv, "--csv", str(sheet)]) == 0
        through_excel(sheet, book, "include")
        stored = load_workbook(book).active
        header = [c.value for c in stored[1]]
        named = stored.cell(row=2, column=header.index("reviewer_1") + 1).value
        assert named == 7  # as Excel keeps it: a number, its zeros gone
        assert stored.cell(row=2, column=header.index("reason_2") + 1).value == 1
        if saved_as == "csv":  # saved back as CSV: the numbers as Excel writes them, "7"
            with (tmp_path / "saved.csv").open("w", newline="", encoding="utf-8") as f:
                csv.writer(f).writerows([[c.value for c in row] for row in stored.iter_rows()])
            book = tmp_path / "saved.csv"
        capsys.readouterr()
        assert import_conflicts(project, book) == 0, capsys.readouterr().err
        assert finals_in_log(project) == [(a, "final-include", ""), (b, "final-include", "")]
    finally:
        project.close()
