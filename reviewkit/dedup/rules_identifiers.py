"""Identifier rules: one PubMed id, PMC id or DOI, and the versions of one review.

Asked first by :data:`reviewkit.dedup.rules.RULES`: an identifier in common merges (with the
place or the title and authors to back a DOI), two identifiers of one kind keep apart, and
the DOI rules that cannot be sure queue the pair for a person.
"""

from __future__ import annotations

from reviewkit.dedup.identifiers import cochrane_review
from reviewkit.dedup.normalise import Keys
from reviewkit.dedup.pair import (
    AUTHORS_AGREE,
    AUTHORS_DOI_MIN,
    AUTHORS_SAME,
    TITLE_CLOSE,
    TITLE_DOI_MIN,
    TITLE_NEAR,
    TITLE_RELATED,
    TITLE_SAME,
    WITHDRAWN,
    Outcome,
    Pair,
)
from reviewkit.dedup.score import (
    DUPLICATE,
    NOT_DUPLICATE,
    UNCERTAIN,
    locators_differ,
    own_places_differ,
    title_similarity,
)


def same_pmid(p: Pair) -> Outcome:
    if p.ka.pmid and p.ka.pmid == p.kb.pmid:
        return DUPLICATE, 1.0
    return None


def pmid_veto(p: Pair) -> Outcome:
    return (NOT_DUPLICATE, 0.0) if p.ka.pmid and p.kb.pmid else None


def same_pmcid(p: Pair) -> Outcome:
    if p.ka.pmcid and p.ka.pmcid == p.kb.pmcid:
        return DUPLICATE, 1.0
    return None


def pmcid_veto(p: Pair) -> Outcome:
    return (NOT_DUPLICATE, 0.0) if p.ka.pmcid and p.kb.pmcid else None


def same_doi_no_title(p: Pair) -> Outcome:
    return (UNCERTAIN, 0.5) if p.usable_doi and not p.titled else None


def _doi_place_agrees(p: Pair) -> bool:
    """Identifier, year, volume and page agree: a translated title (with authors to say so:
    a list that only ends like the other has another first author), authors written so
    differently they cannot be compared, or a note added to the title."""
    if not (p.same_place and p.same_year):
        return False
    au, t = p.au, p.t
    return (
        au is None
        or t >= TITLE_CLOSE
        or au >= (AUTHORS_AGREE if t >= TITLE_DOI_MIN else AUTHORS_SAME)
    )


def _doi_notice(p: Pair) -> bool:
    """One of the two is a notice (an erratum can carry its article's DOI), on another page: by
    its title, or by its publication type where its source gives one (an erratum PubMed types
    'Published Erratum', Embase 'Erratum', titled as its article: notice_titles.NOTICE_TYPES).
    Two notices, one told by its title and the other by its type, are one kind."""
    return _a_notice(p.ka) != _a_notice(p.kb) and not p.same_page


def _a_notice(k: Keys) -> bool:
    return k.notice or bool(k.typed_notice)


def same_doi(p: Pair) -> Outcome:
    if not p.usable_doi:
        return None
    if _doi_place_agrees(p):
        return DUPLICATE, 1.0
    if p.t < TITLE_DOI_MIN or _doi_notice(p) or p.numbers_differ:
        return None
    if not locators_differ(p.ka, p.kb) or (
        p.t >= TITLE_NEAR
        and (p.same_page or p.jm is True)
        and (p.au is None or p.au >= AUTHORS_DOI_MIN)
    ):
        return DUPLICATE, 1.0
    return None  # a DOI copied onto a conference abstract: judged on its bibliographic data


def same_doi_titles_differ(p: Pair) -> Outcome:
    return (UNCERTAIN, p.t / 100) if p.usable_doi and p.t < TITLE_DOI_MIN else None


def same_doi_notice(p: Pair) -> Outcome:
    return (UNCERTAIN, p.t / 100) if p.usable_doi and _doi_notice(p) else None


def _version_title_similarity(p: Pair) -> float:
    return title_similarity(WITHDRAWN.sub("", p.ka.title), WITHDRAWN.sub("", p.kb.title))


def doi_versions(p: Pair) -> Outcome:
    review = cochrane_review(p.ka.doi)
    if not (p.doi_differs and review and review == cochrane_review(p.kb.doi)):
        return None
    tv = _version_title_similarity(p)
    if tv >= TITLE_SAME or (tv >= TITLE_RELATED and (p.au or 0) >= AUTHORS_SAME):
        return DUPLICATE, 0.9
    return None


def living_review_versions(p: Pair) -> Outcome:
    # two review numbers in the pages ('CD003177' / 'CD012345') are two reviews: the number
    # names a review through all its versions, as its DOI's stem does (doi_versions)
    both_living = (
        p.ka.living and p.kb.living and not p.doi_differs and not own_places_differ(p.ka, p.kb)
    )
    return (DUPLICATE, 0.9) if both_living and _version_title_similarity(p) >= TITLE_SAME else None
