"""The "Source:" line of a record (q41l, reading screens): "Source: PubMed (PubMed search run 1
#58)" sat right above "Record 58" and read like the record's id. It says what the number is:
the record's place in the search run or file ("item 58 of PubMed search run 1")."""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import make_records
from tui.helpers import shown, unwrapped

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def test_the_source_line_names_the_place_in_the_search_run_as_an_item(team) -> None:
    project, _ = team
    (rec,) = make_records(1, prefix="Found")
    rec.source, rec.origin, rec.position = "PubMed", "PubMed search run 1", 58
    (rid,) = add_records(project, [rec], source="PubMed")

    async def go() -> str:
        app = ReviewkitApp(
            ScreeningScreen(scr.ReviewerQueue(project, "title-abstract", "tom")), keymap={}
        )
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.press("g", *str(rid), "enter")
            await pilot.pause()
            body = shown(app, "#record")
            await pilot.press("q")
        return body

    body = unwrapped(asyncio.run(go()))
    assert unwrapped("Source: PubMed (item 58 of PubMed search run 1)") in body, body
    assert "#58" not in body, body
