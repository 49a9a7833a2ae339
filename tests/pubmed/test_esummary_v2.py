"""esummary ``version=2.0`` in XML over real HTTP (NBK25499, ESummary ``version``: "Used to
specify version 2.0 ESummary XML"). The local server refused it. Its shape: a real PubMed reply
(PMIDs 5683731 and 22144687, NCBI's own sample kept by Klortho/Eutils-JSON,
``samples/esummary.pubmed.xml``, with its DTD ``eSummary_pubmed.dtd``) and a 2020 live reply
quoted in a public project's test (the 20160808 DOCTYPE, ``DbBuild``, an unknown uid's
``<error>``). NCBI's JSON DocSum is this XML converted (the same project, NCBI's converter: each
element's name in lower case), so the XML must hold what the local JSON holds, item by item."""

from __future__ import annotations

import json

from lxml import etree as ET
from pubmed.conftest import BOOK_PMID
from pubmed.eutils_get import esearch, get, reply

from reviewkit.pubmed.server import EutilsServer

HEAD = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eSummaryResult PUBLIC "-//NLM//DTD '
    'esummary pubmed 20160808//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20160808/'
    'esummary_pubmed.dtd">\n<eSummaryResult>\n<DocumentSummarySet status="OK">\n<DbBuild>'
)
# the recorded sample's items in its order (ViewCount, gone from current JSON replies, left out)
# and VernacularTitle, the current JSON's last key
ITEMS = [
    "PubDate", "EPubDate", "Source", "Authors", "LastAuthor", "Title", "SortTitle", "Volume",
    "Issue", "Pages", "Lang", "NlmUniqueID", "ISSN", "ESSN", "PubType", "RecordStatus",
    "PubStatus", "ArticleIds", "History", "References", "Attributes", "PmcRefCount",
    "FullJournalName", "ELocationID", "DocType", "SrcContribList", "BookTitle", "Medium",
    "Edition", "PublisherLocation", "PublisherName", "SrcDate", "ReportNumber",
    "AvailableFromURL", "LocationLabel", "DocContribList", "DocDate", "BookName", "Chapter",
    "SortPubDate", "SortFirstAuthor", "VernacularTitle",
]  # fmt: skip
LISTS = {  # list item -> the element of each entry (the DTD's)
    "Authors": "Author", "Lang": "string", "PubType": "flag", "ArticleIds": "ArticleId",
    "History": "PubMedPubDate", "References": "Reference", "Attributes": "flag",
    "SrcContribList": "Author", "DocContribList": "Author",
}  # fmt: skip


def _as_json(summary: ET._Element) -> dict:
    """A DocumentSummary read as NCBI's converter reads it: names in lower case, lists as lists,
    structures as objects (white space around a value dropped, as the JSON has none)."""
    out: dict = {"uid": summary.get("uid")}
    for item in summary:
        if item.tag in LISTS:
            entries = item.findall(LISTS[item.tag])
            out[item.tag.lower()] = [
                {e.tag.lower(): (e.text or "").strip() for e in entry} if len(entry) else entry.text
                for entry in entries
            ]
        else:
            out[item.tag.lower()] = (item.text or "").strip()
    return out


def _pmids(server: EutilsServer, n: int) -> list[str]:
    return list(esearch(server, term="english[la]", retmax=str(n))["IdList"])


def test_version_2_xml_holds_what_the_json_docsum_holds(server: EutilsServer) -> None:
    ids = ",".join(_pmids(server, 25))
    status, body = reply(server, "esummary", db="pubmed", id=ids, version="2.0")
    assert status == 200
    assert body.decode().startswith(HEAD)
    docs = ET.fromstring(body).find("DocumentSummarySet")
    (build,) = docs.findall("DbBuild")
    assert build.text == ET.fromstring(get(server, "einfo", db="pubmed")).findtext(".//DbBuild")
    from_json = json.loads(get(server, "esummary", db="pubmed", id=ids, retmode="json"))["result"]
    summaries = docs.findall("DocumentSummary")
    assert [s.get("uid") for s in summaries] == from_json["uids"]
    for summary in summaries:
        assert [e.tag for e in summary] == ITEMS
        expected = from_json[summary.get("uid")]
        for entry in expected["references"]:  # numbers in JSON, text in XML
            entry["pmid"] = str(entry["pmid"])
        for entry in expected["articleids"]:
            entry["idtypen"] = str(entry["idtypen"])
        assert _as_json(summary) == expected


