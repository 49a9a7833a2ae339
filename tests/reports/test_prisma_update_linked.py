"""PRISMA 2020's update diagram with a new report, found by other methods, of a study the
previous version included (Page et al. 2021, fig. 1, "new and updated reviews": a new report
of a study included before counts among the reports, not among the new studies)."""

from __future__ import annotations

from pathlib import Path

from reports.conftest import _include_all
from reports.update_versions import FOLLOW_UP_RIS, OTHER_RIS, TRIAL_RIS, import_ris, prisma_counts

from reviewkit.cli import main


def test_new_report_by_citation_searching_of_an_earlier_study(project_b, tmp_path: Path):
    """Version 1 included a trial found in PubMed; in version 2 its follow-up, found by citation
    searching and linked to it with `dedup study-link`, is a report of an earlier study: the
    other methods' column counts it among its reports, not its studies, and the databases'
    column neither (it was not found there). A new study found in PubMed is the one new study."""
    project = project_b
    trial = import_ris(project, tmp_path, "v1", TRIAL_RIS, "PubMed")
    _include_all(project, trial)
    report = ["report", "--project", str(project.folder), "--format", "csv"]
    assert main([*report, "--out", str(tmp_path / "v1"), "--new-version", "v1"]) == 0
    new = import_ris(project, tmp_path, "v2-db", OTHER_RIS, "PubMed")
    follow_up = import_ris(project, tmp_path, "v2-cit", FOLLOW_UP_RIS, "citation searching")
    _include_all(project, new + follow_up)
    link = ["dedup", "study-link", str(trial[0]), str(follow_up[0]), "--same"]
    assert main([*link, "--reviewer", "lead", "--project", str(project.folder)]) == 0

    counts = prisma_counts(project, tmp_path / "v2")
    assert counts["included", "new studies included"] == 1
    assert counts["included", "reports of new studies included"] == 2
    assert counts["included", "of which new reports of earlier studies"] == 1
    db, other = "databases and registers", "other methods"
    assert (counts[db, "studies included"], counts[db, "reports of included studies"]) == (1, 1)
    assert (counts[other, "studies included"], counts[other, "reports of included studies"]) == (
        0,
        1,
    )
    # the columns add up to the new studies and their reports
    assert counts[db, "studies included"] + counts[other, "studies included"] == 1
    assert (
        counts[db, "reports of included studies"] + counts[other, "reports of included studies"]
        == 2
    )
