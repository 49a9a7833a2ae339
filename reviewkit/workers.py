"""Worker processes for CPU-bound work (parsing large PubMed XML files and the efetch replies
of big runs; the screening ranker, see :mod:`reviewkit.queue_ranker`).

Workers are spawned, not forked (the parent has threads), and ignore Ctrl-C: the parent alone
turns an interrupt into one message and shuts them down. A worker that dies (killed, out of
memory) shows in the parent as ``concurrent.futures.BrokenExecutor``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor


def ignore_interrupts() -> None:
    """Let Ctrl-C reach the parent only (call first thing in a worker process)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned processes that ignore SIGINT; use it as a context manager
    or call ``shutdown`` when done."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
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
