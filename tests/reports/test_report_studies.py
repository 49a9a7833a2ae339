"""Reports of one study in the report: one row per study listing its reports, PRISMA 2020's
"studies (reports)", the evidence map counting the study once; unconfirmed links change nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from reports.conftest import ips_trial_reports, store_records

from reviewkit import classify
from reviewkit.cli import main
from reviewkit.dedup.studies import decide_study_link, suggest_study_links
from reviewkit.evidence import build_map
from reviewkit.reports import prisma
from reviewkit.reports.report import write_report
from reviewkit.reports.snapshot import ProjectSnapshot


@pytest.fixture
def trial(project_b, include_all):
    """Review B with the trial's three reports and one other study, all included and classified;
    the links are suggested (not yet confirmed); the main paper's model type confirmed."""
    ids = store_records(project_b, ips_trial_reports(), "PubMed")
    include_all(project_b, ids)
    classify.classify_project(project_b, ids)
    classify.confirm(project_b, ids[1], "model-type", ["job-specialist"], "reviewer1")
    assert suggest_study_links(project_b.db).new == 3
    return project_b, ids


def _confirm(project, ids) -> None:
    protocol, main, follow_up = ids[:3]
    decide_study_link(project.db, protocol, main, True, "ann")
    decide_study_link(project.db, main, follow_up, True, "ann")


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


def _prisma(folder: Path) -> dict[str, int]:
    return {r["Item"]: int(r["Count"]) for r in _rows(folder / "prisma.csv")}


def test_a_confirmed_study_is_one_row_listing_its_three_reports(trial, tmp_path: Path):
    project, ids = trial
    _confirm(project, ids)
    write_report(project, tmp_path / "out", ("csv", "md"))
    tables = tmp_path / "out" / "tables"
    rows = [(f.stem, r) for f in sorted(tables.glob("*.csv")) for r in _rows(f)]
    trial_rows = [(name, r) for name, r in rows if "Hellström" in r["Reference"]]
    # the main paper's confirmed label is the study's: one row, in its table only
    assert [name for name, _ in trial_rows] == ["job-specialist"]
    row = trial_rows[0][1]
    assert row["Label status"] == "confirmed by reviewer1"
    reports = row["Reports"].split("\n")
    assert len(reports) == 3
    assert [r.split(". ")[1].split(":")[0] for r in reports] == [
        "Individual placement and support for people with depression",
        "Individual placement and support for sick-listed people with depression",
        "Two-year follow-up of individual placement and support for depression",
    ]
    other = [r for _, r in rows if "Aas RW" in r["Reference"]]
    assert [r["Reports"] for r in other] == [""] * len(other)  # one report: its Reference
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "1 study (3 reports)" in md


def test_prisma_gives_studies_and_reports_that_add_up(trial, tmp_path: Path):
    project, ids = trial
    _confirm(project, ids)
    write_report(project, tmp_path / "out", ("csv",))
    counts = _prisma(tmp_path / "out")
    assert counts["studies included"] == 2  # the trial and the other study
    assert counts["reports of included studies"] == 4
    assert counts["reports assessed for eligibility"] == 4  # screening stays per record
    c = prisma.collect_counts(project)
    assert prisma.check(c) == []
    texts = " ".join(" ".join(box.text.split()) for box in prisma.layout(c)[0])
    assert "Studies included in review (n = 2) Reports of included studies (n = 4)" in texts


def _status(project, capsys) -> str:
    assert main(["status", "--project", str(project.folder)]) == 0
    return capsys.readouterr().out


def test_status_counts_included_studies_and_their_reports(trial, capsys):
    project, ids = trial
    assert "included records: 4\n" in _status(project, capsys)  # dedup has not run
    _confirm(project, ids)
    out = _status(project, capsys)
    assert "included studies: 2 (4 reports)" in out
    assert "4 records: 4 included" in out  # screening stays per record


def test_prisma_check_catches_study_numbers_that_do_not_add_up():
    c = prisma.PrismaCounts(flow=prisma.Flow(included=4), studies_included=5)
    assert any("studies included (5)" in p for p in prisma.check(c))
    c = prisma.PrismaCounts(
        flow=prisma.Flow(included=1),
        total_included=4,
        studies_included=2,
        update=True,
        previous_included=3,
        still_included=3,
        previous_studies=1,
        still_studies=1,
        new_studies=0,
    )
    assert "studies included = previous still included + new: 2 != 1" in prisma.check(c)
    c.new_studies = 1
    assert not any("studies" in p for p in prisma.check(c))


def test_evidence_map_counts_the_study_once(trial):
    project, ids = trial
    _confirm(project, ids)
    snap = ProjectSnapshot.read(project)
    assert snap.studies == [ids[0], ids[3]] and snap.reports[ids[0]] == tuple(ids[:3])
    emap = build_map(
        project,
        "model-type",
        "diagnosis",
        snap.included,
        records=snap.records,
        reports=snap.reports,
    )
    assert emap.studies == [ids[0], ids[3]]
    assert emap.matrix_table().rows[-1][-1] == sum(
        len(emap.cells[k]) for k in emap.cells
    )  # every study in each of its cells
    assert emap.count("job-specialist", "mental") == 1
    assert emap.citations[ids[0]] == "Hellström and Madsen (2013) [3 reports]"


def test_the_evidence_map_command_counts_the_study_once_as_the_report_does(trial, tmp_path):
    """`evidence-map` alone gives the map the report gives: the trial's three linked reports
    are one study in one cell (it counted three, and said "4 studies")."""
    project, ids = trial
    _confirm(project, ids)
    folder = str(project.folder)
    argv = ["evidence-map", "--project", folder, "--rows", "model-type", "--cols", "diagnosis"]
    assert main([*argv, "--out", str(tmp_path / "map")]) == 0
    write_report(project, tmp_path / "report", ("csv",))
    alone, in_report = tmp_path / "map", tmp_path / "report" / "evidence-map"
    for name in ("evidence-map.csv", "evidence-map-cells.csv", "evidence-map.notes.txt"):
        assert (alone / name).read_text(encoding="utf-8") == (in_report / name).read_text(
            encoding="utf-8"
        ), name
    cells = {r["studies"]: r["count"] for r in _rows(alone / "evidence-map-cells.csv")}
    assert cells["Hellström and Madsen (2013) [3 reports]"] == "1"


def _outputs(folder: Path) -> dict[str, str]:
    files = [*folder.glob("tables/*.csv"), folder / "prisma.csv", folder / "report.md"]
    files += folder.glob("evidence-map/*.csv")
    return {str(f.relative_to(folder)): f.read_text(encoding="utf-8") for f in files}


def test_suggested_or_rejected_links_change_nothing(trial, tmp_path: Path):
    project, ids = trial
    write_report(project, tmp_path / "suggested", ("csv", "md"))
    decide_study_link(project.db, ids[0], ids[1], False, "ann")
    decide_study_link(project.db, ids[1], ids[2], False, "ann")
    write_report(project, tmp_path / "rejected", ("csv", "md"))
    suggested = _outputs(tmp_path / "suggested")
    assert _outputs(tmp_path / "rejected") == suggested
    # no link confirmed: each study is one report, PRISMA's two included lines one number
    assert (
        "included,studies included,4\nincluded,reports of included studies,4"
        in (suggested["prisma.csv"])
    )
    assert "Reports" not in suggested["tables/job-specialist.csv"].splitlines()[0].split(",")
    assert ProjectSnapshot.read(project).studies == ids
