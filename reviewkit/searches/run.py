"""Stored searches: run and rerun them against PubMed, log each run as PRISMA-S asks, compare runs.

A run is: esearch (history server; date slices above the 9,999 cap) -> the ranked PMIDs are
stored -> efetch in batches, each batch stored in one transaction with a progress row per
PMID. Interrupted at any point, running the search again resumes the unfinished run: finished
batches are not fetched again and no record is stored twice. Records a search has not seen
before are stored (and so enter the screening queue); records it has seen are compared with
what it saw, and metadata changes are reported. The PMIDs of the previous run a rerun no longer
finds are looked up once more, to tell those PubMed deleted (:mod:`.deleted`) from those the
query no longer matches. The API key is never stored.
"""

from __future__ import annotations

import hashlib
import threading
import uuid
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import BrokenExecutor, Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, fields

from reviewkit.errors import UserError
from reviewkit.project import Project
from reviewkit.protocol import Search
from reviewkit.pubmed.client import (
    EntrezRefused,
    ESearchResult,
    PubMedClient,
    SearchResult,
    UnreadableReply,
    parse_efetch,
)
from reviewkit.records import Record, normalise_doi
from reviewkit.searches.categories import CATEGORIES, completed_records
from reviewkit.searches.deleted import note_deleted
from reviewkit.searches.diff import RunReport, changed_fields, run_report
from reviewkit.searches.one_run import only_search_run
from reviewkit.store import Store
from reviewkit.store import records as record_rows
from reviewkit.store import searches as rows
from reviewkit.store.searches import FetchedRow
from reviewkit.workers import process_pool

Progress = Callable[[str, int, int], None]  # (search name, records done, total)
PREFETCH = 3  # batches fetched ahead of the one being stored
# From this many records to fetch, efetch replies are parsed in two worker processes: parsing
# costs about 0.7 ms of CPU per record, 0.34 s for a batch of 500, which is all the time NCBI's
# 3 requests/s leave per request; in worker processes it runs beside the fetching and storing
# instead of taking turns with them for one interpreter lock (starting them costs ~0.5 s).
PARSE_PROCESS_MIN = 2_000


# --- running -----------------------------------------------------------------------------


def searches_to_run(project: Project, names: Sequence[str] | None) -> list[Search]:
    """The stored searches ``names`` names (all when None), refused before any request (and
    before an email is asked for) when a name is unknown or the protocol stores none."""
    protocol = project.protocol
    searches = list(protocol.searches) if names is None else [protocol.search(n) for n in names]
    if not searches:
        raise UserError(
            "the protocol has no stored searches",
            where=str(project.protocol_path),
            hint='add a [[searches]] table (name, database = "PubMed", query) to it, as in'
            " protocols/*.toml; a review of imported records runs none",
        )
    return searches


