"""Merges and splits after screening: the furthest-advanced decision is kept, the lead gets a
conflict where the decisions disagree, and the change is shown before it is made."""

from __future__ import annotations

import io

import pytest
from conftest import add_records
from dedup.helpers import other, screen_three

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.dedup import engine
from reviewkit.dedup.effects import merge_effect, open_conflicts, split_effect
from reviewkit.store import duplicates as links

TA, FT = "title-abstract", "full-text"


@pytest.fixture
def screened(project_b):
    """r1 included at both stages; r2 (a copy nobody linked yet) excluded at title-abstract."""
    return screen_three(project_b)


def test_a_merge_after_screening_keeps_the_full_text_decision_and_raises_a_conflict(screened):
    project, (r1, r2, _r3) = screened
    assert scr.included(project) == [r1]
    effect = merge_effect(project, r1, r2)
    text = "\n".join(effect.lines())
    assert "title-abstract: studies 3 -> 2" in text
    assert "decisions disagree (record 1 include, record 2 exclude)" in text.replace(
        f"record {r1} ", "record 1 "
    ).replace(f"record {r2} ", "record 2 ")
    assert scr.included(project) == [r1]  # a preview writes nothing
    engine.decide_pair(project.db, r1, r2, "duplicate", "lead")
    assert scr.included(project) == [r1]  # the full-text inclusion survives the merge
    assert scr.stage_counts(project, FT).included == 1
    (conflict,) = open_conflicts(project)
    assert (conflict.study_id, conflict.stage, conflict.kept) == (r1, TA, r1)
    assert r1 in {c.study_id for c in scr.conflicts(project, TA, "lead")}
    # the lead settles it; the conflict is gone and the decision stands
    scr.resolve(project, r1, TA, "lead", "include")
    assert open_conflicts(project) == []
    assert scr.included(project) == [r1]


def test_merging_unscreened_records_shows_no_change(project_b):
    r1, r2 = add_records(project_b, [other(1), other(2)])
    assert not merge_effect(project_b, r1, r2)


def test_merging_unscreened_records_shows_no_change_when_others_were_screened(screened):
    """Only decisions on the records a merge or split moves change screening: the study count
    dropping by one for two unscreened records is what dedup is for, not a change to confirm."""
    project, (r1, _r2, r3) = screened
    r4, r5 = add_records(project, [other(4), other(5)])
    assert not merge_effect(project, r4, r5)
    engine.decide_pair(project.db, r4, r5, "duplicate", "lead")
    assert not split_effect(project, r5)
    assert merge_effect(project, r3, r4)  # r3 was screened: its study would take in r4's cluster
    assert merge_effect(project, r1, r3)


def test_a_question_with_no_input_to_answer_it_is_bad_input_not_ctrl_c(
    screened, capsys, monkeypatch
):
    """`dedup merge` in a script without --yes: the input ended at 'merge anyway?', and click
    said 'aborted' with Ctrl-C's exit code 130 (found walking the README, task walk). It is
    refused as bad input, nothing changed, naming --yes."""
    project, (r1, r2, _r3) = screened
    folder = str(project.folder)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    argv = ["dedup", "merge", str(r1), str(r2), "--project", folder, "--reviewer", "lead"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "no answer to 'merge anyway?': the input ended; nothing changed" in err
    assert "pass --yes" in err and "aborted" not in err
    assert links.canonical_map(project.db).get(r2, r2) == r2


def test_split_after_screening_shows_the_change_and_asks_first(screened, capsys, monkeypatch):
    project, (r1, r2, _r3) = screened
    engine.decide_pair(project.db, r1, r2, "duplicate", "lead")
    assert split_effect(project, r2)
    folder = str(project.folder)
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert main(["dedup", "split", "--project", folder, "--reviewer", "lead", str(r2)]) == 0
    out = capsys.readouterr().out
    assert f"splitting record {r2} changes screening:" in out and "title-abstract:" in out
    assert "nothing changed" in out
    assert links.canonical_map(project.db)[r2] == r1
    code = main(["dedup", "split", "--project", folder, "--reviewer", "lead", "--yes", str(r2)])
    assert code == 0 and links.canonical_map(project.db)[r2] == r2
    assert scr.included(project) == [r1]


def test_a_full_text_vote_on_a_study_merged_after_title_abstract_keeps_it_at_full_text(project_b):
    """Two copies screened apart at title-abstract, the lower id excluded and the other
    included, then merged: the study is at full text by the include. Its full-text votes are
    logged on the study's id, the excluded record, which then counted as the furthest record:
    the study kept that record's title-abstract exclusion and left full text under the vote
    just cast (found running the team's steps end to end). The vote is the study's."""
    low, high = add_records(project_b, [other(1), other(2)])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, low, TA, who, "exclude", "no-collaboration")
        scr.decide(project_b.db, high, TA, who, "include")
    engine.decide_pair(project_b.db, low, high, "duplicate", "lead")
    assert scr.DerivedStages(project_b).studies(FT) == [low]  # the study, by record high
    vote = scr.ReviewerQueue(project_b, FT, "reviewer1").decide(low, "include")
    assert vote.record_id == high  # logged on the record whose include took it there
    derived = scr.DerivedStages(project_b)
    assert derived.studies(FT) == [low]  # was [] : excluded at title-abstract
    assert derived.states(FT)[low].votes["reviewer1"].label == "include"
    assert low in {c.study_id for c in scr.conflicts(project_b, TA, "lead")}  # for the lead
    # the lead settles the merge's title-abstract conflict: an exclusion takes it out
    scr.resolve(project_b, low, TA, "lead", "exclude", "no-collaboration")
    assert scr.DerivedStages(project_b).studies(FT) == []


