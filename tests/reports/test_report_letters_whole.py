"""The letters that tell two 'Andersen et al. (2019)' apart belong to the whole report, as to
one reference list: a study excluded at full text and an included one with the same label were
both 'Andersen et al. (2019)' (letters were given per table), so a reader of the excluded
studies' table could not tell which study of the included tables was meant."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from reviewkit import classify, screening
from reviewkit.cli import main
from reviewkit.dedup.studies import decide_study_link
from reviewkit.records import Record
from reviewkit.reports.report import write_report

AUTHORS = ["Andersen, Lars L", "Berg, Kari", "Clausen, Thomas"]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _one_included_one_excluded(project_b, store) -> int:
    """An included, an excluded and a not-retrieved 'Andersen et al. (2019)' in Review B, the
    included one labelled; returns the included study's id."""
    included, excluded, unseen = store(
        project_b,
        [
            Record(title="Workplace dialogue for neck pain", authors=AUTHORS, year=2019),
            Record(title="The back pain trial at work", authors=AUTHORS, year=2019),
            Record(title="A cohort never found", authors=AUTHORS, year=2019),
        ],
        "PubMed",
    )
    for stage in screening.stage_names(project_b.protocol):
        for rid, (label, reason) in {
            included: ("include", ""),
            excluded: ("exclude", "wrong-population"),
            unseen: ("exclude", "no-full-text"),
        }.items():
            if stage != "full-text":
                label, reason = "include", ""
            for reviewer in ("reviewer1", "reviewer2"):
                screening.decide(
                    project_b.db, rid, stage, reviewer, label, reason, protocol=project_b.protocol
                )
    classify.confirm(project_b, included, "model-type", ["workplace"], "reviewer1")
    classify.confirm(project_b, included, "diagnosis", ["musculoskeletal"], "reviewer1")
    return included


def test_an_excluded_and_an_included_study_are_told_apart(project_b, store, tmp_path: Path):
    included = _one_included_one_excluded(project_b, store)
    out = tmp_path / "out"
    write_report(project_b, out)

    (gone,) = _rows(out / "tables" / "excluded-at-full-text.csv")
    # in title order ("The back pain …" sorts as "back pain …"); the report not retrieved is
    # listed nowhere, so it takes no letter. Review B's tables name a study by its reference;
    # the evidence map and its graph by its label
    assert gone["Study"] == "Andersen et al. (2019a)"
    (cell,) = _rows(out / "evidence-map" / "evidence-map-cells.csv")
    assert cell["studies"] == "Andersen et al. (2019b)"
    graph = nx.read_graphml(out / "evidence-map" / "study-labels.graphml")
    assert graph.nodes[f"study:{included}"]["citation"] == "Andersen et al. (2019b)"
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "Andersen et al. (2019a)" in md  # the excluded studies' table
    # the extraction sheet names the included study as the report does
    sheet = tmp_path / "extraction.csv"
    args = ["extract", "export", "--project", str(project_b.folder), str(sheet)]
    assert main(args) == 0
    (row,) = _rows(sheet)
    assert (row["record_id"], row["study"]) == (str(included), "Andersen et al. (2019b)")
    assert "Andersen et al. (2019) " not in md and "Andersen et al. (2019c)" not in md


def test_the_evidence_map_command_names_studies_as_the_report_does(
    project_b, store, tmp_path: Path
):
    """`reviewkit evidence-map` of the included studies writes the report's evidence map again:
    its labels are the report's, told apart from the excluded study too (it said '(2019)' where
    the report's map said '(2019b)')."""
    included = _one_included_one_excluded(project_b, store)
    out = tmp_path / "map"
    args = ["evidence-map", "--project", str(project_b.folder), "--out", str(out)]
    assert main([*args, "--rows", "model-type", "--cols", "diagnosis"]) == 0
    (cell,) = _rows(out / "evidence-map-cells.csv")
    assert cell["studies"] == "Andersen et al. (2019b)"
    graph = nx.read_graphml(out / "study-labels.graphml")
    assert graph.nodes[f"study:{included}"]["citation"] == "Andersen et al. (2019b)"


