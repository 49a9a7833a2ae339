"""The ``as_exported`` mark names each field it showed in 20 bits (``rk3``); the marks before
(``rk2``) named it in 10, so two of a protocol's fields shared a name with odds of 4 % at 10
fields and 54 % at 40, and a field the sheet never showed that shared a shown field's name
read as shown. A sheet written with the ``rk2`` mark keeps reading as it did."""

from __future__ import annotations

from pathlib import Path

from reports.sheet_cli import export_sheet, import_sheet, set_value, sheet_row, write_sheet

from reviewkit import extract
from reviewkit.store import extraction as value_rows

# a field id whose first ten bits of hash are those of 'country' (found by trying names): an
# rk2 mark that showed 'country' named it too
SHARES_COUNTRY_RK2_NAME = "funding_49"


def _gain_field(project, field: str) -> None:
    """The project's protocol gains the extraction field ``field`` (after a sheet's export)."""
    path = Path(project.folder) / "protocol.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + f'\n[[extraction]]\nid = "{field}"\nname = "Funding"\n', encoding="utf-8"
    )


def test_a_field_the_sheet_never_showed_reads_as_unmarked(b_included, tmp_path, capsys):
    """The protocol gained a field after the export; another reviewer set it; the person adds
    its column to the sheet and types another value: the sheet never showed the field, so the
    cell is read as a sheet without the mark reads it (the person's value), not refused as
    typed over a value the sheet showed."""
    project, ids = b_included
    rid = ids[0]
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    _gain_field(project, SHARES_COUNTRY_RK2_NAME)
    set_value(project, rid, SHARES_COUNTRY_RK2_NAME, "Public")
    for row in rows:
        row[SHARES_COUNTRY_RK2_NAME] = "Private" if int(row["record_id"]) == rid else ""
    write_sheet(sheet, rows)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    now = value_rows.current_values(project.db, ids)[rid]  # the field the protocol gained
    assert now[SHARES_COUNTRY_RK2_NAME].value == "Private"


def test_a_sheet_written_with_the_rk2_mark_keeps_reading(b_included, tmp_path, capsys):
    """An rk2 sheet (each field named by the first two letters of today's four, the same
    hash): a cell left alone over a value set since is no change, a typed cell is stored."""
    project, ids = b_included
    sheet = tmp_path / "sheet.csv"
    rows = export_sheet(project, sheet)
    for row in rows:
        prefix, record, *chunks = row["as_exported"].split()
        assert prefix == "rk3" and all(len(c) == 9 for c in chunks)
        row["as_exported"] = " ".join(("rk2", record, *(c[:2] + c[4:] for c in chunks)))
    set_value(project, ids[0], "country", "Sweden")
    sheet_row(rows, ids[1])["population"] = "Nurses"
    write_sheet(sheet, rows)
    code, out, err = import_sheet(project, sheet, capsys)
    assert code == 0, err
    assert "1 value changed" in out and "had no mark" not in out
    now = extract.values(project, ids)
    assert now[ids[0]]["country"] == "Sweden" and now[ids[1]]["population"] == "Nurses"
