"""The review queue and a person's decisions on it: verdicts and splits (undo: :mod:`.undo`).

A person's 'different' holds for whole clusters: a merge it forbids is refused
(:func:`merge_refusal`), and the open pairs between the two clusters close with it
(:func:`follow_ups`), each written as a 'not_duplicate' whose reason names the pair it follows
from, under the same action tag so that undo reopens them together. Links are only ever
appended (see :mod:`reviewkit.store.duplicates`).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from reviewkit.dedup.live_clusters import Clusters, clusters_now
from reviewkit.errors import UserError, command_line, no_record
from reviewkit.formats.kinds import KINDS
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
    # the pair's newest link when it was queued (judge_pair's ``shown``); not part of equality
    link_id: int = field(default=0, compare=False)
    # why the chaining guard held back the merge ('different PMIDs', ...; '' for other rules)
    guard: str = field(default="", compare=False)
    # the two clusters the pair is between: the question a person answers (see questions)
    clusters: frozenset[int | None] = field(default=frozenset(), compare=False)


def questions(queue: list[QueuePair]) -> list[QueuePair]:
    """One pair per question, the strongest: two copies of a record (one cluster) queued
    against a third record ask one question, whether the two clusters are one record, and one
    verdict answers it for both pairs (a 'different' closes the other, a 'same' joins all).
    What a person is shown and counted: the review screen, the sheet, the counts."""
    seen: set[frozenset[int | None]] = set()
    out = []
    for q in queue:
        if q.clusters not in seen:
            seen.add(q.clusters)
            out.append(q)
    return out


def review_queue(db: Store, cmap: dict[int, int] | None = None) -> list[QueuePair]:
    """Uncertain pairs still in two different clusters that no person's 'different' holds
    apart, strongest first (every pair: :func:`questions` keeps one per two clusters).
    ``cmap``: the clusters (:func:`~reviewkit.store.duplicates.canonical_map`), when the
    caller has them."""
    cmap = cmap if cmap is not None else links.canonical_map(db)

    def ends(lk: links.Link) -> frozenset[int | None]:
        return frozenset((cmap.get(lk.record_a), cmap.get(lk.record_b)))

    # one read for both verdicts (not the merges: most links of a large project)
    current = links.current_links(db, ("uncertain", "not_duplicate"))
    # A person's verdict closes the pairs between the two clusters when it is given
    # (follow_ups); a later dedup run can still queue a new record that a rule merged into one
    # of them against the other, which would ask the person's question again.
    apart = {ends(lk) for lk in current if lk.verdict == "not_duplicate" and lk.person}
    pending = [
        lk
        for lk in current
        if lk.verdict == "uncertain" and len(ends(lk)) == 2 and ends(lk) not in apart
    ]
    pending.sort(key=lambda lk: (-(lk.score or 0.0), lk.id))
    queue = []
    for lk in pending:
        rule, guard = _queued_by(db, lk)
        queue.append(QueuePair(lk.record_a, lk.record_b, lk.score, rule, lk.id, guard, ends(lk)))
    return queue


def _queued_by(db: Store, link: links.Link) -> tuple[str, str]:
    """The rule that sent a pair to review, and the chaining guard's reason when the guard
    did; a person's undo puts the pair back under them."""
    if not link.person:
        return link.rule or link.made_by, link.guard_reason
    history = links.link_history(db, link.record_a, link.record_b)
    by_rule = [h for h in history if h.rule]
    return (by_rule[-1].rule, by_rule[-1].guard_reason) if by_rule else (link.made_by, "")


# The fields a person compares for a queued pair, in this order: the review screen shows them
# side by side and the queue sheet (``dedup review --csv``) writes them for each record. The
# abstract last: rules send pairs whose abstracts open differently (abstracts_differ_no_page,
# a meeting's abstract against the article…) to a person, who must be able to read them; last,
# so the short fields keep their rows above it on a small terminal.
PAIR_FIELDS = (
    *("title", "authors", "year", "journal", "volume", "issue", "pages"),
    *("doi", "pmid", "pmcid", "source", "origin", "abstract"),
)


