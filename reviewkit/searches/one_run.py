"""One `search run` at a time per project.

Two at once (two terminals, a cron job beside a librarian) each found no run of a search to
resume, so each ran every search: PubMed was asked twice, the PRISMA-S log held two runs of
each search a second apart, and the searches the two ran side by side stored their records
twice (365 records became 527 on the demo review, and PRISMA counted them all). PRISMA-S
logs each time a search was run, so the second command is refused while the first runs,
rather than made to wait and log a second run of the same searches minutes later.

The lock is an operating-system lock on ``search-run.lock`` in the project folder
(:mod:`reviewkit.file_locks`): it ends with the process, so a run cut off by Ctrl-C, a closed
terminal or a crash leaves nothing to clear, and the next `search run` resumes it as before. A
file system that keeps no locks runs the search unguarded, as every run did before the lock,
and the command warns that two at once are not told apart there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reviewkit.errors import UserError, command_line
from reviewkit.file_locks import holder, try_lock, write_holder

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
        locked = try_lock(fh)
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
                f"another 'reviewkit search run' is running on this project ({holder(fh)});"
                " two at once would each run every search, logging two runs of each",
                where=str(folder),
                hint="wait for it to end (its terminal shows its progress), then see its runs"
                f" with '{command_line('search history')}'; nothing was run or stored",
            )
        write_holder(fh)
        yield
    finally:
        fh.close()  # closing the file releases the lock
