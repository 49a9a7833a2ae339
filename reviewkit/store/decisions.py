"""Rows of the decisions log: append-only. Current state is derived by reviewkit.screening."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from reviewkit.store.db import Store, now


@dataclass(frozen=True)
class Decision:
    record_id: int  # canonical record id of the study
    stage: str  # title-abstract | full-text
    reviewer: str  # a reviewer name, or the resolver's name for a final decision
    label: str  # include | exclude | uncertain | undo | final-include | final-exclude | ...
    reason: str = ""
    note: str = ""
    undoes: str | None = None
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created_at: str = field(default_factory=now)


def add_decision(db: Store, d: Decision) -> str:
    """Append one decision (commits at once when called outside a transaction)."""
    with db.transaction():
        db.conn.execute(
            "INSERT INTO decisions (id, record_id, stage, reviewer, label, reason, note, undoes, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (d.id, d.record_id, d.stage, d.reviewer, d.label, d.reason, d.note, d.undoes, d.created_at),
        )
    return d.id


def list_decisions(db: Store, *, stage: str | None = None, reviewer: str | None = None) -> list[Decision]:
    """Decisions in log order (created_at, then id), filtered by stage and reviewer."""
    clauses, params = [], []
    if stage:
        clauses.append("stage = ?")
        params.append(stage)
    if reviewer:
        clauses.append("reviewer = ?")
        params.append(reviewer)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = db.query(f"SELECT * FROM decisions{where} ORDER BY created_at, rowid", tuple(params))
    return [Decision(**dict(r)) for r in rows]


def get_decision(db: Store, decision_id: str) -> Decision | None:
    row = db.conn.execute("SELECT * FROM decisions WHERE id = ?", (decision_id,)).fetchone()
    return Decision(**dict(row)) if row else None
