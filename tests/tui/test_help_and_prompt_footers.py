"""The help screen and the text prompts at 80x24, walked in tmux (walk9): their footers are
their own. Under the help the
screen's footer stayed in view ("i Include e Exclude… u Uncertain …"), keys that do nothing
while the help is open, and the key that closes it was on the help's last row, below the
window's edge on a stage with its reasons. Under a prompt (a note, a search) the footer
offered "i Include … q Quit", keys that type into the prompt."""

from __future__ import annotations

import asyncio

from tui.helpers import TA

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.help import HelpScreen
from reviewkit.tui.screening import ScreeningScreen
from reviewkit.tui.widgets import TextPrompt


def _rows(app: ReviewkitApp) -> list[str]:
    """The terminal's rows as the reviewer sees them."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def test_the_help_footer_names_its_own_keys_and_space_pages_it(team) -> None:
    project, ids = team

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("j", "question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            footer = _rows(app)[-1]
            assert "Esc Close help" in footer and "Space More" in footer, footer
            assert "Include" not in footer, footer  # the screen's keys do nothing here
            assert not any("closes this help" in row for row in _rows(app))  # below the edge
            await pilot.press("space")
            await pilot.pause()
            assert any("closes this help" in row for row in _rows(app))
            await pilot.press("i")  # the footer no longer offers it: nothing is decided
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, ScreeningScreen)
            assert "Include" in _rows(app)[-1]
            await pilot.press("q")

    asyncio.run(go())
    assert scr.ReviewerQueue(project, TA, "maria").done == 0


def test_the_note_prompt_footer_names_esc_not_the_screen_keys(team) -> None:
    project, _ = team

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("j", "n")
            await pilot.pause()
            assert isinstance(app.screen, TextPrompt)
            footer = _rows(app)[-1]
            assert "Esc Cancel" in footer and "Include" not in footer, footer
            await pilot.press("escape")
            await pilot.pause()
            assert "Include" in _rows(app)[-1]
            await pilot.press("q")

    asyncio.run(go())


def test_the_help_footer_offers_more_only_when_the_help_is_taller_than_the_window(team) -> None:
    project, _ = team

    async def footer(size: tuple[int, int]) -> str:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=size) as pilot:
            await pilot.press("j", "question_mark")
            await pilot.pause()
            await pilot.pause()
            row = _rows(app)[-1]
            await pilot.press("escape", "q")
        return row

    assert "Space More" in asyncio.run(footer((80, 24)))
    tall = asyncio.run(footer((100, 60)))
    assert "Esc Close help" in tall and "More" not in tall, tall
