"""Walked in tmux (q43b): `g` with an id the project does not hold pointed the screener to
"the record_id column of 'extract export' / 'dedup report --csv'", files a screener does not
have open, while the screen shows each record's id under it ('Record N'). It says so."""

from __future__ import annotations

import asyncio

from tui.helpers import TA, shown, unwrapped

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def test_goto_an_unknown_id_names_the_number_shown_under_each_record(team) -> None:
    project, ids = team
    said = {}

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            on_screen = s.current
            assert f"Record {on_screen}" in shown(app, "#record")
            await pilot.press("g", "9", "9", "9", "9", "enter")
            await pilot.pause()
            said["unknown"] = shown(app, "#message")
            said["on_screen"] = on_screen
            await pilot.press("q")

    asyncio.run(go())
    assert unwrapped(said["unknown"]) == unwrapped(
        "no record matches '9999' in this project (a record's id is the number shown under"
        f" each record, as 'Record {said['on_screen']}' under this one)"
    ), said
    assert "record_id column" not in said["unknown"]
