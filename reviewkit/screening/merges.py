"""Decisions of a study whose records were screened apart, before a dedup merge joined them.

Decisions are logged on a record of the study they were made on (its canonical record, or
the one they belong to: :func:`carrier`). When a merge later joins two screened studies, both
logs land on one study. Taking the newest vote of each reviewer from either log could throw
away a full-text decision, or the lead's final decision, for an exclusion at title-abstract.
Instead the study keeps the decisions of the record that went furthest
(:func:`furthest_advanced`), and where the two logs disagree :func:`merge_conflicts` raises a
conflict for the lead, until a final decision on the study at that stage settles it. A merged
study's later entries are logged on the record they belong to (:func:`carrier`), so a split
leaves each record its own; where the furthest record leaves the study waiting, the other
records' votes fill it (:func:`fill_pending`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass

from reviewkit.protocol import Protocol, Stage
from reviewkit.screening.rules import (
    FINAL,
    VOTES,
    StudyState,
    live_decisions,
    outcome_of,
    stage_names,
    study_states,
    votes_required,
)
from reviewkit.store.decisions import Decision

# (furthest stage with a decision, 1 if the record's own decisions there decided it (not a
# lone vote), 1 if one of them advanced it there): a record both reviewers excluded outranks
# one with a lone include, which decided nothing (the study had taken the lone vote, and the
# exclusion went to a conflict: PRISMA moved before anyone acted)
Rank = tuple[int, int, int]
_UNRANKED: Rank = (-1, 0, 0)
# a final decision -> the records its study held when it was given (in this file's order of
# events: ``store.duplicates.cluster_when_logged``)
Held = Callable[[Decision], Collection[int]]


def through_study(protocol: Protocol, decisions: Iterable[Decision]) -> set[str]:
    """The ids of the live decisions at a stage after the first on a record whose own decisions
    at the stage before did not include it: cast on its study after a merge, which is at that
    stage by another record's include (a full-text vote is logged on the study's id, its
    lowest record, which may be the one excluded). They are the study's, not the record's:
    they neither make it the furthest record (the study then kept its title-abstract
    exclusion and left full text under the vote just cast) nor are left out with it."""
    names = stage_names(protocol)
    live = live_decisions(decisions)
    own: dict[tuple[int, str], list[Decision]] = defaultdict(list)
    for d in live:
        own[d.record_id, d.stage].append(d)
    out: set[str] = set()
    for (record, stage), entries in own.items():
        if stage not in names or stage == names[0]:
            continue
        before = names[names.index(stage) - 1]
        state = _state(own.get((record, before), []))
        if outcome_of(state, protocol.stages[before]).status != "include":
            out.update(d.id for d in entries)
    return out


def carrier(
    protocol: Protocol,
    log: Iterable[Decision],
    study: int,
    stage: str,
    final: str = "",
    reviewer: str = "",
) -> int:
    """The record a new entry on ``study`` at ``stage`` is logged on, so that a split later
    leaves each record what was decided on it. ``log``: the study's, every record of it.

    A vote: the study's id, unless the study is at the stage by another record's own include
    at the stage before and not by its own (two copies screened apart, then merged), then the
    lowest such record; logged on the study's id, a full-text vote sat on a record that never
    reached full text, and a split left the included record waiting there for votes already
    given. A final decision (``final``: include or exclude) goes first to a record whose own
    votes at the stage decided it so (the lead settling a merge's conflict agrees with one of
    the records): on the study's id, an excluded copy, it included that copy once split.
    A ``reviewer``'s vote where they have one on the study at the stage: on that vote's record,
    which it replaces (votes of one reviewer on two records that differ go to the lead,
    :func:`merge_conflicts`: two copies of the project, one that had not seen a merge)."""
    names = stage_names(protocol)
    live = live_decisions(log)
    mine = [d for d in live if d.stage == stage and d.label in VOTES and d.reviewer == reviewer]
    if reviewer and mine:  # a change goes where it changes: a second record's vote disagreed
        return mine[-1].record_id
    if final:  # else the record whose reviewers disagree: the final settles theirs
        rule = protocol.stages[stage]
        agree = _records_at(live, rule, final, VOTES) or _records_at(live, rule, "conflict", VOTES)
        if agree:
            return study if study in agree else agree[0]
    if stage not in names or stage == names[0]:
        return study
    before = protocol.stages[names[names.index(stage) - 1]]
    took = _records_at(live, before, "include", (*VOTES, *FINAL))  # a lead's include took it too
    return study if not took or study in took else took[0]


def _records_at(live: list[Decision], rule: Stage, status: str, labels: Iterable[str]) -> list[int]:
    """The records whose own entries of ``labels`` at the stage of ``rule`` give it ``status``,
    in id order."""
    own: dict[int, list[Decision]] = defaultdict(list)
    kinds = set(labels)
    for d in live:
        if d.stage == rule.name and d.label in kinds:
            own[d.record_id].append(d)
    return sorted(r for r, ds in own.items() if outcome_of(_state(ds), rule).status == status)


def record_ranks(
    protocol: Protocol, decisions: Iterable[Decision], shared: Collection[str] = ()
) -> dict[int, Rank]:
    """How far each record's own decisions went (:data:`Rank`): the furthest stage with a live
    vote or final decision on it, whether they decided it there (a stage needing two votes
    with one cast did not) and whether one of them advanced it (include); ``shared``: the ids
    of decisions that are the study's (:func:`through_study`), not counted."""
    names = stage_names(protocol)
    advance = {name: set(protocol.stages[name].advance_on) for name in names}
    own: dict[int, dict[str, list[Decision]]] = defaultdict(lambda: defaultdict(list))
    for d in live_decisions(decisions):
        if d.stage in names and (d.label in VOTES or d.label in FINAL) and d.id not in shared:
            own[d.record_id][d.stage].append(d)
    ranks: dict[int, Rank] = {}
    for record, by_stage in own.items():
        stage = max(by_stage, key=names.index)
        entries = by_stage[stage]
        decided = outcome_of(_state(entries), protocol.stages[stage]).status != "pending"
        ahead = any(d.label in advance[stage] or FINAL.get(d.label) == "include" for d in entries)
        ranks[record] = (names.index(stage), int(decided), int(ahead))
    return ranks


