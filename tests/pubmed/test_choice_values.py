"""A choice's value (db, retmode, rettype, version …) with white space around it, and how a
refusal quotes it, over real HTTP. NCBI documents no rule for either and no recorded reply shows
one: a choice is read trimmed and without case, and a refusal quotes the value as the request
wrote it (our decision, said in benchmarks/results/pubmed-fidelity.md, pubfid15)."""

from __future__ import annotations

import json

from pubmed.eutils_get import esearch, get

from reviewkit.pubmed.server import EutilsServer


def _pmid(server: EutilsServer) -> str:
    return str(esearch(server, term="english[la]", retmax="1")["IdList"][0])


def test_white_space_around_a_choice_is_dropped(server: EutilsServer) -> None:
    pmid = _pmid(server)
    plain = get(server, "esummary", db="pubmed", id=pmid, version="2.0")
    assert b"<DocumentSummary " in plain
    assert get(server, "esummary", db=" pubmed", id=pmid, version="2.0 ") == plain
    as_json = get(server, "esummary", db="pubmed", id=pmid, retmode="json ")
    assert json.loads(as_json)["result"]["uids"] == [pmid]
    counted = esearch(server, term="english[la]", rettype=" count")
    assert list(counted) == ["Count"]


def test_a_refusal_quotes_the_value_as_typed(server: EutilsServer) -> None:
    pmid = _pmid(server)
    assert b"Invalid db name specified: PubMedX<" in get(server, "esearch", db="PubMedX", term="a")
    assert b"Invalid db name specified: PubMedX<" in get(server, "einfo", db="PubMedX")
    refused = get(server, "esummary", db="pubmed", id=pmid, version="3.0 ")
    assert b"esummary version '3.0 ' is not served" in refused
    refused = get(server, "efetch", db="pubmed", id=pmid, rettype="MedLine", retmode="XML")
    assert b"rettype 'MedLine' is not served as XML" in refused
    refused = get(server, "esearch", db="pubmed", term="a", sort="Pub_Datex")
    assert b"sort 'Pub_Datex' is not supported" in refused
