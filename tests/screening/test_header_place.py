"""The header's "(k of N)" counts what the reviewer has decided, whatever the queue's order.

A reviewer with 11 of 22 records decided reopened the screen and read "(1 of 22)": the number
was the place in the queue, and a reopened queue (seeded, or ranked anew) puts the decided
studies anywhere in it.
"""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"


def header(app: ReviewkitApp) -> str:
    return app.screen.query_one("#status").render_line(0).text


def test_a_reopened_screen_counts_the_decisions_made_before(project_a):
    add_records(project_a, make_records(22))
    before = scr.ReviewerQueue(project_a, TA, "reviewer1")
    # the first session decided 11 studies, not the first 11 of this order (the ranker had
    # put them first then): the queue's front is undecided when the screen is opened again
    decided = before.studies[11:]
    for study in decided:
        before.decide(study, "exclude", "wrong-population")
    app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project_a, TA, "reviewer1")), keymap={})

    async def go():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.first_screen
            assert f"record {screen.current} (12 of 22)" in header(app)
            await pilot.press("i")
            await pilot.pause()
            assert f"record {screen.current} (13 of 22)" in header(app)
            await pilot.press("k")  # the record just decided: the 12th decision
            await pilot.pause()
            assert "(12 of 22)" in header(app)
            await pilot.press("g")
            await pilot.press(*str(decided[0]), "enter")  # the first decision of the first session
            await pilot.pause()
            assert f"record {decided[0]} (1 of 22)" in header(app)
            await pilot.press("q")

    asyncio.run(go())
