"""Rows of duplicate_links: pairwise verdicts, append-only; the newest row for a pair wins.

The canonical record of a cluster is its lowest record id, except for a cluster of versions
(linked by a version rule: a Cochrane review's updates, a living review), whose canonical
record is the latest version (latest year, then the last imported); a record with no
'duplicate' link is its own cluster. Every stage that counts studies (screening, PRISMA, reports) goes
through :func:`canonical_map` so that all agree on what one study is.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import networkx as nx

from reviewkit.store.db import Store, now
from reviewkit.store.decisions import Decision

VERDICTS = ("duplicate", "not_duplicate", "uncertain")


RULE, PERSON = "rule:", "person:"  # the two kinds of made_by: 'rule:<name>', 'person:<name>'


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
    guard_reason: str = ""  # why the chaining guard queued a rule's merge ('' otherwise)

    @property
    def rule(self) -> str:
        """The name of the rule that made the link ('' when a person made it)."""
        return self.made_by[len(RULE) :] if self.made_by.startswith(RULE) else ""

    @property
    def person(self) -> str:
        """The name of the person who made the link ('' when a rule made it)."""
        return person_of(self.made_by)


def person_of(made_by: str) -> str:
    """The person's name in a link's made_by ('person:ann' -> 'ann'; '' for a rule's link)."""
    return made_by[len(PERSON) :] if made_by.startswith(PERSON) else ""


def add_link(
    db: Store,
    a: int,
    b: int,
    verdict: str,
    *,
    made_by: str,
    score: float | None = None,
    reason: str = "",
) -> int:
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


def current_links(db: Store, verdict: str | tuple[str, ...] | None = None) -> list[Link]:
    """The newest verdict of every pair, optionally only those with ``verdict`` (one, or any
    of several)."""
    sql = (
        "SELECT l.* FROM duplicate_links l JOIN ("
        " SELECT record_a, record_b, MAX(id) AS last FROM duplicate_links GROUP BY record_a, record_b"
        ") m ON l.id = m.last"
    )
    wanted = (verdict,) if isinstance(verdict, str) else tuple(verdict or ())
    if wanted:
        sql += f" WHERE l.verdict IN ({', '.join('?' * len(wanted))})"
    return [Link(**dict(r)) for r in db.query(sql + " ORDER BY l.id", wanted)]


def link_history(db: Store, a: int, b: int) -> list[Link]:
    lo, hi = (a, b) if a < b else (b, a)
    rows = db.query(
        "SELECT * FROM duplicate_links WHERE record_a = ? AND record_b = ? ORDER BY id", (lo, hi)
    )
    return [Link(**dict(r)) for r in rows]


# links whose rule says the two records are versions of one work (see reviewkit.dedup.rules)
VERSION_RULES = frozenset(["rule:doi_versions", "rule:living_review_versions"])


def canonical_map(db: Store) -> dict[int, int]:
    """record id -> canonical record id of its duplicate cluster, for every record."""
    return cluster_map(
        db, ((lk.record_a, lk.record_b, lk.made_by) for lk in current_links(db, "duplicate"))
    )


def cluster_map(db: Store, edges: Iterable[tuple[int, int, str]]) -> dict[int, int]:
    """record id -> canonical record id for the clusters that duplicate ``edges``
    (a, b, made_by) make: the lowest id, or the latest version in a cluster of versions."""
    graph = nx.Graph()
    graph.add_nodes_from(r[0] for r in db.conn.execute("SELECT id FROM records"))
    versions: set[int] = set()
    for a, b, made_by in edges:
        graph.add_edge(a, b)
        if made_by in VERSION_RULES:
            versions.update((a, b))
    return _canonicals(db, graph, versions)


def _canonicals(db: Store, graph: nx.Graph, versions: set[int]) -> dict[int, int]:
    """record id -> its cluster's canonical record for every record of ``graph`` (duplicate
    links as edges; ``versions``, the records of version links): the latest version (by year,
    then id) in a cluster of versions, else the lowest id."""
    years = _years(db, versions)
    mapping: dict[int, int] = {}
    for component in nx.connected_components(graph):
        if component & versions:
            canonical = max(component & versions, key=lambda r: (years.get(r) or 0, r))
        else:
            canonical = min(component)
        mapping.update(dict.fromkeys(component, canonical))
    return mapping


def last_link_id(db: Store) -> int:
    """The id of the newest link (0 when there is none): clusters worked out when this was the
    newest stay right until a link with a higher id is written (see :func:`links_after`)."""
    return int(db.conn.execute("SELECT COALESCE(MAX(id), 0) FROM duplicate_links").fetchone()[0])


def links_after(db: Store, link_id: int) -> list[Link]:
    """The links written after ``link_id``, oldest first."""
    rows = db.query("SELECT * FROM duplicate_links WHERE id > ? ORDER BY id", (link_id,))
    return [Link(**dict(r)) for r in rows]


def recluster(db: Store, cmap: dict[int, int], records: Iterable[int]) -> dict[int, int]:
    """:func:`canonical_map` after links on ``records`` changed, from the map before (``cmap``):
    only the clusters those records are in now are worked out again (from each member's
    current links), so a verdict on one pair does not read a 50,000-record project. Every
    record of a changed link must be in ``records``."""
    # Every record whose cluster may have changed is one with a record of those links through
    # links that did not change (follow its old cluster's path to the first changed link), so
    # the clusters of ``records`` now are all there is to work out.
    start = list(set(records))
    graph = nx.Graph()
    graph.add_nodes_from(start)
    versions: set[int] = set()
    for lk in _cluster_links(db, start, across_versions=True):
        graph.add_edge(lk.record_a, lk.record_b)
        if lk.made_by in VERSION_RULES:
            versions.update((lk.record_a, lk.record_b))
    return {**cmap, **_canonicals(db, graph, versions)}


# Links written since a map was worked out, above which one whole build is cheaper than
# following each link's records (a dedup run writes thousands; a person writes a handful).
REBUILD_AFTER = 500


def clusters_since(db: Store, cmap: dict[int, int], mark: int, newest: int) -> dict[int, int]:
    """``cmap`` (worked out when ``mark`` was :func:`last_link_id`) brought up to the links up
    to ``newest``: only the clusters of the records in the links written since are worked out
    again (:func:`recluster`), or the whole map when more than :data:`REBUILD_AFTER` were."""
    if newest - mark > REBUILD_AFTER:
        return canonical_map(db)
    touched = {x for lk in links_after(db, mark) for x in (lk.record_a, lk.record_b)}
    return recluster(db, cmap, touched) if touched else cmap


def _years(db: Store, ids: set[int]) -> dict[int, int | None]:
    if not ids:
        return {}
    rows = db.conn.execute(
        "SELECT id, year FROM records WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(ids)),),
    )
    return {r[0]: r[1] for r in rows}


def study_ids(db: Store) -> list[int]:
    """Canonical record ids, one per study, in id order."""
    return sorted(set(canonical_map(db).values()))


# --- bulk writes, person history and dedup runs (used by reviewkit.dedup) -----------------


def add_links(
    db: Store,
    rows: Iterable[tuple[int, int, str, float | None, str, str]],
    guard_reasons: dict[tuple[int, int], str] | None = None,
) -> int:
    """Append many links (a, b, verdict, score, made_by, reason) inside the caller's
    transaction; ``guard_reasons``: the chaining guard's reason for a pair (a, b) it queued."""
    stamp = now()
    guard_reasons = guard_reasons or {}
    values = []
    for a, b, verdict, score, made_by, reason in rows:
        if verdict not in VERDICTS or a == b:
            raise ValueError(f"bad link {a}-{b} {verdict}")
        lo, hi = (a, b) if a < b else (b, a)
        guard = guard_reasons.get((a, b)) or guard_reasons.get((b, a)) or ""
        values.append((lo, hi, verdict, score, made_by, reason, stamp, guard))
    db.conn.executemany(
        "INSERT INTO duplicate_links"
        " (record_a, record_b, verdict, score, made_by, reason, created_at, guard_reason)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        values,
    )
    return len(values)


def links_by(db: Store, made_by: str) -> list[Link]:
    """Every link ``made_by`` wrote, newest first."""
    rows = db.query("SELECT * FROM duplicate_links WHERE made_by = ? ORDER BY id DESC", (made_by,))
    return [Link(**dict(r)) for r in rows]


def current_links_of(db: Store, record_id: int) -> list[Link]:
    """The current verdict of every pair that involves ``record_id``."""
    rows = db.query(
        "SELECT l.* FROM duplicate_links l JOIN ("
        " SELECT MAX(id) AS last FROM duplicate_links WHERE record_a = ? OR record_b = ?"
        " GROUP BY record_a, record_b) m ON l.id = m.last ORDER BY l.id",
        (record_id, record_id),
    )
    return [Link(**dict(r)) for r in rows]


def cluster_at(
    db: Store, record_id: int, stamp: str | None, last_link: int | None = None
) -> set[int]:
    """The records of ``record_id``'s cluster as it stood at ``stamp`` (a stored time; None:
    any time): each pair's newest link made by then, followed link by link (a cluster is a few
    records). What a study held when a decision on it was given: a merge made since brought in
    the others. ``last_link``: only the links up to that id too, those in this file when the
    decision came into it (:func:`cluster_when_logged`)."""
    members, todo = {record_id}, [record_id]
    while todo:
        rid = todo.pop()
        rows = db.query(
            "SELECT id, created_at, record_a, record_b, verdict FROM duplicate_links"
            " WHERE record_a = ? OR record_b = ? ORDER BY id",
            (rid, rid),
        )
        newest = {  # the last wins
            (r["record_a"], r["record_b"]): r["verdict"]
            for r in rows
            if _stood(r["created_at"], r["id"], stamp, last_link)
        }
        for pair, verdict in newest.items():
            for other in pair:
                if verdict == "duplicate" and other not in members:
                    members.add(other)
                    todo.append(other)
    return members


def _stood(created_at: str, link_id: int, stamp: str | None, mark: int | None) -> bool:
    """Whether a link (its time and id) stood for a log entry given at ``stamp`` (None: any
    time) that came into this file when ``mark`` (:func:`link_mark`; None: no mark) was the
    newest link: the one rule of :func:`cluster_at` and :func:`stood_when_logged`."""
    return (stamp is None or created_at <= stamp) and (mark is None or link_id <= mark)


def link_mark(db: Store, entry_id: str) -> int | None:
    """The newest duplicate link's id in this file when the decisions log entry ``entry_id``
    came into it (made here or imported; 0: no link yet), None for an entry logged before
    schema 99 (migration 099_decision_link_marks)."""
    row = db.conn.execute(
        "SELECT m.last_link FROM decisions d JOIN decision_link_marks m ON m.entry_row = d.rowid"
        " WHERE d.id = ?",
        (entry_id,),
    ).fetchone()
    return None if row is None else int(row[0])


def stood_when_logged(
    link: Link, entry: Decision, mark: int | None, held: set[int] | None = None
) -> bool:
    """Whether ``link`` is one :func:`cluster_when_logged` counts for ``entry`` (``mark``: its
    :func:`link_mark`): made by its time and in this file when it came in; for a final whose
    copy said what its study held (``held``: :func:`held_in_copy`), one joining two of those."""
    if held is not None:
        return link.record_a in held and link.record_b in held
    return _stood(link.created_at, link.id, entry.created_at, mark)


def keep_held_in_copy(db: Store, held: dict[str, set[int]]) -> None:
    """Record, for each entry id of ``held`` (final decisions just logged by `decisions
    import`), the records its study held in the copy it was given in (migration 100)."""
    db.conn.executemany(
        "INSERT OR IGNORE INTO decision_study_records SELECT rowid, ? FROM decisions WHERE id = ?",
        [(rid, entry_id) for entry_id, ids in held.items() for rid in sorted(ids)],
    )


def held_in_copy(db: Store, entry_id: str) -> set[int] | None:
    """The records the study of final decision ``entry_id`` held in the copy it was given in,
    as its exported line named them (:func:`keep_held_in_copy`); None where that is not known
    (given in this file, or brought in from an export that did not say)."""
    rows = db.conn.execute(
        "SELECT s.record_id FROM decisions d JOIN decision_study_records s"
        " ON s.entry_row = d.rowid WHERE d.id = ?",
        (entry_id,),
    ).fetchall()
    return {int(r[0]) for r in rows} or None


def cluster_when_logged(db: Store, entry: Decision) -> set[int]:
    """The records the study of ``entry`` (a final decision) held when it was given: where
    its copy said so (an exported line's 'study_records': :func:`held_in_copy`), those;
    otherwise the links in this file when the entry came into it (:func:`link_mark`: the
    order of events here, one clock or none) and made by its time. A final brought in by
    `decisions import` from another machine, whose clock may run ahead, is not taken to have
    seen a merge made here after it came in; of the links here before it came, its time tells
    which its own copy may have held. An entry logged before schema 99: its time alone."""
    if (held := held_in_copy(db, entry.id)) is not None:
        return held
    return cluster_at(db, entry.record_id, entry.created_at, link_mark(db, entry.id))


def cluster_when_came(db: Store, entry: Decision) -> set[int] | None:
    """The records of the study of ``entry`` by the links in this file when it came into it,
    whatever their time (what a final brought in by `decisions import` may have seen, if its
    copy had the same links); None for an entry logged before schema 99."""
    mark = link_mark(db, entry.id)
    return None if mark is None else cluster_at(db, entry.record_id, None, mark)


def members_of(db: Store, record_ids: Iterable[int], *, across_versions: bool = True) -> set[int]:
    """The records of the clusters of ``record_ids``, followed link by link from them (a
    cluster is a few records: each read is of one record's links, not the whole project);
    ``across_versions=False``: not across a version rule's link (VERSION_RULES)."""
    start = list(dict.fromkeys(record_ids))  # record_ids may be an iterator: read once
    members = set(start)
    for lk in _cluster_links(db, start, across_versions=across_versions):
        members.update((lk.record_a, lk.record_b))
    return members


def _cluster_links(
    db: Store, record_ids: Iterable[int], *, across_versions: bool
) -> Iterator[Link]:
    """The current duplicate links of the clusters of ``record_ids``, followed link by link
    from them (each read is of one record's links); ``across_versions=False``: not across a
    version rule's link. A link is met from each of its records, so it may come twice."""
    todo = list(dict.fromkeys(record_ids))
    seen = set(todo)
    while todo:
        for lk in current_links_of(db, todo.pop()):
            if lk.verdict != "duplicate":
                continue
            if not across_versions and lk.made_by in VERSION_RULES:
                continue
            yield lk
            for r in (lk.record_a, lk.record_b):
                if r not in seen:
                    seen.add(r)
                    todo.append(r)


def start_dedup_run(db: Store) -> int:
    cur = db.conn.execute("INSERT INTO dedup_runs (started_at) VALUES (?)", (now(),))
    return int(cur.lastrowid)


def finish_dedup_run(
    db: Store,
    run_id: int,
    *,
    new_records: int,
    pairs_compared: int,
    duplicates: int,
    uncertain: int,
    refused: int,
) -> None:
    db.conn.execute(
        "UPDATE dedup_runs SET ended_at = ?, new_records = ?, pairs_compared = ?, duplicates = ?,"
        " uncertain = ?, refused = ? WHERE id = ?",
        (now(), new_records, pairs_compared, duplicates, uncertain, refused, run_id),
    )


def dedup_run_count(db: Store) -> int:
    return db.conn.execute("SELECT COUNT(*) FROM dedup_runs WHERE ended_at IS NOT NULL").fetchone()[
        0
    ]


def processed_ids(db: Store) -> set[int]:
    """Records that an earlier dedup run has already compared."""
    return {r[0] for r in db.conn.execute("SELECT record_id FROM dedup_processed")}


def mark_processed(db: Store, record_ids: Iterable[int], run_id: int) -> None:
    db.conn.executemany(
        "INSERT OR IGNORE INTO dedup_processed (record_id, run_id) VALUES (?, ?)",
        ((rid, run_id) for rid in record_ids),
    )


def current_person_links(db: Store, verdicts: tuple[str, ...]) -> list[Link]:
    """The pairs whose newest link a person made, with one of ``verdicts`` (those links): a
    person's links are few, each looked past by the pair's index for a later one, where
    :func:`current_links` works out the newest link of every pair (170 ms on 12,000 links)."""
    marks = ", ".join("?" * len(verdicts))
    rows = db.query(
        f"SELECT l.* FROM duplicate_links l WHERE l.made_by LIKE '{PERSON}%'"
        f" AND l.verdict IN ({marks}) AND NOT EXISTS (SELECT 1 FROM duplicate_links m"
        " WHERE m.record_a = l.record_a AND m.record_b = l.record_b AND m.id > l.id)"
        " ORDER BY l.id",
        verdicts,
    )
    return [Link(**dict(r)) for r in rows]
