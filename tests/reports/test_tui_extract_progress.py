"""Walked in tmux (tui43): the extraction screen's status line said where the reviewer was
("study 1 of 77 (id 1)") but not how many studies were filled in, which only the line printed
at quit told (33 of 77). It leads with the count now, as the confirm screen's "confirmed 3 of
6", and counts a study as soon as its last empty field is saved."""

from __future__ import annotations

import asyncio

from textual.widgets import Input
from tui.helpers import shown

from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.extract import ExtractScreen


def test_the_status_line_counts_the_studies_filled_in(b_included) -> None:
    project, ids = b_included
    fields = project.protocol.extraction
    assert 1 < len(fields) <= 9 and len(ids) == 3

    async def go() -> None:
        app = ReviewkitApp(ExtractScreen(project, ids, "ann"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            await pilot.pause()
            assert shown(app, "#status").startswith("filled in 0 of 3 · study 1 of 3")
            for n in range(1, len(fields) + 1):
                await pilot.press(str(n))
                await pilot.pause()
                app.screen.query_one(Input).value = f"value {n}"
                await pilot.press("enter")
                await pilot.pause()
                done = 1 if n == len(fields) else 0  # counted once no field is left empty
                assert shown(app, "#status").startswith(f"filled in {done} of 3 · study 1")
            assert screen.current == ids[0]
            await pilot.press("q")

    asyncio.run(go())
