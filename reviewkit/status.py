"""A project's state at a glance: records per source, imports, search runs, studies, decisions."""

from __future__ import annotations

from dataclasses import dataclass

from reviewkit.project import Project
from reviewkit.store import decisions as decision_rows
from reviewkit.store import duplicates as duplicate_rows
from reviewkit.store import records as record_rows


@dataclass(frozen=True)
class Status:
    protocol_id: str
    title: str
    records: int
    studies: int  # after dedup (canonical records)
    by_source: list[tuple[str, int]]
    imports: int
    searches: int  # stored searches in the protocol
    decisions: int


def project_status(project: Project) -> Status:
    db = project.db
    p = project.protocol
    return Status(
        protocol_id=p.id,
        title=p.title,
        records=record_rows.record_count(db),
        studies=len(duplicate_rows.study_ids(db)),
        by_source=record_rows.source_counts(db),
        imports=len(record_rows.list_imports(db)),
        searches=len(p.searches),
        decisions=len(decision_rows.list_decisions(db)),
    )
