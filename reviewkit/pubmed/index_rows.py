"""The index rows of one NLM article that need more than a field copied: its MeSH headings
with their qualifiers, its authors in the forms PubMed searches, whether systematic[sb] finds
it, and the citation fields searched by their MEDLINE tags ([si], [gr], [rn], [pg], ...)."""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree as ET

from reviewkit.pubmed.fields import HAS_REFTYPES
from reviewkit.pubmed.medline_text import (
    NOT_AID,
    article_id_pairs,
    databanks,
    grant_text,
    text,
)
from reviewkit.records import fold_text


def mesh_rows(elem: ET._Element) -> set[tuple[str, str]]:
    """[majr] (a descriptor marked major, itself or through a qualifier), [sh] (qualifiers) and
    [nm] (supplementary concept records: SupplMeshName, and ChemicalList names whose UI is a
    C-number, i.e. a supplementary concept rather than a descriptor)."""
    rows: set[tuple[str, str]] = set()
    for heading in elem.iterfind(".//MeshHeadingList/MeshHeading"):
        descriptor = heading.find("DescriptorName")
        if descriptor is None:
            continue
        name = fold_text(descriptor.text or "")
        qualifiers = heading.findall("QualifierName")
        if descriptor.get("MajorTopicYN") == "Y" or any(
            q.get("MajorTopicYN") == "Y" for q in qualifiers
        ):
            rows.add(("majr", name))
        rows |= {("sh", fold_text(q.text or "")) for q in qualifiers}
    rows |= {
        ("nm", fold_text(n.text or "")) for n in elem.iterfind(".//SupplMeshList/SupplMeshName")
    }
    for chem in elem.iterfind(".//ChemicalList/Chemical/NameOfSubstance"):
        if (chem.get("UI") or "").startswith("C"):
            rows.add(("nm", fold_text(chem.text or "")))
    return rows


# The name lists PubMed searches in the author format (PubMed Help, 2004: [ir] and [ps] "Search
# names following the Author field format"), each by its path under MedlineCitation; the terms
# rows of a list are its tag (short form, 'smith ja') and the tag + 'f' (full form, 'smith john a').
NAME_LISTS = {
    "au": "Article/AuthorList/Author",
    "ir": "InvestigatorList/Investigator",
    "ps": "PersonalNameSubjectList/PersonalNameSubject",
}


def _forms(person: ET._Element) -> tuple[str, str, str] | None:
    """A person's 'Smith JA', 'Smith John A' ('' without a ForeName) and suffix ('Jr', '')."""
    last = person.findtext("LastName") or ""
    if not last:
        return None
    fore = person.findtext("ForeName")
    short = f"{last} {person.findtext('Initials') or ''}".strip()
    return short, f"{last} {fore}" if fore else "", (person.findtext("Suffix") or "").strip()


def _indexed(forms: tuple[str, str, str]) -> tuple[str, ...]:
    """The forms of :func:`_forms` PubMed indexes: the short one, and the full one if any."""
    return tuple(f for f in forms[:2] if f)


def authors(elem: ET._Element) -> list[tuple[str, ...]]:
    """Each author as the forms PubMed indexes: 'Smith JA' and 'Smith John A' (a group author:
    its name)."""
    out = []
    for a in elem.iterfind(".//Article/AuthorList/Author"):
        collective = a.findtext("CollectiveName")
        if collective:
            out.append((" ".join(collective.split()),))
        elif forms := _forms(a):
            out.append(_indexed(forms))
    return out


def people(citation: ET._Element, kind: str) -> list[tuple[str, ...]]:
    """The persons of one of :data:`NAME_LISTS` (not group authors) as :func:`authors` gives
    them."""
    found = (_forms(p) for p in citation.iterfind(NAME_LISTS[kind]))
    return [_indexed(forms) for forms in found if forms]


def name_rows(citation: ET._Element) -> set[tuple[str, str]]:
    """The terms rows of every name list: each person's short and full form, with the suffix
    NLM keeps apart (<Suffix>) last, where PubMed's author format puts it ('o'brien jc jr',
    PubMed Help; 'herron bruce j jr', NLM Tech Bull 2005 May-Jun). A name searched without the
    suffix finds the person by PubMed's automatic truncation of names ("to account for varying
    initials and designations such as Jr. or 2nd", PMC Help 2004; 'o'brien j[au]' finds
    o'brien jc jr, PubMed Help 2008), which quotes turn off: '"smith j"[au]' is not Smith J Jr.
    A group author is an [au] row of its name."""
    rows: set[tuple[str, str]] = set()
    for kind, path in NAME_LISTS.items():
        for person in citation.iterfind(path):
            group = person.findtext("CollectiveName") if kind == "au" else None
            forms = _forms(person)
            if group:
                rows.add((kind, fold_text(group)))
            if not forms:
                continue
            short, full, suffix = forms
            for field, form in ((kind, short), (kind + "f", full)):
                if form:
                    rows.add((field, fold_text(f"{form} {suffix}" if suffix else form)))
    return rows


