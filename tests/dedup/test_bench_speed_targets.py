"""The dedup benchmark's speed targets read depression's CPU time, not its wall time, which
follows what else runs on the machine."""

from __future__ import annotations

from benchmarks.bench_dedup import speed_targets


def test_the_60_s_target_reads_cpu_time_not_a_loaded_wall_time():
    # dedup40's run at load 9.4: 95.94 s wall for 28.77 CPU-s, 501 MB
    loaded = {"wall_s": 95.94, "cpu_s": 28.77, "peak_mb": 501}
    assert speed_targets(loaded) == {"depression_under_60s": True, "depression_under_2GB": True}
    slow = {"wall_s": 61.0, "cpu_s": 60.5, "peak_mb": 2100}
    assert speed_targets(slow) == {"depression_under_60s": False, "depression_under_2GB": False}
