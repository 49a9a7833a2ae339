"""Full garbage collections during the ranked keypress run (spike44).

``python -m benchmarks.tui_gc RUNS [OUT.json]``: :func:`benchmarks.bench_tui.keypress_latency`
with the ranker on (500 decisions on the 50,000-record project, each run in a fresh process on
its own copy), recording every generation-2 collection of the screen's process through
``gc.callbacks``: the thread it ran on (it holds the interpreter lock: the screen's thread waits
either way), its wall and its thread CPU time (``time.thread_time``, which a loaded machine
inflates far less than wall), the objects it freed and those it did not walk (frozen), and the
objects tracked at the end. Counts and objects do not depend on the machine's load; the wall
latencies do (see the load printed with each run). Figures: results/tui-gc.md.
"""

from __future__ import annotations

import collections
import gc
import json
import os
import sys
import threading
import time
from pathlib import Path

from benchmarks import bench_tui


def measured(folder: str, n: int = bench_tui.N_DECISIONS) -> dict:
    """:func:`bench_tui.keypress_latency` (ranked) with its full collections recorded."""
    full: list[dict] = []
    started: dict[str, float] = {}

    def record(phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            started["wall"], started["cpu"] = time.perf_counter(), time.thread_time()
            return
        full.append(
            {
                "thread": threading.current_thread().name,
                "wall_ms": round((time.perf_counter() - started["wall"]) * 1000, 1),
                "cpu_ms": round((time.thread_time() - started["cpu"]) * 1000, 1),
                "collected": info["collected"],
                "frozen": gc.get_freeze_count(),  # objects it did not walk
            }
        )

    gc.callbacks.append(record)
    try:
        latency = bench_tui.keypress_latency(folder, n, True)
    finally:
        gc.callbacks.remove(record)
    cpu = sorted(p["cpu_ms"] for p in full)
    return {
        **bench_tui.keypress_figures(latency),
        "full_collections": len(full),
        "full_cpu_ms_median": cpu[len(cpu) // 2] if cpu else 0.0,
        "full_cpu_ms_max": cpu[-1] if cpu else 0.0,
        "full_collected_median": sorted(p["collected"] for p in full)[len(full) // 2]
        if full
        else 0,
        "full_threads": dict(collections.Counter(p["thread"] for p in full)),
        "frozen_max": max((p["frozen"] for p in full), default=0),
        "tracked_at_end": len(gc.get_objects()),  # the app has ended: nothing frozen
        "collections": full,
    }


def main(runs: int, out: Path | None = None) -> list[dict]:
    """``runs`` runs, one JSON line each (and all of them to ``out``)."""
    folder = bench_tui.build_project()
    figures = []
    for _ in range(runs):
        load = os.getloadavg()[0]
        _, rss, result = bench_tui.on_a_fresh_copy(folder, measured)
        result |= {"load_1min_before": round(load, 2), "peak_rss_mb": round(rss, 1)}
        print(json.dumps({k: v for k, v in result.items() if k != "collections"}), flush=True)
        figures.append(result)
    if out is not None:
        out.write_text(json.dumps(figures, indent=1) + "\n")
    return figures


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]) if sys.argv[2:] else None)
