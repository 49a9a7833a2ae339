"""Stage rules: the decision vocabulary, a study's live log and its outcome at a stage.

Everything is derived from the append-only decisions log (``reviewkit.store.decisions``):
a *vote* is a reviewer's ``include`` / ``exclude`` / ``uncertain`` entry (their newest live
vote counts); ``note`` entries carry notes; ``undo`` entries name the entry they undo;
``final-include`` / ``final-exclude`` are a resolver's decision on a conflict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field

from reviewkit.errors import UserError
from reviewkit.protocol import SCREEN_LABELS, STAGES, Protocol, Stage
from reviewkit.protocol.people import check_person, screen_line
from reviewkit.store.decisions import Decision

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


# --- log derivation ----------------------------------------------------------------------


def live_decisions(decisions: Iterable[Decision]) -> list[Decision]:
    """The entries still in force: undo entries and the entries they undo are dropped."""
    items = list(decisions)
    undone = {d.undoes for d in items if d.label == UNDO}
    return [d for d in items if d.label != UNDO and d.id not in undone]


def study_states(decisions: Iterable[Decision], canon: dict[int, int]) -> dict[int, StudyState]:
    """Each study's live log (votes, notes, final decision), keyed by canonical study id."""
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


def votes_required(state: StudyState, rule: Stage) -> int:
    """How many votes the study needs: one reviewer's 'uncertain' calls in a second one."""
    if rule.reviewers_per_record == 1 and any(v.label == "uncertain" for v in state.votes.values()):
        return 2
    return rule.reviewers_per_record


def outcome_of(state: StudyState, rule: Stage) -> Outcome:
    """Apply the stage rules to one study's live log."""
    if state.final is not None:
        return Outcome(FINAL[state.final.label], state.final.reason, state.final.reviewer)
    votes = sorted(state.votes.values(), key=lambda d: d.created_at)
    if not votes or len(votes) < votes_required(state, rule):
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


def reopened_after_final(
    state: StudyState, rule: Stage, at_final: StudyState, unseen: Collection[str] = ()
) -> bool:
    """A vote cast after the lead's final decision, or cast before it in a reviewer's copy and
    imported after it (``unseen``: the ids of such votes; the lead decided without them),
    leaves the votes, the final aside, giving another outcome than the final's (the other way,
    or in conflict again) and than the votes gave when the lead decided (``at_final``: the
    study's votes the lead saw): the final still counts, and the study is open for the lead
    again, as a merged study is whose records disagree in votes cast after its final
    (``merges.merge_conflicts``). One rule for a single record and a merged study: a single
    record's changed vote went to no one. Votes that now give the final's outcome leave
    nothing to decide; nor does a vote given again with a note or another reason, in the
    reviewer's screen or replayed by ``decisions import``: the votes disagree as they did when
    the lead settled them (that opened the settled conflict again)."""
    final = state.final
    if final is None or all(
        v.created_at <= final.created_at and v.id not in unseen for v in state.votes.values()
    ):
        return False
    now = outcome_of(StudyState(votes=state.votes), rule).status
    then = outcome_of(StudyState(votes=at_final.votes), rule).status
    return now not in (FINAL[final.label], "pending", then)


def needs_vote(state: StudyState | None, rule: Stage, reviewer: str) -> bool:
    """Does the study still wait for this reviewer's vote?"""
    if state is None:
        return True
    if state.final is not None or reviewer in state.votes:
        return False
    return len(state.votes) < votes_required(state, rule)


# --- stages ------------------------------------------------------------------------------


def stage_names(protocol: Protocol) -> list[str]:
    """The protocol's stages in pipeline order."""
    return [s for s in STAGES if s in protocol.stages]


def check_stage(protocol: Protocol, stage: str) -> Stage:
    """The protocol's rule for ``stage``; a UserError naming the stages otherwise."""
    if stage not in protocol.stages:
        raise UserError(
            f"no screening stage {stage!r} in this protocol",
            hint=f"stages: {', '.join(stage_names(protocol))}",
        )
    return protocol.stages[stage]