def furthest_advanced(
    decisions: list[Decision],
    canon: dict[int, int],
    ranks: dict[int, Rank],
    shared: Collection[str] = (),
) -> list[Decision]:
    """The live decisions, where a study's records were screened apart only those of its
    furthest-advanced records (the others stay in the log, and in :func:`merge_conflicts`)
    and those that are the study's (``shared``: :func:`through_study`); a final decision made
    after all of those (the lead settling it) counts too, and goes on counting when a reviewer
    changes a vote it was made after, as a final on a single record does: a vote counts from
    the reviewer's first vote on its record at the stage (:func:`_voted_since`), so only the
    lead's next final moves the study (the change reopens its conflict, :func:`merge_conflicts`);
    a changed vote had taken the final out of the counts until the lead resolved again."""
    none = _UNRANKED
    since = _voted_since(decisions)
    best: dict[int, Rank] = {}
    for d in decisions:
        study = canon.get(d.record_id, d.record_id)
        best[study] = max(best.get(study, none), ranks.get(d.record_id, none))
    kept, later = [], []
    newest: dict[tuple[int, str], str] = {}
    for d in decisions:
        study = canon.get(d.record_id, d.record_id)
        if ranks.get(d.record_id, none) == best[study] or d.id in shared:
            kept.append(d)
            if d.label in VOTES or d.label in FINAL:  # a note decides nothing (merge_conflicts)
                key = (study, d.stage)
                newest[key] = max(newest.get(key, ""), since.get(d.id, d.created_at))
        elif d.label in FINAL:
            later.append(d)
    settled = [
        d
        for d in later
        if d.created_at >= newest.get((canon.get(d.record_id, d.record_id), d.stage), "")
    ]
    if not settled:
        return kept
    order = {id(d): i for i, d in enumerate(decisions)}
    return sorted(kept + settled, key=lambda d: order[id(d)])


