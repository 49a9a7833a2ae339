"""What is left to do at each screening stage, for one reviewer: where to go next.

A reviewer who has decided every record at a stage was told only "all done at this stage", and
one who reopened such a stage saw their first record again with no word at all: the records
that wait for them at the next stage (``reviewkit screen`` opens title-abstract unless given
``--stage``), or why a stage is empty (the other reviewer still screening, conflicts left for a
lead), were theirs to guess. The words here say it, in counts only: no vote of another reviewer
is shown (blinding), and a stage's conflicts are counted to a reviewer only once no record is
pending there, when ``reviewkit conflicts`` shows them to them too.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewkit.errors import command_line
from reviewkit.project import Project
from reviewkit.protocol.people import conflicts_line, screen_line
from reviewkit.screening.outcomes import DerivedStages
from reviewkit.screening.rules import needs_vote, stage_names
from reviewkit.wording import quantity, verb


@dataclass(frozen=True)
class StageWork:
    """Where one stage stands for one reviewer, in counts."""

    stage: str
    mine: int  # studies waiting for this reviewer's vote
    others: int  # studies waiting only for another reviewer's vote
    conflicts: int  # studies whose votes disagree: they wait for a lead
    included: int = 0  # studies included here (at the last stage: in the review)


def screens(project: Project, person: str) -> bool:
    """Whether ``person`` is one of the protocol's reviewers (a lead screens nothing)."""
    return person in project.protocol.reviewers


def work_left(project: Project, reviewer: str) -> list[StageWork]:
    """Each stage of the protocol, in pipeline order, with what waits there (read once). A
    lead (not among the protocol's reviewers) screens nothing: no record waits for their vote.
    A reviewer's conflicts count only at a stage closed to screening, as ``conflicts`` shows."""
    derived = DerivedStages(project)
    votes = screens(project, reviewer)
    work = []
    for stage in stage_names(project.protocol):
        rule = project.protocol.stages[stage]
        states = derived.states(stage)
        outcomes = derived.outcomes(stage)
        pending = [s for s, o in outcomes.items() if o.status == "pending"]
        mine = sum(1 for s in pending if votes and needs_vote(states.get(s), rule, reviewer))
        # a reviewer is not told a stage's conflicts while it is open (records pending): how
        # many of their votes the other's contradict would unblind them, and `conflicts`
        # refuses them the stage until then (screening.conflict_views); a lead is told
        hidden = votes and bool(pending)
        # and those settled before that are open again (a vote after the final, a merge): the
        # lead's screen counts them open, and a reviewer's changed vote had been told "2
        # conflicts for a lead" with 3 open
        waiting = {s for s, o in outcomes.items() if o.status == "conflict"}
        conflicts = 0 if hidden else len(waiting | derived.open_again(stage))
        included = sum(1 for o in outcomes.values() if o.status == "include")
        work.append(StageWork(stage, mine, len(pending) - mine, conflicts, included))
    return work


def next_steps(
    work: list[StageWork], here: str, screens: bool = True, done: str = "", person: str = ""
) -> str:
    """What to tell a reviewer with nothing left at stage ``here``: every stage where records
    wait for them (with the command that opens it), for another reviewer or for a lead; when
    nothing waits anywhere, ``done`` (that screening is done, and the command that comes next:
    :func:`reviewkit.status.screening_done`). ``screens`` false: told to a lead, whose "another
    reviewer" is either of the reviewers. The commands name the project opened when it is not
    the current folder (:func:`~reviewkit.errors.command_line`, as every hint does), and
    ``person``, whom the words are told to, where the command is theirs to type: ``screen``
    takes no name by default (its line without one was refused as copied), and a lead's
    ``conflicts`` would take the login name."""
    others = "for another reviewer" if screens else "for the reviewers"
    resolve = command_line("conflicts") if screens or not person else conflicts_line(person)
    said = []
    for w in work:
        parts = []
        if w.mine and w.stage != here:
            parts.append(
                f"{quantity(w.mine, 'record')} {verb(w.mine, 'waits', 'wait')} for you"
                f" ({screen_line(person, w.stage)})"
            )
        if w.others:
            parts.append(f"{quantity(w.others, 'record')} {others}")
        if w.conflicts:
            parts.append(f"{quantity(w.conflicts, 'conflict')} for a lead ({resolve})")
        if parts:
            said.append(f"{w.stage}: {', '.join(parts)}")
    return "; ".join(said) or done


def nothing_waits(work: list[StageWork]) -> bool:
    """Whether no record and no conflict waits at any stage (and there is a stage)."""
    return bool(work) and not any(w.mine or w.others or w.conflicts for w in work)
