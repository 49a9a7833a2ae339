"""Rows of the labels table: classification suggestions and confirmations, append-only.

A classify run or a person's confirmation writes one *batch*: every row of the batch for a
(record, scheme, method) shares one ``created_at``. The current answer of a method for a record
and scheme is its newest batch, so rerunning the rules or changing one's mind never updates a row.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from reviewkit.store.db import Store, now

STATUSES = ("suggested", "confirmed", "rejected")
# rules | model: the tool's suggestions; study: a label a person confirmed on another report of
# the same study, offered for this one; person: a confirmation. The column has no CHECK in the
# schema (001_initial.sql), so a new method needs no migration: this tuple is the check.
METHODS = ("rules", "model", "study", "person")


@dataclass(frozen=True)
class LabelRow:
    record_id: int
    scheme: str
    label: str
    status: str  # suggested | confirmed | rejected
    method: str  # one of METHODS
    score: float | None = None
    evidence: list[dict] = field(default_factory=list)
    reviewer: str = ""
    created_at: str = ""
    id: int = 0


def add_batch(
    db: Store,
    record_id: int,
    scheme: str,
    method: str,
    status: str,
    labels: Iterable[tuple[str, float | None, list[dict]]],
    *,
    reviewer: str = "",
) -> str:
    """Append one batch (label, score, evidence) for a record and scheme; returns its timestamp.

    Commits at once when called outside a transaction.
    """
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}")
    stamp = now()
    with db.transaction():
        for label, score, evidence in labels:
            db.conn.execute(
                "INSERT INTO labels (record_id, scheme, label, status, method, score, evidence, reviewer, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record_id,
                    scheme,
                    label,
                    status,
                    method,
                    score,
                    json.dumps(evidence, ensure_ascii=False),
                    reviewer,
                    stamp,
                ),
            )
    return stamp


def _row(r: sqlite3.Row) -> LabelRow:
    return LabelRow(
        record_id=r["record_id"],
        scheme=r["scheme"],
        label=r["label"],
        status=r["status"],
        method=r["method"],
        score=r["score"],
        evidence=json.loads(r["evidence"] or "[]"),
        reviewer=r["reviewer"],
        created_at=r["created_at"],
        id=r["id"],
    )


def current(
    db: Store, scheme: str, method: str, record_ids: Iterable[int] | None = None
) -> dict[int, list[LabelRow]]:
    """record id -> rows of the newest batch of ``method`` for ``scheme``."""
    sql = (
        "SELECT l.* FROM labels l JOIN (SELECT record_id, created_at AS last FROM labels WHERE id IN"
        " (SELECT MAX(id) FROM labels WHERE scheme = ? AND method = ? GROUP BY record_id)) m"
        " ON l.record_id = m.record_id AND l.created_at = m.last"
        " WHERE l.scheme = ? AND l.method = ? ORDER BY l.record_id, l.id"
    )
    wanted = set(record_ids) if record_ids is not None else None
    out: dict[int, list[LabelRow]] = {}
    for r in db.query(sql, (scheme, method, scheme, method)):
        if wanted is None or r["record_id"] in wanted:
            out.setdefault(r["record_id"], []).append(_row(r))
    return out


def history(db: Store, record_id: int, scheme: str | None = None) -> list[LabelRow]:
    """Every label row of a record (optionally one scheme), oldest first."""
    if scheme:
        rows = db.query(
            "SELECT * FROM labels WHERE record_id = ? AND scheme = ? ORDER BY id",
            (record_id, scheme),
        )
    else:
        rows = db.query("SELECT * FROM labels WHERE record_id = ? ORDER BY id", (record_id,))
    return [_row(r) for r in rows]
