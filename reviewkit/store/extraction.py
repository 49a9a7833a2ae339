"""Rows of the extraction table: values of the report's extraction fields, append-only.

The newest row for a (record, field) is its current value; ``method`` says where it came from
(prefill from the record, a person in the TUI or CLI, or a CSV import).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reviewkit.store.db import Store, now

METHODS = ("prefill", "person", "csv")


@dataclass(frozen=True)
class Value:
    record_id: int
    field: str
    value: str
    method: str
    reviewer: str = ""
    created_at: str = ""


def add_values(
    db: Store, values: Iterable[tuple[int, str, str]], *, method: str, reviewer: str = ""
) -> int:
    """Append (record id, field, value) rows in one transaction; returns how many were written."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}")
    stamp = now()
    n = 0
    with db.transaction():
        for record_id, field_id, value in values:
            db.conn.execute(
                "INSERT INTO extraction (record_id, field, value, method, reviewer, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (record_id, field_id, value, method, reviewer, stamp),
            )
            n += 1
    return n


def current_values(
    db: Store, record_ids: Iterable[int] | None = None
) -> dict[int, dict[str, Value]]:
    """record id -> field -> its newest Value."""
    sql = (
        "SELECT e.* FROM extraction e JOIN (SELECT record_id, field, MAX(id) AS last FROM extraction"
        " GROUP BY record_id, field) m ON e.id = m.last ORDER BY e.record_id, e.field"
    )
    wanted = set(record_ids) if record_ids is not None else None
    out: dict[int, dict[str, Value]] = {}
    for r in db.query(sql):
        if wanted is None or r["record_id"] in wanted:
            out.setdefault(r["record_id"], {})[r["field"]] = Value(
                r["record_id"], r["field"], r["value"], r["method"], r["reviewer"], r["created_at"]
            )
    return out


def field_history(db: Store, record_id: int, field_id: str) -> list[Value]:
    rows = db.query(
        "SELECT * FROM extraction WHERE record_id = ? AND field = ? ORDER BY id",
        (record_id, field_id),
    )
    return [
        Value(r["record_id"], r["field"], r["value"], r["method"], r["reviewer"], r["created_at"])
        for r in rows
    ]


def values_ever(
    db: Store, record_ids: Iterable[int], *, method: str | None = None
) -> set[tuple[int, str, str]]:
    """Every (record id, field, value) the records' fields have had, current or not (only
    those ``method`` gave, when it is given)."""
    wanted = set(record_ids)
    rows = db.query("SELECT record_id, field, value, method FROM extraction")
    return {(r[0], r[1], r[2]) for r in rows if r[0] in wanted and method in (None, r[3])}
