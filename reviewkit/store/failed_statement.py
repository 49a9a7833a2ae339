"""Which database a failed SQLite statement ran on, read from the failure's traceback: the code
that ran the statement holds its connection (a Store, the connection, or a cursor of it) in a
local variable. Used by :mod:`reviewkit.store.db` to name the damaged database."""

from __future__ import annotations

import sqlite3


def connection_of(exc: BaseException) -> sqlite3.Connection | None:
    """The connection a failed statement ran on, or None when the traceback shows none. The
    code that ran it holds the connection (a Store, the connection, or a cursor of it) in a
    local variable, so the innermost frame of the traceback that holds one names it. (The
    error named the database this process opened last: a second project, a ranking worker's
    connection, a project just made.)"""
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for frame in reversed(frames):
        found = [_connection_in(value) for value in list(frame.f_locals.values())]
        held = sorted((rank, i, conn) for i, (rank, conn) in enumerate(found) if conn is not None)
        if held:  # a connection or cursor itself before a Store, a Store before its holder
            return held[0][2]
    return None


def file_of(conn: sqlite3.Connection | None) -> str:
    """The file of a connection that is not a project's ('' when SQLite cannot say)."""
    if conn is None:
        return ""
    try:
        rows = conn.execute("PRAGMA database_list").fetchall()
    except sqlite3.Error:
        return ""
    return next((str(r[2]) for r in rows if r[1] == "main"), "")


def _connection_in(value: object) -> tuple[int, sqlite3.Connection | None]:
    """The SQLite connection a local variable is (rank 0) or holds as its ``conn`` (1: a
    Store), or its ``db``'s ``conn`` (2: a Project with its database open); read from the
    instances' own attributes, so that no property runs (Project.db would open the file)."""
    if isinstance(value, sqlite3.Connection):
        return 0, value
    if isinstance(value, sqlite3.Cursor):
        return 0, value.connection
    attrs = getattr(value, "__dict__", None)
    if not isinstance(attrs, dict):
        return 3, None
    if isinstance(attrs.get("conn"), sqlite3.Connection):  # a Store
        return 1, attrs["conn"]
    held = getattr(attrs.get("db"), "__dict__", {}).get("conn")  # a Project's Store
    return (2, held) if isinstance(held, sqlite3.Connection) else (3, None)
