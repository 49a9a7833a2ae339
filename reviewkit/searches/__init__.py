"""Stored searches: run and rerun them against PubMed (:mod:`.run`), compare runs
(:mod:`.diff`), count them for PRISMA (:mod:`.identification`) and log them as PRISMA-S asks
(:mod:`.prisma_s`).
"""

from reviewkit.searches.diff import (
    RunDiff,
    RunReport,
    complete_runs,
    diff_runs,
    history,
    run_pmids,
    stored_titles,
)
from reviewkit.searches.identification import (
    IdentificationCounts,
    SearchCount,
    identification_counts,
)
from reviewkit.searches.prisma_s import (
    LOG_COLUMNS,
    run_log,
    search_log,
    search_log_rows,
    status_text,
)
from reviewkit.searches.published_filters import filters_in
from reviewkit.searches.run import (
    fingerprint,
    run_search,
    run_searches,
    searches_to_run,
    test_query,
)

__all__ = [
    "IdentificationCounts",
    "LOG_COLUMNS",
    "RunDiff",
    "complete_runs",
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
    "searches_to_run",
    "search_log",
    "search_log_rows",
    "status_text",
    "stored_titles",
    "test_query",
]
