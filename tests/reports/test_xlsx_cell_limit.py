"""Excel holds at most 32,767 characters in a cell (Excel's specifications and limits); a
workbook with a longer cell opens with 'We found a problem with some content' and Excel's
repair cuts or drops it. An evidence map's cell of a large mapping review lists its studies in
one cell ('Ofei-Dodoo et al. (2021a); …'): 1,500 of them pass the limit."""

from __future__ import annotations

from openpyxl import load_workbook

from reviewkit.reports.writers import Table, write_xlsx

EXCEL_CELL_LIMIT = 32_767  # characters, Excel's specifications and limits


def test_a_cell_longer_than_excel_holds_is_cut_and_says_so(tmp_path):
    studies = "; ".join(
        f"Ofei-Dodoo et al. ({2000 + i % 25}{chr(97 + i % 26)})" for i in range(1600)
    )
    assert len(studies) > EXCEL_CELL_LIMIT
    short = "Wang (2020); Li (2021)"
    note = "Ties: " + studies  # a note is one cell too
    t = Table(
        "cells",
        "Evidence map: studies per cell",
        ["count", "studies"],
        [[1600, studies], [2, short]],
        note,
    )
    ws = load_workbook(write_xlsx([t], tmp_path / "map.xlsx"))["cells"]
    cut = ws["B3"].value
    assert len(cut) == EXCEL_CELL_LIMIT
    assert cut.startswith(studies[:1000]) and "32,767" in cut[-80:]
    assert ws["B4"].value == short  # a cell within the limit is kept as it is
    assert len(ws["A6"].value) == EXCEL_CELL_LIMIT and ws["A6"].value.startswith("Ties: ")
    assert "32,767" in ws["A6"].value[-80:]