def test_a_split_after_full_text_leaves_each_record_what_was_decided_on_it(project_b, capsys):
    """Two copies screened apart at title-abstract (the lower id excluded, the other included)
    and merged: the study went on to full text by the include, and its full-text votes were
    logged on the study's id, the excluded record. Split again (through the CLI), those votes
    stayed on that record, which never reached full text: the included record waited at full
    text for votes the reviewers had given, and the inclusion was gone from the counts. The
    votes go with the record whose include took the study to full text."""
    low, high, _r3 = add_records(project_b, [other(1), other(2), other(3)])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, low, TA, who, "exclude", "no-collaboration")
        scr.decide(project_b.db, high, TA, who, "include")
    engine.decide_pair(project_b.db, low, high, "duplicate", "lead")
    for who in ("reviewer1", "reviewer2"):
        scr.ReviewerQueue(project_b, FT, who).decide(low, "include")
    assert scr.included(project_b) == [low]
    folder = str(project_b.folder)
    code = main(["dedup", "split", "--project", folder, "--reviewer", "lead", "--yes", str(high)])
    assert code == 0
    out = capsys.readouterr().out
    assert "full-text:" not in out  # the split changes no full-text count
    assert scr.included(project_b) == [high]
    derived = scr.DerivedStages(project_b)
    assert derived.studies(FT) == [high]
    assert derived.outcomes(TA)[low].status == "exclude"
    assert set(derived.states(FT)[high].votes) == {"reviewer1", "reviewer2"}
    # merged again, the study is the one it was: included, no full-text vote asked again
    engine.decide_pair(project_b.db, low, high, "duplicate", "lead")
    assert scr.included(project_b) == [low]
    assert scr.ReviewerQueue(project_b, FT, "reviewer1").remaining == 0


def test_a_split_after_the_lead_settled_the_merge_s_conflict_leaves_each_record_its_own(
    project_b, capsys
):
    """The merge of a copy excluded at title-abstract with one included raised a conflict; the
    lead settled it (include), and the final was logged on the study's id, the excluded copy.
    Split again, that copy was included at title-abstract by the lead's final and waited at full
    text, a record nobody had meant to take there. The final goes with the record it agrees
    with, so a split leaves each its own decisions."""
    low, high, _r3 = add_records(project_b, [other(1), other(2), other(3)])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, low, TA, who, "exclude", "no-collaboration")
        scr.decide(project_b.db, high, TA, who, "include")
    engine.decide_pair(project_b.db, low, high, "duplicate", "lead")
    scr.resolve(project_b, low, TA, "lead", "include")
    assert open_conflicts(project_b) == []
    folder = str(project_b.folder)
    code = main(["dedup", "split", "--project", folder, "--reviewer", "lead", "--yes", str(high)])
    assert code == 0
    derived = scr.DerivedStages(project_b)
    assert derived.outcomes(TA)[low].status == "exclude"
    assert derived.studies(FT) == [high]


