"""`g` to a record not in the reviewer's queue (screening.not_in_queue, tui43) at a stage where
one reviewer's vote decides a record: another reviewer's one vote took it out, and the message
read "it has its 1 votes from other reviewers"."""

from __future__ import annotations

from pathlib import Path

from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.project import init_project
from reviewkit.screening.not_in_queue import why_not_in_queue

TA = "title-abstract"

PROTOCOL = """\
[review]
id = "one-vote"
title = "One reviewer per record at title and abstract"
question = "Which workplace interventions help employees with burnout return to work?"
reviewers = ["maria", "tom", "ali"]
leads = ["sara"]

[stages.title-abstract]
reviewers_per_record = 1
"""


def test_one_vote_from_another_reviewer_is_named_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "one-vote.toml").write_text(PROTOCOL, encoding="utf-8")
    project = init_project(tmp_path / "one", tmp_path / "one-vote.toml")
    try:
        one, two = add_records(project, make_records(2))
        scr.decide(project.db, one, TA, "tom", "include")  # one vote decides it
        scr.decide(project.db, two, TA, "tom", "uncertain")  # an uncertain calls in a second
        scr.decide(project.db, two, TA, "ali", "include")
        queue = scr.ReviewerQueue(project, TA, "maria")
        assert queue.position_of(one) is None and queue.position_of(two) is None
        assert why_not_in_queue(queue, one) == "it has its vote from another reviewer"
        assert why_not_in_queue(queue, two) == "it has its 2 votes from other reviewers"
    finally:
        project.close()
