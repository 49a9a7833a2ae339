"""Rows of search runs (PRISMA-S log), their ranked PMIDs and per-PMID fetch progress."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from reviewkit.records import Record
from reviewkit.store import records as record_rows
from reviewkit.store.db import Store, holds_integer, now


@dataclass(frozen=True)
class SearchRun:
    id: int
    search_name: str
    database: str
    interface: str
    query: str
    full_query: str
    query_translation: str | None
    limits: str
    started_at: str
    ended_at: str | None
    count: int | None
    status: str
    message: str | None
    slices: int
    batch: str | None = None  # the `search run` command it belongs to (schema 55 on)
    snapshot: str = ""  # the local server's snapshot files ('' for NCBI)


@dataclass(frozen=True)
class FetchedRow:
    """One PMID as a run saw it: status, the record it maps to, and its metadata then."""

    pmid: str
    status: str
    record_id: int | None
    fingerprint: str
    changed_fields: list[str]
    data: str | None


def _run(row: object) -> SearchRun:
    return SearchRun(**dict(row))  # type: ignore[call-overload]


def start_run(
    db: Store,
    *,
    search_name: str,
    database: str,
    interface: str,
    query: str,
    full_query: str,
    limits: dict,
    batch: str | None = None,
) -> int:
    """Log the start of a run (its own transaction); returns the run id."""
    with db.transaction():
        cur = db.conn.execute(
            "INSERT INTO search_runs (search_name, database, interface, query, full_query, limits,"
            " started_at, status, batch) VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?)",
            (
                search_name,
                database,
                interface,
                query,
                full_query,
                json.dumps(limits, sort_keys=True),
                now(),
                batch,
            ),
        )
        return int(cur.lastrowid)


def set_result(
    db: Store,
    run_id: int,
    *,
    count: int,
    translation: str,
    pmids: list[str],
    slices: int,
    snapshot: str = "",
) -> None:
    """Store what esearch returned: count, translation and the ranked PMIDs (one transaction)."""
    with db.transaction():
        db.conn.execute(
            "UPDATE search_runs SET count = ?, query_translation = ?, slices = ?, snapshot = ?"
            " WHERE id = ?",
            (count, translation, slices, snapshot, run_id),
        )
        db.conn.executemany(
            "INSERT INTO search_run_pmids (run_id, rank, pmid) VALUES (?, ?, ?)",
            [(run_id, rank, pmid) for rank, pmid in enumerate(pmids, start=1)],
        )


def finish_run(db: Store, run_id: int, *, status: str, message: str = "") -> None:
    with db.transaction():
        db.conn.execute(
            "UPDATE search_runs SET status = ?, message = ?, ended_at = ? WHERE id = ?",
            (status, message or None, now(), run_id),
        )


def get_run(db: Store, run_id: int) -> SearchRun | None:
    if not holds_integer(run_id):  # a run number typed by hand; none has such an id
        return None
    row = db.conn.execute("SELECT * FROM search_runs WHERE id = ?", (run_id,)).fetchone()
    return _run(row) if row else None


def list_runs(
    db: Store, search_name: str | None = None, *, status: str | None = None
) -> list[SearchRun]:
    """Runs in start order, optionally of one search and/or one status."""
    sql, params = "SELECT * FROM search_runs WHERE 1=1", []
    if search_name:
        sql += " AND search_name = ?"
        params.append(search_name)
    if status:
        sql += " AND status = ?"
        params.append(status)
    return [_run(r) for r in db.conn.execute(sql + " ORDER BY id", params)]


def previous_complete_run(db: Store, search_name: str, run_id: int) -> SearchRun | None:
    """The search's last complete run before run ``run_id`` (what a rerun is compared with)."""
    earlier = [r for r in list_runs(db, search_name, status="complete") if r.id < run_id]
    return earlier[-1] if earlier else None


def resumable_run(
    db: Store, *, search_name: str, full_query: str, interface: str
) -> SearchRun | None:
    """The latest run of this search if it did not complete but has its PMID list stored."""
    row = db.conn.execute(
        "SELECT * FROM search_runs WHERE search_name = ? ORDER BY id DESC LIMIT 1", (search_name,)
    ).fetchone()
    if (
        row is None
        or row["status"] == "complete"
        or row["full_query"] != full_query
        or row["interface"] != interface
    ):
        return None
    has_pmids = db.conn.execute(
        "SELECT 1 FROM search_run_pmids WHERE run_id = ? LIMIT 1", (row["id"],)
    ).fetchone()
    return _run(row) if has_pmids or row["count"] == 0 else None


def reopen_run(db: Store, run_id: int) -> None:
    with db.transaction():
        db.conn.execute(
            "UPDATE search_runs SET status = 'running', message = NULL, ended_at = NULL WHERE id = ?",
            (run_id,),
        )


