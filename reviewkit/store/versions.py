"""Rows of review_versions: the versions of the review the team recorded (append-only)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from reviewkit.store.db import Store, now


@dataclass(frozen=True)
class ReviewVersion:
    id: int
    name: str
    recorded_at: str
    last_record_id: int  # every record stored by then has an id up to this
    included_studies: int
    included_reports: int
    included_records: tuple[int, ...]  # every record of the studies included then


def add_version(
    db: Store, name: str, studies: int, reports: int, records: list[int]
) -> ReviewVersion:
    """Record a version named ``name`` (the caller checked that the name is free)."""
    with db.transaction():
        last = db.conn.execute("SELECT COALESCE(MAX(id), 0) FROM records").fetchone()[0]
        db.conn.execute(
            "INSERT INTO review_versions (name, recorded_at, last_record_id, included_studies,"
            " included_reports, included_records) VALUES (?, ?, ?, ?, ?, ?)",
            (name, now(), last, studies, reports, json.dumps(sorted(records))),
        )
    return list_versions(db)[-1]


def list_versions(db: Store) -> list[ReviewVersion]:
    """Every recorded version, oldest first."""
    return [
        ReviewVersion(
            r["id"],
            r["name"],
            r["recorded_at"],
            r["last_record_id"],
            r["included_studies"],
            r["included_reports"],
            tuple(json.loads(r["included_records"])),
        )
        for r in db.query("SELECT * FROM review_versions ORDER BY id")
    ]
