"""The server's 'short' fault with a book article: a cut reply loses its last record whatever
its kind, so the fault drops a ``PubmedBookArticle`` when it comes last, and the client fetches
it again by PMID as it does an article (tests/pubmed/test_searches.py, the same fault on
articles only). The book is a real efetch reply: metapub's fixture for PMID 20301546, a
GeneReviews chapter (conftest's ``book_server``)."""

from __future__ import annotations

import pytest
from pubmed.conftest import BOOK_PMID, fast_client
from pubmed.eutils_get import reply

from reviewkit.project import Project
from reviewkit.protocol import Limits, Search
from reviewkit.pubmed.server import EutilsServer, Fault
from reviewkit.searches import run_pmids, run_search
from reviewkit.store import records as record_rows


def _ids(server: EutilsServer) -> list[str]:
    return [str(p) for p in server.snapshot.all_pmids()]


def test_the_short_fault_drops_the_last_record_even_a_book(book_server: EutilsServer) -> None:
    ids = _ids(book_server)
    assert BOOK_PMID in ids
    ordered = ",".join([i for i in ids if i != BOOK_PMID] + [BOOK_PMID])  # the book last
    book_server.faults.script(Fault("short", "efetch"))
    status, body = reply(book_server, "efetch", db="pubmed", id=ordered)
    assert status == 200
    assert b"<PubmedBookArticle>" not in body  # the last record, a book, left out
    assert body.count(b"<PubmedArticle>") == len(ids) - 1  # every article kept
    assert body.rstrip().endswith(b"</PubmedArticleSet>")


def test_a_run_whose_short_reply_lost_a_book_fetches_it_by_pmid(
    project_a: Project, book_server: EutilsServer
) -> None:
    ids = _ids(book_server)
    search = Search("all", "PubMed", " OR ".join(f"{i}[uid]" for i in ids), Limits())
    book_server.faults.script(Fault("short", "efetch"))
    report = run_search(project_a.db, search, fast_client(book_server, batch_size=50))
    stored = [r.pmid for _, r in record_rows.iter_records(project_a.db)]
    assert sorted(stored) == sorted(run_pmids(project_a.db, report.run_id)) == sorted(ids)
    assert not report.unavailable
    by_id = [r for r in book_server.requests("efetch") if "id" in r.params]
    assert run_pmids(project_a.db, report.run_id)[-1] == BOOK_PMID  # the reply's last record
    assert len(by_id) == 1 and by_id[0].params["id"] == BOOK_PMID


@pytest.mark.parametrize("tag", ["book", "pubn", "ed", "isbn"])
def test_a_book_field_refused_on_a_snapshot_with_a_book_does_not_deny_it(
    book_server: EutilsServer, tag: str
) -> None:
    """The book fields' refusal said "the snapshot holds journal articles only", true of the
    offline snapshot but not of a ``--snapshot`` file holding a book, which the server indexes
    and serves (this module): it says what the server does not index instead."""
    _, body = reply(book_server, "esearch", db="pubmed", term=f"GeneReviews[{tag}]")
    text = body.decode()
    assert f"[{tag}]" in text and "journal articles only" not in text
    assert "the local server does not index books' fields" in text
