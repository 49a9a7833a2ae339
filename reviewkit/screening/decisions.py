"""Deciding: votes, notes and undo by reviewers; a resolver's final decision on a conflict,
read as the conflicts screen reads it (:class:`~reviewkit.screening.conflict_views.ConflictViews`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from types import EllipsisType

from reviewkit.errors import UserError, no_record
from reviewkit.project import Project
from reviewkit.protocol import STAGES, Protocol, Stage
from reviewkit.screening.conflict_views import ConflictView, ConflictViews, Votes
from reviewkit.screening.merges import carrier
from reviewkit.screening.outcomes import DerivedStages
from reviewkit.screening.rules import (
    NOTE,
    UNDO,
    VOTES,
    StudyState,
    check_reviewer,
    check_stage,
    held_at,
    held_error,
    live_decisions,
    needs_vote,
    study_states,
    votes_required,
)
from reviewkit.store import Store, lookup
from reviewkit.store import decisions as decision_rows
from reviewkit.store.decisions import Decision
from reviewkit.store.duplicates import members_of as cluster_members
from reviewkit.wording import quantity


class AlreadyDecided(UserError):
    """Another reviewer gave the study the votes its stage needs before this vote came in."""


class VotedMeanwhile(UserError):
    """The reviewer's own vote on the study changed since their screen showed it (the same
    reviewer in another window, terminal or screen): ``vote``, the one that stands, to show."""

    def __init__(self, message: str, *, hint: str, vote: Decision) -> None:
        super().__init__(message, hint=hint)
        self.vote = vote


class ResolvedMeanwhile(UserError):
    """Another resolver gave the study a final decision after this resolver was shown it;
    ``final``: theirs, to show."""

    def __init__(self, message: str, *, hint: str, final: Decision) -> None:
        super().__init__(message, hint=hint)
        self.final = final


class VotesChangedMeanwhile(UserError):
    """The votes on a conflict changed after the resolver's screen showed it (a reviewer
    changed one, or their copy's log was imported); ``view``: the conflict now, to show."""

    def __init__(self, message: str, *, hint: str, view: ConflictView) -> None:
        super().__init__(message, hint=hint)
        self.view = view


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
    members: Sequence[int] = (),
    seen: Decision | None | EllipsisType = ...,
) -> Decision:
    """Record a reviewer's vote; committed before this returns.

    With ``protocol`` the reviewer, stage and exclusion reason are checked against it (the CLI
    and the TUI always pass it), and a vote on a study that no longer waits for this reviewer
    (another reviewer gave it the votes its stage needs, e.g. the one vote of a one-reviewer
    stage) is refused with :class:`AlreadyDecided`; the check and the vote are one write, so
    two reviewers a few milliseconds apart cannot both vote. A change to the reviewer's vote
    that a later stage holds is refused (:func:`~reviewkit.screening.rules.held_at`), with
    or without ``protocol``. ``members``: the record ids of
    the study's cluster (default: the study id alone). Without ``protocol``, a full-text
    exclusion still needs a reason. The reviewer's standing vote given again (label, reason
    and note) writes nothing and is returned: nothing changed. ``seen``: the reviewer's own vote their screen showed on
    the study (None: none); another standing now (the same reviewer voting in a second
    terminal) is refused with :class:`VotedMeanwhile`, as :func:`resolve` refuses a final
    made meanwhile: replacing it unread lost it. Left out: not checked.
    """
    if label not in VOTES:
        raise UserError(f"label must be one of {', '.join(VOTES)}, not {label!r}")
    if protocol is not None:
        check_reviewer(protocol, reviewer)
        _check_reason(check_stage(protocol, stage), label, reason)
    else:
        if stage not in STAGES:
            raise UserError(f"unknown stage {stage!r}", hint=f"stages: {', '.join(STAGES)}")
        if label == "exclude" and stage == "full-text" and not reason:
            raise UserError("a reason is required to exclude at the full-text stage")
    if not lookup.record_exists(db, study_id):
        raise no_record(study_id)
    d = Decision(study_id, stage, reviewer, label, reason, note)
    with db.transaction():
        log = _study_log(db, d, members)  # every stage's: read once for both checks
        if protocol is not None:  # on the record that took the study to the stage
            d = replace(d, record_id=carrier(protocol, log, study_id, stage, reviewer=reviewer))
        _keep_what_later_stages_hold(log, d)
        ids = list(members) or [study_id]  # the study's live state at the stage, read once
        at_stage = [e for e in log if e.stage == stage]
        state = study_states(at_stage, dict.fromkeys(ids, study_id)).get(study_id)
        standing = state.votes.get(reviewer) if state is not None else None
        if standing is not None and _given_before(standing, d):
            # the key of the standing vote pressed again: a copy written after a lead's final
            # unsettled a merge it settled (``merges``), the study's outcome back to a record's
            return standing
        if seen is not ...:
            _check_not_voted_meanwhile(state, study_id, d, seen)
        if protocol is not None:
            _check_still_open(state, protocol.stages[stage], study_id, reviewer)
        decision_rows.add_decision(db, d)
    return d


