"""esummary for db=pubmed: version 1.0 DocSum XML, written from the snapshot's XML.

Sources. NCBI's E-utilities In-Depth (NBK25499), ESummary: ``id`` or ``WebEnv`` +
``query_key`` with ``retstart``/``retmax``, ``version``, ``retmode``. The reply's shape:
Biopython 1.88 ``Tests/Entrez/esummary1.xml`` (a real PubMed reply: declaration, the esummary-v1
DOCTYPE, one ``<DocSum>`` per id, each ``<Item>`` on its own tab-indented line, a blank line
after each DocSum) and ``esummary8.xml`` (``Neither query_key nor id specified``, HTTP 200); the
items of a current reply from a real 2024 one quoted verbatim in a public project (PMID
38401644): PubDate, EPubDate, Source, AuthorList, LastAuthor, Title, Volume, Issue, Pages,
LangList, NlmUniqueID, ISSN, ESSN, PubTypeList, RecordStatus, PubStatus, ArticleIds, DOI,
History, References, HasAbstract, PmcRefCount, FullJournalName, ELocationID ('pii: X. doi: Y'),
SO ('2024 Feb 22;' for an article without volume or pages). An id PubMed does not have is
answered ``UID=n: cannot get document summary`` (NCBI's text, quoted by public projects) as an
``<ERROR>`` in the id's place (the esummary-v1 DTD allows DocSum and ERROR in any order).
PubStatus: the record's PublicationStatus, "ppublish+epublish" or "" for an article with two
dates (:data:`TWO_DATES`, recorded).

A book or chapter (``PubmedBookArticle``): the same items, from the book
(:mod:`reviewkit.pubmed.book_records`, our reading: no recorded DocSum of a book).

``retstart`` counts from 0, as EFetch's: NBK25499 writes ESummary's "default=1", but a
recorded reply counts from 0 (gschofl/reutils #6, 2015: ``retstart=1`` left the first DocSum
of an epost out, 499 of 500).

Differs, said in the README and the audit: PmcRefCount is 0 (the snapshot holds no citation
counts) and References empty (the JSON DocSum lists the comment and correction links a
recorded JSON reply shows; no recorded 1.0 reply shows their form); RecordStatus for statuses
other than MEDLINE and Publisher is NLM's status name mapped as PubMed's web shows it (no
recorded reply). ``version=2.0`` in XML is :mod:`reviewkit.pubmed.esummary_v2`;
``retmode=json`` (version 2.0's items) is :mod:`reviewkit.pubmed.esummary_json`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from lxml import etree as ET

from reviewkit.pubmed.book_records import BOOK_STATUS, book_items, is_book
from reviewkit.pubmed.medline_text import (
    article_id_pairs,
    history_date,
    publication_date,
    spelled_date,
    text,
    volume_issue_pages,
)
from reviewkit.pubmed.replies import ESUMMARY_HEAD, ReplyError
from reviewkit.pubmed.vocabulary import LANGUAGES

NO_IDS = "Neither query_key nor id specified"  # esummary8.xml
# MedlineCitation Status -> RecordStatus: MEDLINE as esummary1.xml, Publisher as the 2024
# reply; the others as PubMed's web labels them (not recorded in an esummary reply).
RECORD_STATUS = {
    "MEDLINE": "PubMed - indexed for MEDLINE",
    "Publisher": "PubMed - as supplied by publisher",
    "In-Process": "PubMed - in process",
    "In-Data-Review": "PubMed - in process",
    "PubMed-not-MEDLINE": "PubMed",
}
LANGUAGE_NAMES: dict[str, str] = {}  # code -> NLM's name ("english"): NLM's names come first
for _name, _code in LANGUAGES.items():
    LANGUAGE_NAMES.setdefault(_code, _name)
SERVED = "version 1.0 XML (the default), version=2.0 XML or retmode=json"
# An article with a print (or collection) and an electronic date, by PublicationStatus and
# PubModel: its PubStatus as version 1.0 names it and as the JSON DocSum numbers it, from
# recorded replies (NCBI documents neither): 1.0 "ppublish+epublish" (33085113) and "" for an
# eCollection (32866150), a public project's 2020-21 capture; JSON 256 and 258
# (esummary_json's docstring). Any other keeps its PublicationStatus, as esummary1's
# print-only "ppublish" (JSON: NCBI's ASN.1 number).
TWO_DATES = {
    ("ppublish", "Print-Electronic"): ("ppublish+epublish", 256),
    ("epublish", "Electronic-eCollection"): ("", 258),
}


def check_version(params: dict[str, str]) -> None:
    """A retmode esummary writes (xml, json) and a version it has (1.0, 2.0), naming what is
    served (JSON is version 2.0's items whatever ``version`` says: esummary_json)."""
    retmode = params.get("retmode", "") or "xml"
    if retmode not in ("xml", "json"):
        raise ReplyError(
            f"esummary retmode {retmode!r} is not served by the local server ({SERVED})"
        )
    version = params.get("version", "")
    if version not in ("", "1.0", "2.0"):
        raise ReplyError(
            f"esummary version {version!r} is not served by the local server ({SERVED})"
        )


def esummary_xml(pmids: Iterable[int], articles: dict[int, bytes]) -> bytes:
    """The DocSums of ``pmids`` in the order asked; an id not in ``articles``: NCBI's error."""
    parts = [ESUMMARY_HEAD, "<eSummaryResult>\n"]
    for pmid in pmids:
        if pmid in articles:
            parts.append(docsum(pmid, ET.fromstring(articles[pmid])) + "\n")
        else:
            parts.append(f"\t<ERROR>UID={pmid}: cannot get document summary</ERROR>\n")
    parts.append("</eSummaryResult>\n")
    return "".join(parts).encode("utf-8")


def _item(name: str, kind: str, value: str, depth: int = 1) -> str:
    return f'{chr(9) * depth}<Item Name={quoteattr(name)} Type="{kind}">{escape(value)}</Item>\n'


def _list(name: str, items: list[tuple[str, str, str]]) -> str:
    if not items:
        return f'\t<Item Name="{name}" Type="List"></Item>\n'
    inner = "".join(_item(n, kind, value, 2) for n, kind, value in items)
    return f'\t<Item Name="{name}" Type="List">\n{inner}\t</Item>\n'


def written_authors(authors: list[ET._Element]) -> list[tuple[str, bool]]:
    """The AuthorList as esummary gives it: 'LoPresti PJ', 'Hambrick GW Jr', a group's name;
    each with whether it is a group."""
    names = []
    for author in authors:
        group = text(author.find("CollectiveName"))
        parts = (text(author.find(t)) for t in ("LastName", "Initials", "Suffix"))
        names.append((group or " ".join(p for p in parts if p), bool(group)))
    return [(n, group) for n, group in names if n]


def docsum(pmid: int, article: ET._Element) -> str:
    """One ``<DocSum>`` (module docstring for the items and their sources; a book's:
    :mod:`reviewkit.pubmed.book_records`)."""
    items = summary_items(article)
    if not items:
        return f"\t<ERROR>UID={pmid}: cannot get document summary</ERROR>"
    return _write(pmid, items)


def summary_items(article: ET._Element) -> dict[str, Any]:
    """A record's DocSum item values by name, an article's or a book's; {} for neither (both
    versions are written from them: this module and :mod:`reviewkit.pubmed.esummary_json`)."""
    if is_book(article):  # a Bookshelf record: PubMed's status for it is Publisher
        items = book_items(article)
        return items | {"RecordStatus": RECORD_STATUS[BOOK_STATUS]} if items else {}
    return _article_items(article)


def _article_items(article: ET._Element) -> dict[str, Any]:
    """A journal article's item values (names as :func:`book_items`'s)."""
    cit = article.find("MedlineCitation")
    art = cit.find("Article") if cit is not None else None
    if cit is None or art is None:
        return {}
    data = article.find("PubmedData")
    issn = {i.get("IssnType"): text(i) for i in art.findall("Journal/ISSN")}
    volume, number, pages, where = volume_issue_pages(art)
    printed = publication_date(art.find("Journal/JournalIssue"))
    status = cit.get("Status", "")
    return {
        "PubDate": printed,
        "EPubDate": spelled_date(art.find("ArticleDate[@DateType='Electronic']")),
        "Source": text(cit.find("MedlineJournalInfo/MedlineTA")),
        "AuthorList": art.findall("AuthorList/Author"),
        "Title": text(art.find("ArticleTitle")),
        "Volume": volume,
        "Issue": number,
        "Pages": pages,
        "Languages": [text(e) for e in art.findall("Language")],
        "NlmUniqueID": text(cit.find("MedlineJournalInfo/NlmUniqueID")),
        "ISSN": issn.get("Print", ""),
        "ESSN": issn.get("Electronic", ""),
        "PubTypes": [text(e) for e in art.findall("PublicationTypeList/PublicationType")],
        "RecordStatus": RECORD_STATUS.get(status, status),
        "PubStatus": text(data.find("PublicationStatus")) if data is not None else "",
        "PubModel": art.get("PubModel", ""),  # esummary JSON's pubstatus number
        "ArticleIds": article_id_pairs(data),
        "History": [] if data is None else data.findall("History/PubMedPubDate"),
        "Comments": cit.findall("CommentsCorrectionsList/CommentsCorrections"),  # JSON's
        "HasAbstract": any(text(e) for e in art.findall("Abstract/AbstractText")),
        "FullJournalName": text(art.find("Journal/Title")),
        "VernacularTitle": text(art.find("VernacularTitle")),
        "ELocationID": ". ".join(
            f"{e.get('EIdType')}: {text(e)}" for e in art.findall("ELocationID")
        ),
        "SO": f"{printed};{where}",
    }


def _write(pmid: int, items: dict[str, Any]) -> str:
    """The DocSum of these item values, every item in its place (an absent one empty)."""

    def string(name: str) -> str:
        return _item(name, "String", items.get(name, ""))

    authors = [name for name, _ in written_authors(items["AuthorList"])]
    out = [f"<DocSum>\n\t<Id>{pmid}</Id>\n"]
    out.append(_item("PubDate", "Date", items["PubDate"]))
    out.append(_item("EPubDate", "Date", items.get("EPubDate", "")))
    out.append(string("Source"))
    out.append(_list("AuthorList", [("Author", "String", a) for a in authors]))
    out.append(_item("LastAuthor", "String", authors[-1] if authors else ""))
    out += [string(name) for name in ("Title", "Volume", "Issue", "Pages")]
    langs = [LANGUAGE_NAMES.get(c, c).title() for c in items["Languages"]]
    out.append(_list("LangList", [("Lang", "String", name) for name in langs]))
    out += [string(name) for name in ("NlmUniqueID", "ISSN", "ESSN")]
    out.append(_list("PubTypeList", [("PubType", "String", t) for t in items["PubTypes"]]))
    status = items.get("PubStatus", "")
    status = TWO_DATES.get((status, items.get("PubModel", "")), (status, 0))[0]
    out += [string("RecordStatus"), _item("PubStatus", "String", status)]
    ids = items["ArticleIds"]
    out.append(_list("ArticleIds", [(kind, "String", value) for kind, value in ids]))
    doi = next((value for kind, value in ids if kind == "doi"), "")
    if doi:
        out.append(_item("DOI", "String", doi))
    dates = [(d.get("PubStatus", ""), "Date", history_date(d)) for d in items["History"]]
    out.append(_list("History", dates))
    out.append(_list("References", []))
    out.append(_item("HasAbstract", "Integer", "1" if items["HasAbstract"] else "0"))
    out.append(_item("PmcRefCount", "Integer", "0"))
    out += [string("FullJournalName"), string("ELocationID"), string("SO")]
    out.append("</DocSum>\n")
    return "".join(out)
