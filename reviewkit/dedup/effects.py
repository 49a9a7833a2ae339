"""What a merge or a split would do to screening, shown before it is made.

A merge joins two studies and a split makes two of one; when their records were already
screened, the stage counts (and PRISMA with them) change. :func:`merge_effect` and
:func:`split_effect` compare each stage's outcomes under the clusters as they are and as
they would be, and name the decisions that would disagree (a conflict for the lead, see
:mod:`reviewkit.screening.merges`). Nothing is written here.
"""

from __future__ import annotations

import shlex
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial

from reviewkit.dedup.undo import pending_undo
from reviewkit.errors import command_line
from reviewkit.project import Project
from reviewkit.protocol_in_use import leads
from reviewkit.screening.lookup import full_text_record
from reviewkit.screening.merges import MergeConflict, merge_conflicts
from reviewkit.screening.outcomes import DerivedStages
from reviewkit.screening.rules import FINAL, VOTES, live_decisions, stage_names
from reviewkit.store import attachments as attachment_rows
from reviewkit.store import decisions as decision_rows
from reviewkit.store import duplicates as links
from reviewkit.store.db import holds_integer
from reviewkit.store.decisions import Decision

# a split part's outcome at the stage it stops at, as the preview words it (one that is not
# excluded was not: in conflict it goes to the lead, pending to its reviewers)
_STOOD = {"exclude": "was excluded", "conflict": "is in conflict", "pending": "is pending"}


@dataclass(frozen=True)
class Stranded:
    """Votes at ``stage`` on ``record`` whose part of a split study does not reach the stage
    (at ``stopped``, the stage before, its outcome is ``stood``: excluded, in conflict or
    pending), and the part that does and waits there for votes (0: none)."""

    record: int
    stage: str
    reviewers: tuple[str, ...]  # one a vote: who, never which way (blinding)
    stopped: str
    waits: int
    stood: str = "exclude"

    def line(self) -> str:
        n = len(self.reviewers)
        line = (
            f"record {self.record} carries {n} {self.stage} vote{'s' * (n != 1)}"
            f" ({', '.join(self.reviewers)}) of the merged study, logged on the study's id by an"
            f" earlier reviewkit: once split they count for no study (record {self.record}"
            f" {_STOOD.get(self.stood, 'is ' + self.stood)} at {self.stopped})"
        )
        if self.waits:
            line += (
                f", and record {self.waits} waits at {self.stage} for its reviewers' votes again"
            )
        return line


@dataclass(frozen=True)
class Blinding:
    """Who may read how each record of a merged study was decided at a stage (the one rule for
    the merge, split and undo previews and ``dedup report``): anyone once the stage is closed;
    while it is open (a study pending there) its leads only, as ``conflicts`` refuses a
    reviewer an open stage's conflicts. A name the protocol lists as neither (a login name
    given by default) is no lead: it is shown that records were decided apart, not how."""

    open: frozenset[str] = frozenset()  # the stages with a study pending
    leads: frozenset[str] = frozenset()  # who do not screen

    def hides(self, reader: str, stage: str) -> bool:
        """Whether how each record was decided at ``stage`` is hidden from ``reader``."""
        return stage in self.open and reader not in self.leads


def blinding(project: Project, open_stages: Iterable[str]) -> Blinding:
    """The :class:`Blinding` of ``project`` whose stages ``open_stages`` have a study pending.
    Its leads are the protocol's (:func:`reviewkit.protocol_in_use.leads`: of a protocol
    written before ``[review] leads`` existed, the names the logs hold that are no reviewer's)."""
    still = frozenset(open_stages)
    if not still:
        return Blinding()
    return Blinding(still, leads(project))


def open_stages(project: Project, derived: DerivedStages) -> list[str]:
    """The stages with a study pending (still screened: blinding holds there)."""
    return [
        st
        for st in stage_names(project.protocol)
        if any(o.status == "pending" for o in derived.outcomes(st).values())
    ]


