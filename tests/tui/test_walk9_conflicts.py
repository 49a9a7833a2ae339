"""The conflicts screen walked in tmux (walk9): Esc on the "Why include?" prompt said only "not
saved", where the screening screen's Esc says "exclusion cancelled"; it names what was
cancelled and that no final decision was stored."""

from __future__ import annotations

import asyncio

from tui.helpers import TA, shown

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen


def test_esc_on_the_why_include_prompt_says_the_include_was_cancelled(team) -> None:
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")

    async def go() -> str:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("i")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            said = shown(app, "#message")
            await pilot.press("q")
        return said

    said = asyncio.run(go())
    assert "include cancelled: no final decision saved" in said, said
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
