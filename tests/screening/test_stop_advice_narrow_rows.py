"""The stop advice on a narrow terminal (a split one: 60-72 columns). Its three parts (the
includes left, the advice, the order) share no row there: the line as one broke a phrase across
its two rows ('… 95% recall' | 'reached (p = …)') or, beside a three-digit estimate at 60
columns, took three rows of a two-row field and the order was cut off. Now each part takes a
row of its own, whole, and the order line grows to three rows for them: the estimate stays on
the first."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from screening.helpers import rank_rows, until

from reviewkit import screening as scr
from reviewkit.ranking.queue import QueueRanker, RankStatus
from reviewkit.ranking.stopping import RemainingEstimate, StopAdvice
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TRAINED = datetime(2026, 12, 7, 14, 41, 3, tzinfo=UTC)
ADVICE = "You may stop: 95% recall reached (p = 0.011)"
SHORT = "May stop: recall ≥ 95% (p = 0.011)"


def _status(estimate: int) -> RankStatus:
    """The model's order with the advice in (no retrain under way: the ranker's state)."""
    return RankStatus(
        source="model",
        trained_at=TRAINED,
        positives=9,
        negatives=40,
        min_includes=5,
        min_excludes=5,
        estimate=RemainingEstimate(estimate, estimate // 2, estimate * 2, 0.9, 50, 10),
        busy=False,
        advice=StopAdvice(True, "test", 0.011, 0.95),
    )


def test_each_part_of_the_advice_line_is_whole_on_its_row_at_60_to_70_columns():
    order = f"Order: model (trained {TRAINED.astimezone():%H:%M:%S})"
    for estimate in (12, 186, 1234):
        left = f"Includes left ≈ {estimate:,} (90%: {estimate // 2:,}–{estimate * 2:,})"
        for width in (58, 62, 66):  # inside the padding at 60-68 columns
            rows = _status(estimate).describe(width=width).split("\n")
            assert rows == [left, ADVICE, order], (estimate, width, rows)
    # where two parts share a row whole (the short words), two rows stay enough
    rows = _status(12).describe(width=68).split("\n")
    assert rows == [f"Includes left ≈ 12 (90%: 6–24) · {SHORT}", order], rows
    rows = _status(1234).describe(width=68).split("\n")
    assert rows == ["Includes left ≈ 1,234 (90%: 617–2,468)", f"{SHORT} · {order}"], rows


def test_the_advice_line_keeps_to_three_rows_where_its_full_words_wrap():
    """At 40-41 columns (38-39 inside the padding) the full advice (44 characters) wraps, and
    its rows with the estimate's and the order's came to four, no more than the line as one
    wrapped: four rows were chosen, the field showing three, the advice broken and the order
    cut off. The short words keep each part whole on its row."""
    order = f"Order: model (trained {TRAINED.astimezone():%H:%M:%S})"
    for estimate in (12, 186, 1234):
        left = f"Includes left ≈ {estimate:,} (90%: {estimate // 2:,}–{estimate * 2:,})"
        for width in (38, 39):
            rows = _status(estimate).describe(width=width).split("\n")
            assert rows == [left, SHORT, order], (estimate, width, rows)


def test_the_screen_grows_the_order_line_to_show_the_advice_whole_at_60_to_70_columns(
    topics, monkeypatch
):
    project, _ = topics
    order = f"Order: model (trained {TRAINED.astimezone():%H:%M:%S})"
    left = "Includes left ≈ 186 (90%: 93–372)"
    for size, expected in (
        ((60, 24), [left, ADVICE, order]),
        ((66, 24), [left, ADVICE, order]),
        ((70, 24), [left, f"{SHORT} · {order}"]),  # two rows, each part whole
    ):
        queue = scr.ReviewerQueue(project, "title-abstract", "reviewer1")
        ranking = QueueRanker(queue, isolate=False)
        monkeypatch.setattr(ranking, "status", lambda: _status(186))

        async def go(size=size, queue=queue, ranking=ranking, expected=expected):
            app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
            async with app.run_test(size=size) as pilot:
                s = app.first_screen
                await until(pilot, lambda: not s.ordering, "the first order")
                await until(pilot, lambda: rank_rows(s) == expected, f"{size}: {expected}")

        try:
            asyncio.run(go())
        finally:
            ranking.close()
