"""Stage routing for both protocols, undo, conflicts, blinding and attachments."""

from __future__ import annotations

import pytest
from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.errors import UserError
from reviewkit.project import open_project
from reviewkit.store.decisions import list_decisions
from reviewkit.store.duplicates import add_link

TA, FT = "title-abstract", "full-text"


def vote(project, study, reviewer, label, reason="", stage=TA, note=""):
    return scr.decide(
        project.db, study, stage, reviewer, label, reason, note, protocol=project.protocol
    )


def test_review_a_one_reviewer_and_uncertain_routes_to_a_second(project_a):
    ids = add_records(project_a, make_records(6))
    a, b, c, d, e, f = ids
    vote(project_a, a, "reviewer1", "include")
    vote(project_a, b, "reviewer1", "exclude", "wrong-outcome")
    vote(project_a, c, "reviewer1", "uncertain")
    vote(project_a, d, "reviewer1", "uncertain")
    vote(project_a, e, "reviewer1", "uncertain")
    out = scr.stage_outcomes(project_a, TA)
    assert out[a].status == "include"
    assert out[b] == scr.Outcome("exclude", "wrong-outcome")
    assert out[c].status == out[f].status == "pending"
    # the second reviewer's queue: the uncertain ones and the untouched one, not a or b
    q2 = scr.ReviewerQueue(project_a, TA, "reviewer2")
    assert sorted(q2.studies) == sorted([c, d, e, f])
    vote(project_a, c, "reviewer2", "include")
    vote(project_a, d, "reviewer2", "exclude", "wrong-population")
    vote(project_a, e, "reviewer2", "uncertain")
    out = scr.stage_outcomes(project_a, TA)
    assert out[c].status == "include"  # uncertain + include: both advance
    assert out[d].status == "conflict"
    assert out[e].status == "include"  # uncertain is in advance_on at title-abstract
    # full text holds what advanced; it needs two reviewers and a reason to exclude
    assert sorted(scr.stage_outcomes(project_a, FT)) == sorted([a, c, e])
    with pytest.raises(UserError, match="reason is required"):
        vote(project_a, a, "reviewer1", "exclude", stage=FT)
    vote(project_a, a, "reviewer1", "include", stage=FT)
    assert scr.stage_outcomes(project_a, FT)[a].status == "pending"
    vote(project_a, a, "reviewer2", "include", stage=FT)
    vote(project_a, c, "reviewer1", "exclude", "wrong-outcome", stage=FT)
    vote(project_a, c, "reviewer2", "exclude", "wrong-question", stage=FT)
    out = scr.stage_outcomes(project_a, FT)
    assert out[a].status == "include"
    assert out[c].status == "conflict"  # reasons required at full text and they differ
    assert scr.included(project_a) == [a]


def test_review_b_two_reviewers_per_record(project_b):
    a, b, c, d = add_records(project_b, make_records(4))
    for study, l1, l2 in (
        (a, "include", "include"),
        (b, "include", "uncertain"),
        (c, "exclude", "uncertain"),
    ):
        vote(project_b, study, "reviewer1", l1, "no-collaboration" if l1 == "exclude" else "")
        vote(project_b, study, "reviewer2", l2)
    vote(project_b, d, "reviewer1", "exclude", "long-term")
    out = scr.stage_outcomes(project_b, TA)
    assert [out[x].status for x in (a, b, c, d)] == ["include", "include", "conflict", "pending"]
    counts = scr.stage_counts(project_b, TA)
    assert (counts.total, counts.screened, counts.included, counts.pending, counts.conflicts) == (
        4,
        4,
        2,
        1,
        1,
    )
    q2 = scr.ReviewerQueue(project_b, TA, "reviewer2")
    assert [s for s in q2.studies if s not in q2.votes] == [d] and q2.remaining == 1
    vote(project_b, d, "reviewer2", "exclude", "wrong-outcome")
    counts = scr.stage_counts(project_b, TA)
    assert counts.excluded_by_reason == {"long-term": 1}  # the first vote's reason
    # full text: uncertain is not in advance_on, so two uncertain votes need a resolver
    for r in ("reviewer1", "reviewer2"):
        vote(project_b, a, r, "uncertain", stage=FT)
    assert scr.stage_outcomes(project_b, FT)[a].status == "conflict"


def test_decisions_on_duplicates_count_for_the_study(project_b):
    a, b = add_records(project_b, make_records(2))
    vote(project_b, b, "reviewer1", "include")
    with project_b.db.transaction():
        add_link(project_b.db, a, b, "duplicate", made_by="person:x")
    vote(project_b, a, "reviewer2", "include")
    assert scr.stage_outcomes(project_b, TA) == {a: scr.Outcome("include")}


def test_bad_input_is_refused_and_nothing_written(project_a):
    (a,) = add_records(project_a, make_records(1))
    cases = [
        dict(reviewer="stranger", label="include"),
        dict(reviewer="reviewer1", label="maybe"),
        dict(reviewer="reviewer1", label="exclude", reason="no-such-reason"),
        dict(reviewer="reviewer1", label="include", reason="wrong-outcome"),
    ]
    for case in cases:
        with pytest.raises(UserError):
            scr.decide(project_a.db, a, TA, protocol=project_a.protocol, **case)
    with pytest.raises(UserError, match="no record"):
        vote(project_a, 999, "reviewer1", "include")
    with pytest.raises(UserError, match="stage"):
        vote(project_a, a, "reviewer1", "include", stage="abstract")
    assert list_decisions(project_a.db) == []


