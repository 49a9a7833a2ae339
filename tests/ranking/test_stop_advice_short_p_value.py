"""The stop advice on the order line at 80 columns (rd44d, reading tui44; seen in tmux on the
demo project): 'Includes left ≈ 1 (90%: 0–2) · You may stop: 95% recall reached (test p =' |
'0.000) · Order: model (trained 15:15:49)', the p value broken from its words, and 0.000 said
of a p value under 0.001. The advice is shorter now ('(p < 0.001)'): beside an estimate of up to
two digits it fits the first row, and the order takes the second, whole."""

from __future__ import annotations

from datetime import UTC, datetime

from reviewkit.ranking.queue import RankStatus
from reviewkit.ranking.stopping import RemainingEstimate, StopAdvice

INSIDE_80 = 78  # the order line's columns at 80 (its padding: one column each side)


def _status(estimate: RemainingEstimate, p_value: float) -> RankStatus:
    return RankStatus(
        source="model",
        trained_at=datetime(2026, 12, 7, 15, 15, 49, tzinfo=UTC),
        positives=9,
        negatives=40,
        min_includes=5,
        min_excludes=5,
        estimate=estimate,
        busy=False,
        advice=StopAdvice(True, "test", p_value, 0.95),
    )


def test_the_stop_advice_keeps_its_words_on_one_row_beside_a_small_estimate():
    for estimate in (
        RemainingEstimate(1, 0, 2, 0.9, 50, 10),
        RemainingEstimate(12, 5, 21, 0.9, 50, 10),
    ):
        rows = _status(estimate, 0.012).describe(width=INSIDE_80).split("\n")
        assert len(rows) == 2, rows
        assert rows[0].startswith("Includes left ≈ "), rows
        assert rows[0].endswith("You may stop: 95% recall reached (p = 0.012)"), rows
        assert rows[1].startswith("Order: model (trained "), rows
        assert all(len(row) <= INSIDE_80 for row in rows), rows


def test_a_p_value_under_a_thousandth_is_said_so_not_zero():
    line = _status(RemainingEstimate(1, 0, 2, 0.9, 50, 10), 0.0002).describe()
    assert "(p < 0.001)" in line and "0.000" not in line, line
    assert "(p = 0.001)" in _status(RemainingEstimate(1, 0, 2, 0.9, 50, 10), 0.001).describe()
