"""The local E-utilities server speaks esearch/efetch as NCBI does (Biopython's real replies are the spec)."""

from __future__ import annotations

import io
import json
import time
import urllib.request
from types import SimpleNamespace
from urllib.error import HTTPError
from urllib.parse import urlencode

import pytest
from Bio import Entrez
from pubmed.conftest import ServerFactory

from reviewkit import offline_data
from reviewkit.errors import UserError
from reviewkit.formats import pubmed_xml
from reviewkit.pubmed import server as server_module
from reviewkit.pubmed.server import EutilsServer, Fault, parse_faults


def get(server: EutilsServer, utility: str, **params: str) -> bytes:
    url = f"{server.base_url}{utility}.fcgi?" + urlencode({"db": "pubmed", **params})
    with urllib.request.urlopen(url, timeout=5) as reply:
        return reply.read()


def real_reply(name: str) -> dict:
    return Entrez.read(
        io.BytesIO(offline_data.path("biopython-tests", f"Tests/Entrez/{name}").read_bytes())
    )


def shape(data: dict) -> list[str]:
    return [k for k in data if k != "TranslationStack"]


def test_esearch_reply_has_ncbis_shape(server: EutilsServer) -> None:
    real = real_reply("esearch2.xml")
    ours = Entrez.read(
        io.BytesIO(get(server, "esearch", term="english[la]", usehistory="y", retmax="5"))
    )
    assert shape(ours) == shape(real)  # Count, RetMax, RetStart, QueryKey, WebEnv, IdList, ...
    assert ours["WebEnv"].startswith("MCID_") and ours["QueryKey"] == "1"
    assert int(ours["Count"]) > 5 and len(ours["IdList"]) == 5
    assert ours["QueryTranslation"] == '"english"[Language]'


def test_phrase_not_found_reply_matches_ncbis(server: EutilsServer) -> None:
    real = real_reply("esearch8.xml")
    ours = Entrez.read(io.BytesIO(get(server, "esearch", term="abcXYZ")))
    assert ours["Count"] == real["Count"] == "0"
    assert ours["ErrorList"]["PhraseNotFound"] == real["ErrorList"]["PhraseNotFound"] == ["abcXYZ"]
    assert ours["WarningList"]["OutputMessage"][-1] == "No items found."
    # the local server says that it did not map the untagged term as PubMed would
    assert ours["WarningList"]["OutputMessage"][0].startswith("No automatic term mapping")


def test_error_replies_are_read_as_errors_by_biopython(server: EutilsServer) -> None:
    for params in (
        {"term": "nature[pa]"},
        {"term": ""},
        {"term": "x", "retmode": "text"},
        {"term": "x", "mindate": "2020"},
    ):
        with pytest.raises(RuntimeError):
            Entrez.read(io.BytesIO(get(server, "esearch", **params)))
    with pytest.raises(HTTPError) as info:  # efetch's errors come with HTTP 400, as NCBI's
        get(server, "efetch", WebEnv="MCID_nope", query_key="1")
    assert info.value.code == 400
    assert b"<eFetchResult>\n\t<ERROR>Unable to obtain query #1</ERROR>" in info.value.read()


def test_paging_and_history(server: EutilsServer) -> None:
    everything = Entrez.read(
        io.BytesIO(get(server, "esearch", term="english[la]", retmax="1000", usehistory="y"))
    )
    count = int(everything["Count"])
    pages = []
    for start in range(0, count, 40):
        page = Entrez.read(
            io.BytesIO(get(server, "esearch", term="english[la]", retstart=str(start), retmax="40"))
        )
        assert page["RetStart"] == str(start)
        pages += page["IdList"]
    assert pages == everything["IdList"]
    body = get(
        server, "efetch", WebEnv=everything["WebEnv"], query_key="1", retstart="10", retmax="25"
    )
    records = list(pubmed_xml.read(io.BytesIO(body), "efetch"))
    assert [r.pmid for r in records] == everything["IdList"][10:35]
    by_id = list(
        pubmed_xml.read(io.BytesIO(get(server, "efetch", id=",".join(pages[:3]))), "efetch")
    )
    assert [r.pmid for r in by_id] == pages[:3]


