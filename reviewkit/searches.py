"""Stored searches: run and rerun them against PubMed, log each run as PRISMA-S asks, compare runs.

A run is: esearch (history server; date slices above the 9,999 cap) -> the ranked PMIDs are
stored -> efetch in batches, each batch stored in one transaction with a progress row per
PMID. Interrupted at any point, running the search again resumes the unfinished run: finished
batches are not fetched again and no record is stored twice. Records a search has not seen
before are stored (and so enter the screening queue); records it has seen are compared with
what it saw, and metadata changes are reported. The API key is never stored.
"""

from __future__ import annotations

import hashlib
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import BrokenExecutor, Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field, fields

from reviewkit.errors import UserError
from reviewkit.project import Project
from reviewkit.protocol import Search
from reviewkit.pubmed.client import (
    EntrezRefused,
    PubMedClient,
    SearchResult,
    UnreadableReply,
    parse_efetch,
)
from reviewkit.records import Record
from reviewkit.store import Store
from reviewkit.store import searches as rows
from reviewkit.store.searches import FetchedRow, SearchRun
from reviewkit.workers import process_pool

Progress = Callable[[str, int, int], None]  # (search name, records done, total)
PREFETCH = 3  # batches fetched ahead of the one being stored
# From this many records to fetch, efetch replies are parsed in two worker processes: parsing
# costs about 0.7 ms of CPU per record, 0.34 s for a batch of 500, which is all the time NCBI's
# 3 requests/s leave per request; in worker processes it runs beside the fetching and storing
# instead of taking turns with them for one interpreter lock (starting them costs ~0.5 s).
PARSE_PROCESS_MIN = 2_000


@dataclass
class RunReport:
    """What one run found, against the previous complete run of the same search."""

    search: str
    run_id: int
    count: int
    translation: str
    resumed: bool
    stored: int  # records stored by this run (new to this search)
    new: list[str] = field(default_factory=list)  # PMIDs not in the previous run
    gone: list[str] = field(default_factory=list)  # PMIDs of the previous run missing now
    changed: dict[str, list[str]] = field(default_factory=dict)  # PMID -> changed fields
    unavailable: list[str] = field(
        default_factory=list
    )  # listed by esearch, not returned by efetch
    previous_run: int | None = None
    not_found: list[str] = field(default_factory=list)


@dataclass
class RunDiff:
    search: str
    run_a: int
    run_b: int
    new: list[str]
    gone: list[str]
    changed: dict[str, list[str]]


# --- running -----------------------------------------------------------------------------


def run_searches(
    project: Project,
    names: Sequence[str] | None,
    client: PubMedClient,
    progress: Progress | None = None,
) -> list[RunReport]:
    """Run the named stored searches (all when ``names`` is None), one after another."""
    protocol = project.protocol
    searches = list(protocol.searches) if names is None else [protocol.search(n) for n in names]
    if not searches:
        raise UserError("the protocol has no stored searches", where=str(project.protocol_path))
    return [run_search(project.db, s, client, progress) for s in searches]


def run_search(
    db: Store, search: Search, client: PubMedClient, progress: Progress | None = None
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
        )
        try:
            result = client.search(
                full_query, date_from=search.limits.date_from, date_to=search.limits.date_to
            )
        except BaseException as exc:
            rows.finish_run(db, run_id, status="failed", message=_message(exc))
            raise
        rows.set_result(
            db,
            run_id,
            count=result.count,
            translation=result.translation,
            pmids=result.pmids,
            slices=len(result.slices),
        )
    else:
        run_id = run.id
        rows.reopen_run(db, run_id)
    try:
        _fetch(db, search.name, run_id, client, result, progress)
    except BaseException as exc:
        rows.finish_run(db, run_id, status="failed", message=_message(exc))
        raise
    rows.finish_run(db, run_id, status="complete")
    report = _report(db, search.name, run_id, resumed)
    if result is not None:
        report.not_found = result.not_found
    return report


