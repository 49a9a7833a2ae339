"""Rows of record_concerns: the notices found about the project's records, kept.

A cache of :func:`reviewkit.dedup.concerns.concerns_among` over every record (migration 096),
with the records that are notices (migration 097): valid while the records are those it was
made from (records are only added, so their count and highest id tell) and the rules are the
same (``rules``, the caller's fingerprint of them); where records were only added since, the
base :func:`reviewkit.dedup.concerns_added.concerns_with_added` brings up to date.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from reviewkit.store.db import Store, now

# (record id, kind, notice's PMID, notice's record id or None, what says so)
ConcernRow = tuple[int, str, str, int | None, str]
RecordsState = tuple[int, int]  # (how many records, the highest record id)


class KeptBase(NamedTuple):
    """What was kept over the records up to ``last_record``: the rows, the notices' ids."""

    last_record: int
    rows: list[ConcernRow]
    notices: list[int]


def records_state(db: Store) -> RecordsState:
    """The records' count and highest id: what a kept finding was made from."""
    row = db.conn.execute("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM records").fetchone()
    return int(row[0]), int(row[1])


def _made(db: Store) -> tuple[RecordsState, str, str] | None:
    row = db.conn.execute(
        "SELECT records, last_record, rules, made_at FROM record_concerns_made WHERE one = 1"
    ).fetchone()
    return None if row is None else ((int(row[0]), int(row[1])), str(row[2]), str(row[3]))


def _rows(db: Store) -> list[ConcernRow]:
    rows = db.conn.execute(
        "SELECT record_id, kind, pmid, notice, how FROM record_concerns"
        " ORDER BY record_id, position"
    )
    return [(int(r[0]), str(r[1]), str(r[2]), r[3], str(r[4])) for r in rows]


def kept_concerns(db: Store, rules: str) -> list[ConcernRow] | None:
    """The kept notices, in the order found; None when none are kept for the records as they
    are now and these ``rules`` (then find them again)."""
    made = _made(db)
    if made is None or made[:2] != (records_state(db), rules):
        return None
    return _rows(db)


def kept_base(db: Store, rules: str) -> KeptBase | None:
    """What was kept by these ``rules`` over the records as they were (records are never
    removed nor changed, so those of a higher id are the ones added since); None when nothing
    was, or by other rules, or when another process kept others while they were read."""
    made = _made(db)
    if made is None or made[1] != rules:
        return None
    rows = _rows(db)
    notices = [int(r[0]) for r in db.conn.execute("SELECT record_id FROM record_notices")]
    if _made(db) != made:  # rewritten while read: the rows may be of other records
        return None
    return KeptBase(made[0][1], rows, notices)


def keep_concerns(
    db: Store,
    rules: str,
    state: RecordsState,
    rows: Iterable[ConcernRow],
    notices: Iterable[int],
) -> bool:
    """Keep ``rows`` and the ids of the records that are ``notices``, found over the records as
    ``state`` describes them, in one short write replacing what was kept; nothing is written
    (False) when the records are not as ``state`` says (added since it was read). Two
    processes keeping at once write one after the other, each all its rows or none."""
    with db.transaction() as conn:
        if records_state(db) != state:
            return False
        conn.execute("DELETE FROM record_concerns")
        conn.execute("DELETE FROM record_notices")
        position: dict[int, int] = {}
        for rid, kind, pmid, notice, how in rows:
            position[rid] = position.get(rid, -1) + 1
            conn.execute(
                "INSERT INTO record_concerns VALUES (?, ?, ?, ?, ?, ?)",
                (rid, position[rid], kind, pmid, notice, how),
            )
        conn.executemany("INSERT INTO record_notices VALUES (?)", ((n,) for n in notices))
        conn.execute(
            "INSERT OR REPLACE INTO record_concerns_made VALUES (1, ?, ?, ?, ?)",
            (*state, rules, now()),
        )
    return True
