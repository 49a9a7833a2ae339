"""efetch's MEDLINE text (``rettype=medline&retmode=text``), written from the snapshot's XML.

Sources. NLM, *MEDLINE/PubMed Data Element (Field) Descriptions*
(https://www.nlm.nih.gov/bsd/mms/medlineelements.html): the tags and what each holds. Real
PubMed MEDLINE text for the layout and the order of the fields: Biopython 1.88
``Tests/Medline/pubmed_result1-3.txt`` (2006-2012 records) and recent records quoted verbatim in
public projects (PMID 37118429, revised 2025; two of 2025 and a 2019 one with ``RN``, ``MID``,
``OTO``; a 2021 one with ``TT``). The layout: a tag padded to four characters, ``- ``, the value
(the 6-character tag column); a value longer than 81 characters is broken at the last space that
keeps a line within 81 characters of text, the space left at the end of the line, and goes on
on lines indented by six spaces (the 2021-2025 records; Biopython's 2006-2012 files break one
column earlier and drop the space, which ``Bio.Medline`` reads the same). Records are separated
by a blank line and the reply starts with one, as Biopython's files do. The layout of a field
is :func:`reviewkit.formats.medline.field_lines`, shared with the MEDLINE export.

Not written (the local server says so in the README and the audit): ``NM`` (supplementary
concepts), ``IR``/``FIR``/``IRAD`` (investigators), ``PS``/``FPS``, ``OAB``, ``GN``, ``SFM``,
``RF``: no recorded reply shows where NCBI puts them among the others. Book records
(``PubmedBookArticle``, none in the offline snapshot, one in a ``--snapshot`` file):
:mod:`reviewkit.pubmed.book_records`, after a real record of a book chapter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lxml import etree as ET

from reviewkit.formats.corrections import MEDLINE_TAGS, medline_value
from reviewkit.formats.medline import field_lines

_SPACES = re.compile(r"[ \t\r\n]+")  # XML's white space
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# ArticleIds written elsewhere than AID (PMID, PMC, MID) or not at all
NOT_AID = {"pubmed", "pmc", "mid", "pmcid", "pmcpid", "pmpid"}


def medline_text(articles: Iterable[bytes]) -> bytes:
    """efetch's MEDLINE text reply for these ``<PubmedArticle>`` and ``<PubmedBookArticle>``
    elements (snapshot XML)."""
    # book_records builds on this module's helpers: imported here, once this module is loaded
    from reviewkit.pubmed.book_records import book_fields, is_book

    records = []
    for xml in articles:
        article = ET.fromstring(xml)
        fields = book_fields(article) if is_book(article) else medline_fields(article)
        records.append("\n".join(line for tag, value in fields for line in field_lines(tag, value)))
    return "".join(f"\n{record}\n" for record in records).encode("utf-8")


def uilist_text(pmids: Iterable[int]) -> bytes:
    """efetch's ``rettype=uilist&retmode=text``: one PMID a line."""
    return "".join(f"{pmid}\n" for pmid in pmids).encode()


# --- the fields, in NCBI's order -------------------------------------------------------------


def text(elem: ET._Element | None) -> str:
    """An element's text with its inline markup (<i>, <sup>) dropped and XML's white space
    folded (a no-break space is text: NLM writes it in some names and affiliations)."""
    return "" if elem is None else _SPACES.sub(" ", "".join(elem.itertext())).strip(" ")


