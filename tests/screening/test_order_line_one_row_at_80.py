"""The order line at 80 columns (q43b, a reviewer's walk in tmux): before the ready rule it
took two rows ('Includes left ≈ 7 (90%: 2–9) · Order: protocol terms until 5 includes and 5
excludes (you: 1 and 0)') and counted an uncertain as an include without saying so; a finished
queue reopened kept an order line about a queue with nothing left in it."""

from __future__ import annotations

import asyncio

from screening.helpers import rank_rows, until, until_started

from reviewkit import screening as scr
from reviewkit.ranking.queue import QueueRanker
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"


def test_the_order_line_fits_one_row_at_80_columns_and_counts_uncertain_with_includes(topics):
    project, _ = topics
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    ranking = QueueRanker(queue, isolate=False)

    async def go():
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            await until_started(pilot, ranking)
            await until(pilot, lambda: not s.ordering, "the first order")
            assert ranking.wait_idle()
            s.render_rank()
            await pilot.pause()
            assert len(rank_rows(s)) == 1, rank_rows(s)  # before any vote too
            for key in ("i", "u", "e", "1"):  # an include, an uncertain, an exclude
                await pilot.press(key)
            assert ranking.wait_idle()
            s.render_rank()
            await pilot.pause()
            rows = rank_rows(s)
            assert rows == [ranking.status().describe()], rows
            assert rows[0].startswith("Includes left ≈"), rows
            # the uncertain counts with the includes, and the line says so
            assert "Order: protocol until 2/5 incl+unc, 1/5 excl" in rows[0], rows

    try:
        asyncio.run(go())
    finally:
        ranking.close()


def test_a_finished_queue_reopened_says_it_is_done_and_what_comes_next(topics):
    project, like = topics
    code = project.protocol.stages[TA].exclusion_reasons[0].code
    for study, include in like.items():
        label, reason = ("include", "") if include else ("exclude", code)
        scr.decide(project.db, study, TA, "reviewer1", label, reason, protocol=project.protocol)
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    ranking = QueueRanker(queue, isolate=False)

    async def go():
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            assert queue.remaining == 0
            await until_started(pilot, ranking)
            ranking.wait_idle()
            s.render_rank()
            await pilot.pause()
            line = " ".join(rank_rows(s))
            assert line.startswith("Queue done: every record here has your decision"), line
            assert "next: title-abstract: 40 records for another reviewer" in line, line
            assert "Includes left" not in line and "Order:" not in line, line
            await pilot.press("z")  # one record waits again: the order line is back at once
            assert " ".join(rank_rows(s)).startswith("Includes left"), rank_rows(s)
            await pilot.press("i")
            assert " ".join(rank_rows(s)).startswith("Queue done"), rank_rows(s)
            assert s.message.startswith("saved: include on record"), s.message

    try:
        asyncio.run(go())
    finally:
        ranking.close()
