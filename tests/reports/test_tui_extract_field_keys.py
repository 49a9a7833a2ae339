"""The extraction screen's field rows name each field's key in force (walk9): with field 1
moved to f by a keymap, its row still said 1, a key that no longer edits it (the footer and the
confirm screen's label rows name the keys in force)."""

from __future__ import annotations

import asyncio

from tui.helpers import shown

from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.extract import ExtractScreen


def test_the_field_rows_name_the_keys_in_force(b_included) -> None:
    project, ids = b_included

    async def go(keymap: dict[str, str]) -> str:
        app = ReviewkitApp(ExtractScreen(project, ids, "ann"), keymap=keymap)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            fields = shown(app, "#fields")
            await pilot.press("q")
        return fields

    first = project.protocol.extraction[0].name
    assert f"1 {first}:" in asyncio.run(go({}))
    moved = asyncio.run(go({"extract.field1": "f"}))
    assert f"f {first}:" in moved and f"1 {first}:" not in moved, moved
