"""A key that cannot act now, without colour (screens41): Textual greys a key whose action is
off (``check_action`` None) by its ``-disabled`` class, ``text-style: dim``, which a terminal
shows as a shade of grey (253 against 247), and NO_COLOR or a monochrome terminal as nothing:
a lead on a conflicts screen with no conflict could not tell i from q. An off key's words are
struck through too, a text style that needs no colour."""

from __future__ import annotations

import asyncio

from tui.helpers import TA, settled_footer

from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen

SMALL = (80, 24)


def test_an_off_key_is_told_apart_without_colour(team, monkeypatch) -> None:
    project, _ = team
    monkeypatch.setenv("NO_COLOR", "1")

    async def go() -> dict[str, tuple[bool, bool]]:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            out = {}
            for key in await settled_footer(pilot):
                style = key.get_component_rich_style("footer-key--description")
                out[key.description] = (key.has_class("-disabled"), bool(style.strike))
            await pilot.press("q")
        return out

    keys = asyncio.run(go())
    assert keys["Final: include…"] == (True, True), keys  # no conflict: off, struck through
    assert keys["Quit"] == (False, False), keys


def test_snapshot_off_keys_without_colour(team, monkeypatch, snap_compare) -> None:
    project, _ = team
    monkeypatch.setenv("NO_COLOR", "1")
    app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
    assert snap_compare(app, terminal_size=SMALL)