def test_the_cap_limits_what_one_query_returns(make_server: ServerFactory, small_snapshot) -> None:
    server = make_server(small_snapshot, cap=50)
    reply = Entrez.read(
        io.BytesIO(get(server, "esearch", term="english[la]", retmax="500", retstart="30"))
    )
    assert int(reply["Count"]) > 50 and len(reply["IdList"]) == 20  # records 31..50 only
    with pytest.raises(RuntimeError, match="cannot be larger than 49"):
        Entrez.read(io.BytesIO(get(server, "esearch", term="english[la]", retstart="50")))


def _headed(server: EutilsServer, **params: str) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body) of one esearch, an HTTP error's too."""
    url = f"{server.base_url}esearch.fcgi?" + urlencode({"db": "pubmed", **params})
    try:
        with urllib.request.urlopen(url, timeout=5) as reply:
            return reply.status, dict(reply.headers), reply.read()
    except HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_rate_limit_is_enforced_with_ncbis_json(
    make_server: ServerFactory, small_snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NCBI's 429 body is compact JSON naming the address, the count and the limit; its replies
    carry X-RateLimit-Limit and -Remaining, and no Retry-After (replies.rate_limited). The
    server's clock is stopped, so every request falls in one second however slow the machine
    (a request taking a second let the fourth through, and the test found no 429)."""
    stopped = SimpleNamespace(monotonic=lambda: 1000.0, sleep=time.sleep)
    monkeypatch.setattr(server_module, "time", stopped)
    server = make_server(small_snapshot, rate_limits=(3, 10))
    replies = [_headed(server, term="cancer") for _ in range(5)]
    assert [status for status, _, _ in replies] == [200, 200, 200, 429, 429]
    assert [headers["X-RateLimit-Limit"] for _, headers, _ in replies[:3]] == ["3"] * 3
    assert [h["X-RateLimit-Remaining"] for _, h, _ in replies] == ["2", "1", "0", "0", "0"]
    _, headers, body = replies[3]
    assert body == (
        b'{"error":"API rate limit exceeded","api-key":"127.0.0.1","count":"4","limit":"3"}'
    )
    assert "Retry-After" not in headers
    keyed = [_headed(server, term="cancer", api_key="k") for _ in range(11)]  # counted per key
    assert [status for status, _, _ in keyed] == [200] * 10 + [429]
    assert keyed[0][1]["X-RateLimit-Limit"] == "10"
    assert json.loads(keyed[10][2])["api-key"] == "k"


def test_scripted_faults(server: EutilsServer) -> None:
    server.faults.script("ok", Fault("500", endpoint="efetch"), "cut", "drop")
    get(server, "esearch", term="cancer")  # ok
    with pytest.raises(HTTPError) as info:
        get(server, "efetch", id="1")
    assert info.value.code == 500
    with pytest.raises(Exception) as info2:  # cut: Content-Length promised, half sent
        get(server, "esearch", term="cancer")
    assert "IncompleteRead" in type(info2.value).__name__ or "IncompleteRead" in repr(info2.value)
    with pytest.raises(Exception):  # drop: connection closed without a reply  # noqa: B017
        get(server, "esearch", term="cancer")
    assert [r.fault for r in server.requests()] == ["", "500", "cut", "drop"]


def test_fault_spec_parsing() -> None:
    plan = parse_faults("500@0.5,slow@0.1:1.5", seed=1)
    assert plan.rates == {"500": 0.5, "slow": 0.1} and plan.slow_seconds == 1.5
    for bad in ("boom@0.1", "500@2", "500@x"):
        with pytest.raises(UserError):
            parse_faults(bad)


def test_fault_shares_are_shares_of_all_requests() -> None:
    """'500@0.1,cut@0.05': cut hits 5 % of requests, as the README says (a draw per kind gave
    the later kind only its share of the requests the earlier kinds left: 4.5 %)."""
    plan = parse_faults("500@0.5,cut@0.5", seed=3)
    kinds = [plan.next("esearch") for _ in range(4000)]
    assert None not in kinds  # the shares add up to 1: every request fails
    cut = sum(1 for f in kinds if f.kind == "cut") / len(kinds)
    assert 0.45 < cut < 0.55, cut


def test_unknown_path_is_404(server: EutilsServer) -> None:
    with pytest.raises(HTTPError) as info:
        urllib.request.urlopen(server.base_url + "nosuch.fcgi", timeout=5)
    assert info.value.code == 404
