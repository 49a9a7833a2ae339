"""Screening stages: queues, blinded decisions, undo, conflicts and their resolution.

Everything is derived from the append-only decisions log (``reviewkit.store.decisions``):

* a *vote* is a reviewer's ``include`` / ``exclude`` / ``uncertain`` entry; a reviewer's
  current vote on a study is their newest live vote (a later vote supersedes an earlier one);
* ``note`` entries carry a reviewer's notes; ``undo`` entries name the entry they undo
  (``undoes``), which is then no longer live;
* ``final-include`` / ``final-exclude`` entries are a resolver's decision on a conflict.

A *study* is a duplicate cluster, named by its canonical record id
(:func:`reviewkit.store.duplicates.canonical_map`); a decision made on any record of the
cluster counts for the study, so a later dedup merge keeps every decision.

Stage rules come from the protocol: ``reviewers_per_record`` votes are needed (with one
reviewer per record, an ``uncertain`` vote routes the study to a second reviewer), votes
whose labels are in ``advance_on`` count as include, and disagreeing votes are a conflict
for a resolver. The title-abstract stage holds every study; a later stage holds the studies
included at the stage before it.

Blinding: :class:`ReviewerQueue` and the other functions that serve a reviewer return that
reviewer's own votes and notes only; :func:`conflicts` refuses a protocol reviewer while the
stage is still open (some study pending).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from reviewkit.errors import UserError
from reviewkit.project import Project
from reviewkit.protocol import SCREEN_LABELS, STAGES, Protocol, Stage
from reviewkit.records import Record, normalise_doi, normalise_pmid
from reviewkit.store import Store, lookup
from reviewkit.store import attachments as attachment_rows
from reviewkit.store import decisions as decision_rows
from reviewkit.store import records as record_rows
from reviewkit.store.decisions import Decision
from reviewkit.store.duplicates import canonical_map

VOTES = SCREEN_LABELS  # include | exclude | uncertain
NOTE = "note"
UNDO = "undo"
FINAL = {"final-include": "include", "final-exclude": "exclude"}
STATUSES = ("include", "exclude", "pending", "conflict")

Order = Callable[[list[int]], list[int]]


@dataclass(frozen=True)
class Outcome:
    """Where a study stands at a stage: include | exclude | pending | conflict."""

    status: str
    reason: str = ""  # exclusion reason code, for final excludes
    resolved_by: str = ""  # the resolver's name when a conflict was resolved


@dataclass(frozen=True)
class StageCounts:
    """Counts for PRISMA: studies that entered the stage and where they stand."""

    stage: str
    total: int
    screened: int  # studies with at least one vote
    included: int
    excluded: int
    excluded_by_reason: dict[str, int]
    pending: int
    conflicts: int

    def as_dict(self) -> dict:
        return {
            "stage": self.stage,
            "total": self.total,
            "screened": self.screened,
            "included": self.included,
            "excluded": self.excluded,
            "excluded_by_reason": dict(self.excluded_by_reason),
            "pending": self.pending,
            "conflicts": self.conflicts,
        }


@dataclass
class StudyState:
    """The live log of one study at one stage (all reviewers: never hand this to a reviewer)."""

    votes: dict[str, Decision] = field(default_factory=dict)  # reviewer -> newest live vote
    notes: dict[str, list[str]] = field(default_factory=dict)  # reviewer -> notes, in order
    final: Decision | None = None


@dataclass(frozen=True)
class ConflictView:
    """What the resolver sees for one study: every reviewer's vote, reason and notes."""

    study_id: int
    votes: tuple[tuple[str, str, str, tuple[str, ...]], ...]  # (reviewer, label, reason, notes)
    final: Decision | None


# --- log derivation ----------------------------------------------------------------------


def live_decisions(decisions: Iterable[Decision]) -> list[Decision]:
    """The entries still in force: undo entries and the entries they undo are dropped."""
    items = list(decisions)
    undone = {d.undoes for d in items if d.label == UNDO}
    return [d for d in items if d.label != UNDO and d.id not in undone]