def run_pmids(db: Store, run_id: int) -> list[str]:
    """The PMIDs of a run in rank order."""
    return [
        r[0]
        for r in db.conn.execute(
            "SELECT pmid FROM search_run_pmids WHERE run_id = ? ORDER BY rank", (run_id,)
        )
    ]


def fetched(db: Store, run_id: int) -> dict[str, FetchedRow]:
    """Every PMID this run has fetched so far."""
    return {
        r["pmid"]: _fetched_row(r)
        for r in db.conn.execute("SELECT * FROM search_run_records WHERE run_id = ?", (run_id,))
    }


def known_to_search(db: Store, search_name: str, before_run: int) -> dict[str, FetchedRow]:
    """For each PMID earlier runs of this search fetched: the latest row (its view of the record)."""
    rows = db.conn.execute(
        "SELECT f.* FROM search_run_records f JOIN search_runs s ON s.id = f.run_id"
        " WHERE s.search_name = ? AND f.run_id < ? AND f.status <> 'unavailable' ORDER BY f.run_id",
        (search_name, before_run),
    )
    return {r["pmid"]: _fetched_row(r) for r in rows}  # in run order: the latest row wins


def _fetched_row(r: sqlite3.Row) -> FetchedRow:
    return FetchedRow(
        r["pmid"],
        r["status"],
        r["record_id"],
        r["fingerprint"],
        json.loads(r["changed_fields"]),
        r["data"],
    )


def record_data(db: Store, row: FetchedRow) -> str:
    """The record's JSON as a run saw it."""
    if row.data is not None:
        return row.data
    found = db.conn.execute("SELECT data FROM records WHERE id = ?", (row.record_id,)).fetchone()
    return found["data"] if found else "{}"


def store_batch(
    db: Store,
    run_id: int,
    new: list[Record],
    rows: Iterable[FetchedRow],
    completed: Iterable[tuple[int, list[str], tuple[str, str]]] = (),
) -> None:
    """Store a fetched batch in one transaction: new records, then a progress row per PMID.

    ``rows`` for new records carry ``record_id=None``; it is filled in from the insert.
    ``completed``: (record id, NLM's categories of its sections, the run message saying so) of
    stored records the batch completed (:mod:`reviewkit.searches.categories`).
    """
    stamp = now()
    completed = list(completed)
    with db.transaction():
        record_rows.add_section_categories(db, run_id, [(rid, cats) for rid, cats, _ in completed])
        add_messages(db, run_id, [message for _, _, message in completed])
        ids = dict(
            zip(
                (r.pmid for r in new),
                record_rows.add_records(db, new, search_run_id=run_id),
                strict=True,
            )
        )
        db.conn.executemany(
            "INSERT INTO search_run_records (run_id, pmid, status, record_id, fingerprint, changed_fields,"
            " data, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    run_id,
                    r.pmid,
                    r.status,
                    r.record_id if r.record_id is not None else ids.get(r.pmid),
                    r.fingerprint,
                    json.dumps(r.changed_fields),
                    r.data,
                    stamp,
                )
                for r in rows
            ],
        )


def run_record_ids(db: Store, run_id: int) -> list[int]:
    """Ids of the records a run stored (its new records)."""
    return [
        r[0]
        for r in db.conn.execute(
            "SELECT id FROM records WHERE search_run_id = ? ORDER BY id", (run_id,)
        )
    ]


def search_record_counts(db: Store) -> list[tuple[str, int, int]]:
    """(database, run id, records stored) for every run that stored records."""
    rows = db.conn.execute(
        "SELECT s.database, s.id, COUNT(r.id) FROM search_runs s JOIN records r ON r.search_run_id = s.id"
        " GROUP BY s.id ORDER BY s.id"
    )
    return [(r[0], r[1], r[2]) for r in rows]


def add_messages(db: Store, run_id: int, messages: Iterable[tuple[str, str]]) -> None:
    """Append (kind, text) messages to a run's log, whole, after those it has."""
    with db.transaction():
        start = db.conn.execute(
            "SELECT COALESCE(MAX(seq), 0) FROM search_run_messages WHERE run_id = ?", (run_id,)
        ).fetchone()[0]
        db.conn.executemany(
            "INSERT INTO search_run_messages (run_id, seq, kind, text, added_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [(run_id, start + i, k, t, now()) for i, (k, t) in enumerate(messages, start=1)],
        )


def run_messages(db: Store, run_id: int) -> list[tuple[str, str]]:
    """A run's messages (kind, text), in the order they came."""
    return [
        (r[0], r[1])
        for r in db.conn.execute(
            "SELECT kind, text FROM search_run_messages WHERE run_id = ? ORDER BY seq", (run_id,)
        )
    ]
