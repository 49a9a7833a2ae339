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

# RefType -> MEDLINE tag, for every RefType PubMed writes in its MEDLINE text: NLM's field
# descriptions ("Comments/Corrections") and PubMed Help's "PubMed Format" table (RRI, RRF,
# DDIN, DRIN, ECI, ECF as public projects copy it). DDIN ("Dataset described in") and DRIN
# ("Dataset use reported in") are paired with AssociatedDataset and AssociatedPublication by
# the labels an Ovid-to-PubMed translator gives those RefTypes (pubmed.fields.HAS_REFTYPES):
# our reading, no NCBI document pairs them. PartialRetractionIn/Of are in NLM's DTDs up to
# 2015 only; ReprintIn/Of and Cites have no tag in either list and are not written.
MEDLINE_TAGS = {
    "CommentOn": "CON",
    "CommentIn": "CIN",
    "ErratumIn": "EIN",
    "ErratumFor": "EFR",
    "CorrectedandRepublishedIn": "CRI",
    "CorrectedandRepublishedFrom": "CRF",
    "PartialRetractionIn": "PRIN",
    "PartialRetractionOf": "PROF",
    "RepublishedIn": "RPI",
    "RepublishedFrom": "RPF",
    "RetractionIn": "RIN",
    "RetractionOf": "ROF",
    "RetractedandRepublishedIn": "RRI",
    "RetractedandRepublishedFrom": "RRF",
    "UpdateIn": "UIN",
    "UpdateOf": "UOF",
    "SummaryForPatientsIn": "SPIN",
    "OriginalReportIn": "ORI",
    "ExpressionOfConcernIn": "ECI",
    "ExpressionOfConcernFor": "ECF",
    "AssociatedDataset": "DDIN",
    "AssociatedPublication": "DRIN",
}
# the kept kinds. Not kept: a retracted-and-republished article's link to its new version
# (RRI/RRF) is no notice but another report of the study, and its retraction comes with its
# own RetractionIn and the type 'Retracted Publication'; datasets say nothing of standing.
KEPT = {
    ref_type: MEDLINE_TAGS[ref_type]
    for ref_type in (
        "RetractionIn",
        "RetractionOf",
        "PartialRetractionIn",
        "PartialRetractionOf",
        "ExpressionOfConcernIn",
        "ExpressionOfConcernFor",
        "ErratumIn",
        "ErratumFor",
        "CommentIn",
        "CommentOn",
    )
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


def medline_value(ref_source: str, pmid: str) -> str:
    """A link's value as MEDLINE writes it: the other's citation, then ``PMID: n``
    ('Lancet. 2010;375:445. PMID: 1'; a real 2025 record: 'EIN - Nat Aging. 2025
    Feb;5(2):333. doi: 10.1038/s43587-025-00804-6. PMID: 39881191')."""
    source = ref_source.rstrip()
    stop = "" if not source or source.endswith(".") else "."
    return f"{source}{stop} PMID: {pmid}".strip() if pmid else source


def medline_lines(corrections: Iterable[Correction]) -> list[tuple[str, str]]:
    """(tag, value) of each link as MEDLINE writes it ('RIN', 'Lancet. 2010;375:445. PMID: 1')."""
    return [(KEPT[c.ref_type], medline_value(c.ref_source, c.pmid)) for c in corrections]
