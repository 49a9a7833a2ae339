"""EPost on the local server, through HTTP on 127.0.0.1, against NCBI's recorded replies
(Biopython's Tests/Entrez/epost1-3.xml) and NBK25499's account of the history server: a posted
list is a set of the WebEnv that efetch, esummary and esearch read."""

from __future__ import annotations

import io
import re
import urllib.request
from urllib.parse import urlencode

import pytest
from Bio import Entrez
from pubmed.eutils_get import esearch, get, reply

from reviewkit import offline_data
from reviewkit.formats import pubmed_xml
from reviewkit.pubmed.epost import POST_CAP
from reviewkit.pubmed.server import EutilsServer


def post(server: EutilsServer, **params: str) -> bytes:
    """An epost as Biopython sends one: an HTTP POST."""
    data = urlencode({"db": "pubmed", **params}).encode()
    with urllib.request.urlopen(f"{server.base_url}epost.fcgi", data, timeout=5) as answer:
        assert answer.status == 200
        return answer.read()


def recorded(name: str) -> bytes:
    return offline_data.path("biopython-tests", f"Tests/Entrez/{name}").read_bytes()


def _pmids(server: EutilsServer, n: int) -> list[str]:
    return [str(p) for p in esearch(server, term="english[la]", retmax=str(n))["IdList"]]


def test_replies_are_ncbis_recorded_ones_byte_for_byte(server: EutilsServer) -> None:
    stored = post(server, id=_pmids(server, 1)[0])
    webenv = re.search(rb"<WebEnv>(.*)</WebEnv>", stored)
    assert webenv
    assert stored == recorded("epost1.xml").replace(b"MCID_692851c130aec64bed0a8c2a", webenv[1])
    assert post(server, db="nothing") == recorded("epost2.xml")
    assert post(server, id="99999999999999999999999999999999") == recorded("epost3.xml")
    status, body = reply(server, "epost", db="pubmed", id="1")  # GET is answered too
    assert status == 200 and b"<QueryKey>1</QueryKey>" in body


def test_a_posted_set_is_read_by_efetch_esummary_and_esearch(server: EutilsServer) -> None:
    """NBK25499: EPost stores the list as query_key 1 of a new WebEnv, or as the next key of
    the WebEnv given; efetch and esummary read it by WebEnv + query_key; esearch by #N."""
    pmids = _pmids(server, 5)
    first = Entrez.read(io.BytesIO(post(server, id=",".join(pmids[:3] + pmids[:1]))))
    assert first["QueryKey"] == "1"
    history = {"WebEnv": first["WebEnv"], "query_key": "1"}
    body = get(server, "efetch", db="pubmed", **history)
    assert [r.pmid for r in pubmed_xml.read(io.BytesIO(body), "efetch")] == pmids[:3]
    summaries = Entrez.read(io.BytesIO(get(server, "esummary", db="pubmed", **history)))
    assert [s["Id"] for s in summaries] == pmids[:3]
    second = Entrez.read(io.BytesIO(post(server, id=",".join(pmids[3:]), WebEnv=first["WebEnv"])))
    assert (second["QueryKey"], second["WebEnv"]) == ("2", first["WebEnv"])
    both = esearch(server, term="#1 OR #2", usehistory="y", WebEnv=first["WebEnv"])
    assert sorted(both["IdList"]) == sorted(pmids)
    assert both["QueryKey"] == "3"


def test_invalid_ids_are_left_out_and_said_to_be(server: EutilsServer) -> None:
    pmid = _pmids(server, 1)[0]
    body = post(server, id=f"{pmid},abc,0,18446744073709551616")
    assert b"<QueryKey>1</QueryKey>" in body
    with pytest.raises(RuntimeError, match="Some IDs have invalid value and were omitted"):
        Entrez.read(io.BytesIO(body))  # as Biopython reads NCBI's ERROR element
    webenv = re.search(rb"<WebEnv>(.*)</WebEnv>", body)
    assert webenv
    fetched = get(server, "efetch", db="pubmed", WebEnv=webenv[1].decode(), query_key="1")
    assert [r.pmid for r in pubmed_xml.read(io.BytesIO(fetched), "efetch")] == [pmid]
    assert b"<ERROR>Empty ID list; Nothing to store</ERROR></ePostResult>" in post(server)


def test_more_pmids_than_ncbi_accepts_are_refused_saying_why(server: EutilsServer) -> None:
    """NCBI Insights (2022-09-13): EPost accepts up to 10,000 PMIDs in one request."""
    ids = ",".join(str(n) for n in range(1, POST_CAP + 2))
    body = post(server, id=ids)
    assert b"10,001 PMIDs posted: EPost accepts up to 10,000" in body
    assert b"<QueryKey>" not in body
    assert b"<QueryKey>1</QueryKey>" in post(server, id=ids.rsplit(",", 1)[0])


def test_efetch_and_esummary_read_an_id_by_epost_s_rule(server: EutilsServer) -> None:
    """One rule for an id in every utility: ASCII digits, 1 to NCBI's maximum (epost3.xml).
    '²' is a digit to str.isdigit but no number int() reads: efetch and esummary closed the
    connection without a reply (a ValueError in the handler) where EPost left it out."""
    pmid = _pmids(server, 1)[0]
    for utility in ("efetch", "esummary"):
        status, body = reply(server, utility, db="pubmed", id=f"{pmid},²")
        assert status == 200 and pmid.encode() in body
    status, body = reply(server, "efetch", db="pubmed", id="²,99999999999999999999999")
    assert b"ID list is empty! Possibly it has no correct IDs." in body
    assert b"<ERROR>Empty ID list; Nothing to store</ERROR>" in post(server, id="²")


def test_a_digit_int_cannot_read_is_refused_in_every_number(server: EutilsServer) -> None:
    """'²' is a digit to str.isdigit and none to int: in [pmid], retmax, reldate and query_key
    the server closed the connection without a reply (a ValueError in the handler); each is now
    refused in NCBI's envelope, as any other value that is no number."""
    webenv = esearch(server, term="english[la]", usehistory="y")["WebEnv"]
    asked = [
        ("esearch", {"term": "²[pmid]"}),
        ("esearch", {"term": "english[la]", "retmax": "²"}),
        ("esearch", {"term": "english[la]", "reldate": "²"}),
        ("esearch", {"term": "english[la]", "query_key": "²", "usehistory": "y", "WebEnv": webenv}),
        ("efetch", {"query_key": "²", "WebEnv": webenv}),
    ]
    for utility, params in asked:
        status, body = reply(server, utility, db="pubmed", **params)
        assert status in (200, 400) and b"<ERROR>" in body, (utility, params)
