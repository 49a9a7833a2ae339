"""A book or chapter (``<PubmedBookArticle>``, a Bookshelf record) in MEDLINE text and esummary.

MEDLINE text. Sources: NLM, *MEDLINE/PubMed Data Element (Field) Descriptions* (what BTI, CTI,
ED/FED, ISBN, PB, PL hold); the order and the values from a real PubMed record of a GeneReviews
chapter (PMID 20301770, its MEDLINE file kept verbatim by rbturnbull/pybtexnbib,
``tests/files/marcelis-20301770.nbib``): PMID, STAT, DRDT, CTDT, PB, DP, TI, BTI, AB, CI, the
editors (FED, ED), the authors (FAU, AU, AD), LA, PT, PL, OTO/OT, EDAT, CRDT, AID. That record
shows what PubMed does that the XML does not say: ``STAT- Publisher`` though a BookDocument has
no status; no OWN, MHDA, PHST, PST or SO (GeneReviews' XML has a medline date: metapub's
20301546); 'Book Chapter' after the chapter's own publication types;
a ``<sup>`` in the book's title in parentheses ('GeneReviews(®)'); the chapter's title ended
with a period ('Feingold Syndrome 1.'). A whole book (no ArticleTitle) has no TI: PubMed
Help's "PubMed Format" list makes TI "The title of the article" and BTI "Book Title", and
MEDLINE readers built on PubMed's records take a book's title from BTI (Zotero's MEDLINE/nbib
translator, for a record of type 'Book'). Our reading, no record settling it: a whole book's
type 'Book' after its own, as a chapter's 'Book Chapter' (Zotero's translator reads PT 'Book'
as a whole book); the Book's VI (Volume), VTI ("Book Volume Title"), EN ("Book edition"), CTI
and ISBN after BTI, in the DTD's order (pubmed_250101.dtd: Volume, VolumeTitle, Edition,
CollectionTitle, Isbn); a group of editors (a CollectiveName) as ED, not CN (NLM's Corporate
Author); the authors by :func:`reviewkit.formats.book_authors.book_authors`.

esummary version 1.0: the items a journal article's DocSum has (:mod:`reviewkit.pubmed.esummary`),
those of a journal left empty and the book's where one means the same (the date, the authors,
the title, the languages, the types, the ids, the history); Source, SO: the book's title and
its date. No recorded 1.0 reply of a book settles them: our reading, said in the audit.
"""

from __future__ import annotations

from typing import Any

from lxml import etree as ET

from reviewkit.formats.book_authors import book_authors
from reviewkit.pubmed.medline_text import (
    abstract_text,
    article_id_pairs,
    author_fields,
    compact_date,
    history_date,
    spelled_date,
    text,
)

BOOK = "PubmedBookArticle"
# NLM's status for every Bookshelf record in PubMed (the recorded chapter's STAT)
BOOK_STATUS = "Publisher"
_ENDS_A_SENTENCE = (".", "?", "!")


def is_book(article: ET._Element) -> bool:
    """A ``<PubmedBookArticle>``: written by this module, not as a journal article."""
    return article.tag == BOOK


def marked_text(elem: ET._Element | None) -> str:
    """An element's text with each ``<sup>`` in parentheses, as PubMed writes a book's title
    ('GeneReviews<sup>®</sup>' -> 'GeneReviews(®)', the recorded chapter's BTI)."""
    if elem is None:
        return ""
    copy = ET.fromstring(ET.tostring(elem, with_tail=False))
    for sup in copy.iter("sup"):
        sup.text = f"({sup.text or ''}"
        if len(sup):
            last = sup[-1]
            last.tail = f"{last.tail or ''})"
        else:
            sup.text += ")"
    return text(copy)


def _sentence(title: str) -> str:
    """The chapter's title ended as a sentence (the recorded TI; a title ending '?' is kept)."""
    return title if not title or title.endswith(_ENDS_A_SENTENCE) else f"{title}."


def _history(data: ET._Element | None) -> list[tuple[str, str]]:
    dates: dict[str, ET._Element] = {}
    for d in [] if data is None else data.findall("History/PubMedPubDate"):
        dates.setdefault(d.get("PubStatus", ""), d)
    order = (("EDAT", "pubmed"), ("CRDT", "entrez"))  # no MHDA, PHST: none recorded
    return [(tag, history_date(dates[status])) for tag, status in order if status in dates]


