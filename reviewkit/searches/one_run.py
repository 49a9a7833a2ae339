"""One `search run` at a time per project.

Two at once (two terminals, a cron job beside a librarian) each found no run of a search to
resume, so each ran every search: PubMed was asked twice, the PRISMA-S log held two runs of
each search a second apart, and the searches the two ran side by side stored their records
twice (365 records became 527 on the demo review, and PRISMA counted them all). PRISMA-S
logs each time a search was run, so the second command is refused while the first runs,
rather than made to wait and log a second run of the same searches minutes later.

The lock is an operating-system lock on ``search-run.lock`` in the project folder (flock, or
msvcrt's on Windows): it ends with the process, so a run cut off by Ctrl-C, a closed terminal
or a crash leaves nothing to clear, and the next `search run` resumes it as before. The file
holds the holder's process id and start time, for the message; it is left in place (removing
it would let a third command lock a file the second has just opened). A file system that
keeps no locks (some network drives and FUSE mounts: flock fails with ENOLCK or EOPNOTSUPP
rather than saying the file is locked) runs the search unguarded, as every run did before the
lock, and the command warns that two at once are not told apart there.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from reviewkit.errors import UserError, command_line

LOCK_FILE = "search-run.lock"


class SearchRunning(UserError):
    """Another `search run` holds the project's search lock."""


@contextmanager
def only_search_run(folder: Path, warn: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the project's search lock while the block runs; SearchRunning when another process
    holds it, before any request is sent or anything stored. Where the file system keeps no
    locks the block runs unguarded and ``warn`` is told so."""
    path = folder / LOCK_FILE
    try:
        fh = open(path, "a+", encoding="utf-8")  # noqa: SIM115 (held for the block)
    except OSError as exc:
        raise UserError(
            f"cannot open {LOCK_FILE} in the project folder ({exc.strerror or exc}); nothing"
            " was run",
            where=str(path),
            hint="search run keeps this file to tell when another search run works on the"
            " project: make the project folder writable",
        ) from None
    try:
        locked = _try_lock(fh)
        if locked is None:  # no locks on this file system: run as before the lock came
            if warn is not None:
                warn(
                    f"the project folder's file system keeps no file locks (a network drive?), so"
                    f" {LOCK_FILE} cannot tell whether another 'reviewkit search run' works on"
                    " this project: start one at a time"
                )
            yield
            return
        if not locked:
            raise SearchRunning(
                f"another 'reviewkit search run' is running on this project ({_holder(fh)});"
                " two at once would each run every search, logging two runs of each",
                where=str(folder),
                hint="wait for it to end (its terminal shows its progress), then see its runs"
                f" with '{command_line('search history')}'; nothing was run or stored",
            )
        fh.seek(0)
        fh.truncate()
        started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        fh.write(f"{os.getpid()} {started}\n")
        fh.flush()
        yield
    finally:
        fh.close()  # closing the file releases the lock


def _holder(fh: IO[str]) -> str:
    """'process 1234, started 2026-12-06 03:05:56 UTC', as the holder wrote it."""
    fh.seek(0)
    pid, _, started = fh.read().strip().partition(" ")
    return f"process {pid}, started {started}" if pid.isdigit() and started else "started earlier"


def _try_lock(fh: IO[str]) -> bool | None:
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
