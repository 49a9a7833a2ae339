"""The table of studies excluded at full text, with their reasons (PRISMA 2020 item 16b; the
Cochrane Handbook's 'Characteristics of excluded studies').

PRISMA 2020 item 16b asks a review to cite the studies that might appear to meet the inclusion
criteria but were excluded, and say why. Those are the reports assessed at full text and
excluded: the ones the flow diagram counts under 'Reports excluded', reason by reason. Reports
excluded as not retrieved (:meth:`~reviewkit.protocol.Stage.not_retrieved_codes`) were never
assessed, and PRISMA counts them apart ('Reports not retrieved'): they are not listed here.

Each row's reason is the one the diagram counts: the lead's final decision's where a conflict
was resolved, else the reviewers' agreed reason. Where the stage takes an exclusion without one
reason (``reason_required = false``) and the reviewers gave different reasons, the diagram
counts the first given; the table says the others too, in a column of their own, so that
counting the rows by 'Reason for exclusion' gives the diagram's lines.

The labels ('Andersen et al. (2019a)') are told apart over the whole report
(:attr:`ProjectSnapshot.labels`): an excluded and an included 'Andersen et al. (2019)' are
2019a and 2019b, as in one reference list. Where we differ: a Cochrane review lists the
excluded studies' references apart ('References to studies excluded from this review'), with
letters of their own; its text cites both lists, where one label would name two studies, so
we letter them together. In an update the table lists every study excluded at full text,
while the diagram's box counts the update's own.
"""

from __future__ import annotations

from reviewkit.reports.snapshot import ProjectSnapshot
from reviewkit.reports.writers import Table
from reviewkit.screening import UNSPECIFIED_REASON, stage_names
from reviewkit.wording import quantity

NAME = "excluded-at-full-text"
COLUMNS = ["Study", "Title", "Year", "Reason for exclusion", "Other reasons given", "Decided by"]


def excluded_table(snap: ProjectSnapshot) -> Table | None:
    """The studies assessed at full text and excluded, a row each in the order of their
    labels; None when the protocol has no full-text stage (one stage: nothing is assessed
    after title and abstract)."""
    proto = snap.project.protocol
    names = stage_names(proto)
    if len(names) < 2:
        return None
    stage = names[-1]
    rule = proto.stages[stage]
    outcomes = snap.stages.outcomes(stage)
    records = snap.excluded  # read with the included studies', as the other tables read them
    ids = snap.assessed_excluded
    labels = snap.labels  # told apart from the included studies too: one reference list
    states = snap.stages.states(stage)
    rows = []
    for s in sorted(ids, key=lambda s: (labels[s].casefold(), s)):
        o = outcomes[s]
        counted = o.reason or UNSPECIFIED_REASON
        if o.resolved_by:
            others, by = [], f"{o.resolved_by} (final decision)"
        else:
            given = [v.reason for v in states[s].votes.values() if v.reason]
            others, by = sorted(set(given) - {counted}), "reviewers agreed"
        rows.append(
            [
                labels[s],
                records[s].title,
                records[s].year or "",
                rule.reason_label(counted),
                "; ".join(rule.reason_label(r) for r in others),
                by,
            ]
        )
    note = (
        f"{quantity(len(rows), 'report')} assessed at full text and excluded, with the reason"
        " the PRISMA diagram counts each under 'Reports excluded' (the lead's where a conflict"
        " was resolved). 'Other reasons given': reasons a reviewer gave besides it."
        " Reports not retrieved are counted apart and not listed."
    )
    if not rows:
        note = "No report has been excluded at full text yet."
    return Table(
        NAME,
        f"Studies excluded at full text (n = {len(rows)})",
        COLUMNS,
        rows,
        note,
        "Excluded at full text",
    )
