"""Record look-ups for screening and decision exchange: by id, DOI, title text, portable keys."""

from __future__ import annotations

from collections.abc import Iterable

from reviewkit.store.db import Store, holds_integer, rows_in

RecordKey = tuple[str, str, str, int | None]  # (pmid, doi, title, year)


def record_exists(db: Store, record_id: int) -> bool:
    return holds_integer(record_id) and (
        db.conn.execute("SELECT 1 FROM records WHERE id = ?", (record_id,)).fetchone() is not None
    )


def ids_by_doi(db: Store, doi: str) -> list[int]:
    """Record ids with this (normalised) DOI, in id order."""
    return [
        r[0] for r in db.conn.execute("SELECT id FROM records WHERE doi = ? ORDER BY id", (doi,))
    ]


def ids_with_title_containing(db: Store, text: str) -> list[int]:
    """Record ids whose title contains ``text`` (case-insensitive for ASCII), in id order."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    sql = "SELECT id FROM records WHERE title LIKE ? ESCAPE '\\' ORDER BY id"
    return [r[0] for r in db.conn.execute(sql, (pattern,))]


def record_keys(db: Store, record_ids: Iterable[int]) -> dict[int, RecordKey]:
    """record id -> (pmid, doi, title, year) for the given records (their portable identity)."""
    sql = "SELECT id, pmid, doi, title, year FROM records WHERE id IN ({marks})"
    return {
        r["id"]: (r["pmid"], r["doi"], r["title"], r["year"]) for r in rows_in(db, sql, record_ids)
    }


def all_record_keys(db: Store) -> list[tuple[int, str, str, str, int | None]]:
    """(id, pmid, doi, title, year) of every record, in id order."""
    return [
        tuple(r) for r in db.query("SELECT id, pmid, doi, title, year FROM records ORDER BY id")
    ]
