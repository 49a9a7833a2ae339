"""A reviewer changing their vote after the lead's final decision: the final counts until the
lead gives another, on a single record and on a study a dedup merge joined alike, and the
changed vote opens the study's conflict for the lead on both (a single record's went to no
one); nothing moves the counts without the lead's decision."""

from __future__ import annotations

import shutil

from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.dedup.engine import merge_records
from reviewkit.project import open_project
from reviewkit.screening.decisions import add_note

TA, FT = "title-abstract", "full-text"


def _open(project, stage):
    return [c.study_id for c in scr.conflicts(project, stage, "lead") if c.open]


def test_single_record_keeps_its_final_when_a_vote_changes(project_b, capsys):
    """The final stands in the outcome and the counts, and the changed vote opens the
    conflict for the lead, as a merged study's does (it opened none: the lead was not told)."""
    (rec,) = add_records(project_b, make_records(1))
    reason = project_b.protocol.stages[FT].exclusion_reasons[0].code
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, rec, TA, who, "include")
    scr.decide(project_b.db, rec, FT, "reviewer1", "include")
    scr.decide(project_b.db, rec, FT, "reviewer2", "exclude", reason)
    assert _open(project_b, FT) == [rec]
    scr.resolve(project_b, rec, FT, "lead", "exclude", reason)
    before = scr.stage_counts(project_b, FT)
    scr.decide(project_b.db, rec, FT, "reviewer2", "include")  # both votes now include
    assert scr.stage_outcomes(project_b, FT)[rec].status == "exclude"
    assert scr.stage_counts(project_b, FT) == before
    assert _open(project_b, FT) == [rec]  # was []: the changed vote went to no one
    assert main(["status", "--project", str(project_b.folder)]) == 0
    assert (
        "0 in conflict (and 1 study whose votes came after the final: 1 conflict open for"
        " the lead, reviewkit conflicts --project"
    ) in " ".join(capsys.readouterr().out.split())
    scr.resolve(project_b, rec, FT, "lead", "include")  # the lead acts: now it moves
    assert scr.stage_outcomes(project_b, FT)[rec].status == "include"
    assert _open(project_b, FT) == []


def test_a_changed_vote_that_gives_the_final_s_outcome_opens_nothing(project_b):
    """The vote that joins the lead's side leaves nothing to decide: no conflict opens."""
    (rec,) = add_records(project_b, make_records(1))
    reason = project_b.protocol.stages[FT].exclusion_reasons[0].code
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, rec, TA, who, "include")
    scr.decide(project_b.db, rec, FT, "reviewer1", "include")
    scr.decide(project_b.db, rec, FT, "reviewer2", "exclude", reason)
    scr.resolve(project_b, rec, FT, "lead", "exclude", reason)
    scr.decide(project_b.db, rec, FT, "reviewer1", "exclude", reason)  # now both exclude
    assert scr.stage_outcomes(project_b, FT)[rec].status == "exclude"
    assert _open(project_b, FT) == []


def test_merged_study_keeps_its_final_when_a_vote_on_the_furthest_copy_changes(project_b):
    """Two copies screened apart to full text (one included, one excluded), merged, the lead
    settled exclude (logged on the excluded copy). reviewer2 then changed their vote on the
    included copy: the final stopped counting (it was older than the changed vote), the
    study counted by the included copy's votes until the lead resolved again."""
    inc, exc = add_records(project_b, make_records(2))
    reason = project_b.protocol.stages[FT].exclusion_reasons[0].code
    for who in ("reviewer1", "reviewer2"):
        for record in (inc, exc):
            scr.decide(project_b.db, record, TA, who, "include")
        scr.decide(project_b.db, exc, FT, who, "exclude", reason)
    scr.decide(project_b.db, inc, FT, "reviewer1", "include")
    scr.decide(project_b.db, inc, FT, "reviewer2", "include")
    merge_records(project_b.db, inc, exc, "lead")
    assert _open(project_b, FT) == [inc]
    scr.resolve(project_b, inc, FT, "lead", "exclude", reason)
    assert _open(project_b, FT) == []
    before = scr.stage_counts(project_b, FT)
    queue = scr.ReviewerQueue(project_b, FT, "reviewer2")
    changed = queue.decide(inc, "exclude", reason)
    assert changed.record_id == inc  # the vote it replaces is on the included copy
    assert scr.stage_outcomes(project_b, FT)[inc].status == "exclude"
    assert scr.stage_counts(project_b, FT) == before
    assert _open(project_b, FT) == [inc]  # the changed vote goes to the lead
    scr.resolve(project_b, inc, FT, "lead", "include")  # the lead acts: now it moves
    assert scr.stage_outcomes(project_b, FT)[inc].status == "include"
    assert _open(project_b, FT) == []


def test_a_copy_s_own_final_older_than_the_other_copy_s_votes_still_does_not_count(project_b):
    """What the rule keeps: a lead's title-abstract final exclude on one copy, made before the
    other copy's reviewers first voted (screened apart to full text, merged after), settles
    nothing of theirs: the study stays included at title-abstract by the furthest copy."""
    exc, inc = add_records(project_b, make_records(2))
    scr.decide(project_b.db, exc, TA, "reviewer1", "include")
    scr.decide(project_b.db, exc, TA, "reviewer2", "exclude")
    scr.resolve(project_b, exc, TA, "lead", "exclude")
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, inc, TA, who, "include")
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, inc, FT, who, "include")
    merge_records(project_b.db, inc, exc, "lead")
    study = min(inc, exc)
    assert scr.stage_outcomes(project_b, TA)[study].status == "include"
    assert scr.stage_outcomes(project_b, FT)[study].status == "include"
    assert _open(project_b, TA) == [study]


