"""Read of walk9 (rd37d): walk9 made the help's own keys remappable (``help.close``), but its
last line still said "Esc, q or ? closes this help." whatever the keymap said, where every
other word of the screens names the key in force."""

from __future__ import annotations

import asyncio

from textual.widgets import Static
from tui.helpers import TA

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def _closing_line(project, keymap: dict[str, str]) -> tuple[str, bool]:  # noqa: ANN001
    async def go() -> tuple[str, bool]:
        queue = scr.ReviewerQueue(project, TA, "maria")
        app = ReviewkitApp(ScreeningScreen(queue), keymap=keymap)
        async with app.run_test(size=(100, 60)) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            line = " ".join(  # every line of the help, whole at 100x60
                w.render_line(y).text.strip()
                for w in app.screen.query(Static)
                for y in range(w.size.height)
            )
            await pilot.press(keymap.get("help.close", "escape").split(",")[0])
            await pilot.pause()
            closed = app.screen is app.first_screen
            await pilot.press("q")
        return line, closed

    return asyncio.run(go())


def test_the_help_names_the_keys_that_close_it(team) -> None:
    project, _ = team
    line, closed = _closing_line(project, {})
    assert "Esc, q or ? closes this help." in line and closed, line
    line, closed = _closing_line(project, {"help.close": "x,escape"})
    assert "x or Esc closes this help." in line, line
    assert "q or ?" not in line, line
    assert closed  # x closed it, as the line says


def test_the_help_footer_stops_offering_more_at_its_end(team) -> None:
    """walk9's 'Space More' stayed in the help's footer once Space had paged to its last row,
    where Space does nothing: 'More' is offered while there is more below."""
    project, _ = team

    async def go() -> tuple[str, str, str]:
        queue = scr.ReviewerQueue(project, TA, "maria")
        app = ReviewkitApp(ScreeningScreen(queue), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("j", "question_mark")
            await pilot.pause()
            first = _footer(app)
            for _ in range(6):  # far more pages than the help has at 80x24
                await pilot.press("space")
            await pilot.pause()
            await pilot.pause()
            end = _footer(app)
            await pilot.press("pageup")
            await pilot.pause()
            await pilot.pause()
            back = _footer(app)
            await pilot.press("escape", "q")
        return first, end, back

    first, end, back = asyncio.run(go())
    assert "Space More" in first, first
    assert "More" not in end and "Esc Close help" in end, end
    assert "Space More" in back, back


def _footer(app: ReviewkitApp) -> str:
    return app.screen._compositor.render_strips()[-1].text
