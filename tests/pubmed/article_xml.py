"""NLM PubMed article XML in tests: what an article's All Fields holds, read from its XML as
PubMed Help describes the field, its authors, and hand-made articles and persons."""

from __future__ import annotations

from lxml import etree as ET

from reviewkit.records import fold_text

# Where PubMed Help's All Fields reads, in the NLM XML (every field but [pl]; since pubfid8 the
# transliterated title too, as the 2024 User Guide leaves it out of Text Word only; dates,
# language, volume, issue, pages and PMID left out here, as the README says; since pubfid5 with
# investigators' affiliations, as [ad] has them, and the comment/correction notes, as [tw]): by
# words, and (WHOLE_VALUE_PATHS) whole; persons' names (PERSON_PATHS) as [au] finds them.
ALL_FIELDS_PATHS = (
    ".//Abstract/AbstractText",
    ".//OtherAbstract/AbstractText",
    ".//MeshHeading/DescriptorName",
    ".//MeshHeading/QualifierName",
    ".//KeywordList/Keyword",
    ".//PublicationType",
    ".//AuthorList/Author/CollectiveName",
    ".//AuthorList/Author/AffiliationInfo/Affiliation",
    ".//CoiStatement",
    ".//NameOfSubstance",
    ".//SupplMeshName",
    ".//DataBankName",
    ".//AccessionNumber",
    ".//InvestigatorList/Investigator/AffiliationInfo/Affiliation",
    ".//PersonalNameSubject/LastName",
    ".//PersonalNameSubject/ForeName",
    ".//CommentsCorrections/RefSource",
    ".//CommentsCorrections/Note",
    ".//VernacularTitle",
)


# The fields einfo flags SingleToken that All Fields holds and no word field does: PubMed
# indexes each value as one term, so All Fields finds the value, not one of its words.
WHOLE_VALUE_PATHS = (
    ".//MedlineTA",
    ".//Journal/Title",
    ".//ISSN",
    ".//ISSNLinking",
    ".//Grant/GrantID",
    ".//Grant/Acronym",
    ".//Grant/Agency",
    ".//Grant/Country",
    ".//RegistryNumber",
    ".//ELocationID",
)


# Persons' names, which All Fields matches as [au] does since pubfid6 (einfo: FULL, FINV, PS
# SingleToken): a one-word term finds a person whose last name it is, never by an author's
# forename or initial, nor by one word of a last name of several. Personal names as subject
# are by their words too (above), as PubMed Help's Text Word fields hold them.
PERSON_PATHS = (
    ".//AuthorList/Author",
    ".//InvestigatorList/Investigator",
    ".//PersonalNameSubject",
)


def words_of(texts: list[str]) -> set[str]:
    """The folded words of ``texts``."""
    return {w for t in texts for w in fold_text(t).split()}


def _whole_values(a: ET._Element) -> set[str]:
    """The values of an article's All Fields it matches whole, folded: WHOLE_VALUE_PATHS, the
    article ids PubMed lists as AID (not PMID, PMC, MID) and the persons' last names."""
    texts = ["".join(e.itertext()) for path in WHOLE_VALUE_PATHS for e in a.iterfind(path)]
    texts += [
        e.text or ""
        for e in a.iterfind("PubmedData/ArticleIdList/ArticleId")
        if e.get("IdType") not in ("pubmed", "pmc", "mid")
    ]
    texts += [e.findtext("LastName") or "" for path in PERSON_PATHS for e in a.iterfind(path)]
    return {v for t in texts if (v := fold_text(t)) and v != "0"}


def all_fields_words(a: ET._Element) -> set[str]:
    """The words of an article's All Fields, read from its XML: the paths above, the title (its
    vernacular title when the English one is empty, as the record's title is) and the
    abstract's section labels; and its whole values (a one-word term may be one)."""
    texts = ["".join(e.itertext()) for path in ALL_FIELDS_PATHS for e in a.iterfind(path)]
    title = (
        "".join(a.find(".//ArticleTitle").itertext())
        if a.find(".//ArticleTitle") is not None
        else ""
    )
    texts.append(title or " ".join("".join(e.itertext()) for e in a.iterfind(".//VernacularTitle")))
    texts += [e.get("Label", "") for e in a.iterfind(".//Abstract/AbstractText")]
    return words_of(texts) | _whole_values(a)


def person(tag: str, last: str, fore: str, initials: str, suffix: str = "") -> str:
    """A person element ``tag`` (Author, Investigator, PersonalNameSubject) of NLM XML."""
    extra = f"<Suffix>{suffix}</Suffix>" if suffix else ""
    return (
        f"<{tag}><LastName>{last}</LastName><ForeName>{fore}</ForeName>"
        f"<Initials>{initials}</Initials>{extra}</{tag}>"
    )


def article(pmid: int, authors: str, more: str = "") -> str:
    """A hand-made PubmedArticle: its PMID, a title, ``authors`` and ``more`` in the citation."""
    return (
        f"<PubmedArticle><MedlineCitation><PMID>{pmid}</PMID><Article>"
        f"<ArticleTitle>Article {pmid}</ArticleTitle>"
        f"<AuthorList>{authors}</AuthorList></Article>{more}</MedlineCitation>"
        "</PubmedArticle>"
    )


def authors_of(a: ET._Element) -> list[ET._Element]:
    """An article's personal authors (those with a last name), in order."""
    return [x for x in a.iterfind(".//Article/AuthorList/Author") if x.findtext("LastName")]
