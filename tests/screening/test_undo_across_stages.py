"""Undo and a changed vote at title-abstract once the study has votes at full text: undoing reviewer1's title-abstract include after both full-text votes
took an included study out of full text without a word (its full-text votes left in the log,
the study gone from the report). A study that reached full text is decided there; the screen
says so and nothing is written. A lead's final decision is held once full-text votes came
after it; a conflict a dedup merge raises after full text (tests/dedup/test_after_screening.py)
is settled by one made after them, which is not held."""

from __future__ import annotations

import asyncio
import shlex

import pytest
from conftest import add_records
from screening.helpers import conflict_on, make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.errors import UserError
from reviewkit.store.decisions import list_decisions
from reviewkit.tui import app as tui_app
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA, FT = "title-abstract", "full-text"
REFUSED = "has votes at the full-text stage: its title-abstract votes cannot change"


def _through_full_text(project) -> list[int]:
    """Two studies: the first included by both reviewers at both stages, the second included
    at title-abstract only."""
    ids = add_records(project, make_records(2))
    for reviewer in ("reviewer1", "reviewer2"):
        for rid in ids:
            scr.decide(project.db, rid, TA, reviewer, "include", protocol=project.protocol)
        scr.decide(project.db, ids[0], FT, reviewer, "include", protocol=project.protocol)
    return ids


def _said_after(project, *keys: str) -> str:
    said = []

    async def go() -> None:
        screen = ScreeningScreen(scr.ReviewerQueue(project, TA, "reviewer1"), ranking=None)
        async with ReviewkitApp(screen, keymap={}).run_test(size=(100, 34)) as pilot:
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            said.append(str(screen.query_one("#message").render()))
            await pilot.press("q")

    asyncio.run(go())
    return said[0]


def test_z_at_title_abstract_keeps_a_vote_full_text_built_on(project_b):
    ids = _through_full_text(project_b)
    before = len(list_decisions(project_b.db))
    # reviewer1's newest title-abstract entry is the second study's include: undo it, then the
    # first study's, which full text has votes on
    said = _said_after(project_b, "z", "z")
    assert said.startswith(f"not undone: record {ids[0]} {REFUSED}")
    assert (
        "exclude it at that stage (reviewkit screen --reviewer reviewer1 --stage full-text)" in said
    )
    assert len(list_decisions(project_b.db)) == before + 1  # the first z's undo alone
    assert scr.DerivedStages(project_b).outcomes(FT)[ids[0]].status == "include"


def test_the_refusal_s_command_opens_full_text_for_the_reviewer_as_copied(
    project_b, monkeypatch, capsys
):
    """The hint said 'reviewkit screen --stage full-text': screen takes no name by default, so
    the line copied as printed was refused ('needs --reviewer'). It names the reviewer refused,
    and copied as it is it opens their full-text screen."""
    _through_full_text(project_b)
    said = _said_after(project_b, "z", "z")
    command = said.rsplit("exclude it at that stage (", 1)[1].split(")", 1)[0]
    monkeypatch.chdir(project_b.folder)  # the terminal the screen ran in
    run = tui_app.run_app

    async def look(pilot):
        await pilot.pause()
        await pilot.press("q")

    monkeypatch.setattr(tui_app, "run_app", lambda app: run(app, headless=True, auto_pilot=look))
    capsys.readouterr()
    assert main([*shlex.split(command)[1:], "--no-rank"]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.startswith("reviewer1 at full-text: 1 record decided")


def test_a_changed_title_abstract_vote_is_refused_too(project_b):
    ids = _through_full_text(project_b)
    said = _said_after(project_b, "g", *str(ids[0]), "enter", "e", "1")
    assert said.startswith(f"not saved: record {ids[0]} {REFUSED}")
    assert scr.DerivedStages(project_b).outcomes(FT)[ids[0]].status == "include"


def test_a_note_is_undone_and_the_full_text_stage_s_own_undo_works(project_b):
    ids = _through_full_text(project_b)
    scr.add_note(project_b.db, ids[0], TA, "reviewer1", "checked twice")
    assert scr.undo(project_b.db, TA, "reviewer1").label == "note"
    assert scr.undo(project_b.db, FT, "reviewer1").label == "include"  # at its own stage
    assert scr.undo(project_b.db, TA, "reviewer1").record_id == ids[1]  # no full-text votes


def test_two_reviewers_at_once_each_undo_their_own_newest_vote(project_b):
    """z takes back the reviewer's own newest entry, not the newest of the log: reviewer2
    voted last, and reviewer1's undo leaves reviewer2's vote (and blinding) as they were."""
    ids = add_records(project_b, make_records(2))
    one = scr.ReviewerQueue(project_b, TA, "reviewer1")
    two = scr.ReviewerQueue(project_b, TA, "reviewer2")
    one.decide(ids[0], "include")
    two.decide(ids[0], "exclude", "no-collaboration")
    two.decide(ids[1], "include")
    assert one.undo().record_id == ids[0]
    assert two.undo().record_id == ids[1]
    votes = scr.DerivedStages(project_b).states(TA)[ids[0]].votes
    assert {name: v.label for name, v in votes.items()} == {"reviewer2": "exclude"}


def _resolved_then_full_text(project) -> int:
    """A title-abstract conflict the lead settled with a final include, then both reviewers'
    full-text includes: the final decision carried the study to full text."""
    study = add_records(project, make_records(1))[0]
    conflict_on(project, [study], TA, "no-collaboration", checked=True)
    scr.resolve(project, study, TA, "lead", "include")
    for reviewer in ("reviewer1", "reviewer2"):
        scr.decide(project.db, study, FT, reviewer, "include", protocol=project.protocol)
    return study


def test_a_final_decision_full_text_built_on_is_neither_undone_nor_replaced(project_b):
    """The lead's z, or a final exclude in place of the include, after the full-text votes the
    include let happen took the study out of full text and the report without a word, as a
    reviewer's z did; a study that reached full text is decided there."""
    study = _resolved_then_full_text(project_b)
    before = len(list_decisions(project_b.db))
    with pytest.raises(UserError, match=f"record {study} has votes at the full-text stage"):
        scr.undo(project_b.db, TA, "lead")
    with pytest.raises(UserError, match="has votes at the full-text stage") as refused:
        scr.resolve(project_b, study, TA, "lead", "exclude", "no-collaboration")
    # told to a lead, who does not screen: the reviewers exclude it there, each by name (the
    # line said 'exclude it … (reviewkit screen --stage full-text)', refused as typed, and
    # refused with the lead's name: 'leads do not screen')
    assert refused.value.hint.endswith(
        "its reviewers exclude it at that stage"
        " (reviewkit screen --reviewer NAME --stage full-text)"
    )
    assert len(list_decisions(project_b.db)) == before
    assert scr.DerivedStages(project_b).outcomes(FT)[study].status == "include"


def test_a_final_decision_made_after_full_text_votes_may_be_undone(project_b):
    """A conflict a dedup merge raises after full text is settled by a final decision made
    after the full-text votes (tests/dedup/test_after_screening.py): they were not built on it,
    and the lead may take it back."""
    study = add_records(project_b, make_records(1))[0]
    conflict_on(project_b, [study], TA, "no-collaboration", checked=True)
    scr.decide(project_b.db, study, FT, "reviewer1", "include", protocol=project_b.protocol)
    scr.resolve(project_b, study, TA, "lead", "include")
    assert scr.undo(project_b.db, TA, "lead").label == "final-include"
