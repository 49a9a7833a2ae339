"""PRISMA 2020's update diagram with a new report, found by other methods, of a study the
previous version included (Page et al. 2021, fig. 1, "new and updated reviews": a new report
of a study included before counts among the reports, not among the new studies)."""

from __future__ import annotations

import csv
from pathlib import Path

from reviewkit.cli import main

from .conftest import _include_all

_TRIAL = (
    "TY  - JOUR\nTI  - Individual placement and support for depression\n"
    "AU  - Hellström, Lone\nPY  - 2017\nJO  - Occup Environ Med\nER  - \n"
)
_OTHER = (
    "TY  - JOUR\nTI  - Dialogue meetings with the employer for back pain\n"
    "AU  - Aas, Randi\nPY  - 2020\nJO  - J Occup Rehabil\nER  - \n"
)
_FOLLOW_UP = (
    "TY  - JOUR\nTI  - Two-year follow-up of individual placement and support\n"
    "AU  - Hellström, Lone\nPY  - 2019\nJO  - Occup Environ Med\nER  - \n"
)


def _import(project, tmp_path: Path, name: str, text: str, source: str) -> list[int]:
    """Import ``text`` (RIS) from ``source`` through the CLI; the ids it stored."""
    from reviewkit.store import records as record_rows

    before = set(record_rows.ids_after(project.db, 0))
    path = tmp_path / f"{name}.ris"
    path.write_text(text, encoding="utf-8")
    argv = ["import", str(path), "--source", source, "--project", str(project.folder)]
    assert main(argv) == 0
    return sorted(set(record_rows.ids_after(project.db, 0)) - before)


def _prisma_csv(project, out: Path) -> dict[tuple[str, str], int]:
    assert main(["prisma", "--project", str(project.folder), "--out", str(out)]) == 0
    with (out / "prisma.csv").open(encoding="utf-8") as f:
        return {(r["Section"], r["Item"]): int(r["Count"]) for r in csv.DictReader(f)}


def test_new_report_by_citation_searching_of_an_earlier_study(project_b, tmp_path: Path):
    """Version 1 included a trial found in PubMed; in version 2 its follow-up, found by citation
    searching and linked to it with `dedup study-link`, is a report of an earlier study: the
    other methods' column counts it among its reports, not its studies, and the databases'
    column neither (it was not found there). A new study found in PubMed is the one new study."""
    project = project_b
    trial = _import(project, tmp_path, "v1", _TRIAL, "PubMed")
    _include_all(project, trial)
    report = ["report", "--project", str(project.folder), "--format", "csv"]
    assert main([*report, "--out", str(tmp_path / "v1"), "--new-version", "v1"]) == 0
    new = _import(project, tmp_path, "v2-db", _OTHER, "PubMed")
    follow_up = _import(project, tmp_path, "v2-cit", _FOLLOW_UP, "citation searching")
    _include_all(project, new + follow_up)
    link = ["dedup", "study-link", str(trial[0]), str(follow_up[0]), "--same"]
    assert main([*link, "--reviewer", "lead", "--project", str(project.folder)]) == 0

    counts = _prisma_csv(project, tmp_path / "v2")
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