def _check_not_voted_meanwhile(
    state: StudyState | None, study: int, d: Decision, seen: Decision | None
) -> None:
    """Refuse vote ``d`` on ``study`` when the reviewer's standing vote there is another than
    the one their screen showed (``seen``); ``state``: the study's at the stage, now."""
    standing = state.votes.get(d.reviewer) if state is not None else None
    if standing is None or (seen is not None and standing.id == seen.id):
        return  # what was shown stands (a vote undone meanwhile leaves none to lose)
    said = standing.label + (f" ({standing.reason})" if standing.reason else "")
    raise VotedMeanwhile(
        f"you voted {said} on record {study} at the {d.stage} stage meanwhile (in"
        " another window or terminal): that vote stands",
        hint="it is shown now; press the key again to change it",
        vote=standing,
    )


def _study_log(db: Store, d: Decision, members: Sequence[int]) -> list[Decision]:
    """The log of every stage of the study of entry ``d``; ``members``: the record ids of its
    study (default the record alone)."""
    return decision_rows.list_decisions(db, record_ids=list(members) or [d.record_id])


def _keep_what_later_stages_hold(log: list[Decision], d: Decision) -> None:
    """Refuse entry ``d`` when it undoes or replaces a vote or final decision that a later
    stage holds (:func:`~reviewkit.screening.rules.held_at`); ``log``: its study's
    (:func:`_study_log`)."""
    if (held := held_at(log, d)) is not None:
        raise held_error(d.record_id, d.stage, held)


def _check_still_open(state: StudyState | None, rule: Stage, study_id: int, reviewer: str) -> None:
    """Refuse a vote the study no longer waits for (a reviewer may change their own, until a
    later stage has votes on the study); ``state``: the study's at the stage, now."""
    if state is None or reviewer in state.votes or needs_vote(state, rule, reviewer):
        return
    if state.final is not None:
        raise AlreadyDecided(
            f"record {study_id} already has a final decision at the {rule.name} stage",
            hint="it has left your queue; go on with the next record",
        )
    n = votes_required(state, rule)
    raise AlreadyDecided(  # which way the others voted stays hidden (blinding)
        f"record {study_id} was decided by another reviewer meanwhile: the {rule.name} stage"
        f" needs {quantity(n, 'vote')} per record and has them",
        hint="it has left your queue; go on with the next record",
    )


def add_note(
    db: Store,
    study_id: int,
    stage: str,
    reviewer: str,
    text: str,
    *,
    protocol: Protocol | None = None,
    members: Sequence[int] = (),
) -> Decision:
    """Append a reviewer's note on a study (committed at once). With ``protocol``, logged on
    the record the reviewer's vote at the stage goes on (:func:`carrier`; ``members``: the
    study's record ids), so a split leaves the note with the vote it explains."""
    text = text.strip()
    if not text:
        raise UserError("a note cannot be empty")
    if not lookup.record_exists(db, study_id):
        raise no_record(study_id)
    d = Decision(study_id, stage, reviewer, NOTE, note=text)
    with db.transaction():
        if protocol is not None:
            log = _study_log(db, d, members)
            d = replace(d, record_id=carrier(protocol, log, study_id, stage, reviewer=reviewer))
        decision_rows.add_decision(db, d)
    return d


def undo(
    db: Store, stage: str, reviewer: str, members_of: Callable[[int], Sequence[int]] | None = None
) -> Decision | None:
    """Undo the reviewer's newest live entry at the stage by appending an undo entry.

    Returns the entry that was undone, or None when there is nothing left to undo. Works
    across restarts: the state lives in the log only. A vote or final decision a later stage
    holds is refused (UserError: :func:`~reviewkit.screening.rules.held_at`; ``members_of``:
    a record id -> the record ids of its study, default its duplicate cluster).
    """
    with db.transaction():
        live = live_decisions(decision_rows.list_decisions(db, stage=stage, reviewer=reviewer))
        if not live:
            return None
        target = live[-1]
        u = Decision(target.record_id, stage, reviewer, UNDO, undoes=target.id)
        if target.label != NOTE:
            ids = (
                members_of(u.record_id)
                if members_of
                else sorted(cluster_members(db, [u.record_id]))
            )
            _keep_what_later_stages_hold(_study_log(db, u, ids), u)
        decision_rows.add_decision(db, u)
    return target


# --- conflicts ---------------------------------------------------------------------------


