"""The "Full text:" line while the exclusion reasons are open (rd41d, reading screens41): `a`
is off then (it opened its prompt over the picker), but the line under the record still said
"none attached (a to attach)", offering the key the footer greys. It names `a` again once the
reasons close."""

from __future__ import annotations

import asyncio

from tui.helpers import FT, shown, to_full_text

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def _full_text_line(app: ReviewkitApp) -> str:
    return next(line for line in shown(app, "#mine").splitlines() if "Full text" in line)


def test_the_full_text_line_offers_a_only_while_a_can_act(team) -> None:
    project, ids = team
    to_full_text(project, ids[0])

    async def go() -> list[str]:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, FT, "tom")), keymap={})
        lines = []
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for key in ("e", "escape"):  # before, picking, cancelled
                lines.append(_full_text_line(app))
                await pilot.press(key)
                await pilot.pause()
            lines.append(_full_text_line(app))
            await pilot.press("q")
        return lines

    before, picking, after = asyncio.run(go())
    assert "a to attach" in before, before
    assert "Full text: none attached" in picking and "a to attach" not in picking, picking
    assert after == before, after
