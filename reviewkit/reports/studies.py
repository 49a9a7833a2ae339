"""Which reports a report is about: the included ones, or every one before screening ends (one
canonical id per duplicate cluster; linked reports of one study are grouped by ProjectSnapshot)."""

from __future__ import annotations

from reviewkit.project import Project
from reviewkit.store.duplicates import canonical_map, study_ids


def included_reports(project: Project) -> list[int]:
    """Canonical record ids of the duplicate clusters included at the last screening stage, in
    id order: one id per included *report*. Reports that a person linked as one study
    (``dedup studies``) keep an id each; ``ProjectSnapshot.studies`` gives one id per study."""
    from reviewkit import screening  # imported late: screening is a sibling stage

    canon = canonical_map(project.db)
    return sorted({canon.get(rid, rid) for rid in screening.included(project)})


def all_reports(project: Project) -> list[int]:
    """Canonical record ids of every report (one per duplicate cluster)."""
    return study_ids(project.db)


def canonical_id(project: Project, record_id: int) -> int:
    """The canonical id of a record's study; UserError-free KeyError when the record is unknown."""
    canon = canonical_map(project.db)
    return canon[record_id]