def check_reviewer(protocol: Protocol, reviewer: str) -> str:
    """The reviewer name if the protocol lists it as a reviewer (who votes); a UserError
    otherwise (the one rule for names, :func:`reviewkit.protocol.people.check_person`)."""
    return check_person(protocol, reviewer, screens=True)


def _standing(log: Iterable[Decision], like: Decision) -> Decision | None:
    """What stands of the kind of ``like`` on a study whose log is ``log`` (in time order):
    the reviewer's live vote at the stage (``like`` a vote), or its live final decision."""
    live = live_decisions(e for e in log if e.stage == like.stage)
    if like.label in VOTES:
        return next(
            (e for e in reversed(live) if e.label in VOTES and e.reviewer == like.reviewer), None
        )
    return next((e for e in reversed(live) if e.label in FINAL), None)


def _same(a: Decision, b: Decision) -> bool:
    """One decision: the same label and exclusion reason (PRISMA counts an exclusion by it)."""
    return (a.label, a.reason) == (b.label, b.reason)


def _changed_by(earlier: list[Decision], d: Decision) -> Decision | None:
    """The vote or final decision that a new entry ``d`` undoes or replaces on a study whose
    log is ``earlier``: the reviewer's live vote at the stage, or the stage's live final
    decision, when ``d`` leaves another decision standing (None: a first vote, a note, a first
    final decision, or the same decision given again: nothing changes)."""
    if d.label == UNDO:
        kind = next((e for e in earlier if e.id == d.undoes and e.label != NOTE), None)
    else:
        kind = d if d.label in VOTES or d.label in FINAL else None
    if kind is None or (before := _standing(earlier, kind)) is None:
        return None
    after = _standing([*earlier, d], kind)
    return None if after is not None and _same(after, before) else before


def _standing_since(earlier: list[Decision], final: Decision) -> str:
    """When the decision of the standing ``final`` was first given: the time of the first of
    the live finals before it that give the same one (a final given again after full-text
    votes changes nothing, and must not free the decision from the votes that came after it)."""
    finals = [e for e in live_decisions(earlier) if e.stage == final.stage and e.label in FINAL]
    since = final.created_at
    for e in reversed(finals[: next(i for i, f in enumerate(finals) if f.id == final.id)]):
        if not _same(e, final):
            break
        since = e.created_at
    return since


def held_at(
    earlier: Iterable[Decision], d: Decision, by_record: bool = False
) -> tuple[str, Decision] | None:
    """The later stage that holds what a new entry ``d`` undoes or replaces, and that entry,
    on a study whose log so far is ``earlier`` (every stage, in time order); None: ``d`` may
    be written. A study that reached a later stage is decided there (an exclusion with its
    reason, which PRISMA counts): undoing or changing a title-abstract include after the
    full-text votes took an included study out of full text and the report without a word,
    its votes left in the log. A reviewer's vote is held by any vote or final decision at a
    later stage; a final decision by those made after it, which it let happen (one settling a
    conflict a dedup merge raised after full text holds none). The same decision given again
    (label and reason) changes nothing and is not held: an import or a resolve repeated is no
    change. The screen's z, a changed vote, a replaced final decision and ``decisions import``
    all ask this. ``by_record``: ``d`` changes only its own record's entries (a file's entry,
    :func:`held_changes`; the screen's changes any of the study's), while any later-stage
    decision on the study holds it."""
    earlier = list(earlier)
    mine = [e for e in earlier if e.record_id == d.record_id] if by_record else earlier
    changed = _changed_by(mine, d)
    if changed is None:
        return None
    since = _standing_since(mine, changed) if changed.label in FINAL else ""
    stages = STAGES[STAGES.index(d.stage) + 1 :]
    later = [e for e in earlier if e.stage in stages and e.created_at > since]
    live = {e.stage for e in live_decisions(later) if e.label != NOTE}
    return next(((stage, changed) for stage in stages if stage in live), None)


