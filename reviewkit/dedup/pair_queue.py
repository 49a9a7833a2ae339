"""The review queue: the uncertain pairs a person answers, one per question, and what a
person is shown of each pair (its fields, the kind of each record). A person's verdicts on it:
:mod:`.review`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewkit.formats.kinds import KINDS, types_beside
from reviewkit.records import Record
from reviewkit.store import duplicates as links
from reviewkit.store import records as record_rows
from reviewkit.store.db import Store


@dataclass(frozen=True)
class QueuePair:
    """A pair of records waiting for a person's verdict, as :func:`review_queue` reads it."""

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
    # its types do not say: a grey report from RIS has no types, only 'report' (formats.kinds);
    # with it, no type that says only "journal article" (TY CONF, M3 'Journal Article': one kind)
    named = [KINDS.get(rec.kind, rec.kind)] if rec.kind else []
    return "; ".join([*named, *types_beside(rec.kind, kinds)])


def pair_records(db: Store, a: int, b: int) -> dict[int, Record]:
    """The two records of a queued pair, by id (what the review screen shows side by side)."""
    return record_rows.get_records(db, (a, b))