def _states(decisions: Iterable[Decision], canon: dict[int, int]) -> dict[int, StudyState]:
    states: dict[int, StudyState] = defaultdict(StudyState)
    for d in live_decisions(decisions):
        state = states[canon.get(d.record_id, d.record_id)]
        if d.label in VOTES:
            state.votes[d.reviewer] = d
            if d.note:
                state.notes.setdefault(d.reviewer, []).append(d.note)
        elif d.label == NOTE:
            state.notes.setdefault(d.reviewer, []).append(d.note)
        elif d.label in FINAL:
            state.final = d
    return states


def _required(state: StudyState, rule: Stage) -> int:
    """How many votes the study needs: one reviewer's 'uncertain' calls in a second one."""
    if rule.reviewers_per_record == 1 and any(v.label == "uncertain" for v in state.votes.values()):
        return 2
    return rule.reviewers_per_record


def outcome_of(state: StudyState, rule: Stage) -> Outcome:
    """Apply the stage rules to one study's live log."""
    if state.final is not None:
        return Outcome(FINAL[state.final.label], state.final.reason, state.final.reviewer)
    votes = sorted(state.votes.values(), key=lambda d: d.created_at)
    if not votes or len(votes) < _required(state, rule):
        return Outcome("pending")
    kinds = set()
    for v in votes:
        if v.label in rule.advance_on:
            kinds.add("include")
        elif v.label == "exclude":
            kinds.add("exclude")
        else:
            kinds.add("unsure")
    if kinds == {"include"}:
        return Outcome("include")
    if kinds == {"exclude"}:
        reasons = [v.reason for v in votes]
        if rule.reason_required and len(set(reasons)) > 1:
            return Outcome("conflict")
        return Outcome("exclude", next((r for r in reasons if r), ""))
    return Outcome("conflict")


def _needs_vote(state: StudyState | None, rule: Stage, reviewer: str) -> bool:
    if state is None:
        return True
    if state.final is not None or reviewer in state.votes:
        return False
    return len(state.votes) < _required(state, rule)


# --- stages ------------------------------------------------------------------------------


def stage_names(protocol: Protocol) -> list[str]:
    """The protocol's stages in pipeline order."""
    return [s for s in STAGES if s in protocol.stages]


def _check_stage(protocol: Protocol, stage: str) -> Stage:
    if stage not in protocol.stages:
        raise UserError(
            f"no screening stage {stage!r} in this protocol",
            hint=f"stages: {', '.join(stage_names(protocol))}",
        )
    return protocol.stages[stage]


def check_reviewer(protocol: Protocol, reviewer: str) -> str:
    """The reviewer name if the protocol lists it; a UserError otherwise."""
    if reviewer not in protocol.reviewers:
        raise UserError(
            f"{reviewer!r} is not a reviewer of this protocol",
            where=str(protocol.path),
            hint=f"reviewers: {', '.join(protocol.reviewers)} (edit [review] reviewers to add one)",
        )
    return reviewer


class _Derived:
    """Outcomes of every stage, computed once from one canonical map and one log read."""

    def __init__(self, project: Project, canon: dict[int, int] | None = None) -> None:
        self.project = project
        self.protocol = project.protocol
        self.canon = canon if canon is not None else canonical_map(project.db)
        self._studies: dict[str, list[int]] = {}
        self._states: dict[str, dict[int, StudyState]] = {}
        self._outcomes: dict[str, dict[int, Outcome]] = {}

    def studies(self, stage: str) -> list[int]:
        if stage not in self._studies:
            _check_stage(self.protocol, stage)
            names = stage_names(self.protocol)
            i = names.index(stage)
            if i == 0:
                self._studies[stage] = sorted(set(self.canon.values()))
            else:
                prev = self.outcomes(names[i - 1])
                self._studies[stage] = [s for s, o in prev.items() if o.status == "include"]
        return self._studies[stage]

    def states(self, stage: str) -> dict[int, StudyState]:
        if stage not in self._states:
            log = decision_rows.list_decisions(self.project.db, stage=stage)
            self._states[stage] = _states(log, self.canon)
        return self._states[stage]

    def outcomes(self, stage: str) -> dict[int, Outcome]:
        if stage not in self._outcomes:
            rule = _check_stage(self.protocol, stage)
            states = self.states(stage)
            empty = StudyState()
            self._outcomes[stage] = {
                s: outcome_of(states.get(s, empty), rule) for s in self.studies(stage)
            }
        return self._outcomes[stage]


def stage_outcomes(project: Project, stage: str) -> dict[int, Outcome]:
    """study id -> Outcome for every study that entered ``stage`` (all studies at the first)."""
    return _Derived(project).outcomes(stage)