def held_error(
    record: int, stage: str, held: tuple[str, Decision], where: str = "", study: int = 0
) -> UserError:
    """The refusal of an entry :func:`held_at` holds (nothing is written); ``where``: the
    line of a file (``decisions import``) whose entry it is, ``study``: the study ``record``
    is merged into, when another."""
    later, changed = held
    what = "final decision" if changed.label in FINAL else "votes"
    whose = f" is merged here into study {study}, which" if study and study != record else ""
    decided = f"a study that reached {later} is decided there"
    # the line is typed by whom the refusal is told, named as screen needs (it takes no name
    # by default): a vote is changed only by its own reviewer (``_standing``), the person
    # refused; a final decision's resolver may be a lead, who does not screen: the reviewers do
    vote = changed.label in VOTES
    # a file's line is typed in a new copy, whose folder is not known here: it names no
    # project (this one's would exclude in the lead's project), and the words say where
    line = screen_line(changed.reviewer if vote else "", later, opened=not where)
    who = "" if vote else "its reviewers "
    hint = f"{decided}: {who}exclude it at that stage ({line})"
    if where:
        # a log only grows: every log the copy exports holds the change, and the whole file
        # is refused, so the copy is given up, not mended
        hint = (
            f"{decided}, and every log the copy that wrote this file exports holds this"
            " change: its reviewer takes a new copy of the lead's project folder (it has every"
            " vote the lead imported), screens there again what this file brought, and"
            f" excludes the study at that stage ({line}, typed in the new copy's folder)"
        )
    return UserError(
        f"record {record}{whose} has votes at the {later} stage: its {stage} {what} cannot change",
        where=where,
        hint=hint,
    )


def held_changes(
    log: Iterable[Decision], study_of: Callable[[Decision], int]
) -> Iterator[tuple[Decision, tuple[str, Decision]]]:
    """Each entry of ``log`` (every stage, in time order) that :func:`held_at` holds, with
    what holds it: what ``decide``, ``undo`` and ``resolve`` refuse, replayed for a file.

    What an entry changes is judged by its own record (a copy that had not seen a merge made
    since cast a first vote on a study of its own there, not a change to the reviewer's vote
    on another record), what holds it by its study (``study_of``): a merged study's later-stage
    votes are logged on its id, which may be another record than the one whose include took it
    there (``merges.through_study``)."""
    studies: dict[int, list[Decision]] = defaultdict(list)
    for d in log:
        studies[study_of(d)].append(d)
    for entries in studies.values():
        held: list[tuple[Decision, tuple[str, Decision]]] = []
        first: dict[tuple[int, str, str], Decision] = {}  # what stood before a key's changes
        for at, d in enumerate(entries):
            if (h := held_at(entries[:at], d, by_record=True)) is not None:
                held.append((d, h))
                first.setdefault(_kind_key(entries[:at], d), h[1])
        # a change the log itself takes back (z, or the decision given again) leaves what a
        # later stage holds as it was: a copy's reviewer who changed a vote and undid it
        # changed nothing, and their copy's every later file was refused for it
        for d, h in held:
            key = _kind_key(entries, d)
            kind = Decision(key[0], key[1], key[2], h[1].label)
            end = _standing([e for e in entries if e.record_id == key[0]], kind)
            if end is None or not _same(end, first[key]):
                yield d, h


def _kind_key(log: list[Decision], d: Decision) -> tuple[int, str, str]:
    """What entry ``d`` (a vote, a final decision or an undo of one) changes on its record:
    (record, stage, the reviewer whose vote, or '' for the stage's final decision)."""
    target = next((e for e in log if e.id == d.undoes), d) if d.label == UNDO else d
    return d.record_id, d.stage, target.reviewer if target.label in VOTES else ""
