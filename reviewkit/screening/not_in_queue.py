"""Why a record a reviewer went to (``g`` on the screening screen) is not in their queue.

The screen said only "record 53 is not in your queue at this stage": a reviewer at full text
who typed the id of a record they remembered could not tell whether title-abstract had
excluded it, whether it still waited there (for them, or for a lead), or whether two other
reviewers had already voted on it, nor so what to do.
"""

from __future__ import annotations

from reviewkit.protocol.people import screen_line
from reviewkit.screening.outcomes import DerivedStages
from reviewkit.screening.queue import ReviewerQueue
from reviewkit.screening.rules import needs_vote, stage_names


def why_not_in_queue(queue: ReviewerQueue, record_id: int) -> str:
    """Why the study holding ``record_id`` is not in ``queue`` (its reviewer's, at its
    stage), in words after 'record 53 is not in your queue at full-text: ' ('' when it is in
    it, or no reason is known). The stages are read anew: others may have voted meanwhile."""
    project, stage, reviewer = queue.project, queue.stage, queue.reviewer
    derived = DerivedStages(project)
    study = derived.canon.get(record_id, record_id)
    if study in derived.studies(stage):
        state = derived.states(stage).get(study)
        if state is None or reviewer in state.votes:
            return ""
        if state.final is not None:
            return f"it has a final decision by {state.final.reviewer}"
        # one vote decides a record at a stage of one reviewer per record ("its 1 votes")
        if len(state.votes) == 1:
            return "it has its vote from another reviewer"
        return f"it has its {len(state.votes)} votes from other reviewers"
    names = stage_names(project.protocol)
    before = names[: names.index(stage)]
    if not before:
        return ""
    prev = before[-1]
    outcome = derived.outcomes(prev).get(study)
    status = outcome.status if outcome is not None else "pending"
    if status == "exclude":
        return f"it was excluded at {prev}"
    if status == "conflict":
        return f"its votes at {prev} disagree: a lead resolves that first"
    state = derived.states(prev).get(study)
    if needs_vote(state, project.protocol.stages[prev], reviewer):
        return f"it waits for your vote at {prev} ({screen_line(reviewer, prev)})"
    return f"it waits at {prev} for another reviewer's vote"
