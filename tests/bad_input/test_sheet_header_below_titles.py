"""Sheets a person fills with a title or a note typed above the header row (the conflicts
sheet, the dedup queue sheet, a gold sheet): the header is the first row holding the columns
the command reads, as a person sees it, and a warning names the row it was read on. They were
refused: 'no 'record' or 'decision' column in the header row' on line 1."""

from __future__ import annotations

import csv
import warnings

import pytest
from conftest import add_records
from openpyxl import Workbook
from screening.helpers import conflict_on, finals_in_log, import_conflicts, make_records

from reviewkit.cli import main

TITLE = "Conflicts settled at the meeting of 3 May (MK)"


def test_a_conflicts_sheet_with_a_title_and_a_blank_row_above_its_header(
    project_b, tmp_path, capsys
):
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    sheet = tmp_path / "conflicts.csv"
    sheet.write_text(
        f'"{TITLE}",\n,\nrecord,decision,reason\n{a},include,\n{b},exclude,health-only\n',
        encoding="utf-8",
    )
    assert import_conflicts(project_b, sheet) == 0, capsys.readouterr().err
    err = capsys.readouterr().err
    assert f"warning: {sheet}:3: the header row is read on this line" in err
    assert finals_in_log(project_b) == [
        (a, "final-include", ""),
        (b, "final-exclude", "health-only"),
    ]


def test_a_bad_row_below_title_rows_is_named_by_its_own_line(project_b, tmp_path, capsys):
    a, _ = add_records(project_b, make_records(2))
    conflict_on(project_b, [a], checked=True)
    sheet = tmp_path / "conflicts.csv"
    sheet.write_text(f"{TITLE}\nrecord;decision\n{a};maybe\n", encoding="utf-8")
    assert import_conflicts(project_b, sheet) == 2
    err = capsys.readouterr().err
    assert f"{sheet}:3: " in err and "maybe" in err and "Traceback" not in err
    assert finals_in_log(project_b) == []


def test_a_conflicts_workbook_with_a_title_row_names_the_worksheet_row(project_b, tmp_path, capsys):
    a, _ = add_records(project_b, make_records(2))
    conflict_on(project_b, [a], checked=True)
    book = Workbook()
    for row in ([TITLE], [], ["Record", "Decision"], [a, "include"]):
        book.active.append(row)
    book.save(tmp_path / "conflicts.xlsx")
    assert import_conflicts(project_b, tmp_path / "conflicts.xlsx") == 0
    err = capsys.readouterr().err
    assert f"warning: {tmp_path / 'conflicts.xlsx'}:3: the header row is read" in err
    assert finals_in_log(project_b) == [(a, "final-include", "")]


def test_a_row_of_records_is_never_taken_for_a_title(project_b, tmp_path, capsys):
    """Three cells or more above the header are not a title: the sheet is refused as before,
    at line 1, rather than a row of decisions left out unseen."""
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    sheet = tmp_path / "conflicts.csv"
    sheet.write_text(f"{a},include,kept\nrecord,decision,note\n{b},include,\n", encoding="utf-8")
    assert import_conflicts(project_b, sheet) == 2
    err = capsys.readouterr().err
    assert f"{sheet}:1: no 'record' or 'decision' column" in err
    assert finals_in_log(project_b) == []


def test_a_header_at_the_top_says_nothing_more(project_b, tmp_path, capsys):
    a, _ = add_records(project_b, make_records(2))
    conflict_on(project_b, [a], checked=True)
    sheet = tmp_path / "conflicts.csv"
    sheet.write_text(f"sep=,\nrecord,decision\n{a},include\n", encoding="utf-8")
    assert import_conflicts(project_b, sheet) == 0
    assert "warning" not in capsys.readouterr().err


