"""Dedup stage functions: run, review queue, decisions, undo, split, merged view, report.

:func:`match` is the matching core (keys → blocks → verdicts → guarded clusters); it works on
plain keys so the benchmark runs exactly the code that :func:`run_dedup` runs on a project.
Links are only ever appended (see :mod:`reviewkit.store.duplicates`).
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reviewkit import outputs
from reviewkit.dedup.block import candidate_pairs
from reviewkit.dedup.cluster import GuardedClusters, guarded_merge
from reviewkit.dedup.normalise import Keys, keys_for
from reviewkit.dedup.rules import RULES, compare
from reviewkit.dedup.score import DUPLICATE, UNCERTAIN, Context, PairVerdict
from reviewkit.errors import UserError
from reviewkit.records import Record, normalise_title
from reviewkit.store import duplicates as links
from reviewkit.store import records as record_rows
from reviewkit.store.db import Store

Progress = Callable[[int, int], None]
SHARED_DOI_TITLES = 3  # a DOI on this many different titles is a supplement's, not one paper's
PERSON_VERDICTS = ("duplicate", "not_duplicate")


# --- the matching core -------------------------------------------------------------------


@dataclass
class MatchResult:
    """What one matching pass found (nothing written yet)."""

    pairs_compared: int = 0
    rules: Counter = field(default_factory=Counter)  # rule -> pairs it decided
    accepted: list[PairVerdict] = field(default_factory=list)  # duplicate edges kept
    uncertain: list[PairVerdict] = field(default_factory=list)  # for the review queue
    refused: int = 0  # duplicate edges the chaining guard sent to review


def shared_dois(keys: Iterable[Keys]) -> frozenset[str]:
    """DOIs that sit on many records with different titles (e.g. a supplement of abstracts)."""
    titles: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        if k.doi:
            titles[k.doi].add(k.title_ns[:20])
    return frozenset(doi for doi, ts in titles.items() if len(ts) >= SHARED_DOI_TITLES)


def match(
    keys: dict[int, Keys],
    new: set[int] | None = None,
    *,
    existing: Iterable[tuple[int, int]] = (),
    cannot_link: Iterable[tuple[int, int]] = (),
    progress: Progress | None = None,
) -> MatchResult:
    """Compare candidate pairs (only those touching ``new`` when given) and cluster them.

    ``existing`` are duplicate links already in force (kept as they are); ``cannot_link`` are
    pairs a person said are different — no cluster may contain both.
    """
    ctx = Context(shared_dois(keys.values()))
    guard = GuardedClusters(keys, cannot_link, ctx.shared_dois)
    for a, b in existing:
        guard.union(a, b)
    pairs = list(candidate_pairs(keys.values(), new))
    result = MatchResult(pairs_compared=len(pairs))
    duplicates: list[PairVerdict] = []
    uncertain: list[PairVerdict] = []
    step = max(1, len(pairs) // 100)
    for i, (a, b) in enumerate(pairs):
        verdict = compare(keys[a], keys[b], ctx)
        result.rules[verdict.rule] += 1
        if verdict.verdict == DUPLICATE:
            duplicates.append(verdict)
        elif verdict.verdict == UNCERTAIN:
            uncertain.append(verdict)
        if progress and i % step == 0:
            progress(i, len(pairs))
    accepted, refused = guarded_merge(guard, duplicates)
    result.accepted = accepted
    result.refused = len(refused)
    for edge, _why in refused:
        uncertain.append(
            PairVerdict(edge.a, edge.b, edge.score, UNCERTAIN, "chain_guard:" + edge.rule)
        )
    result.uncertain = [u for u in uncertain if guard.find(u.a) != guard.find(u.b)]
    if progress:
        progress(len(pairs), len(pairs))
    return result


# --- running on a project ----------------------------------------------------------------


@dataclass
class DedupResult:
    run_id: int | None
    new_records: int
    pairs_compared: int
    duplicates: int  # duplicate links written by rules in this run
    uncertain: int  # pairs sent to the review queue
    refused: int  # duplicate pairs the chaining guard sent to review instead
    rules: dict[str, int]
    records: int
    studies: int


def run_dedup(db: Store, progress: Progress | None = None) -> DedupResult:
    """Match records not yet processed against all records; write links in one transaction."""
    done = links.processed_ids(db)
    keys = {rid: keys_for(rid, rec) for rid, rec in record_rows.iter_records(db)}
    new_ids = set(keys) - done
    if not new_ids:
        studies = len(links.study_ids(db))
        return DedupResult(None, 0, 0, 0, 0, 0, {}, len(keys), studies)
    current = links.current_links(db)
    existing = [(lk.record_a, lk.record_b) for lk in current if lk.verdict == "duplicate"]
    cannot = [
        (lk.record_a, lk.record_b)
        for lk in current
        if lk.verdict == "not_duplicate" and lk.made_by.startswith("person:")
    ]
    result = match(
        keys, new_ids if done else None, existing=existing, cannot_link=cannot, progress=progress
    )
    with db.transaction():
        run_id = links.start_dedup_run(db)
        links.add_links(
            db, ((e.a, e.b, "duplicate", e.score, "rule:" + e.rule, "") for e in result.accepted)
        )
        links.add_links(
            db, ((u.a, u.b, "uncertain", u.score, "rule:" + u.rule, "") for u in result.uncertain)
        )
        links.mark_processed(db, sorted(new_ids), run_id)
        links.finish_dedup_run(
            db,
            run_id,
            new_records=len(new_ids),
            pairs_compared=result.pairs_compared,
            duplicates=len(result.accepted),
            uncertain=len(result.uncertain),
            refused=result.refused,
        )
    return DedupResult(
        run_id,
        len(new_ids),
        result.pairs_compared,
        len(result.accepted),
        len(result.uncertain),
        result.refused,
        dict(result.rules),
        len(keys),
        len(links.study_ids(db)),
    )


# --- the review queue and decisions ------------------------------------------------------


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


# --- merged view and report --------------------------------------------------------------


@dataclass
class MergedRecord:
    canonical_id: int
    member_ids: list[int]
    title: str
    year: int | None
    journal: str
    authors: list[str]
    dois: list[str]
    pmids: list[str]
    pmcids: list[str]
    sources: list[str]
    origins: list[str]


def cluster_members(db: Store, record_id: int) -> tuple[int, list[int]]:
    """(canonical id, member ids) of the cluster holding ``record_id``."""
    cmap = links.canonical_map(db)
    if record_id not in cmap:
        raise UserError(f"no record with id {record_id}")
    canonical = cmap[record_id]
    return canonical, sorted(r for r, c in cmap.items() if c == canonical)


def _best_title(recs: list[Record]) -> str:
    titled = [r.title for r in recs if r.title]
    if not titled:
        return ""
    counts = Counter(normalise_title(t) for t in titled)
    return max(titled, key=lambda t: (not t.startswith("["), counts[normalise_title(t)], len(t)))


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def merged_view(db: Store, canonical_id: int) -> MergedRecord:
    """One view of a cluster: best title, all identifiers, all sources."""
    canonical, members = cluster_members(db, canonical_id)
    by_id = record_rows.get_records(db, members)
    recs = [by_id[m] for m in members]
    years = Counter(r.year for r in recs if r.year)
    return MergedRecord(
        canonical_id=canonical,
        member_ids=members,
        title=_best_title(recs),
        year=years.most_common(1)[0][0] if years else None,
        journal=max((r.journal for r in recs), key=len, default=""),
        authors=max((r.authors for r in recs), key=len, default=[]),
        dois=_unique(r.doi for r in recs),
        pmids=_unique(r.pmid for r in recs),
        pmcids=_unique(r.pmcid for r in recs),
        sources=_unique(r.source for r in recs),
        origins=_unique(r.origin for r in recs),
    )


@dataclass
class DedupReport:
    records: int
    studies: int
    clusters: int  # clusters with two or more records
    removed_automatically: int
    removed_by_hand: int
    pending_review: int
    runs: int


def dedup_report(db: Store) -> DedupReport:
    """Counts for PRISMA: duplicates removed by rules and by people, and what is left to review."""
    current = links.current_links(db, "duplicate")
    ids = [r for r in links.canonical_map(db)]
    guard = GuardedClusters({})
    auto = by_hand = 0
    for lk in sorted(current, key=lambda lk: not lk.made_by.startswith("rule:")):
        if guard.find(lk.record_a) != guard.find(lk.record_b):
            guard.union(lk.record_a, lk.record_b)
            if lk.made_by.startswith("rule:"):
                auto += 1
            else:
                by_hand += 1
    studies = len(ids) - auto - by_hand
    clusters = len({guard.find(x) for lk in current for x in (lk.record_a, lk.record_b)})
    return DedupReport(
        len(ids), studies, clusters, auto, by_hand, len(review_queue(db)), links.dedup_run_count(db)
    )


@dataclass(frozen=True)
class RuleCount:
    rule: str
    why: str
    merges: int  # duplicate links in force that this rule made
    queued: int  # pairs waiting for review that this rule sent there


def rule_report(db: Store) -> list[RuleCount]:
    """Per rule of the table (in its order), then per chaining-guard refusal: the merges in
    force that it made and the pairs it sent to the review queue."""
    merges = Counter(
        lk.made_by.removeprefix("rule:")
        for lk in links.current_links(db, "duplicate")
        if lk.made_by.startswith("rule:")
    )
    queued = Counter(q.rule for q in review_queue(db))
    rows = [RuleCount(r.name, r.why, merges.pop(r.name, 0), queued.pop(r.name, 0)) for r in RULES]
    for name in sorted(set(merges) | set(queued)):
        why = "a merge the chaining guard held back" if name.startswith("chain_guard:") else ""
        rows.append(RuleCount(name, why, merges[name], queued[name]))
    return rows


CSV_COLUMNS = (
    "cluster",
    "record_id",
    "canonical",
    "source",
    "origin",
    "title",
    "year",
    "doi",
    "pmid",
    "linked_by",
)


def write_clusters_csv(db: Store, path: Path) -> int:
    """One row per record in a cluster of two or more; returns the number of clusters."""
    cmap = links.canonical_map(db)
    clusters: dict[int, list[int]] = defaultdict(list)
    for rid, canonical in cmap.items():
        clusters[canonical].append(rid)
    multi = {c: sorted(m) for c, m in clusters.items() if len(m) > 1}
    made_by: dict[int, set[str]] = defaultdict(set)
    for lk in links.current_links(db, "duplicate"):
        made_by[lk.record_a].add(lk.made_by)
        made_by[lk.record_b].add(lk.made_by)
    recs = record_rows.get_records(db, [r for m in multi.values() for r in m])
    # atomic, formula-looking titles neutralised, errors name the path (reviewkit.outputs)
    with outputs.open_atomic(path, newline="") as fh:
        writer = outputs.csv_writer(fh)
        writer.writerow(CSV_COLUMNS)
        for canonical in sorted(multi):
            for rid in multi[canonical]:
                r = recs[rid]
                writer.writerow(
                    (
                        canonical,
                        rid,
                        int(rid == canonical),
                        r.source,
                        r.origin,
                        r.title,
                        r.year or "",
                        r.doi,
                        r.pmid,
                        ";".join(sorted(made_by[rid])),
                    )
                )
    return len(multi)
