"""Worker processes for CPU-bound work (parsing large PubMed XML files and the efetch replies
of big runs; the screening ranker, see :mod:`reviewkit.queue_ranker`).

Workers are spawned, not forked (the parent has threads), and ignore Ctrl-C: the parent alone
turns an interrupt into one message and shuts them down. A worker that dies (killed, out of
memory) shows in the parent as ``concurrent.futures.BrokenExecutor``.
"""

from __future__ import annotations

import multiprocessing
import signal
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
