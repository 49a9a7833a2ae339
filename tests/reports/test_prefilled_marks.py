"""Every report format shows which extraction values are still prefilled and which a person checked."""

from __future__ import annotations

import csv

from docx import Document
from openpyxl import load_workbook

from reviewkit import classify, extract
from reviewkit.reports.report import write_report

COLUMN = "Prefilled, not checked"


def test_every_format_marks_prefilled_values_until_a_person_checks_them(b_included, tmp_path):
    project, ids = b_included
    classify.classify_project(project, ids)
    first = tmp_path / "first"
    write_report(project, first)  # prefills Country, Design, Effect … from the records
    copenhagen = ids[0]
    extract.set_value(project, copenhagen, "country", "Denmark", "reviewer1")  # checked
    out = tmp_path / "exports"
    write_report(project, out)

    def row_of(rows, country):
        return next(r for r in rows if r["Country"] == country)

    tables = sorted((out / "tables").glob("*.csv"))
    rows = [r for t in tables for r in csv.DictReader(t.open(encoding="utf-8"))]
    denmark, norway = row_of(rows, "Denmark"), row_of(rows, "Norway")
    assert "Country" not in denmark[COLUMN] and "Design" in denmark[COLUMN]
    assert "Country" in norway[COLUMN]

    wb = load_workbook(out / "report.xlsx")
    xlsx_rows = []
    for ws in wb.worksheets:
        header = [c.value for c in ws[2]]  # under the table's title
        if COLUMN in header:
            xlsx_rows += [
                dict(zip(header, r, strict=False))
                for r in ws.iter_rows(min_row=3, values_only=True)
                if r[0]
            ]
    assert "Country" not in row_of(xlsx_rows, "Denmark")[COLUMN]
    assert "Country" in row_of(xlsx_rows, "Norway")[COLUMN]

    md = (out / "report.md").read_text(encoding="utf-8")
    assert f"| {COLUMN} |" in md and "not yet checked by a person" in md
    doc = Document(str(out / "report.docx"))
    docx_headers = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert any(COLUMN in h for h in docx_headers)
    assert any("not yet checked by a person" in p.text for p in doc.paragraphs)
