"""Worker processes for CPU-bound work (parsing large PubMed XML files and the efetch replies
of big runs; the screening ranker, see :mod:`reviewkit.ranking.queue`).

Workers are spawned, not forked (the parent has threads), and ignore Ctrl-C: the parent alone
turns an interrupt into one message and shuts them down. A worker is started with SIGINT
blocked (the mask survives the exec), so a Ctrl-C that arrives while it is still starting up
(importing, before its initializer ignores SIGINT) cannot print a KeyboardInterrupt
traceback from it above the parent's message; CPython's resource tracker is started the same way. A worker that dies (killed, out of
memory) shows in the parent as ``concurrent.futures.BrokenExecutor``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import SpawnContext, SpawnProcess


def ignore_interrupts() -> None:
    """Let Ctrl-C reach the parent only (call first thing in a worker process)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _QuietSpawnProcess(SpawnProcess):
    """A spawned process that starts with SIGINT blocked (from any thread of the parent)."""

    def start(self) -> None:
        if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks
            super().start()
            return
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            super().start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)


class _QuietSpawnContext(SpawnContext):
    Process = _QuietSpawnProcess


def spawn_context() -> multiprocessing.context.BaseContext:
    """The 'spawn' start method, with SIGINT blocked in each new process from its first
    instruction (see the module docstring)."""
    return _QuietSpawnContext()


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned processes that ignore SIGINT; use it as a context manager
    or call ``shutdown`` when done."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=spawn_context(),
        initializer=ignore_interrupts,
    )


@contextlib.contextmanager
def stderr_with_a_file_descriptor() -> Iterator[None]:
    """Start processes inside this block when the caller may run in a Textual app.

    multiprocessing hands its helper processes our stderr's file descriptor; inside a Textual
    app ``sys.stderr`` is a capture object whose ``fileno()`` is -1, and starting a process then
    fails ('bad value(s) in fds_to_keep'). The real stderr stands in for the start."""
    saved = sys.stderr
    try:
        valid = saved.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        valid = False
    if not valid and sys.__stderr__ is not None:
        sys.stderr = sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = saved
