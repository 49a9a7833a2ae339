"""A lead's reason code like '01' through Excel (screens41): the lead writes the sheet with
`conflicts --csv`, opens it in Excel, excludes with reason '01' and saves a workbook; Excel
reads the typed 01 as the number 1, and the row was refused ("unknown exclusion reason '1'").
The reason is read back as the stage's code it is a spreadsheet's rewrite of, as the
reviewers' names on the row are (screens40)."""

from __future__ import annotations

import pytest
from conftest import add_records
from openpyxl import load_workbook
from screening.excel_sheets import PROTOCOL, TA, through_excel
from screening.helpers import finals_in_log, import_conflicts, make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.project import init_project

# two codes one number could be the rewrite of: '1' is neither (refused, naming both)
TWO_ONES = PROTOCOL.replace('{ code = "02"', '{ code = "001"')


@pytest.mark.parametrize(("protocol", "stored"), [(PROTOCOL, "01"), (TWO_ONES, None)])
def test_a_reason_code_typed_in_excel_is_read_as_the_code(
    tmp_path, capsys, protocol: str, stored: str | None
) -> None:
    (tmp_path / "coded.toml").write_text(protocol, encoding="utf-8")
    project = init_project(tmp_path / "coded", tmp_path / "coded.toml")
    try:
        (a,) = add_records(project, make_records(1))
        scr.decide(project.db, a, TA, "007", "include", protocol=project.protocol)
        scr.decide(project.db, a, TA, "1", "exclude", "01", protocol=project.protocol)
        sheet, book = tmp_path / "conflicts.csv", tmp_path / "conflicts.xlsx"
        argv = ["conflicts", "--project", str(project.folder), "--resolver", "lead"]
        assert main([*argv, "--csv", str(sheet)]) == 0
        through_excel(sheet, book, "exclude", reason="01")
        stored_cells = load_workbook(book).active
        header = [c.value for c in stored_cells[1]]
        assert stored_cells.cell(row=2, column=header.index("reason") + 1).value == 1
        capsys.readouterr()
        code = import_conflicts(project, book)
        err = capsys.readouterr().err
        if stored is None:
            assert code != 0
            # rd41d: it said "unknown exclusion reason '1'", not why nor what to type
            said = " ".join(err.split())
            assert "the reason '1' could be the code 001 or 01" in said, said
            assert "apostrophe first ('001 or '01)" in said, said
            assert finals_in_log(project) == []
        else:
            assert code == 0, err
            assert finals_in_log(project) == [(a, "final-exclude", stored)]
    finally:
        project.close()
