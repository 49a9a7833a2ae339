"""The labels of a study with several reports, from its reports' labels.

Screening, classification and extraction stay per record (each report is screened and labelled
on its own); a report table or evidence map shows one row per study (its values:
:func:`reviewkit.reports.tables.study_values`). A person's word outranks the rules': when any
report's labels were confirmed, the study carries the labels confirmed on its reports
(together), confirmed; otherwise the rules' suggestions for its reports, together, still
suggested. "None of these" stays only when no report has another label (a protocol paper the
rules could not place does not hide the main paper's label).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reviewkit.classify.stage import METHOD_ORDER, Assigned


def studies_of(
    ids: Sequence[int], reports: Mapping[int, Sequence[int]] | None
) -> dict[int, tuple[int, ...]]:
    """Study -> its reports among ``ids``; each id its own study when ``reports`` is None."""
    if reports is None:
        return {rid: (rid,) for rid in ids}
    return {study: tuple(reps) for study, reps in reports.items()}


def study_labels(assigned: Mapping[int, Assigned], reports: Sequence[int], none: str) -> Assigned:
    """The labels of a study from its reports' labels (see the module's rules)."""
    if len(reports) == 1:
        return assigned[reports[0]]
    confirmed = [assigned[r] for r in reports if assigned[r].confirmed]
    chosen = confirmed or [assigned[r] for r in reports]
    labels: list[str] = []
    for a in chosen:
        labels += [lab for lab in a.labels if lab not in labels]
    if len(labels) > 1 and none in labels:
        labels.remove(none)
    reviewers = sorted({a.reviewer for a in chosen if a.reviewer})
    methods = [m for m in METHOD_ORDER if any(a.method == m for a in chosen)]
    return Assigned(
        tuple(labels), bool(confirmed), ", ".join(reviewers), methods[0] if methods else ""
    )
