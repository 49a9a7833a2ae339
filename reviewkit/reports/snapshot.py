"""What a report needs of a project, read once and handed to every table, figure and count.

Before it, ``write_report`` asked the project again for each part: for Review B's three
studies, the canonical map was computed 6 times, the screening stages derived 4 times (7 reads
of the decisions log) and records read 6 times (tests/reports/test_snapshot.py counts them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from reviewkit.dedup.merged_fields import filled_records
from reviewkit.dedup.studies import reports_by_study
from reviewkit.project import Project
from reviewkit.records import Record
from reviewkit.reports.labels import citation_labels, labels_after
from reviewkit.screening import UNSPECIFIED_REASON, DerivedStages, stage_names
from reviewkit.store.duplicates import canonical_map

if TYPE_CHECKING:
    from reviewkit.store.versions import ReviewVersion


@dataclass(frozen=True)
class ProjectSnapshot:
    """The project as one report sees it.

    ``canon`` maps record id -> canonical id (its study); ``stages`` derives every screening
    stage's outcomes from that map (each stage's log read once, when first asked);
    ``included`` are the studies included at the last stage (canonical ids, in id order) and
    ``records`` their records by canonical id, each with its empty fields filled from its
    duplicates (:func:`~reviewkit.dedup.merged_fields.filled_records`).

    ``reports`` groups the included records by study: a person confirmed that they report
    one study (``reviewkit dedup studies``; suggested or rejected links count for nothing).
    It maps each included study, named by its lowest included canonical id, to its included
    reports (canonical ids, ascending, the study's own id first). Without confirmed links every
    included record is a study of one report, and every table, map and count is as before.
    """

    project: Project
    canon: dict[int, int]
    stages: DerivedStages
    included: list[int]
    records: dict[int, Record]
    reports: dict[int, tuple[int, ...]] = field(default_factory=dict)
    # the studies excluded at the last stage when there are two or more (full text), by
    # canonical id, with their records read as ``records`` are (:mod:`.excluded`'s table)
    excluded: dict[int, Record] = field(default_factory=dict)

    @property
    def studies(self) -> list[int]:
        """The included studies (one id per study, however many reports it has), in id order."""
        return sorted(self.reports) if self.reports else list(self.included)

    @cached_property
    def update_from(self) -> tuple[ReviewVersion | None, list[int]]:
        """The version an update's PRISMA diagram starts from and the records stored after it
        (:func:`~reviewkit.reports.prisma.update.version_to_update`), read once for the flow's
        counts and the tables' new studies alike."""
        from reviewkit.reports.prisma.update import version_to_update  # the report's own rule

        return version_to_update(self.project.db)

    @cached_property
    def assessed_excluded(self) -> list[int]:
        """The studies assessed at full text and excluded (``excluded`` without those excluded
        as not retrieved, :meth:`~reviewkit.protocol.Stage.not_retrieved_codes`): the ones
        PRISMA 2020 counts under 'Reports excluded' and the report lists (item 16b)."""
        names = stage_names(self.project.protocol)
        unseen = self.project.protocol.stages[names[-1]].not_retrieved_codes()
        outcomes = self.stages.outcomes(names[-1])
        return sorted(
            s for s in self.excluded if (outcomes[s].reason or UNSPECIFIED_REASON) not in unseen
        )

    @cached_property
    def labels(self) -> dict[int, str]:
        """Study id -> its label ("Smith et al. (2019a)") told apart over every study the report
        names: the included studies and those excluded at full text, as one reference list
        (:func:`~reviewkit.reports.labels.citation_labels`), so an excluded and an included
        'Smith et al. (2019)' are 2019a and 2019b in every table, the map and its graph."""
        records = {**self.records, **self.excluded}
        return citation_labels(records, [*self.studies, *self.assessed_excluded])

    def sheet_labels(self, ids: Iterable[int]) -> dict[int, str]:
        """Report id -> its label, for a list with a row per report (the extraction sheet): a
        report the report names, the label :attr:`labels` gives its study there; another
        report of such a study (with ``--all``: a protocol paper excluded at title/abstract
        beside its included results paper), that label too; the reports of a study the report
        does not name (excluded before full text, not screened yet), their study's label
        lettered after the report's (:func:`~reviewkit.reports.labels.labels_after`)."""
        study_of = {r: s for s, reports in self.reports.items() for r in reports}
        included = set(self.studies)
        out: dict[int, str] = {}
        rest: dict[int, tuple[int, ...]] = {}
        # grouped over every listed report, as the sheet's `report` column groups them
        for study, reports in reports_by_study(self.project.db, self.canon, list(ids)).items():
            named = [study_of.get(r, r) for r in reports if study_of.get(r, r) in self.labels]
            if not named:
                rest[study] = reports
                continue
            # an included study's label before an excluded one's, for a report of neither
            named.sort(key=lambda s: s not in included)
            for r in reports:
                out[r] = self.labels.get(study_of.get(r, r), self.labels[named[0]])
        if rest:
            known = {**self.records, **self.excluded}
            known = {s: known[s] for s in self.labels}
            extra = labels_after(filled_records(self.project.db, list(rest)), rest, known)
            out |= {r: extra[s] for s, reports in rest.items() for r in reports}
        return out

    @classmethod
    def read(cls, project: Project) -> ProjectSnapshot:
        """Read the snapshot: one canonical map, one derivation, one read of the records."""
        canon = canonical_map(project.db)
        stages = DerivedStages(project, canon)
        names = stage_names(project.protocol)
        outcomes = stages.outcomes(names[-1])
        included = sorted({canon.get(s, s) for s, o in outcomes.items() if o.status == "include"})
        excluded = [s for s, o in outcomes.items() if o.status == "exclude" and len(names) > 1]
        # what the tables and exports write of a study: its kept record, with the fields it
        # lacks filled from its copies (:mod:`reviewkit.dedup.merged_fields`); one read
        records = filled_records(project.db, [*included, *excluded])
        excluded_records = {s: records.pop(s) for s in excluded}
        # included study -> its included reports, from the confirmed study links
        reports = reports_by_study(project.db, canon, included)
        return cls(project, canon, stages, included, records, reports, excluded_records)
