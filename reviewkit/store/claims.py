"""Rows of the screen_claims table: which record a reviewer's screen shows at a stage.

One row per (stage, reviewer). Times are the store's UTC ISO strings, which sort as they
compare, so "newer than" is a string comparison.
"""

from __future__ import annotations

from reviewkit.store.db import Store, now


def take(db: Store, stage: str, reviewer: str, record_id: int, *, fresh_after: str) -> bool:
    """Hold ``record_id`` for ``reviewer`` at ``stage`` (replacing their earlier claim there),
    unless another reviewer holds a claim on it made after ``fresh_after``: then change
    nothing and return False. One write transaction, so two screens racing for one record
    cannot both win."""
    with db.transaction():
        taken = db.conn.execute(
            "SELECT 1 FROM screen_claims WHERE stage = ? AND record_id = ? AND reviewer != ?"
            " AND claimed_at > ? LIMIT 1",
            (stage, record_id, reviewer, fresh_after),
        ).fetchone()
        if taken:
            return False
        db.conn.execute(
            "INSERT OR REPLACE INTO screen_claims (stage, reviewer, record_id, claimed_at)"
            " VALUES (?, ?, ?, ?)",
            (stage, reviewer, record_id, now()),
        )
    return True


def renew(db: Store, stage: str, reviewer: str, record_id: int) -> None:
    """Move the time of this reviewer's claim on ``record_id`` to now (if they still hold it)."""
    with db.transaction():
        db.conn.execute(
            "UPDATE screen_claims SET claimed_at = ? WHERE stage = ? AND reviewer = ?"
            " AND record_id = ?",
            (now(), stage, reviewer, record_id),
        )


def release(db: Store, stage: str, reviewer: str) -> None:
    """Drop this reviewer's claim at ``stage`` (none: nothing happens)."""
    with db.transaction():
        db.conn.execute(
            "DELETE FROM screen_claims WHERE stage = ? AND reviewer = ?", (stage, reviewer)
        )


def held_by_others(db: Store, stage: str, reviewer: str, *, fresh_after: str) -> set[int]:
    """The records other reviewers hold at ``stage`` by a claim made after ``fresh_after``."""
    rows = db.conn.execute(
        "SELECT record_id FROM screen_claims WHERE stage = ? AND reviewer != ? AND claimed_at > ?",
        (stage, reviewer, fresh_after),
    )
    return {int(r[0]) for r in rows}