@dataclass
class Effect:
    """Per stage, the counts that would change; and the conflicts the lead would get."""

    counts: list[tuple[str, str, int, int]] = field(
        default_factory=list
    )  # stage, what, before, after
    conflicts: list[MergeConflict] = field(default_factory=list)
    # (record, the study it leaves, the first stage): split out with no decisions of its own
    unscreened: list[tuple[int, int, str]] = field(default_factory=list)
    # (full text, the study it goes with, the record whose full-text decision it served when
    # that is in another part, else 0): a split study's attachment, each part's own
    full_texts: list[tuple[str, int, int]] = field(default_factory=list)
    # a later stage's votes a part carries that count for no study once split (a project made
    # before stop 37 logged a merged study's on its id, the copy excluded before that stage)
    stranded: list[Stranded] = field(default_factory=list)
    # conflicts open for the lead now that the change closes (a split: the records part)
    closed: list[MergeConflict] = field(default_factory=list)
    # who may read how each record of a conflict was decided (blinding)
    blinding: Blinding = field(default_factory=Blinding)

    def __bool__(self) -> bool:
        return bool(self.counts or self.conflicts or self.closed)

    def lines(self, reader: str = "") -> list[str]:
        """The change in words, for ``reader`` (the person making it): to one who screens a
        stage still open, a conflict's records are named without how each was decided."""
        # one line per stage, its counts after it: 'title-abstract: studies 360 -> 359,
        # pending 14 -> 13' (a stage's name before each count read twice on one line)
        by_stage: dict[str, list[str]] = {}
        for stage, what, a, b in self.counts:
            by_stage.setdefault(stage, []).append(f"{what} {a} -> {b}")
        out = [f"{stage}: {', '.join(changes)}" for stage, changes in by_stage.items()]
        out += [
            f"record {r} has no decisions of its own (it was screened as part of study {s},"
            f" whose decisions stay with that study): it waits at {first} again"
            for r, s, first in self.unscreened
        ]
        out += [_full_text_line(*each) for each in self.full_texts]
        out += [each.line() for each in self.stranded]
        for c in self.conflicts:
            if self.blinding.hides(reader, c.stage):
                out.append(
                    f"{c.stage}: records of study {c.study_id} were decided apart: the lead gets"
                    f" a conflict to resolve (how each was decided stays hidden while you screen"
                    f" {c.stage})"
                )
                continue
            if c.final is not None:  # a merge after the lead's final: it did not see these
                out += [
                    f"{c.stage}: record {r}, {how}, joins study {c.study_id} settled"
                    f" {_final_words(c.final)}: the conflict opens again for the lead"
                    for r, how in c.joined
                ]
                continue
            said = ", ".join(f"record {r} {s}" for r, s in c.outcomes)
            out.append(
                f"{c.stage}: decisions disagree ({said}); study keeps record {c.kept}'s"
                " (furthest advanced) and the lead gets a conflict to resolve"
            )
        for c in self.closed:
            if c.final is not None and not self.blinding.hides(reader, c.stage):
                out += [
                    f"{c.stage}: record {r}, {how}, leaves study {c.study_id}: the conflict"
                    f" the merge opened again closes, the study stays settled"
                    f" {_final_words(c.final)}"
                    for r, how in c.joined
                ]
            else:
                out.append(
                    f"{c.stage}: the conflict of study {c.study_id}'s records closes"
                    " (its records no longer disagree)"
                )
        return out


def _final_words(final: Decision) -> str:
    """'include by lead's final'."""
    return f"{FINAL[final.label]} by {final.reviewer}'s final"


def _counts(project: Project, derived: DerivedStages) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    for stage in stage_names(project.protocol):
        outcomes = derived.outcomes(stage)
        states = derived.states(stage)
        by = Counter(o.status for o in outcomes.values())
        out[(stage, "studies")] = len(outcomes)
        out[(stage, "screened")] = sum(1 for s in outcomes if s in states)
        for status in ("include", "exclude", "pending", "conflict"):
            out[(stage, status)] = by[status]
    return out


def effect(
    project: Project,
    after: dict[int, int],
    before: dict[int, int] | None = None,
    split: list[int] | None = None,
) -> Effect:
    """How screening would change if the clusters were ``after`` (record -> canonical);
    ``before``: the clusters now, when the caller has them (else read); ``split``: records
    taken out of their studies, whose parts are named (no decisions of their own, the full
    text each keeps, votes that count for no study once split)."""
    log = decision_rows.list_decisions(project.db)
    if not log:
        return Effect()
    before = before if before is not None else links.canonical_map(project.db)
    was, will = DerivedStages(project, before), DerivedStages(project, after)
    old, new = _counts(project, was), _counts(project, will)
    arrival = was.arrival()
    had = {
        (c.study_id, c.stage): c
        for c in merge_conflicts(project.protocol, log, before, arrival, was.held)
    }
    will_have = merge_conflicts(project.protocol, log, after, arrival, was.held)
    found = Effect(
        counts=[
            (st, what, old[(st, what)], new[(st, what)])
            for st, what in old
            if old[(st, what)] != new[(st, what)]
        ],
        conflicts=[c for c in will_have if (c.study_id, c.stage) not in had],
        closed=_closed(had, will_have, after),
        blinding=blinding(
            project, (st for st in stage_names(project.protocol) if old[(st, "pending")])
        ),
    )
    if found and split:
        found.unscreened = _unscreened(project, before, after, split)
        found.full_texts = _full_texts(project, before, after, split)
        found.stranded = _stranded(project, (was, will), log, split)
    return found


