"""One PubMed XML article (a <PubmedArticle> or <PubmedBookArticle> element) as a Record: its
title, abstract's sections, authors, year, journal and identifiers, read by NLM's DTD. The
streaming reader that finds the elements is :mod:`reviewkit.formats.pubmed_xml`."""

from __future__ import annotations

from lxml import etree as ET

from reviewkit.formats import corrections, elocation
from reviewkit.formats.book_authors import book_authors
from reviewkit.formats.read_warnings import Warn, check_year
from reviewkit.formats.xml_lines import element_line
from reviewkit.records import AbstractSection, Record, normalise_pmid


def _journal_fields(article: ET._Element, base: ET._Element) -> dict[str, str]:
    """The journal, its abbreviation, volume and issue (a book's: its publisher as the journal).
    The abbreviation is NLM's, the one MEDLINE's TA gives (PubMed's DTD: MedlineJournalInfo/
    MedlineTA, 'the standard abbreviation for the journal title'); failing it, the journal's
    ISO 4 abbreviation (Journal/ISOAbbreviation), which is most often the same."""
    journal = article.find("Journal")
    if journal is None:
        return {"journal": _text(article.find("Book/Publisher/PublisherName"))}
    return {
        "journal": _text(journal.find("Title")),
        "journal_abbreviation": _text(base.find("MedlineJournalInfo/MedlineTA"))
        or _text(journal.find("ISOAbbreviation")),
        "volume": journal.findtext("JournalIssue/Volume") or "",
        "issue": journal.findtext("JournalIssue/Issue") or "",
    }


def _text(elem: ET._Element | None) -> str:
    """All text inside an element (titles and abstracts carry <i>, <sup> …), spaces folded."""
    if elem is None:
        return ""
    if len(elem) == 0:  # no child elements: skip the itertext machinery
        return " ".join((elem.text or "").split())
    return " ".join("".join(elem.itertext()).split())


def _author(a: ET._Element) -> str:
    parts: dict = {}
    for child in a:  # one pass over the children instead of four findtext searches
        parts.setdefault(child.tag, child.text or "")
    collective = parts.get("CollectiveName")
    if collective:
        return " ".join(collective.split())
    last = parts.get("LastName") or ""
    fore = parts.get("ForeName") or parts.get("Initials") or ""
    return f"{last}, {fore}".strip(", ") if last else fore


# the year: the first of these elements that holds text. Each holds a year by NLM's DTD (Year
# four digits; MedlineDate '1998 Dec-1999 Jan', '2000 Spring'), so one that holds none is warned
# of (formats.read_warnings). The searches run under MedlineCitation / BookDocument only:
# PubmedData holds the reference list, and searching it cost a tenth of the import time.
_YEAR_PATHS = (
    ".//Journal/JournalIssue/PubDate/Year",
    ".//Journal/JournalIssue/PubDate/MedlineDate",
    ".//ArticleDate/Year",
    ".//Book/PubDate/Year",
)


def _year(elem: ET._Element, base: ET._Element, origin: str, warn: Warn | None) -> str:
    """The publication year's text (_YEAR_PATHS), else the year PubMed added the record; a
    text holding no year told to ``warn``, by the element's line in file ``origin``."""
    found = next((e for p in _YEAR_PATHS if (e := base.find(p)) is not None and e.text), None)
    if found is None:
        found = elem.find("PubmedData/History/PubMedPubDate[@PubStatus='pubmed']/Year")
    if found is None:
        return ""
    if warn is not None:
        field = f"element {found.getparent().tag}/{found.tag}"
        check_year(found.text or "", field, f"{origin}:{element_line(found)}", warn)
    return found.text or ""


def article_to_record(
    elem: ET._Element,
    *,
    source: str,
    origin: str,
    position: int,
    raw: str,
    warn: Warn | None = None,
) -> Record:
    """One <PubmedArticle> or <PubmedBookArticle> element as a Record (``warn``: see _year)."""
    citation = elem.find("MedlineCitation")
    book = elem.find("BookDocument")
    base = citation if citation is not None else book
    if base is None:
        raise ValueError("neither MedlineCitation nor BookDocument")
    article = base.find("Article") if citation is not None else book
    if article is None:  # every MedlineCitation has one (the PubMed DTD requires it)
        raise ValueError("its MedlineCitation has no <Article> (no title, journal or authors)")

    vernacular = _text(article.find("VernacularTitle"))
    title = _text(article.find("ArticleTitle")) or vernacular
    if not title and book is not None:
        title = _text(book.find("Book/BookTitle"))
    sections = [  # NLM's category of each label kept (extract reads a section by it)
        AbstractSection(
            (t.get("Label") or "").strip(), _text(t), (t.get("NlmCategory") or "").strip().upper()
        )
        for t in article.findall("Abstract/AbstractText")
        if _text(t)
    ]
    listed = book_authors(book) if book is not None else article.findall("AuthorList/Author")
    authors = [_author(a) for a in listed]
    affiliations = list(
        dict.fromkeys(
            aff.text.strip()
            for a in listed
            for aff in a.iterfind("AffiliationInfo/Affiliation")
            if aff.text
        )
    )
    ids, doi = _ids_and_doi(elem, article)
    pmid = (base.findtext("PMID") or ids.get("pubmed", "")).strip()
    if pmid and not normalise_pmid(pmid):  # the one PMID rule; anything else: a damaged file
        raise ValueError(f"its PMID {pmid[:40]!r} is not a number of 1 to 8 digits")
    return Record(
        title=title,
        # the original beside its English translation; when it is the only title, it is that
        # and Record keeps no vernacular title equal to the title
        vernacular_title=vernacular,
        abstract_sections=sections,
        authors=[a for a in authors if a],
        year=_year(elem, base, origin, warn),
        **_journal_fields(article, base),
        pages=elocation.xml_pages(article),  # MedlinePgn, else the e-locator PubMed cites
        doi=doi,
        pmid=pmid,
        pmcid=ids.get("pmc", ""),
        language=article.findtext("Language") or "",
        publication_types=[  # a BookDocument holds its PublicationType elements bare
            _text(p)
            for p in article.findall("PublicationTypeList/PublicationType")
            + article.findall("PublicationType")
        ],
        keywords=[t for k in base.iterfind("KeywordList/Keyword") if (t := _text(k))],
        mesh_terms=[_text(m) for m in base.findall("MeshHeadingList/MeshHeading/DescriptorName")],
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid else "",
        affiliations=affiliations,
        comments_corrections=corrections.from_xml(citation),
        source=source,
        origin=origin,
        position=position,
        raw=raw,
    )


def _ids_and_doi(elem: ET._Element, article: ET._Element) -> tuple[dict[str, str], str]:
    """The record's ArticleIds by IdType, and its DOI (an ArticleId, else an ELocationID)."""
    # a book's ids are in BookDocument and PubmedBookData (PubMed's DTD), an article's in
    # PubmedData; the later list wins, as it does for articles
    ids = {
        aid.get("IdType"): (aid.text or "").strip()
        for path in ("BookDocument", "PubmedBookData", "PubmedData")
        for aid in elem.findall(f"{path}/ArticleIdList/ArticleId")
    }
    doi = ids.get("doi", "")
    if not doi:
        for loc in article.findall("ELocationID"):
            if loc.get("EIdType") == "doi":
                doi = loc.text or ""
    return ids, doi
