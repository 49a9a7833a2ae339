"""Worker processes for CPU-bound parsing (large PubMed XML files, efetch replies of big runs).

Workers are spawned, not forked (the parent has threads), and ignore Ctrl-C: the parent alone
turns an interrupt into one message and shuts them down. A worker that dies (killed, out of
memory) shows in the parent as ``concurrent.futures.BrokenExecutor``.
"""

from __future__ import annotations

import multiprocessing
import signal
from concurrent.futures import ProcessPoolExecutor


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned processes that ignore SIGINT; use it as a context manager
    or call ``shutdown`` when done."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_ignore_interrupts)
