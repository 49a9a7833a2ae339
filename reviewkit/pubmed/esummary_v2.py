"""esummary for db=pubmed with ``version=2.0`` in XML (NBK25499, ESummary ``version``: "Used to
specify version 2.0 ESummary XML"): a ``DocumentSummarySet`` of ``DocumentSummary`` elements.

Sources. The items, their names, their order and the layout: NCBI's own version 2.0 sample of
two real PubMed records (PMIDs 5683731 and 22144687), kept with its DTD ``eSummary_pubmed.dtd``
by Klortho/Eutils-JSON (``samples/esummary.pubmed.xml``): each item on its own tab-indented
line, a list's entries a tab deeper (``Lang`` of ``<string>``, ``PubType`` and ``Attributes``
of ``<flag>``, ``Authors`` of ``<Author>`` with Name, AuthType, ClusterID, ``ArticleIds``,
``History``, ``References`` of ``<Reference>`` with RefSource, RefType, PMID, Note), an empty
list as its two tags on two lines, the two enumerations (AuthType, RecordStatus) with their value
on a line of its own, a blank line after each DocumentSummary. The envelope from a live 2020
reply quoted in a public project's test: the XML declaration, the ``esummary pubmed 20160808``
DOCTYPE, ``<DocumentSummarySet status="OK">``, ``<DbBuild>`` (here the snapshot's, as einfo's),
and an id PubMed does not have as ``<DocumentSummary uid="n">`` holding
``<error>cannot get document summary</error>``.

NCBI's JSON DocSum is this XML converted (the same project, NCBI's converter: each element's
name in lower case), so each item's value is the local JSON DocSum's
(:func:`reviewkit.pubmed.esummary_json.summary_document`), in the current JSON's order:
ViewCount, in the 2013 sample and in no current JSON reply, is left out; VernacularTitle, the
current JSON's last key, comes last. Not ours to fill, as in the JSON: ClusterID (NCBI's
clustering of author names) and PmcRefCount (citations from PMC: the snapshot holds no citation
counts) are empty; a book's contributor lists, dates, report number, URL, location label, book
name and chapter are empty (no recorded 2.0 DocSum of a book shows their forms). The indentation
of a current reply's items is not recorded (the 2020 reply quoted is an error's): the sample's.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape

from reviewkit.pubmed.esummary_json import summary_document

HEAD = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eSummaryResult PUBLIC "-//NLM//DTD '
    'esummary pubmed 20160808//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20160808/'
    'esummary_pubmed.dtd">\n'
)
# The JSON's keys as the DTD names their elements (items, and the members of a list's entries)
NAMES = {
    "pubdate": "PubDate", "epubdate": "EPubDate", "source": "Source", "authors": "Authors",
    "lastauthor": "LastAuthor", "title": "Title", "sorttitle": "SortTitle", "volume": "Volume",
    "issue": "Issue", "pages": "Pages", "lang": "Lang", "nlmuniqueid": "NlmUniqueID",
    "issn": "ISSN", "essn": "ESSN", "pubtype": "PubType", "recordstatus": "RecordStatus",
    "pubstatus": "PubStatus", "articleids": "ArticleIds", "history": "History",
    "references": "References", "attributes": "Attributes", "pmcrefcount": "PmcRefCount",
    "fulljournalname": "FullJournalName", "elocationid": "ELocationID", "doctype": "DocType",
    "srccontriblist": "SrcContribList", "booktitle": "BookTitle", "medium": "Medium",
    "edition": "Edition", "publisherlocation": "PublisherLocation",
    "publishername": "PublisherName", "srcdate": "SrcDate", "reportnumber": "ReportNumber",
    "availablefromurl": "AvailableFromURL", "locationlabel": "LocationLabel",
    "doccontriblist": "DocContribList", "docdate": "DocDate", "bookname": "BookName",
    "chapter": "Chapter", "sortpubdate": "SortPubDate", "sortfirstauthor": "SortFirstAuthor",
    "vernaculartitle": "VernacularTitle",
    "name": "Name", "authtype": "AuthType", "clusterid": "ClusterID", "idtype": "IdType",
    "idtypen": "IdTypeN", "value": "Value", "date": "Date", "refsource": "RefSource",
    "reftype": "RefType", "pmid": "PMID", "note": "Note",
}  # fmt: skip
# A list's entry element (the DTD's): the others are lists of structures named by the list
ENTRIES = {
    "lang": "string", "pubtype": "flag", "attributes": "flag", "authors": "Author",
    "srccontriblist": "Author", "doccontriblist": "Author", "articleids": "ArticleId",
    "history": "PubMedPubDate", "references": "Reference",
}  # fmt: skip
ENUMERATIONS = frozenset({"authtype", "recordstatus"})  # the value on a line of its own


def esummary_v2_xml(pmids: Iterable[int], articles: dict[int, bytes], build: str) -> bytes:
    """The version 2.0 DocumentSummarySet of ``pmids`` in the order asked; an id not in
    ``articles``: NCBI's ``<error>`` in its place. ``build``: the DbBuild line's value."""
    parts = [HEAD, '<eSummaryResult>\n<DocumentSummarySet status="OK">\n']
    parts.append(f"<DbBuild>{build}</DbBuild>\n")
    for pmid in pmids:
        doc = summary_document(pmid, articles.get(pmid))
        items = "".join(_item(k, v, 1) for k, v in doc.items() if k != "uid")
        body = items or "<error>cannot get document summary</error>\n"  # the 2020 reply's form
        parts.append(f'<DocumentSummary uid="{pmid}">\n{body}</DocumentSummary>\n\n')
    parts.append("</DocumentSummarySet>\n</eSummaryResult>\n")
    return "".join(parts).encode("utf-8")


def _item(key: str, value: Any, depth: int) -> str:
    """One element at ``depth`` tabs: a value, a list of entries or a structure's members."""
    tabs, name = "\t" * depth, NAMES[key]
    if isinstance(value, list):
        inner = "".join(_entry(ENTRIES[key], entry, depth + 1) for entry in value)
        return f"{tabs}<{name}>\n{inner}{tabs}</{name}>\n"
    if key in ENUMERATIONS:
        return f"{tabs}<{name}>\n{tabs}\t{escape(str(value))}\n{tabs}</{name}>\n"
    return f"{tabs}<{name}>{escape(str(value))}</{name}>\n"


def _entry(name: str, entry: Any, depth: int) -> str:
    tabs = "\t" * depth
    if not isinstance(entry, dict):
        return f"{tabs}<{name}>{escape(str(entry))}</{name}>\n"
    inner = "".join(_item(k, v, depth + 1) for k, v in entry.items())
    return f"{tabs}<{name}>\n{inner}{tabs}</{name}>\n"
