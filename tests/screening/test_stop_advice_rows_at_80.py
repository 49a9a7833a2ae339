"""The stop advice beside an estimate of three digits or more at 80 columns (s45): 'Includes
left ≈ 186 (90%: 69–279) · You may stop: 95% recall reached (p = 0.011) · Order: model (trained
…, retraining…)' took three rows packed, so it wrapped as one line, phrases broken across the
rows ('… 95% recall' | 'reached (p = 0.011) …'). The advice now has a short form ('May stop:
recall ≥ 95% (p = 0.011)') that fits beside such an estimate: two rows, each part whole."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from screening.helpers import rank_rows, until

from reviewkit import screening as scr
from reviewkit.ranking.queue import QueueRanker, RankStatus
from reviewkit.ranking.stopping import RemainingEstimate, StopAdvice
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"
TRAINED = datetime(2026, 12, 7, 14, 41, 3, tzinfo=UTC)


def _status(estimate: int, low: int, high: int, *, busy: bool) -> RankStatus:
    return RankStatus(
        source="model",
        trained_at=TRAINED,
        positives=9,
        negatives=9,
        min_includes=5,
        min_excludes=5,
        estimate=RemainingEstimate(estimate, low, high, 0.9, 50, 10),
        busy=busy,
        advice=StopAdvice(True, "rule", 0.011, 0.95),
    )


def test_the_stop_advice_beside_a_large_estimate_takes_two_rows_each_part_whole():
    cases = [(186, 69, 279, False), (186, 69, 279, True), (1234, 1100, 1400, False)]
    cases += [(1234, 1100, 1400, True)]
    for estimate, low, high, busy in cases:
        rows = _status(estimate, low, high, busy=busy).describe(width=78).split("\n")
        assert len(rows) == 2, rows
        assert rows[0].startswith("Includes left ≈ "), rows
        advice = (
            "You may stop: 95% recall reached (p = 0.011)",
            "May stop: recall ≥ 95% (p = 0.011)",
        )
        assert any(words in row for words in advice for row in rows), rows  # whole, in a row
        assert rows[1].endswith(")") and "Order: model (trained " in rows[1], rows
        assert all(len(row) <= 78 for row in rows), rows

    # beside a one-digit estimate, and on a wide screen, the words are as before
    small = _status(5, 2, 8, busy=True)
    assert "You may stop: 95% recall reached (p = 0.011)" in small.describe(width=78)
    large = _status(186, 69, 279, busy=True)
    assert "You may stop: 95% recall reached (p = 0.011)" in large.describe(width=140)


def test_the_screen_shows_the_short_advice_on_the_first_row_at_80_columns(topics, monkeypatch):
    project, _ = topics
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    ranking = QueueRanker(queue, isolate=False)
    monkeypatch.setattr(ranking, "status", lambda: _status(186, 69, 279, busy=True))

    async def go():
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            await until(pilot, lambda: not s.ordering, "the first order")
            s.render_rank()
            await pilot.pause()
            rows = rank_rows(s)
            assert rows == [
                "Includes left ≈ 186 (90%: 69–279) · May stop: recall ≥ 95% (p = 0.011)",
                f"Order: model (trained {TRAINED.astimezone():%H:%M:%S}, retraining…)",
            ], rows

    try:
        asyncio.run(go())
    finally:
        ranking.close()
