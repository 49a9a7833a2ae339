"""A cell typed back to exactly what the sheet showed is the same text as a cell left alone:
the ``as_exported`` mark (a hash of what each cell showed) cannot tell them apart, so ``extract
import`` reads it as left alone and keeps the project's value where that changed since the
export. It says so, naming the cells and the ``extract set`` that stores the sheet's value."""

from __future__ import annotations

from reports.sheet_cli import (
    export_sheet,
    import_sheet,
    set_value,
    sheet_row,
    type_given,
    write_sheet,
)

from reviewkit import extract


def test_a_cell_typed_back_to_what_it_showed_is_named(b_included, tmp_path, capsys, monkeypatch):
    """The person types Finland over the country shown and imports; then types the shown
    country back and imports again: the cell reads as left alone (Finland kept), and the
    import says so with the command that stores the shown country."""
    project, ids = b_included
    rid = ids[0]
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    shown = sheet_row(rows, rid)["country"]
    assert shown and shown != "Finland"
    sheet_row(rows, rid)["country"] = "Finland"
    write_sheet(sheet, rows)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0 and "1 value changed" in out and "note" not in out, err
    sheet_row(rows, rid)["country"] = shown
    write_sheet(sheet, rows)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    assert "0 values changed" in out
    assert extract.values(project, ids)[rid]["country"] == "Finland"
    assert "note: 1 cell still shows what the sheet showed" in out
    assert f"record {rid} 'country' ({shown!r}; the project holds 'Finland')" in out
    assert "cannot be told from one left alone" in out
    assert f"extract set {rid} 'country={shown}'" in out or f"extract set {rid} country=" in out
    # the line given, typed as it is, stores the shown country under the importer's name
    type_given(out, monkeypatch)
    now = extract.current(project, [rid])[rid]["country"]
    assert (now.value, now.reviewer) == (shown, "reviewer1")


def test_a_cell_left_alone_over_a_value_set_since_is_named(b_included, tmp_path, capsys):
    """Another reviewer set the country since the export; the sheet's cell shows what it
    showed: the project's value is kept, and the import says which value it kept."""
    project, ids = b_included
    rid = ids[1]
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    set_value(project, rid, "country", "Sweden")
    write_sheet(sheet, rows)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    assert extract.values(project, ids)[rid]["country"] == "Sweden"
    assert f"record {rid} 'country'" in out and "the project holds 'Sweden'" in out
    # a sheet exported after the change shows the project's value: nothing to say
    write_sheet(sheet, export_sheet(project, sheet))
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0 and "note" not in out, (out, err)


def test_a_cell_left_alone_in_another_notation_of_the_value_is_not_refused(
    b_included, tmp_path, capsys
):
    """The sheet showed '1,5'; another reviewer wrote it 1.5 since; the cell is left alone:
    whether '1,5' is that number depends on a locale the sheet does not say, but the mark says
    the cell was left alone, so the import neither refuses nor asks (before: refused)."""
    project, ids = b_included
    rid = ids[0]
    set_value(project, rid, "effect", "1,5")
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    assert sheet_row(rows, rid)["effect"] == "1,5"
    set_value(project, rid, "effect", "1.5")
    write_sheet(sheet, rows)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    assert "0 values changed" in out and "note" not in out, out
    assert extract.values(project, ids)[rid]["effect"] == "1.5"
