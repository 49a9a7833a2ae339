"""A project for the review-queue tests: a rule-merged cluster and title-only copies."""

from __future__ import annotations

from conftest import add_records
from dedup.helpers import TITLE, other, rec

from reviewkit import screening as scr
from reviewkit.dedup import engine

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
