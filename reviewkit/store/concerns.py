"""Rows of record_concerns: the notices found about the project's records, kept.

A cache of :func:`reviewkit.dedup.concerns.concerns_among` over every record (migration 096),
with the records that are notices (migration 097) and what each concerns and the keys the rules
look records up by (migration 098): valid while the records are those it was
made from (records are only added, so their count and highest id tell) and the rules are the
same (``rules``, the caller's fingerprint of them); where records were only added since, the
base :func:`reviewkit.dedup.concerns_added.concerns_with_added` brings up to date.
"""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from reviewkit.store.db import Store, now
from reviewkit.store.lock_holders import give_way

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
    made_at: str  # when it was kept: what a finding brought up to date from it is based on


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
    return KeptBase(made[0][1], rows, notices, [tuple(t) for t in targets], made[2])


# How many keys of records one write keeps (with their lookups), and a fourth of how many rows
# one write deletes: the keys of 50,000 records written in one transaction held the write
# lock 0.40-0.46 CPU-s, and a screen's key waits for it; 5,000 a write hold it 0.07-0.14 CPU-s,
# in 14 writes (29 replacing kept keys: ``benchmarks/results/notices-keep.md``)
KEYS_A_WRITE = 5_000
# what the kept state says while it is being written: found again until the last write
_WRITING = "writing "


def keep_concerns(
    db: Store,
    rules: str,
    state: RecordsState,
    rows: Iterable[ConcernRow],
    notices: Iterable[int],
    targets: Iterable[TargetRow],
    keys: Iterable[KeyRow],
    every_key: bool,
    based_on: str = "",
) -> bool:
    """Keep ``rows``, the ids of the records that are ``notices`` and what each concerns
    (``targets``), found over the records as ``state`` describes them, replacing what was
    kept, with the ``keys`` of the records: of every record that is no notice (``every_key``),
    else of those added since the keys were kept.

    In short writes, so that the write lock is never held long (a screen's keys wait while it
    is), each giving way to a write of this process waiting for it (``store.lock_holders``):
    the first marks what is kept as being written (read as nothing kept), the keys follow
    :data:`KEYS_A_WRITE` at a time, and the last writes the rows and the state they are valid
    for. Killed midway, the store finds them again. Nothing is written (False) when records
    were added since ``state`` was read (what another process keeps for them is not replaced
    by what is found over fewer). Records added after the first write (an import while a
    screen keeps, whose own keeping that write refused) leave what is kept a base for them
    (:func:`kept_base`: records only get higher ids), not one to find all again. Nothing more
    is written (False) when another process began keeping its own meanwhile (the later one
    writes them all), or, for what was brought up to date from a kept state (``based_on``:
    its :attr:`KeptBase.made_at`), when that state is no longer the one kept (its keys may
    have been read while rewritten)."""
    keys = list(keys)
    writing = _WRITING + uuid.uuid4().hex
    with db.transaction() as conn:
        made = _made(db)
        if records_state(db) != state or (based_on and (made is None or made[2] != based_on)):
            return False
        conn.execute(
            "INSERT OR REPLACE INTO record_concerns_made VALUES (1, ?, ?, ?, ?)",
            (*state, writing, now()),
        )
    if every_key:
        for table in ("record_concern_keys", "record_concern_lookup"):
            while deleted := _delete_some(db, table, writing):
                if deleted < 0:
                    return False
    for start in range(0, len(keys), KEYS_A_WRITE):
        part = keys[start : start + KEYS_A_WRITE]
        give_way(db.path)
        with db.transaction() as conn:
            if not _ours(db, writing):
                return False
            conn.executemany(
                "INSERT OR REPLACE INTO record_concern_keys VALUES (?, ?, ?, ?, ?, ?, ?)", part
            )
            conn.executemany(
                "INSERT OR IGNORE INTO record_concern_lookup VALUES (?, ?)", sorted(_lookups(part))
            )
    give_way(db.path)
    with db.transaction() as conn:
        if not _ours(db, writing) or not _found_over(db, state):
            return False
        _write_rows(db, rows, notices, targets)
        conn.execute(
            "INSERT OR REPLACE INTO record_concerns_made VALUES (1, ?, ?, ?, ?)",
            (*state, rules, now()),
        )
    return True


def _found_over(db: Store, state: RecordsState) -> bool:
    """Whether the records up to ``state``'s highest id are those it counts: what was found
    over them is kept for them, the records added since (of higher ids: none is removed) being
    brought up to date by the next reader (:func:`kept_base`)."""
    row = db.conn.execute("SELECT COUNT(*) FROM records WHERE id <= ?", (state[1],)).fetchone()
    return int(row[0]) == state[0]


def still_kept(db: Store, base: KeptBase, rules: str) -> bool:
    """Whether ``base`` is still what is kept by these ``rules``: the keys read since it was
    (:func:`keyed_ids`, :func:`placed_ids`) were not being rewritten (another process
    keeping its own deletes and writes them in several writes, the kept state marked first)."""
    made = _made(db)
    return made is not None and made[1:] == (rules, base.made_at)


def _ours(db: Store, writing: str) -> bool:
    """Whether the kept state is still marked as being written by ``writing`` (no other
    process began keeping its own since)."""
    made = _made(db)
    return made is not None and made[1] == writing


def _delete_some(db: Store, table: str, writing: str) -> int:
    """Delete some rows of ``table`` (one of the keys' tables: four lookups a record) in a
    write of their own; how many were, or -1 where the state is no longer ``writing``'s."""
    give_way(db.path)
    with db.transaction() as conn:
        if not _ours(db, writing):
            return -1
        return conn.execute(
            f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} LIMIT ?)"
            if table == "record_concern_keys"
            else f"DELETE FROM {table} WHERE (key, record_id) IN"
            f" (SELECT key, record_id FROM {table} LIMIT ?)",
            (KEYS_A_WRITE * 4,),
        ).rowcount


def _write_rows(
    db: Store, rows: Iterable[ConcernRow], notices: Iterable[int], targets: Iterable[TargetRow]
) -> None:
    """Within a write: the found ``rows``, ``notices`` and ``targets`` in place of the kept."""
    conn = db.conn
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
