"""When to stop screening: how many includes remain, and a test of the recall reached.

Both methods read only the sequence of one reviewer's decisions in the order they were made
(True = include) and the number of records that reviewer has not screened yet. Pure functions.

**Estimate of the includes remaining** (:func:`estimate_remaining`). The last ``w`` decisions
(the window; default ``max(50, n/5)``, all of them when fewer) hold ``k`` includes. Their
include rate ``p`` gets the Jeffreys posterior Beta(k + 1/2, w − k + 1/2); the number left
among the ``R`` unscreened records is then beta-binomial(R, k + 1/2, w − k + 1/2). We report
its mean and its central ``level`` interval (default 90 %). While the queue is still in random
order the window is a random sample and the estimate is unbiased; once the model orders the
queue, the unscreened records are *less* likely to be includes than the last ones screened,
so the estimate leans high (conservative: it will not tell a team to stop too early).

**Stopping test** (:func:`recall_test`, :func:`should_stop`): the hypergeometric test of
Callaghan & Müller-Hansen (2020, "Statistical stopping criteria for automated screening in
systematic reviews", *Systematic Reviews* 9:273). Treat the last ``n`` screened records as a
random sample drawn without replacement from themselves plus the unscreened ones (again
conservative under ranked order). If recall were below the target ``τ``, that pool would hold
at least ``K = ⌊r/τ − r₀⌋ + 1`` includes (``r`` found in all, ``r₀`` before the window); the
p-value is P(X ≤ k) for X ~ Hypergeometric(pool, K, n). The test is run for every window
length ``n`` and the smallest p-value is reported; stop when it is below ``alpha``
(e.g. 0.05 for "95 % recall reached, with 95 % confidence").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

__all__ = [
    "RULES",
    "RemainingEstimate",
    "StopAdvice",
    "default_window",
    "estimate_remaining",
    "recall_test",
    "should_stop",
    "stop_advice",
    "stop_position",
]

# scipy.stats is imported inside the functions that need it: it costs about a second of CPU,
# which a ``reviewkit simulate`` run (no stopping figures) should not pay.


class RemainingEstimate(NamedTuple):
    """Includes expected among the unscreened records: ``estimate`` within ``[low, high]``."""

    estimate: float
    low: int
    high: int
    level: float
    window: int  # decisions the rate was read from
    includes_in_window: int


def default_window(n_decisions: int) -> int:
    """The window: all decisions up to 50, then ``max(50, n/5)``."""
    return min(n_decisions, max(50, math.ceil(n_decisions / 5)))


def estimate_remaining(
    decisions: Sequence[bool], n_remaining: int, *, window: int | None = None, level: float = 0.9
) -> RemainingEstimate:
    """Includes expected among ``n_remaining`` unscreened records, from the recent include rate.

    ``decisions`` are include (True) / exclude (False) in the order they were made.
    """
    if n_remaining < 0:
        raise ValueError("n_remaining must be >= 0")
    if not 0 < level < 1:
        raise ValueError("level must be between 0 and 1")
    w = default_window(len(decisions)) if window is None else min(window, len(decisions))
    k = int(sum(bool(d) for d in decisions[len(decisions) - w :])) if w else 0
    if n_remaining == 0:
        return RemainingEstimate(0.0, 0, 0, level, w, k)
    from scipy import stats

    a, b = k + 0.5, (w - k) + 0.5
    dist = stats.betabinom(n_remaining, a, b)
    tail = (1 - level) / 2
    return RemainingEstimate(
        estimate=float(n_remaining * a / (a + b)),
        low=int(dist.ppf(tail)),
        high=int(dist.ppf(1 - tail)),
        level=level,
        window=w,
        includes_in_window=k,
    )


def recall_test(
    decisions: Sequence[bool], n_remaining: int, *, target_recall: float = 0.95
) -> float:
    """p-value of "recall so far is below ``target_recall``" (Callaghan & Müller-Hansen 2020).

    Small p-values mean the target has very likely been reached. Returns 1.0 before the first
    include (nothing can be said yet).
    """
    if not 0 < target_recall <= 1:
        raise ValueError("target_recall must be in (0, 1]")
    if n_remaining < 0:
        raise ValueError("n_remaining must be >= 0")
    from scipy import stats

    y = np.asarray([bool(d) for d in decisions], dtype=np.int64)
    found = int(y.sum())
    if found == 0:
        return 1.0
    if n_remaining == 0:
        return 0.0
    # window of the last n decisions, for n = 1..len: includes inside (k) and before (r0)
    k = np.cumsum(y[::-1])  # k[n-1] = includes among the last n
    n = np.arange(1, len(y) + 1)
    r0 = found - k
    pool = n + n_remaining
    needed = np.floor(found / target_recall - r0).astype(np.int64) + 1  # K under H0
    p = np.where(needed > pool, 0.0, stats.hypergeom.cdf(k, pool, np.minimum(needed, pool), n))
    return float(min(1.0, p.min()))


def should_stop(
    decisions: Sequence[bool], n_remaining: int, *, target_recall: float = 0.95, alpha: float = 0.05
) -> bool:
    """True when :func:`recall_test` rejects "recall < target" at level ``alpha``."""
    return recall_test(decisions, n_remaining, target_recall=target_recall) < alpha


# The stopping rules measured by simulation (benchmarks/bench_ranking.py, "Stopping"):
# "estimate" — the estimate of the includes left first falls below one;
# "test" — the Callaghan & Müller-Hansen test rejects "recall < 95 %" at alpha 0.05.
RULES = ("estimate", "test")
# The rule the screen may recommend: the only one whose simulated recall at the stop was
# >= 95 % in >= 95 % of runs (benchmarks/results/ranking.md, "Stopping": 15 sets x 3 seeds x
# both inputs, 84 runs: the test 84 of 84, lowest recall 0.951, 14 % of records saved on
# average; the estimate < 1 only 78 of 84, lowest 0.81, so the screen never offers it).
RECOMMENDED_RULE: str | None = "test"
TARGET_RECALL = 0.95
ALPHA = 0.05


class StopAdvice(NamedTuple):
    """Whether the recommended rule says the team may stop, and its evidence."""

    stop: bool
    rule: str
    p_value: (
        float  # of "recall < target" (the test); 1.0 before the first include / rule "estimate"
    )
    target_recall: float


def stop_advice(
    decisions: Sequence[bool], n_remaining: int, rule: str | None = None
) -> StopAdvice | None:
    """The screen's stopping recommendation: ``rule`` (default :data:`RECOMMENDED_RULE`).

    None when no rule is recommended (no rule kept recall >= 95 % in >= 95 % of simulations)
    and when no record is left to screen.
    """
    rule = RECOMMENDED_RULE if rule is None else rule
    # nothing left to screen: nothing to stop (the screen said "You may stop" on its last record)
    if rule is None or n_remaining == 0:
        return None
    if rule == "estimate":
        est = estimate_remaining(decisions, n_remaining)
        return StopAdvice(est.estimate < 1.0, rule, 1.0, TARGET_RECALL)
    if rule != "test":
        raise ValueError(f"unknown stopping rule {rule!r}; choose from {RULES}")
    p = recall_test(decisions, n_remaining, target_recall=TARGET_RECALL)
    return StopAdvice(p < ALPHA, rule, p, TARGET_RECALL)


def _estimates(y: np.ndarray, n_records: int) -> np.ndarray:
    """:func:`estimate_remaining`'s mean after each of the decisions ``y`` (vectorised)."""
    k = np.arange(1, len(y) + 1)
    w = np.minimum(k, np.maximum(50, np.ceil(k / 5).astype(np.int64)))
    found = np.concatenate([[0], np.cumsum(y)])
    in_window = found[k] - found[k - w]
    return (n_records - k) * (in_window + 0.5) / (w + 1.0)


def stop_position(
    labels_in_order: Sequence[int],
    n_records: int,
    rule: str,
    *,
    target_recall: float = TARGET_RECALL,
    alpha: float = ALPHA,
    every: int = 1,
) -> int:
    """Decisions made when ``rule`` first says stop (``n_records`` if it never does).

    ``labels_in_order`` are one simulated reviewer's labels in screening order; when they end
    early (at the last include) the unscreened rest counts as excludes. The test is checked
    every ``every`` decisions (the screen re-checks it after each retrain).
    """
    y = np.zeros(n_records, dtype=np.int64)
    y[: len(labels_in_order)] = np.asarray(labels_in_order[:n_records], dtype=np.int64)
    if rule == "estimate":
        hits = np.flatnonzero(_estimates(y, n_records) < 1.0)
        return int(hits[0]) + 1 if len(hits) else n_records
    if rule != "test":
        raise ValueError(f"unknown stopping rule {rule!r}; choose from {RULES}")
    first = int(np.argmax(y)) + 1 if y.any() else n_records
    for k in range(first, n_records, every):
        if recall_test(y[:k], n_records - k, target_recall=target_recall) < alpha:
            return k
    return n_records
