"""Versions of the review: recorded when the team says so, for PRISMA 2020's update diagram.

PRISMA 2020 has a flow diagram for updated reviews (Page et al. 2021, BMJ 372:n71, fig. 1,
"new and updated reviews"): "Studies included in previous version of review", then the new
studies, then the total. Which studies were the previous version is the team's to say, not
the tool's to guess (a rerun partway through full-text screening is not a new version): a
version is recorded with ``reviewkit report --new-version NAME``, keeping its counts as they
are then, and a later report draws the update diagram once records were added after it.
"""

from __future__ import annotations

from reviewkit.errors import UserError
from reviewkit.project import Project
from reviewkit.reports.snapshot import ProjectSnapshot
from reviewkit.status import project_status
from reviewkit.store import versions as version_rows
from reviewkit.store.versions import ReviewVersion

__all__ = ["ReviewVersion", "check_name", "latest", "record_version", "unsettled"]


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
