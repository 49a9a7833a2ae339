"""Screening stages: rules, decisions and conflicts, outcomes, and each reviewer's queue.

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

from reviewkit.screening.conflict_views import ConflictView, ConflictViews, conflicts
from reviewkit.screening.decisions import (
    AlreadyDecided,
    ResolvedMeanwhile,
    VotedMeanwhile,
    VotesChangedMeanwhile,
    add_note,
    decide,
    resolve,
    undo,
)
from reviewkit.screening.final_decisions import (
    Resolution,
    decision_words,
    replaced_final_words,
    resolve_record,
)
from reviewkit.screening.final_decisions_sheet import resolve_sheet, write_conflicts_sheet
from reviewkit.screening.log_marks import ConflictsMark
from reviewkit.screening.lookup import (
    attach,
    attached_yet_not_retrieved,
    attachment_url,
    find_record,
    read_record,
    replaced_words,
    study_attachment,
)
from reviewkit.screening.outcomes import (
    UNSPECIFIED_REASON,
    DerivedStages,
    included,
    stage_counts,
    stage_open,
    stage_outcomes,
)
from reviewkit.screening.queue import QueueChange, ReviewerQueue
from reviewkit.screening.queue_order import seeded_order
from reviewkit.screening.rules import (
    FINAL,
    NOTE,
    STATUSES,
    UNDO,
    VOTES,
    Outcome,
    StageCounts,
    StudyState,
    check_reviewer,
    check_stage,
    held_changes,
    held_error,
    live_decisions,
    needs_vote,
    outcome_of,
    stage_names,
    study_states,
)

__all__ = [
    "AlreadyDecided",
    "Resolution",
    "ResolvedMeanwhile",
    "VotesChangedMeanwhile",
    "VotedMeanwhile",
    "FINAL",
    "NOTE",
    "STATUSES",
    "UNDO",
    "VOTES",
    "ConflictView",
    "ConflictViews",
    "ConflictsMark",
    "DerivedStages",
    "Outcome",
    "QueueChange",
    "ReviewerQueue",
    "StageCounts",
    "StudyState",
    "add_note",
    "attach",
    "attached_yet_not_retrieved",
    "attachment_url",
    "check_reviewer",
    "check_stage",
    "conflicts",
    "decide",
    "decision_words",
    "find_record",
    "included",
    "held_changes",
    "held_error",
    "live_decisions",
    "needs_vote",
    "outcome_of",
    "read_record",
    "replaced_final_words",
    "replaced_words",
    "resolve",
    "resolve_record",
    "resolve_sheet",
    "write_conflicts_sheet",
    "seeded_order",
    "stage_counts",
    "stage_names",
    "stage_open",
    "stage_outcomes",
    "UNSPECIFIED_REASON",
    "study_attachment",
    "study_states",
    "undo",
]
