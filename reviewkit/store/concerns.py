"""Rows of record_concerns: the notices found about the project's records, kept.

A cache of :func:`reviewkit.dedup.concerns.concerns_among` over every record (migration 096):
valid while the records are those it was made from (records are only added, so their count and
highest id tell) and the rules are the same (``rules``, the caller's fingerprint of them).
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewkit.store.db import Store, now

# (record id, kind, notice's PMID, notice's record id or None, what says so)
ConcernRow = tuple[int, str, str, int | None, str]
RecordsState = tuple[int, int]  # (how many records, the highest record id)


def records_state(db: Store) -> RecordsState:
    """The records' count and highest id: what a kept finding was made from."""
    row = db.conn.execute("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM records").fetchone()
    return int(row[0]), int(row[1])


def _made(db: Store) -> tuple[RecordsState, str] | None:
    row = db.conn.execute(
        "SELECT records, last_record, rules FROM record_concerns_made WHERE one = 1"
    ).fetchone()
    return None if row is None else ((int(row[0]), int(row[1])), str(row[2]))


def kept_concerns(db: Store, rules: str) -> list[ConcernRow] | None:
    """The kept notices, in the order found; None when none are kept for the records as they
    are now and these ``rules`` (then find them again)."""
    if _made(db) != (records_state(db), rules):
        return None
    rows = db.conn.execute(
        "SELECT record_id, kind, pmid, notice, how FROM record_concerns"
        " ORDER BY record_id, position"
    )
    return [(int(r[0]), str(r[1]), str(r[2]), r[3], str(r[4])) for r in rows]


def keep_concerns(db: Store, rules: str, state: RecordsState, rows: Iterable[ConcernRow]) -> bool:
    """Keep ``rows``, found over the records as ``state`` describes them, in one short write;
    nothing is written (False) when records were added since ``state`` was read."""
    with db.transaction() as conn:
        if records_state(db) != state:
            return False
        conn.execute("DELETE FROM record_concerns")
        position: dict[int, int] = {}
        for rid, kind, pmid, notice, how in rows:
            position[rid] = position.get(rid, -1) + 1
            conn.execute(
                "INSERT INTO record_concerns VALUES (?, ?, ?, ?, ?, ?)",
                (rid, position[rid], kind, pmid, notice, how),
            )
        conn.execute(
            "INSERT OR REPLACE INTO record_concerns_made VALUES (1, ?, ?, ?, ?)",
            (*state, rules, now()),
        )
    return True
