"""Helpers for benchmarks: wall time and peak memory of a function run in a fresh process."""

from __future__ import annotations

import multiprocessing as mp
import os
import queue as queue_module
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
    own = status_high_water_kb("self")
    return own if own is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def status_high_water_kb(pid: int | str) -> int | None:
    """VmHWM (kB) of process ``pid`` ("self": this one) from /proc; None where it cannot be
    read (no /proc, the process gone, or ended and not yet reaped: a zombie has no memory)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def with_children_peak_kb() -> int:
    """The largest own peak (kB) of this process and the children it has waited for.

    A child's ``ru_maxrss`` may carry this process's peak at the child's spawn (see
    :func:`high_water_kb`), which is never above this process's own VmHWM: so the larger of
    the two is still one process's own peak, never an inherited one."""
    return max(high_water_kb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


class ChildPeak:
    """The own peak resident memory of a child process we start but cannot instrument (an
    ``asreview`` or ``reviewkit`` command): call :meth:`sample` while it runs, :meth:`kb`
    with its ``ru_maxrss`` from ``os.wait4`` when it has ended.

    That ``ru_maxrss`` is the child's own peak (or its largest descendant's) only when it is
    above this process's VmHWM after the spawn, all the child can have inherited (see
    :func:`high_water_kb`). Otherwise it is the largest VmHWM sampled from
    /proc/PID/status, which misses growth in the child's last sampling interval.
    """

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.inherited_bound_kb = high_water_kb()  # after the spawn: the exec has happened
        self.sampled_kb: int | None = None
        self.sample()

    def sample(self) -> None:
        """Read the child's VmHWM now (a no-op once it has ended)."""
        now = status_high_water_kb(self.pid)
        if now is not None:
            self.sampled_kb = max(self.sampled_kb or 0, now)

    def kb(self, ru_maxrss_kb: int) -> int:
        """The child's own peak in kB, given ``ru_maxrss`` from its ``os.wait4``."""
        if ru_maxrss_kb > self.inherited_bound_kb or self.sampled_kb is None:
            return ru_maxrss_kb  # no /proc: ru_maxrss is all there is
        return self.sampled_kb


def load_note(load_1min: float) -> str:
    """What a 1-minute load average at the start says about wall times, for results files."""
    if load_1min < 1.0:
        return "little else was running"
    return "other jobs were running, so wall times are upper bounds; CPU times are less affected"


def run_isolated(fn: Callable[..., Any], *args: Any) -> tuple[float, float, Any]:
    """Run ``fn(*args)`` in a new process; returns (wall seconds, its own peak RSS in MB
    (:func:`high_water_kb`), result).

    ``fn`` must be a module-level function and its result picklable. A fresh process makes
    peak memory mean the memory of this job alone. Raises RuntimeError when the process ends
    without a result (it had waited forever: a script without a ``__main__`` guard, a kill).
    """
    ctx = mp.get_context("spawn")
    queue: mp.Queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(fn, args, queue))
    proc.start()
    while True:  # a child that dies (killed, out of memory) puts nothing: do not wait forever
        try:
            wall, peak_mb, result = queue.get(timeout=1)
            break
        except queue_module.Empty:
            if not proc.is_alive() and queue.empty():
                raise RuntimeError(
                    f"{fn.__name__} ended with exit code {proc.exitcode} before its result"
                ) from None
    proc.join()
    return wall, peak_mb, result


class TreeMemory:
    """Peak memory of this process and all its descendants together, sampled in a thread.

    Sums PSS (proportional set size: shared pages split between the processes that map
    them), so libraries loaded by several worker processes count once, not once per worker.
    Linux only (``/proc/PID/smaps_rollup``, ``/proc/PID/task/*/children``); use as a context
    manager; ``peak_mb`` after, None where /proc cannot tell (then nothing was measured).
    ``largest_child_mb``: the largest own peak of one descendant (a worker process; its
    ``ru_maxrss`` would carry this process's peak at its spawn), None when none was seen.
    ``pss`` False: the descendants' peaks only (``peak_mb`` None): summing PSS reads every
    process's page tables, about 0.1 s of this process's CPU per second with three processes
    of 50-100 MB, which a benchmark that reports its CPU would count as its own.
    ``cpu_s`` after: the sampling thread's own CPU seconds (its cost, inside this process's).
    """

    def __init__(self, interval: float = 0.05, *, pss: bool = True) -> None:
        import threading

        self.interval = interval
        self._proc = os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children")
        self.peak_mb: float | None = 0.0 if self._proc and pss else None
        self._child_kb: dict[int, int] = {}
        self.cpu_s = 0.0
        self._root = os.getpid()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tree-memory", daemon=True)

    def __enter__(self) -> TreeMemory:
        if self._proc:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        peak = 0.0
        while not self._stop.is_set():
            tree = _tree(self._root)
            if self.peak_mb is not None:
                peak = max(peak, sum(_pss_kb(p) for p in tree) / 1024)
                self.peak_mb = peak
            for pid in tree[1:]:  # [0] is this process
                hwm = status_high_water_kb(pid)
                if hwm is not None:  # None: ended (a zombie has no memory)
                    self._child_kb[pid] = hwm
            self._stop.wait(self.interval)
        self.cpu_s = time.thread_time()  # this thread's CPU since it started

    @property
    def largest_child_mb(self) -> float | None:
        """The largest of the descendants' VmHWM as last read. The last read, not the largest:
        a process read between its fork (or vfork) and its exec shows its parent's address
        space, so its parent's peak (seen: 215 MB for a 15 MB worker); VmHWM only grows after
        the exec, so the last read of a process is its own peak."""
        return max(self._child_kb.values()) / 1024 if self._child_kb else None


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
