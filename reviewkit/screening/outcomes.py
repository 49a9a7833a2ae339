"""Stage outcomes of a whole project: which studies entered each stage and where they stand.

A *study* is a duplicate cluster, named by its canonical record id
(:func:`reviewkit.store.duplicates.canonical_map`); a decision made on any record of the
cluster counts for the study, so a later dedup merge keeps every decision. The
title-abstract stage holds every study; a later stage holds those included at the one before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from reviewkit.project import Project
from reviewkit.screening.merges import (
    MergeConflict,
    Rank,
    fill_pending,
    furthest_advanced,
    merge_conflicts,
    record_ranks,
    through_study,
)
from reviewkit.screening.rules import (
    Outcome,
    StageCounts,
    StudyState,
    check_stage,
    live_decisions,
    outcome_of,
    reopened_after_final,
    stage_names,
    study_states,
)
from reviewkit.store import decisions as decision_rows
from reviewkit.store.decisions import Decision
from reviewkit.store.duplicates import canonical_map, cluster_when_logged

# the reason an exclusion without one is counted under (the diagram, the excluded studies' table)
UNSPECIFIED_REASON = "unspecified"
_EMPTY = StudyState()  # a study without a decision at a stage (read, never written)


class DerivedStages:
    """Outcomes of every stage, computed once from one canonical map and one log read."""

    def __init__(
        self,
        project: Project,
        canon: dict[int, int] | None = None,
        *,
        without: Collection[str] = (),
    ) -> None:
        """``without``: ids of log entries to leave out (the log is append-only, so leaving
        out the entries an import just added gives the stages as they were before it)."""
        self.project = project
        self._without = frozenset(without)
        self.protocol = project.protocol
        self.canon = canon if canon is not None else canonical_map(project.db)
        self._studies: dict[str, list[int]] = {}
        self._states: dict[str, dict[int, StudyState]] = {}
        self._outcomes: dict[str, dict[int, Outcome]] = {}
        self._log: list[Decision] | None = None
        self._kept: list[Decision] | None = None
        self._ranks: dict[int, Rank] | None = None
        self._through: set[str] | None = None
        self._disagree: dict[str, dict[int, MergeConflict]] | None = None
        self._reopened: dict[str, set[int]] = {}
        self._arrival: dict[str, int] | None = None

    def studies(self, stage: str) -> list[int]:
        if stage not in self._studies:
            check_stage(self.protocol, stage)
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
            kept = self._kept_log()
            self._states[stage] = study_states((d for d in kept if d.stage == stage), self.canon)
        return self._states[stage]

    def _kept_log(self) -> list[Decision]:
        """The live decisions of every stage that count (a merged study keeps the decisions of
        its furthest-advanced record), worked out once for all stages."""
        if self._kept is None:
            live = live_decisions(self.log())
            kept = furthest_advanced(live, self.canon, self.ranks(), self._shared())
            self._kept = fill_pending(self.protocol, live, kept, self.canon)
        return self._kept

    def log(self) -> list[Decision]:
        """The decisions log of every stage, each stage's read once."""
        if self._log is None:
            self._log = [
                d
                for name in stage_names(self.protocol)
                for d in decision_rows.list_decisions(self.project.db, stage=name)
                if d.id not in self._without
            ]
        return self._log

    def ranks(self) -> dict[int, Rank]:
        """How far each record's own decisions went (merged studies keep the furthest)."""
        if self._ranks is None:
            self._ranks = record_ranks(self.protocol, self.log(), self._shared())
        return self._ranks

    def _shared(self) -> set[str]:
        """The decisions that are a merged study's, not its record's (``through_study``)."""
        if self._through is None:
            self._through = through_study(self.protocol, self.log())
        return self._through

    def arrival(self) -> dict[str, int]:
        """Each entry's row in the project file, the order entries came into it
        (``store.decisions.arrival_rows``): what a final decision saw; read once."""
        if self._arrival is None:
            self._arrival = decision_rows.arrival_rows(self.project.db)
        return self._arrival

    def held(self, final: Decision) -> set[int]:
        """The records of ``final``'s study when it was given or came into this file
        (``duplicates.cluster_when_logged``): what it settled (``merges.joined_after``)."""
        return cluster_when_logged(self.project.db, final)

    def disagreeing(self, stage: str) -> set[int]:
        """The studies whose merged records were decided differently at ``stage``, not settled
        by a final decision made after them (``merges.merge_conflicts``): open for the lead
        whatever outcome the furthest record gives the study."""
        return set(self._merge_conflicts().get(stage, {}))

    def joined(self, stage: str) -> set[int]:
        """The studies of :meth:`disagreeing` at ``stage`` open again by a dedup merge made after
        the lead's final that brought in a record decided otherwise (``merges.joined_after``),
        not by votes: what ``reopenings`` names."""
        return {s for s, c in self._merge_conflicts().get(stage, {}).items() if c.joined}

    def _merge_conflicts(self) -> dict[str, dict[int, MergeConflict]]:
        """``merges.merge_conflicts`` by stage and study, worked out once."""
        if self._disagree is None:
            self._disagree = defaultdict(dict)
            for c in merge_conflicts(
                self.protocol, self.log(), self.canon, self.arrival(), self.held
            ):
                self._disagree[c.stage][c.study_id] = c
        return self._disagree

    def reopened(self, stage: str) -> set[int]:
        """The studies whose votes at ``stage`` changed after the lead's final so that they
        give another outcome, or came in after it from a reviewer's copy
        (``rules.reopened_after_final``): the final counts, and the study is open for the lead
        again, a single record as a merged study."""
        if stage not in self._reopened:
            rule = check_stage(self.protocol, stage)
            states = self.states(stage)
            finals = {s: st.final for s, st in states.items() if st.final is not None}
            row = self.arrival() if finals else {}
            late = {  # the studies with a vote made or come in after the final: the others
                s: f  # stand as the lead settled them
                for s, f in finals.items()
                if any(
                    v.created_at > f.created_at or row[v.id] > row[f.id]
                    for v in states[s].votes.values()
                )
            }
            seen, unseen = self._seen_at_final(stage, late, row) if late else ({}, {})
            self._reopened[stage] = {
                s
                for s in self.studies(stage)
                if s in late
                and reopened_after_final(states[s], rule, seen.get(s, _EMPTY), unseen.get(s, ()))
            }
        return self._reopened[stage]

    def _seen_at_final(
        self, stage: str, finals: dict[int, Decision], row: dict[str, int]
    ) -> tuple[dict[int, StudyState], dict[int, set[str]]]:
        """Each study's votes as the lead saw them at its final (``finals``), and the ids of
        its votes cast before the final that came into this project after it (a reviewer's
        copy imported late: the lead decided without them); ``row``: each entry's row in the
        log (``store.decisions.arrival_rows``).

        What a final saw is told by the order the entries came into this project file
        (``store.decisions.arrival_rows``): a final made here settled the votes standing here
        (``resolve`` takes a study in conflict only). A final that came in on votes giving no
        outcome here (pending: made in another copy, which had votes this one had not yet) is
        taken to have seen what its time says, the votes cast before it: such a copy getting
        the lead's log before a reviewer's had the conflict the lead settled opened again."""
        rule = check_stage(self.protocol, stage)

        def final_of(d: Decision) -> Decision | None:
            return finals.get(self.canon.get(d.record_id, d.record_id))

        before = [  # (entry, its study's final) for the entries made before the final
            (d, f)
            for d in self._kept_log()
            if d.stage == stage and (f := final_of(d)) is not None and d.created_at <= f.created_at
        ]
        by_time = study_states((d for d, _ in before), self.canon)
        came = study_states((d for d, f in before if row[d.id] < row[f.id]), self.canon)
        seen: dict[int, StudyState] = {}
        unseen: dict[int, set[str]] = {}
        for s, final in finals.items():
            here = came.get(s, _EMPTY)
            if outcome_of(StudyState(votes=here.votes), rule).status == "pending":
                seen[s] = by_time.get(s, _EMPTY)
                continue
            seen[s] = here
            votes = self.states(stage)[s].votes.values()
            unseen[s] = {v.id for v in votes if row[v.id] > row[final.id]}
        return seen, unseen

    def open_again(self, stage: str) -> set[int]:
        """The studies with an outcome that are open for the lead all the same:
        :meth:`disagreeing` and :meth:`reopened`."""
        return self.disagreeing(stage) | self.reopened(stage)

    def outcomes(self, stage: str) -> dict[int, Outcome]:
        if stage not in self._outcomes:
            rule = check_stage(self.protocol, stage)
            states = self.states(stage)
            empty = StudyState()
            self._outcomes[stage] = {
                s: outcome_of(states.get(s, empty), rule) for s in self.studies(stage)
            }
        return self._outcomes[stage]

    def counts(self, stage: str, studies: Collection[int] | None = None) -> StageCounts:
        """Screened, included, excluded (per reason), pending and conflicting studies: of every
        study at the stage, or of those of ``studies`` that are at it (a part of the flow, such
        as PRISMA's other methods' column or an update's new studies)."""
        outcomes = self.outcomes(stage)
        if studies is not None:
            keep = set(studies)
            outcomes = {s: o for s, o in outcomes.items() if s in keep}
        states = self.states(stage)
        by_status: dict[str, int] = defaultdict(int)
        by_reason: dict[str, int] = defaultdict(int)
        for o in outcomes.values():
            by_status[o.status] += 1
            if o.status == "exclude":
                by_reason[o.reason or UNSPECIFIED_REASON] += 1
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