def record_type(rec: Record) -> str:
    """What kind of record it is (journal article, conference abstract, erratum, letter, trial
    registration…): its publication types as the source gave them, less NLM's "Research
    Support, …" types, which name who paid for the work, not what kind of record it is."""
    kinds = [t for t in rec.publication_types if not t.casefold().startswith("research support")]
    # the kind its source named in a type field of its own (RIS TY, a BibTeX entry type), which
    # its types do not say: a grey report from RIS has no types, only 'report' (formats.kinds)
    named = KINDS.get(rec.kind, rec.kind)
    return "; ".join([named, *kinds] if named else kinds)


def pair_records(db: Store, a: int, b: int) -> dict[int, Record]:
    """The two records of a queued pair, by id (what the review screen shows side by side)."""
    return record_rows.get_records(db, (a, b))


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
    (:func:`follow_ups`), and a merge those between the new cluster and a cluster a person
    said differs from one of its records; undo reopens them with it. A pair another person
    settled is refused (:class:`SettledMeanwhile`): their verdict stands until they undo it
    or a split changes it, so two reviewers never settle one pair in contradicting ways.
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
    :class:`SettledMeanwhile` error says who settled it and how."""
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
            _refuse_settled(db, shown, cmap, different)
        else:
            _refuse_anothers(db, a, b, made_by)
        if verdict == "duplicate":
            why = merge_refusal(db, a, b, different, made_by)
        else:
            why = _apart_refusal(db, a, b, cmap)
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
            links.add_links(db, _restored(db, followed, made_by, f"review {tag}"))
            links.add_links(db, _closed_by_merge(db, cmap, a, made_by, tag, current))
        mark = links.last_link_id(db)
    return Judged(link_id, Clusters(cmap, mark))


class SettledMeanwhile(UserError):
    """The pair a reviewer answered was settled by someone else since it was shown."""


def _refuse_anothers(db: Store, a: int, b: int, made_by: str) -> None:
    """Refuse a verdict on a pair another person settled (their verdict stands until they, or
    a split, change it): two reviewers never settle one pair in contradicting ways."""
    history = links.link_history(db, a, b)
    last = history[-1] if history else None
    mine = last is None or last.made_by == made_by
    if not mine and last.person and last.verdict != "uncertain":
        _settled(a, b, last)


def _settled(a: int, b: int, last: links.Link) -> None:
    who = last.person or last.rule or last.made_by
    word = "same record" if last.verdict == "duplicate" else "different records"
    follows = FOLLOWS_RE.match(last.reason)
    if follows:  # closed with a 'different' on another pair of the two clusters
        word += f", as following from a 'different' on {follows[1]}–{follows[2]}"
    raise SettledMeanwhile(
        f"records {a} and {b} were settled meanwhile by {who}: {word}; nothing was written",
        hint="the next pair is shown; to change it, agree with them (dedup split, or undo)",
    )


def _refuse_settled(
    db: Store, shown: QueuePair, cmap: dict[int, int], different: list[links.Link]
) -> None:
    """Refuse a verdict on a pair that left the queue since it was shown (another reviewer's
    verdict on it, a merge that made it one record, a 'different' that holds it apart).
    ``different``: the current 'not_duplicate' links."""
    a, b = shown.a, shown.b
    history = links.link_history(db, a, b)
    last = history[-1] if history else None
    if last is not None and last.id != shown.link_id and last.verdict != "uncertain":
        _settled(a, b, last)
    if cmap.get(a, a) == cmap.get(b, b):
        raise SettledMeanwhile(
            f"records {a} and {b} were made one record meanwhile (a merge of their clusters);"
            " nothing was written",
            hint="the next pair is shown",
        )
    ends = {cmap.get(a, a), cmap.get(b, b)}
    for lk in different:
        if (
            lk.person
            and lk.id != shown.link_id
            and {cmap.get(lk.record_a, lk.record_a), cmap.get(lk.record_b, lk.record_b)} == ends
        ):
            raise SettledMeanwhile(
                f"records {a} and {b} were held apart meanwhile:"
                f" {lk.person} said records {lk.record_a} and"
                f" {lk.record_b} differ; nothing was written",
                hint="the next pair is shown",
            )


def _after(db: Store, cmap: dict[int, int], a: int, b: int, verdict: str) -> dict[int, int]:
    """The clusters once the verdict on a–b is written, from those before it (``cmap``):
    a merge joins the two; a 'different' changes nothing unless it broke a direct merge."""
    ca, cb = cmap.get(a, a), cmap.get(b, b)
    if verdict == "duplicate" or ca == cb:  # the two clusters only (not a scan of the map)
        return links.recluster(db, cmap, (a, b))
    return cmap


def _closed_by_merge(
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
    return _restored(db, broken, made_by, reason)


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


def replaced_by_merge(db: Store, a: int, b: int, person: str) -> list[links.Link]:
    """What ``person``'s merge of ``a`` and ``b`` would replace: their own 'different' on
    the pair and the pairs closed with it (:func:`own_different`), for the caller to show."""
    different = links.current_links(db, "not_duplicate")
    return own_different(different, a, b, person_id(person))


def _follows(lk: links.Link) -> tuple[int, int] | None:
    """The pair whose 'different' closed ``lk`` (its reason 'follows from a-b'), or None."""
    m = FOLLOWS_RE.match(lk.reason)
    return (int(m[1]), int(m[2])) if m else None


def _restored(
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


def merge_refusal(
    db: Store, a: int, b: int, different: Iterable[links.Link], made_by: str | None = None
) -> tuple[str, str] | None:
    """Why the clusters of ``a`` and ``b`` may not become one ((message, hint)), or None:
    a person said a record of the one and a record of the other differ. ``different``: the
    current 'not_duplicate' links. ``made_by``: who asks; their own 'different' on a-b itself
    does not hold: the new verdict on that pair replaces it (a person may change their mind
    about the two records they judged; another person's verdict is refused before this, see
    :func:`_refuse_anothers`)."""
    side_a = links.members_of(db, (a,))
    if b in side_a:
        return None  # one cluster already
    side_b = links.members_of(db, (b,))
    different = list(different)
    # their own verdict on this pair and the pairs closed with it, which the merge replaces
    replaced = {lk.id for lk in own_different(different, a, b, made_by)}
    for lk in different:
        if not lk.person or lk.id in replaced:
            continue
        x, y = lk.record_a, lk.record_b
        if (x in side_a and y in side_b) or (x in side_b and y in side_a):
            who = lk.person
            if {x, y} == {a, b}:  # a split would leave this verdict standing
                return (
                    f"records {a} and {b} cannot be merged: {who} said they differ",
                    f"only {who} can change that verdict (dedup merge or dedup review as"
                    f" {who}, or their undo)",
                )
            return (
                f"records {a} and {b} cannot be merged: {who} said records {x} and {y} differ,"
                f" and they would end up in one cluster",
                f"undo that verdict, or split {x} or {y} from its cluster first",
            )
    return None


def _apart_refusal(db: Store, a: int, b: int, cmap: dict[int, int]) -> tuple[str, str] | None:
    direct = [lk for lk in links.current_links_of(db, a) if {lk.record_a, lk.record_b} == {a, b}]
    joined_directly = any(lk.verdict == "duplicate" for lk in direct)
    if cmap.get(a) == cmap.get(b) and not joined_directly:
        return (
            f"records {a} and {b} are in one cluster through other records",
            f"split one of them first: {command_line(f'dedup split {b}')}",
        )
    return None


def split(db: Store, record_id: int, person: str) -> int:
    """Take a record out of its cluster (undo its merges); returns the number of links broken.

    Pairs that were closed only because the record was one with a record a person said
    differs from another reopen with the split (see :func:`reopen_rows`).
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
