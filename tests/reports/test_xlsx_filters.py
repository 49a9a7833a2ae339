"""Each sheet of report.xlsx has Excel's filter on its header row, over its rows and no more: a
reader filters a table ('suggested' labels, one stage) and sorts it from the header's buttons,
the sheet's title above and its note below left out, and the evidence map's 'Total' row kept
in its place. The sheets had none: a reader picked the rows by hand below the title row."""

from __future__ import annotations

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from reports.conftest import screen_four

from reviewkit.reports.report import write_report


def test_every_sheet_filters_its_rows_from_the_header(b_included, store, make_record, tmp_path):
    project, _ = b_included
    more = store(project, [make_record(f"Sick leave study {i}") for i in range(4)], "extra")
    screen_four(project, more, {"reviewer1": "iiee", "reviewer2": "ieie"})
    write_report(project, tmp_path / "exports", formats=("xlsx",))
    wb = load_workbook(tmp_path / "exports" / "report.xlsx")
    filtered = 0
    for ws in wb.worksheets:
        header = [c.value for c in ws[2]]
        width = len([h for h in header if h is not None])
        rows = 0
        while ws.cell(row=3 + rows, column=1).value not in (None, ""):
            rows += 1  # the table's rows: down to the empty row above its note
        if ws.cell(row=2 + rows, column=1).value == "Total":
            rows -= 1  # the evidence map's totals stay under the rows they add up
        if not rows:
            assert ws.auto_filter.ref is None, ws.title
            continue
        assert ws.auto_filter.ref == f"A2:{get_column_letter(width)}{2 + rows}", ws.title
        filtered += 1
    assert filtered >= 3  # the label tables, the agreement and PRISMA's numbers at least
    assert "Evidence map" in wb.sheetnames
