"""The agreement sheet of report.xlsx holds numbers, not text that looks like numbers."""

from __future__ import annotations

from openpyxl import load_workbook
from reports.conftest import screen_four

from reviewkit import screening
from reviewkit.reports.report import write_report


def test_agreement_sheet_stores_numbers_as_numbers(b_included, store, make_record, tmp_path):
    project, ids = b_included
    more = store(project, [make_record(f"Sick leave study {i}") for i in range(4)], "extra")
    screen_four(project, more, {"reviewer1": "iiee", "reviewer2": "ieie"})
    paths = write_report(project, tmp_path / "exports", formats=("xlsx",))
    xlsx = tmp_path / "exports" / "report.xlsx"
    assert xlsx in paths
    ws = load_workbook(xlsx)["Agreement"]
    header = [c.value for c in ws[2]]  # under the table's title
    row = {h: c.value for h, c in zip(header, ws[3], strict=False)}
    assert row["Stage"] == "full-text" or row["Stage"] == "title-abstract"
    for column in ("Studies both screened", "Agreement %", "Cohen's kappa", "PABAK"):
        assert isinstance(row[column], int | float), (column, row[column])
    ta = next(
        {h: c.value for h, c in zip(header, r, strict=False)}
        for r in ws.iter_rows(min_row=3)
        if r[0].value == "title-abstract"
    )
    assert ta["Studies both screened"] == 7 and ta["Agreement %"] == round(500 / 7, 1)
    assert all(isinstance(ta[c], int | float) for c in ("Kappa 95% CI low", "Kappa 95% CI high"))


def test_agreement_table_notes_a_degenerate_kappa(b_included, store, make_record):
    """reviewer1 included all four studies: kappa is 0 whatever reviewer2 did, and the
    report's agreement table says so in its note, with the percent agreement."""
    from reviewkit.reports.report import agreement_table

    project, _ = b_included
    more = store(project, [make_record(f"Sick leave study {i}") for i in range(4)], "extra")
    screen_four(project, more, {"reviewer1": "iiii", "reviewer2": "iiie"})
    table = agreement_table(project)
    assert "reviewer1 answered 'include' for all" in table.note
    assert "kappa is 0 whatever the agreement and not informative" in table.note
    assert "read the percent agreement (" in table.note and "(reviewer1 vs reviewer2)" in table.note


def test_agreement_note_speaks_of_empty_cells_only_when_there_are_some(
    b_included, store, make_record
):
    """The report's agreement table said "Empty cells: not computable yet." under a table
    with every cell filled in."""
    from reviewkit.reports.report import agreement_table

    project, ids = b_included
    more = store(project, [make_record(f"Sick leave study {i}") for i in range(4)], "extra")
    screen_four(project, more, {"reviewer1": "iiee", "reviewer2": "ieie"})
    votes = {"reviewer1": "iei", "reviewer2": "iie"}  # Review B's included studies, full text
    for reviewer, marks in votes.items():
        for rid, mark in zip(ids, marks, strict=False):
            label, reason = ("include", "") if mark == "i" else ("exclude", "no-collaboration")
            screening.decide(
                project.db, rid, "full-text", reviewer, label, reason, protocol=project.protocol
            )
    table = agreement_table(project)
    assert all(v != "" for row in table.rows for v in row), table.rows
    assert "Empty cells" not in table.note
