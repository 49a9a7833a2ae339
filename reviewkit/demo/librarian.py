"""The librarian's part of the demo: Review A's eight stored searches, run, rerun and logged.

Review A's searches are written for the whole of PubMed; the offline snapshot is a random slice
of it, so they find very little here. What this part shows is the librarian's work: each
search's count and PubMed's translation, the delta of a rerun, and the PRISMA-S log.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reviewkit import outputs
from reviewkit.project import Project
from reviewkit.pubmed.client import PubMedClient
from reviewkit.searches import LOG_COLUMNS, RunReport, run_searches, search_log_rows


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
    """The PRISMA-S log of every run of every stored search, one row per run, as CSV (as
    `reviewkit search log --csv` writes it)."""
    return outputs.write_csv(path, LOG_COLUMNS, search_log_rows(project.db))
