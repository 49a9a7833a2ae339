"""PRISMA 2020 item 16b: the report had no table of the studies excluded at full text and why.
Now one table lists each report assessed and excluded, with the reason the diagram counts (the
lead's where a conflict was resolved), in every format; its rows, counted by reason, give the
diagram's 'Reports excluded' lines, read back from the written files."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from conftest import PROTOCOL_B, add_records
from openpyxl import load_workbook
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.project import init_project
from reviewkit.reports.excluded import COLUMNS
from reviewkit.reports.report import write_report

TA, FT = "title-abstract", "full-text"
PRISMA_LINE = "full text excluded: "


def _decide(project, study, stage, labels: dict[str, tuple[str, str]]) -> None:
    for reviewer, (label, reason) in labels.items():
        scr.decide(project.db, study, stage, reviewer, label, reason, protocol=project.protocol)


def _both(project, study, stage, label, reason="") -> None:
    _decide(project, study, stage, {r: (label, reason) for r in ("reviewer1", "reviewer2")})


def _read(out: Path) -> tuple[list[dict[str, str]], dict[str, int]]:
    with (out / "tables" / "excluded-at-full-text.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with (out / "prisma.csv").open(encoding="utf-8") as f:
        prisma = {r["Item"]: int(r["Count"]) for r in csv.DictReader(f)}
    return rows, prisma


def _agrees(rows: list[dict[str, str]], prisma: dict[str, int]) -> None:
    by_reason = Counter(r["Reason for exclusion"] for r in rows)
    lines = {k.removeprefix(PRISMA_LINE): v for k, v in prisma.items() if k.startswith(PRISMA_LINE)}
    assert by_reason == lines
    assert len(rows) == prisma["reports excluded"]


def test_excluded_at_full_text_with_the_leads_reason(project_b, tmp_path: Path) -> None:
    project = project_b
    agreed, resolved, unseen, kept, reopened = add_records(project, make_records(5))
    for s in (agreed, resolved, unseen, kept, reopened):
        _both(project, s, TA, "include")
    _both(project, agreed, FT, "exclude", "wrong-population")
    # a conflict the lead resolved: its reason is the lead's, neither reviewer's
    votes = {"reviewer1": ("include", ""), "reviewer2": ("exclude", "wrong-design")}
    _decide(project, resolved, FT, votes)
    scr.resolve(project, resolved, FT, "lead", "exclude", "health-only")
    _both(project, unseen, FT, "exclude", "no-full-text")  # not retrieved: counted apart
    _both(project, kept, FT, "include")
    _decide(project, reopened, FT, votes)
    scr.resolve(project, reopened, FT, "lead", "include")  # the lead kept it: not listed

    out = tmp_path / "exports"
    write_report(project, out)
    rows, prisma = _read(out)
    assert list(rows[0]) == COLUMNS
    got = {r["Title"]: (r["Reason for exclusion"], r["Decided by"]) for r in rows}
    titles = {s: r.title for s, r in zip((agreed, resolved), make_records(2), strict=True)}
    assert got == {
        titles[agreed]: ("Wrong population / diagnosis", "reviewers agreed"),
        titles[resolved]: ("Work focus inside health care only", "lead (final decision)"),
    }
    assert prisma["reports not retrieved"] == 1
    _agrees(rows, prisma)
    assert "Studies excluded at full text (n = 2)" in (out / "report.md").read_text("utf-8")
    sheet = load_workbook(out / "report.xlsx")["Excluded at full text"]
    assert [c.value for c in sheet[2]] == COLUMNS


def test_reviewers_different_reasons_are_both_said(tmp_path: Path) -> None:
    """A stage that takes an agreed exclusion whatever the reasons: the diagram counts the
    first reason given, and the table says the other beside it."""
    text = PROTOCOL_B.read_text(encoding="utf-8")
    ft = text.index("[stages.full-text]")
    text = text[:ft] + text[ft:].replace("reason_required = true", "reason_required = false", 1)
    path = tmp_path / "protocol.toml"
    path.write_text(text, encoding="utf-8")
    project = init_project(tmp_path / "review", path)
    try:
        (study,) = add_records(project, make_records(1))
        _both(project, study, TA, "include")
        votes = {
            "reviewer1": ("exclude", "wrong-population"),
            "reviewer2": ("exclude", "long-term"),
        }
        _decide(project, study, FT, votes)
        out = tmp_path / "exports"
        write_report(project, out, formats=("csv",))
        rows, prisma = _read(out)
    finally:
        project.close()
    (row,) = rows
    assert (row["Reason for exclusion"], row["Other reasons given"]) == (
        "Wrong population / diagnosis",
        "Out of work a year or more",
    )
    _agrees(rows, prisma)
