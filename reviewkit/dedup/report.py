"""What dedup has done, for people and for PRISMA: the merged view of a cluster, the counts,
merges and queued pairs per rule, and the clusters as CSV."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reviewkit import outputs, safe_csv, sheet_columns
from reviewkit.dedup.cluster import GuardedClusters
from reviewkit.dedup.pair_queue import questions, review_queue
from reviewkit.dedup.rule_why import rule_why
from reviewkit.dedup.rules import RULES
from reviewkit.errors import no_record
from reviewkit.records import Record, normalise_doi, normalise_title
from reviewkit.store import duplicates as links
from reviewkit.store import records as record_rows
from reviewkit.store.db import Store


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
        raise no_record(record_id)
    canonical = cmap[record_id]
    return canonical, sorted(r for r, c in cmap.items() if c == canonical)


def _best_title(recs: list[Record]) -> str:
    titled = [r.title for r in recs if r.title]
    if not titled:
        return ""
    counts = Counter(normalise_title(t) for t in titled)
    return max(titled, key=lambda t: (not t.startswith("["), counts[normalise_title(t)], len(t)))


def _unique(values: Iterable[str], fold: Callable[[str], str] = str) -> list[str]:
    """Each value once, in order, the first spelling of those ``fold`` makes equal."""
    first: dict[str, str] = {}
    for v in values:
        if v:
            first.setdefault(fold(v), v)
    return list(first.values())


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
        dois=_unique((r.doi for r in recs), normalise_doi),  # kept as written, one per DOI
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
    pending_review: int  # questions waiting for a person (pair_queue.questions)
    runs: int


def dedup_report(db: Store) -> DedupReport:
    """Counts for PRISMA: duplicates removed by rules and by people, and what is left to review."""
    current = links.current_links(db, "duplicate")
    ids = [r for r in links.canonical_map(db)]
    guard = GuardedClusters({})
    auto = by_hand = 0
    for lk in sorted(current, key=lambda lk: not lk.rule):
        if guard.find(lk.record_a) != guard.find(lk.record_b):
            guard.union(lk.record_a, lk.record_b)
            if lk.rule:
                auto += 1
            else:
                by_hand += 1
    studies = len(ids) - auto - by_hand
    clusters = len({guard.find(x) for lk in current for x in (lk.record_a, lk.record_b)})
    return DedupReport(
        len(ids),
        studies,
        clusters,
        auto,
        by_hand,
        len(questions(review_queue(db))),
        links.dedup_run_count(db),
    )


@dataclass(frozen=True)
class RuleCount:
    rule: str
    why: str
    merges: int  # duplicate links in force that this rule made
    queued: int  # questions waiting for review that this rule sent there (pair_queue.questions)


def rule_report(db: Store) -> list[RuleCount]:
    """Per rule of the table (in its order), then per chaining-guard refusal: the merges in
    force that it made and the questions it sent to the review queue (one pair each,
    :func:`~reviewkit.dedup.pair_queue.questions`)."""
    merges = Counter(lk.rule for lk in links.current_links(db, "duplicate") if lk.rule)
    queued = Counter(q.rule for q in questions(review_queue(db)))
    rows = [RuleCount(r.name, r.why, merges.pop(r.name, 0), queued.pop(r.name, 0)) for r in RULES]
    for name in sorted(set(merges) | set(queued)):
        why = rule_why(name) or ""  # a chaining-guard refusal; '' for a rule no longer in RULES
        rows.append(RuleCount(name, why, merges[name], queued[name]))
    return rows


CSV_COLUMNS = sheet_columns.CLUSTERS_SHEET_COLUMNS


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
        writer = safe_csv.csv_writer(fh)
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
