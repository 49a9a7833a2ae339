"""Stopping rules replayed on label sequences, the screen's advice, and its one-line status."""

from __future__ import annotations

import pytest

from reviewkit.ranking import stopping
from reviewkit.ranking.queue import RankStatus
from reviewkit.ranking.stopping import StopAdvice, estimate_remaining, stop_advice, stop_position


def test_estimate_rule_stops_where_the_estimate_first_falls_below_one():
    labels = [1] * 30 + [0] * 970  # all includes first, then a long dry run
    k = stop_position(labels, 1000, "estimate")
    assert estimate_remaining([bool(x) for x in labels[:k]], 1000 - k).estimate < 1
    assert estimate_remaining([bool(x) for x in labels[: k - 1]], 1000 - k + 1).estimate >= 1
    assert 30 < k < 1000


def test_test_rule_waits_for_a_long_enough_dry_run():
    labels = [1] * 30 + [0] * 970
    k = stop_position(labels, 1000, "test")
    assert stopping.recall_test([bool(x) for x in labels[:k]], 1000 - k) < 0.05
    assert 30 < k < 1000


def test_no_stop_while_includes_keep_coming():
    labels = [1, 0] * 50  # includes keep coming to the end
    assert stop_position(labels, 100, "test") >= 95  # only when what is left cannot matter
    assert stop_position([0] * 100, 100, "test") == 100  # no include found: never


def test_labels_that_end_at_the_last_include_are_padded_with_excludes():
    short = [1] * 30
    assert stop_position(short, 1000, "estimate") == stop_position(
        short + [0] * 970, 1000, "estimate"
    )


def test_unknown_rule():
    with pytest.raises(ValueError, match="unknown stopping rule"):
        stop_position([1, 0], 2, "guess")


def test_advice_follows_the_recommended_rule(monkeypatch):
    dry = [True] * 40 + [False] * 1500
    monkeypatch.setattr(stopping, "RECOMMENDED_RULE", "test")
    advice = stop_advice(dry, 300)
    assert advice.stop and advice.rule == "test" and advice.p_value < 0.05
    assert not stop_advice([True, False] * 20, 3000).stop
    monkeypatch.setattr(stopping, "RECOMMENDED_RULE", None)  # no rule passed the simulations
    assert stop_advice(dry, 300) is None


def test_no_advice_to_stop_when_nothing_is_left(monkeypatch):
    """The screen read "You may stop: 95% recall reached" on the last record of a queue, with
    nothing left to stop screening (found walking the README, task walk)."""
    dry = [True] * 40 + [False] * 1500
    for rule in ("test", "estimate"):
        monkeypatch.setattr(stopping, "RECOMMENDED_RULE", rule)
        assert stop_advice(dry, 300) is not None
        assert stop_advice(dry, 0) is None


def _status(advice):
    return RankStatus(
        "model", None, 10, 50, 5, 5, estimate_remaining([True] * 10, 100), False, advice=advice
    )


def test_status_line_offers_to_stop_only_when_the_rule_says_so():
    assert "You may stop" not in _status(None).describe()
    assert "You may stop" not in _status(StopAdvice(False, "test", 0.4, 0.95)).describe()
    line = _status(StopAdvice(True, "test", 0.012, 0.95)).describe()
    assert "You may stop: 95% recall reached (p = 0.012)" in line
