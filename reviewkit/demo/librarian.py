"""The librarian's part of the demo: Review A's eight stored searches, run, rerun and logged.

Review A's searches are written for the whole of PubMed; the offline snapshot is a random slice
of it, so they find very little here. What this part shows is the librarian's work: each
search's count and PubMed's translation, the delta of a rerun, and the PRISMA-S log.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from reviewkit.project import Project
from reviewkit.pubmed.client import PubMedClient
from reviewkit.searches import RunReport, history, run_pmids, run_searches

LOG_COLUMNS = [
    "search",
    "run",
    "database",
    "interface",
    "query as written",
    "query as sent (with limits)",
    "query as PubMed translated it",
    "limits",
    "started",
    "ended",
    "count",
    "status",
    "PMIDs",
]


@dataclass
class LibrarianResult:
    first: list[RunReport]
    rerun: list[RunReport]

    @property
    def new(self) -> int:
        return sum(len(r.new) for r in self.rerun)

    @property
    def gone(self) -> int:
        return sum(len(r.gone) for r in self.rerun)

    @property
    def changed(self) -> int:
        return sum(len(r.changed) for r in self.rerun)


def run_and_rerun(project: Project, client: PubMedClient) -> LibrarianResult:
    """Run every stored search, then run them again (a rerun reports what is new and gone)."""
    first = run_searches(project, None, client)
    return LibrarianResult(first, run_searches(project, None, client))


def write_search_log(project: Project, path: Path) -> Path:
    """The PRISMA-S log of every run of every stored search, one row per run, as CSV."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(LOG_COLUMNS)
        for run in history(project.db):
            w.writerow(
                [
                    run.search_name,
                    run.id,
                    run.database,
                    run.interface,
                    run.query,
                    run.full_query,
                    run.query_translation or "",
                    run.limits,
                    run.started_at,
                    run.ended_at or "",
                    "" if run.count is None else run.count,
                    run.status,
                    " ".join(run_pmids(project.db, run.id)),
                ]
            )
    return path
