"""The E-utilities client against the local server: paging, date slices, retries, rate limit, email."""

from __future__ import annotations

import threading

import pytest
from pubmed.conftest import ServerFactory, fast_client

from reviewkit.errors import UserError
from reviewkit.pubmed.client import NCBI_BASE, Cancelled, EntrezError, PubMedClient, RateLimiter
from reviewkit.pubmed.server import EutilsServer, Fault

QUERY = "english[la]"


def expected(server: EutilsServer, query: str = QUERY) -> list[str]:
    return [str(p) for p in server.evaluator.evaluate(query).pmids]


def test_paging_collects_every_id(server: EutilsServer) -> None:
    client = fast_client(server, id_page=25)
    result = client.search(QUERY)
    assert result.pmids == expected(server)
    assert len(server.requests("esearch")) == -(-len(result.pmids) // 25)


def test_entry_date_slices_split_recursively_and_their_ids_add_up(
    make_server: ServerFactory, small_snapshot
) -> None:
    server = make_server(small_snapshot, cap=40)
    client = fast_client(server, cap=40, id_page=40)
    result = client.search(QUERY)
    assert len(result.slices) > 3 and all(s.count <= 40 for s in result.slices)
    assert sorted(result.pmids) == sorted(expected(server)) and len(result.pmids) == result.count
    slices = [r.params for r in server.requests("esearch") if "mindate" in r.params]
    assert slices and all(p["datetype"] == "edat" and p["term"] == QUERY for p in slices)


def test_no_id_list_is_asked_for_and_thrown_away(
    make_server: ServerFactory, small_snapshot
) -> None:
    """Above the cap, ranges are probed for their count (retmax=0); ids are asked only of
    ranges that fit, so every id list asked for is used (the first one is checked)."""
    server = make_server(small_snapshot, cap=40)
    client = fast_client(server, cap=40, id_page=40)
    result = client.search(QUERY)
    with_ids = [r.params for r in server.requests("esearch") if r.params["retmax"] != "0"]
    assert len(with_ids) == 1 + len(result.slices)  # the first request and one per slice
    server.log.clear()
    client.search(QUERY, expect_large=True)  # the previous run was large: count first
    first = server.requests("esearch")[0].params
    assert first["retmax"] == "0" and "mindate" not in first


def test_too_many_records_on_one_day_fail_clearly(
    make_server: ServerFactory, small_snapshot
) -> None:
    server = make_server(small_snapshot, cap=2)
    client = fast_client(server, cap=2, id_page=2)
    with pytest.raises(EntrezError, match="Entry date .* cannot split them further"):
        client.search("english[la]")


@pytest.mark.parametrize("fault", ["429", "500", "502", "503", "cut", "drop"])
def test_each_fault_is_retried_and_the_result_is_complete(server: EutilsServer, fault: str) -> None:
    server.faults.script(fault, Fault(fault, endpoint="efetch"), fault)
    client = fast_client(server, id_page=50)
    result = client.search(QUERY)
    records = client.efetch_ids(result.pmids[:30])
    assert result.pmids == expected(server)
    assert [r.pmid for r in records] == result.pmids[:30]
    assert server.faults.pending() == 0


def test_slow_replies_time_out_and_are_retried(server: EutilsServer) -> None:
    server.faults.script(Fault("slow", seconds=1.0))
    client = fast_client(server, timeout=0.3)
    assert client.count(QUERY).count == len(expected(server))
    assert [r.fault for r in server.requests()] == ["slow", ""]


def test_gives_up_with_a_clear_error_after_every_attempt(server: EutilsServer) -> None:
    server.faults.script(*["500"] * 3)
    client = fast_client(server, max_attempts=3)
    with pytest.raises(
        EntrezError, match=r"esearch failed after 3 attempts \(last: HTTP 500\)"
    ) as info:
        client.count(QUERY)
    assert "resume" in info.value.hint


def test_enforced_rate_limit_is_survived(make_server: ServerFactory, small_snapshot) -> None:
    server = make_server(small_snapshot, rate_limits=(3, 10))
    client = fast_client(server, rate=20, backoff=0.2, max_backoff=1.0, max_attempts=10)
    for _ in range(6):
        assert client.count("cancer").count == len(expected(server, "cancer"))
    assert any(r.status == 429 for r in server.requests())


def test_a_set_stop_event_ends_retries_without_another_request(server: EutilsServer) -> None:
    stop = threading.Event()
    server.faults.script(*[Fault("500", "efetch")] * 5)
    client = fast_client(server, backoff=30, max_backoff=30, max_attempts=5)
    threading.Timer(0.2, stop.set).start()  # while the client sleeps before its first retry
    with pytest.raises(Cancelled):
        client.efetch_ids(["1"], stop=stop)
    assert [r.status for r in server.requests()] == [500]
    with pytest.raises(Cancelled):  # once set, not even a first attempt
        client.efetch_ids(["1"], stop=stop)
    assert len(server.requests()) == 1


def test_refused_queries_are_not_retried(server: EutilsServer) -> None:
    client = fast_client(server)
    with pytest.raises(EntrezError, match=r"refused the search: .*\[pa\] is not supported"):
        client.count("nature[pa]")
    assert len(server.requests()) == 1


def test_email_and_tool_are_always_sent(server: EutilsServer) -> None:
    fast_client(server).search(QUERY)
    assert all(
        r.params["email"] == "librarian@example.org" and r.params["tool"] == "reviewkit"
        for r in server.requests()
    )


def test_real_pubmed_needs_an_email(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NCBI_EMAIL", "REVIEWKIT_EMAIL"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(UserError, match="email"):
        PubMedClient(NCBI_BASE)
    monkeypatch.setenv("REVIEWKIT_EMAIL", "me@example.org")
    assert PubMedClient(NCBI_BASE).email == "me@example.org"
    with pytest.raises(UserError, match="not an http"):
        PubMedClient("ftp://example.org/", email="x@example.org")


def test_rate_limiter_spaces_request_starts() -> None:
    clock = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    limiter = RateLimiter(3, margin=1.0, clock=lambda: clock[0], sleep=sleep)
    for _ in range(4):
        limiter.wait()
    assert slept == pytest.approx([1 / 3, 1 / 3, 1 / 3])


def test_api_key_sets_ten_per_second(server: EutilsServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NCBI_API_KEY", "k-123")
    client = PubMedClient(server.base_url, email="x@example.org")
    assert client.limiter.interval == pytest.approx(1.05 / 10)
    assert "k-123" not in client.interface


def test_a_refused_api_key_is_named_with_ncbis_words_and_not_retried(server: EutilsServer) -> None:
    server.faults.script("badkey")
    client = fast_client(server, api_key="0123456789abcdef", max_attempts=5)
    with pytest.raises(EntrezError, match=r"esearch failed: HTTP 400 .*: API key invalid") as info:
        client.count(QUERY)
    assert "NCBI_API_KEY" in info.value.hint
    assert "0123456789abcdef" not in str(info.value)  # the key NCBI echoes back is not printed
    assert [r.status for r in server.requests()] == [400]


def test_a_5xx_reply_is_retried_whatever_its_body_says(
    server: EutilsServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The status decides a retry: a 503 whose body is an efetch ``<ERROR>`` envelope (an
    overloaded backend's words) is passing, not a refusal of the request."""
    import io
    from urllib.error import HTTPError

    import reviewkit.pubmed.client as client_module

    envelope = b"<eFetchResult>\n\t<ERROR>Unable to obtain query #1</ERROR>\n</eFetchResult>"
    real = client_module.urlopen
    calls: list[int] = []

    def once_503(request, timeout=None):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise HTTPError(
                request.full_url, 503, "Service Unavailable", None, io.BytesIO(envelope)
            )  # type: ignore[arg-type]
        return real(request, timeout=timeout)

    monkeypatch.setattr(client_module, "urlopen", once_503)
    client = fast_client(server)
    pmids = client.search(QUERY).pmids[:3]
    calls.clear()
    assert [r.pmid for r in client.efetch_ids(pmids)] == pmids
    assert len(calls) == 2
