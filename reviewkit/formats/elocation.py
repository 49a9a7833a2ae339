"""An article without pagination cited by its PubMed ELocationID, as PubMed cites it.

NLM's ELocationID (MEDLINE's LID) gives where an article is found online: its DOI and, as
EIdType 'pii', the publisher's item identifier. NLM shows the pii in the citation only when
there is no pagination (NLM Tech Bull 2008 (363):e2, as benchmarks/dedup_stress_notes_minimal
records): PubMed's citation of an article without MedlinePgn puts it where the pages would be
('BMJ Case Rep. 2019;12(3):e228092'), and other databases write the same number as the pages
(RIS SP 'e228092', Scopus's Art. No., Ovid's 'Article Number'). So the import reads a pii that
is an article number as the pages of an article that has none; a DOI is no page, and neither is
Elsevier's pii ('S0190-9622(18)30721-7', a manuscript's id whose digits would read as page
190): in the PubMed snapshot, of the 1,181 unpaged articles with a pii, 616 are of that shape;
119 are 'e' and digits (BMJ Case Reports), 48 digits alone (J Clin Invest '139481', Eur Respir
J '2003300'), most others a journal's letters and digits ('jeb213611', 'eabg0007', 'ehab223',
which dedup reads as no page).

Only an article in a volume: online ahead of print (no volume yet), a paginated journal's pii is
the publisher's manuscript id ('ehab223', 'gkab388' at Oxford; 'BCJ20210158' at Portland;
'jeb.234047', the Company of Biologists' with a period), which the printed pages replace: of the
421 piis of the article-number shape, 130 are of such records (291 in a volume: eLife, BMJ Case
Reports, PNAS, Eur Respir J ... cited by that number). Read as pages, some gave dedup a page or
a section ('BCJ20210158' as section 'bcj') against the printed pages of the same article in
another export ('2345-2360'), so that the pair was queued instead of merged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree as ET

# an article number: up to four letters, an optional period, digits ('e228092', '2003300',
# 'jeb.234047', 'eabg0007'); not Elsevier's pii (brackets and hyphens), nor a running id with
# letters inside ('S2239253X21034599'), nor JCO's 'PO.20.00485'
_ARTICLE_NUMBER = re.compile(r"[A-Za-z]{0,4}\.?\d+")


def article_number(elocations: Iterable[tuple[str, str]]) -> str:
    """The first pii among (EIdType, value) pairs that is an article number; '' without one."""
    for kind, value in elocations:
        value = (value or "").strip()
        if kind == "pii" and _ARTICLE_NUMBER.fullmatch(value):
            return value
    return ""


def xml_pages(article: ET._Element) -> str:
    """An Article's MedlinePgn, else (in a volume) its pii ELocationID that is an article number."""
    if printed := article.findtext("Pagination/MedlinePgn"):
        return printed
    if not (article.findtext("Journal/JournalIssue/Volume") or "").strip():
        return ""  # online ahead of print: the pii is a manuscript id, not yet its place
    return article_number(
        (loc.get("EIdType") or "", loc.text or "") for loc in article.findall("ELocationID")
    )


def medline_pages(lids: Iterable[str], volume: str) -> str:
    """The article number among MEDLINE's LID values ('e228092 [pii]') of an article in a
    volume (VI), '' without one."""
    if not volume.strip():
        return ""  # online ahead of print, as in xml_pages
    pairs = (re.match(r"(.*?)\s*\[(\w+)\]\s*$", lid) for lid in lids)
    return article_number((m.group(2), m.group(1)) for m in pairs if m)