def medline_fields(article: ET._Element) -> list[tuple[str, str]]:
    """(tag, value) pairs of one ``<PubmedArticle>``, in the order PubMed writes them."""
    cit = article.find("MedlineCitation")
    art = cit.find("Article") if cit is not None else None
    if cit is None or art is None:
        return []
    data = article.find("PubmedData")
    fields: list[tuple[str, str]] = [("PMID", text(cit.find("PMID")))]
    fields += [("OWN", cit.get("Owner", "")), ("STAT", cit.get("Status", ""))]
    fields += [("DCOM", compact_date(cit.find("DateCompleted")))]
    fields += [("LR", compact_date(cit.find("DateRevised")))]
    fields += _journal(art, cit)
    fields += [
        ("TI", text(art.find("ArticleTitle"))),
        ("PG", text(art.find("Pagination/MedlinePgn"))),
    ]
    fields += [("LID", f"{text(e)} [{e.get('EIdType')}]") for e in art.findall("ELocationID")]
    fields += [("AB", abstract_text(art)), ("CI", text(art.find("Abstract/CopyrightInformation")))]
    fields += author_fields(art.findall("AuthorList/Author"))
    fields += [("LA", text(e)) for e in art.findall("Language")]
    fields += [("SI", si) for si in databanks(art)]
    fields += [("GR", grant_text(g)) for g in art.findall("GrantList/Grant")]
    fields += [("PT", text(e)) for e in art.findall("PublicationTypeList/PublicationType")]
    fields += [("TT", text(e)) for e in art.findall("VernacularTitle")]
    fields += [("DEP", compact_date(e)) for e in art.findall("ArticleDate[@DateType='Electronic']")]
    fields += _journal_info(cit)
    fields += _comments(cit)
    fields += [("MH", mesh_heading(h)) for h in cit.findall("MeshHeadingList/MeshHeading")]
    ids = article_ids(data)
    fields += [("PMC", ids.get("pmc", "")), ("MID", ids.get("mid", ""))]
    fields += [("OID", f"{e.get('Source')}: {text(e)}") for e in cit.findall("OtherID")]
    for keywords in cit.findall("KeywordList"):
        fields += [("OTO", keywords.get("Owner", ""))]
        fields += [("OT", text(k)) for k in keywords.findall("Keyword")]
    fields += [("COIS", text(cit.find("CoiStatement")))]
    fields += _history(data)
    fields += [("AID", f"{v} [{k}]") for k, v in article_id_pairs(data) if k not in NOT_AID]
    fields += [("PST", text(data.find("PublicationStatus")) if data is not None else "")]
    fields += [("SO", source(art, cit, data))]
    return [(tag, value) for tag, value in fields if value]


def _journal(art: ET._Element, cit: ET._Element) -> list[tuple[str, str]]:
    journal = art.find("Journal")
    if journal is None:
        return []
    fields = [("IS", f"{text(i)} ({i.get('IssnType')})") for i in journal.findall("ISSN")]
    linking = text(cit.find("MedlineJournalInfo/ISSNLinking"))
    fields += [("IS", f"{linking} (Linking)")] if linking else []
    issue = journal.find("JournalIssue")
    fields += [("VI", text(issue.find("Volume")) if issue is not None else "")]
    fields += [("IP", text(issue.find("Issue")) if issue is not None else "")]
    fields += [("DP", publication_date(issue))]
    return [(t, v) for t, v in fields if v]


def author_fields(
    authors: list[ET._Element], full: str = "FAU", short: str = "AU", group_tag: str = "CN"
) -> list[tuple[str, str]]:
    """FAU, AU, AUID, AD for each author, in the list's order; CN for a group (NLM: Corporate
    Author). A name without a ForeName is written as its LastName alone. A book's editors are
    written so as FED and ED, a group of editors as ED (``group_tag``: no corporate author;
    :mod:`reviewkit.pubmed.book_records`)."""
    fields: list[tuple[str, str]] = []
    for author in authors:
        group = text(author.find("CollectiveName"))
        if group:
            fields.append((group_tag, group))
        else:
            last, fore = text(author.find("LastName")), text(author.find("ForeName"))
            initials, suffix = text(author.find("Initials")), text(author.find("Suffix"))
            fields.append((full, f"{last}, {fore}" if fore else last))
            fields.append((short, " ".join(p for p in (last, initials, suffix) if p)))
        fields += [("AUID", f"{e.get('Source')}: {text(e)}") for e in author.findall("Identifier")]
        fields += [("AD", text(e)) for e in author.findall("AffiliationInfo/Affiliation")]
    return fields


def databanks(art: ET._Element) -> Iterator[str]:
    """SI: 'DataBankName/AccessionNumber' for each number, the name alone for a bank without."""
    for bank in art.findall("DataBankList/DataBank"):
        name = text(bank.find("DataBankName"))
        numbers = bank.findall("AccessionNumberList/AccessionNumber")
        yield from (f"{name}/{text(n)}" for n in numbers) if numbers else [name]


