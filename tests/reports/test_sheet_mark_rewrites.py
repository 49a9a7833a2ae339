"""A marked extraction sheet's cell that a spreadsheet rewrote on saving, though no one typed
in it, still shows what the sheet showed: a date in the locale's form, a decimal comma in a
';' sheet, line ends written CRLF, a text saved decomposed (NFD, as macOS may). Read back where
the project's value changed since the export, it is no change (the project keeps its value),
not a cell 'changed too' refused, and writing the sheet over it is not refused as typed work."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest
from reports.sheet_cli import export_sheet, import_sheet, set_value, sheet_row, write_sheet

from reviewkit import extract
from reviewkit.cli import main
from reviewkit.store import extraction as value_rows


def _resave(sheet: Path, rows: list[dict[str, str]], separator: str = ",") -> None:
    """The sheet as a spreadsheet saves it (its separator the locale's)."""
    with sheet.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=separator)
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(
    ("shown", "saved", "separator"),
    [
        ("2020-03-25", "25/03/2020", ","),  # a UK spreadsheet's date (its day over 12 says so)
        ("2020-03-25", "3/25/2020", ","),  # a US one's
        ("2020-03-01", "01.03.20", ","),  # a German one's, day first with dots
        ("1.5", "1,5", ";"),  # Excel's 'Save as CSV' where the decimal separator is a comma
        ("Line one\nline two", "Line one\r\nline two", ","),  # a cell's line end saved CRLF
        ("Zürich", unicodedata.normalize("NFD", "Zürich"), ","),  # saved decomposed
    ],
)
def test_a_rewritten_cell_left_alone_is_no_change(
    b_included, tmp_path, capsys, shown, saved, separator
):
    project, ids = b_included
    rid = ids[0]
    set_value(project, rid, "effect", shown)
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    set_value(project, rid, "effect", "Changed since")
    sheet_row(rows, rid)["effect"] = saved
    _resave(sheet, rows, separator)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    assert "0 values changed" in out
    assert extract.values(project, ids)[rid]["effect"] == "Changed since"
    capsys.readouterr()
    assert main(["extract", "export", str(sheet), "--project", str(project.folder)]) == 0, (
        capsys.readouterr().err
    )


def test_a_cell_saved_with_crlf_or_decomposed_is_not_a_change(b_included, tmp_path, capsys):
    """The project's value unchanged since the export: a cell a spreadsheet saved with CRLF
    line ends or decomposed accents is no change (before, it was stored as the person's)."""
    project, ids = b_included
    set_value(project, ids[0], "effect", "Line one\nline two")
    set_value(project, ids[1], "effect", "Zürich")
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    sheet_row(rows, ids[0])["effect"] = "Line one\r\nline two"
    sheet_row(rows, ids[1])["effect"] = unicodedata.normalize("NFD", "Zürich")
    _resave(sheet, rows)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    assert "0 values changed" in out
    now = extract.current(project, ids)
    assert now[ids[0]]["effect"].method == now[ids[1]]["effect"].method == "person"


def test_a_date_typed_in_an_unsaid_locale_is_refused_not_guessed(b_included, tmp_path, capsys):
    """The sheet showed 2020-03-04 and its cell holds 04/03/2020, no date of the sheet telling
    day from month: it may be the date shown, rewritten, or 3 April typed. Where the project's
    value changed since, the import refuses the cell as unclear, naming how to write it."""
    project, ids = b_included
    rid = ids[0]
    set_value(project, rid, "effect", "2020-03-04")
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    set_value(project, rid, "effect", "Changed since")
    sheet_row(rows, rid)["effect"] = "04/03/2020"
    _resave(sheet, rows)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code != 0 and "Traceback" not in err
    assert "'04/03/2020'" in err and "YYYY-MM-DD" in err
    assert extract.values(project, ids)[rid]["effect"] == "Changed since"


def test_unclear_dates_on_several_rows_are_counted_and_listed(b_included, tmp_path, capsys):
    """All the unclear cells are refused at once, the first with what to do, the others by
    their lines, counted as every count is ('2 more such cells', was 'cell(s)') and listed as
    every list (``wording.listed``: cut at eight, the rest counted)."""
    project, ids = b_included
    for rid in ids:
        set_value(project, rid, "effect", "2020-03-04")
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    for rid in ids:
        set_value(project, rid, "effect", "Changed since")
        sheet_row(rows, rid)["effect"] = "04/03/2020"
    _resave(sheet, rows)
    code, _, err = import_sheet(project, sheet, capsys)
    said = " ".join(err.split())
    lines = [rows.index(sheet_row(rows, rid)) + 2 for rid in ids]
    others = [f"line {n} ('effect': '04/03/2020')" for n in sorted(lines)[1:]]
    assert code == 2 and f"; 2 more such cells: {others[0]} and {others[1]}" in said, said


