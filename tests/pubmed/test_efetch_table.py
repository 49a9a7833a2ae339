"""EFetch's rettype/retmode pairs as NBK25499's Table 1 lists them for PubMed and for all
databases, and the date fields named alike everywhere the server names them, through HTTP on
127.0.0.1 (the pubfid9 section of benchmarks/results/pubmed-fidelity.md)."""

from __future__ import annotations

import io
import urllib.request

import pytest
from Bio import Entrez
from pubmed.eutils_get import get, reply

from reviewkit.pubmed.server import EutilsServer
from reviewkit.query_tags import DATE_FIELDS


def _pmids(server: EutilsServer, n: int) -> list[str]:
    return [str(p) for p in server.snapshot.all_pmids()[:n]]


@pytest.mark.parametrize("retmode", [{}, {"retmode": "xml"}])
def test_uilist_as_xml_is_esearchs_idlist_of_the_ids_held(
    server: EutilsServer, retmode: dict[str, str]
) -> None:
    """NBK25499, all databases: "List of UIDs in XML", rettype=uilist, retmode=xml (the
    default retmode). An id the snapshot lacks is left out, as the text list leaves it."""
    known = _pmids(server, 3)
    asked = ",".join([known[0], "99999999", *known[1:]])
    status, body = reply(server, "efetch", db="pubmed", rettype="uilist", id=asked, **retmode)
    assert status == 200
    assert Entrez.read(io.BytesIO(body))["IdList"] == known
    text = get(server, "efetch", db="pubmed", rettype="uilist", retmode="text", id=asked)
    assert text.decode().split() == known


def test_uilist_xml_from_a_history_set_is_the_window_asked(server: EutilsServer) -> None:
    found = Entrez.read(
        io.BytesIO(get(server, "esearch", db="pubmed", term="english[la]", usehistory="y"))
    )
    body = get(
        server,
        "efetch",
        db="pubmed",
        rettype="uilist",
        WebEnv=found["WebEnv"],
        query_key=found["QueryKey"],
        retstart="2",
        retmax="5",
    )
    assert Entrez.read(io.BytesIO(body))["IdList"] == found["IdList"][2:7]


def test_docsum_is_esummarys_document_summary(server: EutilsServer) -> None:
    """NBK25499, all databases: "Document summary", rettype=docsum, retmode=xml (default)."""
    ids = ",".join(_pmids(server, 4))
    body = get(server, "efetch", db="pubmed", rettype="docsum", id=ids)
    assert body == get(server, "esummary", db="pubmed", id=ids)
    assert [s["Id"] for s in Entrez.read(io.BytesIO(body))] == ids.split(",")
    url = f"{server.base_url}efetch.fcgi?db=pubmed&rettype=docsum&id={ids}"
    with urllib.request.urlopen(url, timeout=5) as answer:
        assert answer.headers["Content-Type"].startswith("text/xml")


@pytest.mark.parametrize(
    ("params", "said"),
    [
        ({"rettype": "docsum", "retmode": "text"}, b"rettype 'docsum' with retmode=text is not"),
        ({"retmode": "asn.1"}, b"retmode 'asn.1' is not supported by the local server"),
        ({"rettype": "abstract", "retmode": "text"}, b"rettype=uilist or docsum as XML"),
    ],
)
def test_pairs_without_a_documented_layout_are_refused_saying_why(
    server: EutilsServer, params: dict[str, str], said: bytes
) -> None:
    status, body = reply(server, "efetch", db="pubmed", id=_pmids(server, 1)[0], **params)
    assert status == 400 and said in body


def _einfo_dates(server: EutilsServer) -> dict[str, str]:
    info = Entrez.read(io.BytesIO(get(server, "einfo", db="pubmed")))
    fields = info["DbInfo"][0]["FieldList"]
    return {f["Name"].lower(): f["FullName"] for f in fields if f["IsDate"] == "Y"}


def test_each_date_field_is_named_alike_by_einfo_the_query_and_field(
    server: EutilsServer,
) -> None:
    """One list of the date fields (query_tags.DATE_FIELDS): einfo's date fields are exactly
    those, each range tagged by its short tag, by its einfo name as a tag's ``field=`` value,
    and translated with einfo's FullName (``field=`` takes a single date: a range needs its
    tag when the query is read)."""
    assert _einfo_dates(server) == {d.einfo: d.name for d in DATE_FIELDS.values()}
    for short, date in DATE_FIELDS.items():
        tagged = Entrez.read(io.BytesIO(get(server, "esearch", db="pubmed", term=f"2021[{short}]")))
        by_field = Entrez.read(
            io.BytesIO(get(server, "esearch", db="pubmed", term="2021", field=date.einfo))
        )
        assert f"[{date.name}]" in tagged["QueryTranslation"], short
        assert (tagged["Count"], tagged["IdList"]) == (by_field["Count"], by_field["IdList"])