def author_forms(fau: str) -> list[str]:
    """An author's two forms, 'smith ja' and 'smith john a', from ``sort_keys.fau``, which joins
    them by a space (:func:`authors`); [fau] when it holds one form (a group author). The
    second form starts where the words repeat the first form's surname (all its words but the
    initials, or all of them when there are no initials)."""
    words = fau.split()
    for j in range(1, len(words)):
        for last in (words[: j - 1], words[:j]):
            if last and words[j : j + len(last)] == last:
                return [" ".join(words[:j]), " ".join(words[j:])]
    return [fau]


# PubMed's author format: "last name followed by a space and up to the first two initials
# followed by a space and a suffix abbreviation" (PubMed Help, Search Field Descriptions and
# Tags, [au]). The one rule for a searched name's last word (the suffix aside): of one or two
# letters it may be initials, which PubMed truncates ('smith j' finds Smith JA); of two letters
# or more it may be a forename (or, in natural order, a last name: 'wei li'). Two letters are
# both, as PubMed's User Guide (2024) reads 'peterson do' ("To distinguish author initials that
# may match a full author name use the [fau] search tag"). Three letters are a name only: NLM
# has written more than two initials since 2017 ('Smith JOA' is still found whole), but the
# format searches two, so 'smith joa' is not truncated to Smith JOAB.
MAX_INITIALS = 2


def may_be_initials(word: str) -> bool:
    """Whether a searched name's last word may be its initials (:data:`MAX_INITIALS`)."""
    return 0 < len(word) <= MAX_INITIALS


def may_be_forename(word: str) -> bool:
    """Whether a searched name's last word may be a forename or, in natural order, a last name
    (more than an initial; :data:`MAX_INITIALS`)."""
    return len(word) > 1


def names_author(form: str, name: str, *, exact: bool, initials: bool) -> bool:
    """Whether a searched author ``name`` is this form of an author, as the snapshot's author
    (or, ``exact``, exact_author) lookup matches: the whole form, its first words ('smith' of
    'smith ja'), or with initials as a prefix ('smith j' of 'smith ja')."""
    if form == name:
        return True
    if exact or not form.startswith(name):
        return False
    rest = form[len(name) :]
    return rest.startswith(" ") or (initials and rest.split(" ")[0].isalpha())


def has_rows(citation: ET._Element) -> set[tuple[str, str]]:
    """The ('has', word) rows of one MedlineCitation (fields.HAS_WORDS)."""
    found = {c.get("RefType", "") for c in citation.iterfind(".//CommentsCorrections")}
    rows = {("has", HAS_REFTYPES[t]) for t in found if t in HAS_REFTYPES}
    if citation.find("Article/DataBankList/DataBank") is not None:
        rows.add(("has", "hasdatabanklist"))
    return rows


SYSTEMATIC_TYPES = {"systematic review", "meta analysis"}
COCHRANE = "the cochrane database of systematic reviews"


def is_systematic(types: list[str], journal: str, title: str) -> bool:
    """Our reading of systematic[sb]: the publication types Systematic Review or
    Meta-Analysis, the Cochrane Database of Systematic Reviews, or 'systematic review' /
    'meta-analysis' in the title (NLM's filter also searches such title words)."""
    if {fold_text(t) for t in types} & SYSTEMATIC_TYPES or fold_text(journal) == COCHRANE:
        return True
    folded = fold_text(title)
    return "systematic review" in folded or "meta analysis" in folded


# Search tags served from the values of the article's MEDLINE field of the same tag (PubMed's
# search tags are named for them; NLM, MEDLINE/PubMed Data Element (Field) Descriptions), taken
# with medline_text's own helpers, each value folded as the query's term is (fold_text: case,
# diacritics, punctuation), so 'NCT01234567', 'ClinicalTrials.gov/NCT01234567' and
# 'clinicaltrials gov nct01234567' are one value.
# [si]: "each of the pieces or the entire string is searchable" (NLM Tech Bull 2005 May-Jun,
# e13: nct00000161[si], clinicaltrials.gov[si], clinicaltrials.gov/nct00000161[si]).
# [gr]: "The four pieces of the grant number ... are each individually searchable using the
# [gr] tag" (number, acronym, country, and the agency by "parts of, or the entire string of"
# its hierarchical structure), and the whole string (NLM PubMed tutorial, 020_840:
# lm05545[gr], nlm[gr], wellcome trust[gr], united kingdom[gr], G13-LM008781/LM/NLM NIH
# HHS/United States[gr]).
# [pg]: "First page number of a journal article" (PubMed Help's field table, as a public
# project quotes it).
# [rn]: the registry or EC number of each substance; '0' (none assigned) is no number.
# [lid] the ELocationID (LID), [aid] the publisher's article ids (AID: doi, pii, ...).
# [ta]: a journal by its NLM title abbreviation, full title or ISSN (PubMed Help, Journal): the
# abbreviation is sort_keys.ta; the full title (JT) and every ISSN (IS) are rows here.
_AS_WRITTEN = {
    "vi": "Article/Journal/JournalIssue/Volume",
    "ip": "Article/Journal/JournalIssue/Issue",
    "pl": "MedlineJournalInfo/Country",
    "jid": "MedlineJournalInfo/NlmUniqueID",
    "jt": "Article/Journal/Title",
    "issn": "Article/Journal/ISSN",
    "lid": "Article/ELocationID",
    "rn": "ChemicalList/Chemical/RegistryNumber",
}


