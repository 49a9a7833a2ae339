"""efetch from a history set past PubMed's 9,999 records, and a run log that never lets the
reported count stand for records the tool did not fetch (a test server holding more than its
cap: cap 40, a few hundred real records)."""

from __future__ import annotations

import pytest
from Bio import Entrez
from pubmed.conftest import ServerFactory, fast_client
from pubmed.eutils_get import get, reply

from reviewkit.project import Project
from reviewkit.protocol import Limits, Search
from reviewkit.pubmed.server import EutilsServer
from reviewkit.searches import history, run_log, run_search

QUERY = "english[la]"


def history_set(server: EutilsServer) -> tuple[str, int]:
    import io

    reply = Entrez.read(io.BytesIO(get(server, "esearch", term=QUERY, usehistory="y")))
    return reply["WebEnv"], int(reply["Count"])


def test_efetch_stops_at_the_cap_and_answers_past_a_sets_end_as_ncbi_does(
    make_server: ServerFactory, small_snapshot
) -> None:
    server = make_server(small_snapshot, cap=40)
    webenv, count = history_set(server)
    assert count > 40

    def efetch(retstart: int, retmax: int) -> bytes:
        return get(
            server,
            "efetch",
            db="pubmed",
            WebEnv=webenv,
            query_key="1",
            retstart=str(retstart),
            retmax=str(retmax),
        )

    assert efetch(30, 20).count(b"<PubmedArticle>") == 10  # the window ends at record 40
    assert b"<ERROR>Cannot fetch beyond record 40 of a PubMed history set" in efetch(40, 5)
    small = get(
        server,
        "esearch",
        term=" OR ".join(f"{p}[pmid]" for p in server.evaluate(QUERY).pmids[:2]),
        usehistory="y",
    )
    assert b"<WebEnv>" in small
    webenv2 = small.split(b"<WebEnv>")[1].split(b"</WebEnv>")[0].decode()
    status, body = reply(
        server, "efetch", db="pubmed", WebEnv=webenv2, query_key="1", retstart="30", retmax="5"
    )
    # NCBI's reply (pubmedR issue #7): HTTP 400 and its efetch envelope, DOCTYPE and all
    assert status == 400
    assert body == (
        b'<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eEfetchResult PUBLIC "-//NLM//DTD '
        b'efetch 20131226//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20131226/efetch.dtd">'
        b"\n<eFetchResult>\n\t<ERROR>Cannot retrieve history data: OUT OF RANGE. Parameter "
        b"retstart=30 + 1 is greater than number of records available in history. History "
        b"includes 2 IDs.</ERROR>\n</eFetchResult>\n"
    )


def test_the_run_log_gives_records_fetched_beside_records_found(
    project_a: Project, make_server: ServerFactory, small_snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search above the cap (Entry-date slices) in which efetch leaves one listed record
    out: the log says how many were fetched and why not all, not the count alone."""
    server = make_server(small_snapshot, cap=40)
    everything = server.evaluate(QUERY).pmids
    gone = everything[5]
    real = small_snapshot.articles_xml
    monkeypatch.setattr(
        small_snapshot, "articles_xml", lambda pmids: real([p for p in pmids if p != gone])
    )
    search = Search("english", "PubMed", QUERY, Limits())
    run_search(project_a.db, search, fast_client(server, cap=40, id_page=40, batch_size=25))
    (entry,) = run_log(project_a.db, history(project_a.db, "english"))
    text = "\n".join(entry)
    assert f"records found:       {len(everything)} (in " in text
    assert (
        f"records fetched:     {len(everything) - 1} (1 listed by PubMed but not returned by efetch)"
        in text
    )
    # no efetch asked a history set for records past the cap
    for r in server.requests("efetch"):
        if "WebEnv" in r.params:
            assert int(r.params["retstart"]) + int(r.params["retmax"]) <= 40


# NCBI's reply to esearch with retstart past the cap, as a real 2023 reply quoted in the
# README of the Triple A project (github.com/EhsanBitaraf/triple-a) has it.
NCBI_RETSTART_ERROR = (
    "Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed, "
    "ESearch can only retrieve the first 9,999 records matching the query. To obtain more than "
    "9,999 PubMed records, consider using EDirect that contains additional logic to batch "
    "PubMed search results automatically so that an arbitrary number can be retrieved. For "
    "details see https://www.ncbi.nlm.nih.gov/books/NBK25499/"
)


def test_retstart_past_the_cap_is_refused_in_ncbis_words(
    make_server: ServerFactory, small_snapshot
) -> None:
    import json

    server = make_server(small_snapshot, cap=9_999)
    evaluate = server.evaluate

    def many(term, history=()):  # type: ignore[no-untyped-def]
        result = evaluate(term, history)
        result.pmids = list(range(30_000, 10_000, -1))  # 20,000 records: more than the cap
        return result

    server.evaluate = many  # type: ignore[method-assign]
    body = get(server, "esearch", db="pubmed", term=QUERY, retstart="10000", retmode="json")
    assert json.loads(body)["esearchresult"]["ERROR"] == NCBI_RETSTART_ERROR
