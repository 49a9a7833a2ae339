"""Dedup stage functions: run, review queue, decisions, undo, split, merged view, report.

:func:`run_dedup` runs the matching core (:mod:`.matching`) on a project's records and writes
its links; the review queue and a person's decisions are in :mod:`.review`, the merged view
and the counts in :mod:`.report`, all named here as the stage functions of dedup.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewkit.dedup.concerns_kept import keep_project_concerns
from reviewkit.dedup.matching import MatchResult, Progress, match, shared_dois
from reviewkit.dedup.normalise import keys_for
from reviewkit.dedup.pair_queue import PAIR_FIELDS, QueuePair, pair_records, questions, review_queue
from reviewkit.dedup.report import (
    CSV_COLUMNS,
    DedupReport,
    MergedRecord,
    RuleCount,
    cluster_members,
    dedup_report,
    merged_view,
    rule_report,
    write_clusters_csv,
)
from reviewkit.dedup.review import PERSON_VERDICTS, check_records, decide_pair, person_id, split
from reviewkit.dedup.undo import undo_last
from reviewkit.dedup.verdict_refusals import merge_refusal
from reviewkit.errors import UserError
from reviewkit.store import duplicates as links
from reviewkit.store import records as record_rows
from reviewkit.store.db import Store

__all__ = [
    "CSV_COLUMNS",
    "PAIR_FIELDS",
    "PERSON_VERDICTS",
    "DedupReport",
    "DedupResult",
    "MatchResult",
    "MergedRecord",
    "Progress",
    "QueuePair",
    "RuleCount",
    "check_merge",
    "cluster_members",
    "decide_pair",
    "dedup_report",
    "match",
    "merge_records",
    "merge_refusal",
    "merged_view",
    "pair_records",
    "person_id",
    "questions",
    "review_queue",
    "rule_report",
    "run_dedup",
    "shared_dois",
    "split",
    "undo_last",
    "write_clusters_csv",
]


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
    # the questions those pairs ask a person (pair_queue.questions: two copies of a record queued
    # against a third are one question), as the review screen and the sheet show them
    questions: int = 0


def run_dedup(db: Store, progress: Progress | None = None) -> DedupResult:
    """Match records not yet processed against all records; write links in one transaction."""
    done = links.processed_ids(db)
    keys = {rid: keys_for(rid, rec) for rid, rec in record_rows.iter_records(db)}
    new_ids = set(keys) - done
    keep_project_concerns(db)  # the notices about the records, for status and the screen
    if not new_ids:
        studies = len(links.study_ids(db))
        return DedupResult(None, 0, 0, 0, 0, 0, {}, len(keys), studies)
    current = links.current_links(db)
    existing = [
        (
            lk.record_a,
            lk.record_b,
            lk.rule or "person",
        )
        for lk in current
        if lk.verdict == "duplicate"
    ]
    cannot = [
        (lk.record_a, lk.record_b) for lk in current if lk.verdict == "not_duplicate" and lk.person
    ]
    result = match(
        keys, new_ids if done else None, existing=existing, cannot_link=cannot, progress=progress
    )
    with db.transaction():
        run_id = links.start_dedup_run(db)
        links.add_links(
            db, ((e.a, e.b, "duplicate", e.score, links.RULE + e.rule, "") for e in result.accepted)
        )
        links.add_links(
            db,
            ((u.a, u.b, "uncertain", u.score, links.RULE + u.rule, "") for u in result.uncertain),
            result.guard_reasons,
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
    queued = {(u.a, u.b) for u in result.uncertain}
    asked = {q.clusters for q in review_queue(db) if (q.a, q.b) in queued}
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
        len(asked),
    )


def check_merge(db: Store, a: int, b: int, person: str | None = None) -> bool:
    """Whether records ``a`` and ``b`` are one record already (True: nothing to merge).

    Refused with a UserError, before anything is shown or asked: an id with no record, a
    record merged with itself, and two clusters a person's 'different' holds apart (a record
    of the one said to differ from a record of the other; see
    :func:`~reviewkit.dedup.verdict_refusals.merge_refusal`; ``person``'s own 'different' on a-b
    itself does not hold: their merge replaces it)."""
    if a == b:
        raise UserError(f"records {a} and {b} are one record", hint="give two different records")
    check_records(db, a, b)
    if b in links.members_of(db, (a,)):
        return True
    made_by = person_id(person) if person is not None else None
    why = merge_refusal(db, a, b, links.current_links(db, "not_duplicate"), made_by)
    if why:
        raise UserError(why[0], hint=why[1])
    return False


def merge_records(db: Store, a: int, b: int, person: str) -> int:
    """A person joins the clusters of ``a`` and ``b`` into one (``dedup merge``): a
    'duplicate' link made by the person, as the review's 's' writes it, so PRISMA counts
    it among the duplicates removed by hand and the review's undo takes it back. Checked
    again under the write lock (:func:`~reviewkit.dedup.review.decide_pair`); returns the
    link id."""
    return decide_pair(db, a, b, "duplicate", person)
