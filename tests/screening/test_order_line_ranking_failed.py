"""A failed ranker on the screening screen: its error is said as an error, not packed into the
order line. The order line's three rows are for its parts (includes left, stop advice, order);
a long 'ranking failed: …' message had wrapped over all three, the record's rows taken by it."""

from __future__ import annotations

import asyncio

from screening.helpers import add_records, make_topic_records, rank_rows, until

from reviewkit import screening as scr
from reviewkit.ranking.queue import QueueRanker
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"
# a model library's error, as long as one often is
ERROR = (
    "Input X contains NaN. LogisticRegression does not accept missing values encoded as NaN"
    " natively; see the estimators that handle NaN values and the imputers of the library"
)


class BrokenModel:
    def fit(self, X, y):  # noqa: ANN001, N803
        raise ValueError(ERROR)


def test_a_long_ranking_error_takes_one_row_and_is_said_whole_as_an_error(project_b):
    records, like = make_topic_records(6, 6)
    ids = add_records(project_b, records)
    queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
    for study, included in zip(ids, like, strict=True):  # the ready rule met: the model fits
        if study != ids[-1]:
            queue.decide(study, "include" if included else "exclude")
    queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
    ranking = QueueRanker(queue, model_factory=BrokenModel, isolate=False)

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=(60, 20)) as pilot:
            s = app.first_screen
            await until(pilot, lambda: ranking.status().source == "failed", "the failure")
            s.render_rank()
            await pilot.pause()
            rows = rank_rows(s)
            assert len(rows) == 1 and rows[0].startswith("Order: random · ranking failed"), rows
            assert rows[0].endswith("…"), rows  # cut, not wrapped
            assert s.query_one("#rank").has_class("failed")  # drawn in the error's colour
            message = " ".join(str(s.query_one("#message").render()).split())
            assert f"Ranking failed: {ERROR}." in message, message
            assert "seeded random order" in message, message

    try:
        asyncio.run(go())
    finally:
        ranking.close()


def test_the_queue_done_line_after_a_failed_ranker_takes_its_rows_in_its_own_colour(project_b):
    """The last record decided after the ranker failed: the order line says the queue is done
    and where work waits, on up to its five rows; it had kept the failure's one row and colour
    (its 'failed' class stayed: only a line from the ranker set it again)."""
    records, like = make_topic_records(6, 6)
    ids = add_records(project_b, records)
    queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
    for study, included in zip(ids, like, strict=True):
        if study != ids[-1]:
            queue.decide(study, "include" if included else "exclude")
    queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
    ranking = QueueRanker(queue, model_factory=BrokenModel, isolate=False)

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=(60, 20)) as pilot:
            s = app.first_screen
            await until(pilot, lambda: ranking.status().source == "failed", "the failure")
            s.render_rank()
            await pilot.pause()
            assert s.query_one("#rank").has_class("failed")
            await pilot.press("i")  # the last record: the queue is done
            await until(pilot, lambda: s.query_one("#rank").has_class("done"), "the queue done")
            s.render_rank()
            await pilot.pause()
            rows = rank_rows(s)
            assert rows[0].startswith("Queue done"), rows
            assert len(rows) > 1, rows  # 'next: …' on its rows, not cut to one
            assert not s.query_one("#rank").has_class("failed"), rows

    try:
        asyncio.run(go())
    finally:
        ranking.close()
