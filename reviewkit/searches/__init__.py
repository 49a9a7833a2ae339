"""Stored searches: run and rerun them against PubMed, log each run as PRISMA-S asks, compare runs.

A run is: esearch (history server; date slices above the 9,999 cap) -> the ranked PMIDs are
stored -> efetch in batches, each batch stored in one transaction with a progress row per
PMID. Interrupted at any point, running the search again resumes the unfinished run: finished
batches are not fetched again and no record is stored twice. Records a search has not seen
before are stored (and so enter the screening queue); records it has seen are compared with
what it saw, and metadata changes are reported. The API key is never stored.
"""

from reviewkit.searches.diff import RunDiff, RunReport, diff_runs, history, run_pmids
from reviewkit.searches.identification import (
    IdentificationCounts,
    SearchCount,
    identification_counts,
)
from reviewkit.searches.prisma_s import filters_in, run_log, search_log
from reviewkit.searches.run import fingerprint, run_search, run_searches, test_query

__all__ = [
    "IdentificationCounts",
    "RunDiff",
    "RunReport",
    "SearchCount",
    "diff_runs",
    "filters_in",
    "fingerprint",
    "history",
    "identification_counts",
    "run_pmids",
    "run_log",
    "run_search",
    "run_searches",
    "search_log",
    "test_query",
]
