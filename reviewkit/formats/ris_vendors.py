"""Where databases put a record's fields in their RIS exports, beyond the tags RIS names for them
(DO, AN with DB, SP/EP, PB, KW, M3, AD), and what they put under a tag RIS means otherwise.

Read from the databases' own exports, as saved in asreview/citation-file-formatting
(Datasets/RIS/_baseline_*.ris, the same records exported from each system):

- Scopus writes the PubMed ID in C2 (RIS's 'custom 2', which EndNote uses for the PMCID) and an
  article number in C7; every Scopus record says 'DB  - Scopus' and links scopus.com in UR.
- Web of Science and Scopus write an article number (e12292, 2864) in C7, RIS's 'custom 7',
  which EndNote's RIS names 'Article Number'; such an article has no SP.
- The Cochrane Library (CENTRAL, every one of its RIS flavours) writes the PubMed ID as
  'C3  - PUBMED 21314913' ('EMBASE …' is Embase's accession number, not a PMID). Web of Science
  uses C3 for organisations, so only the 'PUBMED n' form is read.
- Embase.com writes the MEDLINE PMID in C5 (its U2 an Embase 'L' number, its UR at embase.com;
  also in the same search's CSV: Datasets/CSV/_baseline_embase.csv, 'Medline PMID').
- EBSCOhost writes the DOI in L3 (RIS's 'related records'), and a second AB with the publisher's
  notice 'Copyright of <journal> is the property of …', which is no part of the abstract; it
  writes no AD, but the authors' affiliations in N1, among the other fields of its notes.
- Web of Science (every record 'AN  - WOS:…', its edition in WE; _baseline_webofscience.ris)
  writes its own field tags where RIS has none: PU the publisher and PI its city (RIS's PB and
  CY), and under KW first the authors' keywords (its DE), then its Keywords Plus (its ID), the
  one upper case and the other as the authors wrote them.
- Ovid's RIS names the database in DB with its coverage in angle brackets and writes the
  record's accession number in ID (_baseline_eric_ovid.ris): Ovid MEDLINE's is the PMID.
- Ovid's APA PsycInfo RIS (_baseline_psychInfo_ovid.ris, asreview's ovid_psycinfo.ris) writes
  the record's PsycInfo classification in M3, 'Cognitive Therapy [3311]', where RIS has the
  type of work; Embase.com writes each affiliation with its authors in M1, '(Yang Z.,
  zyang@ucc.ie; McNamara M.E.) School of …, Cork, Ireland', its AD only the corresponding
  author's address.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewkit.formats.accession import accession_pmid
from reviewkit.formats.embase_addresses import without_authors
from reviewkit.formats.headings import unstarred
from reviewkit.records import clean_doi, fold_text, normalise_pmid

_EMBASE_ID = re.compile(r"L\d+")
_CENTRAL_PMID = re.compile(r"\s*PUBMED\s+(\d+)\s*", re.IGNORECASE)
# EBSCOhost's notice after the abstract: 'Copyright of PLoS ONE is the property of Public
# Library of Science and its content may not be copied or emailed to multiple sites …'
_EBSCO_NOTICE = re.compile(r"Copyright of .{1,300}? is the property of ", re.IGNORECASE)


def _is_scopus(get: dict[str, list[str]]) -> bool:
    return any(d.strip().lower() == "scopus" for d in get.get("DB", [])) or any(
        "scopus.com/" in u for u in get.get("UR", [])
    )


def _is_embase_com(get: dict[str, list[str]]) -> bool:
    return any(_EMBASE_ID.fullmatch(u) for u in get.get("U2", [])) or any(
        "embase.com/" in u for u in get.get("UR", [])
    )


# Ovid's RIS names the database in DB with its coverage ('ERIC <1992 to June 2024>', 'Ovid
# MEDLINE(R) ALL <1946 to December 05, 2026>'; asreview/citation-file-formatting's
# _baseline_eric_ovid.ris) and writes the record's accession number in ID ('EJ389705'), where
# RIS has a reference's own id (EndNote's record number): in Ovid MEDLINE it is the PMID.
# Ovid writes it at the record's top (TY, DB, ID, then the title); EndNote keeps the DB an
# Ovid record came with (its Name of Database) and writes its own record number in ID below
# every other field (asreview's _baseline_endnote.ris, 'ID  - 889'): an ID below the title is
# that number, whatever DB says, and taken as the PMID made records of two libraries one.
_OVID_DB = re.compile(r"^Ovid\b|<[^<>]+ to [^<>]+>\s*$", re.IGNORECASE)


def _ovid_accession(get: dict[str, list[str]]) -> str:
    """The ID of a record of Ovid's RIS (DB naming its database, ID above the title), else ''."""
    tags = list(get)  # in the order the record first gives them
    if "ID" not in tags or not any(_OVID_DB.search(d.strip()) for d in get.get("DB", [])):
        return ""
    title = next((tags.index(t) for t in tags if t in ("TI", "T1")), len(tags))
    return get["ID"][0] if tags.index("ID") < title else ""


