"""Rows of the attachments table: a full-text PDF path or URL per record, newest wins."""

from __future__ import annotations

from dataclasses import dataclass

from reviewkit.store.db import Store, now


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
    if not record_ids:
        return None
    marks = ",".join("?" * len(record_ids))
    row = db.conn.execute(
        f"SELECT * FROM attachments WHERE record_id IN ({marks}) ORDER BY id DESC LIMIT 1",
        record_ids,
    ).fetchone()
    return Attachment(**dict(row)) if row else None
