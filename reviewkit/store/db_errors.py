"""How SQLite's errors on a project database become messages that name the file.

Opening a file that is locked, not a database, damaged or whose write-ahead log was deleted,
and a database failing in the middle of a command (damage found when a query reaches it, a
disk error, a full disk), each become a :class:`~reviewkit.errors.ProjectError` saying what
happened to which file and what to do; 'database is locked' is told apart as busy.
"""

from __future__ import annotations

import sqlite3
import weakref
from pathlib import Path

from reviewkit.errors import DatabaseBusy, ProjectError, register_translator
from reviewkit.store.failed_statement import connection_of, file_of

# the writer may be another program: a database browser (DB Browser for SQLite, an IDE's
# database view) holds the write lock from a first edit until its changes are written or
# dropped, and the hint named only reviewkit's own commands
BUSY_HINT = (
    "another reviewkit command (an import, a search run, a second reviewer) is writing to this"
    " project, or another program that has review.sqlite open (a database browser with"
    " changes not yet written); wait for it to finish, or close that program, and try again"
)

DAMAGED_HINT = (
    "review.sqlite must be the file 'reviewkit init' made; restore it from a backup"
    " (reviewkit did not change it)"
)


def is_busy(exc: BaseException) -> bool:
    """Is this SQLite's 'database is locked/busy' (another connection holds the lock)?"""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = _primary_code(exc)
    if code is not None:
        return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


