"""Which reports a report is about: the included ones, or every one before screening ends (one
canonical id per duplicate cluster; linked reports of one study are grouped by ProjectSnapshot)."""

from __future__ import annotations

from dataclasses import dataclass

from reviewkit.project import Project
from reviewkit.status import included_study_count
from reviewkit.store.duplicates import canonical_map, study_ids


def included_reports(project: Project) -> list[int]:
    """Canonical record ids of the duplicate clusters included at the last screening stage, in
    id order: one id per included *report*. Reports that a person linked as one study
    (``dedup studies``) keep an id each; ``ProjectSnapshot.studies`` gives one id per study."""
    from reviewkit import screening  # imported late: screening is a sibling stage

    return screening.included(project)


@dataclass(frozen=True)
class IncludedExport:
    """What ``export --included`` writes and says: the included reports (canonical ids, id
    order) and the studies they make up (None: one study per report)."""

    reports: list[int]
    studies: int | None


def included_export(project: Project) -> IncludedExport:
    """The included reports and their study count, from one canonical map and one log read
    (the export needs nothing else of the project's status)."""
    from reviewkit import screening

    canon = canonical_map(project.db)
    reports = screening.included(project, canon)
    return IncludedExport(reports, included_study_count(project.db, canon, reports))


def all_reports(project: Project) -> list[int]:
    """Canonical record ids of every report (one per duplicate cluster)."""
    return study_ids(project.db)


def canonical_id(project: Project, record_id: int) -> int:
    """The canonical id of a record's study; UserError-free KeyError when the record is unknown."""
    canon = canonical_map(project.db)
    return canon[record_id]
