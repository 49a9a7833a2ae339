"""Rows of study_links: reports of one study, suggested by rule and settled by a person.

Append-only like duplicate_links: the newest row for a pair (record_a < record_b, both the
canonical records of their duplicate clusters when written) is its current verdict.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reviewkit.store.db import Store, now

VERDICTS = ("suggested", "same_study", "different_study")


@dataclass(frozen=True)
class StudyLink:
    id: int
    record_a: int
    record_b: int
    verdict: str
    evidence: str  # the shared registration number(s), or a person's note
    made_by: str  # "rule:registration", "rule:<cues>" (study_cues) or "person:<name>"
    created_at: str


def add_study_links(db: Store, rows: Iterable[tuple[int, int, str, str, str]]) -> int:
    """Append links (a, b, verdict, evidence, made_by) inside the caller's transaction."""
    stamp = now()
    values = []
    for a, b, verdict, evidence, made_by in rows:
        if verdict not in VERDICTS or a == b:
            raise ValueError(f"bad study link {a}-{b} {verdict}")
        lo, hi = (a, b) if a < b else (b, a)
        values.append((lo, hi, verdict, evidence, made_by, stamp))
    db.conn.executemany(
        "INSERT INTO study_links (record_a, record_b, verdict, evidence, made_by, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        values,
    )
    return len(values)


def current_study_links(db: Store, verdict: str | None = None) -> list[StudyLink]:
    """The newest verdict of every pair, optionally only those with ``verdict``."""
    sql = (
        "SELECT l.* FROM study_links l JOIN ("
        " SELECT MAX(id) AS last FROM study_links GROUP BY record_a, record_b"
        ") m ON l.id = m.last"
    )
    params: tuple = ()
    if verdict:
        sql += " WHERE l.verdict = ?"
        params = (verdict,)
    return [StudyLink(**dict(r)) for r in db.query(sql + " ORDER BY l.id", params)]


def record_texts(db: Store) -> Iterator[tuple[int, str, str]]:
    """(record id, the record's JSON, its original text) of every record, for finding
    registration numbers wherever a format put them (PubMed's DataBankList, an abstract)."""
    for row in db.conn.execute("SELECT id, data, raw FROM records ORDER BY id"):
        raw = row[2]
        text = zlib.decompress(raw).decode("utf-8") if isinstance(raw, bytes) else raw or ""
        yield row[0], row[1], text
