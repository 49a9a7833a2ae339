"""The whole report read back: XLSX, DOCX, Markdown, CSV, RIS, BibTeX, evidence map, GraphML."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import bibtexparser
import networkx as nx
import pytest
import rispy
from docx import Document
from openpyxl import load_workbook

from reviewkit import classify
from reviewkit.errors import UserError
from reviewkit.evidence import build_map, write_map
from reviewkit.reports.exporter import export_records
from reviewkit.reports.report import write_report
from reviewkit.reports.tables import reference, report_tables


@pytest.fixture
def classified(b_included):
    project, ids = b_included
    classify.classify_project(project, ids)
    classify.confirm(project, ids[2], "model-type", ["team-coordinator"], "reviewer1")
    return project, ids


def test_report_tables_read_the_extraction_values_once(classified, monkeypatch):
    from reviewkit.store import extraction

    project, ids = classified
    reads: list[list[int]] = []
    real = extraction.current_values

    def counting(db, record_ids):
        reads.append(sorted(record_ids))
        return real(db, record_ids)

    monkeypatch.setattr(extraction, "current_values", counting)
    tables = report_tables(project, ids)
    assert tables and any(t.columns[-1] == "Prefilled, not checked" for t in tables)
    assert reads == [sorted(ids)]  # the values and the unchecked marks from one read


def test_tables_follow_the_protocol_layout_newest_first(classified):
    project, ids = classified
    # a second job-specialist study, older, to check the sort
    classify.confirm(project, ids[1], "model-type", ["job-specialist"], "reviewer2")
    tables = {t.name: t for t in report_tables(project, ids)}
    assert list(tables) == [
        "multidisciplinary-team",
        "job-specialist",
        "coordinator",
        "team-coordinator",
        "workplace",
    ]
    js = tables["job-specialist"]
    assert js.columns == [
        "Country",
        "Intervention",
        "Population",
        "Design",
        "Effect",
        "Reference",
        "Label status",
        "Prefilled, not checked",
    ]
    assert [row[-3].split(".")[0] for row in js.rows] == [
        "Aas RW, Ellingsen K",
        "Hellström L, Madsen T, Nordentoft M",
    ]
    assert [row[-2] for row in js.rows] == ["confirmed by reviewer2", "suggested"]
    assert (
        tables["team-coordinator"].rows[0][-2] == "confirmed by reviewer1"
        and tables["coordinator"].rows == []
    )
    assert "1 label confirmed" in js.note or "1 labels confirmed" in js.note


def test_reference_is_a_full_vancouver_reference(classified):
    project, ids = classified
    from reviewkit.store.records import get_record

    assert reference(get_record(project.db, ids[0])) == (
        "Hellström L, Madsen T, Nordentoft M. Individual placement and support for sick-listed people with "
        "depression. Occup Environ Med. 2017;74(10):717-725. doi:10.1136/oemed-2016-104248"
    )


def test_write_report_every_format_read_back(classified, tmp_path: Path):
    project, ids = classified
    out = tmp_path / "exports"
    paths = write_report(project, out)
    names = {p.relative_to(out).as_posix() for p in paths}
    for expected in (
        "prisma.png",
        "prisma.svg",
        "prisma.csv",
        "report.xlsx",
        "report.md",
        "report.docx",
        "agreement.csv",
        "included.ris",
        "included.bib",
        "tables/job-specialist.csv",
        "evidence-map/evidence-map.png",
        "evidence-map/study-labels.graphml",
        "search-log.md",
    ):
        assert expected in names, expected
    assert all(p.exists() and p.stat().st_size > 0 for p in paths)

    wb = load_workbook(out / "report.xlsx")
    assert wb.sheetnames[:5] == [  # the labels' names (Excel's 31 characters, cut at a word)
        "Multidisciplinary team",
        "Job specialist in mental…",
        "Sick-leave rehabilitation…",
        "Team plus coordinator",
        "Workplace-centred collaboration",
    ]
    assert wb.sheetnames[-3:] == ["Evidence map", "Agreement", "PRISMA 2020 flow"]
    ws = wb["Job specialist in mental…"]
    assert str(ws["A1"].value).startswith("Job specialist in mental health treatment (n = ")
    assert [c.value for c in ws[2]] == [
        "Country",
        "Intervention",
        "Population",
        "Design",
        "Effect",
        "Reference",
        "Label status",
        "Prefilled, not checked",
    ]
    assert [c.value for c in ws[3]][:4] == [
        "Denmark",
        "An employment specialist joined the mental health team.",
        None,
        "Randomized Controlled Trial",
    ]
    prisma_rows = {
        r[1]: r[2] for r in wb["PRISMA 2020 flow"].iter_rows(min_row=3, values_only=True)
    }
    assert prisma_rows["studies included"] == 3 and prisma_rows["other method: snowballing"] == 3
    agreement = [r for r in wb["Agreement"].iter_rows(min_row=3, values_only=True)]
    assert agreement[0][:4] == ("title-abstract", "reviewer1", "reviewer2", 3)

    doc = Document(str(out / "report.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Job specialist in mental health treatment (n = 1)" in headings
    assert "PRISMA 2020 flow diagram" in headings and "Evidence map" in headings
    js = doc.tables[1]
    assert [c.text for c in js.rows[0].cells][0] == "Country" and js.rows[1].cells[
        0
    ].text == "Denmark"
    assert len(doc.inline_shapes) == 2

    md = (out / "report.md").read_text(encoding="utf-8")
    assert "| Country | Intervention |" in md and "![PRISMA 2020 flow diagram](prisma.png)" in md
    assert "(evidence-map/evidence-map.png)" in md

    rows = list(csv.DictReader((out / "tables" / "workplace.csv").open(encoding="utf-8")))
    assert rows[0]["Country"] == "Norway" and rows[0]["Label status"] == "suggested"

    ris = rispy.load((out / "included.ris").open(encoding="utf-8"))
    assert sorted(e["title"] for e in ris)[0].startswith("A return-to-work coordinator")
    assert {e.get("doi") for e in ris} >= {"10.1136/oemed-2016-104248"}
    bib = bibtexparser.parse_string((out / "included.bib").read_text(encoding="utf-8"))
    assert len(bib.entries) == 3
    assert {e.fields_dict["year"].value for e in bib.entries} == {"2015", "2017", "2020"}


def test_report_before_screening_has_empty_tables(project_a, store, tmp_path: Path):
    from reviewkit.records import Record

    store(project_a, [Record(title="Not screened yet", year=2020)], "PubMed file")
    out = tmp_path / "early"
    write_report(project_a, out, ["csv", "xlsx"])
    wb = load_workbook(out / "report.xlsx")
    ws = wb["Mental disorders"]
    assert ws["A1"].value == "Mental disorders (n = 0)"
    assert [c.value for c in ws[2]] == [
        "Study",
        "Aim of the review",
        "Conclusions of the review",
        "Label status",
        "Prefilled, not checked",
    ]
    assert ws.max_row == 4  # title, header, blank, note
    rows = {r[1]: r[2] for r in wb["PRISMA 2020 flow"].iter_rows(min_row=3, values_only=True)}
    assert rows["records screened"] == 1 and rows["awaiting title-abstract decision"] == 1
    assert (out / "included.ris").read_text(encoding="utf-8") == ""


def test_write_report_refuses_unknown_format(classified, tmp_path: Path):
    project, _ = classified
    with pytest.raises(UserError, match="unknown report format 'pdf'"):
        write_report(project, tmp_path / "x", ["pdf"])
    assert not (tmp_path / "x").exists()


def test_csv_export_of_included(classified):
    project, ids = classified
    rows = list(csv.DictReader(io.StringIO(export_records(project, ids, "csv"))))
    assert [r["title"][:20] for r in rows] == [
        "Individual placement",
        "Convergence dialogue",
        "A return-to-work coo",
    ]
    with pytest.raises(UserError):
        export_records(project, ids, "docx")


def test_evidence_map_outputs(classified, tmp_path: Path):
    project, ids = classified
    emap = build_map(project, "model-type", "diagnosis", ids)
    assert (
        emap.count("job-specialist", "mental") == 1
        and emap.count("workplace", "musculoskeletal") == 1
    )
    assert emap.count("team-coordinator", "mental") == 1 and emap.confirmed_studies == 0
    paths = write_map(project, emap, tmp_path / "map")
    matrix = list(csv.reader((tmp_path / "map" / "evidence-map.csv").open(encoding="utf-8")))
    assert matrix[0] == [
        "Model of collaboration \\ Diagnosis group",
        "Mental disorders",
        "Musculoskeletal disorders",
        "Both mental and musculoskeletal",
        "Total",
    ]
    assert matrix[2] == ["Job specialist in mental health treatment", "1", "0", "0", "1"]
    assert matrix[-1] == ["Total", "2", "1", "0", "3"]
    cells = list(
        csv.DictReader((tmp_path / "map" / "evidence-map-cells.csv").open(encoding="utf-8"))
    )
    assert {(c["model-type"], c["diagnosis"], c["studies"]) for c in cells} == {
        ("job-specialist", "mental", "Hellström et al. (2017)"),
        ("workplace", "musculoskeletal", "Aas and Ellingsen (2020)"),
        ("team-coordinator", "mental", "Doe (2015)"),
    }
    g = nx.read_graphml(tmp_path / "map" / "study-labels.graphml")
    studies = {n for n, d in g.nodes(data=True) if d["kind"] == "study"}
    assert len(studies) == 3 and nx.is_bipartite(g)
    edge = g.edges[f"study:{ids[2]}", "label:model-type:team-coordinator"]
    assert edge["status"] == "confirmed by reviewer1"
    assert g.edges[f"study:{ids[0]}", "label:diagnosis:mental"]["status"] == "suggested"
    for suffix in ("png", "svg"):
        p = tmp_path / "map" / f"evidence-map.{suffix}"
        assert p in paths and p.stat().st_size > 10_000
    assert (tmp_path / "map" / "evidence-map.png").read_bytes()[:4] == b"\x89PNG"
    assert (
        "Hellström"
        not in (tmp_path / "map" / "evidence-map.md").read_text(encoding="utf-8").split("##")[1]
    )


def test_evidence_map_note_names_no_others_when_every_study_is_confirmed(classified):
    """'3 with both labels confirmed by a reviewer, the others on the rules' suggestions' of 3
    studies sent a reader looking for the others."""
    project, ids = classified
    assert build_map(project, "model-type", "diagnosis", ids).note() == (
        "3 studies; 0 with both labels confirmed by a reviewer, 1 with only their Model of"
        " collaboration label confirmed, the others on the rules' suggestions."
    )
    emap = build_map(project, "model-type", "diagnosis", ids)
    for scheme in ("model-type", "diagnosis"):
        for rid in ids:
            labels = sorted(emap.assigned[scheme][rid].labels)
            classify.confirm(project, rid, scheme, labels, "reviewer1")
    confirmed = build_map(project, "model-type", "diagnosis", ids)
    assert confirmed.note() == "3 studies; 3 with both labels confirmed by a reviewer."


def test_docx_columns_follow_their_text_and_the_header_repeats(tmp_path: Path):
    """Word got six equal columns (4 cm each): a long Aim squeezed as narrow as 'Study', and a
    table running onto a second page lost its header row."""
    from reviewkit.reports.writers import Table, write_docx

    rows = [("Doe (2020)", "To test " + "a long aim " * 20, "confirmed")] * 40
    table = Table("t", "A table", ["Study", "Aim", "Label status"], rows, "")
    doc = Document(str(write_docx([table], tmp_path / "r.docx")))
    (t,) = doc.tables
    study, aim, status = (t.rows[1].cells[i].width for i in range(3))
    assert aim > 2 * study and aim > 2 * status
    assert t.rows[0]._tr.xpath("./w:trPr/w:tblHeader")


def test_evidence_map_svg_keeps_its_words_as_text(classified, tmp_path: Path):
    """Every label of the SVG was drawn as outlines, so no word of it could be found or edited."""
    from reviewkit.evidence import draw_map

    project, ids = classified
    emap = build_map(project, "model-type", "diagnosis", ids)
    svg = draw_map(emap, tmp_path / "map.svg").read_text(encoding="utf-8")
    assert ">Evidence map (3 studies)</text>" in svg
