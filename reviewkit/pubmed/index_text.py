"""The text the snapshot's FTS5 tables hold for one article, entry by entry.

PubMed indexes each value of a multi-valued field on its own: a phrase is found within one
MeSH heading, one keyword, one substance, never from the end of one into the
start of the next ("Humans" then "Male" is no phrase "humans male"). An FTS5 column holds one
text, so the entries of such a field are joined by :data:`ENTRY_GAP`, a token no query can hold:
a phrase (consecutive tokens) cannot run across it. Affiliations go further, a row each (their
table ``affiliations``), as NEAR groups on [ad] must not span two either.

The ``extra`` columns are searched by All Fields, [tw] and the tags they are named for, and
by nothing else (a table of their own, so that their words do not enter the wildcard variants
of the title and abstract): [tt] transliterated title, the other abstracts (an author's
abstract in another language, which [tiab] searches too), [nm] substances, [cn] corporate
authors, [ps] personal names as subject, [si] databanks and the
comment/correction notes (``cc``: each CommentsCorrections' RefSource and Note, which [tw] and
All Fields read; no tag of their own). The values All Fields matches whole (the journal's names
and ISSNs, grants, registry numbers, DOIs and other article ids:
:data:`reviewkit.pubmed.fields.WHOLE_VALUES`) are :func:`whole_values`.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree as ET

from reviewkit.pubmed.index_rows import CitationFields, people
from reviewkit.pubmed.medline_text import article_id_pairs, text

# A private-use character: unicode61 keeps it as a token (category Co), while fold_text, which
# every query term goes through, drops it, so no phrase or word of a query can match it or
# step over it. Between two entries it is one token: a NEAR group counts it as a word.
ENTRY_GAP = " \ue000 "
EXTRA_COLUMNS = ("tt", "oab", "nm", "cn", "ps", "si", "cc")
# The columns whose text is entries joined by ENTRY_GAP (the fts table's MeSH, keywords and
# types, and every extra column); title, abstract, [cois] and [ad] rows are one text each.
# Authors' and investigators' names are no column: the name tags and All Fields read them on
# the terms rows, whole (snapshot_build, pubfid7).
ENTRY_COLUMNS = frozenset({"mh", "kw", "pt", *EXTRA_COLUMNS})
# The MeSH headings' qualifiers ([tw]: "MeSH Subheadings", PubMed Help) are entries of the mh
# column beside the headings.
_QUALIFIERS = "MeshHeadingList/MeshHeading/QualifierName"
_SUBSTANCES = ("ChemicalList/Chemical/NameOfSubstance", "SupplMeshList/SupplMeshName")
_GRANTS = "Article/GrantList/Grant"
# Comment/Correction Notes, a field of PubMed Help's Text Word list (quoted 2022: "..., Secondary
# Source, Comment/Correction Notes, and Other Terms"): the cited notice as MEDLINE's CIN, EIN,
# RIN, ... lines write it (its RefSource, 'Lancet. 2020 Jan 4;395(10217):25'), and a Note where
# NLM gives one. The linked PMID, which MEDLINE writes after them, is left out: a number no
# reader searches as a word, and one that All Fields would match against years and pages.
_NOTES = "CommentsCorrectionsList/CommentsCorrections"
_GRANT_PARTS = ("GrantID", "Acronym", "Agency", "Country")


def entries(values: Iterable[str]) -> str:
    """The values of one multi-valued field as one FTS5 column's text, :data:`ENTRY_GAP`
    between them (the empty ones left out, each once, in their order)."""
    return ENTRY_GAP.join(dict.fromkeys(v for v in values if v))


def mesh_text(citation: ET._Element | None, headings: list[str]) -> str:
    """The mh column: each MeSH heading, then each qualifier the article's headings carry."""
    qualifiers = [text(q) for q in citation.iterfind(_QUALIFIERS)] if citation is not None else []
    return entries([*headings, *qualifiers])


def extra_text(elem: ET._Element, citation: CitationFields) -> tuple[str, ...]:
    """The :data:`EXTRA_COLUMNS` of one ``<PubmedArticle>``, in that order."""
    cit = elem.find("MedlineCitation")
    if cit is None:
        return ("",) * len(EXTRA_COLUMNS)
    groups = [text(e) for e in cit.iterfind("Article/AuthorList/Author/CollectiveName")]
    return (
        entries(text(e) for e in cit.iterfind("Article/VernacularTitle")),
        entries(
            " ".join(map(text, e.iterfind("AbstractText"))) for e in cit.iterfind("OtherAbstract")
        ),
        entries(text(e) for path in _SUBSTANCES for e in cit.iterfind(path)),
        entries(groups),
        entries(form for person in people(cit, "ps") for form in person),
        entries(citation.whole["si"]),
        entries(
            text(e)
            for ref in cit.iterfind(_NOTES)
            for e in (ref.find("RefSource"), ref.find("Note"))
        ),
    )


def whole_values(elem: ET._Element, citation: CitationFields) -> list[str]:
    """The values of one ``<PubmedArticle>`` that All Fields matches whole: the journal's
    MedlineTA, title and ISSNs; each grant's number, acronym, agency, country and all four as
    [gr] has them ('R01 MH123456/MH/NIMH NIH HHS/United States'); registry numbers; location and
    article ids (a DOI, a pii), and the PMCID and NIH manuscript id: "Search for PMC or NIH
    manuscript identifiers using the appropriate prefix followed by the ID number, e.g.,
    PMC2600426" (PubMed's User Guide, 2024, PMCID and MID; untagged, so in All Fields)."""
    cit = elem.find("MedlineCitation")
    if cit is None:
        return []
    whole = citation.whole
    grants = [text(g.find(t)) for g in cit.iterfind(_GRANTS) for t in _GRANT_PARTS]
    return [
        text(cit.find("MedlineJournalInfo/MedlineTA")),
        *whole["jt"],
        *whole["issn"],
        *whole["gr"],
        *grants,
        *whole["rn"],
        *whole["lid"],
        *whole["aid"],
        *(v for k, v in article_id_pairs(elem.find("PubmedData")) if k in ("pmc", "mid")),
    ]
