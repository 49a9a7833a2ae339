"""Helpers for benchmarks: wall time and peak memory of a function run in a fresh process."""

from __future__ import annotations

import multiprocessing as mp
import resource
import time
from collections.abc import Callable
from typing import Any


def _child(fn: Callable[..., Any], args: tuple, queue: mp.Queue) -> None:
    started = time.perf_counter()
    result = fn(*args)
    wall = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put((wall, peak_kb / 1024, result))


def run_isolated(fn: Callable[..., Any], *args: Any) -> tuple[float, float, Any]:
    """Run ``fn(*args)`` in a new process; returns (wall seconds, peak RSS in MB, result).

    ``fn`` must be a module-level function and its result picklable. A fresh process makes
    peak memory mean the memory of this job alone.
    """
    ctx = mp.get_context("spawn")
    queue: mp.Queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(fn, args, queue))
    proc.start()
    wall, peak_mb, result = queue.get()
    proc.join()
    return wall, peak_mb, result