def test_a_gold_sheet_with_a_title_row(tmp_path, capsys):
    sheet = tmp_path / "gold.csv"
    with sheet.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["Gold labels, second reading (AB)"])
        out.writerow(["title", "abstract", "gold"])
        out.writerow(["Return to work with a coordinator", "A coordinator met the GP.", "none"])
        out.writerow(["Job placement for depression", "A job specialist placed workers.", "none"])
    protocol = "protocols/work-health-collaboration.toml"
    argv = ["classify", "--evaluate", str(sheet), "--protocol", protocol]
    code = main([*argv, "--scheme", "model-type", "--gold", "gold"])
    got = capsys.readouterr()
    assert code == 0, got.err
    assert f"warning: {sheet}:2: the header row is read" in got.err
    assert "2 rows" in got.out


def test_a_queue_sheet_with_a_title_row(project_a, tmp_path, capsys):
    from dedup.helpers import other, rec

    bare = rec(authors=[], journal="", volume="", pages="", year=None)  # queued, not merged
    add_records(project_a, [rec(pmid="31000001"), rec(pmid="31000001", source="Embase"), bare])
    add_records(project_a, [other(1), other(2)])
    folder = str(project_a.folder)
    project_a.close()
    assert main(["dedup", "--project", folder]) == 0
    sheet = tmp_path / "queue.csv"
    assert main(["dedup", "review", "--project", folder, "--csv", str(sheet)]) == 0
    rows = list(csv.reader(sheet.open(encoding="utf-8", newline="")))
    rows[1][rows[0].index("verdict")] = "same"
    with sheet.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["Queue of 3 May, checked by AB"], *rows])
    capsys.readouterr()
    argv = ["dedup", "review", "--project", folder, "--reviewer", "lead", "--read-csv"]
    code = main([*argv, str(sheet)])
    got = capsys.readouterr()
    assert code == 0 and "1 verdict written" in got.out, got.err
    # once: the sheet is read twice (its merges shown first, then its verdicts written)
    assert got.err.count(f"warning: {sheet}:2: the header row is read") == 1, got.err


def test_a_web_page_saved_as_the_sheet_is_named_so(project_b, tmp_path, capsys):
    """A sign-in or error page in the sheet's place: named a web page (it was 'no 'record' or
    'decision' column in the header row', the page's doctype read as the header)."""
    sheet = tmp_path / "conflicts.csv"
    sheet.write_bytes(
        b"\xef\xbb\xbf<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head></html>\n"
    )
    assert import_conflicts(project_b, sheet) == 2
    err = capsys.readouterr().err
    assert f"{sheet}: this is a web page (HTML), not a CSV sheet" in err
    assert "hint: open the sheet in a spreadsheet and save it as 'CSV UTF-8'" in err


def test_rows_of_decisions_above_the_header_are_not_left_out_as_titles(project_b, tmp_path, capsys):
    """A sheet sorted with its header row (Excel's sort without 'My data has headers' puts the
    numbers first): rows of two cells above the header that fill its record and decision
    columns are decisions, not titles; they were left out with a warning and the import
    ended 0. Refused now, naming the first of them; nothing is written."""
    a, b, c = add_records(project_b, make_records(3))
    conflict_on(project_b, [a, b, c], checked=True)
    sheet = tmp_path / "conflicts.csv"
    sheet.write_text(f"{a},include\n{b},include\nrecord,decision\n{c},include\n", encoding="utf-8")
    assert import_conflicts(project_b, sheet) == 2
    err = capsys.readouterr().err
    assert f"{sheet}:1: this row stands above the sheet's header row" in err and "hint:" in err
    assert finals_in_log(project_b) == []


def test_a_workbook_with_a_decision_above_its_header_names_the_worksheet_row(
    project_b, tmp_path, capsys
):
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    book = Workbook()
    for row in ([TITLE], [], [a, "include"], ["Record", "Decision"], [b, "include"]):
        book.active.append(row)
    book.save(tmp_path / "conflicts.xlsx")
    assert import_conflicts(project_b, tmp_path / "conflicts.xlsx") == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'conflicts.xlsx'}:3: this row stands above the sheet's header row" in err
    assert finals_in_log(project_b) == []


