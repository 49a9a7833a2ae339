"""The confirm screen's label rows and their heading name the keys in force when a keymap
moves the number keys: the rows said 1 and 0, the heading "a number key"."""

from __future__ import annotations

import asyncio

from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen


def test_label_rows_name_the_keys_in_force(b_included) -> None:
    project, ids = b_included
    keymap = {"classify.label1": "f1", "classify.none": "x", "classify.accept": "y"}

    async def rows() -> list[str]:
        app = ReviewkitApp(ConfirmScreen(project, "model-type", ids, "ann"), keymap=keymap)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            widget = app.screen.query_one("#labels")
            shown = [widget.render_line(y).text.strip() for y in range(widget.size.height)]
            await pilot.press("q")
        return [str(widget.border_title), *(r for r in shown if r)]  # the title: what keys do

    title, heading, first, *_, last = asyncio.run(rows())
    assert "number" not in title + heading and "a label's key confirms" in title, title
    assert first.startswith("f1 ") and "Multidisciplinary team" in first, first
    assert last.startswith("x ") and "None of these" in last, last