def _closed(
    had: dict[tuple[int, str], MergeConflict], will: list[MergeConflict], after: dict[int, int]
) -> list[MergeConflict]:
    """The conflicts of ``had`` (open now) that no study of their records has under the
    clusters ``after``: a split parted the records that disagreed."""
    stays = {(c.study_id, c.stage) for c in will}
    return [
        c
        for c in had.values()
        if not any((after.get(r, r), c.stage) in stays for r, _ in c.outcomes)
    ]


def _screened(project: Project, *record_ids: int) -> bool:
    """Whether a record of the clusters of ``record_ids`` has a screening decision.

    A merge or split changes screening only through the decisions on the records it moves;
    when none of them was screened it changes nothing, and the whole-project maps that
    :func:`effect` compares need not be built. The clusters are followed link by link from
    the records (each read is of one record's links), not from the whole-project map.
    """
    # an id SQLite cannot hold names no record (the stage refuses it after this preview)
    members = links.members_of(project.db, (r for r in record_ids if holds_integer(r)))
    return bool(decision_rows.list_decisions(project.db, record_ids=members))


def _edges(project: Project) -> list[tuple[int, int, str]]:
    return [
        (lk.record_a, lk.record_b, lk.made_by)
        for lk in links.current_links(project.db, "duplicate")
    ]


def merge_effect(project: Project, a: int, b: int) -> Effect:
    """What confirming ``a`` and ``b`` as one record would change in screening."""
    if not _screened(project, a, b):
        return Effect()
    edges = _edges(project)  # the merges, read once for the clusters before and after
    before = links.cluster_map(project.db, edges)
    return effect(project, links.cluster_map(project.db, [*edges, (a, b, links.PERSON)]), before)


def clusters_effect(project: Project, after: dict[int, int], moved: list[int]) -> Effect:
    """What the clusters ``after`` would change in screening, when a record of the clusters
    of ``moved`` (the records merged) was screened; else nothing (see :func:`_screened`)."""
    if not moved or not _screened(project, *moved):
        return Effect()
    return effect(project, after)


def split_effect(project: Project, record_id: int) -> Effect:
    """What taking ``record_id`` out of its cluster would change in screening."""
    if not _screened(project, record_id):
        return Effect()
    edges = _edges(project)  # read once, as in merge_effect
    kept = [e for e in edges if record_id not in e[:2]]
    before = links.cluster_map(project.db, edges)
    after = links.cluster_map(project.db, kept)
    return effect(project, after, before, split=[record_id])


def _unscreened(
    project: Project, before: dict[int, int], after: dict[int, int], touched: list[int]
) -> list[tuple[int, int, str]]:
    """(new study, the study it leaves, the first stage) for each part split off the studies
    of ``touched`` (clusters ``before`` -> ``after``) whose records carry no decisions.

    What cannot be told apart: a study's decisions were logged on its records as they were
    screened; a part that carries none was screened only within the study, and is a question
    for the reviewers again (named, not only counted as pending)."""
    first = stage_names(project.protocol)[0]
    out = []
    for study in sorted({before.get(r, r) for r in touched}):
        parts: dict[int, list[int]] = defaultdict(list)
        for r, was in before.items():
            if was == study and after.get(r, r) != after.get(study, study):
                parts[after.get(r, r)].append(r)
        for new, records in sorted(parts.items()):
            if not decision_rows.list_decisions(project.db, record_ids=records):
                out.append((new, study, first))
    return out


