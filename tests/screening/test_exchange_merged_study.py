"""Reviewers' copies that did not see the lead's merge, imported after the merged study went
on: what a copy brings in must not take the study out of a later stage without a word, nor
contradict the study's furthest decision without a conflict for the lead."""

from __future__ import annotations

import re
import shlex
import shutil

import pytest
from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.dedup.engine import merge_records
from reviewkit.project import init_project, open_project
from reviewkit.store import records as record_rows
from reviewkit.store.decisions import list_decisions
from reviewkit.tui import app as tui_app

TA, FT = "title-abstract", "full-text"


@pytest.fixture
def lead_and_copy(project_b, tmp_path):
    """The lead's project and a reviewer's copy of it, the same six records in both."""
    add_records(project_b, make_records(6))
    copy = init_project(tmp_path / "copy", project_b.folder / "protocol.toml")
    add_records(copy, make_records(6))
    yield project_b, copy
    copy.close()


def cli(project, *args) -> int:
    return main([*args, "--project", str(project.folder)])


def _pmid(project, pmid: str) -> int:
    return record_rows.ids_by_pmid(project.db, [pmid])[pmid][0]


def _bring(src, dst, reviewer: str, path) -> int:
    assert cli(src, "decisions", "export", "--reviewer", reviewer, str(path)) == 0
    return cli(dst, "decisions", "import", str(path))


def test_a_copy_s_changed_vote_on_the_record_that_took_the_study_to_full_text_is_refused(
    lead_and_copy, tmp_path, capsys
):
    """Record 1002 was included at title-abstract by both reviewers, in their copy, and the
    lead merged it with 1001 (unscreened, the lower id): the study's full-text votes were
    logged on its id, record 1001 (now on 1002, whose include took it there). reviewer1 then changed their title-abstract include on
    1002 in the copy, which had not seen the merge. Judged by record alone, 1002's log had no
    full-text votes and the change came in: the study left full text and its full-text vote
    sat in the log (the screen refuses that change: 'a study that reached full-text is decided
    there')."""
    lead, copy = lead_and_copy
    theirs = _pmid(copy, "1002")
    for reviewer in ("reviewer1", "reviewer2"):
        scr.ReviewerQueue(copy, TA, reviewer).decide(theirs, "include")
        assert _bring(copy, lead, reviewer, tmp_path / f"{reviewer}.jsonl") == 0
    low, high = _pmid(lead, "1001"), _pmid(lead, "1002")
    merge_records(lead.db, low, high, "lead")
    vote = scr.ReviewerQueue(lead, FT, "reviewer1").decide(low, "include")
    assert vote.record_id == high  # on the record whose include took the study there
    # in the copy, later, reviewer1 changes their title-abstract vote on 1002
    scr.ReviewerQueue(copy, TA, "reviewer1").decide(theirs, "exclude", "no-collaboration")
    before = list_decisions(lead.db)
    capsys.readouterr()
    out = tmp_path / "late.jsonl"
    assert _bring(copy, lead, "reviewer1", out) == 2
    err = capsys.readouterr().err
    assert (
        f"{out}:2: record {high} is merged here into study {low}, which has votes at the"
        " full-text stage: its title-abstract votes cannot change" in err
    )
    assert list_decisions(lead.db) == before
    assert low in scr.DerivedStages(lead).studies(FT)