def test_the_whole_extraction_sheet_names_the_reports_studies_as_the_report_does(
    project_b, store, tmp_path: Path
):
    """`extract export --all` lists studies the report does not name (here one excluded as not
    retrieved) beside its studies: those keep the report's letters (the sheet lettered all its
    rows afresh, and called the included study '(2019c)' where every table said '(2019b)'),
    and the one the report does not name takes the next letter, so no label names two."""
    included = _one_included_one_excluded(project_b, store)
    write_report(project_b, tmp_path / "out")
    (cell,) = _rows(tmp_path / "out" / "evidence-map" / "evidence-map-cells.csv")
    sheet = tmp_path / "extraction.csv"
    args = ["extract", "export", "--project", str(project_b.folder), str(sheet), "--all"]
    assert main(args) == 0
    study = {int(r["record_id"]): r["study"] for r in _rows(sheet)}
    assert study[included] == cell["studies"] == "Andersen et al. (2019b)"
    assert sorted(study.values()) == [f"Andersen et al. (2019{x})" for x in "abc"]


def test_the_whole_extraction_sheet_names_every_report_of_a_study_by_its_label(
    project_b, store, tmp_path: Path
):
    """A study's reports keep one label on the sheet whatever stage each report reached: a
    trial's protocol paper (stored first, excluded at title/abstract) linked to its included
    results paper was lettered as a study of its own ('(2019b)' beside its own study's
    '(2019)'), while its `report` column said '2 of 2'. An unlinked 'Andersen et al. (2019)'
    the report does not name still takes the next letter."""
    protocol_paper, results, other = store(
        project_b,
        [
            Record(title="Workplace dialogue trial: protocol", authors=AUTHORS, year=2019),
            Record(title="Workplace dialogue for neck pain", authors=AUTHORS, year=2019),
            Record(title="A cohort screened out", authors=AUTHORS, year=2019),
        ],
        "PubMed",
    )
    for reviewer in ("reviewer1", "reviewer2"):
        for rid, label in ((protocol_paper, "exclude"), (results, "include"), (other, "exclude")):
            screening.decide(
                project_b.db, rid, "title-abstract", reviewer, label, protocol=project_b.protocol
            )
        screening.decide(
            project_b.db, results, "full-text", reviewer, "include", protocol=project_b.protocol
        )
    decide_study_link(project_b.db, protocol_paper, results, True, "lead")
    sheet = tmp_path / "extraction.csv"
    args = ["extract", "export", "--project", str(project_b.folder), str(sheet), "--all"]
    assert main(args) == 0
    rows = {int(r["record_id"]): (r["study"], r["report"]) for r in _rows(sheet)}
    assert rows == {
        protocol_paper: ("Andersen et al. (2019)", f"1 of 2 (study {protocol_paper})"),
        results: ("Andersen et al. (2019)", f"2 of 2 (study {protocol_paper})"),
        other: ("Andersen et al. (2019b)", ""),
    }


def test_a_report_the_report_names_keeps_its_own_label_on_the_sheet(
    project_b, store, tmp_path: Path
):
    """Two linked reports of one study that the report both names (one included, one excluded
    at full text: the report lists them as two entries, 2019a and 2019b): each keeps on the
    sheet the label the report gives it, not the label of the lower id of the two."""
    protocol_paper, results = store(
        project_b,
        [
            Record(title="Workplace dialogue trial: protocol", authors=AUTHORS, year=2019),
            Record(title="Workplace dialogue for neck pain", authors=AUTHORS, year=2019),
        ],
        "PubMed",
    )
    for reviewer in ("reviewer1", "reviewer2"):
        for rid, (label, reason) in {
            protocol_paper: ("exclude", "wrong-design"),
            results: ("include", ""),
        }.items():
            screening.decide(
                project_b.db,
                rid,
                "title-abstract",
                reviewer,
                "include",
                protocol=project_b.protocol,
            )
            screening.decide(
                project_b.db, rid, "full-text", reviewer, label, reason, protocol=project_b.protocol
            )
    decide_study_link(project_b.db, protocol_paper, results, True, "lead")
    write_report(project_b, tmp_path / "out")
    (gone,) = _rows(tmp_path / "out" / "tables" / "excluded-at-full-text.csv")
    sheet = tmp_path / "extraction.csv"
    args = ["extract", "export", "--project", str(project_b.folder), str(sheet), "--all"]
    assert main(args) == 0
    study = {int(r["record_id"]): r["study"] for r in _rows(sheet)}
    assert study == {results: "Andersen et al. (2019a)", protocol_paper: gone["Study"]}
    assert gone["Study"] == "Andersen et al. (2019b)"
