"""The screening screen on a record with neither title nor abstract (a database's stub) says
there is nothing to read and what to do, where it showed '(no title)' and '(no abstract)' as
for a record that merely lacks one of them."""

from __future__ import annotations

import asyncio

from conftest import add_records

from reviewkit import screening as scr
from reviewkit.records import Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def _pane(project, rid: int) -> str:
    """The screen's text on record ``rid``, reached with g."""
    shown: list[str] = []

    async def go() -> None:
        queue = scr.ReviewerQueue(project, "title-abstract", "reviewer1")
        app = ReviewkitApp(ScreeningScreen(queue, ranking=None), keymap={})
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("g", *str(rid), "enter")
            await pilot.pause()
            shown.extend(s.text for s in app.screen._compositor.render_strips())
            await pilot.press("q")

    asyncio.run(go())
    return " ".join(" ".join(shown).split())


def test_the_screen_says_a_record_has_nothing_to_read(project_b) -> None:
    stub, untitled = add_records(
        project_b, [Record(pmid="12345"), Record(title="No abstract at all", pmid="12346")]
    )
    pane = _pane(project_b, stub)
    assert "PMID 12345" in pane and "neither title nor abstract" in pane
    assert "neither title nor abstract" not in _pane(project_b, untitled)
