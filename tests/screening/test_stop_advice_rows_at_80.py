"""The stop advice beside an estimate of three or four digits at 80 columns (s45). Before the
model's order (the ready rule's counts, then in words on a row of their own) 'Includes left ≈
186 (90%: 93–372) · You may stop: 95% recall reached (p = 0.011) · Order: protocol until 3/5
…' took three rows packed, so it wrapped as one line, phrases broken across the rows ('… 95%
recall' | 'reached (p = 0.011) …'). The advice now has a short form ('May stop: recall ≥ 95%
(p = 0.011)') that fits beside such an estimate: two rows, each part whole. Beside the model's
order the full words fit the second row with it, and stay. The states are those
:meth:`QueueRanker.status` gives: no advice while a retrain is under way (it would be for older
decisions), so never beside 'retraining…'."""

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
FULL = "You may stop: 95% recall reached (p = 0.011)"
SHORT = "May stop: recall ≥ 95% (p = 0.011)"


def _status(source: str, estimate: int, *, stop: bool = True) -> RankStatus:
    """A status as the ranker gives it with the advice in: no retrain under way; before the
    model 3 include-like and 300 exclude votes (a large review with few includes)."""
    model = source == "model"
    return RankStatus(
        source=source,
        trained_at=TRAINED if model else None,
        positives=9 if model else 3,
        negatives=9 if model else 300,
        min_includes=5,
        min_excludes=5,
        estimate=RemainingEstimate(estimate, estimate // 2, estimate * 2, 0.9, 50, 10),
        busy=False,
        advice=StopAdvice(stop, "test", 0.011, 0.95),
    )


def test_before_the_model_the_short_advice_keeps_each_part_of_the_line_whole():
    for source in ("protocol", "random"):
        for estimate in (186, 1234):
            rows = _status(source, estimate).describe(width=78).split("\n")
            left = f"Includes left ≈ {estimate:,} (90%: {estimate // 2:,}–{estimate * 2:,})"
            assert rows == [
                f"{left} · {SHORT}",
                f"Order: {source} until 3/5 include or uncertain, 300/5 exclude votes",
            ], rows
    # beside a two-digit estimate, and on a wide screen, the full words
    for estimate, width in ((42, 78), (186, 140)):
        assert FULL in _status("protocol", estimate).describe(width=width)
    # beside the model's order the full words share its row (78 columns), not the short ones
    for estimate in (186, 1234, 12345):
        rows = _status("model", estimate).describe(width=78).split("\n")
        assert rows[1] == f"{FULL} · Order: model (trained {TRAINED.astimezone():%H:%M:%S})"
    # no advice to stop: neither form, at any width
    for width in (40, 60, 78, 118, None):
        said = _status("protocol", 186, stop=False).describe(width=width)
        assert "stop" not in said.lower(), said


def test_the_screen_shows_the_short_advice_on_the_first_row_at_80_columns(topics, monkeypatch):
    project, _ = topics
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    ranking = QueueRanker(queue, isolate=False)
    monkeypatch.setattr(ranking, "status", lambda: _status("protocol", 186))

    expected = [
        f"Includes left ≈ 186 (90%: 93–372) · {SHORT}",
        "Order: protocol until 3/5 include or uncertain, 300/5 exclude votes",
    ]

    async def go():
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            await until(pilot, lambda: not s.ordering, "the first order")
            # the second row is laid out a refresh after the first: wait for both
            await until(pilot, lambda: rank_rows(s) == expected, f"the rows {expected}")

    try:
        asyncio.run(go())
    finally:
        ranking.close()
