"""The review queue and a person's decisions on it: verdicts, splits, undo.

A person's 'different' holds for whole clusters (:func:`merge_refusal`). Links are only ever
appended (see :mod:`reviewkit.store.duplicates`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from reviewkit.errors import UserError
from reviewkit.records import Record
from reviewkit.store import duplicates as links
from reviewkit.store import records as record_rows
from reviewkit.store.db import Store

PERSON_VERDICTS = ("duplicate", "not_duplicate")


@dataclass(frozen=True)
class QueuePair:
    a: int
    b: int
    score: float | None
    rule: str


def review_queue(db: Store) -> list[QueuePair]:
    """Uncertain pairs still in two different clusters, strongest first."""
    cmap = links.canonical_map(db)
    pending = [
        lk
        for lk in links.current_links(db, "uncertain")
        if cmap.get(lk.record_a) != cmap.get(lk.record_b)
    ]
    pending.sort(key=lambda lk: (-(lk.score or 0.0), lk.id))
    return [QueuePair(lk.record_a, lk.record_b, lk.score, _queued_by(db, lk)) for lk in pending]


def _queued_by(db: Store, link: links.Link) -> str:
    """The rule that sent a pair to review; a person's undo puts the pair back under it."""
    if not link.made_by.startswith("person:"):
        return link.made_by.removeprefix("rule:")
    history = links.link_history(db, link.record_a, link.record_b)
    rules = [h.made_by for h in history if h.made_by.startswith("rule:")]
    return rules[-1].removeprefix("rule:") if rules else link.made_by


# The fields a person compares for a queued pair, in this order: the review screen shows them
# side by side and the queue sheet (``dedup review --csv``) writes them for each record.
PAIR_FIELDS = (
    *("title", "authors", "year", "journal", "volume", "issue", "pages"),
    *("doi", "pmid", "pmcid", "source", "origin"),
)


def pair_records(db: Store, a: int, b: int) -> dict[int, Record]:
    """The two records of a queued pair, by id (what the review screen shows side by side)."""
    return record_rows.get_records(db, (a, b))


def person_id(person: str) -> str:
    """'ann' -> 'person:ann' (the made_by of her links); refuses an empty name."""
    person = (person or "").strip()
    if not person:
        raise UserError("a reviewer name is needed", hint="pass --reviewer NAME")
    return "person:" + person


def _check_records(db: Store, *ids: int) -> None:
    found = record_rows.get_records(db, ids)
    missing = [str(i) for i in ids if i not in found]
    if missing:
        raise UserError(f"no record with id {', '.join(missing)}")


def decide_pair(db: Store, a: int, b: int, verdict: str, person: str) -> int:
    """A person's verdict on a pair ('duplicate' or 'not_duplicate'), committed at once.

    A person's 'different' holds for the clusters too: a 'duplicate' that would put two
    records a person said differ into one cluster is refused, and so is a 'different' on
    two records already in one cluster through others (split one of them first).
    """
    if verdict not in PERSON_VERDICTS:
        raise UserError(f"verdict must be one of {', '.join(PERSON_VERDICTS)}, not {verdict!r}")
    if a == b:
        raise UserError("a record cannot be a duplicate of itself")
    made_by = person_id(person)
    _check_records(db, a, b)
    why = merge_refusal(db, a, b) if verdict == "duplicate" else _apart_refusal(db, a, b)
    if why:
        raise UserError(why[0], hint=why[1])
    with db.transaction():
        return links.add_link(db, a, b, verdict, made_by=made_by, reason="review")


def _members(cmap: dict[int, int], record_id: int) -> set[int]:
    canonical = cmap.get(record_id, record_id)
    return {r for r, c in cmap.items() if c == canonical} | {record_id}


def merge_refusal(db: Store, a: int, b: int) -> tuple[str, str] | None:
    """Why the clusters of ``a`` and ``b`` may not become one ((message, hint)), or None:
    a person said a record of the one and a record of the other differ."""
    cmap = links.canonical_map(db)
    side_a, side_b = _members(cmap, a), _members(cmap, b)
    if side_a & side_b:
        return None
    for lk in links.current_links(db, "not_duplicate"):
        if not lk.made_by.startswith("person:"):
            continue
        x, y = lk.record_a, lk.record_b
        if (x in side_a and y in side_b) or (x in side_b and y in side_a):
            who = lk.made_by.removeprefix("person:")
            return (
                f"records {a} and {b} cannot be merged: {who} said records {x} and {y} differ,"
                f" and they would end up in one cluster",
                f"undo that verdict, or split {x} or {y} from its cluster first",
            )
    return None


def _apart_refusal(db: Store, a: int, b: int) -> tuple[str, str] | None:
    cmap = links.canonical_map(db)
    direct = [lk for lk in links.current_links_of(db, a) if {lk.record_a, lk.record_b} == {a, b}]
    joined_directly = any(lk.verdict == "duplicate" for lk in direct)
    if cmap.get(a) == cmap.get(b) and not joined_directly:
        return (
            f"records {a} and {b} are in one cluster through other records",
            f"split one of them first: reviewkit dedup split {b}",
        )
    return None


def split(db: Store, record_id: int, person: str) -> int:
    """Take a record out of its cluster (undo its merges); returns the number of links broken."""
    made_by = person_id(person)
    _check_records(db, record_id)
    dup = [lk for lk in links.current_links_of(db, record_id) if lk.verdict == "duplicate"]
    if not dup:
        raise UserError(f"record {record_id} is not merged with any other record")
    reason = f"split {record_id} [{uuid.uuid4().hex[:8]}]"
    with db.transaction():
        links.add_links(
            db, ((lk.record_a, lk.record_b, "not_duplicate", None, made_by, reason) for lk in dup)
        )
    return len(dup)


def undo_last(db: Store, person: str) -> list[links.Link]:
    """Undo this person's last action (a verdict or a split) by appending the previous verdicts.

    Returns the links that were undone (empty when there is nothing to undo).
    """
    made_by = person_id(person)
    mine = links.links_by(db, made_by)
    undone = {int(lk.reason.split()[-1]) for lk in mine if lk.reason.startswith("undo of link ")}
    target = next(
        (lk for lk in mine if not lk.reason.startswith("undo of link ") and lk.id not in undone),
        None,
    )
    if target is None:
        return []
    group = (
        [lk for lk in mine if lk.reason == target.reason and lk.id not in undone]
        if target.reason.startswith("split ")
        else [target]
    )
    rows = []
    for lk in group:
        history = [h for h in links.link_history(db, lk.record_a, lk.record_b) if h.id < lk.id]
        before = history[-1] if history else None
        verdict = before.verdict if before else "uncertain"
        rows.append(
            (
                lk.record_a,
                lk.record_b,
                verdict,
                before.score if before else None,
                made_by,
                f"undo of link {lk.id}",
            )
        )
    with db.transaction():
        links.add_links(db, rows)
    return group
