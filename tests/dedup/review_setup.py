"""A project for the review-queue tests: a rule-merged cluster and title-only copies; what a
verdict may change in it (snapshot)."""

from __future__ import annotations

import csv
from pathlib import Path

from conftest import add_records
from dedup.helpers import TITLE, other, rec

from reviewkit import screening as scr
from reviewkit.dedup import engine
from reviewkit.dedup.effects import open_conflicts
from reviewkit.store import duplicates as links

BARE = dict(authors=[], journal="", volume="", pages="", year=None)
TA = "title-abstract"


def six_records(project) -> list[int]:
    """Three records of one article merged by rules (ids 1, 2, 6), three title-only copies
    (3, 4, 5) queued against them and each other (12 open pairs), and an unrelated record;
    1 included and 3 excluded at title-abstract by two reviewers."""
    ids = add_records(
        project,
        [
            rec(doi="10.1000/rtw.9"),
            rec(doi="10.1000/rtw.9", source="Embase"),
            rec(**BARE, source="RIS"),
            rec(**BARE, title=TITLE.upper(), source="Scholar"),
            rec(**BARE, title=f"[{TITLE}]", source="Grey"),
            rec(title=TITLE + ".", source="Web of Science", pages=""),
            other(3),
        ],
    )
    engine.run_dedup(project.db)
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project.db, ids[0], TA, who, "include")
        scr.decide(project.db, ids[2], TA, who, "exclude", "long-term")
    assert len(engine.review_queue(project.db)) == 12
    return ids


def fill_verdicts(sheet: Path, said: dict[tuple[int, int], str]) -> Path:
    """Fill the verdict column of a written queue sheet (``dedup review --csv``) as a person
    would: ``said`` maps (record_a, record_b) to 'same' or 'different'; other rows stay empty."""
    with open(sheet, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["verdict"] = said.get((int(row["record_a"]), int(row["record_b"])), "")
    with open(sheet, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return sheet


def snapshot(project) -> tuple:
    """What a verdict may change: the queue, the clusters, each stage's outcomes, conflicts."""
    queue = sorted((q.a, q.b, q.score, q.rule) for q in engine.review_queue(project.db))
    outcomes = {
        stage: sorted((s, o.status) for s, o in scr.stage_outcomes(project, stage).items())
        for stage in scr.stage_names(project.protocol)
    }
    conflicts = sorted((c.study_id, c.stage, c.outcomes, c.kept) for c in open_conflicts(project))
    return queue, links.canonical_map(project.db), outcomes, conflicts
