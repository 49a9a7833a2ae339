"""esummary for db=pubmed with ``retmode=json``: NCBI's JSON DocSums (version 2.0's items).

Sources. NBK25499, ESummary ``retmode``: "xml" by default, "json" also served. The document's
keys, their order and their forms: a live reply of 2026-10-02 (PMID 42802988, version 2.0)
kept verbatim in a public project's tests, with two more quoted in others (2007 and 2017
records): uid, pubdate, epubdate, source, authors (name, authtype, clusterid), lastauthor,
title, sorttitle, volume, issue, pages, lang (codes), nlmuniqueid, issn, essn, pubtype,
recordstatus, pubstatus, articleids (idtype, idtypen, value), history (pubstatus, date),
references (the record's comment and correction links: a live 2026 reply, PMID 26652862,
``{"refsource":"Lancet Infect Dis. 2016 Mar;…","reftype":"Comment in","pmid":26652863,
"note":""}``; the other kinds' words in the same form, our reading), attributes ("Has
Abstract"), pmcrefcount, fulljournalname, elocationid, doctype ("citation"), the book keys
(empty for an article), sortpubdate ("2026/01/01 00:00" for a pubdate "2026":
:func:`sort_pub_date`), sortfirstauthor, vernaculartitle. The envelope, ``{"header":{"type":
"esummary","version":"0.3"},"result":{"uids":[…],"<uid>":{…}}}``, and NCBI's JSON errors:
``"Too many UIDs in request. Maximum number of UIDs is 500 for JSON format output."`` (the same
live record), an unknown id ``{"uid":…,"error":"cannot get document summary"}`` (quoted in
several public projects). The codes: ``pubstatus`` is NCBI's ASN.1 PubStatus (NCBI-Biblio:
received 1, accepted 2, epublish 3, ppublish 4, revised 5, pmc 6, pmcr 7, pubmed 8, pubmedr 9,
aheadofprint 10, premedline 11, medline 12, other 255) for an article published in one form
alone, and 256 or 258 for one with both a print (or collection) and an electronic date, as the
recorded replies give them by the record's PublicationStatus and its Article's PubModel: "4"
for ppublish/Print (PMID 34813072, 2022; 42802988), "10" for aheadofprint (33035998), "3" for
epublish/Electronic (27994596), "256" for ppublish/Print-Electronic (24655399 and 20822958
live in 2026, 34041831, 25355167, and NCBI's own version 2.0 sample, 24791199) and "258" for
epublish/Electronic-eCollection (40642746 in 2025, 27933103 in 2022, NCBI's sample 24790447).
NCBI documents none of these numbers; epublish/Electronic-Print, recorded nowhere, keeps 3. And
``idtypen`` the ArticleId CHOICE's place (pubmed 1, medline 2, doi 3, pii 4, pmcid 5, pmcpid 6,
pmpid 7, other 8), as the recorded replies give them: pubmed 1, doi 3, pii 4, pmcid 5, pmc, rid
and eid 8.

Our reading (no recorded reply shows it): ``pmcrefcount`` is "", which NCBI writes for a
record no PMC article cites (34813072, 40642746), a number otherwise (42802988: 56): the
snapshot holds no citation counts; the ``pmcid`` id follows the pmc id as in the live
record (its form: :func:`_article_ids`), the others keep the XML's order; a group author's authtype
"CollectiveName"; sorttitle is the title in lower case with every run of characters but
letters and digits made one space (as the live record's); a book's doctype "book" or
"chapter", its booktitle, publishername, publisherlocation, medium and edition from its
<Book>'s elements of those names, its other book keys empty. The JSON is written compact and
ASCII, as the local esearch JSON is (the quoted esummary replies are indented, each
differently: white space a JSON reader ignores).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from lxml import etree as ET

from reviewkit.formats.corrections import MEDLINE_TAGS
from reviewkit.pubmed.article_dates import electronic_date, publication_date
from reviewkit.pubmed.esummary import TWO_DATES, summary_items, written_authors
from reviewkit.pubmed.medline_text import history_date, text
from reviewkit.pubmed.replies import compact_json, error_reply

HEADER = {"type": "esummary", "version": "0.3"}
MAX_JSON_UIDS = 500  # NCBI's limit for JSON output (the live reply above)
TOO_MANY = (
    f"Too many UIDs in request. Maximum number of UIDs is {MAX_JSON_UIDS} for JSON format output."
)
PUBSTATUS = {
    "received": 1, "accepted": 2, "epublish": 3, "ppublish": 4, "revised": 5, "pmc": 6,
    "pmcr": 7, "pubmed": 8, "pubmedr": 9, "aheadofprint": 10, "premedline": 11, "medline": 12,
}  # fmt: skip
IDTYPEN = {"pubmed": 1, "medline": 2, "doi": 3, "pii": 4, "pmcid": 5, "pmcpid": 6, "pmpid": 7}
OTHER = 8  # ArticleId's `other` (pmc, mid, rid, eid, bookaccession)
BOOK_KEYS = (
    "srccontriblist", "booktitle", "medium", "edition", "publisherlocation", "publishername",
    "srcdate", "reportnumber", "availablefromurl", "locationlabel", "doccontriblist", "docdate",
    "bookname", "chapter",
)  # fmt: skip
# The book keys a <Book> element of the same name fills (book_records.book_items); the others
# (contributor lists, bookname, chapter, dates, report and URL) stay empty: no recorded JSON
# DocSum of a book shows their forms
BOOK_ITEMS = {
    "booktitle": "BookTitle", "medium": "Medium", "edition": "Edition",
    "publisherlocation": "PublisherLocation", "publishername": "PublisherName",
}  # fmt: skip


def esummary_json(pmids: Iterable[int], articles: dict[int, bytes]) -> bytes:
    """The JSON DocSums of ``pmids`` in the order asked; an id not in ``articles``: NCBI's
    error in its place."""
    pmids = list(pmids)
    if len(pmids) > MAX_JSON_UIDS:
        return error_reply("esummary", TOO_MANY, as_json=True)
    result: dict[str, Any] = {"uids": [str(p) for p in pmids]}
    for pmid in pmids:
        result[str(pmid)] = summary_document(pmid, articles.get(pmid)) or _not_found(pmid)
    return compact_json({"header": HEADER, "result": result})


def summary_document(pmid: int, article: bytes | None) -> dict[str, Any]:
    """A record's version 2.0 DocSum, its items named as NCBI's JSON names them; {} for an id
    the snapshot lacks (both 2.0 forms are written from it: this module and
    :mod:`reviewkit.pubmed.esummary_v2`)."""
    root = ET.fromstring(article) if article is not None else None
    items = summary_items(root) if root is not None else {}
    if not items or root is None:
        return {}
    return document(pmid, items | {"SortPubDate": sort_pub_date(root)})


def _not_found(pmid: int) -> dict[str, str]:
    return {"uid": str(pmid), "error": "cannot get document summary"}


def document(pmid: int, items: dict[str, Any]) -> dict[str, Any]:
    """One record's JSON DocSum from :func:`summary_items`' values (module docstring)."""
    authors = written_authors(items["AuthorList"])
    is_book = "IsChapter" in items  # book_records.book_items' key
    doc: dict[str, Any] = {
        "uid": str(pmid),
        "pubdate": items["PubDate"],
        "epubdate": items.get("EPubDate", ""),
        "source": items.get("Source", ""),
        "authors": [
            {"name": name, "authtype": "CollectiveName" if group else "Author", "clusterid": ""}
            for name, group in authors
        ],
        "lastauthor": authors[-1][0] if authors else "",
        "title": items.get("Title", ""),
        "sorttitle": sort_title(items.get("Title", "")),
    }
    doc |= {key: items.get(key.title(), "") for key in ("volume", "issue", "pages")}
    doc |= {
        "lang": list(items["Languages"]),
        "nlmuniqueid": items.get("NlmUniqueID", ""),
        "issn": items.get("ISSN", ""),
        "essn": items.get("ESSN", ""),
        "pubtype": list(items["PubTypes"]),
        "recordstatus": items.get("RecordStatus", ""),
        "pubstatus": pub_status(items.get("PubStatus", ""), items.get("PubModel", "")),
        "articleids": _article_ids(items["ArticleIds"]),
        "history": [
            {"pubstatus": d.get("PubStatus", ""), "date": history_date(d)} for d in items["History"]
        ],
        "references": _references(items.get("Comments", [])),
        "attributes": ["Has Abstract"] if items["HasAbstract"] else [],
        "pmcrefcount": "",
        "fulljournalname": items.get("FullJournalName", ""),
        "elocationid": items.get("ELocationID", ""),
        "doctype": ("chapter" if items["IsChapter"] else "book") if is_book else "citation",
    }
    doc |= {
        key: [] if key.endswith("list") else items.get(BOOK_ITEMS.get(key), "") for key in BOOK_KEYS
    }
    doc |= {
        "sortpubdate": items.get("SortPubDate", ""),
        "sortfirstauthor": authors[0][0] if authors else "",
        "vernaculartitle": items.get("VernacularTitle", ""),
    }
    return doc


def pub_status(status: str, model: str) -> str:
    """The JSON ``pubstatus`` of a PublicationStatus and PubModel (module docstring): "256" for
    ppublish/Print-Electronic, "4" for ppublish/Print; "" for a status NCBI's enumeration lacks."""
    two_dates = TWO_DATES.get((status, model))
    return str(two_dates[1] if two_dates else PUBSTATUS.get(status, ""))


