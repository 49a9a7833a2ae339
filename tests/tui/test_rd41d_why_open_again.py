"""Which reopened a settled conflict (rd41d, reading screens41): the words must name the cause
that opened it, not any dedup link that happens to be newer than the final."""

from __future__ import annotations

import asyncio

from tui.helpers import TA, shown

from reviewkit import screening as scr
from reviewkit.dedup.engine import merge_records
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen


def _view(project, study: int):  # noqa: ANN001, ANN202
    (view,) = [v for v in scr.conflicts(project, TA, "sara") if v.study_id == study]
    return view


def test_a_changed_vote_is_named_though_an_undecided_record_was_merged_after_the_final(
    team,
) -> None:
    """A record with no vote at the stage merged into the study after the final (a later
    search's copy of it) opens nothing; the reviewer's changed vote after it does. It was called
    'a dedup merge joined records decided apart'."""
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")
    scr.resolve(project, ids[0], TA, "sara", "include")
    merge_records(project.db, ids[0], ids[1], "lead")  # ids[1]: no vote at the stage
    assert not _view(project, ids[0]).open  # the merge alone opens nothing
    scr.decide(project.db, ids[0], TA, "maria", "exclude", "not-employees")
    view = _view(project, ids[0])
    assert view.open and view.reopened is not None
    assert view.reopened.words.startswith("a vote came after the final"), view.reopened.words


def test_undoing_a_final_that_replaced_another_shows_the_earlier_one_again(team) -> None:
    """sara settled a conflict, a changed vote opened it again and she gave another final on
    the screen, then pressed z: her earlier final stands again (open again, as `conflicts
    --list` says). The screen showed no final at all, and its own undo was not read again."""
    project, ids = team
    for study in ids[:2]:
        scr.decide(project.db, study, TA, "maria", "include")
        scr.decide(project.db, study, TA, "tom", "exclude", "not-employees")
    first = scr.resolve(project, ids[0], TA, "sara", "include")
    scr.decide(project.db, ids[0], TA, "maria", "exclude", "not-employees")  # open again

    async def go() -> tuple[object, str]:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=(100, 34)) as pilot:
            await pilot.pause()
            s = app.first_screen
            assert s.views[s.pos].study_id == ids[0]
            s.commit("exclude", "not-employees")  # replaces her include
            s.pos = 0
            s.action_undo()
            s.last_key = 0.0  # no key for 3 seconds (z was one)
            s.look_for_changes()  # the timer's look
            await pilot.pause()
            out = (s.views[0].final, " ".join(shown(app, "#final").split()))
            said = shown(app, "#message")
            await pilot.press("q")
        return (*out, said)

    final, words, said = asyncio.run(go())
    assert final is not None and final.id == first.id, final
    assert "Open again: a vote came after the final" in words, words
    # the look's read put it right quietly: 'no new conflicts', asked by no one, had replaced
    # what z said
    assert said.startswith("undone: final exclude"), said


def test_a_vote_changed_twice_after_the_final_is_one_vote(team) -> None:
    """maria changed her vote after sara's final, then changed its reason: one vote came after
    the final (it said '2 votes', counting her entries)."""
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")
    scr.resolve(project, ids[0], TA, "sara", "include")
    scr.decide(project.db, ids[0], TA, "maria", "exclude", "not-employees")
    last = scr.decide(project.db, ids[0], TA, "maria", "exclude", "not-burnout-covid")
    reopened = _view(project, ids[0]).reopened
    assert reopened is not None and reopened.count == 1, reopened
    assert reopened.at == last.created_at
