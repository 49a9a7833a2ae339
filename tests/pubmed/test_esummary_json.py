"""esummary with ``retmode=json`` (NBK25499, ESummary ``retmode``): NCBI's JSON DocSums, whose
keys and forms a live reply of 2026 records (reviewkit.pubmed.esummary_json's sources). The
local server refused it; clients that read PubMed's JSON summaries failed against it."""

from __future__ import annotations

import json
import re

from lxml import etree as ET
from pubmed.conftest import BOOK_PMID
from pubmed.eutils_get import get

from reviewkit.pubmed.faults import Fault
from reviewkit.pubmed.server import EutilsServer

# The live record's keys in its order (PMID 42802988, esummary version 2.0, 2026-10-02)
RECORDED_KEYS = [
    "uid",
    "pubdate",
    "epubdate",
    "source",
    "authors",
    "lastauthor",
    "title",
    "sorttitle",
    "volume",
    "issue",
    "pages",
    "lang",
    "nlmuniqueid",
    "issn",
    "essn",
    "pubtype",
    "recordstatus",
    "pubstatus",
    "articleids",
    "history",
    "references",
    "attributes",
    "pmcrefcount",
    "fulljournalname",
    "elocationid",
    "doctype",
    "srccontriblist",
    "booktitle",
    "medium",
    "edition",
    "publisherlocation",
    "publishername",
    "srcdate",
    "reportnumber",
    "availablefromurl",
    "locationlabel",
    "doccontriblist",
    "docdate",
    "bookname",
    "chapter",
    "sortpubdate",
    "sortfirstauthor",
    "vernaculartitle",
]
# What recorded live replies give by the record's PublicationStatus and its Article's PubModel
# (esummary_json's docstring names them): NCBI's ASN.1 number alone for a print-only or
# electronic-only article, 256 and 258 where it has both dates
PUBSTATUS = {
    ("ppublish", "Print"): "4",  # PMID 34813072 (2022), 42802988 (2026)
    ("ppublish", "Print-Electronic"): "256",  # 24655399, 20822958 (live 2026), 34041831 …
    ("aheadofprint", "Print-Electronic"): "10",  # 33035998
    ("epublish", "Electronic"): "3",  # 27994596
    ("epublish", "Electronic-eCollection"): "258",  # 40642746 (2025), 27933103, 24790447
}


def _summary(server: EutilsServer, ids: str) -> dict:
    body = json.loads(get(server, "esummary", db="pubmed", id=ids, retmode="json"))
    assert body["header"] == {"type": "esummary", "version": "0.3"}
    return body["result"]


def test_each_record_s_json_docsum_has_the_recorded_keys_and_its_xml_values(
    server: EutilsServer,
) -> None:
    ids = ",".join(str(p) for p in server.snapshot.all_pmids())  # 358, under NCBI's 500
    result = _summary(server, ids)
    assert result["uids"] == ids.split(",")
    xml = ET.fromstring(get(server, "efetch", db="pubmed", id=ids))
    seen: set[tuple[str, str]] = set()
    for article in xml.iter("PubmedArticle"):
        pmid = article.findtext("MedlineCitation/PMID")
        doc = result[pmid]
        assert list(doc) == RECORDED_KEYS
        art = article.find("MedlineCitation/Article")
        assert doc["title"] == "".join(art.find("ArticleTitle").itertext())
        assert doc["fulljournalname"] == art.findtext("Journal/Title")
        assert doc["lang"] == [e.text for e in art.iter("Language")]
        ids_xml = [(e.get("IdType"), e.text) for e in article.iter("ArticleId")
                   if e.getparent().getparent().tag == "PubmedData"]  # fmt: skip
        assert [
            (i["idtype"], i["value"]) for i in doc["articleids"] if i["idtype"] != "pmcid"
        ] == ids_xml
        status = article.findtext("PubmedData/PublicationStatus")
        model = art.get("PubModel")
        if (status, model) in PUBSTATUS:  # Electronic-Print: no recorded reply (the code's doc)
            assert doc["pubstatus"] == PUBSTATUS[status, model], (pmid, status, model)
            seen.add((status, model))
        has_abstract = any("".join(e.itertext()).strip() for e in art.iter("AbstractText"))
        assert doc["attributes"] == (["Has Abstract"] if has_abstract else [])
        assert doc["doctype"] == "citation"
        assert doc["sorttitle"] == re.sub(r"[\W_]+", " ", doc["title"].lower()).strip()
        if status != "epublish":  # epublish: its electronic date (the test below)
            assert doc["sortpubdate"][:4] == re.search(r"\d{4}", doc["pubdate"])[0]
        assert doc["sortfirstauthor"] == (doc["authors"][0]["name"] if doc["authors"] else "")
    assert seen == set(PUBSTATUS)  # every recorded kind is in the test snapshot