def test_a_refused_change_s_hint_says_how_the_reviewer_gets_a_log_without_it(
    lead_and_copy, tmp_path, capsys, monkeypatch
):
    """The copy's log only grows, so every log it exports holds the held change and the whole
    file is refused again: the hint said 'exclude it at that stage (reviewkit screen --stage
    full-text)', which the reviewer cannot do in a copy where the study never reached full
    text, and their next export was refused the same. It says to take a new copy of the
    lead's folder; done as it says, the line run as printed in the new copy, the exclusion
    comes in. The line named the lead's project (--project): typed in the new copy it
    excluded in the lead's project, not the copy."""
    lead, copy = lead_and_copy
    study = _pmid(copy, "1003")
    for reviewer in ("reviewer1", "reviewer2"):
        scr.ReviewerQueue(copy, TA, reviewer).decide(study, "include")
        assert _bring(copy, lead, reviewer, tmp_path / f"{reviewer}.jsonl") == 0
    here = _pmid(lead, "1003")
    scr.ReviewerQueue(lead, FT, "reviewer2").decide(here, "include")
    scr.ReviewerQueue(copy, TA, "reviewer1").decide(study, "exclude", "no-collaboration")
    capsys.readouterr()
    assert _bring(copy, lead, "reviewer1", tmp_path / "late.jsonl") == 2
    err = " ".join(capsys.readouterr().err.split())  # the hint as one line, unwrapped
    assert f"record {here} has votes at the full-text stage" in err
    assert "every log the copy that wrote this file exports holds this change" in err
    assert "takes a new copy of the lead's project folder" in err
    line = re.search(r"excludes the study at that stage \((reviewkit [^,)]*)", err)[1]
    # as the hint says: a new copy of the lead's folder, the line typed there as printed
    lead.close()
    shutil.copytree(lead.folder, tmp_path / "new-copy")
    monkeypatch.chdir(tmp_path / "new-copy")

    async def reviewer1(pilot):  # the exclusion, with the stage's first reason, then quit
        await pilot.pause()
        await pilot.press("e", "1")
        await pilot.press("q")

    run = tui_app.run_app
    monkeypatch.setattr(
        tui_app, "run_app", lambda app: run(app, headless=True, auto_pilot=reviewer1)
    )
    assert main([*shlex.split(line)[1:], "--no-rank"]) == 0
    fresh, again = open_project(tmp_path / "new-copy"), open_project(lead.folder)
    try:
        assert [d.label for d in list_decisions(again.db) if d.stage == FT] == ["include"]
        assert _bring(fresh, again, "reviewer1", tmp_path / "new.jsonl") == 0
        assert scr.stage_outcomes(again, FT)[here].status == "conflict"  # r2 included
    finally:
        fresh.close()
        again.close()
    assert f"({line}, typed in the new copy's folder)" in err  # where, in words


def _at_full_text_in_the_lead(lead, copy, tmp_path) -> tuple[int, int]:
    """Record 1003 included at title-abstract by both reviewers in the copy, brought to the
    lead, where reviewer2 voted at full text: (its id in the copy, its id in the lead)."""
    study = _pmid(copy, "1003")
    for reviewer in ("reviewer1", "reviewer2"):
        scr.ReviewerQueue(copy, TA, reviewer).decide(study, "include")
        assert _bring(copy, lead, reviewer, tmp_path / f"{reviewer}.jsonl") == 0
    here = _pmid(lead, "1003")
    scr.ReviewerQueue(lead, FT, "reviewer2").decide(here, "include")
    return study, here


def test_a_change_undone_in_the_same_file_comes_in(lead_and_copy, tmp_path):
    """reviewer1 changed their title-abstract include to an exclusion in the copy and took it
    back with z; the lead's study had full-text votes meanwhile. The file's change was judged
    alone and refused, though the file leaves the vote as it was: the copy's log only grows,
    so every later file of that copy was refused too. A change the file itself undoes (or
    gives back) changes nothing a later stage holds, and comes in."""
    lead, copy = lead_and_copy
    study, here = _at_full_text_in_the_lead(lead, copy, tmp_path)
    queue = scr.ReviewerQueue(copy, TA, "reviewer1")
    queue.decide(study, "exclude", "no-collaboration")
    assert queue.undo() is not None
    assert _bring(copy, lead, "reviewer1", tmp_path / "undone.jsonl") == 0
    assert scr.stage_outcomes(lead, TA)[here].status == "include"
    assert here in scr.DerivedStages(lead).studies(FT)
    # given back by a vote, not z: the same
    scr.ReviewerQueue(copy, TA, "reviewer1").decide(study, "exclude", "no-collaboration")
    scr.ReviewerQueue(copy, TA, "reviewer1").decide(study, "include")
    assert _bring(copy, lead, "reviewer1", tmp_path / "back.jsonl") == 0
    assert here in scr.DerivedStages(lead).studies(FT)


def test_a_change_the_file_leaves_standing_is_still_refused(lead_and_copy, tmp_path, capsys):
    """Undone, then changed again: what the file leaves is a change, refused as before."""
    lead, copy = lead_and_copy
    study, here = _at_full_text_in_the_lead(lead, copy, tmp_path)
    queue = scr.ReviewerQueue(copy, TA, "reviewer1")
    queue.decide(study, "exclude", "no-collaboration")
    assert queue.undo() is not None
    queue.decide(study, "exclude", "no-collaboration")
    before = list_decisions(lead.db)
    capsys.readouterr()
    assert _bring(copy, lead, "reviewer1", tmp_path / "again.jsonl") == 2
    assert "its title-abstract votes cannot change" in capsys.readouterr().err
    assert list_decisions(lead.db) == before
