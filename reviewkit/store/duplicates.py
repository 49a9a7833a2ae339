"""Rows of duplicate_links: pairwise verdicts, append-only; the newest row for a pair wins.

The canonical record of a cluster is its lowest record id; a record with no 'duplicate'
link is its own cluster. Every stage that counts studies (screening, PRISMA, reports) goes
through :func:`canonical_map` so that all agree on what one study is.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from reviewkit.store.db import Store, now

VERDICTS = ("duplicate", "not_duplicate", "uncertain")


@dataclass(frozen=True)
class Link:
    id: int
    record_a: int
    record_b: int
    verdict: str
    score: float | None
    made_by: str  # 'rule:<name>' or 'person:<name>'
    reason: str
    created_at: str


def add_link(db: Store, a: int, b: int, verdict: str, *, made_by: str, score: float | None = None, reason: str = "") -> int:
    """Append a verdict for the pair (a, b) (order does not matter); returns the row id."""
    if verdict not in VERDICTS:
        raise ValueError(f"verdict must be one of {VERDICTS}")
    if a == b:
        raise ValueError("a record cannot be linked to itself")
    lo, hi = (a, b) if a < b else (b, a)
    cur = db.conn.execute(
        "INSERT INTO duplicate_links (record_a, record_b, verdict, score, made_by, reason, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (lo, hi, verdict, score, made_by, reason, now()),
    )
    return int(cur.lastrowid)


def current_links(db: Store, verdict: str | None = None) -> list[Link]:
    """The newest verdict of every pair, optionally only those with ``verdict``."""
    sql = (
        "SELECT l.* FROM duplicate_links l JOIN ("
        " SELECT record_a, record_b, MAX(id) AS last FROM duplicate_links GROUP BY record_a, record_b"
        ") m ON l.id = m.last"
    )
    params: tuple = ()
    if verdict:
        sql += " WHERE l.verdict = ?"
        params = (verdict,)
    return [Link(**dict(r)) for r in db.query(sql + " ORDER BY l.id", params)]


def link_history(db: Store, a: int, b: int) -> list[Link]:
    lo, hi = (a, b) if a < b else (b, a)
    rows = db.query("SELECT * FROM duplicate_links WHERE record_a = ? AND record_b = ? ORDER BY id", (lo, hi))
    return [Link(**dict(r)) for r in rows]


def canonical_map(db: Store) -> dict[int, int]:
    """record id -> canonical record id (lowest id of its duplicate cluster), for every record."""
    graph = nx.Graph()
    graph.add_nodes_from(r[0] for r in db.conn.execute("SELECT id FROM records"))
    graph.add_edges_from((link.record_a, link.record_b) for link in current_links(db, "duplicate"))
    mapping: dict[int, int] = {}
    for component in nx.connected_components(graph):
        canonical = min(component)
        for rid in component:
            mapping[rid] = canonical
    return mapping


def study_ids(db: Store) -> list[int]:
    """Canonical record ids, one per study, in id order."""
    return sorted(set(canonical_map(db).values()))
