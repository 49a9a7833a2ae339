"""An extraction sheet read back knows what it showed: ``extract export`` writes, last, an
``as_exported`` column (one mark per row of what each field's cell showed), and ``extract
import`` reads a cell that still shows that as no change, a cell that differs as the person's
value, and refuses a cell that differs where the project's value changed since the export (the
sheet was edited over a value it no longer shows). Before, a sheet exported before a person set
a value stored its stale text over the person's, as checked."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from reports.sheet_cli import (
    export_sheet,
    import_sheet,
    set_value,
    sheet_row,
    type_given,
    write_sheet,
)

from reviewkit import extract, extract_import
from reviewkit.cli import main
from reviewkit.errors import UserError
from reviewkit.store import extraction as value_rows


def test_the_sheet_carries_its_mark_last(b_included, tmp_path):
    project, ids = b_included
    rows = export_sheet(project, tmp_path / "sheet.csv")
    assert list(rows[0])[-1] == "as_exported"
    marks = [r["as_exported"] for r in rows]
    assert all(m.startswith("rk3 ") for m in marks) and len(set(marks)) == len(ids)


def test_a_stale_sheet_keeps_the_value_a_person_set_since(b_included, tmp_path, capsys):
    """Exported, then a person sets the country (and a population the sheet showed empty) with
    'extract set'; the sheet, read back with those cells left as they were, changes neither;
    a cell the person typed in the sheet is stored."""
    project, ids = b_included
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    rid = ids[0]
    shown = sheet_row(rows, rid)
    assert shown["country"] and not shown["population"]
    set_value(project, rid, "country", "Sweden")
    set_value(project, rid, "population", "Employees")
    sheet_row(rows, rid)["effect"] = "Fewer sick days"
    write_sheet(sheet, rows)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    assert "1 value changed" in out
    now = extract.current(project, [rid])[rid]
    assert (now["country"].method, now["country"].value) == ("person", "Sweden")
    assert (now["population"].method, now["population"].value) == ("person", "Employees")
    assert (now["effect"].method, now["effect"].value) == ("csv", "Fewer sick days")


def test_a_cell_edited_over_a_value_changed_since_is_refused(
    b_included, tmp_path, capsys, monkeypatch
):
    """The project's country changed since the export and the sheet's cell was typed over too:
    which one is meant cannot be told. The whole sheet is refused, naming the record, the
    field, both values and what to do; nothing is written."""
    project, ids = b_included
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    rid = ids[1]
    set_value(project, rid, "country", "Sweden")
    sheet_row(rows, rid)["country"] = "Finland"
    sheet_row(rows, ids[0])["effect"] = "Fewer sick days"  # another cell: not written either
    write_sheet(sheet, rows)
    before = value_rows.current_values(project.db, ids)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code != 0 and "Traceback" not in err
    assert f"record {rid}" in err and "'country'" in err
    assert "'Sweden'" in err and "'Finland'" in err
    assert f"extract set {rid} country=" in err and "nothing was imported" in err
    assert value_rows.current_values(project.db, ids) == before
    # the person keeps the sheet's value with the line given, typed as it is: recorded under
    # the importer's name, not $REVIEWKIT_REVIEWER's (the line had no --reviewer); then the
    # sheet reads back as no change there
    type_given(err, monkeypatch)
    now = extract.current(project, [rid])[rid]["country"]
    assert (now.value, now.reviewer) == ("Finland", "reviewer1")
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    assert extract.values(project, ids)[ids[0]]["effect"] == "Fewer sick days"


def test_a_number_a_spreadsheet_rewrote_still_shows_what_it_showed(b_included, tmp_path, capsys):
    """The sheet showed '1.50'; the spreadsheet saved it as '1.5' and the project's value
    changed since: the cell is the sheet's number as shown, no change (not refused as typed
    over), and the project keeps its value."""
    project, ids = b_included
    rid = ids[0]
    set_value(project, rid, "effect", "1.50")
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    set_value(project, rid, "effect", "2.00")
    sheet_row(rows, rid)["effect"] = "1.5"
    write_sheet(sheet, rows)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    assert extract.values(project, ids)[rid]["effect"] == "2.00"


def test_the_mark_survives_a_spreadsheets_sorting_deleting_and_moving(b_included, tmp_path, capsys):
    """Saved by Excel as a workbook with its rows sorted by title, one row deleted and the
    columns moved (the mark first, two fields swapped): the mark is read by its column's name
    and each row's own, so the stale cell is still told from the typed one."""
    project, ids = b_included
    rows = export_sheet(project, tmp_path / "sheet.csv")
    set_value(project, ids[0], "country", "Sweden")
    sheet_row(rows, ids[1])["population"] = "Nurses"
    rows = sorted((r for r in rows if int(r["record_id"]) != ids[2]), key=lambda r: r["title"])
    columns = list(rows[0])
    columns = ["as_exported", *columns[:-1]]
    at = columns.index("country"), columns.index("design")
    columns[at[0]], columns[at[1]] = columns[at[1]], columns[at[0]]
    book = Workbook()
    book.active.append(columns)
    for row in rows:
        book.active.append([int(row[c]) if c == "record_id" else row[c] for c in columns])
    sheet = tmp_path / "sheet.xlsx"
    book.save(sheet)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    now = extract.values(project, ids)
    assert now[ids[0]]["country"] == "Sweden" and now[ids[1]]["population"] == "Nurses"


