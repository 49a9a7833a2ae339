"""Reading the first page of every table and index of a project database when it is opened.

A page zeroed or overwritten by a disk or copy error, with the file's header and schema intact,
lets the database open; a command that never reads that table then works and writes on (an
import into a database whose attachments were unreadable), and the next one fails. Reading
each table's and index's first entry meets such a root page before any command writes. Each
probe reads a root page and the first page below it, a few pages in all: on a 79,880-record
project, 42 of 53,799 pages in under a millisecond (benchmarks/results/store_open.md), unlike
``PRAGMA quick_check``, which reads the whole file on every command. Damage
deeper in a table is met by the query that reaches it (store.db's translator names the file).
"""

from __future__ import annotations

import sqlite3


def read_first_pages(conn: sqlite3.Connection) -> None:
    """Read the first entry of every table and index; sqlite3.DatabaseError (SQLITE_CORRUPT)
    when one's first pages are damaged."""
    rows = conn.execute(
        "SELECT type, name, tbl_name FROM sqlite_master"
        " WHERE type IN ('table', 'index') AND rootpage > 0"
    ).fetchall()
    for kind, name, table in rows:
        # NOT INDEXED: a covering index would answer without reading the table's pages
        using = "NOT INDEXED" if kind == "table" else f"INDEXED BY {_quoted(name)}"
        try:
            conn.execute(f"SELECT 1 FROM {_quoted(table)} {using} LIMIT 1").fetchall()
        except sqlite3.OperationalError as exc:
            if "no query solution" not in str(exc):  # a partial index cannot be forced
                raise


def _quoted(name: str) -> str:
    """An SQL identifier in double quotes (a name from sqlite_master, never from a user)."""
    return '"' + name.replace('"', '""') + '"'