def included(project: Project) -> list[int]:
    """Studies included at the last stage of the protocol, in id order."""
    last = stage_names(project.protocol)[-1]
    return sorted(s for s, o in stage_outcomes(project, last).items() if o.status == "include")


def stage_counts(project: Project, stage: str) -> StageCounts:
    """Screened, included, excluded (per reason), pending and conflicting studies of a stage."""
    derived = _Derived(project)
    outcomes = derived.outcomes(stage)
    states = derived.states(stage)
    by_status: dict[str, int] = defaultdict(int)
    by_reason: dict[str, int] = defaultdict(int)
    for o in outcomes.values():
        by_status[o.status] += 1
        if o.status == "exclude":
            by_reason[o.reason or "unspecified"] += 1
    screened = sum(1 for s in outcomes if s in states and (states[s].votes or states[s].final))
    return StageCounts(
        stage=stage,
        total=len(outcomes),
        screened=screened,
        included=by_status["include"],
        excluded=by_status["exclude"],
        excluded_by_reason=dict(sorted(by_reason.items())),
        pending=by_status["pending"],
        conflicts=by_status["conflict"],
    )


def stage_open(project: Project, stage: str) -> bool:
    """A stage is open while some study in it is still pending."""
    return any(o.status == "pending" for o in stage_outcomes(project, stage).values())


# --- deciding ----------------------------------------------------------------------------


def _check_reason(rule: Stage, label: str, reason: str) -> None:
    codes = [r.code for r in rule.exclusion_reasons]
    if label != "exclude":
        if reason:
            raise UserError(f"a reason goes with an exclusion only, not with {label!r}")
        return
    if reason and codes and reason not in codes:
        raise UserError(
            f"unknown exclusion reason {reason!r} for stage {rule.name}",
            hint=f"reasons: {', '.join(codes)}",
        )
    if rule.reason_required and not reason:
        raise UserError(
            f"a reason is required to exclude at the {rule.name} stage",
            hint=f"reasons: {', '.join(codes)}",
        )


def decide(
    db: Store,
    study_id: int,
    stage: str,
    reviewer: str,
    label: str,
    reason: str = "",
    note: str = "",
    *,
    protocol: Protocol | None = None,
) -> Decision:
    """Record a reviewer's vote; committed before this returns.

    With ``protocol`` the reviewer, stage and exclusion reason are checked against it (the CLI
    and the TUI always pass it); without, a full-text exclusion still needs a reason.
    """
    if label not in VOTES:
        raise UserError(f"label must be one of {', '.join(VOTES)}, not {label!r}")
    if protocol is not None:
        check_reviewer(protocol, reviewer)
        _check_reason(_check_stage(protocol, stage), label, reason)
    else:
        if stage not in STAGES:
            raise UserError(f"unknown stage {stage!r}", hint=f"stages: {', '.join(STAGES)}")
        if label == "exclude" and stage == "full-text" and not reason:
            raise UserError("a reason is required to exclude at the full-text stage")
    if not lookup.record_exists(db, study_id):
        raise UserError(f"no record with id {study_id}")
    d = Decision(study_id, stage, reviewer, label, reason, note)
    decision_rows.add_decision(db, d)
    return d


def add_note(db: Store, study_id: int, stage: str, reviewer: str, text: str) -> Decision:
    """Append a reviewer's note on a study (committed at once)."""
    text = text.strip()
    if not text:
        raise UserError("a note cannot be empty")
    if not lookup.record_exists(db, study_id):
        raise UserError(f"no record with id {study_id}")
    d = Decision(study_id, stage, reviewer, NOTE, note=text)
    decision_rows.add_decision(db, d)
    return d


def undo(db: Store, stage: str, reviewer: str) -> Decision | None:
    """Undo the reviewer's newest live entry at the stage by appending an undo entry.

    Returns the entry that was undone, or None when there is nothing left to undo. Works
    across restarts: the state lives in the log only.
    """
    with db.transaction():
        live = live_decisions(decision_rows.list_decisions(db, stage=stage, reviewer=reviewer))
        if not live:
            return None
        target = live[-1]
        decision_rows.add_decision(
            db, Decision(target.record_id, stage, reviewer, UNDO, undoes=target.id)
        )
    return target


