"""The screening screen's message line belongs to the record on screen: after a decision on one
record moved the screen on, a note prompt on the next record (or tab to another) still showed
'saved: uncertain on record 91' beside it."""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen
from reviewkit.tui.widgets import TextPrompt


def _shown(screen) -> str:
    return str(screen.query_one("#message").render())


def test_the_message_line_is_about_the_record_on_screen(project_b):
    add_records(project_b, make_records(4))

    async def go():
        queue = scr.ReviewerQueue(project_b, "title-abstract", "reviewer1")
        app = ReviewkitApp(ScreeningScreen(queue), keymap={})
        async with app.run_test(size=(100, 34)) as pilot:
            s = app.first_screen
            first = s.current
            await pilot.press("u")
            assert s.current != first and _shown(s) == f"saved: uncertain on record {first}"
            await pilot.press("n")
            assert isinstance(app.screen, TextPrompt)
            assert str(first) not in _shown(s)
            await pilot.press("escape")
            assert _shown(s) == "no note added"
            second = s.current
            await pilot.press("n", *"checked", "enter")
            assert _shown(s) == f"saved: note on record {second}"
            await pilot.press("tab")
            assert s.current != second and _shown(s) == ""

    asyncio.run(go())