# [ad]: the affiliations of the authors (persons and groups) and of the investigators: "Affiliation
# may be included for authors, corporate authors and investigators, if submitted by the
# publisher" (PubMed's field description, as NIH's iCite field glossary repeats it). Each is a
# row of its own (a phrase or NEAR group stays within one), and All Fields reads them as [ad].
_AFFILIATIONS = (
    "Article/AuthorList/Author/AffiliationInfo/Affiliation",
    "InvestigatorList/Investigator/AffiliationInfo/Affiliation",
)


# NLM writes a US agency as its hierarchy, each level an acronym: 'NCI NIH HHS', 'Intramural NIH
# HHS' (the grant code table of PubMed Help); the agency names publishers supply are one entity
# each ('Wellcome Trust', 'Cancer Research UK', 'National Natural Science Foundation of China').
_LEVEL = re.compile(r"[A-Z][A-Z0-9]*")


def agency_parts(agency: str) -> set[str]:
    """The values [gr] finds a grant's agency by: "parts of, or the entire string of" its
    hierarchical structure (NLM PubMed tutorial, Grant Numbers: nlm[gr] finds 'NLM NIH HHS').
    einfo flags Grants and Funding SingleToken: PubMed indexes whole values, not words, so a
    one-entity agency is found whole ('wellcome trust'[gr]) and not by a word of its name
    ('trust'[gr] found the Wellcome Trust's 82 articles of the full snapshot until pubfid5).
    A hierarchy is an agency ending in two or more acronym levels ('NIH HHS'); its parts are
    its runs of levels ('nci nih', 'nih', 'hhs'; 'intramural' a level too)."""
    words = agency.split()
    levels = 0
    while levels < len(words) and _LEVEL.fullmatch(words[-1 - levels]):
        levels += 1
    if levels < 2:
        return {agency} if agency else set()
    return {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


class CitationFields(NamedTuple):
    rows: set[tuple[str, str]]  # (tag, folded value)
    affiliations: list[str]  # [ad], each its own value
    conflicts: str  # [cois]
    whole: dict[str, list[str]]  # tag -> its values as written, whole (index_text reads them)


def citation_fields(elem: ET._Element) -> CitationFields:
    """The [si], [gr], [rn], [vi], [ip], [pg], [pl], [jid], [lid] and [aid] rows of one
    ``<PubmedArticle>`` (and [ta]'s 'jt' and 'issn'), and the free text of [ad] and [cois].
    [ad] searches every author's and investigator's affiliations the record holds (NLM has kept
    all authors' affiliations since 2014, the first author's before: the XML holds what PubMed
    holds)."""
    citation, data = elem.find("MedlineCitation"), elem.find("PubmedData")
    whole: dict[str, list[str]] = {tag: [] for tag in (*_AS_WRITTEN, "aid", "si", "gr")}
    if citation is None:
        return CitationFields(set(), [], "", whole)
    for tag, path in _AS_WRITTEN.items():
        whole[tag] = [t for e in citation.iterfind(path) if (t := text(e))]
    whole["rn"] = [n for n in whole["rn"] if n != "0"]
    whole["issn"].append(text(citation.find("MedlineJournalInfo/ISSNLinking")))
    whole["aid"] = [v for k, v in article_id_pairs(data) if k not in NOT_AID]
    article = citation.find("Article")
    whole["si"] = list(databanks(article)) if article is not None else []
    grants = list(citation.iterfind("Article/GrantList/Grant"))
    whole["gr"] = [grant_text(grant) for grant in grants]
    rows = {(tag, value) for tag, values in whole.items() for value in values}
    pages = text(citation.find("Article/Pagination/MedlinePgn"))
    rows.add(("pg", re.split(r"[-,;\s]", pages, maxsplit=1)[0]))
    rows |= {("si", part) for si in whole["si"] for part in si.split("/", 1)}
    for grant in grants:
        pieces = [text(grant.find(t)) for t in ("GrantID", "Acronym", "Country")]
        rows |= {("gr", piece) for piece in [*pieces, *agency_parts(text(grant.find("Agency")))]}
    return CitationFields(
        {(tag, folded) for tag, value in rows if (folded := fold_text(value))},
        [t for path in _AFFILIATIONS for t in map(text, citation.iterfind(path)) if t],
        text(citation.find("CoiStatement")),
        whole,
    )
