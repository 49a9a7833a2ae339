"""The review screen keeps the two records' fields side by side, row by row, when one title
wraps to more lines than the other (at 80x24, Pilot)."""

from __future__ import annotations

import asyncio

import pytest
from conftest import add_records
from dedup.helpers import TITLE, rec

from reviewkit.dedup import engine
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen

LONG = (
    f"{TITLE}: the Norwegian multicentre return to work study with twelve months of"
    " follow-up and a process evaluation"
)


@pytest.fixture
def uneven(project_b):
    """A queued pair: the same trial, one record's title with a long subtitle."""
    bare = dict(journal="", volume="", pages="", issue="")
    add_records(
        project_b,
        [
            rec(**bare, title=LONG, authors=["Hansen, Kari", "Olsen, Per"], year=2019),
            rec(**bare, authors=["Hansen, Kari", "Berg, Anne"], year=2020, source="Embase"),
        ],
    )
    engine.run_dedup(project_b.db)
    assert len(engine.review_queue(project_b.db)) == 1
    return project_b


def test_fields_stay_side_by_side_when_one_title_wraps_longer(uneven):
    app = ReviewkitApp(DedupReviewScreen(uneven, "ann"), keymap={})

    async def go():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            # the terminal's lines as the reviewer sees them (what export_screenshot draws)
            lines = [strip.text for strip in app.screen._compositor.render_strips()]

            def row(text: str) -> int:
                (found,) = [y for y, line in enumerate(lines) if text in line]
                return found

            assert row("2019") == row("2020")  # both records' years on one row
            assert row("Embase") == row("PubMed")
            await pilot.press("q")

    asyncio.run(go())
