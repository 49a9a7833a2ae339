"""Rows of record_concerns: the notices found about the project's records, kept.

A cache of :func:`reviewkit.dedup.concerns.concerns_among` over every record (migration 096),
with the records that are notices (migration 097) and what each concerns and the keys the rules
look records up by (migration 098): valid while the records are those it was
made from (records are only added, so their count and highest id tell) and the rules are the
same (``rules``, the caller's fingerprint of them); where records were only added since, the
base :func:`reviewkit.dedup.concerns_added.concerns_with_added` brings up to date.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from reviewkit.store.db import Store, now

# (record id, kind, notice's PMID, notice's record id or None, what says so)
ConcernRow = tuple[int, str, str, int | None, str]
RecordsState = tuple[int, int]  # (how many records, the highest record id)
# (notice's record id, record id it concerns, kind, notice's PMID, what says so)
TargetRow = tuple[int, int, str, str, str]
# (record id, folded title, its first three words, its last three, folded DOI, year, volume)
KeyRow = tuple[int, str, str, str, str, int | None, str]


class KeptBase(NamedTuple):
    """What was kept over the records up to ``last_record``: the rows, the notices' ids, what
    each notice concerns (none for a notice that concerns none)."""

    last_record: int
    rows: list[ConcernRow]
    notices: list[int]
    targets: list[TargetRow]


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
    targets = db.conn.execute(
        "SELECT notice, record_id, kind, pmid, how FROM record_notice_targets"
        " ORDER BY notice, record_id"
    ).fetchall()
    if _made(db) != made:  # rewritten while read: the rows may be of other records
        return None
    return KeptBase(made[0][1], rows, notices, [tuple(t) for t in targets])


def keep_concerns(
    db: Store,
    rules: str,
    state: RecordsState,
    rows: Iterable[ConcernRow],
    notices: Iterable[int],
    targets: Iterable[TargetRow],
    keys: Iterable[KeyRow],
    every_key: bool,
) -> bool:
    """Keep ``rows``, the ids of the records that are ``notices`` and what each concerns
    (``targets``), found over the records as ``state`` describes them, in one short write
    replacing what was kept, with the ``keys`` of the records: of every record that is no
    notice (``every_key``), else of those added since the keys were kept. Nothing is written
    (False) when the records are not as ``state`` says (added since it was read). Two
    processes keeping at once write one after the other, each all its rows or none. What the
    rows are made of is made before the write: the write lock is held only for the writing
    (a screen's keys wait while it is held)."""
    keys = list(keys)
    lookups = sorted(_lookups(keys))
    targets = list(targets)
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
        conn.execute("DELETE FROM record_notice_targets")
        conn.executemany("INSERT INTO record_notice_targets VALUES (?, ?, ?, ?, ?)", targets)
        if every_key:
            conn.execute("DELETE FROM record_concern_keys")
            conn.execute("DELETE FROM record_concern_lookup")
        conn.executemany(
            "INSERT OR REPLACE INTO record_concern_keys VALUES (?, ?, ?, ?, ?, ?, ?)", keys
        )
        conn.executemany("INSERT OR IGNORE INTO record_concern_lookup VALUES (?, ?)", lookups)
        conn.execute(
            "INSERT OR REPLACE INTO record_concerns_made VALUES (1, ?, ?, ?, ?)",
            (*state, rules, now()),
        )
    return True


_COLUMNS = ("title", "head", "tail", "doi", "place")


def _key(column: str, value: str) -> int:
    """A key's column and a 32-bit hash of its value, as one integer (record_concern_lookup:
    a hash shared by two values gives a record more to check, never one less)."""
    return _COLUMNS.index(column) << 32 | zlib.crc32(value.encode())


def _lookups(keys: Iterable[KeyRow]) -> Iterator[tuple[int, int]]:
    """(hashed key, record id) of each key a record has (an empty one is none)."""
    for rid, title, head, tail, doi, year, volume in keys:
        for column, value in (("title", title), ("head", head), ("tail", tail), ("doi", doi)):
            if value:
                yield _key(column, value), rid
        if year is not None and volume:
            yield _key("place", f"{year} {volume}"), rid


def _keyed(
    db: Store, column: str, value: str, where: str, params: tuple, upto: int
) -> list[tuple[int, str]]:
    """(record id, folded title) of the records up to ``upto`` of the hashed key, whose
    columns are as ``where`` says (a hash may be another value's too)."""
    rows = db.conn.execute(
        "SELECT k.record_id, k.title FROM record_concern_lookup l"
        " JOIN record_concern_keys k ON k.record_id = l.record_id"
        f" WHERE l.key = ? AND l.record_id <= ? AND {where} ORDER BY k.record_id",
        (_key(column, value), upto, *params),
    )
    return [(int(r[0]), str(r[1])) for r in rows]


def keyed_ids(db: Store, key: str, value: str, upto: int) -> list[tuple[int, str]]:
    """(record id, folded title) of the records up to ``upto`` whose ``key`` ('title', 'head',
    'tail' or 'doi') is ``value``, by id."""
    if key not in ("title", "head", "tail", "doi"):
        raise ValueError(f"no such key of a record's: {key}")
    return _keyed(db, key, value, f"k.{key} = ?", (value,), upto)


def placed_ids(db: Store, year: int, volume: str, upto: int) -> list[tuple[int, str]]:
    """(record id, folded title) of the records up to ``upto`` of ``year`` and ``volume``."""
    where = "k.year = ? AND k.volume = ?"
    return _keyed(db, "place", f"{year} {volume}", where, (year, volume), upto)
