"""The SQLite database of a review project: connection, pragmas, migrations, transactions.

Only the ``reviewkit.store`` package speaks SQL. The database runs in WAL mode with a busy
timeout, so that two reviewers can work on the same file from two processes, and with
``synchronous=FULL`` so that a committed decision survives a crash or a kill.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path

from reviewkit.errors import UPGRADE_HINT, DatabaseBusy, ProjectError
from reviewkit.store.db_errors import (
    BUSY_HINT,
    DAMAGED_HINT,
    OPEN,
    ProjectConnection,
    is_busy,
    is_read_only,
    open_error,
)
from reviewkit.store.first_pages import read_first_pages
from reviewkit.store.lock_holders import held_here, holding, waiting

BUSY_TIMEOUT_MS = 30_000
SQLITE_INT_MAX = 2**63 - 1  # the largest INTEGER SQLite holds


def holds_integer(value: int) -> bool:
    """Can SQLite take ``value`` as an INTEGER parameter? A record id typed by hand may be any
    number of digits; one that cannot be stored matches no row (instead of an OverflowError)."""
    return -SQLITE_INT_MAX - 1 <= value <= SQLITE_INT_MAX


# SQLite takes at most 999 '?' in one statement before 3.32 (SQLITE_MAX_VARIABLE_NUMBER): a
# list of ids for 'IN (…)' is asked in chunks below that
_IN_CHUNK = 900


def rows_in(db: Store, sql: str, values: Iterable[object]) -> Iterator[sqlite3.Row]:
    """The rows of ``sql``, whose ``{marks}`` stands where the 'IN (…)' list of ``values``
    goes, asked in chunks SQLite takes; each chunk's rows in the order ``sql`` gives them.
    Each value is asked once, as one 'IN (…)' would: a value repeated in ``values`` (even in
    two chunks) does not give its rows twice."""
    values = list(dict.fromkeys(values))
    for start in range(0, len(values), _IN_CHUNK):
        chunk = values[start : start + _IN_CHUNK]
        yield from db.conn.execute(sql.replace("{marks}", ",".join("?" * len(chunk))), chunk)


def now() -> str:
    """UTC timestamp used in every table: ISO 8601 with microseconds."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every file in store/migrations, in order."""
    found = []
    for entry in resources.files("reviewkit.store").joinpath("migrations").iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            found.append((version, entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two migrations share a version number: {versions}")
    return found


SCHEMA_VERSION = max(v for v, _, _ in _migrations())
_TABLE_DDL = re.compile(
    r"\b(CREATE TABLE(?: IF NOT EXISTS)?|DROP TABLE(?: IF EXISTS)?)\s+(\w+)"
    r"|\bALTER TABLE\s+(\w+)\s+RENAME TO\s+(\w+)",
    re.IGNORECASE,
)


@cache
def _expected_tables(version: int = SCHEMA_VERSION) -> frozenset[str]:
    """The tables the migrations leave in a database at schema ``version``."""
    tables = {"schema_migrations"}
    for v, _name, sql in _migrations():
        if v > version:
            break
        for m in _TABLE_DDL.finditer(sql):
            if m.group(3):  # ALTER TABLE old RENAME TO new
                tables.discard(m.group(3))
                tables.add(m.group(4))
            elif m.group(1).upper().startswith("CREATE"):
                tables.add(m.group(2))
            elif m.group(1).upper().startswith("DROP"):
                tables.discard(m.group(2))
    return frozenset(tables)


class Store:
    """An open project database. Use :meth:`transaction` for every write."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self._pending_review_id: str | None = None  # recorded by the next write (see below)
        # what this connection's writes are, named to a write of this process that waits for
        # its lock ('keeping the notices found': store.lock_holders); '' for an unnamed write
        self.writer = ""

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, review_id: str | None = None) -> Store:
        """Create a new database file (must not exist) at the current schema, recording
        ``review_id`` (the protocol's [review] id) in the same transaction."""
        path = Path(path)
        if path.exists():
            raise ProjectError("a database already exists here", where=str(path))
        try:  # SQLite's own refusal (a disk error, a folder where its WAL goes) was a traceback
            conn = _connect(path)
        except sqlite3.DatabaseError as exc:
            raise open_error(exc, path) from None
        store = cls(path, conn)
        store._pending_review_id = review_id
        try:
            store.migrate()
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open an existing database and apply pending migrations.

        A database already at the current schema is only read here: opening never takes the
        write lock, so read-only commands run while an import or another reviewer writes.
        """
        path = Path(path)
        if not path.exists():
            raise ProjectError(
                "no project database here",
                where=str(path),
                hint="create a project with 'reviewkit init DIR --protocol FILE'",
            )
        if path.is_dir():
            raise ProjectError("a folder, not a database file", where=str(path), hint=DAMAGED_HINT)
        store = cls(path, _connect(path, checked=True))
        version = store.schema_version()
        if version > SCHEMA_VERSION:
            store.close()
            raise ProjectError(
                f"the database has schema {version}, newer than this reviewkit ({SCHEMA_VERSION})",
                where=str(path),
                hint=UPGRADE_HINT,
            )
        # Checked before migrating, against the tables of the database's own schema, so that
        # a damaged database is refused as it is, not first migrated.
        missing = sorted(_expected_tables(version) - store.table_names())
        if missing:  # a table dropped by hand or by another tool: every query on it would fail
            store.close()
            raise ProjectError(
                f"a damaged database: table(s) {', '.join(missing)} missing",
                where=str(path),
                hint=DAMAGED_HINT,
            )
        try:
            read_first_pages(store.conn)
        except sqlite3.DatabaseError as exc:
            store.close()
            raise open_error(exc, path) from None
        if version < SCHEMA_VERSION:
            store.migrate()
        return store

    def table_names(self) -> set[str]:
        """The names of the tables in the database."""
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {r[0] for r in rows}

    def close(self) -> None:
        self.conn.close()

    def set_busy_timeout(self, milliseconds: int) -> None:
        """How long a write waits for another process's write lock before
        :class:`~reviewkit.errors.DatabaseBusy` (interactive screens wait briefly and retry)."""
        self.conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- schema --------------------------------------------------------------------------

    def schema_version(self) -> int:
        row = self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_migrations'"
        ).fetchone()
        if row is None:
            return 0
        return self.conn.execute(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"
        ).fetchone()[0]

    def migrate(self) -> list[int]:
        """Apply every migration newer than the database; returns the versions applied."""
        applied = []
        with self.transaction():
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            current = self.schema_version()
            for version, name, sql in _migrations():
                if version <= current:
                    continue
                for statement in _split_sql(sql):
                    self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, now())
                )
                applied.append(version)
        return applied

    # --- the review this database belongs to ----------------------------------------------

    def review_id(self) -> str | None:
        """The [review] id recorded for this database; None for one made before schema 80
        that has not been written to since."""
        row = self.conn.execute("SELECT review_id FROM review_identity WHERE one = 1").fetchone()
        return None if row is None else row[0]

    def record_review_id_at_first_write(self, review_id: str) -> None:
        """Record ``review_id`` with the next write transaction, if none is recorded by then.

        Not now: opening never takes the write lock (see :meth:`open`), so a database from
        before schema 80 gets its id with the first command that writes to it anyway; until
        then a read-only command on it is accepted with whatever protocol it finds."""
        self._pending_review_id = review_id

    def _record_pending_review_id(self) -> None:
        """Inside the outermost write transaction: record the pending review id, and refuse
        the write when another process recorded a different one since this one opened."""
        review_id = self._pending_review_id
        if review_id is None or "review_identity" not in self.table_names():
            return  # (a migration before schema 80 runs in a transaction too)
        self.conn.execute(
            "INSERT OR IGNORE INTO review_identity VALUES (1, ?, ?)", (review_id, now())
        )
        recorded = self.review_id()
        if recorded != review_id:
            raise ProjectError(
                f"this database belongs to review '{recorded}', not to '{review_id}';"
                " nothing was written",
                where=str(self.path),
                hint="put back this review's protocol.toml, or start a new project for the"
                " other review",
            )

    # --- transactions --------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception. Nests as a savepoint."""
        if self.conn.in_transaction:
            name = f"sp{id(object())}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                raise
            self.conn.execute(f"RELEASE {name}")
            return
        with waiting(self.path):  # a series of writes of this process gives way to it
            self._execute_waiting("BEGIN IMMEDIATE")
        with holding(self.path, self, self.writer):
            try:
                yield self.conn
                self._record_pending_review_id()
            except BaseException as exc:
                self.conn.execute("ROLLBACK")
                if is_read_only(exc):
                    raise self._read_only() from None
                raise
            try:
                self._execute_waiting("COMMIT")
            except DatabaseBusy:
                self.conn.execute("ROLLBACK")
                raise
        self._pending_review_id = None  # recorded (or found recorded) and committed

    def _read_only(self) -> ProjectError:
        return ProjectError(
            "the project database is read-only; nothing was written",
            where=str(self.path),
            hint="check the permissions of the file and its folder (SQLite writes"
            " review.sqlite-wal and -shm next to it), or copy the project somewhere writable",
        )

    def _execute_waiting(self, sql: str) -> None:
        """Run a locking statement; a lock still held by another process after the busy
        timeout becomes :class:`DatabaseBusy` (a UserError, not a traceback)."""
        try:
            self.conn.execute(sql)
        except sqlite3.OperationalError as exc:
            if is_read_only(exc):  # BEGIN IMMEDIATE on a file SQLite may only read
                raise self._read_only() from None
            if not is_busy(exc):
                raise
            ours = held_here(self.path, self)
            if ours:  # a thread of this process (a screen's, keeping the notices it found)
                raise DatabaseBusy(
                    f"the project database is busy: this reviewkit is {ours}",
                    where=str(self.path),
                    hint="that write of this reviewkit's own ends by itself: try again in a moment",
                    held_here=ours,
                ) from None
            raise DatabaseBusy(
                "the project database is busy", where=str(self.path), hint=BUSY_HINT
            ) from None

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()


def _connect(path: Path, *, checked: bool = False) -> sqlite3.Connection:
    """A connection in WAL mode; with ``checked``, first make sure the file is a reviewkit
    database (nothing, not even the switch to WAL, is written to any other file) and turn
    SQLite's errors on opening into ProjectErrors that say what the file is."""
    conn = sqlite3.connect(
        path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, factory=ProjectConnection
    )
    conn.path = path
    OPEN.add(conn)
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if checked:
            _check_is_ours(conn, path)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise ProjectError(
                f"could not switch the database to WAL mode (got {mode})", where=str(path)
            )
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException as exc:
        conn.close()
        if checked and isinstance(exc, sqlite3.DatabaseError):
            raise open_error(exc, path) from None
        raise
    return conn


def _check_is_ours(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse an empty file or another program's SQLite file: opening must never migrate
    (write tables into) a file that 'reviewkit init' did not make."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_migrations'"
    ).fetchone()
    if row is None:
        raise ProjectError(
            "not a reviewkit database (an empty file, or another program's SQLite file)",
            where=str(path),
            hint=DAMAGED_HINT,
        )


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN … END;) whole."""
    statements, buf = [], []
    for line in sql.splitlines():
        stripped = line.strip()
        if not buf and (not stripped or stripped.startswith("--")):
            continue
        buf.append(line)
        candidate = "\n".join(buf)
        if stripped.endswith(";") and sqlite3.complete_statement(candidate):
            statements.append(candidate)
            buf = []
    if "\n".join(buf).strip():
        statements.append("\n".join(buf))
    return statements