def run_searches(
    project: Project,
    names: Sequence[str] | None,
    client: PubMedClient,
    progress: Progress | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[RunReport]:
    """Run the named stored searches (all when ``names`` is None), one after another; ``warn``
    hears that the project's folder cannot be locked (:mod:`.one_run`).

    After an interruption the same command resumes: the search that was cut off continues
    where it stopped, and the searches that command had already finished are not run again
    (their report says ``already_finished``).
    """
    searches = searches_to_run(project, names)
    db = project.db
    with only_search_run(project.folder, warn):  # a second command at once is refused (one_run.py)
        batch, finished = _resume_plan(db, [s.name for s in searches])
        reports = []
        for s in searches:
            if s.name in finished:
                report = run_report(db, s.name, finished[s.name], resumed=False)
                report.already_finished = True
                reports.append(report)
            else:
                reports.append(run_search(db, s, client, progress, batch=batch))
    return reports


def resume_words(names: Sequence[str], base_url: str | None) -> str:
    """'search run NAMES' ('--all' without names), with ``--base-url URL`` when one is given:
    the words that resume runs, which resume only on the server they ran on (their interface),
    so a line without the URL sent them to NCBI and began new runs there."""
    import shlex

    words = "search run " + (" ".join(shlex.quote(n) for n in names) or "--all")
    return words + (f" --base-url {shlex.quote(base_url)}" if base_url else "")


def _resume_plan(db: Store, names: Sequence[str]) -> tuple[str, dict[str, int]]:
    """(the batch id for this command, search name -> its run finished by the interrupted
    command being resumed). A command resumes when one of its searches' latest run is
    unfinished; it then takes over that run's batch."""
    latest = {}
    for name in names:
        runs = rows.list_runs(db, name)
        if runs:
            latest[name] = runs[-1]
    unfinished = [r for r in latest.values() if r.status != "complete" and r.batch]
    if not unfinished:
        return uuid.uuid4().hex, {}
    batches = {r.batch for r in unfinished}
    batch = max(unfinished, key=lambda r: r.id).batch
    assert batch is not None
    finished = {
        name: r.id for name, r in latest.items() if r.status == "complete" and r.batch in batches
    }
    return batch, finished


def run_search(
    db: Store,
    search: Search,
    client: PubMedClient,
    progress: Progress | None = None,
    *,
    batch: str | None = None,
) -> RunReport:
    """Run (or resume) one stored search."""
    if search.database != "PubMed":
        raise UserError(
            f"search {search.name!r} is for {search.database}, which reviewkit cannot run"
        )
    full_query = search.full_query()
    run = rows.resumable_run(
        db, search_name=search.name, full_query=full_query, interface=client.interface
    )
    resumed = run is not None
    result: SearchResult | None = None
    if run is None:
        run_id = rows.start_run(
            db,
            search_name=search.name,
            database=search.database,
            interface=client.interface,
            query=search.query,
            full_query=full_query,
            limits=search.limits.describe(),
            batch=batch,
        )
        try:
            result = client.search(full_query, expect_large=_was_large(db, search.name, client))
        except BaseException as exc:
            if isinstance(exc, EntrezRefused):
                rows.add_messages(db, run_id, [("ERROR", exc.text)])
            rows.finish_run(db, run_id, status="failed", message=_message(exc))
            raise
        rows.set_result(
            db,
            run_id,
            count=result.count,
            translation=result.translation,
            pmids=result.pmids,
            slices=len(result.slices),
            snapshot=result.snapshot,
        )
        rows.add_messages(db, run_id, [(m.kind, m.text) for m in result.messages])
    else:
        run_id = run.id
        rows.reopen_run(db, run_id)
    try:
        _fetch(db, search.name, run_id, client, result, progress)
        note_deleted(db, search.name, run_id, client)  # which gone PMIDs PubMed deleted
    except BaseException as exc:
        rows.finish_run(db, run_id, status="failed", message=_message(exc))
        raise
    rows.finish_run(db, run_id, status="complete")
    return run_report(db, search.name, run_id, resumed)


def _was_large(db: Store, name: str, client: PubMedClient) -> bool:
    """Whether the latest complete run of the search found more than the cap."""
    runs = rows.list_runs(db, name, status="complete")
    return bool(runs) and (runs[-1].count or 0) > client.cap


def _message(exc: BaseException) -> str:
    """The whole message (every line), so the log keeps what NCBI said."""
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted; run the search again to resume"
    return str(exc) or type(exc).__name__


def _fetch(
    db: Store,
    name: str,
    run_id: int,
    client: PubMedClient,
    result: SearchResult | None,
    progress: Progress | None,
) -> None:
    """Fetch every PMID of the run not fetched yet, batch by batch, each batch committed."""
    pmids = rows.run_pmids(db, run_id)
    done = set(rows.fetched(db, run_id))
    known = rows.known_to_search(db, name, before_run=run_id)
    positions = {p: rank for rank, p in reversed(list(enumerate(pmids, start=1)))}
    total = len(positions)
    if progress:
        progress(name, len(done), total)
    plan = []
    for batch, history in _batches(pmids, result, client.batch_size):
        todo = [p for p in dict.fromkeys(batch) if p not in done]
        if todo:
            plan.append((todo, history if len(todo) == len(batch) else None))
    # The next batches are fetched in a worker thread while this one is being stored, and for
    # large runs parsed in worker processes while the thread fetches the ones after: the rate
    # limiter, not our own work, then sets the pace. Batches are stored in order. When the run
    # stops (an error, Ctrl-C) the fetch running ahead makes no further request and is waited
    # for, so no request of a finished run reaches the server afterwards.
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="efetch")
    parser = process_pool(2) if sum(len(todo) for todo, _ in plan) >= PARSE_PROCESS_MIN else None
    stop = threading.Event()
    pending: deque[Future[_Fetched]] = deque()
    try:
        for i, (todo, _history) in enumerate(plan):
            while len(pending) < PREFETCH and i + len(pending) < len(plan):
                ahead_todo, ahead_history = plan[i + len(pending)]
                pending.append(
                    pool.submit(_download, client, ahead_todo, ahead_history, stop, parser)
                )
            records = _records(client, pending.popleft().result(), todo, stop)
            _store_batch(db, run_id, todo, records, known, positions)
            done.update(todo)
            if progress:
                progress(name, len(done), total)
    finally:
        stop.set()
        try:
            pool.shutdown(wait=True, cancel_futures=True)  # at most the request in flight
        finally:
            if parser is not None:
                parser.shutdown(wait=True, cancel_futures=True)


