"""What a report needs of a project, read once and handed to every table, figure and count.

Before it, ``write_report`` asked the project again for each part: for Review B's three
studies, the canonical map was computed 6 times, the screening stages derived 4 times (7 reads
of the decisions log) and records read 6 times (tests/reports/test_snapshot.py counts them).
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewkit.project import Project
from reviewkit.records import Record
from reviewkit.screening import DerivedStages, stage_names
from reviewkit.store import records as record_rows
from reviewkit.store.duplicates import canonical_map


@dataclass(frozen=True)
class ProjectSnapshot:
    """The project as one report sees it.

    ``canon`` maps record id -> canonical id (its study); ``stages`` derives every screening
    stage's outcomes from that map (each stage's log read once, when first asked);
    ``included`` are the studies included at the last stage (canonical ids, in id order) and
    ``records`` their records by canonical id.
    """

    project: Project
    canon: dict[int, int]
    stages: DerivedStages
    included: list[int]
    records: dict[int, Record]

    @classmethod
    def read(cls, project: Project) -> ProjectSnapshot:
        """Read the snapshot: one canonical map, one derivation, one read of the records."""
        canon = canonical_map(project.db)
        stages = DerivedStages(project, canon)
        last = stage_names(project.protocol)[-1]
        included = sorted(
            {canon.get(s, s) for s, o in stages.outcomes(last).items() if o.status == "include"}
        )
        return cls(project, canon, stages, included, record_rows.get_records(project.db, included))
