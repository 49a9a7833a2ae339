"""A record's text may hold a control character that XML cannot (an escape, \\x01, a vertical
tab: a title pasted from a terminal or a PDF, kept by the CSV and RIS readers). report.xlsx and
report.docx and the evidence map's GraphML are XML: openpyxl refused the cell
(IllegalCharacterError), python-docx and networkx the text (ValueError), so the report stopped
at the first included study holding one."""

from __future__ import annotations

import networkx as nx
from docx import Document
from openpyxl import load_workbook

from reviewkit.reports.report import write_report


def test_included_titles_with_control_characters_reach_excel_and_word(
    project_b, store, make_record, include_all, tmp_path
):
    titles = ["Return to work \x1b[0mafter sick leave", "Sick\x01 leave\x0bcoordinators"]
    ids = store(project_b, [make_record(t, "", year=2020) for t in titles], "PubMed")
    include_all(project_b, ids)
    out = tmp_path / "exports"
    write_report(project_b, out, formats=("xlsx", "docx", "md"))
    cells = [
        str(c.value)
        for ws in load_workbook(out / "report.xlsx").worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    ]
    doc = Document(str(out / "report.docx"))
    words = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    graph = nx.read_graphml(out / "evidence-map" / "study-labels.graphml")
    titles_read = [data.get("title", "") for _, data in graph.nodes(data=True)]
    for shown in (cells, words, titles_read):
        text = "\n".join(shown)
        assert "Return to work  [0mafter sick leave" in text
        assert "Sick  leave coordinators" in text
        assert not any(ch in text for ch in "\x1b\x01\x0b")
