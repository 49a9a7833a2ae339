"""The PRISMA-S log of stored searches: every run with its query as written, sent and
translated, limits, start and end, count, interface (and the local snapshot's files), every
message NCBI sent, published filters cited verbatim, and the review a strategy was adapted from.

The log opens with the PRISMA-S checklist (Rethlefsen et al. 2021), item by item
(:mod:`.prisma_s_items`); the runs below it give items 1 (database and interface), 8 (each
strategy as written, sent and translated), 9 (limits), 10 (filters cited), 11 (the review a
strategy was adapted from), 12 (what each rerun found new and gone), 13 (dates) and 15 (records
found and fetched, per run). Item 15 asks for the number of records; the Markdown log also
lists each run's PMIDs in rank order, so a reader can check the count and see what a rerun
added or lost without the project (PRISMA-S asks for no list; we add it, as the CSV did).

PRISMA-S asks for every search as it was run. A search renamed or removed from protocol.toml
after it ran keeps its runs in the store under its old name; the log lists those runs too, in
a section of their own after the protocol's searches, each with the query it ran.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from reviewkit.markdown import code_block, heading, paragraph
from reviewkit.protocol import Protocol
from reviewkit.pubmed.messages import Message, one_per_line
from reviewkit.searches.categories import completed_text
from reviewkit.searches.diff import counts_text, diff_runs, translator
from reviewkit.searches.edits import limits_text
from reviewkit.searches.prisma_s_items import checklist
from reviewkit.searches.published_filters import filters_in
from reviewkit.store import Store
from reviewkit.store import searches as rows
from reviewkit.store import versions as version_rows
from reviewkit.store.searches import SearchRun


def run_log(db: Store, runs: Sequence[SearchRun]) -> list[list[str]]:
    """For each run: the lines of its PRISMA-S entry, all from what the run stored (its
    database, query and limits as run), so a search since renamed, changed or removed from
    the protocol is logged as it ran."""
    out = []
    versions = version_rows.list_versions(db)  # oldest first
    for run in runs:
        lines = [
            f"run {run.id} ({status_text(run.status)}): {run.database} via {run.interface}",
            f"  started:             {run.started_at}",
            f"  ended:               {run.ended_at or '-'}",
        ]
        # an update's runs told from the version's: the newest version recorded before it ran
        after = [v for v in versions if v.recorded_at < run.started_at]
        if after:
            v = after[-1]
            lines.append(
                f"  in the update after: version {v.name!r} (recorded {v.recorded_at[:10]})"
            )
        lines += [
            f"  records found:       {'-' if run.count is None else run.count}"
            + (f" (in {run.slices} Entry-date slices)" if run.slices > 1 else ""),
        ]
        lines.append(_fetched_line(db, run))
        if run.snapshot:
            lines.append(f"  local snapshot:      {run.snapshot}")
        lines += [
            f"  query as written:    {run.query}",
            f"  query as sent:       {run.full_query}",
            f"  query as translated: {run.query_translation or '-'}",
            f"  limits:              {limits_text(run.limits)}",
        ]
        lines += _since_lines(db, run)
        messages = rows.run_messages(db, run.id)
        if categories := completed_text(messages):  # one line, not one per PMID
            lines.append(f"  {categories}")
        for kind, text in one_per_line(messages):  # deleted: in the since line's list
            lines.append(f"  {Message(kind, text).describe()}")  # as search run words it
        if run.message:
            lines.append(f"  message:             {run.message}")
        out.append(lines)
    return out


def status_text(status: str) -> str:
    """A run's status as the log and the history table say it. A run stays 'running' in the store when its process
    was killed without a chance to write (SIGKILL, the machine switched off): the log does not
    let a reader take it for a search still going, nor for a complete one."""
    if status == "running":
        return "running, or stopped without a word: 'search run' again resumes it"
    return status


def _since_lines(db: Store, run: SearchRun) -> list[str]:
    """What a complete run found against the search's complete run before it: new, gone
    (those PubMed deleted named), changed, and whether the query sent or PubMed's translation
    of it differs, so a reader tells PubMed's changes from the librarian's and the mapping's."""
    previous = rows.previous_complete_run(db, run.search_name, run.id)
    if run.status != "complete" or previous is None:
        return []
    d = diff_runs(db, run.search_name, previous.id, run.id)
    since = f"  since run {d.run_a}:"
    lines = [f"{since:<23}{counts_text(d)}"]
    if d.edit.query or d.edit.sent_only:
        what = "the query as written" if d.edit.query else "the query or limits sent"
        lines.append(f"  query edited:        {what} differs from run {d.run_a}'s")
    if d.edit.limits:
        lines.append(f"  limits edited:       {'; '.join(d.edit.limits)}")
    if d.translation_changed:  # never with an edit (diff_runs)
        who, _whose, why = translator(d)
        lines.append(
            f"  translation changed: the same query as run {d.run_a}, translated differently by "
            f"{who} ({why})"
        )
    if d.deleted:
        lines.append(f"  deleted from PubMed: {' '.join(d.deleted)}")
    return lines