def _batches(pmids: list[str], result: SearchResult | None, size: int):
    """(PMIDs, history position or None): from the history sets on a fresh run, by id on resume."""
    if result is None:
        for start in range(0, len(pmids), size):
            yield pmids[start : start + size], None
        return
    for s in result.slices:
        for start in range(0, len(s.ids), size):
            yield s.ids[start : start + size], (s.webenv, s.query_key, start) if s.webenv else None


@dataclass
class _Fetched:
    """One batch as the fetch thread hands it on: its records, or its reply being parsed by a
    worker process (``parsing``; None when the pool was broken and it is parsed here)."""

    by_history: bool
    records: list[Record] | None = None
    body: bytes = b""
    parsing: Future[list[Record]] | None = None


def _download(
    client: PubMedClient,
    pmids: list[str],
    history: tuple[str, str, int] | None,
    stop: threading.Event,
    parser: Executor | None,
) -> _Fetched:
    """(fetch thread) One batch from its history set, or by id when there is none or it expired."""
    if history is not None:
        webenv, key, start = history
        try:
            if parser is None:
                return _Fetched(
                    True, records=client.efetch_history(webenv, key, start, len(pmids), stop=stop)
                )
            return _to_parser(
                True, client.efetch_history_xml(webenv, key, start, len(pmids), stop=stop), parser
            )
        except EntrezRefused:
            pass  # e.g. the history set expired: fetch by id instead
    if parser is None:
        return _Fetched(False, records=client.efetch_ids(pmids, stop=stop))
    return _to_parser(False, client.efetch_ids_xml(pmids, stop=stop), parser)


def _to_parser(by_history: bool, body: bytes, parser: Executor) -> _Fetched:
    try:
        return _Fetched(by_history, body=body, parsing=parser.submit(parse_efetch, body))
    except BrokenExecutor:  # a worker died earlier: the storing thread parses the reply
        return _Fetched(by_history, body=body)


def _records(
    client: PubMedClient, fetched: _Fetched, pmids: list[str], stop: threading.Event
) -> list[Record]:
    """(storing thread) The batch's records; fetched again by id when its reply could not be
    read or its history set answered with other records than the run listed, and the ones a
    history set's reply left out fetched by id (efetch may answer with fewer records than
    asked, NBK25499 promising none: a record deleted since the search, or a batch answered in
    part). What the fetch by id does not return either is stored 'unavailable' and the run
    says so ('listed but not returned')."""
    records = fetched.records
    if records is None:
        try:
            try:
                records = (
                    fetched.parsing.result()
                    if fetched.parsing is not None
                    else parse_efetch(fetched.body)
                )
            except BrokenExecutor:  # the worker process died (killed, out of memory): parse it here
                records = parse_efetch(fetched.body)
        except UnreadableReply:
            records = None
    got = {r.pmid for r in records} if records is not None else set()
    if records is None or (fetched.by_history and not got <= set(pmids)):
        return client.efetch_ids(pmids, stop=stop)
    missing = [p for p in pmids if p not in got]
    if fetched.by_history and missing:
        records += client.efetch_ids(missing, stop=stop)
    return records