def stage_outcomes(project: Project, stage: str) -> dict[int, Outcome]:
    """study id -> Outcome for every study that entered ``stage`` (all studies at the first)."""
    return DerivedStages(project).outcomes(stage)


def included(project: Project, canon: dict[int, int] | None = None) -> list[int]:
    """Studies included at the last stage of the protocol (their canonical record ids), in id
    order; ``canon``: the canonical map when the caller has read it already."""
    last = stage_names(project.protocol)[-1]
    outcomes = DerivedStages(project, canon).outcomes(last)
    return sorted(s for s, o in outcomes.items() if o.status == "include")


def stage_counts(project: Project, stage: str) -> StageCounts:
    """Screened, included, excluded (per reason), pending and conflicting studies of a stage."""
    return DerivedStages(project).counts(stage)


def reopened_studies(project: Project, *, without: Collection[str] = ()) -> set[tuple[str, int]]:
    """(stage, study) of each study with an outcome open for the lead all the same
    (:meth:`DerivedStages.open_again`): where it had a final decision, votes came after it,
    on a single record or on a merged study's records (which then disagree again).
    ``without``: log entry ids to leave out (:class:`DerivedStages`)."""
    derived = DerivedStages(project, without=without)
    names = stage_names(project.protocol)
    return {(stage, s) for stage in names for s in derived.open_again(stage)}


def stage_open(project: Project, stage: str) -> bool:
    """A stage is open while some study in it is still pending."""
    return any(o.status == "pending" for o in stage_outcomes(project, stage).values())


# --- deciding ----------------------------------------------------------------------------