def vendor_pmid(get: dict[str, list[str]]) -> str:
    """The PMID a database wrote outside AN: Scopus' C2, the Cochrane Library's
    'C3 - PUBMED n', Embase.com's C5, Ovid MEDLINE's ID; '' when the record shows none."""
    if pmid := accession_pmid(_ovid_accession(get), get.get("DB", [])):
        return pmid
    if _is_scopus(get):
        pmid = next((p for v in get.get("C2", []) if (p := normalise_pmid(v))), "")
        if pmid:
            return pmid
    for value in get.get("C3", []):
        if m := _CENTRAL_PMID.fullmatch(value):
            return normalise_pmid(m.group(1))
    if _is_embase_com(get):
        return normalise_pmid((get.get("C5") or [""])[0])
    return ""


def vendor_doi(get: dict[str, list[str]]) -> str:
    """EBSCOhost's DOI in L3 (only a value that is a DOI: L3 is a link elsewhere)."""
    return next(
        (
            d
            for v in get.get("L3", [])
            if (d := clean_doi(v)) and (v.strip() == d or "doi.org/" in v)
        ),
        "",
    )


def abstract_lines(get: dict[str, list[str]]) -> list[str]:
    """The abstract's AB (or N2) values without EBSCOhost's copyright notice."""
    lines = get.get("AB", []) or get.get("N2", [])
    kept = [v for v in lines if not _EBSCO_NOTICE.match(v)]
    return kept if kept else lines


def article_number(get: dict[str, list[str]]) -> str:
    """The article number in C7 (Scopus, Web of Science), the pages of an article without SP."""
    return (get.get("C7") or [""])[0].strip()


def _is_web_of_science(get: dict[str, list[str]]) -> bool:
    """A Web of Science record: its accession 'WOS:…' in AN, or its edition in WE."""
    return bool(get.get("WE")) or any(
        a.strip().upper().startswith("WOS:") for a in get.get("AN", [])
    )


def keywords(get: dict[str, list[str]]) -> list[str]:
    """KW's keywords; in a Web of Science record without its Keywords Plus.

    Web of Science writes the authors' keywords (DE) as the authors wrote them, then its
    Keywords Plus (ID), all in upper case, under the one tag KW. Keywords Plus are left out, as
    its plain-text and tab-delimited exports' ID field is (formats.wos says why: they are made
    from the titles of the cited references, not from the study). Only their case and place
    tell them apart: the keywords wholly in upper case after the last one with a lower-case
    letter. An authors' keyword in upper case among theirs ('HIV', then 'sick leave') is kept;
    one that ends their list (… 'sick leave', 'HIV') cannot be told from Keywords Plus and is
    left out with them; a record whose keywords are all in upper case keeps none (Web of Science
    gives most records Keywords Plus, and its authors' keywords are rarely all capitals)."""
    kws = unstarred(get.get("KW", []))
    if not _is_web_of_science(get):
        return kws
    last_authors = max((i for i, k in enumerate(kws) if k != k.upper()), default=-1)
    return kws[: last_authors + 1]


def publisher_place(get: dict[str, list[str]], first: Callable[..., str]) -> tuple[str, str]:
    """The publisher and its place: RIS's PB and CY; Web of Science's PU and PI (its own tags,
    which its RIS export keeps: Clarivate's field tags name them 'Publisher' and 'Publisher
    City', and its plain-text and tab-delimited exports are read so, csv_format's 'pu' and
    'pi'; a Web of Science record's CY, in its tag list the conference date, is not read)."""
    if _is_web_of_science(get):
        return first("PB", "PU"), first("PI")
    return first("PB"), first("CY")


# PsycInfo's classification: a category name and its four-digit code in brackets (APA's
# 'PsycInfo Classification Categories and Codes', about 160 of them, 2100 to 4290), as Ovid
# writes it in M3: 'Health & Mental Health Treatment & Prevention [3300]'
_PSYCINFO_CLASS = re.compile(r".+ \[\d{4}\]")


