"""Searches above the 9,999 cap: Entry-date slices whose ids add up, drift, a replayed exchange."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from pubmed.conftest import ServerFactory, fast_client
from pubmed.replay import Replay

from reviewkit.offline_data import path as data_path
from reviewkit.project import Project
from reviewkit.protocol import Limits, Search
from reviewkit.pubmed.client import PubMedClient
from reviewkit.pubmed.server import EutilsServer
from reviewkit.searches import history, run_log, run_search

QUERY = "english[la]"


def test_overlapping_print_and_electronic_dates_are_counted_once(
    make_server: ServerFactory, small_snapshot
) -> None:
    """On the real records [dp] year slices overlap (a record printed in one year and
    published online in the year before is in both), so their counts add up to more than the
    search; the client's Entry-date slices hold every record exactly once."""
    server = make_server(small_snapshot, cap=40)
    client = fast_client(server, cap=40, id_page=40)
    total = client.count(QUERY).count
    by_year = sum(client.count(f"{QUERY} AND {y}[dp]").count for y in range(1970, 2023))
    assert by_year > total  # the overlap the issue measured on the snapshot
    result = client.search(QUERY)
    assert sum(s.count for s in result.slices) == total == len(set(result.pmids))
    assert sorted(result.pmids) == sorted(str(p) for p in server.evaluate(QUERY).pmids)


def hide(server: EutilsServer, monkeypatch: pytest.MonkeyPatch, pmid: int, calls: int) -> None:
    """The record ``pmid`` is not in PubMed for the first ``calls`` esearch requests (it is
    added to PubMed during the run)."""
    real, seen = server.evaluate, [0]

    def evaluate(term: str, history=()):  # type: ignore[no-untyped-def]
        seen[0] += 1
        result = real(term, history)
        if seen[0] <= calls:
            result.pmids = [p for p in result.pmids if p != pmid]
        return result

    monkeypatch.setattr(server, "evaluate", evaluate)


