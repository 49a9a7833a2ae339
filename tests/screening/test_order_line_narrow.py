"""The order line on a terminal narrower than 80 columns (rd44d, reading tui44): with a
three-digit estimate at 60 columns the order's own row in words ('Order: protocol until 2/5
include or uncertain, 1/5 exclude votes', 66 characters) is wider than the 58 columns inside
the padding and wraps; its parts then took three rows where the line has two (``#rank``'s
``max-height``), and its end was cut: 'exclude votes' was not shown. The line wrapped takes two
rows and shows it all."""

from __future__ import annotations

import asyncio

from screening.helpers import (
    add_records,
    make_topic_records,
    rank_rows,
    until,
    votes_to_a_large_estimate,
)

from reviewkit import screening as scr
from reviewkit.ranking.queue import QueueRanker, RankStatus
from reviewkit.ranking.stopping import RemainingEstimate
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"


def _laid_out(screen) -> bool:  # noqa: ANN001
    """Whether the order line shows the estimate and the order (their rows laid out)."""
    text = " ".join(rank_rows(screen))
    return "≈" in text and "Order" in text


def test_a_narrow_terminal_shows_the_whole_order_line(project_b):
    records, _ = make_topic_records(150, 150)  # half include-like: an estimate over 100
    add_records(project_b, records)
    queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
    ranking = QueueRanker(queue, isolate=False)

    async def go() -> list[str]:
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=(60, 24)) as pilot:
            s = app.first_screen
            await votes_to_a_large_estimate(pilot, s, ranking)
            await until(pilot, lambda: _laid_out(s), "the line with the estimate laid out")
            return rank_rows(s)

    try:
        rows = asyncio.run(go())
    finally:
        ranking.close()
    assert len(rows) == 2, rows
    shown = " ".join(rows)
    assert shown.startswith("Includes left ≈ "), rows
    assert shown.endswith("1/5 excl"), rows  # the line's end is on screen, not cut


def test_at_60_columns_each_part_keeps_a_row_of_its_own_in_short_counts():
    """(s45) The order in words wraps itself at 58 columns; in its short counts it fits the
    second row whole, where the line had wrapped as one ('… · Order: protocol until 2/5' |
    'incl+unc, 1/5 excl')."""
    estimate = RemainingEstimate(148, 100, 199, 0.9, 50, 10)
    rows = RankStatus("protocol", None, 2, 1, 5, 5, estimate, False).describe(width=58)
    order = "Order: protocol until 2/5 incl+unc, 1/5 excl"
    assert rows.split("\n") == ["Includes left ≈ 148 (90%: 100–199)", order], rows
