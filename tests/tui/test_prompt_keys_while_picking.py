"""A key that opens a prompt while the exclusion reasons are open (screens41): `a` (attach),
`n` (note), `/` (search) and `g` (go to) opened their prompt over the picker, which stayed
open under it, and the message line's "exclude: which reason?" was gone. They are off while
the reasons are open, greyed in the footer, and pressed say why in the one wording every
off key has ("Attach: not while choosing an exclusion reason (Esc cancels it)")."""

from __future__ import annotations

import asyncio

import pytest
from tui.helpers import FT, shown, to_full_text

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen
from reviewkit.tui.widgets import TextPrompt

SMALL = (80, 24)


@pytest.mark.parametrize(("key", "words"), [("a", "Attach"), ("n", "Note"), ("g", "Go to")])
def test_a_prompt_key_while_the_reasons_are_open_says_why(team, key: str, words: str) -> None:
    project, ids = team
    to_full_text(project, ids[0])

    async def go() -> tuple[bool, bool, str]:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, FT, "tom")), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            await pilot.press("e", key)
            await pilot.pause()
            s = app.first_screen
            out = (isinstance(app.screen, TextPrompt), s.excluding, shown(app, "#message"))
            await pilot.press("escape", "q")
        return out

    prompt, excluding, said = asyncio.run(go())
    assert not prompt and excluding
    assert said == f"{words}: not while choosing an exclusion reason (Esc cancels it)", said