def test_a_sheet_without_the_mark_is_read_as_before_and_says_so(b_included, tmp_path, capsys):
    """A sheet exported before the mark (no as_exported column) is read as it always was: a
    cell that differs from the project's value is the person's; the import says once that such
    a sheet overwrites values changed since its export. A row whose mark was emptied is read so
    too, and named."""
    project, ids = b_included
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    set_value(project, ids[0], "country", "Sweden")
    columns = [c for c in rows[0] if c != "as_exported"]
    write_sheet(sheet, [{c: r[c] for c in columns} for r in rows], columns)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    assert extract.values(project, ids)[ids[0]]["country"] != "Sweden"  # as before: stale text
    assert out.count("as_exported") == 1 and "export a new sheet" in out
    # a row of a marked sheet whose mark was emptied: that row alone is read so
    set_value(project, ids[0], "country", "Sweden")
    set_value(project, ids[1], "country", "Sweden")
    rows = export_sheet(project, sheet)
    set_value(project, ids[0], "country", "Norway")
    set_value(project, ids[1], "country", "Norway")
    sheet_row(rows, ids[1])["as_exported"] = ""
    write_sheet(sheet, rows)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    now = extract.values(project, ids)
    assert now[ids[0]]["country"] == "Norway" and now[ids[1]]["country"] == "Sweden"
    assert "1 row" in out and "as_exported" in out


def test_an_old_value_pasted_back_is_not_written_over_by_an_export(b_included, tmp_path, capsys):
    """The project's country was 'Sweden', then a person set 'Norway'; in the sheet exported
    since, 'Sweden' typed (or pasted) back is typed work the mark tells (the cell differs from
    what it showed): exporting to the sheet again is refused. Without the mark the export took
    any value the field ever held for no typed work, and wrote the sheet over it."""
    project, ids = b_included
    rid = ids[0]
    set_value(project, rid, "country", "Sweden")
    set_value(project, rid, "country", "Norway")
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    sheet_row(rows, rid)["country"] = "Sweden"
    write_sheet(sheet, rows)
    capsys.readouterr()
    assert main(["extract", "export", str(sheet), "--project", str(project.folder)]) != 0
    err = capsys.readouterr().err
    assert f"record {rid}'s country 'Sweden'" in err and "read it in first" in err
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    assert extract.values(project, ids)[rid]["country"] == "Sweden"
    export_sheet(project, sheet)  # read back: written over


def test_a_refused_cell_s_line_names_a_reviewer_when_the_import_named_none(b_included, tmp_path):
    """An import that named no one (``import_csv`` without ``reviewer``) gave the line to keep
    the sheet's value without --reviewer: typed as given it recorded the value under
    $REVIEWKIT_REVIEWER or the login name. It has --reviewer NAME, as every other line."""
    project, ids = b_included
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    rid = ids[1]
    set_value(project, rid, "country", "Sweden")
    sheet_row(rows, rid)["country"] = "Finland"
    write_sheet(sheet, rows)
    with pytest.raises(UserError) as refused:
        extract_import.import_csv(project, sheet, ids)
    assert f"'reviewkit extract set {rid} country=Finland --reviewer NAME" in refused.value.hint
