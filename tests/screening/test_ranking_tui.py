"""The screening screen with ranking: order line, reordering on the next record, never blocked by a fit."""

from __future__ import annotations

import asyncio
import threading

import pytest
from screening.helpers import (
    screen_text,
    until,
    until_started,
    vote,
    vote_until_ready,
)

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.ranking.queue import QueueRanker
from reviewkit.ranking.ranker import default_model
from reviewkit.store.decisions import list_decisions
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"
SIZE = (100, 34)


class GatedModel:
    """The default model, but fit blocks until the test opens the gate (a slow retrain)."""

    started = threading.Event()
    gate = threading.Event()

    def __init__(self) -> None:
        self.inner = default_model()

    def fit(self, X, y):
        GatedModel.started.set()
        assert GatedModel.gate.wait(60), "the test never opened the gate"
        self.inner.fit(X, y)
        return self

    def decision_function(self, X):
        return self.inner.decision_function(X)


async def until_first_record(pilot, screen) -> None:
    """With the protocol's order on, the first record shows once that order is in."""
    await until(pilot, lambda: not screen.ordering, "the first order")


def test_keys_go_on_while_a_slow_retrain_runs_then_likely_includes_come_next(topics):
    project, like = topics
    GatedModel.started.clear()
    GatedModel.gate.clear()
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    # the seeded order before the rule (in the protocol's order every include would come first)
    ranking = QueueRanker(queue, model_factory=GatedModel, isolate=False, cold_start=False)

    async def go():
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            await until_started(pilot, ranking)
            assert ranking.wait_idle()
            await vote_until_ready(pilot, s, like)
            assert GatedModel.started.wait(60)  # the first fit is running, stuck at the gate
            for _ in range(3):  # the screen keeps taking decisions, each committed at once
                before, n = s.current, len(list_decisions(project.db))
                await vote(pilot, s, like)
                assert s.current != before and len(list_decisions(project.db)) == n + 1
            shown = s.current
            await pilot.press("k", "j")  # moving works too
            assert s.current == shown
            assert ranking.status().busy and ranking.status().source != "model"
            s.render_rank()
            assert "training the first model…" in screen_text(app)
            GatedModel.gate.set()
            assert ranking.wait_idle()
            here = s.pos
            await pilot.press("j")  # moving on applies the new order behind the current record
            assert s.pos == here + 1
            rest = [like[st] for st in queue.studies[here + 1 :] if st not in queue.votes]
            n_left = sum(rest)
            assert rest[:n_left] == [True] * n_left and n_left > 0
            assert like[s.current]  # the next record is a likely include
            s.render_rank()
            assert "Order: model (trained" in screen_text(app)
            await pilot.press("q")
        assert ranking.closed  # quitting closed the ranker

    try:
        asyncio.run(go())
    finally:
        GatedModel.gate.set()
        ranking.close()


def test_the_record_on_screen_stays_and_decided_records_keep_their_place(topics):
    project, like = topics
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    # the seeded order before the rule: in the protocol's order every include-like record
    # comes first and is voted on before the fifth exclude, so none would be left for the
    # model to bring next; with the protocol on, which records were voted on depended on
    # whether its order had arrived before the first vote
    ranking = QueueRanker(queue, cold_start=False)

    async def go():
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            await until_started(pilot, ranking)
            assert ranking.wait_idle()  # texts loaded before the first vote, as in the others
            await vote_until_ready(pilot, s, like)
            assert ranking.wait_idle()
            shown, decided = s.current, list(queue.studies[: s.pos])
            await pilot.press("k", "k")  # back over decided records: they are where they were
            assert s.current == decided[-2]
            await pilot.press("j", "j")  # forward again: the new order never moves a record shown
            assert s.current == shown and queue.studies[: s.pos] == decided
            await pilot.press("j")  # the first record not shown yet: from the model's order
            assert like[s.current]
            s.render_rank()
            assert "Order: model" in screen_text(app)

    try:
        asyncio.run(go())
    finally:
        ranking.close()


def test_the_order_line_before_the_rule_and_without_ranking(topics):
    project, like = topics
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    ranking = QueueRanker(queue)
    order = list(queue.studies)  # the seeded order

    async def go():
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            await until_started(pilot, ranking)
            await until_first_record(pilot, s)
            await vote(pilot, s, like)
            assert ranking.wait_idle()
            s.render_rank()
            text = screen_text(app)
            assert (
                "Order: protocol until " in text
                and "incl+unc, " in text
                and "Includes left ≈" in text
            )
            await pilot.press("j", "tab")
            # before the rule: the protocol's order (Review B's terms match the include-like
            # records), not the seeded one
            later = [like[st] for st in queue.studies[s.pos + 1 :] if st not in queue.votes]
            assert queue.studies != order and later[:5] == [True] * 5
        plain = ReviewkitApp(
            ScreeningScreen(scr.ReviewerQueue(project, TA, "reviewer2")), keymap={}
        )
        async with plain.run_test(size=SIZE):
            assert "Order: seeded random (ranking off)" in screen_text(plain)

    try:
        asyncio.run(go())
    finally:
        ranking.close()


def test_the_includes_left_estimate_stays_in_view_at_80_columns(topics):
    """The estimate a reviewer watches comes first on the order line, on its first row at 80
    columns (it fell off the end behind 'Order: random until …' when the line was one row)."""
    project, like = topics
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    ranking = QueueRanker(queue)

    async def go():
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            await until_started(pilot, ranking)
            await until_first_record(pilot, s)
            await vote(pilot, s, like)
            assert ranking.wait_idle()
            s.render_rank()
            await pilot.pause()
            shown = s.query_one("#rank").render_line(0).text
            assert "Includes left ≈" in shown and "(90%:" in shown, shown

    try:
        asyncio.run(go())
    finally:
        ranking.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_the_order_line_is_read_whole_before_the_rule_at_80_and_120_columns(topics, size):
    """Before the ready rule the line said 'Includes left: after your first decision · Order:
    protocol terms until 5 includes and 5 excludes (you: 0 and 0)', 110 characters: one row at
    80 columns cut it at '… until 5 incl…', so a reviewer never read what the order waits for.
    It wraps to a second row when it needs one (q43b: now 'Includes left: after a vote ·
    Order: protocol until 0/5 incl+unc, 0/5 excl', one row at 80); the record keeps the rest."""
    project, _ = topics
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    ranking = QueueRanker(queue)

    async def go():
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=size) as pilot:
            s = app.first_screen
            await until_started(pilot, ranking)
            await until_first_record(pilot, s)
            assert ranking.wait_idle()
            s.render_rank()
            await pilot.pause()
            rank = s.query_one("#rank")
            rows = [rank.render_line(y).text.strip() for y in range(rank.size.height)]
            assert " ".join(rows) == ranking.status().describe(), rows
            assert "0/5 incl+unc, 0/5 excl" in rows[-1]
            assert len(rows) == 1
            # the record's title is still in view under it
            assert s.query_one("#record").size.height > 5

    try:
        asyncio.run(go())
    finally:
        ranking.close()


def test_cli_rank_option(topics, monkeypatch):
    project, _ = topics
    seen = []
    monkeypatch.setattr(ReviewkitApp, "run", lambda self: seen.append(self.first_screen.ranking))
    folder = str(project.folder)
    assert main(["screen", "--project", folder, "--reviewer", "reviewer1"]) == 0
    assert main(["screen", "--project", folder, "--reviewer", "reviewer1", "--no-rank"]) == 0
    assert isinstance(seen[0], QueueRanker) and seen[0].closed  # closed by the command on exit
    assert seen[1] is None