def _references(links: list[ET._Element]) -> list[dict[str, Any]]:
    """The CommentsCorrections as ``references`` (module docstring): each kind MEDLINE text
    writes (formats.corrections.MEDLINE_TAGS; not 'Cites', a reference list), its RefType in
    words as PubMed's web labels it ('CommentIn' -> 'Comment in', 'RetractedandRepublishedIn'
    -> 'Retracted and republished in')."""
    out: list[dict[str, Any]] = []
    for link in links:
        kind, pmid = link.get("RefType", ""), text(link.find("PMID"))
        if kind in MEDLINE_TAGS:
            words = re.sub(r"(?<=.)(?=[A-Z])", " ", kind.replace("and", "And")).capitalize()
            out.append(
                {
                    "refsource": text(link.find("RefSource")),
                    "reftype": words,
                    "pmid": int(pmid) if pmid.isdigit() else "",
                    "note": text(link.find("Note")),
                }
            )
    return out


def _article_ids(pairs: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """The ids in the XML's order, NCBI's pmcid entry after the PMC id: 'pmc-id: PMCn;', and
    'manuscript-id: NIHMSn;' after it when the record has a manuscript id (recorded: 42802988
    without one, 40604287 with one; an EMS id the same way, our reading). The embargo-date a
    reply adds while a PMC release is still ahead is left out (the reply's day decides it)."""
    mid = next((value for kind, value in pairs if kind == "mid"), "")
    out: list[dict[str, Any]] = []
    for kind, value in pairs:
        out.append({"idtype": kind, "idtypen": IDTYPEN.get(kind, OTHER), "value": value})
        if kind == "pmc":
            form = f"pmc-id: {value};" + (f"manuscript-id: {mid};" if mid else "")
            out.append({"idtype": "pmcid", "idtypen": 5, "value": form})
    return out


def sort_title(title: str) -> str:
    """'propofol and glioblastoma biology a narrative …' from 'Propofol and Glioblastoma
    Biology: A Narrative …' (the live record's sorttitle)."""
    return " ".join(re.split(r"[\W_]+", title.lower())).strip()


def sort_pub_date(article: ET._Element) -> str:
    """'2026/01/01 00:00' for a pubdate '2026', '2020/04/01 00:00' for '2020 Spring': the
    publication date as the local pub_date sort reads it (:func:`article_dates.publication_date`:
    a part the date lacks is the first, a season its month as PubMed's User Guide sets it);
    an epublish article's electronic date, as the recorded 2022 and 2025 replies have it
    (27933103: pubdate "2016", sortpubdate "2016/11/23"; NCBI's 2014 sample 24790447 still
    had "2014/01/01")."""
    epublished = article.findtext("PubmedData/PublicationStatus") == "epublish"
    day = (epublished and electronic_date(article)) or publication_date(article)
    return f"{day // 10000}/{day // 100 % 100:02d}/{day % 100:02d} 00:00" if day else ""
