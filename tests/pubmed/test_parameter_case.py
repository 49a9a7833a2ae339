"""A parameter's value in capitals (``retmode=JSON``, ``db=PubMed``) over real HTTP. NCBI
documents its values in lower case (NBK25499) and says of case only that parameters "may be case
sensitive" (its older EFetch help); the local server read ``sort``, ``field`` and ``usehistory``
without case but refused ``retmode=JSON``. Now every value that names one of the utility's
choices (db, retmode, rettype, usehistory, sort, datetype, idtype, field, version) is read
without case, and the values that are data (term, id, WebEnv, tool, email, api_key) as written:
our decision, said in benchmarks/results/pubmed-fidelity.md."""

from __future__ import annotations

import json

from pubmed.eutils_get import esearch, get, reply

from reviewkit.pubmed.server import EutilsServer


def test_capitals_in_a_choice_read_as_lower_case(server: EutilsServer) -> None:
    lower = get(server, "esearch", db="pubmed", term="english[la]", retmode="json")
    upper = get(server, "esearch", db="PubMed", term="english[la]", retmode="JSON")
    assert json.loads(upper) == json.loads(lower)
    counted = esearch(server, term="english[la]", rettype="COUNT")
    assert counted == {"Count": json.loads(lower)["esearchresult"]["count"]}  # the count alone
    assert esearch(server, term="english[la]", usehistory="Y")["QueryKey"] == "1"
    pmid = json.loads(lower)["esearchresult"]["idlist"][0]
    status, text = reply(server, "efetch", db="pubmed", id=pmid, rettype="MEDLINE", retmode="Text")
    assert status == 200 and text.startswith(f"\nPMID- {pmid}\n".encode())  # as NCBI's
    assert json.loads(get(server, "esummary", db="pubmed", id=pmid, retmode="Json"))["result"][
        "uids"
    ] == [pmid]
    assert get(server, "einfo", db="PUBMED") == get(server, "einfo", db="pubmed")


def test_a_date_type_in_capitals_is_the_same_limit(server: EutilsServer) -> None:
    dated = {"term": "english[la]", "mindate": "1976", "maxdate": "1980"}
    assert esearch(server, datetype="PDAT", **dated) == esearch(server, datetype="pdat", **dated)


def test_data_values_keep_their_case(server: EutilsServer) -> None:
    """A WebEnv is NCBI's token as it gave it: another case is another (unknown) WebEnv."""
    first = esearch(server, term="english[la]", usehistory="y")
    webenv = str(first["WebEnv"])
    status, body = reply(
        server, "efetch", db="pubmed", WebEnv=webenv.lower(), query_key="1", retmax="1"
    )
    assert status == 400 and b"Unable to obtain query #1" in body