def test_json_errors_are_ncbi_s(server: EutilsServer) -> None:
    assert _summary(server, "1")["1"] == {"uid": "1", "error": "cannot get document summary"}
    too_many = json.loads(
        get(server, "esummary", db="pubmed", id=",".join(map(str, range(1, 502))), retmode="json")
    )
    assert too_many == {
        "header": {"type": "esummary", "version": "0.3"},
        "error": "Too many UIDs in request. Maximum number of UIDs is 500 for JSON format output.",
    }
    # a version esummary does not have is refused, naming what is served
    refused = get(server, "esummary", db="pubmed", id="1", version="3.0")
    assert b"<ERROR>esummary version '3.0' is not served" in refused and b"retmode=json" in refused


def test_a_book_chapter_s_json_docsum(book_server: EutilsServer) -> None:
    doc = _summary(book_server, BOOK_PMID)[BOOK_PMID]
    assert list(doc) == RECORDED_KEYS
    assert doc["doctype"] == "chapter" and doc["source"] == "GeneReviews(®)"
    assert {"idtype": "bookaccession", "idtypen": 8, "value": "NBK1372"} in doc["articleids"]
    # the book's own keys from its <Book> (as MEDLINE text's BTI, PB and PL are): our reading,
    # no recorded JSON DocSum of a book
    book = {k: doc[k] for k in ("booktitle", "publishername", "publisherlocation", "medium")}
    assert book == {
        "booktitle": "GeneReviews(®)",
        "publishername": "University of Washington, Seattle",
        "publisherlocation": "Seattle (WA)",
        "medium": "Internet",
    }
    assert doc["edition"] == "" and doc["srccontriblist"] == []  # none in the record; unread


def test_sortpubdate_is_the_date_pubmed_sorts_by(server: EutilsServer) -> None:
    """An issue dated by a season sorts by its month, as PubMed's User Guide sets it (winter
    January, spring April, summer July, fall October: the pub_date sort's own reading); an
    epublish article by its electronic date, as the recorded 2022 and 2025 replies have it
    (27933103: pubdate "2016", sortpubdate "2016/11/23"; 40642746: "2025", "2025/06/26")."""
    ids = ",".join(str(p) for p in server.snapshot.all_pmids())
    result = _summary(server, ids)
    xml = ET.fromstring(get(server, "efetch", db="pubmed", id=ids))
    seasons = {"Winter": 1, "Spring": 4, "Summer": 7, "Fall": 10, "Autumn": 10}
    kinds = set()
    for article in xml.iter("PubmedArticle"):
        doc = result[article.findtext("MedlineCitation/PMID")]
        art = article.find("MedlineCitation/Article")
        pub = art.find("Journal/JournalIssue/PubDate")
        electronic = art.find("ArticleDate[@DateType='Electronic']")
        if (
            article.findtext("PubmedData/PublicationStatus") == "epublish"
            and electronic is not None
        ):
            parts = [electronic.findtext(t) for t in ("Year", "Month", "Day")]
            assert doc["sortpubdate"] == "{}/{:0>2}/{:0>2} 00:00".format(*parts)
            kinds.add("epublish" if pub.find("Month") is None else "epublish, print month")
        elif pub.find("Season") is not None:
            month = seasons[pub.findtext("Season")]
            assert doc["sortpubdate"] == f"{pub.findtext('Year')}/{month:02d}/01 00:00"
            kinds.add("season")
    assert {"epublish", "season"} <= kinds