def publication_types(get: dict[str, list[str]]) -> list[str]:
    """M3's types of work ('; ' between several), without PsycInfo's classification.

    Ovid's APA PsycInfo RIS writes the record's classification category in M3, where RIS
    has the type of work: a broad subject area APA's indexers give (e.g. 'Cognitive
    Therapy [3311]'), no publication type, so it is not stored as one (it would show as the
    record's type and feed the 'publication-type' prefill). It is not stored elsewhere either:
    the same records read from Ovid's tagged export keep no classification (the MEDLINE reader
    reads no classification field), and their subjects are in KW, APA's index terms ('*Body
    Image'); the record's original text keeps it. Its document type ('Erratum/Correction')
    is read from Ovid's OpenURL in UR (:mod:`~reviewkit.formats.ovid_link_type`)."""
    m3 = next((v for v in get.get("M3", []) if v), "")
    return [p for p in m3.split("; ") if p and not _PSYCINFO_CLASS.fullmatch(p.strip())]


# Ovid's PsycInfo RIS writes the corresponding author's e-mail as an AD of its own, after the
# author's name: 'Trindade, Ines A.: ines@example.org' (also 'Surname, Given, e-mail'), after
# the AD with the affiliation that already ends in it, or as the record's only AD. An e-mail
# address is no affiliation: it names no institution or place. Only that shape is left out: the
# address alone, or after a name of one comma that is one of the record's authors (A1 'Trindade,
# Ines A'; compared folded, as Ovid adds a full stop). 'Karolinska Institutet, Sweden, x@ki.se'
# has the same shape but names no author: an affiliation ending in an e-mail, kept.
_EMAIL_ONLY = re.compile(r"(?:([^,:@]+,[^,:@]+)[:,]\s*)?[^\s@,;:()]+@[^\s@,;:()]+\.[A-Za-z]{2,}\.?")


def _is_email_only(address: str, get: dict[str, list[str]]) -> bool:
    if (m := _EMAIL_ONLY.fullmatch(address)) is None or m.group(1) is None:
        return m is not None
    name = fold_text(m.group(1))
    return any(fold_text(a) == name for a in get.get("AU", []) + get.get("A1", []))


# EBSCOhost (CINAHL, Academic Search, …) writes no AD: its N1, the notes, holds the authors'
# affiliations among its other fields, numbered: 'Accession Number: 176404503; Curry Rogers,
# Kristina 1; Email Address: …; Affiliation:  1: Biology and Geology Departments, Macalester
# College, St. Paul, Minnesota, United States of America  2: Instituto …, Argentina; Source
# Info: 4/3/2024, Vol. 19 Issue 4, p1; Subject Term: …' (_baseline_cinahl.ris). The field ends
# where the next one starts, '; Name: '; its items start with their number, '2: '.
_EBSCO_AFFILIATION = re.compile(
    r"(?:^|; )Affiliation:\s*(.*?)(?=; [A-Z][A-Za-z-]*(?: [A-Za-z-]+)*: |$)"
)
_EBSCO_NUMBER = re.compile(r"(?:^|\s+)\d{1,3}:\s+")


def _is_ebscohost(get: dict[str, list[str]]) -> bool:
    return any(d.strip().lower() == "ebscohost" for d in get.get("DP", [])) or any(
        "ebscohost.com/" in u for u in get.get("UR", [])
    )


def _ebsco_affiliations(get: dict[str, list[str]]) -> list[str]:
    """The affiliations EBSCOhost lists in N1 (its records only; elsewhere N1 is any note)."""
    if not _is_ebscohost(get):
        return []
    found = (m.group(1) for n in get.get("N1", []) if (m := _EBSCO_AFFILIATION.search(n)))
    return [a.strip() for text in found for a in _EBSCO_NUMBER.split(text) if a.strip()]


def affiliations(get: dict[str, list[str]]) -> list[str]:
    """The affiliations: RIS's AD but an author's e-mail alone (_EMAIL_ONLY), and those
    EBSCOhost writes in N1; in an Embase.com record its M1 first, each without the authors in
    brackets before it, then AD's that are not one of them.

    Embase.com writes every author's affiliation in M1 (RIS's 'miscellaneous 1', which
    EndNote uses for a number and rispy reads as a note) and only the corresponding author's
    address in AD: AD alone lost the other authors' countries (the affiliation-country
    prefill). M1 is read only in Embase.com's records (its 'L' number in U2 or an embase.com
    link): Ovid's PsycInfo RIS writes the cited references in M1."""
    ads = [a for a in get.get("AD", []) if not _is_email_only(a, get)]
    ads += _ebsco_affiliations(get)
    if not _is_embase_com(get):
        return ads
    # Embase.com's affiliation in M1: '(Liu R.; Adler D.G., douglas.adler@hsc.utah.edu)
    # Department of …, United States', kept without the names as its CSV's (embase_addresses)
    m1 = [without_authors(v) for v in get.get("M1", [])]
    # AD repeats one of them after the author's name ('D.G. Adler, Department of …'): once
    own = [a for a in ads if not any(a.endswith(f", {m}") for m in m1)]
    return list(dict.fromkeys([*m1, *own]))
