"""Undo after a partner's vote, in a stage with one reviewer per record: reviewer1's
'uncertain' undone after reviewer2 voted on that record left it in reviewer1's queue as
waiting (remaining 77, not 76), and only the next vote on it was refused. An undone record
comes back only if it still waits for this reviewer."""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"


def test_an_undone_uncertain_decided_by_the_partner_leaves_my_queue(project_a):
    ids = add_records(project_a, make_records(5))
    queue = scr.ReviewerQueue(project_a, TA, "reviewer1")
    study = queue.studies[0]
    queue.decide(study, "uncertain")
    assert queue.remaining == 4
    scr.decide(project_a.db, study, TA, "reviewer2", "include")  # the second vote it asked for
    queue.undo()
    assert queue.remaining == 4 and study not in queue.studies
    assert queue.position_of(study) is None
    fresh = scr.ReviewerQueue(project_a, TA, "reviewer1")  # the same as a queue built now
    assert fresh.studies == queue.studies and sorted(fresh.studies) == sorted(set(ids) - {study})


def test_an_undone_vote_that_still_waits_for_me_comes_back(project_a):
    add_records(project_a, make_records(3))
    queue = scr.ReviewerQueue(project_a, TA, "reviewer1")
    study = queue.studies[0]
    queue.decide(study, "uncertain")
    queue.undo()  # nobody else voted: it waits for me again
    assert queue.remaining == 3 and queue.position_of(study) == 0


def test_the_screen_says_the_undone_record_left_and_stays_on_the_record_shown(project_a):
    add_records(project_a, make_records(5))
    queue = scr.ReviewerQueue(project_a, TA, "reviewer1")

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(queue), keymap={})
        async with app.run_test(size=(100, 34)) as pilot:
            s = app.first_screen
            study = s.current
            await pilot.press("u")
            shown = s.current
            assert shown != study
            scr.decide(queue.db, study, TA, "reviewer2", "exclude", "wrong-outcome")
            await pilot.press("z")
            assert s.current == shown
            assert f"record {study} no longer waits for you" in s.message
            status = app.screen.query_one("#status").render_line(0).text
            assert "remaining 4" in status and "decided 0" in status
            await pilot.press("i")  # the record shown takes the vote: nothing refused
            assert queue.votes[shown].label == "include"
            await pilot.press("q")

    asyncio.run(go())
