"""PRISMA 2020's diagram for an updated review: which records and studies each box counts.

The template for new and updated reviews (Page et al. 2021, BMJ 372:n71, fig. 1) puts the
previous version's included studies in a box of their own and runs only the update's records
down the flow: "Records identified", "removed before screening", "screened", "sought",
"assessed" and "New studies included in review" count what was found since that version, and
"Total studies included in review" is the previous version's studies plus the new ones.

A version is the team's to record (``reviewkit report --new-version``, see
:mod:`reviewkit.reports.versions`); its records are those stored up to it. Here:

- the update's records are those stored after the version; its studies (the flow's) are the
  studies whose every record is one of them. An update's record of a study found before (a
  duplicate of an earlier record) is removed before screening, as a duplicate;
- "New studies included" are the update's studies included now (the flow's end);
- "Studies included in previous version" is the count recorded with the version;
- where we differ from the template, which has no box for them: a study of the version's
  records that the version did not include (still being screened then) and that is included
  now is in the total, and a line under the previous version's box counts it ("included
  since"); a study of the version that is no longer included is too ("still included").
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from reviewkit.store import records as record_rows
from reviewkit.store import versions as version_rows
from reviewkit.store.versions import ReviewVersion

if TYPE_CHECKING:
    from reviewkit.reports.prisma.counts import PrismaCounts

STILL, SINCE, NEW = "still", "since", "new"  # an included study: of the version, later, update's


def version_to_update(db) -> tuple[ReviewVersion | None, list[int]]:
    """The version the update diagram starts from and the records stored after it: the newest
    version with records stored after it. While nothing was stored after the newest, that is
    the one before it, so that the newest version's own diagram (the one published with it,
    drawn by its `report --new-version`) is drawn again after it was recorded, not the whole
    review's as if never updated; versions recorded one after another with no record between
    (an update recorded again once screened) are looked past alike. (None, []) before any
    version, and while no record was stored after the first."""
    versions = version_rows.list_versions(db)
    for version in reversed(versions):
        new_ids = record_rows.ids_after(db, version.last_record_id)
        if new_ids:
            return version, new_ids
    return None, []


def members_of(canon: dict[int, int]) -> dict[int, list[int]]:
    """Study (canonical id) -> its records."""
    members: dict[int, list[int]] = {}
    for rid, study in canon.items():
        members.setdefault(study, []).append(rid)
    return members


def studies_of(canon: dict[int, int], records: Collection[int]) -> set[int]:
    """The studies whose every record is one of ``records``."""
    return {s for s, rids in members_of(canon).items() if all(r in records for r in rids)}


def kinds_against(version: ReviewVersion, canon: dict[int, int]) -> Callable[[int], str]:
    """What an included report (canonical id) is against ``version``: STILL (a record of it
    was in a study the version included), NEW (all its records were stored since), SINCE (the
    rest: the version's records, included since). One definition for the diagram and for
    ``export --new`` (:func:`reviewkit.reports.versions.included_since`)."""
    earlier = set(version.included_records)
    members = members_of(canon)

    def kind_of(study: int) -> str:
        rids = members.get(study, [study])
        if any(r in earlier for r in rids):
            return STILL
        return NEW if all(r > version.last_record_id for r in rids) else SINCE

    return kind_of


def count_update(
    c: PrismaCounts, version: ReviewVersion, new_ids: list[int], snapshot
) -> Callable[[int], str]:
    """The included boxes of the update: the version's counts as recorded, the flow's included
    as the new studies, every study included now as the total. Returns what an included report
    is (:func:`kinds_against`)."""
    kind_of = kinds_against(version, snapshot.canon)
    kinds = [kind_of(s) for s in snapshot.included]
    c.update, c.version, c.new_records = True, version.name, len(new_ids)
    c.previous_included, c.previous_studies = version.included_reports, version.included_studies
    c.total_included = len(snapshot.included)  # every one now; the flow ends in the new ones
    c.still_included, c.since_included = kinds.count(STILL), kinds.count(SINCE)
    return kind_of


def count_studies(
    c: PrismaCounts, reports: dict[int, tuple[int, ...]], kind_of: Callable[[int], str] | None
) -> None:
    """Studies made of several reports: how many studies the included reports are. In an update
    a study is new only when every one of its reports is (a new report of a study included
    before adds to that study: it came down the flow, and a line under the new studies says so);
    the previous version's counts stay those recorded with it."""
    c.studies_included = c.included - sum(len(reps) - 1 for reps in reports.values())
    if kind_of is None:
        return
    groups = [{kind_of(r) for r in reps} for reps in reports.values()]
    c.still_studies = sum(1 for g in groups if STILL in g)
    c.since_studies = sum(1 for g in groups if STILL not in g and SINCE in g)
    c.new_studies = c.studies_included - c.still_studies - c.since_studies
    in_new = sum(len(reps) for reps, g in zip(reports.values(), groups, strict=True) if g == {NEW})
    c.new_reports_of_earlier = c.flow.included - in_new
