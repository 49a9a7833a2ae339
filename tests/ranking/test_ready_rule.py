"""The ready rule is one function; the screen's process can ask it without numpy or scipy."""

from __future__ import annotations

import subprocess
import sys

from reviewkit.ranking.queue import RankStatus
from reviewkit.ranking.ranker import meets_ready_rule


def test_needs_both_thresholds():
    assert meets_ready_rule(5, 5, 5, 5)
    assert meets_ready_rule(9, 12, 5, 5)
    assert not meets_ready_rule(4, 50, 5, 5)
    assert not meets_ready_rule(50, 4, 5, 5)
    assert meets_ready_rule(1, 1, 1, 0)


def test_a_threshold_of_0_still_needs_one_of_each_class():
    """A classifier cannot learn from one class: with min_excludes 0 the status line said the
    model was ready (training) while the fit still waited for an exclude."""
    assert not meets_ready_rule(1, 0, 1, 0)
    assert not meets_ready_rule(0, 3, 0, 0)
    status = RankStatus("random", None, 3, 0, 0, 0, None, False).describe()
    assert "training the first model" not in status
    assert "until 3/1 incl+unc, 0/1 excl" in status


def _status(positives: int, negatives: int) -> str:
    return RankStatus("random", None, positives, negatives, 3, 2, None, False).describe()


def test_status_line_follows_the_rule():
    assert "until 3/3 incl+unc, 1/2 excl" in _status(3, 1)
    assert "training the first model" in _status(3, 2)


def test_screen_side_asks_the_rule_without_numpy():
    code = (
        "import sys\n"
        "from reviewkit.ranking.queue import RankStatus\n"
        "from reviewkit.ranking.ready_rule import meets_ready_rule\n"
        "assert meets_ready_rule(5, 5, 5, 5)\n"
        "print('numpy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