def test_undo_appends_and_survives_a_restart(project_b):
    a, b = add_records(project_b, make_records(2))
    first = vote(project_b, a, "reviewer1", "include")
    second = vote(project_b, a, "reviewer1", "exclude", "long-term")
    folder = project_b.folder
    project_b.close()
    project = open_project(folder)
    try:
        undone = scr.undo(project.db, TA, "reviewer1")
        assert undone.id == second.id
        q = scr.ReviewerQueue(project, TA, "reviewer1")
        assert q.votes[a].id == first.id  # the earlier vote is current again
        assert scr.undo(project.db, TA, "reviewer1").id == first.id
        assert scr.undo(project.db, TA, "reviewer1") is None
        log = list_decisions(project.db)
        assert [d.label for d in log] == ["include", "exclude", "undo", "undo"]
        assert [d.undoes for d in log[2:]] == [second.id, first.id]
        assert scr.ReviewerQueue(project, TA, "reviewer1").votes == {}
    finally:
        project.close()


def test_queue_undo_restores_notes_and_vote(project_b):
    (a,) = add_records(project_b, make_records(1))
    q = scr.ReviewerQueue(project_b, TA, "reviewer1")
    q.decide(a, "include")
    q.note(a, "check the population")
    assert q.notes[a] == ["check the population"]
    assert q.undo().label == "note"
    assert q.notes[a] == [] and q.votes[a].label == "include"
    q.undo()
    assert a not in q.votes and q.remaining == 1


def test_seeded_order_is_stable_per_reviewer_and_pluggable(project_b):
    ids = add_records(project_b, make_records(30))
    one = scr.ReviewerQueue(project_b, TA, "reviewer1", seed=7).studies
    assert one == scr.ReviewerQueue(project_b, TA, "reviewer1", seed=7).studies
    assert one != scr.ReviewerQueue(project_b, TA, "reviewer2", seed=7).studies
    assert one != scr.ReviewerQueue(project_b, TA, "reviewer1", seed=8).studies
    assert sorted(one) == ids
    ranked = scr.ReviewerQueue(project_b, TA, "reviewer1", order=lambda s: sorted(s, reverse=True))
    assert ranked.studies == sorted(ids, reverse=True)
    # adding studies keeps the relative order of the old ones
    add_records(project_b, make_records(5, prefix="Later"), source="later")
    again = scr.ReviewerQueue(project_b, TA, "reviewer1", seed=7).studies
    assert [s for s in again if s in set(ids)] == one


def test_blinding_queue_shows_only_my_votes_and_notes(project_b):
    a, b = add_records(project_b, make_records(2))
    vote(project_b, a, "reviewer1", "exclude", "long-term", note="secret note of reviewer1")
    scr.add_note(project_b.db, b, TA, "reviewer1", "another secret")
    q2 = scr.ReviewerQueue(project_b, TA, "reviewer2")
    assert q2.votes == {} and all(not n for n in q2.notes.values())
    assert sorted(q2.studies) == [a, b]
    with pytest.raises(UserError, match="unblind"):
        scr.conflicts(project_b, TA, "reviewer2")
    assert scr.conflicts(project_b, TA, "lead") == []  # a non-reviewer may look


def test_resolving_a_conflict_records_who_and_why(project_b):
    a, b = add_records(project_b, make_records(2))
    vote(project_b, a, "reviewer1", "include", note="relevant model")
    vote(project_b, a, "reviewer2", "exclude", "health-only")
    with pytest.raises(UserError, match="not in conflict"):
        scr.resolve(project_b, b, TA, "lead", "include")
    with pytest.raises(UserError, match="reason"):
        scr.resolve(project_b, a, TA, "lead", "include", reason="health-only")
    (view,) = scr.conflicts(project_b, TA, "lead")
    assert view.votes == (
        ("reviewer1", "include", "", ("relevant model",)),
        ("reviewer2", "exclude", "health-only", ()),
    )
    d = scr.resolve(
        project_b, a, TA, "lead", "exclude", "health-only", note="CBT only, no employer"
    )
    assert scr.stage_outcomes(project_b, TA)[a] == scr.Outcome("exclude", "health-only", "lead")
    assert d.reviewer == "lead" and d.label == "final-exclude"
    (view,) = scr.conflicts(project_b, TA, "lead")
    assert view.final.id == d.id
    # the resolver may change their mind: undo, then the conflict is back
    scr.undo(project_b.db, TA, "lead")
    assert scr.stage_outcomes(project_b, TA)[a].status == "conflict"


def test_attach_and_find_record(project_a, tmp_path):
    (a,) = add_records(project_a, make_records(1))
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    att = scr.attach(project_a.db, a, str(pdf), added_by="reviewer1")
    assert att.kind == "file" and scr.attachment_url(att).startswith("file://")
    scr.attach(project_a.db, a, "https://example.org/paper.pdf")
    q = scr.ReviewerQueue(project_a, TA, "reviewer1")
    assert q.attachment(a).target == "https://example.org/paper.pdf"
    for bad in ("missing.pdf", "https://"):
        with pytest.raises(UserError):
            scr.attach(project_a.db, a, bad)
    assert scr.find_record(project_a.db, "pmid:1001") == a
    assert scr.find_record(project_a.db, "doi:10.1000/TEST.1") == a
    assert scr.find_record(project_a.db, str(a)) == a
    for bad in ("pmid:5", "nonsense", "424242"):
        with pytest.raises(UserError):
            scr.find_record(project_a.db, bad)