def _voted_since(decisions: Iterable[Decision]) -> dict[str, str]:
    """Each live vote's id -> when its reviewer first voted on its record at its stage: the vote
    a final decision was made after, whichever way it was changed since."""
    votes = [d for d in decisions if d.label in VOTES]
    first: dict[tuple[int, str, str], str] = {}
    for d in votes:  # the earliest, whatever order an import wrote them in
        key = (d.record_id, d.stage, d.reviewer)
        first[key] = min(first.get(key, d.created_at), d.created_at)
    return {d.id: first[d.record_id, d.stage, d.reviewer] for d in votes}


def fill_pending(
    protocol: Protocol, live: list[Decision], kept: list[Decision], canon: dict[int, int]
) -> list[Decision]:
    """``kept`` (:func:`furthest_advanced`) and, where it leaves a study pending at a stage,
    the newest vote there of each reviewer it lacks, from the study's other records, as many as
    the stage still needs: two copies screened apart, each with one reviewer's full-text vote,
    then merged, kept the include's copy alone and waited for the other reviewer, whose queue
    counted their vote on the other copy as given (a study nobody would decide, an exclusion
    dropped unseen). ``live``: the live log ``kept`` was taken from."""
    taken = {d.id for d in kept}
    others: dict[str, dict[int, dict[str, Decision]]] = defaultdict(lambda: defaultdict(dict))
    for d in live:  # in log order: the newest vote of each reviewer last
        if d.label in VOTES and d.id not in taken:
            others[d.stage][canon.get(d.record_id, d.record_id)][d.reviewer] = d
    if not others:
        return kept
    theirs = [d for d in kept if canon.get(d.record_id, d.record_id) in others.get(d.stage, ())]
    extra: list[Decision] = []
    for name in (n for n in stage_names(protocol) if n in others):
        rule = protocol.stages[name]
        states = study_states((d for d in theirs if d.stage == name), canon)
        for study, votes in others[name].items():
            state = states.get(study, StudyState())
            if outcome_of(state, rule).status != "pending":
                continue  # decided (or settled) by the kept record: merge_conflicts tells
            for reviewer, vote in votes.items():
                if reviewer not in state.votes and len(state.votes) < votes_required(state, rule):
                    state.votes[reviewer] = vote
                    extra.append(vote)
    if not extra:
        return kept
    order = {d.id: i for i, d in enumerate(live)}
    return sorted([*kept, *extra], key=lambda d: order[d.id])


@dataclass(frozen=True)
class MergeConflict:
    """A study whose records were screened apart and decided differently at a stage (or
    voted differently by one reviewer)."""

    study_id: int
    stage: str
    outcomes: tuple[tuple[int, str], ...]  # (record id, its own outcome there)
    kept: int  # the record whose decisions the study keeps (furthest advanced)
    # the lead's final the study had before a merge made after it brought in ``joined``,
    # records decided otherwise (the final did not see them: the conflict opens again)
    final: Decision | None = None
    joined: tuple[tuple[int, str], ...] = ()  # (record id, how it was decided: _decided_words)