def _fetched_line(db: Store, run: SearchRun) -> str:
    """How many records the run received, next to the count PubMed reported: the log never
    lets the reported count stand for records the tool did not fetch."""
    rows_ = rows.fetched(db, run.id).values()
    received = sum(1 for r in rows_ if r.status != "unavailable")
    missing = len(rows_) - received
    notes = []
    if missing:
        notes.append(f"{missing} listed by PubMed but not returned by efetch")
    if run.status != "complete" and run.count is not None and len(rows_) < run.count:
        notes.append(f"the run stopped before fetching {run.count - len(rows_)}")
    return f"  records fetched:     {received}" + (f" ({'; '.join(notes)})" if notes else "")


# the search log as a sheet, one row per run (`search log --csv`, the demo's search-log.csv)
LOG_COLUMNS = (
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
)


def search_log_rows(db: Store) -> list[list[object]]:
    """Every run of every search, oldest first, as a row of :data:`LOG_COLUMNS`: the runs of
    searches since renamed or removed too, under the name they ran with."""
    return [
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
            " ".join(rows.run_pmids(db, run.id)),
        ]
        for run in rows.list_runs(db)
    ]


def search_log(db: Store, protocol: Protocol) -> str:
    """The PRISMA-S log of every search run, as Markdown: the protocol's stored searches, then
    the runs stored under names the protocol no longer has (renamed or removed searches)."""
    parts = [heading(1, "Search log (PRISMA-S)"), "", *checklist(db, protocol)]
    by_name: dict[str, list[SearchRun]] = {}
    for run in rows.list_runs(db):  # in start order, read once
        by_name.setdefault(run.search_name, []).append(run)
    for search in protocol.searches:
        parts += [heading(2, search.name), ""]
        if search.description:
            parts += [paragraph(search.description), ""]
        runs = by_name.pop(search.name, [])
        parts += _filter_lines([search.query], search.adapted_from)
        if not runs:
            parts += ["Not run yet.", ""]
        parts += _run_lines(db, runs)
    others = by_name  # the names the protocol no longer has
    if others:
        parts += [
            "## Runs of searches no longer in the protocol",
            "",
            "These runs are stored under names protocol.toml no longer has (the search was "
            "renamed or removed after it ran). PRISMA-S asks for every search as run, so they "
            "are logged here with the query each one ran.",
            "",
        ]
    for name, runs in others.items():
        parts += [heading(3, name), ""]
        parts += _filter_lines([run.query for run in runs], None)
        parts += _run_lines(db, runs)
    return "\n".join(parts)


def _filter_lines(queries: Sequence[str], adapted_from: str | None) -> list[str]:
    """The published filters the queries use, cited verbatim (PRISMA-S item 10), and the
    prior-work line: the review whose strategy the search adapts, as the protocol cites it
    (item 11; ``None``: the search is no longer in the protocol, so neither is its citation)."""
    found = list({f.name: f for q in queries for f in filters_in(q)}.values())
    parts: list[str] = []
    for f in found:
        parts += [paragraph(f"Search filter used: {f.name}. {f.citation} Verbatim:"), ""]
        parts += [*code_block([f.text]), ""]
    prior = adapted_from or (
        "not recorded (the search is no longer in the protocol)"
        if adapted_from is None
        else "not recorded (adapted_from in the search's protocol table)"
    )
    return [*parts, paragraph(f"Adapted from: {prior}"), ""]


def _run_lines(db: Store, runs: Sequence[SearchRun]) -> list[str]:
    parts: list[str] = []
    for run, entry in zip(runs, run_log(db, runs), strict=True):
        parts += [*code_block(entry + _pmid_lines(db, run.id)), ""]
    return parts


def _pmid_lines(db: Store, run_id: int) -> list[str]:
    """A run's PMIDs in rank order, wrapped under their heading (none: a line that says so)."""
    pmids = rows.run_pmids(db, run_id)
    if not pmids:
        return ["  PMIDs:               none stored"]
    wrapped = textwrap.wrap(" ".join(pmids), 90, break_on_hyphens=False)
    return [f"  PMIDs in rank order ({len(pmids)}):", *("    " + line for line in wrapped)]
