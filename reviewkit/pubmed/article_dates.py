"""An NLM article's dates as the snapshot index stores them (YYYYMMDD integers): the
publication date PubMed's [dp] searches (print, then electronic), the Entry date [edat], the
Create date [crdt], and the MeSH, Completion and Modification dates [mhda], [dcom], [lr]."""

from __future__ import annotations

import re

from lxml import etree as ET

MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
# An issue dated by a season, as PubMed's User Guide (2024, Publication Date [dp] and the
# Publication Date sort) sets it: "winter = January, spring = April, summer = July and fall =
# October" (NLM's files write autumn too). Read from <Season> and from a MedlineDate's first
# word ('1979 Fall-Winter': October; the Guide: "multiple months … are set to the first month").
SEASONS = {"win": 1, "spr": 4, "sum": 7, "fal": 10, "aut": 10}


def publication_date(elem: ET._Element) -> int:
    """PubDate as YYYYMMDD (missing month or day count as 01, a season as its month), 0 when
    there is none."""
    pub = elem.find(".//Article/Journal/JournalIssue/PubDate")
    if pub is None:
        pub = elem.find(".//BookDocument/Book/PubDate")
    year = month = day = 0
    if pub is not None:
        text = pub.findtext("Year") or ""
        if text.isdigit():
            year = int(text)
            month = _month(pub.findtext("Month") or pub.findtext("Season") or "")
            day = int(pub.findtext("Day")) if (pub.findtext("Day") or "").isdigit() else 0
        else:
            m = re.match(r"\s*(\d{4})\s*([A-Za-z]{3})?", pub.findtext("MedlineDate") or "")
            if m:
                year, month = int(m.group(1)), _month(m.group(2) or "")
    if not year:
        for path in (".//ArticleDate", ".//PubmedData/History/PubMedPubDate[@PubStatus='pubmed']"):
            d = elem.find(path)
            if d is not None and (d.findtext("Year") or "").isdigit():
                year, month = int(d.findtext("Year")), _month(d.findtext("Month") or "")
                break
    if not year:
        return 0
    return year * 10000 + (month or 1) * 100 + (day or 1)


def _ymd(d: ET._Element | None) -> int:
    if d is None or not (d.findtext("Year") or "").isdigit():
        return 0
    month = _month(d.findtext("Month") or "") or 1
    day = int(d.findtext("Day")) if (d.findtext("Day") or "").isdigit() else 1
    return int(d.findtext("Year")) * 10000 + month * 100 + day


def electronic_date(elem: ET._Element) -> int:
    """The electronic publication date (ArticleDate DateType="Electronic"), 0 when none.
    PubMed's [dp] matches it as well as the print date."""
    return _ymd(elem.find(".//Article/ArticleDate"))


def entry_dates(elem: ET._Element) -> tuple[int, int]:
    """(Entry date [edat], Create date [crdt]). NLM's DTD: PubStatus "pubmed" is the Entry date
    and "entrez" the Create date. Every PubMed record has both; a record without them (hand-made
    test files) falls back to the other one, then to the publication date."""
    history = ".//PubmedData/History/PubMedPubDate[@PubStatus='{}']"
    edat = _ymd(elem.find(history.format("pubmed")))
    crdt = _ymd(elem.find(history.format("entrez")))
    fallback = publication_date(elem)
    return edat or crdt or fallback, crdt or edat or fallback


def indexing_dates(elem: ET._Element, entry: int) -> tuple[int, int, int]:
    """([mhda], [dcom], [lr]); 0 for a date the record lacks. [mhda] is the history's
    "medline" date: "the date the citation completed MEDLINE processing. Up until the citation
    has been indexed for MEDLINE, the medline date is the same as the entrez date" (NLM's
    PubMed DTD documentation, PubStatus), so a record without one has ``entry`` (its [edat]).
    [dcom] is DateCompleted (NLM: search a MeSH indexing year's range "followed by the Date
    Completed field tag [dcom]"; In-Process records have none), [lr] DateRevised (the MEDLINE
    LR field, "Date Last Revised")."""
    medline = _ymd(elem.find(".//PubmedData/History/PubMedPubDate[@PubStatus='medline']"))
    citation = elem.find("MedlineCitation")
    if citation is None:
        return medline or entry, 0, 0
    return (
        medline or entry,
        _ymd(citation.find("DateCompleted")),
        _ymd(citation.find("DateRevised")),
    )


def _month(text: str) -> int:
    text = text.strip().lower()
    if text.isdigit():
        return min(max(int(text), 1), 12)
    return MONTHS.get(text[:3]) or SEASONS.get(text[:3], 0)