def test_a_merge_of_copies_each_with_one_reviewer_s_full_text_vote_makes_their_two_votes(
    project_b,
):
    """Two copies, both included at title-abstract, each with one full-text vote, of another
    reviewer (each waited for the other's vote), then merged: the study kept the vote of the
    copy whose vote was an include and dropped the other reviewer's exclusion, and waited at
    full text for that reviewer, whose queue counted their vote on the other copy as given: a
    study no one would ever decide, and an exclusion lost without a word. The two reviewers'
    votes are the study's two votes: here a conflict for the lead."""
    low, high = add_records(project_b, [other(1), other(2)])
    for who in ("reviewer1", "reviewer2"):
        for record in (low, high):
            scr.decide(project_b.db, record, TA, who, "include")
    reason = project_b.protocol.stages[FT].exclusion_reasons[0].code
    scr.ReviewerQueue(project_b, FT, "reviewer1").decide(low, "include")
    scr.ReviewerQueue(project_b, FT, "reviewer2").decide(high, "exclude", reason)
    assert merge_effect(project_b, low, high)  # shown before it is made
    engine.decide_pair(project_b.db, low, high, "duplicate", "lead")
    derived = scr.DerivedStages(project_b)
    assert derived.outcomes(FT)[low].status == "conflict"  # was 'pending', for nobody
    assert set(derived.states(FT)[low].votes) == {"reviewer1", "reviewer2"}
    assert low in {c.study_id for c in scr.conflicts(project_b, FT, "lead")}


@pytest.mark.parametrize("out_goes", ["copy", "study's own record"])
def test_a_split_of_a_study_merged_before_screening_names_the_record_to_screen_again(
    project_b, capsys, out_goes
):
    """Merged before anyone screened them, the two records were screened as one study, every
    decision logged on its id: which of them the votes were about cannot be told apart. The
    decisions stay with the study's id, and the preview names the record split from it as one
    to screen again (it was only counted among the pending)."""
    low, high = add_records(project_b, [other(1), other(2)])
    engine.decide_pair(project_b.db, low, high, "duplicate", "lead")
    for who in ("reviewer1", "reviewer2"):
        scr.ReviewerQueue(project_b, TA, who).decide(low, "include")
    folder = str(project_b.folder)
    split_out = high if out_goes == "copy" else low
    assert (
        main(["dedup", "split", "--project", folder, "--reviewer", "lead", "--yes", str(split_out)])
        == 0
    )
    out = capsys.readouterr().out
    assert (
        f"record {high} has no decisions of its own (it was screened as part of study {low},"
        f" whose decisions stay with that study): it waits at title-abstract again" in out
    )
    assert scr.stage_outcomes(project_b, TA)[high].status == "pending"
    assert scr.stage_outcomes(project_b, TA)[low].status == "include"


def test_undoing_a_merge_after_full_text_leaves_each_record_its_own(project_b, capsys):
    """`dedup undo` of the merge splits the study as `dedup split` does: the full-text votes
    stay with the record whose include took the study there, and the preview shows nothing
    changing at full text."""
    low, high = add_records(project_b, [other(1), other(2)])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, low, TA, who, "exclude", "no-collaboration")
        scr.decide(project_b.db, high, TA, who, "include")
    folder = str(project_b.folder)
    merge = ["dedup", "merge", str(low), str(high), "--project", folder, "--reviewer", "lead"]
    assert main([*merge, "--yes"]) == 0
    for who in ("reviewer1", "reviewer2"):
        scr.ReviewerQueue(project_b, FT, who).decide(low, "include")
    capsys.readouterr()
    assert main(["dedup", "undo", "--project", folder, "--reviewer", "lead", "--yes"]) == 0
    assert "full-text:" not in capsys.readouterr().out
    assert scr.included(project_b) == [high]


def test_a_final_settling_one_copy_s_reviewers_goes_with_that_copy_when_split(project_b):
    """The included copy's own reviewers disagreed; the lead's final include settled them on
    the merged study. Split, that final goes with that copy (and its full-text votes), not
    with the other copy, which both reviewers excluded."""
    low, high = add_records(project_b, [other(1), other(2)])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, low, TA, who, "exclude", "no-collaboration")
    scr.decide(project_b.db, high, TA, "reviewer1", "include")
    scr.decide(project_b.db, high, TA, "reviewer2", "exclude", "no-collaboration")
    engine.decide_pair(project_b.db, low, high, "duplicate", "lead")
    scr.resolve(project_b, low, TA, "lead", "include")
    for who in ("reviewer1", "reviewer2"):
        scr.ReviewerQueue(project_b, FT, who).decide(low, "include")
    assert scr.included(project_b) == [low]
    links.add_link(project_b.db, low, high, "not_duplicate", made_by=links.PERSON)
    derived = scr.DerivedStages(project_b)
    assert derived.outcomes(TA)[low].status == "exclude"
    assert scr.included(project_b) == [high]
