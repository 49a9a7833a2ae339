"""An off key told apart without colour. Textual greys a key whose action is off
(``check_action`` None) by its ``-disabled`` class, ``text-style: dim``, which a terminal shows
as a shade of grey (253 against 247), and NO_COLOR or a monochrome terminal as nothing: a lead
on a conflicts screen with no conflict could not tell i from q (screens41). An off key's words
are struck through too, a text style that needs no colour. Textual draws the padding between a
key and its words, or after the words, as spaces in the words' style, so the strike ran on into
them (" Note", "Final: exclude… "; q41l): only the words are struck, on a compact footer (the
screening screen) and a full one (conflicts)."""

from __future__ import annotations

import asyncio

from textual.pilot import Pilot
from tui.helpers import TA, settled_footer

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.screening import ScreeningScreen

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


async def _struck(pilot: Pilot) -> dict[str, str]:
    """Each off key's words as struck through on its row (what the terminal draws)."""
    out = {}
    for key in await settled_footer(pilot):
        if key.has_class("-disabled"):
            row = key.render_line(0)
            out[key.description] = "".join(s.text for s in row if s.style and s.style.strike)
    return out


async def _off_keys(app: ReviewkitApp, *keys: str) -> dict[str, str]:
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        struck = await _struck(pilot)
        await pilot.press("escape", "q")
    return struck


def test_only_the_words_of_an_off_key_are_struck_through(team) -> None:
    project, _ = team
    picking = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "tom")), keymap={})
    no_conflict = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})

    compact = asyncio.run(_off_keys(picking, "e"))  # the reasons open: Note is off
    full = asyncio.run(_off_keys(no_conflict))  # no conflict: the final decisions are off

    assert compact.get("Note") == "Note", compact
    assert full and all(words == description for description, words in full.items()), full
