"""Two studies with the same first author and year are told apart, as journals' author-date
styles do (APA 7 §8.19): "Andersen et al. (2019a)", "(2019b)", the letters in order of title,
and the same study carries the same label in every table and format of the report."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
from docx import Document

from reviewkit import classify, screening
from reviewkit.records import Record
from reviewkit.reports.labels import citation_labels
from reviewkit.reports.report import write_report
from reviewkit.reports.tables import report_tables
from reviewkit.screening.decisions import AlreadyDecided

AUTHORS = ["Andersen, Lars L", "Berg, Kari", "Clausen, Thomas"]


def _andersens() -> list[Record]:
    # stored in this order, so that id order is not title order: the letters follow the titles
    return [
        Record(title="Workplace dialogue for neck pain", authors=AUTHORS, year=2019),
        Record(title="The back pain trial at work", authors=AUTHORS, year=2019),
        Record(title="Another year", authors=AUTHORS, year=2018),
    ]


def _included(project, store) -> list[int]:
    """The three studies stored and included at every stage, by as many reviewers as it asks."""
    ids = store(project, _andersens(), "PubMed")
    for stage in screening.stage_names(project.protocol):
        for rid in ids:
            for reviewer in project.protocol.reviewers:
                try:
                    screening.decide(project.db, rid, stage, reviewer, "include")
                except AlreadyDecided:  # a one-vote stage (Review A's title-abstract)
                    break
    assert screening.included(project) == ids
    return ids


def test_labels_get_a_letter_in_title_order_leaving_out_the_article():
    recs = dict(enumerate(_andersens(), start=1))
    assert citation_labels(recs, recs) == {
        1: "Andersen et al. (2019b)",
        2: "Andersen et al. (2019a)",  # "The back pain …" sorts as "back pain …"
        3: "Andersen et al. (2018)",  # alone in its year: no letter
    }


def test_records_without_a_year_get_nd_letters():
    recs = {1: Record(title="B", authors=["Aas, R"]), 2: Record(title="A", authors=["Aas, R"])}
    assert citation_labels(recs, recs) == {1: "Aas (n.d.-b)", 2: "Aas (n.d.-a)"}


def test_a_lone_record_without_a_year_is_nd():
    """APA writes "(n.d.)" for a work without a year, not the name alone ("Aas")."""
    recs = {1: Record(title="B", authors=["Aas, R"]), 2: Record(title="A", authors=["Berg, K"])}
    assert citation_labels(recs, recs) == {1: "Aas (n.d.)", 2: "Berg (n.d.)"}


def test_report_tables_tell_the_studies_apart_in_order(project_a, store):
    ids = _included(project_a, store)
    for rid in ids:
        classify.confirm(project_a, rid, "diagnosis-group", ["musculoskeletal"], "reviewer1")
    table = next(t for t in report_tables(project_a, ids) if t.name == "musculoskeletal")
    assert [row[0] for row in table.rows] == [
        "Andersen et al. (2019a)",
        "Andersen et al. (2019b)",
        "Andersen et al. (2018)",
    ]


def test_every_format_and_the_evidence_map_use_the_same_labels(project_b, store, tmp_path: Path):
    ids = _included(project_b, store)
    for rid in ids:
        classify.confirm(project_b, rid, "model-type", ["workplace"], "reviewer1")
        classify.confirm(project_b, rid, "diagnosis", ["musculoskeletal"], "reviewer1")
    out = tmp_path / "out"
    write_report(project_b, out)
    with (out / "evidence-map" / "evidence-map-cells.csv").open(encoding="utf-8") as fh:
        cells = list(csv.DictReader(fh))
    # in a cell, the studies in the order of their labels (a reference list's), ids alike
    assert [row["studies"] for row in cells] == [
        "Andersen et al. (2018); Andersen et al. (2019a); Andersen et al. (2019b)"
    ]
    assert cells[0]["record_ids"] == f"{ids[2]} {ids[1]} {ids[0]}"
    # the labels by id for a program, and by the names the matrix shows for a reader
    assert (cells[0]["model-type"], cells[0]["Model of collaboration"]) == (
        "workplace",
        "Workplace-centred collaboration",
    )
    assert cells[0]["Diagnosis group"] == "Musculoskeletal disorders"
    graph = nx.read_graphml(out / "evidence-map" / "study-labels.graphml")
    assert graph.nodes[f"study:{ids[1]}"]["citation"] == "Andersen et al. (2019a)"
    md = (out / "evidence-map" / "evidence-map.md").read_text(encoding="utf-8")
    assert "Andersen et al. (2019a)" in md and "Andersen et al. (2019) " not in md


def test_word_and_markdown_show_the_same_label(project_a, store, tmp_path: Path):
    ids = _included(project_a, store)
    for rid in ids:
        classify.confirm(project_a, rid, "diagnosis-group", ["musculoskeletal"], "reviewer1")
    out = tmp_path / "out"
    write_report(project_a, out)
    md = (out / "report.md").read_text(encoding="utf-8")
    words = "\n".join(
        c.text for t in Document(str(out / "report.docx")).tables for r in t.rows for c in r.cells
    )
    for text in (md, words):
        assert "Andersen et al. (2019a)" in text and "Andersen et al. (2019b)" in text
        assert "Andersen et al. (2019)" not in text