def _message(exc: BaseException) -> str:
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted; run the search again to resume"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


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
    read or its history set answered with other records than the run listed."""
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
    if records is not None and not (
        fetched.by_history and not {r.pmid for r in records} <= set(pmids)
    ):
        return records
    return client.efetch_ids(pmids, stop=stop)


_BIBLIOGRAPHIC = tuple(
    f.name for f in fields(Record) if f.name not in ("source", "origin", "position", "raw")
)


def fingerprint(record: Record) -> str:
    """A hash of a record's bibliographic fields, to notice metadata changes between runs.

    (A repr of the field values: about ten times faster than ``dataclasses.asdict``.)
    """
    values = repr([getattr(record, name) for name in _BIBLIOGRAPHIC])
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
        else:
            fields = _changed_fields(rows.record_data(db, before), rec)
            out.append(FetchedRow(pmid, "changed", before.record_id, fp, fields, rec.to_json()))
    rows.store_batch(db, run_id, new, out)


def _changed_fields(old_json: str, new: Record) -> list[str]:
    old = Record.from_json(old_json).bibliographic_fields()
    now = new.bibliographic_fields()
    return sorted(k for k in now if old.get(k) != now[k])


# --- reporting ---------------------------------------------------------------------------


def _complete_runs(db: Store, name: str) -> list[SearchRun]:
    return rows.list_runs(db, name, status="complete")


def _report(db: Store, name: str, run_id: int, resumed: bool) -> RunReport:
    run = rows.get_run(db, run_id)
    assert run is not None
    earlier = [r for r in _complete_runs(db, name) if r.id < run_id]
    fetched_now = rows.fetched(db, run_id)
    report = RunReport(
        search=name,
        run_id=run_id,
        count=run.count or 0,
        translation=run.query_translation or "",
        resumed=resumed,
        stored=sum(1 for r in fetched_now.values() if r.status == "new"),
        unavailable=[p for p, r in fetched_now.items() if r.status == "unavailable"],
    )
    if earlier:
        d = diff_runs(db, name, earlier[-1].id, run_id)
        report.previous_run, report.new, report.gone, report.changed = (
            earlier[-1].id,
            d.new,
            d.gone,
            d.changed,
        )
    else:
        report.new = rows.run_pmids(db, run_id)
    return report


def history(db: Store, name: str | None = None) -> list[SearchRun]:
    """Every run (PRISMA-S log), oldest first, of one search or all."""
    return rows.list_runs(db, name)


def run_pmids(db: Store, run_id: int) -> list[str]:
    """The PMIDs of a run, in rank order."""
    return rows.run_pmids(db, run_id)


def diff_runs(db: Store, name: str, run_a: int | None = None, run_b: int | None = None) -> RunDiff:
    """New, gone and changed PMIDs from run A to run B (default: the last two complete runs)."""
    if (run_a is None) != (run_b is None):
        raise UserError("give both runs to compare, or neither")
    if run_a is None:
        complete = _complete_runs(db, name)
        if len(complete) < 2:
            raise UserError(
                f"search {name!r} has {len(complete)} complete run(s); a diff needs two",
                hint=f"run 'reviewkit search run {name}' again later",
            )
        run_a, run_b = complete[-2].id, complete[-1].id
    assert run_b is not None
    for rid in (run_a, run_b):
        run = rows.get_run(db, rid)
        if run is None or run.search_name != name:
            raise UserError(
                f"run {rid} is not a run of search {name!r}",
                hint=f"see 'reviewkit search history {name}'",
            )
    a_ids, b_ids = rows.run_pmids(db, run_a), rows.run_pmids(db, run_b)
    a_set, b_set = set(a_ids), set(b_ids)
    fa, fb = rows.fetched(db, run_a), rows.fetched(db, run_b)
    changed = {}
    for pmid in b_ids:
        ra, rb = fa.get(pmid), fb.get(pmid)
        if (
            pmid in a_set
            and ra
            and rb
            and ra.fingerprint
            and rb.fingerprint
            and ra.fingerprint != rb.fingerprint
        ):
            changed[pmid] = _changed_fields(
                rows.record_data(db, ra), Record.from_json(rows.record_data(db, rb))
            )
    return RunDiff(
        name,
        run_a,
        run_b,
        [p for p in b_ids if p not in a_set],
        [p for p in a_ids if p not in b_set],
        changed,
    )


def test_query(client: PubMedClient, query: str) -> tuple[int, str, list[str]]:
    """Count, PubMed's translation and the terms not found; nothing is stored."""
    result = client.count(query)
    return result.count, result.translation, result.not_found


# --- PRISMA ------------------------------------------------------------------------------


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


def identification_counts(db: Store) -> IdentificationCounts:
    """Per-search counts of the latest runs, records per database, new vs previous records."""
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
        databases[database] = databases.get(database, 0) + n
        name = search_of_run[run_id]
        stored_by_search[name] = stored_by_search.get(name, 0) + n
        (new_ids if run_id in latest_ids else previous_ids).extend(rows.run_record_ids(db, run_id))
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