def merge_conflicts(
    protocol: Protocol,
    decisions: list[Decision],
    canon: dict[int, int],
    arrival: Mapping[str, int],
    held: Held,
) -> list[MergeConflict]:
    """Studies whose records carry decisions that disagree at a stage, not yet settled by a
    final decision on the study made after them; for the lead to resolve. ``arrival``: each
    entry's row in the project file (``store.decisions.arrival_rows``), which tells the votes
    a final saw (:func:`_settled`); ``held``: the records a study held at a time (a final
    settles those: :func:`joined_after`)."""
    live = live_decisions(decisions)
    ranks = record_ranks(protocol, live, through_study(protocol, live))
    out: list[MergeConflict] = []
    for rule in (protocol.stages[name] for name in stage_names(protocol)):
        groups: dict[int, dict[int, list[Decision]]] = defaultdict(lambda: defaultdict(list))
        for d in live:
            if d.stage == rule.name:
                groups[canon.get(d.record_id, d.record_id)][d.record_id].append(d)
        for study, by_record in sorted(groups.items()):
            if len(by_record) < 2:
                continue
            own = {r: outcome_of(_state(ds), rule).status for r, ds in by_record.items()}
            decided = {s for s in own.values() if s in ("include", "exclude")}
            # records that disagree though not both decided: one reviewer's votes on two,
            # or a lone vote against how another record was decided
            apart = {} if len(decided) > 1 else _one_reviewer_twice(by_record, rule)
            if len(decided) == 1 and not apart:
                apart = _lone_votes_against(by_record, rule, next(iter(decided)))
            final = _last_final(by_record)
            joined = joined_after(by_record, rule, final, held) if final else {}
            if len(decided) < 2 and not apart and not joined:
                continue
            if final and _settled(by_record, rule, arrival, final, bool(joined)):
                continue
            own.update(apart)  # the records' outcomes say it, where they disagree
            kept = max(by_record, key=lambda r: (ranks.get(r, _UNRANKED), -r))
            out.append(
                MergeConflict(
                    study,
                    rule.name,
                    tuple(sorted(own.items())),
                    kept,
                    final if joined else None,
                    tuple(sorted(joined.items())),
                )
            )
    return out


def joined_after(
    by_record: dict[int, list[Decision]], rule: Stage, final: Decision, held: Held
) -> dict[int, str]:
    """The records of a study (``by_record``: each one's entries at the stage of ``rule``) that
    it did not hold when ``final`` was given (``held``: the duplicate links standing then) and
    whose own votes or final decided them otherwise, or left them in conflict with a vote the
    other way, each with how (:func:`_decided_words`). A final settles the votes of the
    records it was given on: one a merge brought in after it was decided apart, unseen by the
    lead (counted by time, a record excluded by both reviewers before the final was dropped
    without a word when merged into a study the final included; one whose own conflict waited
    for the lead left the lead's list; so did a record's lone vote, a stage of two votes). A
    record brought in that was decided the final's way, or whose votes all went its way, opens
    nothing."""
    way = FINAL[final.label]
    other: dict[int, str] = {}
    for record, ds in by_record.items():
        state = _state(ds)
        status = outcome_of(state, rule).status
        if status in ("include", "exclude") and status != way:
            other[record] = _decided_words(state, status)
        elif status == "conflict" and state.final is None and _against(state, rule, way):
            other[record] = f"left in conflict by {_names(state)}"
        elif status == "pending" and state.votes and _against(state, rule, way):
            other[record] = f"voted otherwise by {_names(state)} alone"  # a lone vote
    if not other:  # the links are read only for a study that has such a record
        return {}
    saw = held(final)
    return {r: how for r, how in other.items() if r not in saw}


def _against(state: StudyState, rule: Stage, way: str) -> bool:
    """Whether a vote of ``state`` goes another way than ``way`` (include or exclude): an
    include where the stage advances on it, an exclude, or an uncertain."""
    ways = {"include" if v.label in rule.advance_on else v.label for v in state.votes.values()}
    return bool(ways - {way})


def _decided_words(state: StudyState, status: str) -> str:
    """'excluded by both reviewers', 'included by reviewer1', 'excluded by lead's final'
    (who, and the outcome their decisions gave the record: the lead resolves it)."""
    done = f"{status}d"
    if state.final is not None:
        return f"{done} by {state.final.reviewer}'s final"
    names = sorted(state.votes)
    if len(names) == 2:
        return f"{done} by both reviewers"
    if len(names) > 2:
        return f"{done} by all {len(names)} reviewers"
    return f"{done} by {_names(state)}"


def _names(state: StudyState) -> str:
    """'reviewer1 and reviewer2', 'ann, bo and cy': who voted (never which way)."""
    names = sorted(state.votes)
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


