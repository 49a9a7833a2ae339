"""Rows of the decisions log: append-only. Current state is derived by reviewkit.screening."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from reviewkit.store.db import Store, now, rows_in

_COLUMNS = (
    "id",
    "record_id",
    "stage",
    "reviewer",
    "label",
    "reason",
    "note",
    "undoes",
    "created_at",
)
_INSERT = f"INSERT INTO decisions ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
_ORDER = " ORDER BY created_at, rowid"


@dataclass(frozen=True)
class Decision:
    record_id: int  # canonical record id of the study
    stage: str  # title-abstract | full-text
    reviewer: str  # a reviewer name, or the resolver's name for a final decision
    label: str  # include | exclude | uncertain | note | undo | final-include | final-exclude
    reason: str = ""
    note: str = ""
    undoes: str | None = None
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created_at: str = field(default_factory=now)

    def row(self) -> tuple:
        """Values in the column order of the decisions table."""
        return (
            self.id,
            self.record_id,
            self.stage,
            self.reviewer,
            self.label,
            self.reason,
            self.note,
            self.undoes,
            self.created_at,
        )


def add_decision(db: Store, d: Decision) -> str:
    """Append one decision (commits at once when called outside a transaction)."""
    with db.transaction():
        db.conn.execute(_INSERT, d.row())
    return d.id


def add_decisions(db: Store, decisions: Iterable[Decision]) -> int:
    """Append several decisions in one transaction (all or nothing); returns how many."""
    n = 0
    with db.transaction():
        for d in decisions:
            db.conn.execute(_INSERT, d.row())
            n += 1
    return n


def list_decisions(
    db: Store,
    *,
    stage: str | None = None,
    reviewer: str | None = None,
    record_ids: Iterable[int] | None = None,
) -> list[Decision]:
    """Decisions in log order (created_at, then rowid), filtered by stage, reviewer and records."""
    if record_ids is not None:
        return _decisions_of(db, record_ids, stage, reviewer)
    clauses, params = [], []
    if stage:
        clauses.append("stage = ?")
        params.append(stage)
    if reviewer:
        clauses.append("reviewer = ?")
        params.append(reviewer)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = db.query(f"SELECT {', '.join(_COLUMNS)} FROM decisions{where}{_ORDER}", tuple(params))
    return [Decision(**dict(r)) for r in rows]


def _decisions_of(
    db: Store, record_ids: Iterable[int], stage: str | None, reviewer: str | None
) -> list[Decision]:
    """:func:`list_decisions` of some records: their ids asked in chunks SQLite takes (a long
    list failed past its variable limit), the stage and reviewer kept here, in log order."""
    sql = f"SELECT rowid AS log_row, {', '.join(_COLUMNS)} FROM decisions WHERE record_id IN ({{marks}})"
    rows = [
        r
        for r in rows_in(db, sql, record_ids)
        if (not stage or r["stage"] == stage) and (not reviewer or r["reviewer"] == reviewer)
    ]
    rows.sort(key=lambda r: (r["created_at"], r["log_row"]))
    return [Decision(**{c: r[c] for c in _COLUMNS}) for r in rows]


def get_decision(db: Store, decision_id: str) -> Decision | None:
    row = db.conn.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM decisions WHERE id = ?", (decision_id,)
    ).fetchone()
    return Decision(**dict(row)) if row else None


def get_decisions(db: Store, decision_ids: Iterable[str]) -> dict[str, Decision]:
    """Decisions by id (missing ids are left out)."""
    sql = f"SELECT {', '.join(_COLUMNS)} FROM decisions WHERE id IN ({{marks}})"
    return {r["id"]: Decision(**dict(r)) for r in rows_in(db, sql, decision_ids)}


def count_at(db: Store, stage: str, *, other_than: str | None = None) -> int:
    """How many log entries ``stage`` holds (undo and note entries too), leaving out those of
    the reviewer ``other_than``. The log is append-only, so a change of this count is a new
    entry; both counts run on an index (decisions_stage, decisions_reviewer), no table rows."""
    (total,) = db.conn.execute(
        "SELECT count(*) FROM decisions WHERE stage = ?", (stage,)
    ).fetchone()
    if other_than is None:
        return int(total)
    (own,) = db.conn.execute(
        "SELECT count(*) FROM decisions WHERE reviewer = ? AND stage = ?", (other_than, stage)
    ).fetchone()
    return int(total) - int(own)


def arrival_rows(db: Store, stage: str | None = None) -> dict[str, int]:
    """Each entry id at ``stage`` (None: every stage) -> its row in this project file: the
    order the entries came into it, whatever their ``created_at`` (an imported entry comes
    after every entry that was here before it, though it was cast earlier in a reviewer's
    copy). The rows only grow, as :func:`last_entry` relies on too (no command runs VACUUM,
    which may renumber them)."""
    if stage is None:
        rows = db.conn.execute("SELECT id, rowid FROM decisions")
    else:
        rows = db.conn.execute("SELECT id, rowid FROM decisions WHERE stage = ?", (stage,))
    return {entry_id: int(row) for entry_id, row in rows}


def last_entry(db: Store) -> int:
    """The rowid of the newest log entry (0 for none): the log is append-only and never
    deleted from, so this grows with every entry, whoever makes it (one index lookup)."""
    (rowid,) = db.conn.execute("SELECT max(rowid) FROM decisions").fetchone()
    return int(rowid or 0)