def test_the_warning_is_said_at_every_import(project_b, tmp_path, capsys):
    """Python shows a warning once per message and place: the same sheet read again in one
    process (the screens, a script) said nothing the second time."""
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    sheet = tmp_path / "conflicts.csv"
    for record in (a, b):
        sheet.write_text(f'"{TITLE}"\nrecord,decision\n{record},include\n', encoding="utf-8")
        assert import_conflicts(project_b, sheet) == 0
        assert f"warning: {sheet}:2: the header row is read" in capsys.readouterr().err


@pytest.mark.parametrize("action", ["error", "ignore"])
def test_the_warning_is_said_whatever_python_is_told_of_warnings(
    action, project_b, tmp_path, capsys
):
    """PYTHONWARNINGS=error (set for a test suite) ended the command in a traceback, and
    PYTHONWARNINGS=ignore hid that rows were left out; the CLI says its own warnings."""
    a, _ = add_records(project_b, make_records(2))
    conflict_on(project_b, [a], checked=True)
    sheet = tmp_path / "conflicts.csv"
    sheet.write_text(f'"{TITLE}"\nrecord,decision\n{a},include\n', encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter(action)
        assert import_conflicts(project_b, sheet) == 0
    assert f"warning: {sheet}:2: the header row is read" in capsys.readouterr().err
    assert finals_in_log(project_b) == [(a, "final-include", "")]


def test_the_warning_is_a_value_the_core_returns(project_b, tmp_path):
    """The core says the header found below titles as a value its caller prints, as it says
    every other warning, not through Python's warnings (which a caller's filter made an
    exception, or hid); the CLI prints it as 'warning: …'."""
    from reviewkit import screening
    from reviewkit.formats.filled_sheet import sheet_rows

    a, _ = add_records(project_b, make_records(2))
    conflict_on(project_b, [a], checked=True)
    sheet = tmp_path / "conflicts.csv"
    sheet.write_text(f'"{TITLE}"\nrecord,decision\n{a},include\n', encoding="utf-8")
    said = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = sheet_rows(sheet, "the decisions", ("record", "decision"))
        done = screening.resolve_sheet(project_b, sheet, "lead", warn=said.append)
    told = "the header row is read on this line; the rows above it are left out as titles"
    assert [(w.where, w.message) for w in found.warnings] == [(f"{sheet}:2", told)]
    assert said == list(found.warnings) and [one.study for one in done] == [a]
    sheet.write_text(f"record,decision\n{a},include\n", encoding="utf-8")
    assert sheet_rows(sheet, "the decisions", ("record", "decision")).warnings == ()


def test_a_refused_sheet_carries_its_warnings_as_every_sheet_does(project_b, tmp_path):
    """The conflicts sheet's warnings reach a refusal as every other sheet's do (the one way,
    formats.read_warnings.said_first: the error carries them, the CLI says them first), and a
    caller's ``warn`` hears them only of a sheet read: told them before, then given them again
    on the error, a caller would say them twice."""
    from reviewkit import screening
    from reviewkit.errors import UserError

    a, _ = add_records(project_b, make_records(2))
    conflict_on(project_b, [a], checked=True)
    sheet = tmp_path / "conflicts.csv"
    sheet.write_text(f'"{TITLE}"\nrecord,decision\n{a},maybe\n', encoding="utf-8")
    said = []
    with pytest.raises(UserError) as refused:
        screening.resolve_sheet(project_b, sheet, "lead", warn=said.append)
    assert [w.where for w in refused.value.said_before] == [f"{sheet}:2"]
    assert said == []


def test_a_refused_conflicts_sheet_says_its_warning_once_first(project_b, tmp_path, capsys):
    a, _ = add_records(project_b, make_records(2))
    conflict_on(project_b, [a], checked=True)
    sheet = tmp_path / "conflicts.csv"
    sheet.write_text(f'"{TITLE}"\nrecord,decision\n{a},maybe\n', encoding="utf-8")
    assert import_conflicts(project_b, sheet) == 2
    err = capsys.readouterr().err
    warning = err.find(f"warning: {sheet}:2: the header row is read")
    assert 0 <= warning < err.find("error: ") and err.count("the header row is read") == 1, err
