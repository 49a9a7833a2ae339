"""Operating-system locks on a file, held by one process at a time: one `search run` per project
(searches.one_run), one build of a snapshot's index (pubmed.snapshot_build) and one download of
a data set (offline_data).

flock (msvcrt's lock on Windows) ends with the process, so a command cut off by Ctrl-C, a closed
terminal or a crash leaves nothing to clear. The lock file holds its holder's process id and
start time, for the messages of the processes it keeps out. `search run`'s is left in place;
:func:`one_at_a_time` removes its file as it ends (a refused snapshot left none behind), and a
process that locked a file so removed locks the one the path names now. A file system that
keeps no locks (some network drives and FUSE mounts: flock fails with ENOLCK or EOPNOTSUPP
rather than saying the file is locked) is told apart (None), so that the caller can go on
unguarded.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

# Windows has no blocking lock that waits for long (LK_LOCK gives up after 10 s): it asks again
_POLL_SECONDS = 1.0


def try_lock(fh: IO[str]) -> bool | None:
    """Lock the file for this process without waiting; False when another process has it,
    None when the file system keeps no locks."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # ENOLCK, EOPNOTSUPP, ENOSYS: a file system without flock
        return None
    return True


def wait_for_lock(fh: IO[str], waiting: Callable[[str], None] | None = None) -> bool | None:
    """Lock the file for this process, waiting for the process that has it to end or let go;
    ``waiting`` is told who that is (:func:`holder`) once, before the wait. None when the file
    system keeps no locks."""
    locked = try_lock(fh)
    if locked is not False:
        return locked
    if waiting is not None:
        waiting(holder(fh))
    if sys.platform == "win32":  # pragma: no cover - Windows only
        while not try_lock(fh):
            time.sleep(_POLL_SECONDS)
        return True
    import fcntl

    fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
    return True


@contextmanager
def one_at_a_time(path: Path, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the lock on the file ``path`` for the block, waiting while another process holds
    it (``waiting`` is told who, once); the file is removed when the block ends, so that none
    is left beside what it guards. Where the file cannot be opened, or the file system keeps
    no locks, the block runs unguarded: the work it guards (a download, an index's build) is
    then done twice at worst, as before the lock."""
    while True:
        fh = _opened(path)
        if fh is None:
            yield
            return
        locked = wait_for_lock(fh, waiting)
        # the holder waited for removed the file as it ended: lock the one there now, or a
        # third process, which opened a new file, would hold another lock at the same time
        if not locked or _same_file(fh, path):
            break
        fh.close()
        waiting = None  # said once
    with fh:  # closing the file releases the lock; the process's end, by any signal, too
        try:
            if locked and fh.writable():
                write_holder(fh)
            yield
        finally:
            with contextlib.suppress(OSError):  # another user's, in a folder not ours: kept
                path.unlink()


def _same_file(fh: IO[str], path: Path) -> bool:
    """Whether ``path`` still names the file open on ``fh`` (not removed, nor made anew)."""
    try:
        there = os.stat(path)
    except OSError:
        return False
    here = os.fstat(fh.fileno())
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _opened(path: Path) -> IO[str] | None:
    """The lock file opened to write the holder into, else to read (another user's, in a
    shared folder: flock locks a file open for reading too); None if neither can be."""
    for mode in ("a+", "r"):
        try:
            return open(path, mode, encoding="utf-8")  # noqa: SIM115 (held for the block)
        except OSError:
            continue
    return None


def write_holder(fh: IO[str]) -> None:
    """Write this process's id and the time into the locked file, for :func:`holder`."""
    fh.seek(0)
    fh.truncate()
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    fh.write(f"{os.getpid()} {started}\n")
    fh.flush()


def holder(fh: IO[str]) -> str:
    """'process 1234, started 2026-12-06 03:05:56 UTC', as the holder wrote it."""
    fh.seek(0)
    pid, _, started = fh.read().strip().partition(" ")
    return f"process {pid}, started {started}" if pid.isdigit() and started else "started earlier"
