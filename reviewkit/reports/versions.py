"""Versions of the review: recorded when the team says so, for PRISMA 2020's update diagram.

PRISMA 2020 has a flow diagram for updated reviews (Page et al. 2021, BMJ 372:n71, fig. 1,
"new and updated reviews"): "Studies included in previous version of review", then the new
studies, then the total. Which studies were the previous version is the team's to say, not
the tool's to guess (a rerun partway through full-text screening is not a new version): a
version is recorded with ``reviewkit report --new-version NAME``, keeping its counts as they
are then, and a later report draws the update diagram once records were added after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewkit.dedup.studies import linked_reports
from reviewkit.errors import UserError
from reviewkit.project import Project
from reviewkit.reports.snapshot import ProjectSnapshot
from reviewkit.status import project_status
from reviewkit.store import versions as version_rows
from reviewkit.store.duplicates import canonical_map
from reviewkit.store.versions import ReviewVersion

__all__ = [
    "IncludedSince",
    "ReviewVersion",
    "check_name",
    "included_since",
    "latest",
    "record_version",
    "unsettled",
]


def check_name(project: Project, name: str) -> str:
    """The version name, stripped; refused when empty or recorded already (before any work)."""
    name = name.strip()
    if not name:
        raise UserError(
            "a review version needs a name", hint="e.g. --new-version '2021 review' or 'v1'"
        )
    for v in version_rows.list_versions(project.db):
        if v.name.casefold() == name.casefold():
            raise UserError(
                f"a version named {v.name!r} was recorded already ({v.recorded_at[:10]},"
                f" {v.included_studies} studies included)",
                hint="a recorded version is never changed; give the new version another name",
            )
    return name


def record_version(
    project: Project, name: str, snapshot: ProjectSnapshot | None = None
) -> ReviewVersion:
    """Record the review as it is now as version ``name``, as :func:`check_name` returned it
    (checked once, before any work): its included studies and reports, their records, and the
    records stored so far (what a later update counts as new)."""
    snap = snapshot or ProjectSnapshot.read(project)
    included = set(snap.included)
    records = [r for r, study in snap.canon.items() if study in included]
    return version_rows.add_version(
        project.db, name, len(snap.studies), len(snap.included), records
    )


def latest(project: Project) -> ReviewVersion | None:
    """The newest recorded version (None before the first)."""
    found = version_rows.list_versions(project.db)
    return found[-1] if found else None


def unsettled(project: Project) -> list[str]:
    """What screening had not settled when a version was recorded ('113 awaiting a
    title-abstract decision', '1 in conflict at full-text'). A version keeps the studies
    included then, and a later update diagram counts only the records stored after it, so
    studies still open at a version appear in neither box: the team is told, not refused (a
    review may stop screening early on purpose, by its stopping rule)."""
    open_work = []
    for st in project_status(project).stages:
        if st.pending:
            open_work.append(f"{st.pending} awaiting a {st.stage} decision")
        if st.conflicts:
            open_work.append(f"{st.conflicts} in conflict at {st.stage}")
    return open_work


@dataclass(frozen=True)
class IncludedSince:
    """The included reports that the version the update diagram starts from did not include:
    what an update adds to the previous version's reference library (``export --new``), told
    apart as the diagram tells them."""

    version: str
    reports: list[int]  # canonical ids, id order
    # of them, the update's new reports of a study not new (its other reports the version's
    # or of its records): the diagram's "of which new reports of studies included before"
    of_earlier: int
    of_version: list[int]  # of them, the version's records included since ("since" there)


def included_since(project: Project, snapshot: ProjectSnapshot | None = None) -> IncludedSince:
    """The reports included now none of whose records the update's version had included: the
    update's new studies, new reports of studies included before, and studies of the
    version's records included since (PRISMA's 'included since' line), each as the update
    diagram counts it (:func:`~reviewkit.reports.prisma.update.kinds_against`). UserError
    before any version is recorded: 'new' would have nothing to be new against. ``snapshot``:
    the report's, when the caller has read one (its canonical map and included studies are
    used, not read again)."""
    from reviewkit import screening  # imported late: screening is a sibling stage
    from reviewkit.reports.prisma.update import NEW, SINCE, STILL, kinds_against, version_to_update

    # the version PRISMA's update diagram starts from (the newest, or the one before it while
    # nothing was stored after the newest): the file and the diagram's new studies agree
    update_from = snapshot.update_from if snapshot else version_to_update(project.db)
    version = update_from[0] or latest(project)
    if version is None:
        raise UserError(
            "no version of the review is recorded, so no study is new since one",
            hint="'reviewkit report --new-version NAME' records the review as a version when you"
            " publish it; export without --new writes every included study",
        )
    if snapshot is not None:
        canon, included = snapshot.canon, snapshot.included
    else:
        canon = canonical_map(project.db)
        included = screening.included(project, canon)
    kind_of = kinds_against(version, canon)
    kinds = {r: kind_of(r) for r in included}
    study_of = linked_reports(project.db, canon)
    studies: dict[int, set[str]] = {}  # an included study -> the kinds of its included reports
    for r, kind in kinds.items():
        studies.setdefault(study_of.get(r, r), set()).add(kind)
    new = [r for r, kind in kinds.items() if kind != STILL]
    of_earlier = sum(1 for r in new if kinds[r] == NEW and studies[study_of.get(r, r)] != {NEW})
    return IncludedSince(version.name, new, of_earlier, [r for r in new if kinds[r] == SINCE])
