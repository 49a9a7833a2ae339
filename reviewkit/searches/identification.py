"""PRISMA identification counts from the stored search runs."""

from __future__ import annotations

from dataclasses import dataclass

from reviewkit.store import Store
from reviewkit.store import searches as rows
from reviewkit.store.searches import SearchRun


@dataclass
class SearchCount:
    search: str
    database: str
    run_id: int
    run_at: str
    count: int  # records the latest run retrieved
    stored: int  # records the latest run stored (new to this search)
    runs: int  # complete runs of this search
    records: int = 0  # records stored by all runs of this search (what PRISMA counts as identified)


@dataclass
class IdentificationCounts:
    """Numbers for PRISMA's 'identification' box, from the latest complete run of each search.

    ``new_record_ids``: records stored by each search's latest run; ``previous_record_ids``:
    records stored by its earlier runs. With one run per search everything is new and
    ``is_update`` is False; after a rerun, PRISMA's update variant tells the two apart.
    """

    searches: list[SearchCount]
    databases: dict[str, int]  # records identified (stored) per database
    new_record_ids: list[int]
    previous_record_ids: list[int]

    @property
    def is_update(self) -> bool:
        return bool(self.previous_record_ids)

    @property
    def retrieved(self) -> int:
        """Sum of the latest runs' counts (what PRISMA reports as 'records identified')."""
        return sum(s.count for s in self.searches)


def identification_counts(db: Store, after: int = 0) -> IdentificationCounts:
    """Per-search counts of the latest runs, records per database, new vs previous records.

    ``after``: count in ``records`` and ``databases`` only the records stored with ids above it
    (PRISMA's updated review counts the records identified since a version of the review)."""
    latest: dict[str, SearchRun] = {}
    runs_per: dict[str, int] = {}
    for run in rows.list_runs(db, status="complete"):
        latest[run.search_name] = run
        runs_per[run.search_name] = runs_per.get(run.search_name, 0) + 1
    latest_ids = {run.id for run in latest.values()}
    searches, new_ids, previous_ids = [], [], []
    databases: dict[str, int] = {}
    stored_by_run = {run_id: n for _db, run_id, n in rows.search_record_counts(db)}
    search_of_run = {run.id: run.search_name for run in rows.list_runs(db)}
    stored_by_search: dict[str, int] = {}
    for database, run_id, n in rows.search_record_counts(db):
        ids = rows.run_record_ids(db, run_id)
        if after:
            n = sum(1 for r in ids if r > after)
        databases[database] = databases.get(database, 0) + n
        name = search_of_run[run_id]
        stored_by_search[name] = stored_by_search.get(name, 0) + n
        (new_ids if run_id in latest_ids else previous_ids).extend(ids)
    for name, run in latest.items():
        searches.append(
            SearchCount(
                name,
                run.database,
                run.id,
                run.started_at,
                run.count or 0,
                stored_by_run.get(run.id, 0),
                runs_per[name],
                stored_by_search.get(name, 0),
            )
        )
    return IdentificationCounts(searches, databases, sorted(new_ids), sorted(previous_ids))
