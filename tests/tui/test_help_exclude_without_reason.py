"""Walked in tmux (tui43): the help listed `0  Exclude without a reason (if the stage allows)`,
leaving the reviewer to wonder whether this stage does; the row is shown only at a stage that
allows it (at one that requires a reason there is none), so it says so plainly."""

from __future__ import annotations

import asyncio

from screening.helpers import until
from textual.widgets import Static
from tui.helpers import FT, TA, to_full_text

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.help import HelpScreen
from reviewkit.tui.screening import ScreeningScreen


def _help_text(project, stage: str) -> str:  # noqa: ANN001
    async def go() -> str:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, stage, "maria")), keymap={})
        async with app.run_test(size=(100, 60)) as pilot:
            await pilot.press("question_mark")
            # read once the help is drawn to its last line: one pause was not always enough on
            # a loaded machine (the help not yet laid out, its text read empty)
            await until(pilot, lambda: "closes this help" in _shown(app), "the help drawn")
            text = _shown(app)
            await pilot.press("escape", "q")
        return text

    return asyncio.run(go())


def _shown(app: ReviewkitApp) -> str:
    """The help's words as drawn (none while another screen is on top)."""
    if not isinstance(app.screen, HelpScreen):
        return ""
    return " ".join(
        w.render_line(y).text.strip()
        for w in app.screen.query(Static)
        for y in range(w.size.height)
    )


def test_the_help_says_plainly_that_0_excludes_without_a_reason_where_it_may(team) -> None:
    project, ids = team
    to_full_text(project, ids[0])
    allowed = _help_text(project, TA)  # tests/tui's title-abstract stage requires no reason
    assert "Exclude without a reason" in allowed
    assert "if the stage allows" not in allowed
    required = _help_text(project, FT)  # its full-text stage requires one: no such row
    assert "without a reason" not in required
