"""A vote cast in a reviewer's copy before the lead's final decision but imported after it:
the lead decided without it, so it opens the conflict as a vote changed after the final does
(``screening.rules.reopened_after_final``); a vote the lead saw at the final opens nothing,
nor does one a copy receives after a final made in another copy that had seen it."""

from __future__ import annotations

import shutil

import pytest
from screening.helpers import at_full_text, bring_decisions

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.project import open_project

TA, FT = "title-abstract", "full-text"


def _open(project, stage):
    return [c.study_id for c in scr.conflicts(project, stage, "lead") if c.open]


@pytest.mark.parametrize("who", ["lead", "reviewer1"])
def test_a_vote_cast_before_the_final_and_imported_after_it_opens_the_conflict(
    project_b, tmp_path, capsys, who
):
    """reviewer2 changed their exclusion to include in their copy before the lead settled the
    conflict on the exclusion the lead's project still held; imported after, both votes
    include: the lead decided without that vote and is asked again (the final counts until).
    Whoever imports is told at once; what to do only a lead is told, as of finals on merged
    studies (``imported_finals.told``): a reviewer was sent to resolve it in ``conflicts``."""
    rec, reason = at_full_text(project_b)
    scr.decide(project_b.db, rec, FT, "reviewer1", "include")
    scr.decide(project_b.db, rec, FT, "reviewer2", "exclude", reason)
    folder, copy = project_b.folder, tmp_path / "copy"
    project_b.close()
    shutil.copytree(folder, copy)
    with open_project(copy) as theirs:  # in the copy, before the lead's final
        scr.decide(theirs.db, rec, FT, "reviewer2", "include")
    with open_project(folder) as lead:
        scr.resolve(lead, rec, FT, "lead", "exclude", reason)
        before = scr.stage_counts(lead, FT)
    bring_decisions(copy, "reviewer2", tmp_path / "reviewer2.jsonl", folder, importer=who)
    said = " ".join(capsys.readouterr().out.split())
    where = f"reviewkit conflicts --project {folder}"
    todo = {  # the lead's line names the lead: conflicts' default is the login name
        "lead": f"; resolve it again (reviewkit conflicts --resolver lead --project {folder})",
        "reviewer1": f"; a lead resolves it again (they see it in {where})",
    }[who]
    assert (
        "added 1 entry, 2 already present; 1 conflict settled before is open again: this"
        f" file's votes came after its final decision{todo}"
    ) in said
    with open_project(folder) as lead:
        assert _open(lead, FT) == [rec]  # was []: the vote's time is earlier than the final's
        (view,) = [c for c in scr.conflicts(lead, FT, "lead") if c.open]  # which, and when
        assert view.reopened is not None
        assert view.reopened.words.startswith("a vote cast before the final was brought in")
        assert scr.stage_counts(lead, FT) == before  # the final counts until the lead acts
        assert scr.stage_outcomes(lead, FT)[rec].status == "exclude"
        assert main(["status", "--project", str(folder)]) == 0
        assert (  # not 'changed': reviewer2 changed nothing after the final
            "0 in conflict (and 1 study whose votes came after the final: 1 conflict open"
        ) in " ".join(capsys.readouterr().out.split())
        scr.resolve(lead, rec, FT, "lead", "include")
        assert _open(lead, FT) == []
        assert scr.stage_outcomes(lead, FT)[rec].status == "include"


def test_a_vote_imported_before_the_final_opens_nothing(project_b, tmp_path):
    """The same vote imported before the lead's final: the lead saw it (the votes then both
    include, the lead excluded all the same): nothing new to decide."""
    rec, reason = at_full_text(project_b)
    scr.decide(project_b.db, rec, FT, "reviewer1", "include")
    scr.decide(project_b.db, rec, FT, "reviewer2", "uncertain")
    folder, copy = project_b.folder, tmp_path / "copy"
    project_b.close()
    shutil.copytree(folder, copy)
    with open_project(copy) as theirs:
        scr.decide(theirs.db, rec, FT, "reviewer2", "exclude", reason)
    bring_decisions(copy, "reviewer2", tmp_path / "reviewer2.jsonl", folder)
    with open_project(folder) as lead:
        scr.resolve(lead, rec, FT, "lead", "include")
        assert _open(lead, FT) == []


def test_a_vote_that_agrees_with_the_final_opens_nothing_when_imported_late(project_b, tmp_path):
    """reviewer2's late vote joins the lead's side: nothing to decide."""
    rec, reason = at_full_text(project_b)
    scr.decide(project_b.db, rec, FT, "reviewer1", "include")
    scr.decide(project_b.db, rec, FT, "reviewer2", "exclude", reason)
    folder, copy = project_b.folder, tmp_path / "copy"
    project_b.close()
    shutil.copytree(folder, copy)
    with open_project(copy) as theirs:
        scr.decide(theirs.db, rec, FT, "reviewer2", "include")
    with open_project(folder) as lead:
        scr.resolve(lead, rec, FT, "lead", "include")
    bring_decisions(copy, "reviewer2", tmp_path / "reviewer2.jsonl", folder)
    with open_project(folder) as lead:
        assert _open(lead, FT) == []


def test_a_copy_that_gets_the_final_before_the_votes_it_settled_opens_nothing(project_b, tmp_path):
    """reviewer2's copy, taken before reviewer1 voted, brings in the lead's log (a final made
    where both votes were) before reviewer1's: the lead saw reviewer1's vote, so it opens
    nothing there, though it came into the copy after the final."""
    rec, reason = at_full_text(project_b)
    scr.decide(project_b.db, rec, FT, "reviewer2", "exclude", reason)
    folder, copy = project_b.folder, tmp_path / "copy"
    project_b.close()
    shutil.copytree(folder, copy)
    with open_project(folder) as lead:
        scr.decide(lead.db, rec, FT, "reviewer1", "include")
        scr.resolve(lead, rec, FT, "lead", "exclude", reason)
    bring_decisions(folder, "lead", tmp_path / "lead.jsonl", copy)
    bring_decisions(folder, "reviewer1", tmp_path / "reviewer1.jsonl", copy)
    with open_project(copy) as theirs:
        assert scr.stage_outcomes(theirs, FT)[rec].status == "exclude"
        assert _open(theirs, FT) == []
