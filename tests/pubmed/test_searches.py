"""Stored searches: PRISMA-S logging, resume after interruption, deltas between snapshots, API key."""

from __future__ import annotations

import multiprocessing
import re
import time
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pubmed.conftest import (
    HEAD,
    TAIL,
    ServerFactory,
    fast_client,
    pmid_of,
    real_delete_citation,
    set_pmid,
    write_set,
)

import reviewkit.searches.run as search_run
from reviewkit.offline_data import PUBMED_UPDATE
from reviewkit.offline_data import path as data_path
from reviewkit.project import Project
from reviewkit.protocol import Limits, Search
from reviewkit.pubmed.client import EntrezError, UnreadableReply, parse_efetch, whole_efetch
from reviewkit.pubmed.server import Fault
from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.searches import (
    diff_runs,
    history,
    identification_counts,
    run_pmids,
    run_search,
    run_searches,
)
from reviewkit.store import records as record_rows
from reviewkit.workers import process_pool

ENGLISH = Search("english", "PubMed", "english[la]", Limits())


def stored_pmids(project: Project) -> list[str]:
    return [r.pmid for _, r in record_rows.iter_records(project.db)]


def test_run_is_logged_as_prisma_s_asks(project_a: Project, server) -> None:
    search = Search(
        "rtw",
        "PubMed",
        '"return to work" OR "sick leave"',
        Limits(date_from="2020", date_to="2021/12", languages=("english",)),
    )
    report = run_search(project_a.db, search, fast_client(server, batch_size=1))
    run = history(project_a.db, "rtw")[0]
    assert run.status == "complete" and run.database == "PubMed"
    assert run.interface == f"E-utilities {server.base_url}"
    assert run.query == '"return to work" OR "sick leave"'
    assert (
        run.full_query
        == '("return to work" OR "sick leave") AND 2020:2021/12[dp] AND (english[la])'
    )
    assert run.query_translation and "[All Fields]" in run.query_translation
    assert '"languages": ["english"]' in run.limits
    assert run.started_at <= (run.ended_at or "") and run.count == report.count >= 2
    ranked = [
        r["pmid"]
        for r in project_a.db.query(
            "SELECT pmid FROM search_run_pmids WHERE run_id=? ORDER BY rank", (run.id,)
        )
    ]
    assert ranked == [str(p) for p in server.evaluator.evaluate(run.full_query).pmids]
    assert sorted(stored_pmids(project_a)) == sorted(ranked) and report.stored == len(ranked)