# fields a record gained later count only when given: a stored run's fingerprints stay valid
# for records without them. One that has such a field (every PubMed article has its journal's
# abbreviation) hashes anew, and is 'seen' when that field is all that differs from the stored
# record (diff.changed_fields does not compare a field the stored record predates)
_LATER = (
    "kind",
    "publisher",
    "place",
    "journal_abbreviation",
    "vernacular_title",
    "comments_corrections",
)
_BIBLIOGRAPHIC = tuple(
    f.name for f in fields(Record) if f.name not in ("source", "origin", "position", "raw", *_LATER)
)


def fingerprint(record: Record) -> str:
    """A hash of a record's bibliographic fields, to notice metadata changes between runs.

    (A repr of the field values: about ten times faster than ``dataclasses.asdict``.)
    """
    # the DOI folded as before records kept its spelling: a stored run's fingerprints stay
    # valid, and a DOI PubMed re-cases is no metadata change (DOIs are case-insensitive)
    values = repr(
        [normalise_doi(record.doi) if n == "doi" else getattr(record, n) for n in _BIBLIOGRAPHIC]
    ) + "".join(repr((n, v)) for n in _LATER if (v := getattr(record, n)))
    return hashlib.sha256(values.encode()).hexdigest()[:20]


def _store_batch(
    db: Store,
    run_id: int,
    todo: list[str],
    records: list[Record],
    known: dict[str, FetchedRow],
    positions: dict[str, int],
) -> None:
    by_pmid: dict[str, Record] = {}
    for rec in records:
        by_pmid.setdefault(rec.pmid, rec)
    new: list[Record] = []
    out: list[FetchedRow] = []
    for pmid in todo:
        rec = by_pmid.get(pmid)
        if rec is None:
            out.append(FetchedRow(pmid, "unavailable", None, "", [], None))
            continue
        rec.origin = f"PubMed search run {run_id}"
        rec.position = positions.get(pmid, 0)
        fp = fingerprint(rec)
        before = known.get(pmid)
        if before is None:
            new.append(rec)
            out.append(FetchedRow(pmid, "new", None, fp, [], None))
        elif before.fingerprint == fp:
            out.append(FetchedRow(pmid, "seen", before.record_id, fp, [], None))
        elif fields := changed_fields(rows.record_data(db, before), rec):
            out.append(FetchedRow(pmid, "changed", before.record_id, fp, fields, rec.to_json()))
        else:  # it differs only in a field the stored record predates: seen, as it was
            out.append(FetchedRow(pmid, "seen", before.record_id, fp, [], None))
    rows.store_batch(db, run_id, new, out, _completed(db, out, by_pmid))


def _completed(
    db: Store, out: list[FetchedRow], by_pmid: dict[str, Record]
) -> list[tuple[int, list[str], tuple[str, str]]]:
    """(record id, NLM's categories of its sections, run message) of the batch's seen records stored without NLM's
    categories of their abstract sections, completed with them (:mod:`.categories`)."""
    seen = {
        r.record_id: r.pmid
        for r in out
        if r.status == "seen"
        and r.record_id is not None
        and any(s.category for s in by_pmid[r.pmid].abstract_sections)
    }
    if not seen:
        return []
    stored = record_rows.get_records(db, seen)
    done = completed_records(stored, ((rid, by_pmid[pmid]) for rid, pmid in seen.items()))
    return [(rid, cats, (CATEGORIES, seen[rid])) for rid, cats in done.items()]


def test_query(client: PubMedClient, query: str) -> ESearchResult:
    """Count, PubMed's translation and every message NCBI sent; nothing is stored."""
    return client.count(query)
