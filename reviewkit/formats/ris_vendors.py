"""Where databases put a record's identifiers and pages in their RIS exports, beyond the tags
RIS names for them (DO, AN with DB, SP/EP).

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
  notice 'Copyright of <journal> is the property of …', which is no part of the abstract.
"""

from __future__ import annotations

import re

from reviewkit.records import clean_doi, normalise_pmid

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


def vendor_pmid(get: dict[str, list[str]]) -> str:
    """The PMID a database wrote outside AN: Scopus' C2, the Cochrane Library's
    'C3 - PUBMED n', Embase.com's C5; '' when the record shows none of them."""
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