def test_a_note_after_the_final_leaves_a_merged_study_as_the_lead_settled_it(project_b):
    """A reviewer's note on the included copy after the lead's final exclude had turned the
    study's full-text outcome to include (the final older than the note no longer counted)."""
    inc, exc = add_records(project_b, make_records(2))
    reason = project_b.protocol.stages[FT].exclusion_reasons[0].code
    for who in ("reviewer1", "reviewer2"):
        for record in (inc, exc):
            scr.decide(project_b.db, record, TA, who, "include")
        scr.decide(project_b.db, exc, FT, who, "exclude", reason)
        scr.decide(project_b.db, inc, FT, who, "include")
    merge_records(project_b.db, inc, exc, "lead")
    scr.resolve(project_b, inc, FT, "lead", "exclude", reason)
    before = scr.stage_counts(project_b, FT)
    add_note(project_b.db, inc, FT, "reviewer1", "the methods section is in the appendix")
    assert scr.stage_outcomes(project_b, FT)[inc].status == "exclude"
    assert scr.stage_counts(project_b, FT) == before
    assert _open(project_b, FT) == []


def _settled_conflict(project):
    """One record at full text: reviewer1 include, reviewer2 exclude, the lead's final exclude."""
    (rec,) = add_records(project, make_records(1))
    reasons = [r.code for r in project.protocol.stages[FT].exclusion_reasons]
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project.db, rec, TA, who, "include")
    scr.decide(project.db, rec, FT, "reviewer1", "include")
    scr.decide(project.db, rec, FT, "reviewer2", "exclude", reasons[0])
    scr.resolve(project, rec, FT, "lead", "exclude", reasons[0])
    return rec, reasons


def test_the_same_vote_given_again_with_a_note_or_a_reason_reopens_nothing(project_b):
    """reviewer2's exclusion given again after the final, with a note or another reason: the
    votes disagree as they did when the lead settled them, so there is nothing new to decide
    (the conflict opened again, and the lead was asked to settle what they had settled)."""
    rec, reasons = _settled_conflict(project_b)
    before = scr.stage_counts(project_b, FT)
    scr.decide(project_b.db, rec, FT, "reviewer2", "exclude", reasons[0], "checked again")
    assert _open(project_b, FT) == []  # was [rec]
    scr.decide(project_b.db, rec, FT, "reviewer2", "exclude", reasons[-1])
    assert _open(project_b, FT) == []
    assert scr.stage_counts(project_b, FT) == before
    scr.decide(project_b.db, rec, FT, "reviewer1", "exclude", reasons[-1])  # a real change
    assert _open(project_b, FT) == []  # now both exclude, as the final: still nothing


def test_a_vote_replayed_from_a_copy_opens_the_conflict_only_when_it_changes_it(
    project_b, tmp_path, capsys
):
    """reviewer2's log brought in with `decisions import` from their copy: their exclusion
    given again there after the lead's final (a note added) opens nothing; their vote changed
    there to include opens the conflict, and the final counts until the lead acts."""
    rec, reasons = _settled_conflict(project_b)
    before = scr.stage_counts(project_b, FT)
    folder, copy = str(project_b.folder), tmp_path / "copy"
    log = str(tmp_path / "reviewer2.jsonl")
    project_b.close()
    shutil.copytree(folder, copy)

    def vote_there_and_bring(label: str, reason: str, note: str) -> None:
        with open_project(copy) as theirs:
            scr.decide(theirs.db, rec, FT, "reviewer2", label, reason, note)
        export = ["decisions", "export", "--reviewer", "reviewer2", log, "--project", str(copy)]
        assert main(export) == 0
        assert main(["decisions", "import", log, "--project", folder]) == 0

    vote_there_and_bring("exclude", reasons[0], "read the methods again")
    assert _open(project_b, FT) == []  # was [rec]: the same vote, nothing new to decide
    assert "open again" not in capsys.readouterr().out
    vote_there_and_bring("include", "", "")
    assert "1 conflict settled before is open again" in capsys.readouterr().out
    assert _open(project_b, FT) == [rec]  # both include now: the lead's exclusion is asked
    assert scr.stage_counts(project_b, FT) == before  # the final counts until the lead acts
    assert scr.stage_outcomes(project_b, FT)[rec].status == "exclude"


def test_a_merged_study_s_vote_given_again_with_a_note_reopens_nothing(project_b):
    """Copies screened apart (one included, one excluded at full text), merged, settled by the
    lead: reviewer1 giving their include again on the included copy with a note left the
    records disagreeing as they did when the lead settled them, and opened the conflict."""
    inc, exc = add_records(project_b, make_records(2))
    reason = project_b.protocol.stages[FT].exclusion_reasons[0].code
    for who in ("reviewer1", "reviewer2"):
        for record in (inc, exc):
            scr.decide(project_b.db, record, TA, who, "include")
        scr.decide(project_b.db, exc, FT, who, "exclude", reason)
        scr.decide(project_b.db, inc, FT, who, "include")
    merge_records(project_b.db, inc, exc, "lead")
    scr.resolve(project_b, inc, FT, "lead", "exclude", reason)
    assert _open(project_b, FT) == []
    scr.decide(project_b.db, inc, FT, "reviewer1", "include", note="the methods are sound")
    assert _open(project_b, FT) == []  # was [inc]
    scr.decide(project_b.db, inc, FT, "reviewer2", "exclude", reason)  # a changed vote
    assert _open(project_b, FT) == [inc]