@pytest.mark.parametrize("marked", [True, False])
def test_a_long_number_excel_wrote_in_exponent_form_is_refused_not_stored(
    b_included, tmp_path, capsys, marked
):
    """Excel's General format saves a number of twelve or more digits as 1.23457E+15, six
    digits kept: the project's number left alone, or another typed that rounds so; stored, it
    would lose ten digits unseen. Read back (marked sheet or not), the sheet is refused, naming
    the cell and how to keep every digit; the project keeps its number."""
    project, ids = b_included
    rid = ids[0]
    set_value(project, rid, "effect", "1234567890123456")
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    sheet_row(rows, rid)["effect"] = "1.23457E+15"
    if not marked:
        rows = [{c: v for c, v in r.items() if c != "as_exported"} for r in rows]
    _resave(sheet, rows)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code != 0 and "Traceback" not in err
    assert "'1.23457E+15'" in err and "16 digits" in err and "format the column as Text" in err
    assert extract.values(project, ids)[rid]["effect"] == "1234567890123456"


def _copy_fields_over(rows: list[dict[str, str]], source: int, target: int) -> None:
    """The cells of ``source``'s row but its record id, study, report and title pasted over
    ``target``'s row: a row copied over another, or the field columns sorted with the mark but
    without the rows' first columns (Excel's 'continue with the current selection')."""
    a, b = sheet_row(rows, source), sheet_row(rows, target)
    for column in a:
        if column not in ("record_id", "study", "report", "title"):
            b[column] = a[column]


@pytest.mark.parametrize("person_set", [True, False])
def test_a_row_carrying_another_rows_mark_is_refused_naming_both(
    b_included, tmp_path, capsys, person_set
):
    """Record 2's row carries record 1's mark (its field cells and mark pasted from record 1's
    row): what it showed cannot be told, and the cells are another study's unless pasted on
    purpose. The sheet is refused naming the line, both records and what to do; nothing is
    written, whether the project's values are a person's (before: refused as 'changed in the
    project since', which they were not) or prefills (before: stored as the person's)."""
    project, ids = b_included
    set_value(project, ids[0], "population", "Nurses")
    if person_set:
        set_value(project, ids[1], "effect", "Fewer sick days")
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    _copy_fields_over(rows, ids[0], ids[1])
    write_sheet(sheet, rows)
    before = value_rows.current_values(project.db, ids)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code != 0 and "Traceback" not in err
    assert "sheet.csv:3" in err and f"record {ids[1]}" in err and f"record {ids[0]}'s" in err
    assert "as_exported" in err and "nothing was imported" in err
    assert value_rows.current_values(project.db, ids) == before
    # pasted on purpose: that row's mark emptied, its cells are read as the person's
    sheet_row(rows, ids[1])["as_exported"] = ""
    write_sheet(sheet, rows)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    assert extract.values(project, ids)[ids[1]]["population"] == "Nurses"


def test_a_first_form_mark_without_its_records_hash_is_still_read(b_included, tmp_path, capsys):
    """A sheet written with the first form of the mark ('rk1', no hash of the row's record) is
    read by it: its cell left alone over a value set since is no change."""
    project, ids = b_included
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    for row in rows:  # rk1 named a field in two letters: the first two of today's four
        prefix, _record, *chunks = row["as_exported"].split()
        row["as_exported"] = " ".join(("rk1", *(c[:2] + c[4:] for c in chunks)))
    set_value(project, ids[0], "country", "Sweden")
    write_sheet(sheet, rows)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    assert "0 values changed" in out and "had no mark" not in out and "no 'as_exported'" not in out
    assert extract.values(project, ids)[ids[0]]["country"] == "Sweden"


def test_a_sheet_imported_edited_further_and_imported_again(b_included, tmp_path, capsys):
    """A person imports their sheet, goes on typing in it and imports it again: the value the
    first import stored is theirs, from this sheet, so a cell typed over again is their newer
    value (before: refused as 'changed in the project since this sheet was written'). Another
    reviewer's import since is still a change the sheet did not show: refused."""
    project, ids = b_included
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    sheet_row(rows, ids[0])["country"] = "Finland"
    write_sheet(sheet, rows)
    assert import_sheet(project, sheet, capsys)[0] == 0
    sheet_row(rows, ids[0])["country"] = "Iceland"
    write_sheet(sheet, rows)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    assert "1 value changed" in out
    assert extract.values(project, ids)[ids[0]]["country"] == "Iceland"
    # another reviewer's sheet, exported before the imports above, typed over the same cell
    other = tmp_path / "other.csv"
    other_rows = [dict(r) for r in rows]
    sheet_row(other_rows, ids[0])["country"] = "Estonia"
    write_sheet(other, other_rows)
    capsys.readouterr()
    argv = ["extract", "import", str(other), "--project", str(project.folder)]
    assert main([*argv, "--reviewer", "reviewer2"]) != 0
    assert "'Iceland'" in capsys.readouterr().err
    assert extract.values(project, ids)[ids[0]]["country"] == "Iceland"