def resolve(
    project: Project,
    study_id: int,
    stage: str,
    resolver: str,
    label: str,
    reason: str = "",
    note: str = "",
    *,
    seen: Decision | None = None,
    shown: Votes | None = None,
) -> Decision:
    """Record the final decision on a conflict, with its reason and who made it; committed
    before this returns.

    ``seen``: the study's final decision the resolver was shown (None: none). A final made
    meanwhile by another resolver (two leads on one conflict) is refused with
    :class:`ResolvedMeanwhile`, as :func:`decide` refuses a vote the study no longer waits
    for; the check and the write are one transaction, so two leads a few milliseconds apart
    cannot both write. A resolver may replace their own final, or one they were shown.
    ``shown``: the votes the resolver was shown (``ConflictView.votes``; None: not checked);
    other votes now are refused with :class:`VotesChangedMeanwhile`: the final, written
    after them, would count them as seen, and a vote the lead never read was never asked
    again (``rules.reopened_after_final``). The conflict is read as every other final
    decision reads it (``ConflictViews``).
    """
    d = final_decision(project.protocol, study_id, stage, resolver, label, reason, note)
    with project.db.transaction():  # the conflict read under the write lock it is written in
        views = ConflictViews(project, resolver)
        view = views.at(stage).get(study_id)
        if view is not None:
            check_votes_shown(view, stage, shown)
        return write_final(project, views.derived, view, d, seen=seen)


def check_votes_shown(
    view: ConflictView,
    stage: str,
    shown: Votes | None,
    *,
    shown_in: str = "your screen",
    hint: str = "having read them, give your final decision again",
) -> None:
    """Refuse with :class:`VotesChangedMeanwhile` a final on the conflict ``view`` (at
    ``stage``) when its votes are not those the resolver was ``shown`` (None: not checked) in
    ``shown_in`` (the screen, a sheet): who voted what, and why (a note added decides
    nothing: it reopens nothing either). Written after them, the final would count the new
    votes as seen (``rules.reopened_after_final``), a vote the lead never read never asked."""
    if shown is None or _decisive(view.votes) == _decisive(shown):
        return
    now = ": they are shown now" if shown_in == "your screen" else ""
    raise VotesChangedMeanwhile(
        f"the votes on record {view.study_id} at the {stage} stage changed after {shown_in}"
        f" showed them (a reviewer changed a vote, or their copy's votes were imported){now}",
        hint=hint,
        view=view,
    )


def _decisive(votes: Votes) -> set[tuple[str, str, str]]:
    """Who voted what, and why."""
    return {(name, label, reason) for name, label, reason, _notes in votes}


def final_decision(
    protocol: Protocol,
    study_id: int,
    stage: str,
    resolver: str,
    label: str,
    reason: str = "",
    note: str = "",
) -> Decision:
    """The final decision (not yet written) checked against the protocol: the stage, a
    resolver's name, include or exclude, the reason as the stage takes it."""
    rule = check_stage(protocol, stage)
    if not resolver.strip():
        raise UserError("the resolver needs a name")
    if label not in ("include", "exclude"):
        raise UserError(f"a final decision is include or exclude, not {label!r}")
    _check_reason(rule, label, reason)
    return Decision(study_id, stage, resolver, f"final-{label}", reason, note)


def write_final(
    project: Project,
    derived: DerivedStages,
    view: ConflictView | None,
    d: Decision,
    *,
    seen: Decision | None = None,
) -> Decision:
    """Write the checked final decision ``d`` (:func:`final_decision`) on the conflict ``view``
    of its study (None: not in conflict), read with ``derived`` in the caller's transaction, as
    :func:`resolve` does; ``seen`` as there. Returns the final that stands: ``d``, or the
    study's own when it is the resolver's same decision and note (a resolve or a sheet
    repeated: nothing is written, and the log does not grow by a copy each time), unless the
    study's merged records disagree in votes cast after it (``view.disagree``): written again,
    it settles them."""
    if view is None:
        raise UserError(f"study {d.record_id} is not in conflict at the {d.stage} stage")
    if (standing := view.final) is not None and not view.disagree and _given_before(standing, d):
        return standing
    _check_not_resolved_meanwhile(standing, seen, d)
    members = [rid for rid, study in derived.canon.items() if study == d.record_id]
    log = _study_log(project.db, d, members)
    _keep_what_later_stages_hold(log, d)  # a final replaced
    final = d.label.removeprefix("final-")
    d = replace(d, record_id=carrier(project.protocol, log, d.record_id, d.stage, final))
    decision_rows.add_decision(project.db, d)
    return d


def _given_before(standing: Decision, d: Decision) -> bool:
    """Whether ``d`` (a vote or a final) is ``standing`` given again: its reviewer (or
    resolver), decision and note."""
    fields = ("reviewer", "label", "reason", "note")
    return all(getattr(standing, k) == getattr(d, k) for k in fields)


def _check_not_resolved_meanwhile(
    final: Decision | None, seen: Decision | None, d: Decision
) -> None:
    """Refuse final decision ``d`` when the study's standing ``final`` is another resolver's
    that the resolver was not shown (``seen``): it would be replaced unread."""
    if final is None or final.reviewer == d.reviewer or (seen is not None and seen.id == final.id):
        return
    raise ResolvedMeanwhile(
        f"record {d.record_id} was resolved by {final.reviewer} meanwhile at the {d.stage}"
        f" stage: final {final.label.removeprefix('final-')}",
        hint="their decision stands; having read it, give yours again to replace it",
        final=final,
    )


# --- records and attachments -------------------------------------------------------------
