"""``o`` with no full text attached while the exclusion reasons are open (q41l, reading
screens): it said "press a to attach one" while ``a`` is off (it would only say "not while
choosing an exclusion reason"). It names the key that closes the reasons first."""

from __future__ import annotations

import asyncio

from tui.helpers import FT, shown, to_full_text, unwrapped

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def test_o_without_a_full_text_names_esc_first_while_the_reasons_are_open(team) -> None:
    project, ids = team
    to_full_text(project, ids[0])

    async def go() -> tuple[str, str]:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, FT, "tom")), keymap={})
        said = []
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for keys in (("o",), ("e", "o")):  # reasons closed, then open
                await pilot.press(*keys)
                await pilot.pause()
                said.append(unwrapped(shown(app, "#message")))
            await pilot.press("escape", "q")
        return said[0], said[1]

    closed, picking = asyncio.run(go())
    assert unwrapped("press a to attach one") in closed, closed
    assert unwrapped("press Esc to close the reasons, then a to attach one") in picking, picking
