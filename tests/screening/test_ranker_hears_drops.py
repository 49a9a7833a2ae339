"""The ranker hears every change of the queue: studies that only leave it (a partner decided
them, the lead resolved them) stop counting in "Includes left" at once, without a rerun."""

from __future__ import annotations

import asyncio

import pytest
from conftest import add_records
from screening.helpers import make_topic_records, until

from reviewkit import screening as scr
from reviewkit.ranking.queue import QueueRanker
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"
SIZE = (100, 34)


def includes_left(describe: str) -> str:
    """The estimate part of the order line ("Includes left ≈ 9 (90%: 4–15)")."""
    return describe.split(" · ")[0]


@pytest.mark.parametrize("isolate", [False, True], ids=["threads", "process"])
def test_studies_a_partner_decides_leave_the_includes_left_estimate(project_a, isolate):
    """Review A: one reviewer per record at title-abstract, so a study reviewer2 decides
    leaves reviewer1's queue; the open screen's estimate then equals a fresh screen's (the
    ranker in threads, and in its own process as ``reviewkit screen`` runs it)."""
    records, like = make_topic_records(12, 28)
    ids = add_records(project_a, records)
    like = dict(zip(ids, like, strict=True))
    queue = scr.ReviewerQueue(project_a, TA, "reviewer1")
    ranking = QueueRanker(queue, isolate=isolate, cold_start=False)
    screen = ScreeningScreen(queue, ranking=ranking)
    screen.CHANGES_S = 0.02  # the screen's look for others' changes, made short for the test

    async def go():
        app = ReviewkitApp(screen, keymap={})
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: ranking.started, "the ranker started")
            for _ in range(4):  # a few votes: an estimate of the includes left is shown
                await pilot.press(*(["i"] if like[screen.current] else ["e", "0"]))
            assert ranking.wait_idle()
            before = includes_left(ranking.status().describe())
            assert before.startswith("Includes left ≈")
            # reviewer2 decides 20 of the studies still waiting for reviewer1
            waiting = [s for s in queue.studies if s not in queue.votes and s != screen.current]
            for study in waiting[:20]:
                scr.decide(project_a.db, study, TA, "reviewer2", "exclude", "wrong-outcome")
            await until(pilot, lambda: len(queue.studies) == 20, "the partner's votes taken")
            assert ranking.wait_idle()
            now = includes_left(ranking.status().describe())
            await until(pilot, lambda: now in str(screen.query_one("#rank").render()), "shown")
            await pilot.press("q")
        return before, now

    before, now = asyncio.run(go())
    # what a screen opened now says: the same votes, only the 20 studies still in the queue
    fresh = QueueRanker(scr.ReviewerQueue(project_a, TA, "reviewer1"), isolate=False)
    fresh.start()
    try:
        assert fresh.wait_idle()
        assert now == includes_left(fresh.status().describe()) != before
    finally:
        fresh.close()


def test_a_study_my_undo_takes_out_of_the_queue_leaves_the_estimate(project_a):
    """z on my 'uncertain' after reviewer2 decided that study: it leaves my queue (it no
    longer waits for me), and the ranker must count it no more ("Includes left" counted it
    for the rest of the session: no later look at the queue sees it leave again)."""
    records, like = make_topic_records(12, 28)
    ids = add_records(project_a, records)
    like = dict(zip(ids, like, strict=True))
    queue = scr.ReviewerQueue(project_a, TA, "reviewer1")
    ranking = QueueRanker(queue, isolate=False, cold_start=False)
    screen = ScreeningScreen(queue, ranking=ranking)

    async def go():
        app = ReviewkitApp(screen, keymap={})
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: ranking.started, "the ranker started")
            for _ in range(4):
                await pilot.press(*(["i"] if like[screen.current] else ["e", "0"]))
            study = screen.current
            await pilot.press("u")
            scr.decide(project_a.db, study, TA, "reviewer2", "include")
            await pilot.press("z")
            assert "no longer waits for you" in screen.message and study not in queue.studies
            assert ranking.wait_idle()
            now = ranking.status().estimate
            await pilot.press("q")
        return now

    now = asyncio.run(go())
    fresh = QueueRanker(scr.ReviewerQueue(project_a, TA, "reviewer1"), isolate=False)
    fresh.start()
    try:
        assert fresh.wait_idle()
        assert now is not None and now == fresh.status().estimate
    finally:
        fresh.close()
