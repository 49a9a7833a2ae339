"""`conflicts import` of the conflicts sheet as a spreadsheet saves it back: Excel in a
European locale writes CSV with a byte-order mark and ';' between cells (CRLF line ends), and
'Excel Workbook' writes .xlsx. Both are read as the same decisions, a refused row of the
workbook named by its worksheet row as Excel shows it (an .ods is refused with how to save it as
CSV). A decision typed in the locale's own word is refused with its line and what to write."""

from __future__ import annotations

import zipfile

from conftest import add_records
from openpyxl import Workbook
from screening.helpers import conflict_on, finals_in_log, import_conflicts, make_records

from reviewkit.store.decisions import list_decisions


def test_a_csv_saved_by_a_european_excel(project_b, tmp_path, capsys):
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    sheet = tmp_path / "conflicts.csv"
    sheet.write_bytes(
        "\ufeffrecord;title;decision;reason;note\r\n"
        f"{a};CBT for burnout, a trial;Exclude;health-only;CBT only\r\n"
        f"PMID 1002;A trial;include;;\r\n".encode()
    )
    assert import_conflicts(project_b, sheet) == 0
    assert finals_in_log(project_b) == [
        (a, "final-exclude", "health-only"),
        (b, "final-include", ""),
    ]


def _workbook(path, rows) -> None:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)


def test_an_excel_workbook_is_read(project_b, tmp_path, capsys):
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    # the record id a number cell (Excel stores a typed 12 as 12.0), the other a PMID as cited
    rows = (
        ["record", "decision", "reason"],
        [a, "exclude", "health-only"],
        ["PMID1002", "include"],
    )
    _workbook(tmp_path / "conflicts.xlsx", rows)
    assert import_conflicts(project_b, tmp_path / "conflicts.xlsx") == 0
    assert finals_in_log(project_b) == [
        (a, "final-exclude", "health-only"),
        (b, "final-include", ""),
    ]


def test_a_workbooks_refused_rows_are_named_by_their_worksheet_row(project_b, tmp_path, capsys):
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    # two blank rows above the header, a note of three lines: the CSV text the worksheet is
    # read through numbers them otherwise (the header is its line 1, the note takes three)
    rows = (
        [],
        [],
        ["record", "decision", "note"],
        [a, "include", "first line\nsecond line\nthird line"],
        [b, "excluded", ""],
        [999, "exclude", ""],
    )
    _workbook(tmp_path / "conflicts.xlsx", rows)
    assert import_conflicts(project_b, tmp_path / "conflicts.xlsx") == 2
    err = capsys.readouterr().err
    assert "conflicts.xlsx:5: the decision is include or exclude, not 'excluded'" in err
    assert "conflicts.xlsx:6: no record matches '999'" in err
    assert "Traceback" not in err and "hint:" in err
    assert finals_in_log(project_b) == []  # all or none


def test_a_workbook_without_a_record_column_names_its_header_row(project_b, tmp_path, capsys):
    a, _ = add_records(project_b, make_records(2))
    conflict_on(project_b, [a], checked=True)
    _workbook(tmp_path / "conflicts.xlsx", ([], ["id", "decision"], [a, "include"]))
    assert import_conflicts(project_b, tmp_path / "conflicts.xlsx") == 2
    err = capsys.readouterr().err
    assert "conflicts.xlsx:2: no 'record' column in the header row" in err
    assert finals_in_log(project_b) == []


def test_an_empty_workbook_and_an_ods_are_refused(project_b, tmp_path, capsys):
    a, _ = add_records(project_b, make_records(2))
    conflict_on(project_b, [a], checked=True)
    _workbook(tmp_path / "empty.xlsx", ())
    assert import_conflicts(project_b, tmp_path / "empty.xlsx") == 2
    err = capsys.readouterr().err
    assert "empty.xlsx: the workbook's first worksheet is empty" in err
    assert "hint: put the decisions on the first worksheet" in err
    ods = tmp_path / "conflicts.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert import_conflicts(project_b, ods) == 2
    assert "hint: save the sheet as CSV" in capsys.readouterr().err
    assert finals_in_log(project_b) == []


def test_a_decision_in_the_locales_word_is_refused_by_its_line(project_b, tmp_path, capsys):
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    sheet = tmp_path / "conflicts.csv"
    sheet.write_bytes(f"\ufeffrecord;decision\r\n{a};include\r\n{b};ausschließen\r\n".encode())
    assert import_conflicts(project_b, sheet) == 2
    err = capsys.readouterr().err
    assert f"{sheet}:3" in err and "include or exclude" in err and "hint:" in err
    assert finals_in_log(project_b) == []  # all or none


def test_a_header_after_excels_sep_line_is_named_by_its_line(project_b, tmp_path, capsys):
    a, _ = add_records(project_b, make_records(2))
    conflict_on(project_b, [a], checked=True)
    sheet = tmp_path / "conflicts.csv"
    sheet.write_text(f"sep=;\nid;decision\n{a};include\n", encoding="utf-8")
    assert import_conflicts(project_b, sheet) == 2
    assert f"{sheet}:2: no 'record' column in the header row" in capsys.readouterr().err


def test_column_names_typed_with_capitals_are_read(project_b, tmp_path, capsys):
    """'Record', 'Decision', 'Reason' as a lead heads a sheet of their own in Excel: 'Reason'
    was left out unseen (an exclude stored without its reason), 'Record' refused."""
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    sheet = tmp_path / "conflicts.csv"
    sheet.write_text(f"record,decision,Reason\n{a},exclude,health-only\n", encoding="utf-8")
    assert import_conflicts(project_b, sheet) == 0
    assert finals_in_log(project_b) == [(a, "final-exclude", "health-only")]
    sheet.write_text(f"Record;Decision;Note\n{b};Include;read in full\n", encoding="utf-8")
    assert import_conflicts(project_b, sheet) == 0
    assert finals_in_log(project_b)[1] == (b, "final-include", "")
    notes = [d.note for d in list_decisions(project_b.db) if d.label == "final-include"]
    assert notes == ["read in full"]