def _full_texts(
    project: Project, before: dict[int, int], after: dict[int, int], touched: list[int]
) -> list[tuple[str, int, int]]:
    """(full text, new study, 0 or the record it served) for each part of the studies of
    ``touched`` split (clusters ``before`` -> ``after``) that holds an attachment: the study's
    full text stays with the record it was logged on, which may not be the part that keeps
    the study's id. Since stop 37 that is the record whose full-text decision it served
    (:func:`reviewkit.screening.lookup.full_text_record`); a project made before logged it on
    the study's id, which may be the copy excluded at title-abstract: that record is named,
    so the person can attach it there (the log is not rewritten)."""
    out = []
    for study in sorted({before.get(r, r) for r in touched}):
        parts: dict[int, list[int]] = defaultdict(list)
        for r, was in before.items():
            if was == study:
                parts[after.get(r, r)].append(r)
        if len(parts) < 2:
            continue
        served = full_text_record(project.db, project.protocol, study)
        for new, records in sorted(parts.items()):
            if (att := attachment_rows.current_attachment(project.db, records)) is not None:
                elsewhere = served if served not in records else 0
                out.append((att.target, new, elsewhere))
    return out


def _stranded(
    project: Project,
    derived: tuple[DerivedStages, DerivedStages],
    log: list[Decision],
    touched: list[int],
) -> list[Stranded]:
    """The votes at a later stage that each part split off the studies of ``touched`` carries
    while the part no longer reaches that stage (``derived``: the stages before and after the
    split; ``log``: the project's). Since stop 37 a merged study's later-stage votes go on the
    record whose include took it there (``screening.merges.carrier``), so a split leaves them
    with that record; a project made before logged them on the study's id, which may be the
    copy excluded at the stage before. The log is not rewritten (append-only, and copies
    exchange its entries by id and record: a moved entry would differ from theirs): named
    here, with the part that waits for votes again, the reviewers' to give."""
    was, will = derived
    names = stage_names(project.protocol)
    live = [d for d in live_decisions(log) if d.label in VOTES]
    out = []
    for study in sorted({was.canon.get(r, r) for r in touched}):
        parts = sorted({will.canon.get(r, r) for r, s in was.canon.items() if s == study})
        for prev, stage in zip(names, names[1:], strict=False):
            if study not in was.studies(stage):
                continue
            reached = will.outcomes(stage)  # the parts that reach the stage, and where they stand
            waits = [p for p in parts if p in reached and reached[p].status == "pending"]
            for part in parts:
                voters = sorted(
                    {
                        (d.record_id, d.reviewer)
                        for d in live
                        if d.stage == stage and will.canon.get(d.record_id, d.record_id) == part
                    }
                )
                if part in reached or not voters:
                    continue
                stood = will.outcomes(prev).get(part)
                for record in sorted({r for r, _ in voters}):
                    who = tuple(name for r, name in voters if r == record)
                    waiting = waits[0] if waits else 0
                    out.append(
                        Stranded(
                            record,
                            stage,
                            who,
                            prev,
                            waiting,
                            stood.status if stood is not None else "pending",
                        )
                    )
    return out


def _full_text_line(target: str, study: int, served: int) -> str:
    """'full text X goes with record N', and where it served another record's full-text
    decision (attached before stop 37), how to give it to that record."""
    line = f"full text {target} goes with record {study}"
    if served:
        line += (
            f", though it was read for record {served}'s full-text decision (attached before"
            f" reviewkit kept a full text with that record): after the split, attach it there:"
            f" {command_line(f'attach {served} {shlex.quote(target)}')}"
        )
    return line


def undo_effect(project: Project, person: str) -> Effect:
    """What undoing ``person``'s last dedup action (:func:`~reviewkit.dedup.undo.undo_last`)
    would change in screening: undoing a merge splits, undoing a split or a 'different' on a
    merge joins again."""
    changes = pending_undo(project.db, person)
    flips = [
        (a, b, after)
        for a, b, now, after in changes
        if (now == "duplicate") != (after == "duplicate")
    ]
    if not flips or not _screened(project, *(x for a, b, _ in flips for x in (a, b))):
        return Effect()
    edges = _edges(project)
    gone = {(a, b) for a, b, after in flips if after != "duplicate"}  # links are stored a < b
    after = [e for e in edges if (min(e[:2]), max(e[:2])) not in gone]
    after += [(a, b, links.PERSON) for a, b, verdict in flips if verdict == "duplicate"]
    before = links.cluster_map(project.db, edges)
    clusters = links.cluster_map(project.db, after)
    # undoing a merge splits: named as dedup split names it
    return effect(project, clusters, before, split=[a for a, _ in gone])


def open_conflicts(project: Project) -> list[MergeConflict]:
    """Studies whose records were screened apart and decided differently, not yet settled."""
    log = decision_rows.list_decisions(project.db)
    arrival = decision_rows.arrival_rows(project.db)
    held = partial(links.cluster_when_logged, project.db)
    return merge_conflicts(project.protocol, log, links.canonical_map(project.db), arrival, held)
