"""A person's decisions on the review queue (:mod:`.pair_queue`): verdicts and splits (undo:
:mod:`.undo`).

A person's 'different' holds for whole clusters: a merge it forbids is refused
(:func:`~reviewkit.dedup.verdict_refusals.merge_refusal`), and the open pairs between the two
clusters close with it (:func:`~reviewkit.dedup.follow_ups.follow_ups`), each written as a
'not_duplicate' whose reason names the pair it follows from, under the same action tag so that
undo reopens them together. Links are only ever appended (see :mod:`reviewkit.store.duplicates`).
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewkit.dedup.follow_ups import (
    action_tag,
    closed_by_merge,
    closing_rows,
    follow_ups,
    own_different,
    reopen_rows,
    restored_rows,
)
from reviewkit.dedup.live_clusters import Clusters, clusters_now
from reviewkit.dedup.pair_queue import QueuePair
from reviewkit.dedup.verdict_refusals import (
    apart_refusal,
    merge_refusal,
    refuse_anothers,
    refuse_settled,
)
from reviewkit.errors import UserError, command_line, no_record
from reviewkit.store import duplicates as links
from reviewkit.store import records as record_rows
from reviewkit.store.db import Store

PERSON_VERDICTS = ("duplicate", "not_duplicate")


def person_id(person: str) -> str:
    """'ann' -> 'person:ann' (the made_by of her links); refuses an empty name."""
    person = (person or "").strip()
    if not person:
        raise UserError("a reviewer name is needed", hint="pass --reviewer NAME")
    return links.PERSON + person


def check_records(db: Store, *ids: int) -> None:
    """UserError naming the ids of ``ids`` that have no record."""
    found = record_rows.get_records(db, ids)
    missing = [i for i in ids if i not in found]
    if missing:
        raise no_record(*missing)


def decide_pair(db: Store, a: int, b: int, verdict: str, person: str) -> int:
    """A person's verdict on a pair ('duplicate' or 'not_duplicate'), committed at once;
    returns the link id of the verdict.

    A person's 'different' holds for the clusters too: a 'duplicate' that would put two
    records a person said differ into one cluster is refused, and so is a 'different' on
    two records already in one cluster through others (split one of them first). A
    'different' also closes the open pairs between the two records' clusters
    (:func:`~reviewkit.dedup.follow_ups.follow_ups`), and a merge those between the new
    cluster and a cluster a person said differs from one of its records; undo reopens them
    with it. A pair another person settled is refused
    (:class:`~reviewkit.dedup.verdict_refusals.SettledMeanwhile`): their verdict stands until
    they undo it or a split changes it, so two reviewers never settle one pair in
    contradicting ways.
    """
    return judge_pair(db, a, b, verdict, person).link_id


@dataclass(frozen=True)
class Judged:
    """A verdict written by :func:`judge_pair`: its link id, and the clusters after it
    (``review_queue(db, judged.clusters.map)``; the ids tell clusters apart only)."""

    link_id: int
    clusters: Clusters


def judge_pair(
    db: Store,
    a: int,
    b: int,
    verdict: str,
    person: str,
    known: Clusters | None = None,
    shown: QueuePair | None = None,
) -> Judged:
    """:func:`decide_pair`, also handing back the clusters after it, so that a caller showing
    the next pair need not build them again. ``known``: the clusters the caller has (brought
    up to date here, see :func:`clusters_now`). ``shown``: the queued pair as the caller showed
    it; when another reviewer settled it meanwhile, nothing is written and the
    :class:`~reviewkit.dedup.verdict_refusals.SettledMeanwhile` error says who settled it and
    how."""
    if verdict not in PERSON_VERDICTS:
        raise UserError(f"verdict must be one of {', '.join(PERSON_VERDICTS)}, not {verdict!r}")
    if a == b:
        raise UserError("a record cannot be a duplicate of itself")
    made_by = person_id(person)
    check_records(db, a, b)
    tag = action_tag()
    # read and write under the write lock: another reviewer's verdict cannot come in between
    with db.transaction():
        now = clusters_now(db, known)
        cmap = now.map
        # the open pairs and the 'different's, read once: the verdict below changes only the
        # pair a-b among them, and the checks and follow-ups after it leave that pair out
        current = links.current_links(db, ("uncertain", "not_duplicate"))
        open_links = [lk for lk in current if lk.verdict == "uncertain"]
        different = [lk for lk in current if lk.verdict == "not_duplicate"]
        if shown is not None:
            refuse_settled(db, shown, cmap, different)
        else:
            refuse_anothers(db, a, b, made_by)
        if verdict == "duplicate":
            why = merge_refusal(db, a, b, different, made_by)
        else:
            why = apart_refusal(db, a, b, cmap, person)
        if why:
            raise UserError(why[0], hint=why[1])
        link_id = links.add_link(db, a, b, verdict, made_by=made_by, reason=f"review {tag}")
        cmap = _after(db, cmap, a, b, verdict)
        if verdict == "not_duplicate":
            closed = follow_ups(cmap, a, b, open_links)
            links.add_links(db, closing_rows(closed, a, b, made_by, tag))
            # a 'different' on a direct merge may split a cluster; the pairs just closed rest
            # on clusters as they are, and a-b is now this person's own 'different'
            others = [lk for lk in different if {lk.record_a, lk.record_b} != {a, b}]
            reopened = reopen_rows(db, cmap, made_by, f"review {tag}", others)
            links.add_links(db, reopened)
            if any(row[2] == "duplicate" for row in reopened):  # a reopened merge joins again
                cmap = links.recluster(db, cmap, {x for row in reopened for x in row[:2]})
        else:
            # the pairs closed with this person's own 'different' on a-b rested on it: the
            # merge replaces that verdict, so they go back to what they were before it
            followed = own_different(different, a, b, made_by)[1:]
            links.add_links(db, restored_rows(db, followed, made_by, f"review {tag}"))
            links.add_links(db, closed_by_merge(db, cmap, a, made_by, tag, current))
        mark = links.last_link_id(db)
    return Judged(link_id, Clusters(cmap, mark))


def _after(db: Store, cmap: dict[int, int], a: int, b: int, verdict: str) -> dict[int, int]:
    """The clusters once the verdict on a–b is written, from those before it (``cmap``):
    a merge joins the two; a 'different' changes nothing unless it broke a direct merge."""
    ca, cb = cmap.get(a, a), cmap.get(b, b)
    if verdict == "duplicate" or ca == cb:  # the two clusters only (not a scan of the map)
        return links.recluster(db, cmap, (a, b))
    return cmap


def replaced_by_merge(db: Store, a: int, b: int, person: str) -> list[links.Link]:
    """What ``person``'s merge of ``a`` and ``b`` would replace: their own 'different' on
    the pair and the pairs closed with it (:func:`~reviewkit.dedup.follow_ups.own_different`),
    for the caller to show."""
    different = links.current_links(db, "not_duplicate")
    return own_different(different, a, b, person_id(person))


def split(db: Store, record_id: int, person: str) -> int:
    """Take a record out of its cluster (undo its merges); returns the number of links broken.

    Pairs that were closed only because the record was one with a record a person said
    differs from another reopen with the split (see
    :func:`~reviewkit.dedup.follow_ups.reopen_rows`).
    """
    made_by = person_id(person)
    check_records(db, record_id)
    reason = f"split {record_id} {action_tag()}"
    # read and write under the write lock: a merge another reviewer makes meanwhile is split too
    with db.transaction():
        dup = [lk for lk in links.current_links_of(db, record_id) if lk.verdict == "duplicate"]
        if not dup:
            raise UserError(
                f"record {record_id} is not merged with any other record",
                hint="split takes a record out of the cluster it was merged into;"
                f" '{command_line('dedup report --csv FILE')}' lists the clusters",
            )
        links.add_links(
            db, ((lk.record_a, lk.record_b, "not_duplicate", None, made_by, reason) for lk in dup)
        )
        links.add_links(db, reopen_rows(db, links.canonical_map(db), made_by, reason))
    return len(dup)
