"""Undo in the review queue: a person's last action taken back by appending the verdicts
before it.

An action is every link written under one tag (:func:`~reviewkit.dedup.follow_ups.action_tag`):
a verdict with the pairs that followed from it, a split with the pairs it reopened, a read
queue sheet with all its verdicts. A pair someone else settled since keeps their verdict and
is named once, by the undo that passes over it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewkit.dedup.follow_ups import FOLLOWS, FOLLOWS_RE, reopen_rows
from reviewkit.dedup.live_clusters import Clusters, clusters_now
from reviewkit.dedup.review import person_id
from reviewkit.store import duplicates as links
from reviewkit.store.db import Store

_TAG_RE = re.compile(r"\[[0-9a-f]{8}\]$")
_UNDO_RE = re.compile(r"undo of link (\d+)$")


def undo_last(db: Store, person: str) -> list[links.Link]:
    """Undo this person's last action (a verdict, a split or a read queue sheet) by appending
    the previous verdicts.

    An action is every link written under one tag: a 'different' with the pairs that followed
    from it, a split with the pairs it reopened, a sheet with all its verdicts. Returns the
    links that were undone, the person's own verdict first (empty when there is nothing to
    undo). See :func:`take_back`.
    """
    return take_back(db, person).links


def pending_undo(db: Store, person: str) -> list[tuple[int, int, str, str]]:
    """What :func:`undo_last` would do now, written nowhere: per pair of the person's last
    action, (record a, record b, its verdict now, its verdict after the undo)."""
    made_by = person_id(person)
    group, _kept = _last_action(db, made_by)
    return [
        (lk.record_a, lk.record_b, lk.verdict, _restore_row(db, lk, made_by)[2]) for lk in group
    ]


@dataclass(frozen=True)
class Undone:
    """What :func:`take_back` did: the links undone (the person's own verdict first), the
    pairs it left as someone else settled them since, and the clusters after it."""

    links: list[links.Link]
    kept: list[links.Link]
    clusters: Clusters


def take_back(db: Store, person: str, known: Clusters | None = None) -> Undone:
    """:func:`undo_last`, handing back the clusters after it (worked out again only where the
    undo changed them, from ``known``: see :func:`clusters_now`).

    A pair someone else gave a verdict since the action keeps that verdict (it is in
    ``kept``, the caller says so; an action whose pairs were all settled again by others is
    passed over, so undo goes on to the one before); a pair closed as following from a
    'different' whose premise the undo broke (another reviewer's, given after a merge this
    undoes) reopens."""
    made_by = person_id(person)
    with db.transaction():  # read and write under the write lock (two reviewers, one file)
        group, kept = _last_action(db, made_by)
        rows = [_restore_row(db, lk, made_by) for lk in group]
        links.add_links(db, rows)
        now = clusters_now(db, known)
        if group:
            reopened = reopen_rows(db, now.map, made_by, f"reopened by undo of link {group[0].id}")
            if links.add_links(db, reopened):
                now = clusters_now(db, now)
    return Undone(group, kept, now)


def _last_action(db: Store, made_by: str) -> tuple[list[links.Link], list[links.Link]]:
    """The links of ``made_by``'s newest action not yet undone, the verdict first; and the
    links of it, or of newer actions, that someone else has settled again since (theirs
    stands: they are not undone, and an action left with none is passed over)."""
    mine = links.links_by(db, made_by)  # newest first
    undos = [(lk.id, int(m[1])) for lk in mine if (m := _UNDO_RE.search(lk.reason))]
    undone = {n for _u, n in undos}
    candidates = [lk for lk in mine if not _UNDO_RE.search(lk.reason) and lk.id not in undone]
    by_id = {lk.id: lk for lk in mine}
    cache: dict[int, int] = {}  # link id -> id of the other's link that settled it since (0)

    def superseded(lk: links.Link) -> int:
        if lk.id not in cache:
            history = links.link_history(db, lk.record_a, lk.record_b)
            since = [h.id for h in history if h.id > lk.id and h.made_by != made_by]
            cache[lk.id] = since[0] if since else 0
        return cache[lk.id]

    target = next((lk for lk in candidates if not superseded(lk)), None)
    if target is None:
        kept = [lk for lk in candidates if cache.get(lk.id)]
        return [], _not_told(kept, undos, cache, by_id)
    tag = _TAG_RE.search(target.reason)
    group = [c for c in candidates if c.reason.endswith(tag[0])] if tag else [target]
    kept = [c for c in candidates if c.id > target.id and cache.get(c.id)]
    kept += [c for c in group if c.id < target.id and superseded(c)]
    group = [c for c in group if not superseded(c)]
    group.sort(key=lambda c: (c.reason.startswith(FOLLOWS), c.id))  # the verdict first
    return group, _not_told(kept, undos, cache, by_id)


def _not_told(
    kept: list[links.Link],
    undos: list[tuple[int, int]],
    settled_at: dict[int, int],
    mine: dict[int, links.Link],
) -> list[links.Link]:
    """The kept links no earlier undo has named: an undo written after another person settled
    the pair again named it when it passed over it (it undid an older link) or undid the rest
    of its action. ``undos``: (undo link id, the id it undid); ``settled_at``: link id -> the
    other's link settling it since."""

    def told(lk: links.Link) -> bool:
        tag = _TAG_RE.search(lk.reason)
        return any(
            u > settled_at[lk.id]
            and (n < lk.id or (tag is not None and mine[n].reason.endswith(tag[0])))
            for u, n in undos
            if n in mine
        )

    return [lk for lk in kept if not told(lk)]


def _restore_row(
    db: Store, lk: links.Link, made_by: str
) -> tuple[int, int, str, float | None, str, str]:
    """The row putting the pair of ``lk`` back to its verdict before ``lk`` (one place for
    :func:`take_back` and for :func:`pending_undo`, so the effect shown is the undo made)."""
    history = [h for h in links.link_history(db, lk.record_a, lk.record_b) if h.id < lk.id]
    before = history[-1] if history else None
    # a pair closed as following from a 'different' keeps saying so when an undo restores
    # it, so that a later split still reopens it (see reopen_rows)
    follows = FOLLOWS_RE.match(before.reason) if before else None
    return (
        lk.record_a,
        lk.record_b,
        before.verdict if before else "uncertain",
        before.score if before else None,
        made_by,
        (f"{follows[0]}" if follows else "") + f"undo of link {lk.id}",
    )
