"""Conflicts as a resolver reads them: each study in conflict at a stage with every
reviewer's vote, reason and notes (:func:`conflicts`), read once per stage in a transaction
(:class:`ConflictViews`). The one place conflicts are read: the screen, ``conflicts --list``
and ``--csv``, and every final decision (:func:`~reviewkit.screening.decisions.resolve`,
``conflicts resolve`` and ``import``) read them here, under blinding: a protocol reviewer is
refused a stage still open."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from reviewkit.errors import UserError
from reviewkit.project import Project
from reviewkit.protocol import Protocol
from reviewkit.protocol.people import add_a_lead, typed_name
from reviewkit.screening.outcomes import DerivedStages
from reviewkit.screening.reopenings import Reopening, reopenings
from reviewkit.screening.rules import VOTES, live_decisions, study_states
from reviewkit.store.decisions import Decision
from reviewkit.wording import listed

# each reviewer's vote on a conflict: (reviewer, label, reason, notes)
Votes = tuple[tuple[str, str, str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class ConflictView:
    """What the resolver sees for one study: every reviewer's vote, reason and notes."""

    study_id: int
    votes: Votes
    final: Decision | None
    # merged records decided differently, or votes came after the final: open again
    disagree: bool = False
    reopened: Reopening | None = None  # which of the two opened it, and when (with a final)

    @property
    def open(self) -> bool:
        """Waiting for a final decision: none given, or votes came after it (a changed vote, a
        reviewer's copy brought in later) and disagree with it or, merged, with each other."""
        return self.final is None or self.disagree


def _who_may_resolve(protocol: Protocol) -> str:
    """The hint for a reviewer refused an open stage's conflicts: the protocol's leads by name
    (they do not screen, so the list cannot unblind them), or where to add one."""
    if protocol.leads:
        leads, first = listed(protocol.leads, len(protocol.leads)), typed_name(protocol.leads[0])
        return (
            f"resolve as a lead of the protocol ({leads}: --resolver {first}),"
            " or finish screening the stage first"
        )
    return f"resolve as a lead ({add_a_lead(protocol.path)}), or finish screening the stage first"


def may_resolve(
    project: Project, stage: str, person: str, derived: DerivedStages | None = None
) -> bool:
    """Whether :func:`conflicts` opens ``stage``'s conflicts to ``person``: to anyone but a
    protocol reviewer, and to a reviewer once the stage is closed (no study pending): their
    votes are blinded while it is open."""
    if person not in project.protocol.reviewers:
        return True
    outcomes = (derived or DerivedStages(project)).outcomes(stage)
    return not any(o.status == "pending" for o in outcomes.values())


def conflicts(
    project: Project,
    stage: str,
    resolver: str,
    *,
    include_resolved: bool = True,
    derived: DerivedStages | None = None,
) -> list[ConflictView]:
    """Studies in conflict at the stage (and, by default, those already resolved); ``derived``:
    the project's stages as the caller read them for another stage (one log read for all).

    A protocol reviewer may only see them once the stage is closed (no study pending).
    """
    if not resolver.strip():  # before the screen opens: every final decision records who
        raise UserError("the resolver needs a name", hint="pass --resolver NAME")
    derived = derived or DerivedStages(project)
    outcomes = derived.outcomes(stage)
    if not may_resolve(project, stage, resolver, derived):
        raise UserError(
            f"{resolver!r} screens this stage, which is still open: conflicts would unblind them",
            hint=_who_may_resolve(project.protocol),
        )
    states = derived.states(stage)
    # studies joined by a dedup merge whose records were decided differently (see merges.py),
    # or whose votes sit on several of its records (settled since, or one record in conflict
    # beside another's lone vote): each record's votes are shown, not the kept record's alone
    merged = derived.disagreeing(stage) | _voted_on_several(derived.log(), derived.canon, stage)
    again = derived.open_again(stage)  # open for the lead whatever their outcome
    # which opened each settled one again, and when (a vote after the final, or a merge)
    whys = reopenings(
        derived, stage, {s: st.final for s in again if (st := states.get(s)) and st.final}
    )
    out = []
    for study, o in outcomes.items():
        state = states.get(study)
        if state is None:
            continue
        if (
            o.status == "conflict"
            or study in again
            or (include_resolved and state.final is not None)
        ):
            if study in merged:
                votes = _votes_apart(derived.log(), derived.canon, study, stage)
            else:
                votes = tuple(
                    (name, v.label, v.reason, tuple(state.notes.get(name, ())))
                    for name, v in sorted(state.votes.items())
                )
            out.append(ConflictView(study, votes, state.final, study in again, whys.get(study)))
    return out


def _voted_on_several(log: list[Decision], canon: dict[int, int], stage: str) -> set[int]:
    """The studies with live votes at ``stage`` on two or more of their records (screened
    apart, then merged): after the lead's final on such a study, or with one record in
    conflict and another's lone vote, the list showed the furthest record's votes alone."""
    records: dict[int, set[int]] = defaultdict(set)
    for d in live_decisions(d for d in log if d.stage == stage):
        if d.label in VOTES:
            records[canon.get(d.record_id, d.record_id)].add(d.record_id)
    return {study for study, voted in records.items() if len(voted) > 1}


def _votes_apart(log: list[Decision], canon: dict[int, int], study: int, stage: str) -> Votes:
    """Every vote on each record of a study that a dedup merge joined after they were screened
    apart, each reviewer named with the record ('anna (record 2)'). The study keeps the votes
    of its furthest record (merges.py), and the lead was shown two includes for a conflict
    that the other record's excludes, by a third reviewer too, had made, and none of them."""
    mine = [d for d in log if d.stage == stage and canon.get(d.record_id, d.record_id) == study]
    return tuple(
        (f"{name} (record {rid})", v.label, v.reason, tuple(state.notes.get(name, ())))
        for rid, state in sorted(study_states(mine, {}).items())
        for name, v in sorted(state.votes.items())
    )


class ConflictViews:
    """The conflicts of each stage as ``resolver`` may see them, read once in the caller's
    transaction (a sheet's rows share one read: each row's conflict is another study's), and
    the ones resolved since (:func:`resolve_in`)."""

    def __init__(self, project: Project, resolver: str) -> None:
        self.project = project
        self.resolver = resolver
        self.derived = DerivedStages(project)
        self._read: dict[str, dict[int, ConflictView] | UserError] = {}
        self.resolved: set[tuple[str, int]] = set()  # (stage, study) given a final since

    def at(self, stage: str) -> dict[int, ConflictView]:
        """The stage's conflicts by study; the UserError that blinding gives a reviewer."""
        if stage not in self._read:
            try:
                views = conflicts(self.project, stage, self.resolver, derived=self.derived)
                self._read[stage] = {v.study_id: v for v in views}
            except UserError as exc:
                self._read[stage] = exc
        read = self._read[stage]
        if isinstance(read, UserError):
            raise read
        return read

    def still_open(self, stage: str) -> int:
        """The stage's conflicts without a final decision, counting those resolved since."""
        return sum(
            1
            for study, v in self.at(stage).items()
            if v.open and (stage, study) not in self.resolved
        )