def test_references_are_the_comment_and_correction_links(server: EutilsServer) -> None:
    """A live 2026 reply (PMID 26652862) lists its CommentsCorrections as ``references``:
    ``{"refsource": "Lancet Infect Dis. 2016 Mar;16(3):271-2. doi: …", "reftype": "Comment in",
    "pmid": 26652863, "note": ""}`` (the PMID a number); the other kinds' labels in the same
    form are our reading (PubMed's web writes "Erratum for", "Retraction of", …)."""
    ids = ",".join(str(p) for p in server.snapshot.all_pmids())
    result = _summary(server, ids)
    xml = ET.fromstring(get(server, "efetch", db="pubmed", id=ids))
    labels = {"CommentIn": "Comment in", "CommentOn": "Comment on", "ErratumFor": "Erratum for"}
    linked = 0
    for article in xml.iter("PubmedArticle"):
        doc = result[article.findtext("MedlineCitation/PMID")]
        links = article.findall("MedlineCitation/CommentsCorrectionsList/CommentsCorrections")
        assert len(doc["references"]) == len(links)
        for link, ref in zip(links, doc["references"], strict=True):
            assert ref == {
                "refsource": link.findtext("RefSource"),
                "reftype": labels.get(link.get("RefType"), ref["reftype"]),
                "pmid": int(link.findtext("PMID")),
                "note": "",
            }
            linked += link.get("RefType") in labels
    assert linked  # the test snapshot has such links


def test_pmcid_names_the_manuscript_id(server: EutilsServer) -> None:
    """NCBI's pmcid entry names an NIH manuscript beside the PMC id: recorded
    ``"pmc-id: PMC12342343;manuscript-id: NIHMS2095973;"`` (PMID 40604287, 2025, the mid entry
    kept on its own too, idtypen 8), and ``"pmc-id: PMC13617464;"`` without one (42802988)."""
    ids = ",".join(str(p) for p in server.snapshot.all_pmids())
    result = _summary(server, ids)
    kinds = set()
    for doc in result.values():
        if not isinstance(doc, dict):
            continue  # "uids"
        given = {i["idtype"]: i["value"] for i in doc["articleids"]}
        if "pmc" in given:
            mid = f"manuscript-id: {given['mid']};" if "mid" in given else ""
            assert given["pmcid"] == f"pmc-id: {given['pmc']};{mid}"
            kinds.add(bool(mid))
    assert kinds == {True, False}


def test_the_xml_docsum_names_the_status_the_json_numbers(server: EutilsServer) -> None:
    """A recorded version 1.0 reply (a public project's capture of 2020-21) writes PubStatus
    "ppublish+epublish" for a Print-Electronic article (33085113: JSON's "256") and "" for an
    Electronic-eCollection one (32866150, PLoS One "2020", epub "2020 Aug 31": JSON's "258");
    Biopython's esummary1 "ppublish" for print-only ones (JSON's "4")."""
    ids = ",".join(str(p) for p in server.snapshot.all_pmids())
    numbers = _summary(server, ids)
    names = {"4": "ppublish", "256": "ppublish+epublish", "258": "", "3": "epublish"}
    names |= {"10": "aheadofprint"}
    docsums = ET.fromstring(get(server, "esummary", db="pubmed", id=ids))
    for docsum in docsums.iter("DocSum"):
        status = docsum.findtext("Item[@Name='PubStatus']") or ""
        assert status == names[numbers[docsum.findtext("Id")]["pubstatus"]]


def test_a_failing_backend_answers_a_json_request_in_json(server: EutilsServer) -> None:
    """NCBI's backend failure reaches a JSON request as JSON (a live esearch reply of 2026:
    ``{"header":{"type":"esearch","version":"0.3"},"esearchresult":{"ERROR":"Search Backend
    failed: …"}}``); the local server's 'backend' fault answered it in XML."""
    for endpoint, params in (("esearch", {"term": "cancer"}), ("esummary", {"id": "1"})):
        server.faults.script(Fault("backend", endpoint=endpoint))
        body = json.loads(get(server, endpoint, db="pubmed", retmode="json", **params))
        assert body["header"] == {"type": endpoint, "version": "0.3"}
        error = body["esearchresult"]["ERROR"] if endpoint == "esearch" else body["error"]
        assert error.startswith("Search Backend failed")
