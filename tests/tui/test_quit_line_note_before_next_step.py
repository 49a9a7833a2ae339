"""The line printed after ctrl+q from a prompt (rd39g, a reader of ux39 using the screens): what
ctrl+q left unsaved in a note is said before where work waits next, not after it."""

from __future__ import annotations

import asyncio

from tui.helpers import TA

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp, quit_words
from reviewkit.tui.screening import ScreeningScreen

SMALL = (80, 24)


def test_what_ctrl_q_left_in_a_note_comes_before_the_next_step(team) -> None:
    """With nothing left to screen the line ends with where work waits ('; next: …'); the
    note dropped by ctrl+q was said after it, as if it were part of the next step."""
    project, ids = team
    for rid in ids:
        scr.decide(project.db, rid, TA, "maria", "include")

    async def go() -> str:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*"ask the lead", "ctrl+q")
        return quit_words(app)

    said = asyncio.run(go())
    assert "; next: " in said and "'ask the lead'" in said, said
    head, _, then = said.partition("; next: ")
    assert "was not saved" in head and "'ask the lead'" in head, said  # was: after next
    assert "every decision is saved" in head, said  # a note is no decision
    assert "not saved" not in then, said
