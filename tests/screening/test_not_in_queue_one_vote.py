"""`g` to a record not in the reviewer's queue (screening.not_in_queue, tui43) at a stage where
one reviewer's vote decides a record: another reviewer's one vote took it out, and the message
read "it has its 1 votes from other reviewers"."""

from __future__ import annotations

from pathlib import Path

from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.project import Project, init_project
from reviewkit.screening.not_in_queue import why_not_in_queue

TA, FT = "title-abstract", "full-text"

PROTOCOL = """\
[review]
id = "one-vote"
title = "One reviewer per record at title and abstract"
question = "Which workplace interventions help employees with burnout return to work?"
reviewers = ["maria", "tom", "ali"]
leads = ["sara"]

[stages.title-abstract]
reviewers_per_record = 1

[stages.full-text]
reason_required = true
exclusion_reasons = [{ code = "no-intervention", label = "No intervention studied" }]
"""


def _project(tmp_path: Path) -> Project:
    (tmp_path / "one-vote.toml").write_text(PROTOCOL, encoding="utf-8")
    return init_project(tmp_path / "one", tmp_path / "one-vote.toml")


def test_one_vote_from_another_reviewer_is_named_in_the_singular(tmp_path: Path) -> None:
    project = _project(tmp_path)
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


def test_at_full_text_each_way_a_record_stands_at_title_abstract(tmp_path: Path) -> None:
    """Excluded, in conflict, waiting for this reviewer or for another one: four records at
    title-abstract, none of them at full text, each named with its own reason."""
    project = _project(tmp_path)
    try:
        ids = add_records(project, make_records(5))
        scr.decide(project.db, ids[0], TA, "tom", "include")  # at full text: maria's queue
        scr.decide(project.db, ids[1], TA, "tom", "exclude")
        scr.decide(project.db, ids[2], TA, "tom", "uncertain")  # calls in a second vote,
        scr.decide(project.db, ids[2], TA, "ali", "exclude")  # which disagrees
        scr.decide(project.db, ids[3], TA, "maria", "uncertain")  # waits for another's vote
        queue = scr.ReviewerQueue(project, FT, "maria")
        assert queue.studies == [ids[0]]
        assert [why_not_in_queue(queue, rid) for rid in ids[1:]] == [
            f"it was excluded at {TA}",
            f"its votes at {TA} disagree: a lead resolves that first",
            f"it waits at {TA} for another reviewer's vote",
            f"it waits for your vote at {TA} (reviewkit screen --reviewer maria --stage {TA})",
        ]
    finally:
        project.close()