@pytest.mark.parametrize("appears", ["before its slice", "after every slice"])
def test_a_count_that_drifts_mid_run_is_reread_and_logged(
    make_server: ServerFactory, small_snapshot, monkeypatch: pytest.MonkeyPatch, appears: str
) -> None:
    server = make_server(small_snapshot, cap=40)
    everything = server.evaluate(QUERY).pmids
    added = everything[len(everything) // 2]
    fast_client(server, cap=40, id_page=40).search(QUERY)  # a dry run, to count its requests
    requests = len(server.requests("esearch"))
    server.log.clear()
    # 'before its slice': only the first request misses it; 'after': only the final count sees it
    hide(server, monkeypatch, added, 1 if appears == "before its slice" else requests - 1)
    result = fast_client(server, cap=40, id_page=40).search(QUERY)
    assert requests > 3
    assert str(added) in result.pmids and result.count == len(everything) == len(result.pmids)
    drift = [m.text for m in result.messages if m.kind == "drift"]
    assert drift and f"{len(everything) - 1} records at the start" in drift[0]
    if appears == "after every slice":  # the union fell short of the final count
        assert any("that slice was read again" in t for t in drift)


def test_drift_is_stored_with_the_run(
    project_a: Project, make_server: ServerFactory, small_snapshot, monkeypatch
) -> None:
    server = make_server(small_snapshot, cap=40)
    everything = server.evaluate(QUERY).pmids
    hide(server, monkeypatch, everything[3], 1)
    search = Search("english", "PubMed", QUERY, Limits())
    run_search(project_a.db, search, fast_client(server, cap=40, id_page=40, batch_size=200))
    (entry,) = run_log(project_a.db, history(project_a.db, "english"))
    assert any(
        line.startswith("  count changed during the run: the search found") for line in entry
    )
    assert f"records found:       {len(everything)}" in "\n".join(entry)


# --- a search of 42,249 records, replayed ------------------------------------------------

RECORDED = "esearch2.xml"  # Biopython's recording of a real esearch for 'cancer': 42,249 hits


class SyntheticNcbi:
    """SYNTHESISED around a real recording. The first esearch is answered with Biopython's
    recorded reply (Count 42,249, 100 ids, WebEnv) verbatim; every later reply is made in that
    reply's exact shape over 42,249 PMIDs (the recorded 100 first, the rest below them), each
    with an Entry date in the recorded window (2025/09/27-2025/11/26, about 700 a day);
    efetch replies are metapub's recorded article 38962805 under each PMID. Requests NCBI
    refuses (retstart past 9,998) get NCBI's refusal."""

    def __init__(self) -> None:
        self.recorded = data_path("biopython-tests", f"Tests/Entrez/{RECORDED}").read_bytes()
        first = [int(i) for i in re.findall(rb"<Id>(\d+)</Id>", self.recorded)]
        self.count = int(re.search(rb"<Count>(\d+)</Count>", self.recorded).group(1))
        rest = [first[-1] - 1 - k for k in range(self.count - len(first))]
        self.pmids = first + rest  # newest first
        start, days = date(2025, 9, 27), 61
        self.edat = {
            p: start + timedelta(days=days - 1 - i * days // self.count)
            for i, p in enumerate(self.pmids)
        }
        self.head = self.recorded[: self.recorded.index(b"<eSearchResult>")]
        self.translation_set = re.search(
            rb"<TranslationSet>.*</TranslationSet>", self.recorded, re.S
        ).group(0)
        self.sets: dict[str, list[int]] = {}
        self.served_recording = False
        article = data_path("metapub-fixtures", "tests/fixtures/pmid_xml/38962805.xml").read_bytes()
        self.article = re.search(rb"<PubmedArticle>.*</PubmedArticle>", article, re.S).group(0)
        self.efetch_head = article[: article.index(b"<PubmedArticleSet>")]

    def answer(self, endpoint: str, p: dict[str, str]) -> bytes:
        if endpoint == "efetch":
            return self.efetch(p)
        assert p["term"] == "cancer"
        if not self.served_recording:
            self.served_recording = True
            self.sets["1"] = self.pmids
            return self.recorded
        ids = self.pmids
        if "mindate" in p:
            assert p["datetype"] == "edat"
            lo, hi = (date(*map(int, p[k].split("/"))) for k in ("mindate", "maxdate"))
            ids = [i for i in ids if lo <= self.edat[i] <= hi]
        start, retmax = int(p.get("retstart", 0)), int(p.get("retmax", 20))
        if start > 9998:
            return self.error(
                "Search Backend failed: Exception:\n'retstart' cannot be larger than 9998."
            )
        page = ids[start : start + min(retmax, 9999 - start)]
        key = ""
        if p.get("usehistory") == "y":
            key = str(len(self.sets) + 1)
            self.sets[key] = ids
            key = f"<QueryKey>{key}</QueryKey><WebEnv>MCID_6927d6e7fee3e90f880ec190</WebEnv>"
        id_list = (
            "<IdList>\n" + "".join(f"<Id>{i}</Id>\n" for i in page) + "</IdList>"
            if page
            else "<IdList/>"
        )
        dates = f" AND {p['mindate']}:{p['maxdate']}[Date - Entry]" if "mindate" in p else ""
        return (
            self.head
            + (
                f"<eSearchResult><Count>{len(ids)}</Count><RetMax>{len(page)}</RetMax>"
                f"<RetStart>{start}</RetStart>{key}{id_list}"
            ).encode()
            + self.translation_set
            + (f"<QueryTranslation>cancer{dates}</QueryTranslation></eSearchResult>\n").encode()
        )

    def efetch(self, p: dict[str, str]) -> bytes:
        start, retmax = int(p["retstart"]), int(p["retmax"])
        if start > 9998:
            return self.error("Cannot fetch beyond record 9999")
        ids = self.sets[p["query_key"]][start : start + retmax]
        body = b"".join(self.article.replace(b"38962805", str(i).encode()) for i in ids)
        return self.efetch_head + b"<PubmedArticleSet>\n" + body + b"\n</PubmedArticleSet>\n"

    def error(self, text: str) -> bytes:
        return self.head + f"<eSearchResult><ERROR>{text}</ERROR></eSearchResult>\n".encode()


@pytest.fixture
def ncbi() -> Iterator[tuple[SyntheticNcbi, Replay]]:
    fake = SyntheticNcbi()
    replay = Replay(fake.answer)
    yield fake, replay
    replay.close()


def test_a_search_of_42249_records_through_the_client(ncbi) -> None:  # type: ignore[no-untyped-def]
    fake, replay = ncbi
    client = PubMedClient(replay.base_url, email="x@example.org", rate=500, backoff=0.001)
    result = client.search("cancer")
    assert result.count == 42_249 == len(result.pmids) and set(result.pmids) == {
        str(p) for p in fake.pmids
    }
    assert all(s.count <= 9_999 and s.webenv for s in result.slices)
    esearch = [p for e, p in replay.requests if e == "esearch"]
    assert all(int(p.get("retstart", 0)) <= 9_998 for p in esearch)
    # every id list asked for after the first is a slice's: the probes ask for counts only
    assert sum(1 for p in esearch[1:] if p["retmax"] != "0") == len(result.slices)
    for s in (result.slices[0], result.slices[-1]):  # efetch from each slice's history set
        tail = client.efetch_history(s.webenv, s.query_key, len(s.ids) - 500, 500)
        assert [r.pmid for r in tail] == s.ids[-500:]


def test_a_sliced_search_logs_the_search_s_messages_not_its_slices(
    make_server: ServerFactory, small_snapshot
) -> None:
    """The Entry-date slices up to next year reach past the local snapshot, and some find
    nothing: neither is the librarian's search. Before rd35a the run kept five messages naming
    the slices' ranges ('The date limit 1904/07/03:2027/12/31[edat] reaches past the
    snapshot…') and a 'No items found.' for a search of 305 records; a date range the query
    itself reaches past the snapshot with is said once."""
    server = make_server(small_snapshot, cap=40)
    client = fast_client(server, cap=40, id_page=40)
    result = client.search(QUERY)
    assert len(result.slices) > 1
    said = [m.text for m in result.messages]
    assert not any("snapshot holds" in t or "No items found" in t for t in said), said
    dated = client.search(f"{QUERY} AND 1800:3000[dp]")
    assert len(dated.slices) > 1 and dated.count == result.count
    past = [m.text for m in dated.messages if "snapshot holds" in m.text]
    assert len(past) == 1, past
