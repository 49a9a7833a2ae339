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


class FailsAnew:
    """A model whose every fit fails: with other words each time ('the data has no features',
    then 'the solver found one class'), or, ``COUNTED``, with the same words and the labelled
    records' count in them, as a model library's errors often carry the data's shape."""

    fits = 0
    COUNTED = False
    WORDS = ("the data has no features", "the solver found one class")

    def fit(self, X, y):  # noqa: ANN001, N803
        FailsAnew.fits += 1
        if FailsAnew.COUNTED:
            raise ValueError(f"inconsistent numbers of samples: [{len(y)}, {len(y) + 1}]")
        raise ValueError(FailsAnew.WORDS[(FailsAnew.fits - 1) % 2])


def _two_left_after_a_vote(project_b) -> QueueRanker:
    """A queue of six records, four decided (the ready rule met: the model fits), ranked by
    :class:`FailsAnew`."""
    records, like = make_topic_records(6, 6)
    ids = add_records(project_b, records)
    queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
    for study, included in list(zip(ids, like, strict=True))[:-2]:  # two left after a vote
        queue.decide(study, "include" if included else "exclude")
    queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
    FailsAnew.fits = 0
    return QueueRanker(queue, model_factory=FailsAnew, isolate=False)


def _message(s: ScreeningScreen) -> str:
    return " ".join(str(s.query_one("#message").render()).split())


def test_each_new_ranking_failure_is_said_once(project_b, monkeypatch):
    """The screen said a failed ranker's error once a session: after a vote the next fit failed
    otherwise (a model's error, then the ranking process ended) and nothing said so, the order
    line's one cut row the only sign. Each new error is said once; the same error, polled
    twice a second, is not said again."""
    monkeypatch.setattr(FailsAnew, "COUNTED", False)
    ranking = _two_left_after_a_vote(project_b)
    queue = ranking.queue
    said: list[str] = []

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            await until(pilot, lambda: "Ranking failed: the" in _message(s), "the first failure")
            said.append(_message(s))
            first = ranking.status().error
            # the failure is said by the order line's poll, which may come before the poll
            # that takes the first order (here the failure) and shows the first record: a key
            # pressed before that finds no record ('no record yet'), so no vote, no new fit
            await until(pilot, lambda: not s.ordering, "the first record")
            await pilot.press("i")  # a vote: the model is fitted again, and fails anew
            await until(
                pilot,
                lambda: "Ranking failed" in _message(s) and first not in _message(s),
                "the second failure said",
            )
            said.append(_message(s))
            s.say("")  # the same error at the next polls: not said again
            await pilot.pause(3 * s.RANK_POLL_S)
            said.append(_message(s))

    try:
        asyncio.run(go())
    except AssertionError as exc:
        raise AssertionError(f"{exc}; said: {said}") from None
    finally:
        ranking.close()
    assert said[2] == "", said


def test_a_failure_whose_counts_change_with_each_vote_is_said_once(project_b, monkeypatch):
    """A model library's error with the data's counts in it ('inconsistent numbers of samples:
    [4, 5]', then '[5, 6]' after a vote) is one failure: said once, not again at every vote."""
    monkeypatch.setattr(FailsAnew, "COUNTED", True)
    ranking = _two_left_after_a_vote(project_b)
    queue = ranking.queue
    said: list[str] = []

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            await until(pilot, lambda: "Ranking failed: incons" in _message(s), "the failure")
            first = ranking.status().error
            await until(pilot, lambda: not s.ordering, "the first record")  # as above
            s.say("")
            await pilot.press("i")  # a vote: fitted again, the same failure with other counts
            await until(pilot, lambda: ranking.status().error != first, "the next fit's error")
            await pilot.pause(3 * s.RANK_POLL_S)
            said.append(_message(s))

    try:
        asyncio.run(go())
    finally:
        ranking.close()
    assert "Ranking failed" not in said[0], said
