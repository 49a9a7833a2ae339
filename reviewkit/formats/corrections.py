"""PubMed's links between an article and the notices about it, as its XML and MEDLINE text
write them (NLM, MEDLINE/PubMed Data Element (Field) Descriptions, "Comments/Corrections").

Kept: the kinds a review must check its included studies for (Cochrane Handbook 5.1, 6.4.10,
'Identifying fraudulent studies, other retracted publications, errata and comments'):
retractions, partial retractions, errata, expressions of concern (which the NLM policy the
Handbook quotes filed as comments; PubMed now links them on their own) and comments, each
from both ends: the article's link to its notice ('RetractionIn', MEDLINE 'RIN') and the
notice's to its article ('RetractionOf', 'ROF'). Not kept: 'Cites' (a recent article's whole reference
list), updates, republications, summaries for patients and original reports, which say
nothing about an article's standing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree as ET

from reviewkit.records import Correction, normalise_pmid

# RefType -> MEDLINE tag, for the kept kinds
KEPT = {
    "RetractionIn": "RIN",
    "RetractionOf": "ROF",
    "PartialRetractionIn": "PRIN",
    "PartialRetractionOf": "PROF",
    "ExpressionOfConcernIn": "ECI",
    "ExpressionOfConcernFor": "ECF",
    "ErratumIn": "EIN",
    "ErratumFor": "EFR",
    "CommentIn": "CIN",
    "CommentOn": "CON",
}
_BY_TAG = {tag: ref_type for ref_type, tag in KEPT.items()}
# MEDLINE writes the other's citation, then its PMID: 'EIN - Nat Aging. 2025 Feb;5(2):333.
# doi: 10.1038/s43587-025-00804-6. PMID: 39881191' (a real 2025 record)
_PMID_TAIL = re.compile(r"\s*\.?\s*PMID:\s*(\d{1,8})\s*$")
_SPACES = re.compile(r"\s+")


def _text(elem: ET._Element | None) -> str:
    return "" if elem is None else _SPACES.sub(" ", "".join(elem.itertext())).strip()


def from_xml(citation: ET._Element | None) -> list[Correction]:
    """The kept CommentsCorrections of a PubMed XML ``<MedlineCitation>``, in its order."""
    if citation is None:
        return []
    return [
        Correction(ref.get("RefType", ""), _text(ref.find("RefSource")), _text(ref.find("PMID")))
        for ref in citation.iterfind("CommentsCorrectionsList/CommentsCorrections")
        if ref.get("RefType", "") in KEPT
    ]


def from_medline(fields: Iterable[tuple[str, str]]) -> list[Correction]:
    """The kept links of a MEDLINE record, from its (tag, value) fields, in their order."""
    out = []
    for tag, value in fields:
        if tag in _BY_TAG and value.strip():
            m = _PMID_TAIL.search(value)
            source = value[: m.start()] if m else value
            pmid = normalise_pmid(m.group(1)) if m else ""
            out.append(Correction(_BY_TAG[tag], source.strip(), pmid))
    return out


def medline_lines(corrections: Iterable[Correction]) -> list[tuple[str, str]]:
    """(tag, value) of each link as MEDLINE writes it ('RIN', 'Lancet. 2010;375:445. PMID: 1')."""
    out = []
    for c in corrections:
        source = c.ref_source.rstrip()
        stop = "" if not source or source.endswith(".") else "."
        value = f"{source}{stop} PMID: {c.pmid}".strip() if c.pmid else source
        out.append((KEPT[c.ref_type], value))
    return out
