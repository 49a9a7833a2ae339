"""The screening screen keeps up while it sits idle: others' votes, rerun records and the
includes of the stage before show without a key (they waited for the next key before)."""

from __future__ import annotations

from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr

TA, FT = "title-abstract", "full-text"


def test_a_new_include_at_the_stage_before_is_a_change_and_my_own_entry_is_not(project_b):
    """The queue's change check counts the entries at the stage before (no record or link
    changes when a study is included there) and other reviewers' entries, never my own."""
    ids = add_records(project_b, make_records(3))
    ft = scr.ReviewerQueue(project_b, FT, "reviewer1")
    ta = scr.ReviewerQueue(project_b, TA, "reviewer1")
    assert ft.studies == []
    for reviewer in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, ids[2], TA, reviewer, "include")
    change = ft.refresh()
    assert change is not None and change.added == [ids[2]] and change.stored == 0
    assert ft.refresh() is None  # taken: one cheap look again
    assert ta.refresh() is not None  # reviewer2's vote: a change at title-abstract too
    ta.decide(ids[0], "exclude")
    ta.note(ids[1], "a note of mine")
    ta.undo()
    assert ta.refresh() is None  # my own entries are in the queue already
    assert ft.refresh(decisions=False) is None  # a key looks at records and links only
    scr.decide(project_b.db, ids[1], TA, "reviewer2", "include")
    assert ta.refresh(decisions=False) is None and ta.refresh() is not None
