"""An empty screening queue's lines (rd39g, a reader of ux39 using the screens): no order line
nor exclusion reasons until a record comes."""

from __future__ import annotations

import asyncio

from conftest import add_records
from tui.helpers import TA

from reviewkit import screening as scr
from reviewkit.records import Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

SMALL = (80, 24)


def _rows(app: ReviewkitApp) -> list[str]:
    """The terminal's rows as the reviewer sees them."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def test_an_empty_queue_shows_no_order_line_nor_reasons_until_a_record_comes(project_b) -> None:
    """No record at this stage for the reviewer: the screen still said "Includes left: after
    your first decision · Order: random until 5 includes …" and listed the exclusion reasons
    (e, then the number), of a queue there is not, with e off. They come with a record."""
    rows: dict[str, str] = {}

    async def go() -> None:
        queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
        app = ReviewkitApp(ScreeningScreen(queue), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            rows["empty"] = "\n".join(_rows(app))
            add_records(project_b, [Record(title="Return to work after burnout")])
            app.first_screen.look_for_changes()  # the timer's look: no key pressed
            await pilot.pause()
            rows["one"] = "\n".join(_rows(app))
            await pilot.press("q")

    asyncio.run(go())
    assert "Nothing to screen" in rows["empty"]
    for gone in ("Order:", "Exclusion reasons"):  # "Includes left" too, with a ranker
        assert gone not in rows["empty"], rows["empty"]  # was shown with no record
        assert gone in rows["one"], rows["one"]
