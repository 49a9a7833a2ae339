"""The review screen shows a journal's abbreviation beside its name when the abbreviation says
more than the name: two copies of one article often name the journal one by its name
(PubMed's full title), one by its abbreviation (an export's JO), and a person telling them
apart reads them side by side (Pilot, 80x24)."""

from __future__ import annotations

import asyncio

import pytest
from conftest import add_records
from dedup.helpers import TITLE, rec

from reviewkit.dedup import engine
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen

FULL, ABBREVIATION = "Journal of Occupational Rehabilitation", "J Occup Rehabil"


@pytest.fixture
def named_two_ways(project_b):
    """A queued pair (a year, an author and a subtitle apart, no volume or pages): the journal
    by its name and abbreviation, and by its abbreviation alone (then its journal too)."""
    bare = dict(volume="", pages="", issue="", journal_abbreviation=ABBREVIATION)
    long_title = f"{TITLE}: the Norwegian multicentre return to work study"
    add_records(
        project_b,
        [
            rec(**bare, journal=FULL, title=long_title, authors=["Hansen, Kari", "Olsen, Per"]),
            rec(**bare, journal="", authors=["Hansen, Kari", "Berg, Anne"], year=2020),
        ],
    )
    engine.run_dedup(project_b.db)
    assert len(engine.review_queue(project_b.db)) == 1
    return project_b


def test_the_abbreviation_beside_the_journal_where_it_says_more(named_two_ways):
    app = ReviewkitApp(DedupReviewScreen(named_two_ways, "ann"), keymap={})

    async def go():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            lines = [strip.text for strip in app.screen._compositor.render_strips()]
            start = next(y for y, line in enumerate(lines) if " journal " in line)
            end = next(y for y, line in enumerate(lines) if " volume " in line)
            # the pane's rows: '│ field │ left record │ right record │'
            cells = [line.split("│")[2:4] for line in lines[start:end]]
            left = " ".join(" ".join(c[0] for c in cells).split())
            right = " ".join(" ".join(c[1] for c in cells).split())
            assert left == f"{FULL} ({ABBREVIATION})"
            assert right == ABBREVIATION  # the name again: no '(…)'
            await pilot.press("q")

    asyncio.run(go())