def test_version_2_xml_is_laid_out_as_the_recorded_sample(server: EutilsServer) -> None:
    (pmid,) = _pmids(server, 1)
    text = get(server, "esummary", db="pubmed", id=pmid, version="2.0").decode()
    assert f'</DbBuild>\n<DocumentSummary uid="{pmid}">\n\t<PubDate>' in text
    assert (
        "\t\t<Author>\n\t\t\t<Name>" in text
        and "\t\t\t<AuthType>\n\t\t\t\tAuthor\n\t\t\t</AuthType>\n" in text
    )
    assert "\t<RecordStatus>\n\t\tPubMed - " in text
    assert "\t<Lang>\n\t\t<string>eng</string>\n\t</Lang>\n" in text
    assert text.endswith("</DocumentSummary>\n\n</DocumentSummarySet>\n</eSummaryResult>\n")


def test_an_unknown_uid_and_a_book_in_version_2(
    server: EutilsServer, book_server: EutilsServer
) -> None:
    body = get(server, "esummary", db="pubmed", id="99999999", version="2.0").decode()
    assert (
        '<DocumentSummary uid="99999999">\n<error>cannot get document summary</error>\n'
        "</DocumentSummary>\n\n</DocumentSummarySet>" in body
    )  # the 2020 live reply's form
    book = ET.fromstring(get(book_server, "esummary", db="pubmed", id=BOOK_PMID, version="2.0"))
    summary = book.find("DocumentSummarySet/DocumentSummary")
    assert (
        summary.findtext("DocType") == "chapter"
        and summary.findtext("BookTitle") == "GeneReviews(®)"
    )


def test_other_versions_are_refused_naming_what_is_served(server: EutilsServer) -> None:
    body = get(server, "esummary", db="pubmed", id="1", version="3.0")
    assert b"<ERROR>esummary version '3.0' is not served" in body


def test_a_window_past_a_history_set_s_end_is_an_empty_set_in_version_2(
    server: EutilsServer,
) -> None:
    """A recorded version 2.0 reply (gschofl/reutils issue #6, 2015: an epost of one id, then
    esummary with retstart=1) is an empty ``<DocumentSummarySet status="OK">``, no <ERROR>:
    version 2.0 answers so, where the local 1.0 answers EFetch's OUT OF RANGE (unverified for
    1.0, left as it was)."""
    found = esearch(server, term="english[la]", usehistory="y", retmax="0")
    history = {"WebEnv": str(found["WebEnv"]), "query_key": str(found["QueryKey"])}
    past = str(found["Count"])
    status, body = reply(server, "esummary", db="pubmed", version="2.0", retstart=past, **history)
    assert status == 200 and b"<ERROR>" not in body
    docs = ET.fromstring(body).find("DocumentSummarySet")
    assert docs is not None and docs.get("status") == "OK"
    assert docs.findall("DocumentSummary") == []
    one_before = str(int(past) - 1)
    last = get(server, "esummary", db="pubmed", version="2.0", retstart=one_before, **history)
    assert len(ET.fromstring(last).findall("DocumentSummarySet/DocumentSummary")) == 1
    old = get(server, "esummary", db="pubmed", retstart=past, **history)
    assert b"OUT OF RANGE" in old  # version 1.0: as before


def test_a_window_past_a_history_set_s_end_is_an_empty_result_in_json(
    server: EutilsServer,
) -> None:
    """NCBI's JSON DocSums are version 2.0 converted, and version 2.0 past the end is an empty
    set (above): the JSON reply is an empty ``result``, the form a recorded JSON reply gives an
    empty one (``"result":{"uids":[]}``), not EFetch's OUT OF RANGE."""
    found = esearch(server, term="english[la]", usehistory="y", retmax="0")
    history = {"WebEnv": str(found["WebEnv"]), "query_key": str(found["QueryKey"])}
    past = str(found["Count"])
    status, body = reply(server, "esummary", db="pubmed", retmode="json", retstart=past, **history)
    assert status == 200
    assert json.loads(body) == {
        "header": {"type": "esummary", "version": "0.3"},
        "result": {"uids": []},
    }
    one_before = str(int(past) - 1)
    last = json.loads(
        get(server, "esummary", db="pubmed", retmode="json", retstart=one_before, **history)
    )
    assert len(last["result"]["uids"]) == 1
