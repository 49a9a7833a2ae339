"""The conflicts screen, and the reason picker it shares with screening, walked in tmux (walk9):
Esc on the "Why include?" prompt said only "not saved", where the screening screen's Esc says
"exclusion cancelled"; a screen opened with no conflict said nothing of what to do next; the
picker named Esc and 0 whatever the keymap said."""

from __future__ import annotations

import asyncio

import pytest
from tui.helpers import TA, shown

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.screening import ScreeningScreen


@pytest.mark.parametrize(
    ("key", "cancelled"),
    [
        ("i", "include cancelled: no final decision saved"),
        # (rd37d) the reason picker's Esc had left "exclude: which reason?" on the message line
        ("e", "exclude cancelled: no final decision saved"),
    ],
)
def test_esc_on_a_final_decisions_prompt_says_it_was_cancelled(team, key, cancelled) -> None:  # noqa: ANN001
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")

    async def go() -> str:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            said = shown(app, "#message")
            await pilot.press("q")
        return said

    said = asyncio.run(go())
    assert "which reason" not in said, said
    assert cancelled in said, said
    assert scr.conflicts(project, TA, "sara")[0].final is None


def test_opened_with_no_conflict_it_says_where_work_waits(team) -> None:
    """Opened on a stage with no conflict, the screen said "No conflicts at the title-abstract
    stage." and nothing more: the lead was not told that j looks again, nor where work waits."""
    project, _ = team

    async def go() -> str:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            said = shown(app, "#message")
            await pilot.press("q")
        return said

    said = asyncio.run(go())
    assert "no conflict open here (j looks for new ones)" in said, said
    assert "next: title-abstract: 3 records for the reviewers" in said, said


def test_the_reason_picker_names_the_cancel_and_none_keys_in_force(team) -> None:
    """walk9: after e the picker's head said '0 for none · Esc cancels' whatever the keymap
    said, where its other words (the exclude key, '(o to open)') name the keys in force."""
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")
    keymap = {"conflicts.cancel": "c", "conflicts.no_reason": "x"}

    async def go() -> tuple[str, bool]:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap=keymap)
        async with app.run_test(size=(100, 34)) as pilot:
            await pilot.press("e")
            await pilot.pause()
            head = shown(app, "#final")
            await pilot.press("c")
            await pilot.pause()
            picking = app.first_screen.excluding
            await pilot.press("q")
        return head, picking

    head, picking = asyncio.run(go())
    assert "x for none · c cancels" in head, head
    assert not picking  # c left the picker, as the words say


def test_the_screening_picker_names_them_too(team) -> None:
    project, _ = team
    keymap = {"screening.cancel": "c", "screening.no_reason": "x"}

    async def go() -> str:
        queue = scr.ReviewerQueue(project, TA, "maria")
        app = ReviewkitApp(ScreeningScreen(queue), keymap=keymap)
        async with app.run_test(size=(100, 34)) as pilot:
            await pilot.press("j", "e")
            await pilot.pause()
            head = shown(app, "#reasons")
            await pilot.press("c", "q")
        return head

    head = asyncio.run(go())
    assert "x for none · c cancels" in head, head


def test_a_reason_moved_off_its_number_is_listed_after_its_key(team) -> None:
    """walk9: with reason 1 moved to y the list under the record still read '1 Not employees
    of working age', and 1 no longer chose it."""
    project, _ = team
    keymap = {"screening.reason1": "y"}

    async def go() -> tuple[str, int | None]:
        queue = scr.ReviewerQueue(project, TA, "maria")
        app = ReviewkitApp(ScreeningScreen(queue), keymap=keymap)
        async with app.run_test(size=(100, 34)) as pilot:
            await pilot.press("j")
            await pilot.pause()
            listed = shown(app, "#reasons")
            first = app.first_screen.current
            await pilot.press("e", "y", "q")
        return listed, first

    listed, first = asyncio.run(go())
    assert "y Not employees of working age" in listed, listed
    assert "1 Not employees" not in listed and "2 Not burnout" in listed, listed
    vote = scr.ReviewerQueue(project, TA, "maria").votes[first]
    assert (vote.label, vote.reason) == ("exclude", "not-employees")
