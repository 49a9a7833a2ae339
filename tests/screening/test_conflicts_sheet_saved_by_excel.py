"""`conflicts import` of the conflicts sheet as a spreadsheet saves it back: Excel in a
European locale writes CSV with a byte-order mark and ';' between cells (CRLF line ends), and
'Excel Workbook' writes .xlsx. The CSV is read as the same decisions; the workbook is refused
with how to save it as CSV, nothing written. A decision typed in the locale's own word is
refused with its line and what to write."""

from __future__ import annotations

from conftest import add_records
from openpyxl import Workbook
from screening.helpers import conflict_on, make_records

from reviewkit.cli import main
from reviewkit.store.decisions import list_decisions


def _finals(project) -> list[tuple[int, str, str]]:
    return [
        (d.record_id, d.label, d.reason)
        for d in list_decisions(project.db)
        if d.label.startswith("final-")
    ]


def _import(project, sheet) -> int:
    return main(
        ["conflicts", "--project", str(project.folder), "import", str(sheet), "--resolver", "lead"]
    )


def test_a_csv_saved_by_a_european_excel(project_b, tmp_path, capsys):
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    sheet = tmp_path / "conflicts.csv"
    sheet.write_bytes(
        "\ufeffrecord;title;decision;reason;note\r\n"
        f"{a};CBT for burnout, a trial;Exclude;health-only;CBT only\r\n"
        f"PMID 1002;A trial;include;;\r\n".encode()
    )
    assert _import(project_b, sheet) == 0
    assert _finals(project_b) == [(a, "final-exclude", "health-only"), (b, "final-include", "")]


def test_an_excel_workbook_is_refused_with_how_to_save_it(project_b, tmp_path, capsys):
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    book = Workbook()
    for row in (["record", "decision"], [a, "include"], [b, "exclude"]):
        book.active.append(row)
    book.save(tmp_path / "conflicts.xlsx")
    assert _import(project_b, tmp_path / "conflicts.xlsx") == 2
    err = capsys.readouterr().err
    assert "this is an Excel workbook (.xlsx), not a CSV sheet" in err
    assert "hint: save the sheet as CSV" in err
    assert _finals(project_b) == []


def test_a_decision_in_the_locales_word_is_refused_by_its_line(project_b, tmp_path, capsys):
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    sheet = tmp_path / "conflicts.csv"
    sheet.write_bytes(f"\ufeffrecord;decision\r\n{a};include\r\n{b};ausschließen\r\n".encode())
    assert _import(project_b, sheet) == 2
    err = capsys.readouterr().err
    assert f"{sheet}:3" in err and "include or exclude" in err and "hint:" in err
    assert _finals(project_b) == []  # all or none