def grant_text(grant: ET._Element) -> str:
    """GrantID/Acronym/Agency/Country; an id or acronym the grant lacks is left out with its
    slash, the country is not ('24K23757/KAKENHI/', 'T32 NS007433/NS/NINDS NIH HHS/United
    States', both real 2025 records)."""
    parts = [text(grant.find(t)) for t in ("GrantID", "Acronym")]
    return "/".join(
        [p for p in parts if p] + [text(grant.find("Agency")), text(grant.find("Country"))]
    )


def _journal_info(cit: ET._Element) -> list[tuple[str, str]]:
    info = cit.find("MedlineJournalInfo")
    fields = []
    if info is not None:
        fields = [("PL", text(info.find("Country"))), ("TA", text(info.find("MedlineTA")))]
    fields.append(("JT", text(cit.find("Article/Journal/Title"))))
    if info is not None:
        fields.append(("JID", text(info.find("NlmUniqueID"))))
    for chem in cit.findall("ChemicalList/Chemical"):
        number, name = text(chem.find("RegistryNumber")), text(chem.find("NameOfSubstance"))
        fields.append(("RN", f"{number} ({name})"))
    fields += [("SB", text(e)) for e in cit.findall("CitationSubset")]
    return fields


def _comments(cit: ET._Element) -> list[tuple[str, str]]:
    """Comments and corrections with a MEDLINE tag, in the XML's order
    (:data:`reviewkit.formats.corrections.MEDLINE_TAGS`)."""
    fields = []
    for ref in cit.findall("CommentsCorrectionsList/CommentsCorrections"):
        tag = MEDLINE_TAGS.get(ref.get("RefType", ""))
        if tag:
            fields.append((tag, medline_value(text(ref.find("RefSource")), text(ref.find("PMID")))))
    return fields


def mesh_heading(heading: ET._Element) -> str:
    """'Descriptor/qualifier/…', a star before each major one ('Glucokinase/*metabolism')."""
    descriptor = heading.find("DescriptorName")
    if descriptor is None:  # the DTD requires one; a heading without it is written as nothing
        return ""
    parts = [("*" if descriptor.get("MajorTopicYN") == "Y" else "") + text(descriptor)]
    parts += [
        ("*" if q.get("MajorTopicYN") == "Y" else "") + text(q)
        for q in heading.findall("QualifierName")
    ]
    return "/".join(parts)


def _history(data: ET._Element | None) -> list[tuple[str, str]]:
    """EDAT (status pubmed), MHDA (medline), PMCR (pmc-release, a day), CRDT (entrez), then
    every status as PHST in the XML's order, as the 2019-2025 records have them."""
    if data is None:
        return []
    dates = [(d.get("PubStatus", ""), d) for d in data.findall("History/PubMedPubDate")]
    first = {}
    for status, d in dates:
        first.setdefault(status, d)

    def stamp(status: str) -> str:
        return history_date(first[status]) if status in first else ""

    pmcr = stamp("pmc-release")[:10]
    fields = [("EDAT", stamp("pubmed")), ("MHDA", stamp("medline")), ("PMCR", pmcr)]
    fields.append(("CRDT", stamp("entrez")))
    return fields + [("PHST", f"{history_date(d)} [{status}]") for status, d in dates]


def article_id_pairs(data: ET._Element | None) -> list[tuple[str, str]]:
    if data is None:
        return []
    return [(e.get("IdType", ""), text(e)) for e in data.findall("ArticleIdList/ArticleId")]


def article_ids(data: ET._Element | None) -> dict[str, str]:
    ids: dict[str, str] = {}
    for kind, value in article_id_pairs(data):
        ids.setdefault(kind, value)
    return ids


# --- dates and the citation ------------------------------------------------------------------


def _number(value: str) -> int:
    value = value.strip()
    if value.isdigit():
        return int(value)
    return MONTHS.index(value[:3].title()) + 1 if value[:3].title() in MONTHS else 0


