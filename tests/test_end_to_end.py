"""A whole review through the public commands: Review B from files to the report.

Two sources are imported (RIS and CSV, one duplicate across them), deduplicated, screened by
two reviewers at both stages with one conflict resolved, classified and confirmed, and
reported. The PRISMA numbers, the report table and the RIS export are read back and checked
against what was done.
"""

from __future__ import annotations

import csv
from pathlib import Path

import rispy
from review_b_files import CSV_ROWS, PROTOCOL_B, RIS, report_of_review_b, run

from reviewkit import screening
from reviewkit.project import open_project
from reviewkit.store.records import get_record


def test_review_b_from_files_to_report(tmp_path: Path) -> None:
    folder = tmp_path / "review-b"
    run("init", str(folder), "--protocol", str(PROTOCOL_B))
    (tmp_path / "scholar.ris").write_text(RIS, encoding="utf-8")
    with open(tmp_path / "snowball.csv", "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(CSV_ROWS)
    run(
        "import",
        str(tmp_path / "scholar.ris"),
        "--source",
        "Google Scholar",
        "--project",
        str(folder),
    )
    run(
        "import",
        str(tmp_path / "snowball.csv"),
        "--source",
        "snowballing",
        "--project",
        str(folder),
    )
    run("dedup", "--project", str(folder))

    project = open_project(folder)
    studies = {
        get_record(project.db, s).title[:20]: s
        for s in screening.stage_outcomes(project, "title-abstract")
    }
    assert len(studies) == 5  # 6 records, the coordinator study twice (DOI in two spellings)
    ips, coord, cbt, survey, team = (
        studies[t]
        for t in (
            "Individual placement",
            "A return-to-work coo",
            "Work-focused cogniti",
            "Sickness absence amo",
            "Multidisciplinary te",
        )
    )

    ta = "title-abstract"
    for reviewer in ("reviewer1", "reviewer2"):
        for study in (ips, coord, team):
            screening.decide(project.db, study, ta, reviewer, "include", protocol=project.protocol)
        screening.decide(
            project.db,
            survey,
            ta,
            reviewer,
            "exclude",
            "wrong-population",
            protocol=project.protocol,
        )
    screening.decide(
        project.db, cbt, ta, "reviewer1", "exclude", "health-only", protocol=project.protocol
    )
    screening.decide(project.db, cbt, ta, "reviewer2", "uncertain", protocol=project.protocol)
    assert screening.stage_outcomes(project, ta)[cbt].status == "conflict"
    screening.resolve(project, cbt, ta, "lead", "exclude", "health-only")

    ft = "full-text"
    for reviewer in ("reviewer1", "reviewer2"):
        for study in (ips, coord):
            screening.decide(project.db, study, ft, reviewer, "include", protocol=project.protocol)
        screening.decide(
            project.db, team, ft, reviewer, "exclude", "long-term", protocol=project.protocol
        )
    assert sorted(screening.included(project)) == sorted([ips, coord])
    project.close()

    run("agreement", "--csv", str(tmp_path / "agreement.csv"), "--project", str(folder))
    run(
        "classify",
        "--scheme",
        "model-type",
        "--csv",
        str(tmp_path / "suggestions.csv"),
        "--project",
        str(folder),
    )
    with open(tmp_path / "suggestions.csv", newline="", encoding="utf-8") as fh:
        suggested = {row["record_id"]: row["rules"] for row in csv.DictReader(fh)}
    assert suggested[str(ips)] == "job-specialist"
    assert suggested[str(coord)] == "coordinator"
    run(
        "label",
        str(ips),
        "model-type=job-specialist",
        "--reviewer",
        "reviewer1",
        "--project",
        str(folder),
    )

    out = tmp_path / "exports"
    prisma = report_of_review_b(folder, out)
    assert prisma["records identified"] == 6
    assert prisma["duplicates removed automatically"] == 1

    run(
        "export",
        "--included",
        "--format",
        "ris",
        "--out",
        str(tmp_path / "included.ris"),
        "--project",
        str(folder),
    )
    exported = rispy.loads((tmp_path / "included.ris").read_text(encoding="utf-8"))
    assert sorted(e["doi"] for e in exported) == ["10.1234/coord.2021.7", "10.1234/ips.2019.1"]
