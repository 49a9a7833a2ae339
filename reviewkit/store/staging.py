"""Staging an import: records are parsed into a private temporary database, then published.

Parsing a large file takes tens of seconds (50,788 PubMed records: about 25 s on two cores);
writing the rows takes a second or two. Staging keeps the project's write lock for the short
part only, so a reviewer screening the project (or a read-only command) never waits for a
parser, and the import stays all or nothing: nothing reaches the project before
:meth:`Staging.publish`, which copies every staged file in one transaction.

The staging database is SQLite's private temporary database (``ATTACH ''``): an unlinked file
in the temporary folder (``$TMPDIR``), so it costs little memory and leaves nothing behind,
even when the process is killed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reviewkit.store.db import Store, now
from reviewkit.store.records import RecordRow

_SCHEMA = "staging"
_COLUMNS = "source, origin, position, title, year, doi, pmid, pmcid, data, raw"
_BATCH = 2000  # rows per executemany call: keeps the read-ahead thread and the writer in step


@dataclass(frozen=True)
class StagedFile:
    """One file's records in the staging database, waiting to be published."""

    number: int  # the file's number in this staging database
    source: str
    path: str
    format: str
    sha256: str
    records: int


@dataclass(frozen=True)
class Published:
    """What :meth:`Staging.publish` did with one staged file."""

    staged: StagedFile
    import_id: int | None  # None when another import of the same file won the race
    previous_import: int | None = None


class Staging:
    """A private temporary database attached to the project connection (``with`` closes it)."""

    def __init__(self, db: Store) -> None:
        self.db = db
        self.files: list[StagedFile] = []
        db.conn.execute(f"ATTACH DATABASE '' AS {_SCHEMA}")
        # a deferred transaction that writes the staging schema only never locks the project
        db.conn.execute(
            f"CREATE TABLE {_SCHEMA}.records (file INTEGER NOT NULL, source TEXT, origin TEXT,"
            " position INTEGER, title TEXT, year INTEGER, doi TEXT, pmid TEXT, pmcid TEXT,"
            " data TEXT, raw BLOB)"
        )

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        conn = self.db.conn
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute(f"DETACH DATABASE {_SCHEMA}")

    def add_file(
        self, rows: Iterable[RecordRow], *, path: str, fmt: str, sha256: str
    ) -> StagedFile:
        """Stage one file's rows (its source is the first row's); returns what was staged."""
        number = len(self.files) + 1
        conn = self.db.conn
        sql = f"INSERT INTO {_SCHEMA}.records VALUES (?,?,?,?,?,?,?,?,?,?,?)"
        count = 0
        source = ""
        for batch in _batches(rows, _BATCH):
            if not count:
                source = batch[0].source
            conn.execute("BEGIN")  # deferred: touches the staging database only
            try:
                conn.executemany(sql, ((number, *row) for row in batch))
            except BaseException:
                if conn.in_transaction:  # SQLite ends it itself on a disk or full-disk error
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            count += len(batch)
        staged = StagedFile(number, source, path, fmt, sha256, count)
        self.files.append(staged)
        return staged

    def publish(self, *, again: bool = False) -> list[Published]:
        """Copy every staged file into the project in one short write transaction.

        A file that another process imported meanwhile (same SHA-256) is not copied twice,
        unless ``again``.
        """
        out: list[Published] = []
        stamp = now()
        with self.db.transaction() as conn:
            for staged in self.files:
                row = None
                if not again:
                    row = conn.execute(
                        "SELECT id FROM imports WHERE sha256 = ? LIMIT 1", (staged.sha256,)
                    ).fetchone()
                if row is not None:
                    out.append(Published(staged, None, int(row[0])))
                    continue
                import_id = conn.execute(
                    "INSERT INTO imports (source, path, format, sha256, record_count, imported_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        staged.source,
                        staged.path,
                        staged.format,
                        staged.sha256,
                        staged.records,
                        stamp,
                    ),
                ).lastrowid
                conn.execute(
                    "INSERT INTO records (import_id, search_run_id, source, origin, position,"
                    " title, year, doi, pmid, pmcid, data, raw, added_at)"
                    f" SELECT ?, NULL, {_COLUMNS}, ? FROM {_SCHEMA}.records WHERE file = ?"
                    " ORDER BY rowid",
                    (import_id, stamp, staged.number),
                )
                out.append(Published(staged, int(import_id)))
        return out


def _batches(rows: Iterable[RecordRow], size: int) -> Iterator[list[RecordRow]]:
    batch: list[RecordRow] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
