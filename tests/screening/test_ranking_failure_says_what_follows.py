"""What the screen says of a failed ranker is what the queue then does: a fit's error leaves the
last model's order (the seeded random one before any model) until a later fit succeeds, which
the next vote tries; an error no fit can clear (the texts unread, the ranking process ended)
leaves the order in use for the session. It said "The queue keeps its seeded random order"
whatever came next, while a model's order stayed and a later fit brought the ranked order back."""

from __future__ import annotations

import asyncio

from screening.helpers import add_records, make_topic_records, rank_rows, until

from reviewkit import screening as scr
from reviewkit.ranking.engine import Engine
from reviewkit.ranking.queue import QueueRanker
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"


class FailsAfterTheFirst:
    """A model whose first fit works (a model orders the queue) and every later one fails."""

    fits = 0

    def fit(self, X, y):  # noqa: ANN001, N803
        FailsAfterTheFirst.fits += 1
        if FailsAfterTheFirst.fits > 1:
            raise ValueError("the solver did not converge")
        self.weights = X[y == 1].mean(axis=0)
        return self

    def decision_function(self, X):  # noqa: ANN001, N803
        return X @ self.weights.T


def _ranked_queue(project, model_factory=None) -> QueueRanker:  # noqa: ANN001
    """Twelve records, ten decided (the ready rule met: a model orders the queue)."""
    records, like = make_topic_records(6, 6)
    ids = add_records(project, records)
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    for study, included in list(zip(ids, like, strict=True))[:-2]:
        queue.decide(study, "include" if included else "exclude")
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    return QueueRanker(queue, model_factory=model_factory, isolate=False)


def _message(s: ScreeningScreen) -> str:
    return " ".join(str(s.query_one("#message").render()).split())


def test_a_fit_failing_after_a_model_says_its_order_stays_until_a_fit_succeeds(project_b):
    FailsAfterTheFirst.fits = 0
    ranking = _ranked_queue(project_b, FailsAfterTheFirst)
    said: list[str] = []

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(ranking.queue, ranking=ranking), keymap={})
        async with app.run_test(size=(100, 24)) as pilot:
            s = app.first_screen
            await until(pilot, lambda: ranking.status().source == "model", "the model's order")
            await until(pilot, lambda: not s.ordering, "the first record")
            await pilot.press("i")  # a vote: the next fit fails
            await until(pilot, lambda: "Ranking failed" in _message(s), "the failure said")
            said.append(_message(s))
            s.render_rank()
            await pilot.pause()
            said.append(rank_rows(s)[0])

    try:
        asyncio.run(go())
    finally:
        ranking.close()
    assert (
        "The queue follows the last model's order until a retrain succeeds (your next vote"
        " retrains; the ranked order then applies from the next record)" in said[0]
    ), said
    assert "seeded random" not in said[0], said
    assert said[1].startswith("Order: model (trained "), said  # not 'Order: random'


def test_texts_that_could_not_be_read_leave_the_order_for_the_session(project_b, monkeypatch):
    def unreadable(self, ids=None):  # noqa: ANN001
        raise OSError("disk I/O error")

    monkeypatch.setattr(Engine, "_read_texts", unreadable)
    ranking = _ranked_queue(project_b)
    said: list[str] = []

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(ranking.queue, ranking=ranking), keymap={})
        async with app.run_test(size=(100, 24)) as pilot:
            s = app.first_screen
            await until(pilot, lambda: "Ranking failed" in _message(s), "the failure said")
            said.append(_message(s))

    try:
        asyncio.run(go())
    finally:
        ranking.close()
    assert (
        "Ranking failed: disk I/O error. The queue follows the seeded random order for this"
        " session (quit and open the screen again to rank again)" in said[0]
    ), said
    assert "retrain" not in said[0], said