def _one_reviewer_twice(by_record: dict[int, list[Decision]], rule: Stage) -> dict[int, str]:
    """Where one reviewer's standing votes on two records of a study at the stage of ``rule``
    disagree (one advances it, one excludes it), each such record as "reviewer1's vote" (not
    which way: ``dedup report`` shows it to anyone, the stage may be open); else empty. Such
    votes came from two places (two copies, one that had not seen the merge): the newer alone
    counted, the other dropped unseen."""
    votes: dict[str, dict[int, Decision]] = defaultdict(dict)
    for record, ds in by_record.items():
        for reviewer, vote in _state(ds).votes.items():
            votes[reviewer][record] = vote
    out: dict[int, str] = {}
    for reviewer, on in votes.items():
        ways = {r: "include" if v.label in rule.advance_on else v.label for r, v in on.items()}
        if {"include", "exclude"} <= set(ways.values()):
            out.update({r: f"{reviewer}'s vote" for r in on})  # not which way (blinding)
    return out


def _lone_votes_against(
    by_record: dict[int, list[Decision]], rule: Stage, way: str
) -> dict[int, str]:
    """The records of a study (``by_record``: each one's entries at the stage of ``rule``) still
    pending there, with a vote the other way than ``way``, the outcome another record's votes
    gave the study, each as "pending (reviewer3's vote)" (not which way: blinding). A stage
    needing two votes that has one is not decided, but that vote is a reviewer's decision on
    the study: screened on one record, an exclude beside another reviewer's include goes to
    the lead; merged into a study another record's votes included, it was dropped unseen (the
    furthest-advanced record alone counts). A lone vote the study's way opens nothing."""
    out: dict[int, str] = {}
    for record, ds in by_record.items():
        state = _state(ds)
        pending = state.votes and outcome_of(state, rule).status == "pending"
        if pending and _against(state, rule, way):
            out[record] = f"pending ({_names(state)}'s vote)"
    return out


def _state(decisions: list[Decision]) -> StudyState:
    state = StudyState()
    for d in decisions:
        if d.label in VOTES:
            state.votes[d.reviewer] = d
        elif d.label in FINAL:
            state.final = d
    return state


def _last_final(by_record: dict[int, list[Decision]]) -> Decision | None:
    """The newest final decision on any of the study's records at the stage."""
    finals = [d for ds in by_record.values() for d in ds if d.label in FINAL]
    return sorted(finals, key=lambda d: d.created_at)[-1] if finals else None


def _settled(
    by_record: dict[int, list[Decision]],
    rule: Stage,
    arrival: Mapping[str, int],
    final: Decision,
    joined: bool,
) -> bool:
    """``final`` (the study's newest) saw every vote of the study's records at the stage, each vote
    dated from when its reviewer's decision on its record (label and reason) last changed: the
    same vote given again with a note (in a screen, or replayed by ``decisions import``) leaves
    the records disagreeing as they did when the lead settled them (it opened the settled
    conflict again). Another exclusion reason is a change: the records' reasons are theirs.

    A final saw the votes made before it, and (as ``DerivedStages.reopened`` reads a single
    record's) not one cast before it in a reviewer's copy that came into this project file
    after it (``arrival``: the lead decided without it), unless the final itself came in on
    records whose votes here were all still pending: made in another copy, which had votes
    this one had not, it is taken to have seen those cast before it (what the study held
    there, no link here tells). Made here, it did not see the records a merge made after it
    brought in decided otherwise (``joined``: :func:`joined_after`)."""
    every = sorted((d for ds in by_record.values() for d in ds), key=lambda d: d.created_at)
    since: dict[tuple[int, str], tuple[tuple[str, str], Decision]] = {}  # -> (decision, from)
    for d in every:
        if d.label in VOTES:
            key, value = (d.record_id, d.reviewer), (d.label, d.reason)
            was = since.get(key)
            since[key] = was if was and was[0] == value else (value, d)
    if any(d.created_at > final.created_at for _, d in since.values()):
        return False
    came = arrival[final.id]
    here = [  # each record's votes as they stood here when the final came in
        _state([d for d in ds if d.label in VOTES and arrival[d.id] < came])
        for ds in by_record.values()
    ]
    if all(outcome_of(state, rule).status == "pending" for state in here):
        return True  # made in another copy: its time says what it saw
    if joined:
        return False
    return all(arrival[d.id] < came for _, d in since.values())
