"""Rows of the attachments table: a full-text PDF path or URL per record, newest wins."""

from __future__ import annotations

from dataclasses import dataclass

from reviewkit.store.db import Store, now, rows_in


@dataclass(frozen=True)
class Attachment:
    id: int
    record_id: int
    target: str
    kind: str  # file | url
    added_by: str
    created_at: str


def add_attachment(db: Store, record_id: int, target: str, kind: str, *, added_by: str = "") -> int:
    """Append an attachment for a record (commits at once outside a transaction)."""
    with db.transaction():
        cur = db.conn.execute(
            "INSERT INTO attachments (record_id, target, kind, added_by, created_at) VALUES (?, ?, ?, ?, ?)",
            (record_id, target, kind, added_by, now()),
        )
    return int(cur.lastrowid)


def current_attachment(db: Store, record_ids: list[int]) -> Attachment | None:
    """The newest attachment of any of the records (the records of one study)."""
    # the newest of each chunk's newest: a study of more records than SQLite takes '?' for
    sql = "SELECT * FROM attachments WHERE record_id IN ({marks}) ORDER BY id DESC LIMIT 1"
    row = max(rows_in(db, sql, record_ids), key=lambda r: r["id"], default=None)
    return Attachment(**dict(row)) if row else None