# --- conflicts ---------------------------------------------------------------------------


def conflicts(
    project: Project, stage: str, resolver: str, *, include_resolved: bool = True
) -> list[ConflictView]:
    """Studies in conflict at the stage (and, by default, those already resolved).

    A protocol reviewer may only see them once the stage is closed (no study pending).
    """
    derived = _Derived(project)
    outcomes = derived.outcomes(stage)
    if resolver in project.protocol.reviewers and any(
        o.status == "pending" for o in outcomes.values()
    ):
        raise UserError(
            f"{resolver!r} screens this stage, which is still open: conflicts would unblind them",
            hint="resolve as someone who is not a reviewer, or finish screening the stage first",
        )
    states = derived.states(stage)
    out = []
    for study, o in outcomes.items():
        state = states.get(study)
        if state is None:
            continue
        if o.status == "conflict" or (include_resolved and state.final is not None):
            votes = tuple(
                (name, v.label, v.reason, tuple(state.notes.get(name, ())))
                for name, v in sorted(state.votes.items())
            )
            out.append(ConflictView(study, votes, state.final))
    return out


def resolve(
    project: Project,
    study_id: int,
    stage: str,
    resolver: str,
    label: str,
    reason: str = "",
    note: str = "",
) -> Decision:
    """Record the final decision on a conflict, with its reason and who made it."""
    rule = _check_stage(project.protocol, stage)
    if not resolver.strip():
        raise UserError("the resolver needs a name")
    if label not in ("include", "exclude"):
        raise UserError(f"a final decision is include or exclude, not {label!r}")
    _check_reason(rule, label, reason)
    views = {c.study_id: c for c in conflicts(project, stage, resolver)}
    if study_id not in views:
        raise UserError(f"study {study_id} is not in conflict at the {stage} stage")
    d = Decision(study_id, stage, resolver, f"final-{label}", reason, note)
    decision_rows.add_decision(project.db, d)
    return d


# --- records and attachments -------------------------------------------------------------


def find_record(db: Store, ref: str) -> int:
    """A record id from 'ID', 'pmid:N' or 'doi:10.x/y'; UserError when none matches."""
    ref = ref.strip()
    low = ref.lower()
    if low.startswith("pmid:"):
        hits = record_rows.ids_by_pmid(db, [normalise_pmid(ref[5:])])
        ids = next(iter(hits.values()), [])
    elif low.startswith("doi:") or low.startswith("10."):
        doi = normalise_doi(ref[4:] if low.startswith("doi:") else ref)
        ids = lookup.ids_by_doi(db, doi) if doi else []
    elif ref.isdigit():
        ids = [int(ref)] if lookup.record_exists(db, int(ref)) else []
    else:
        raise UserError(
            f"{ref!r} is not a record reference", hint="give a record id, pmid:N or doi:10.…"
        )
    if not ids:
        raise UserError(f"no record matches {ref!r}")
    return ids[0]


_URL_RE = re.compile(r"^(https?|ftp)://", re.IGNORECASE)


def attach(
    db: Store, record_id: int, target: str, *, added_by: str = ""
) -> attachment_rows.Attachment:
    """Attach a full text (an existing file, stored as an absolute path, or an http(s) URL)."""
    target = target.strip()
    if not lookup.record_exists(db, record_id):
        raise UserError(f"no record with id {record_id}")
    if _URL_RE.match(target):
        if not urlparse(target).netloc:
            raise UserError(f"{target!r} is not a usable URL")
        kind = "url"
    else:
        path = Path(target).expanduser()
        if not path.is_file():
            raise UserError(
                "no such file", where=target, hint="give an existing PDF path or an http(s) URL"
            )
        target, kind = str(path.resolve()), "file"
    attachment_id = attachment_rows.add_attachment(db, record_id, target, kind, added_by=added_by)
    return attachment_rows.Attachment(attachment_id, record_id, target, kind, added_by, "")


def attachment_url(attachment: attachment_rows.Attachment) -> str:
    """A URL a browser or PDF viewer can open."""
    return attachment.target if attachment.kind == "url" else Path(attachment.target).as_uri()


# --- one reviewer's queue ----------------------------------------------------------------