def test_resume_after_a_failed_batch_fetches_only_what_is_missing(
    project_a: Project, server
) -> None:
    client = fast_client(server, batch_size=20, max_attempts=2)
    server.faults.script(
        *[Fault("ok", "efetch")] * 3, Fault("500", "efetch"), Fault("500", "efetch")
    )
    with pytest.raises(EntrezError, match="efetch failed after 2 attempts"):
        run_search(project_a.db, ENGLISH, client)
    run = history(project_a.db, "english")[0]
    assert run.status == "failed" and "efetch failed" in (run.message or "")
    assert len(stored_pmids(project_a)) == 60  # three committed batches
    before = len(server.requests())
    report = run_search(project_a.db, ENGLISH, client)
    assert report.resumed and report.run_id == run.id and report.count == run.count
    resumed = server.requests()[before:]
    assert all(r.endpoint == "efetch" for r in resumed)  # no new esearch, only the missing batches
    assert len(resumed) == -(-(run.count - 60) // 20)
    pmids = stored_pmids(project_a)
    assert len(pmids) == len(set(pmids)) == run.count  # nothing stored twice
    assert history(project_a.db, "english")[0].status == "complete"


class SpyPool:
    """The real worker pool of a large run, counting what it is given; while ``fail`` holds
    exceptions, a submission's future raises the next one instead (a broken or dead worker)."""

    def __init__(self, workers: int, fail: list[BaseException]) -> None:
        self.pool = process_pool(workers)
        self.fail = fail
        self.submitted = 0

    def submit(self, fn, *args):
        self.submitted += 1
        if self.fail:
            future: Future = Future()
            future.set_exception(self.fail.pop(0))
            return future
        return self.pool.submit(fn, *args)

    def shutdown(self, **kw) -> None:
        self.pool.shutdown(**kw)


@dataclass
class Spy:
    made: list[SpyPool] = field(default_factory=list)
    fail: list[BaseException] = field(default_factory=list)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> Spy:
    """Every run parses in worker processes (as runs of PARSE_PROCESS_MIN records do) and the
    pools it makes are listed in ``spy.made``; exceptions put in ``spy.fail`` break submissions."""
    found = Spy()

    def make(workers: int) -> SpyPool:
        found.made.append(SpyPool(workers, found.fail))
        return found.made[-1]

    monkeypatch.setattr(search_run, "PARSE_PROCESS_MIN", 0)
    monkeypatch.setattr(search_run, "process_pool", make)
    return found


def _expected(server) -> list[str]:
    return [str(p) for p in server.evaluator.evaluate("english[la]").pmids]


def test_replies_parsed_in_worker_processes_give_the_same_run(
    project_a: Project, server, spy: Spy
) -> None:
    server.faults.script(Fault("ok", "efetch"), Fault("cut", "efetch"))  # a cut reply is retried
    report = run_search(project_a.db, ENGLISH, fast_client(server, batch_size=40))
    assert report.count == len(_expected(server)) and sorted(stored_pmids(project_a)) == sorted(
        _expected(server)
    )
    assert [r.fault for r in server.requests("efetch")][:3] == ["", "cut", ""]  # "ok" logs no fault
    (pool,) = spy.made
    assert pool.submitted == -(-report.count // 40)  # every batch went to the workers


@pytest.mark.parametrize(
    "failure",
    [UnreadableReply("unreadable efetch reply"), BrokenProcessPool("worker died")],
    ids=["unreadable", "worker-died"],
)
def test_a_reply_the_workers_cannot_give_back_is_not_lost(
    project_a: Project, server, spy: Spy, failure: BaseException
) -> None:
    """An unreadable reply is fetched again by id; a dead worker's batch is parsed in-process."""
    spy.fail.append(failure)
    report = run_search(project_a.db, ENGLISH, fast_client(server, batch_size=40))
    pmids = stored_pmids(project_a)
    assert (
        sorted(pmids) == sorted(_expected(server)) and len(pmids) == len(set(pmids)) == report.count
    )
    by_id = [r for r in server.requests("efetch") if "id" in r.params]
    assert len(by_id) == (1 if isinstance(failure, UnreadableReply) else 0)


def test_whole_efetch_refuses_a_reply_cut_between_articles(nlm_articles) -> None:
    whole = HEAD + b"\n".join(nlm_articles["update"][:3]) + TAIL
    assert len(parse_efetch(whole)) == 3
    cut = whole[
        : whole.rindex(b"</PubmedArticle>") + len(b"</PubmedArticle>")
    ]  # no closing root tag
    with pytest.raises(UnreadableReply, match="cut short"):
        whole_efetch(cut)
    with pytest.raises(UnreadableReply):
        parse_efetch(whole.replace(b"</ArticleTitle>", b"", 1))  # whole-looking but malformed


def test_a_stopped_run_leaves_no_request_and_no_process_behind(
    project_a: Project, server, spy: Spy
) -> None:
    def stop_after_two(name: str, done: int, total: int) -> None:
        if done >= 60:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_search(project_a.db, ENGLISH, fast_client(server, batch_size=30), stop_after_two)
    seen = len(server.requests())
    time.sleep(0.5)
    assert len(server.requests()) == seen  # the fetch running ahead died with the run
    assert multiprocessing.active_children() == []  # and so did the parser processes
    assert len(stored_pmids(project_a)) == 60


@pytest.mark.parametrize("stop_at", [0, 1, 4])
def test_interrupted_at_any_point_resumes(project_a: Project, server, stop_at: int) -> None:
    calls = []

    def progress(name: str, done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == stop_at + 1:
            raise KeyboardInterrupt

    client = fast_client(server, batch_size=30)
    with pytest.raises(KeyboardInterrupt):
        run_search(project_a.db, ENGLISH, client, progress)
    assert "interrupted" in (history(project_a.db)[0].message or "")
    report = run_search(project_a.db, ENGLISH, client)
    pmids = stored_pmids(project_a)
    assert report.resumed and len(pmids) == len(set(pmids)) == report.count


def test_failure_during_esearch_starts_a_new_run(project_a: Project, server) -> None:
    server.faults.script(*[Fault("503", "esearch")] * 2)
    with pytest.raises(EntrezError):
        run_search(project_a.db, ENGLISH, fast_client(server, max_attempts=2))
    report = run_search(project_a.db, ENGLISH, fast_client(server))
    assert not report.resumed
    assert [r.status for r in history(project_a.db)] == ["failed", "complete"]
    assert len(stored_pmids(project_a)) == report.count


def test_faults_during_a_run_still_give_the_right_count(
    project_a: Project, make_server: ServerFactory, small_snapshot
) -> None:
    server = make_server(small_snapshot, cap=60)
    server.faults.script(
        "429",
        "cut",
        Fault("500", "efetch"),
        Fault("cut", "efetch"),
        Fault("drop", "efetch"),
        Fault("slow", "efetch", seconds=0.6),
    )
    report = run_search(
        project_a.db, ENGLISH, fast_client(server, cap=60, id_page=60, batch_size=25, timeout=0.4)
    )
    assert report.count == len(server.evaluator.evaluate("english[la]").pmids) > 60
    assert sorted(stored_pmids(project_a)) == sorted(
        str(p) for p in server.evaluator.evaluate("english[la]").pmids
    )
    assert server.faults.pending() == 0


def test_the_api_key_is_never_stored(
    project_a: Project, server, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = "SECRET-api-key-4711"
    monkeypatch.setenv("NCBI_API_KEY", key)
    server.faults.script("500", Fault("drop", "efetch"))
    run_search(project_a.db, ENGLISH, fast_client(server))
    with pytest.raises(EntrezError) as info:
        run_search(project_a.db, Search("bad", "PubMed", "nature[pa]"), fast_client(server))
    assert all(r.params.get("api_key") == key for r in server.requests())  # it was sent …
    assert key not in str(info.value)
    project_a.db.conn.execute("PRAGMA wal_checkpoint(FULL)")
    for path in Path(project_a.folder).iterdir():  # … and is nowhere in the project
        assert key.encode() not in path.read_bytes(), path


def test_delta_between_two_snapshots(
    project_a: Project, make_server: ServerFactory, nlm_articles, tmp_path: Path
) -> None:
    """The 2021 update file deletes 20 PMIDs. They are not in our baseline chunk, so snapshot 1
    stands them up as copies of real articles; snapshot 2 applies the update file's real
    DeleteCitation block, and revises one article's title as NLM revisions do."""
    delete_block = real_delete_citation(data_path("pubmed-snapshot", PUBMED_UPDATE))
    deleted = re.findall(rb"<PMID[^>]*>(\d+)</PMID>", delete_block)
    assert len(deleted) == 20
    english = [a for a in nlm_articles["update"] if b"<Language>eng</Language>" in a]
    base = english[:60]
    stand_ins = [set_pmid(a, p.decode()) for a, p in zip(english[60:80], deleted, strict=True)]
    revised_pmid = pmid_of(base[0])
    revised = re.sub(
        rb"<ArticleTitle>.*?</ArticleTitle>",
        b"<ArticleTitle>A revised title.</ArticleTitle>",
        base[0],
        count=1,
        flags=re.S,
    )
    one = write_set(tmp_path / "one.xml", base + stand_ins)
    two = write_set(tmp_path / "two.xml", [revised], extra=delete_block)
    search = Search("all-2021", "PubMed", "english[la]")
    first = run_search(project_a.db, search, fast_client(make_server(Snapshot.open([one]))))
    second = run_search(project_a.db, search, fast_client(make_server(Snapshot.open([one, two]))))
    assert first.count == 80 and second.count == 60
    assert sorted(second.gone) == sorted(p.decode() for p in deleted)
    assert second.new == [] and second.stored == 0
    assert second.changed == {revised_pmid: ["title"]}
    d = diff_runs(project_a.db, "all-2021")
    assert (d.run_a, d.run_b) == (first.run_id, second.run_id) and d.changed == second.changed
    back = diff_runs(project_a.db, "all-2021", second.run_id, first.run_id)
    assert sorted(back.new) == sorted(second.gone)


def test_rerun_stores_new_records_and_counts_them_as_new(
    project_a: Project, make_server: ServerFactory, nlm_articles, tmp_path: Path
) -> None:
    arts = [a for a in nlm_articles["update"] if b"<Language>eng</Language>" in a]
    one = write_set(tmp_path / "one.xml", arts[:40])
    two = write_set(tmp_path / "two.xml", arts[40:55])
    search = Search("all-2021", "PubMed", "english[la]")
    run_search(project_a.db, search, fast_client(make_server(Snapshot.open([one]))))
    counts = identification_counts(project_a.db)
    assert (
        not counts.is_update
        and counts.databases == {"PubMed": 40}
        and len(counts.new_record_ids) == 40
    )
    report = run_search(project_a.db, search, fast_client(make_server(Snapshot.open([one, two]))))
    assert len(report.new) == report.stored == 15 and report.gone == []
    counts = identification_counts(project_a.db)
    assert (
        counts.is_update
        and len(counts.previous_record_ids) == 40
        and len(counts.new_record_ids) == 15
    )
    assert (
        counts.searches[0].count == 55 and counts.searches[0].runs == 2 and counts.retrieved == 55
    )
    new_pmids = {
        r.pmid for r in record_rows.get_records(project_a.db, counts.new_record_ids).values()
    }
    assert new_pmids == set(report.new)


def test_review_a_runs_all_eight_stored_searches(project_a: Project, server) -> None:
    reports = run_searches(project_a, None, fast_client(server))
    assert [r.search for r in reports] == [s.name for s in project_a.protocol.searches]
    counts = identification_counts(project_a.db)
    assert len(counts.searches) == 8
    assert counts.retrieved == sum(r.count for r in reports) == len(stored_pmids(project_a))
    runs = history(project_a.db)
    assert len(runs) == 8 and all(r.status == "complete" and r.query_translation for r in runs)
    assert all("systematic[Filter]" in (r.query_translation or "") for r in runs)


def test_expired_history_falls_back_to_fetching_by_id(project_a: Project, server) -> None:
    def forget(name: str, done: int, total: int) -> None:
        server._history.clear()  # as when NCBI's WebEnv expires mid-run

    report = run_search(project_a.db, ENGLISH, fast_client(server, batch_size=50), forget)
    fetches = server.requests("efetch")
    assert any("WebEnv" in r.params for r in fetches) and any("id" in r.params for r in fetches)
    assert sorted(stored_pmids(project_a)) == sorted(run_pmids(project_a.db, report.run_id))


def test_a_batch_answered_with_fewer_records_fetches_the_rest_by_id(
    project_a: Project, server
) -> None:
    """An efetch reply from the history set, whole and well formed but with fewer articles than
    asked: the run fetches the missing ones by PMID, so every record is stored and none is
    'listed but not returned'."""
    server.faults.script(Fault("short", "efetch"))
    report = run_search(project_a.db, ENGLISH, fast_client(server, batch_size=50))
    fetches = server.requests("efetch")
    assert server.faults.pending() == 0
    assert sorted(stored_pmids(project_a)) == sorted(run_pmids(project_a.db, report.run_id))
    assert not report.unavailable
    by_id = [r for r in fetches if "id" in r.params]
    assert len(by_id) == 1 and len(by_id[0].params["id"].split(",")) == 1