def _primary_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of an error (the low byte of its extended one), or None."""
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_read_only(exc: BaseException) -> bool:
    """Is this SQLite refusing a write because the file (or its folder) is read-only?"""
    return (
        isinstance(exc, sqlite3.OperationalError) and _primary_code(exc) == sqlite3.SQLITE_READONLY
    )


def open_error(exc: sqlite3.DatabaseError, path: Path) -> ProjectError:
    """The UserError for a database file SQLite could not open or read: locked by another
    program, not an SQLite file, damaged, or not readable."""
    if is_busy(exc):
        return DatabaseBusy(
            "the project database is locked by another program", where=str(path), hint=BUSY_HINT
        )
    code = _primary_code(exc)
    if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
        if code == sqlite3.SQLITE_NOTADB:
            return ProjectError(
                f"not an SQLite database ({exc})", where=str(path), hint=DAMAGED_HINT
            )
        return ProjectError(
            f"the project database is damaged ({exc}); nothing was written",
            where=str(path),
            hint="restore review.sqlite from a backup (reviewkit did not change it);"
            " 'sqlite3 review.sqlite .recover' can save what is still readable into a new file",
        )
    gone = write_refused(exc, path) or _wal_gone(exc, path)
    if gone is not None:
        return gone
    if is_read_only(exc):  # the hint below ('check that you may write') left the fix unsaid
        return ProjectError(
            f"the database file or its folder is read-only ({exc}); nothing was written",
            where=str(path),
            hint="reviewkit writes review.sqlite-wal and -shm beside the database, even to read:"
            " make the folder and the database writable (chmod u+w), or copy the project"
            " folder to one you may write",
        )
    # a folder where SQLite writes a file beside the database (made by hand, or by a copy)
    blocker = next(
        (c for s in ("-wal", "-shm", "-journal") if (c := path.with_name(path.name + s)).is_dir()),
        None,
    )
    if blocker is not None:
        return ProjectError(
            f"cannot open the database: {blocker.name} beside it is a folder, and SQLite writes"
            f" a file of that name there ({exc})",
            where=str(blocker),
            hint=f"move the folder {blocker} out of the project (it holds nothing of the"
            " database's), then run the command again",
        )
    return ProjectError(
        f"cannot open the database ({exc})",
        where=str(path),
        hint="check that the file and its folder exist and that you may read and write them",
    )


# SQLite's primary result codes for a file that fails under a command: the damage SQLite finds
# only when a query reaches a broken page (opening checks the header and the tables), and the
# disk refusing a read or write. Any other DatabaseError is a bug and keeps its traceback.
_FAILURES = {
    sqlite3.SQLITE_CORRUPT: "the project database is damaged",
    sqlite3.SQLITE_NOTADB: "the project database is damaged",
    sqlite3.SQLITE_IOERR: "the project database could not be read or written (a disk error)",
    sqlite3.SQLITE_FULL: "the disk holding the project database is full",
}


class ProjectConnection(sqlite3.Connection):
    """A connection to a project database that knows its file, so that an error met while a
    command uses it names that file (a subclass only for the attribute: no method is
    overridden, so statements and rows cost what they cost on a plain connection)."""

    path: Path


# The project databases open in this process (weakly held: a closed and forgotten connection
# drops out): when a failure's traceback holds none of them, and one file alone is open, it is
# that file that failed.
OPEN: weakref.WeakSet[ProjectConnection] = weakref.WeakSet()


@register_translator
def _database_failure(exc: BaseException) -> ProjectError | None:
    """The ProjectError for a database that failed in the middle of a command, or None. The
    write under way was rolled back: every write is one transaction (:meth:`Store.transaction`)."""
    code = _primary_code(exc) if isinstance(exc, sqlite3.DatabaseError) else None
    if code not in _FAILURES:
        return None
    conn = connection_of(exc)
    path = conn.path if isinstance(conn, ProjectConnection) else None
    if path is None and conn is None:
        paths = {c.path for c in list(OPEN)}
        path = paths.pop() if len(paths) == 1 else None
    where = str(path) if path is not None else file_of(conn)
    gone = write_refused(exc, where) or (_wal_gone(exc, path) if path is not None else None)
    if gone is not None:
        return gone
    what = _FAILURES[code]
    hint = (
        "restore review.sqlite from a backup; 'sqlite3 review.sqlite .recover' can save"
        " what is still readable into a new file"
    )
    if conn is not None and path is None:  # another SQLite file (the PubMed snapshot's index)
        what = what.replace("the project database", "the database")
        # no project file to restore: the only other SQLite file is a cache, made from the
        # snapshot's XML files again when it is gone (pubmed.snapshot.build_index)
        hint = (
            "this is no project database: a PubMed snapshot's index (index-….sqlite) is made"
            " again when deleted, so delete it and run the command again"
        )
    return ProjectError(
        f"{what} ({exc}); nothing of this command was written", where=where, hint=hint
    )


# SQLite's extended codes for a write the system refused: ENOSPC is SQLITE_FULL, but a
# file-size limit (EFBIG: RLIMIT_FSIZE, 'ulimit -f'), a quota or a failing disk give these (a
# write, the shared-memory index growing, a truncation); the transaction is rolled back, so
# the file is as it was before the command, not damaged, and restoring a backup is wrong advice
_REFUSED = {
    getattr(sqlite3, name, number)
    for name, number in (
        ("SQLITE_IOERR_WRITE", 778),
        ("SQLITE_IOERR_TRUNCATE", 1546),
        ("SQLITE_IOERR_SHMSIZE", 4874),
    )
}


def write_refused(exc: BaseException, where: object) -> ProjectError | None:
    """The ProjectError for a full disk or a write the system refused, or None."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None or (code & 0xFF != sqlite3.SQLITE_FULL and code not in _REFUSED):
        return None
    what = (
        "the disk holding the project database is full"
        if code & 0xFF == sqlite3.SQLITE_FULL
        else "a write was refused (the disk is full, a file-size limit was reached, or the"
        " disk failed)"
    )
    return ProjectError(
        f"{what} ({exc}); nothing of this command was written",
        where=str(where),
        hint="free some space (or raise the file-size limit, 'ulimit -f') and run the command"
        " again; the database is as it was before the command",
    )


def _wal_gone(exc: BaseException, path: Path) -> ProjectError | None:
    """The ProjectError for SQLite's disk I/O error when the database's write-ahead log was
    deleted under a program that had it open, or None."""
    code = _primary_code(exc)
    wal, shm = path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
    if code == sqlite3.SQLITE_IOERR and shm.exists() and _size(wal) < 32:
        # (a WAL header is 32 bytes) the -shm index still points into a write-ahead log that
        # is gone (or was made anew, empty): SQLite refuses to read on; what was committed
        # there since the last checkpoint is lost with it
        return ProjectError(
            f"cannot read the database ({exc}): its write-ahead log {wal.name} is gone or"
            " empty while its index says it holds pages (deleted while a program had the"
            " project open?)",
            where=str(path),
            hint="close every reviewkit (and database browser) on this project, then run the"
            " command again; decisions made since the log was last merged may be lost, so check"
            " them with 'reviewkit status'",
        )
    return None


def _size(path: Path) -> int:
    """The file's size, 0 when it does not exist."""
    try:
        return path.stat().st_size
    except OSError:
        return 0
