"""The stopping estimate and test on constructed screening sequences."""

from __future__ import annotations

import pytest

from reviewkit.ranking.stopping import default_window, estimate_remaining, recall_test, should_stop


def test_random_phase_estimate_matches_the_rate():
    decisions = ([True] + [False] * 9) * 20  # 10 % includes in 200 random decisions
    est = estimate_remaining(decisions, 1000)
    assert est.window == 50 and est.includes_in_window == 5
    assert 80 <= est.estimate <= 120
    assert est.low < 100 < est.high
    assert est.low >= 0 and est.high <= 1000


def test_long_run_of_excludes_gives_few_remaining():
    decisions = [True] * 40 + [False] * 800
    est = estimate_remaining(decisions, 500)
    assert est.window == default_window(840) == 168
    assert est.includes_in_window == 0
    assert est.estimate < 2 and est.low == 0 and est.high <= 8


def test_nothing_left_means_zero():
    est = estimate_remaining([True, False], 0)
    assert (est.estimate, est.low, est.high) == (0.0, 0, 0)


def test_wider_interval_at_higher_level():
    decisions = [True, False, False, False] * 10
    narrow = estimate_remaining(decisions, 300, level=0.5)
    wide = estimate_remaining(decisions, 300, level=0.99)
    assert wide.low <= narrow.low and wide.high >= narrow.high and wide.high > narrow.high


@pytest.mark.parametrize("bad", [{"n_remaining": -1}, {"n_remaining": 5, "level": 1.5}])
def test_bad_arguments(bad):
    with pytest.raises(ValueError):
        estimate_remaining([True], **bad)


def test_recall_test_stops_after_a_long_dry_run():
    decisions = [True] * 50 + [False] * 1500
    assert recall_test(decisions, 500) < 0.05
    assert should_stop(decisions, 500)


def test_recall_test_does_not_stop_while_includes_keep_coming():
    decisions = [True, False] * 30
    assert recall_test(decisions, 2000) > 0.5
    assert not should_stop(decisions, 2000)


def test_recall_test_needs_a_longer_dry_run_for_a_bigger_pool():
    decisions = [True] * 50 + [False] * 300
    assert recall_test(decisions, 100) < recall_test(decisions, 20000)


def test_recall_test_edge_cases():
    assert recall_test([False] * 10, 100) == 1.0  # nothing found yet
    assert recall_test([True, False], 0) == 0.0  # everything screened
    with pytest.raises(ValueError):
        recall_test([True], 10, target_recall=0)