def book_fields(article: ET._Element) -> list[tuple[str, str]]:
    """(tag, value) pairs of one ``<PubmedBookArticle>`` in the recorded order (module doc)."""
    doc = article.find("BookDocument")
    if doc is None:
        return []
    book = doc.find("Book")
    if book is None:
        book = ET.Element("Book")
    data = article.find("PubmedBookData")
    chapter = text(doc.find("ArticleTitle"))
    fields = [("PMID", text(doc.find("PMID"))), ("STAT", BOOK_STATUS)]
    fields += [("DRDT", compact_date(doc.find("DateRevised")))]
    fields += [("CTDT", compact_date(doc.find("ContributionDate")))]
    fields += [("PB", text(book.find("Publisher/PublisherName")))]
    fields += [("DP", spelled_date(book.find("PubDate"))), ("TI", _sentence(chapter))]
    fields += [("BTI", marked_text(book.find("BookTitle")))]
    fields += [
        ("VI", text(book.find("Volume"))),
        ("VTI", marked_text(book.find("VolumeTitle"))),
        ("EN", text(book.find("Edition"))),
        ("CTI", marked_text(book.find("CollectionTitle"))),
    ]
    fields += [("ISBN", text(e)) for e in book.findall("Isbn")]
    fields += [("AB", abstract_text(doc)), ("CI", text(doc.find("Abstract/CopyrightInformation")))]
    editors = book.findall("AuthorList[@Type='editors']/Author")
    fields += author_fields(editors, "FED", "ED", group_tag="ED")  # a group: no CN (an author)
    fields += author_fields(book_authors(doc))
    fields += [("LA", text(e)) for e in doc.findall("Language")]
    types = [text(e) for e in doc.findall("PublicationType")]
    fields += [("PT", t) for t in [*types, "Book Chapter" if chapter else "Book"]]
    fields += [("PL", text(book.find("Publisher/PublisherLocation")))]
    for keywords in doc.findall("KeywordList"):
        fields += [("OTO", keywords.get("Owner", ""))]
        fields += [("OT", text(k)) for k in keywords.findall("Keyword")]
    fields += _history(data)
    ids = [(k, v) for k, v in article_id_pairs(doc) if k != "pubmed"]
    fields += [("AID", f"{v} [{k}]") for k, v in ids]
    return [(tag, value) for tag, value in fields if value]


def book_items(article: ET._Element) -> dict[str, Any]:
    """A book's esummary 1.0 item values by name (module doc), as
    :func:`reviewkit.pubmed.esummary.docsum` takes them: authors and history dates as their
    elements; {} for a record without its BookDocument or Book."""
    doc = article.find("BookDocument")
    book = doc.find("Book") if doc is not None else None
    if doc is None or book is None:
        return {}
    data = article.find("PubmedBookData")
    dated = spelled_date(book.find("PubDate"))
    title = text(doc.find("ArticleTitle")) or marked_text(book.find("BookTitle"))
    ids = article_id_pairs(data) + article_id_pairs(doc)
    return {
        "PubDate": dated,
        "Source": marked_text(book.find("BookTitle")),
        "AuthorList": book_authors(doc),
        "Title": title,
        "Languages": [text(e) for e in doc.findall("Language")],
        "PubTypes": [text(e) for e in doc.findall("PublicationType")],
        "PubStatus": text(data.find("PublicationStatus")) if data is not None else "",
        "ArticleIds": ids,
        "History": [] if data is None else data.findall("History/PubMedPubDate"),
        "HasAbstract": any(text(e) for e in doc.findall("Abstract/AbstractText")),
        "SO": dated,
        "IsChapter": doc.find("ArticleTitle") is not None,  # esummary JSON's doctype
        # esummary JSON's book keys, from the elements MEDLINE text's BTI, PB and PL come from
        "BookTitle": marked_text(book.find("BookTitle")),
        "PublisherName": text(book.find("Publisher/PublisherName")),
        "PublisherLocation": text(book.find("Publisher/PublisherLocation")),
        "Medium": text(book.find("Medium")),
        "Edition": text(book.find("Edition")),
    }
