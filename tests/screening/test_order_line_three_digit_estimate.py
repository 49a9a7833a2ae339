"""The order line at 80 columns with a three-digit estimate (tui44, a walk in tmux): the line
'Includes left ≈ 123 (90%: 98–149) · Order: protocol until 2/5 incl+unc, 1/5 excl' is wider
than the 78 columns inside the padding and wrapped mid-phrase ('… until 2/5' | 'incl+unc, 1/5
excl'), in the terse words. A real review's queue (hundreds or thousands of records) has such an
estimate from its first votes. Now each part takes a row of its own, the counts in words."""

from __future__ import annotations

import asyncio
import textwrap
from datetime import UTC, datetime

from screening.helpers import (
    add_records,
    make_topic_records,
    rank_rows,
    until,
    votes_to_a_large_estimate,
)

from reviewkit import screening as scr
from reviewkit.ranking.queue import QueueRanker, RankStatus
from reviewkit.ranking.stopping import RemainingEstimate, StopAdvice
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"


def test_a_three_digit_estimate_puts_the_order_on_a_row_of_its_own_in_words(project_b):
    records, _ = make_topic_records(150, 150)  # half include-like: an estimate over 100
    add_records(project_b, records)
    queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
    ranking = QueueRanker(queue, isolate=False)

    async def go():
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            await votes_to_a_large_estimate(pilot, s, ranking)
            await until(pilot, lambda: len(rank_rows(s)) == 2, "the order line on two rows")
            rows = rank_rows(s)
            assert rows[0].startswith("Includes left ≈ "), rows
            assert "Order" not in rows[0], rows  # the estimate's row, whole
            assert rows[1] == (
                "Order: protocol until 2/5 include or uncertain, 1/5 exclude votes"
            ), rows
            assert s.query_one("#record").size.height > 5  # the record keeps the rest

    try:
        asyncio.run(go())
    finally:
        ranking.close()


def test_packing_never_costs_the_record_a_row():
    """The stop advice beside a model's order is 109+ characters: packed, its parts took three
    rows at 80 columns where the line wrapped takes two (a three-digit estimate); it stays
    wrapped then. Rows counted as a terminal wraps the text, at its spaces."""
    trained = datetime(2026, 12, 7, 14, 41, 3, tzinfo=UTC)
    for estimate, low, high in [(5, 2, 8), (186, 69, 279), (1234, 1100, 1400)]:
        status = RankStatus(
            source="model",
            trained_at=trained,
            positives=9,
            negatives=9,
            min_includes=5,
            min_excludes=5,
            estimate=RemainingEstimate(estimate, low, high, 0.9, 50, 10),
            busy=True,
            advice=StopAdvice(True, "rule", 0.011, 0.95),
        )
        line = status.describe()
        assert "You may stop: 95% recall reached" in line and len(line) > 78
        for width in (78, 58):
            shown = status.describe(width=width).split("\n")
            rows = sum(len(textwrap.wrap(row, width)) for row in shown)
            assert rows <= len(textwrap.wrap(line, width)), (width, shown)
