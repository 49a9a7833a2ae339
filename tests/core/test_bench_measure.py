"""A benchmark's peak memory is the measured process's own, not its parent's (benchmarks.measure)."""

from __future__ import annotations

from benchmarks.measure import run_isolated

PARENT_MB = 200


def _nothing() -> None:
    """A job that holds next to nothing (a spawned Python: some 20 MB)."""


def test_a_child_does_not_report_its_parents_peak():
    # The parent's peak before the spawn, each page touched (ru_maxrss, which Linux carries
    # across the exec, made the child report it: the TUI benchmark's 196 MB at stop 41)
    big = bytearray(PARENT_MB * 2**20)
    big[:: 2**12] = b"x" * len(big[:: 2**12])
    del big
    _, peak_mb, _ = run_isolated(_nothing)
    assert peak_mb < PARENT_MB / 2