def seeded_order(study_ids: list[int], seed: int, reviewer: str, stage: str) -> list[int]:
    """A random order that is stable per (seed, reviewer, stage), even when studies are added.

    Each study's sort key is a SplitMix64 hash of its id mixed with the (seed, reviewer, stage)
    key, so a study's place relative to the others never depends on which others exist.
    """
    salt = int.from_bytes(
        hashlib.blake2b(f"{seed}:{reviewer}:{stage}".encode(), digest_size=8).digest(), "big"
    )
    return sorted(study_ids, key=lambda study: _splitmix64(study + salt))


_MASK64 = (1 << 64) - 1


def _splitmix64(x: int) -> int:
    z = (x + 0x9E3779B97F4A7C15) & _MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
    return z ^ (z >> 31)


class ReviewerQueue:
    """One reviewer's view of one stage: their studies in a stable order and their own log only.

    The queue is computed once; each move or decision touches one study, so a keypress never
    reloads the whole project. ``order`` replaces the seeded random order (a ranking hook);
    :meth:`reorder_remaining` reorders the undecided part later (see
    :class:`reviewkit.queue_ranker.QueueRanker`). ``votes`` is kept in the order the votes
    were made, which is the order :meth:`own_labels` hands to a ranker.
    """

    def __init__(
        self,
        project: Project,
        stage: str,
        reviewer: str,
        *,
        seed: int = 0,
        order: Order | None = None,
    ) -> None:
        self.project = project
        self.db = project.db
        self.protocol = project.protocol
        self.reviewer = check_reviewer(self.protocol, reviewer)
        self.stage = stage
        self.rule = _check_stage(self.protocol, stage)
        derived = _Derived(project)
        self.canon = derived.canon
        self.members: dict[int, list[int]] = defaultdict(list)
        for rid, canonical in self.canon.items():
            self.members[canonical].append(rid)
        states = derived.states(stage)
        mine = [
            s
            for s in derived.studies(stage)
            if self.reviewer in getattr(states.get(s), "votes", {})
            or _needs_vote(states.get(s), self.rule, self.reviewer)
        ]
        self.studies: list[int] = (
            list(order(mine)) if order else seeded_order(mine, seed, reviewer, stage)
        )
        self.index = {s: i for i, s in enumerate(self.studies)}
        self.votes: dict[int, Decision] = {}
        self.notes: dict[int, list[str]] = defaultdict(list)
        self._load_own()

    def _load_own(self) -> None:
        own = decision_rows.list_decisions(self.db, stage=self.stage, reviewer=self.reviewer)
        for study, state in _states(own, self.canon).items():
            if self.reviewer in state.votes:
                self.votes[study] = state.votes[self.reviewer]
            self.notes[study] = list(state.notes.get(self.reviewer, []))
        self._sort_votes()

    def _sort_votes(self) -> None:
        self.votes = dict(sorted(self.votes.items(), key=lambda item: item[1].created_at))

    # counts ----------------------------------------------------------------------------
    @property
    def done(self) -> int:
        return sum(1 for s in self.votes if s in self.index)

    @property
    def remaining(self) -> int:
        return len(self.studies) - self.done

    # navigation ------------------------------------------------------------------------
    def needs_me(self, study: int) -> bool:
        """Fresh from the database: does this study still wait for this reviewer's vote?"""
        if study in self.votes:
            return False
        log = decision_rows.list_decisions(
            self.db, stage=self.stage, record_ids=self.members[study]
        )
        state = _states(log, self.canon).get(study)
        return _needs_vote(state, self.rule, self.reviewer)

    def next_open(self, start: int = 0) -> int | None:
        """Position of the first study from ``start`` on that still waits for me."""
        for pos in range(max(start, 0), len(self.studies)):
            if self.studies[pos] not in self.votes and self.needs_me(self.studies[pos]):
                return pos
        return None

    def search(self, text: str, start: int) -> int | None:
        """Position of the next study after ``start`` (wrapping) whose title contains ``text``."""
        text = text.strip()
        if not text or not self.studies:
            return None
        hits = {self.study_of(r) for r in lookup.ids_with_title_containing(self.db, text)}
        n = len(self.studies)
        for step in range(1, n + 1):
            pos = (start + step) % n
            if self.studies[pos] in hits:
                return pos
        return None

    def position_of(self, record_id: int) -> int | None:
        """Position in my queue of the study holding this record, if it is mine."""
        return self.index.get(self.study_of(record_id))

    def study_of(self, record_id: int) -> int:
        return self.canon.get(record_id, record_id)

    # records ---------------------------------------------------------------------------
    def record(self, study: int) -> Record:
        return record_rows.get_record(self.db, study)

    def sources(self, study: int) -> list[Record]:
        """Every record of the study's cluster (its sources), canonical first."""
        recs = record_rows.get_records(self.db, self.members[study])
        return [recs[r] for r in sorted(recs)]

    def attachment(self, study: int) -> attachment_rows.Attachment | None:
        return attachment_rows.current_attachment(self.db, self.members[study])

    # my log ----------------------------------------------------------------------------
    def decide(self, study: int, label: str, reason: str = "", note: str = "") -> Decision:
        d = decide(
            self.db, study, self.stage, self.reviewer, label, reason, note, protocol=self.protocol
        )
        self.votes.pop(study, None)  # the newest vote goes last: votes stay in the order made
        self.votes[study] = d
        return d

    def note(self, study: int, text: str) -> Decision:
        d = add_note(self.db, study, self.stage, self.reviewer, text)
        self.notes[study].append(d.note)
        return d

    def undo(self) -> Decision | None:
        """Undo my newest live entry; returns it (its study is where to go back to)."""
        target = undo(self.db, self.stage, self.reviewer)
        if target is not None:
            study = self.study_of(target.record_id)
            self.votes.pop(study, None)
            self.notes.pop(study, None)
            own = decision_rows.list_decisions(
                self.db, stage=self.stage, reviewer=self.reviewer, record_ids=self.members[study]
            )
            state = _states(own, self.canon).get(study)
            if state is not None:
                if self.reviewer in state.votes:
                    self.votes[study] = state.votes[self.reviewer]
                    self._sort_votes()  # an earlier vote is in force again: back to its place
                self.notes[study] = list(state.notes.get(self.reviewer, []))
        return target

    # ranking ---------------------------------------------------------------------------
    def own_labels(self) -> list[tuple[int, bool]]:
        """This reviewer's current votes as ranker labels, in the order they were made.

        ``(study, positive)``: include and uncertain are positive (True), exclude is negative
        (False). Only this reviewer's own votes: a ranker fed from here keeps the blinding.
        """
        return [
            (study, d.label != "exclude") for study, d in self.votes.items() if study in self.index
        ]

    def reorder_remaining(
        self,
        ranking: Sequence[int],
        after: int | None,
        keep: Collection[int] = (),
        *,
        window: int | None = None,
    ) -> bool:
        """Put the undecided studies after position ``after`` in ``ranking``'s order.

        Positions up to ``after`` (the record on screen and everything before it), every
        decided study and the studies in ``keep`` (e.g. those already shown) keep their place,
        so going back and forth shows what was there; the other undecided studies (the
        movable ones) fill the remaining places, best ranked first (studies ``ranking`` does
        not name follow in their present order). Returns True when the order changed.

        With ``window`` only the next ``window`` movable places are filled that way, so the
        cost stays O(window) on a long queue: the best ranked studies move in, and the ones
        they replace take the places they left, further on.
        """
        start = 0 if after is None else after + 1
        studies, index, votes = self.studies, self.index, self.votes
        limit = len(studies) if window is None else window
        slots = []
        for pos in range(start, len(studies)):
            if studies[pos] not in votes and studies[pos] not in keep:
                slots.append(pos)
                if len(slots) >= limit:
                    break
        if not slots:
            return False
        chosen: list[int] = []
        taken: set[int] = set()
        for candidates in (ranking, studies[start:]):  # the ranking first, then the present order
            for study in candidates:
                if len(chosen) == len(slots):
                    break
                pos = index.get(study)
                if pos is None or pos < start or study in taken or study in votes or study in keep:
                    continue
                taken.add(study)
                chosen.append(study)
        slot_set = set(slots)
        left = sorted(
            index[s] for s in chosen if index[s] not in slot_set
        )  # places the chosen leave
        displaced = [studies[p] for p in slots if studies[p] not in taken]  # in their present order
        changes = list(zip(slots, chosen, strict=True)) + list(zip(left, displaced, strict=True))
        changed = False
        for pos, study in changes:
            if studies[pos] != study:
                studies[pos] = study
                index[study] = pos
                changed = True
        return changed
