"""Helpers for benchmarks: wall time and peak memory of a function run in a fresh process."""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import time
from collections.abc import Callable
from typing import Any


def _child(fn: Callable[..., Any], args: tuple, queue: mp.Queue) -> None:
    started = time.perf_counter()
    result = fn(*args)
    wall = time.perf_counter() - started
    queue.put((wall, high_water_kb() / 1024, result))


def high_water_kb() -> int:
    """This process's own peak resident memory in kB: VmHWM, the high-water mark of its own
    address space, which an exec starts afresh. Not ``ru_maxrss``: Linux carries that across
    the exec, so a child that ``run_isolated`` spawns reported its parent's peak whenever the
    parent had been bigger (the TUI benchmark's first screen said 196 MB at stop 41: the
    188 MB of the notices its parent kept before spawning it). ``ru_maxrss`` where there is
    no /proc."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def load_note(load_1min: float) -> str:
    """What a 1-minute load average at the start says about wall times, for results files."""
    if load_1min < 1.0:
        return "little else was running"
    return "other jobs were running, so wall times are upper bounds; CPU times are less affected"


def run_isolated(fn: Callable[..., Any], *args: Any) -> tuple[float, float, Any]:
    """Run ``fn(*args)`` in a new process; returns (wall seconds, its own peak RSS in MB
    (:func:`high_water_kb`), result).

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


class TreeMemory:
    """Peak memory of this process and all its descendants together, sampled in a thread.

    Sums PSS (proportional set size: shared pages split between the processes that map
    them), so libraries loaded by several worker processes count once, not once per worker.
    Linux only (``/proc/PID/smaps_rollup``, ``/proc/PID/task/*/children``); use as a context
    manager; ``peak_mb`` after, None where /proc cannot tell (then nothing was measured).
    """

    def __init__(self, interval: float = 0.05) -> None:
        import threading

        self.interval = interval
        self.peak_mb: float | None = (
            0.0 if os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children") else None
        )
        self._root = os.getpid()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tree-memory", daemon=True)

    def __enter__(self) -> TreeMemory:
        if self.peak_mb is not None:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        peak = 0.0
        while not self._stop.is_set():
            peak = max(peak, sum(_pss_kb(p) for p in _tree(self._root)) / 1024)
            self.peak_mb = peak
            self._stop.wait(self.interval)


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except OSError:
            continue
    return out


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0
