"""The pairs a person's 'different' settles with it, and those a split or a merge reopens.

A person's 'different' holds for whole clusters: the open pairs between the two clusters close
with it (:func:`follow_ups`), each written as a 'not_duplicate' whose reason names the pair it
follows from ('follows from a-b', :data:`FOLLOWS`), under the same action tag
(:func:`action_tag`) so that undo reopens them together. A split, or a merge of the pair itself,
takes them back (:func:`reopen_rows`, :func:`own_different`). Links are only ever appended (see
:mod:`reviewkit.store.duplicates`): these functions return the rows to write.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable

from reviewkit.store import duplicates as links
from reviewkit.store.db import Store


def action_tag() -> str:
    """The mark every link of one action carries in its reason (undo takes them together)."""
    return f"[{uuid.uuid4().hex[:8]}]"


FOLLOWS = "follows from "


FOLLOWS_RE = re.compile(r"^follows from (\d+)-(\d+) ")


def follow_ups(
    cmap: dict[int, int], a: int, b: int, open_links: Iterable[links.Link]
) -> list[links.Link]:
    """The open pairs a person's 'different' on ``a``–``b`` settles too: those between a
    record of ``a``'s cluster and a record of ``b``'s (the pair itself excluded).

    Saying a record differs from one member of a cluster says it differs from the cluster:
    the members are one record, so asking again for each of them asks the same question.
    """
    ca, cb = cmap.get(a, a), cmap.get(b, b)
    if ca == cb:
        return []
    return [
        lk
        for lk in open_links
        if {lk.record_a, lk.record_b} != {a, b}
        and {cmap.get(lk.record_a, lk.record_a), cmap.get(lk.record_b, lk.record_b)} == {ca, cb}
    ]


def closing_rows(
    closed: Iterable[links.Link], a: int, b: int, made_by: str, tag: str
) -> list[tuple[int, int, str, float | None, str, str]]:
    """Rows closing ``closed`` as following from a person's 'different' on ``a``–``b``."""
    lo, hi = min(a, b), max(a, b)
    return [
        (lk.record_a, lk.record_b, "not_duplicate", lk.score, made_by, f"{FOLLOWS}{lo}-{hi} {tag}")
        for lk in closed
    ]


def closed_by_merge(
    db: Store, cmap: dict[int, int], a: int, made_by: str, tag: str, current: list[links.Link]
) -> list[tuple[int, int, str, float | None, str, str]]:
    """After a merge: the open pairs between the new cluster and a cluster that a person said
    differs from one of its records close, as following from that person's 'different'.
    ``current``: the open pairs and 'different's read before the merge (a-b is one cluster now)."""
    members = links.members_of(db, (a,))
    open_links = [lk for lk in current if lk.verdict == "uncertain"]
    rows: list[tuple[int, int, str, float | None, str, str]] = []
    seen: set[tuple[int, int]] = set()
    for lk in (c for c in current if c.verdict == "not_duplicate"):
        x, y = lk.record_a, lk.record_b
        direct = bool(lk.person) and not FOLLOWS_RE.match(lk.reason)
        if direct and (x in members) != (y in members):
            closed = [
                c
                for c in follow_ups(cmap, x, y, open_links)
                if (c.record_a, c.record_b) not in seen
            ]
            seen.update((c.record_a, c.record_b) for c in closed)
            rows.extend(closing_rows(closed, x, y, made_by, tag))
    return rows


def reopen_rows(
    db: Store,
    cmap: dict[int, int],
    made_by: str,
    reason: str,
    different: Iterable[links.Link] | None = None,
) -> list[tuple[int, int, str, float | None, str, str]]:
    """Reopen the pairs closed as following from a 'different' whose premise a split broke.

    A pair x–y closed because a person said a–b differ rests on x being one record with a
    and y with b. When a split (or a 'different' on a direct merge) takes x out of a's
    cluster, nobody has judged x against y: the pair goes back to the queue with the verdict
    it had before. The person's own 'different' on a–b stays: it was about those two records,
    and a split does not change what they are. ``cmap`` is the clustering after the split;
    ``different``: the current 'not_duplicate' links, when the caller has them.
    """
    broken = []
    for lk in links.current_links(db, "not_duplicate") if different is None else different:
        premise = _follows(lk) if lk.person else None
        if premise is None:
            continue
        ca, cb = cmap.get(premise[0]), cmap.get(premise[1])
        if {cmap.get(lk.record_a), cmap.get(lk.record_b)} == {ca, cb}:
            continue  # still one record with each side of the 'different'
        broken.append(lk)
    return restored_rows(db, broken, made_by, reason)


def own_different(
    different: Iterable[links.Link], a: int, b: int, made_by: str | None
) -> list[links.Link]:
    """``made_by``'s own 'different' on the very pair ``a``–``b`` and the pairs closed as
    following from it (their 'follows from a-b' links), the verdict first; empty when they
    gave none. A merge of a–b by that person replaces all of them: the closed pairs said only
    that the records of the two clusters differ because a and b do. ``different``: the current
    'not_duplicate' links."""
    if made_by is None:
        return []
    mine = [lk for lk in different if lk.made_by == made_by]
    direct = [lk for lk in mine if {lk.record_a, lk.record_b} == {a, b}]
    if not direct:
        return []
    lo, hi = min(a, b), max(a, b)
    followed = [lk for lk in mine if _follows(lk) == (lo, hi)]
    return direct[:1] + followed


def _follows(lk: links.Link) -> tuple[int, int] | None:
    """The pair whose 'different' closed ``lk`` (its reason 'follows from a-b'), or None."""
    m = FOLLOWS_RE.match(lk.reason)
    return (int(m[1]), int(m[2])) if m else None


def restored_rows(
    db: Store, closed: Iterable[links.Link], made_by: str, reason: str
) -> list[tuple[int, int, str, float | None, str, str]]:
    """Rows giving each of ``closed`` the verdict it had before it was closed ('uncertain'
    when it had none)."""
    rows = []
    for lk in closed:
        history = [h for h in links.link_history(db, lk.record_a, lk.record_b) if h.id < lk.id]
        before = history[-1] if history else None
        verdict = before.verdict if before else "uncertain"
        score = before.score if before else lk.score
        rows.append((lk.record_a, lk.record_b, verdict, score, made_by, reason))
    return rows
