"""A reviewer pressing the key of the vote they already gave (going back through their decisions)
changes nothing: no entry is written, so nothing that reads the log's times moves."""

from __future__ import annotations

import pytest
from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.dedup.engine import merge_records
from reviewkit.store.decisions import list_decisions

TA, FT = "title-abstract", "full-text"


@pytest.mark.parametrize("newest_on", ["included copy", "excluded copy"])
def test_the_same_vote_again_leaves_a_lead_s_settled_merge_as_it_was(project_b, newest_on):
    """Two copies screened apart to full text, one included, one excluded; the lead merged
    them and settled the conflict exclude (logged on the copy the reviewers excluded).
    reviewer1, back on the study, pressed the key of the vote that stands: the vote was
    written again after the final, which no longer settled the merge: the conflict opened
    again for the lead and, the vote on the included copy, the study counted included."""
    inc, exc = add_records(project_b, make_records(2))
    reason = project_b.protocol.stages[FT].exclusion_reasons[0].code
    for who in ("reviewer1", "reviewer2"):
        for record in (inc, exc):
            scr.decide(project_b.db, record, TA, who, "include")
    order = [(exc, "exclude"), (inc, "include")]
    if newest_on == "excluded copy":
        order.reverse()
    for who in ("reviewer1", "reviewer2"):
        for record, label in order:
            scr.decide(project_b.db, record, FT, who, label, reason if label == "exclude" else "")
    merge_records(project_b.db, inc, exc, "lead")
    assert inc in {c.study_id for c in scr.conflicts(project_b, FT, "lead") if c.open}
    scr.resolve(project_b, inc, FT, "lead", "exclude", reason)
    before = list_decisions(project_b.db)
    queue = scr.ReviewerQueue(project_b, FT, "reviewer1")
    shown = queue.votes[inc]
    again = queue.decide(inc, shown.label, shown.reason)
    assert again.id == shown.id
    assert list_decisions(project_b.db) == before
    assert scr.stage_outcomes(project_b, FT)[inc].status == "exclude"
    assert [c.study_id for c in scr.conflicts(project_b, FT, "lead") if c.open] == []