def compact_date(elem: ET._Element | None) -> str:
    """YYYYMMDD (DCOM, LR, DEP)."""
    if elem is None:
        return ""
    year = text(elem.find("Year"))
    month, day = _number(text(elem.find("Month"))), _number(text(elem.find("Day")))
    return f"{year}{month:02d}{day:02d}" if year else ""


def history_date(elem: ET._Element) -> str:
    """YYYY/MM/DD HH:MM (EDAT, MHDA, CRDT, PHST); a time not given is 00:00."""
    parts = [_number(text(elem.find(t))) for t in ("Month", "Day", "Hour", "Minute")]
    return f"{text(elem.find('Year'))}/{parts[0]:02d}/{parts[1]:02d} {parts[2]:02d}:{parts[3]:02d}"


def spelled_date(elem: ET._Element | None) -> str:
    """'2006 Mar 1': year, month abbreviated, day without a leading zero (DP, SO, EPubDate)."""
    if elem is None:
        return ""
    medline = text(elem.find("MedlineDate"))
    if medline:
        return medline
    month = text(elem.find("Month"))
    if month.isdigit():
        month = MONTHS[int(month) - 1] if 1 <= int(month) <= 12 else month
    day = text(elem.find("Day")).lstrip("0")
    parts = (text(elem.find("Year")), month or text(elem.find("Season")), day)
    return " ".join(p for p in parts if p)


def publication_date(issue: ET._Element | None) -> str:
    return spelled_date(issue.find("PubDate")) if issue is not None else ""


def volume_issue_pages(art: ET._Element) -> tuple[str, str, str, str]:
    """Volume, issue, pages and the citation's 'volume(issue):pages' (SO in MEDLINE text and
    in esummary)."""
    issue = art.find("Journal/JournalIssue")
    volume = text(issue.find("Volume")) if issue is not None else ""
    number = text(issue.find("Issue")) if issue is not None else ""
    pages = text(art.find("Pagination/MedlinePgn"))
    return (
        volume,
        number,
        pages,
        volume + (f"({number})" if number else "") + (f":{pages}" if pages else ""),
    )


def abstract_text(art: ET._Element) -> str:
    """AB: the abstract's parts joined by a space, each labelled one as 'LABEL: text'. A part
    without text is left out with its label (NLM writes an empty ``CLINICALTRIAL`` part in some
    records; what PubMed shows for it is not recorded)."""
    parts = []
    for part in art.findall("Abstract/AbstractText"):
        label, body = part.get("Label", "").strip(), text(part)  # 'CONCLUSION\u2003' in one
        if body:
            parts.append(f"{label}: {body}" if label else body)
    return " ".join(parts)


def source(art: ET._Element, cit: ET._Element, data: ET._Element | None) -> str:
    """SO: 'TA. date;volume(issue):pages. doi: D. Epub date.' Print-Electronic adds the
    electronic date after the DOI ('Epub 2019 Sep 23.'); an Electronic-eCollection or
    Electronic-Print article is cited by its electronic date, with 'eCollection DP.' or
    'Print DP.' after it (real citations quoted in public projects: 'Front Oncol. 2022 Aug
    8;12:915833. doi: 10.3389/fonc.2022.915833. eCollection 2022.')."""
    model = art.get("PubModel", "")
    issue = art.find("Journal/JournalIssue")
    printed = publication_date(issue)
    electronic = spelled_date(art.find("ArticleDate[@DateType='Electronic']"))
    cited_on = electronic if model.startswith("Electronic-") and electronic else printed
    where = volume_issue_pages(art)[3]
    cited = f"{text(cit.find('MedlineJournalInfo/MedlineTA'))}. {cited_on};{where}."
    doi = next((text(e) for e in art.findall("ELocationID[@EIdType='doi']")), "")
    doi = doi or article_ids(data).get("doi", "")
    if doi:
        cited += f" doi: {doi}."
    if model == "Print-Electronic" and electronic:
        cited += f" Epub {electronic}."
    elif model == "Electronic-eCollection" and electronic:
        cited += f" eCollection {printed}."
    elif model == "Electronic-Print" and electronic:
        cited += f" Print {printed}."
    return cited
