"""Pair scoring: identifier rules first (with vetoes), then bibliographic comparison.

Every compared pair gets a :class:`PairVerdict`: a score in [0, 1], a verdict (duplicate,
not_duplicate, uncertain) and the name of the rule that decided. Rules are written so that
an automatic 'duplicate' needs agreement on several fields and no contradiction; anything
close but not sure becomes 'uncertain' and goes to the review queue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from reviewkit.dedup.normalise import NOTICE_WORDS, Keys, doi_work

# a withdrawn version of a Cochrane review keeps its title after this heading (folded)
_WITHDRAWN = re.compile(r"^withdrawn ")
# The heading of a correction or retraction notice before the article's title (folded):
# 'erratum to how do …', 'correction to …', 'retracted …'
_CORRECTION_HEAD = re.compile(
    r"^(?:erratum|errata|corrigendum|correction|corrections|retraction|retracted)(?: notice)?(?: (?:to|on|of|for))? "
)

_NOT_WORD = re.compile(r"[\W_]+")
# A heading with one of these before a title makes a piece about that article, not the article.
_RESPONSE_WORDS = NOTICE_WORDS | frozenset(
    [
        "discussion",
        "invited",
        "re",
        "regarding",
        "rebuttal",
        "rejoinder",
        "authors",
        "author",
        "review",
    ]
)
_LONG_TITLE = 40  # folded characters: a title this long and identical is rarely reused
DUPLICATE, NOT_DUPLICATE, UNCERTAIN = "duplicate", "not_duplicate", "uncertain"


@dataclass(frozen=True, slots=True)
class PairVerdict:
    a: int
    b: int
    score: float
    verdict: str
    rule: str


@dataclass(frozen=True)
class Context:
    """Facts about the whole set that single pairs cannot see."""

    shared_dois: frozenset[str] = frozenset()  # DOIs on many different records (supplements)


_NO_CONTEXT = Context()


def title_similarity(a: str, b: str) -> float:
    """0–100; a title that is the start (dropped subtitle) or the end (a heading or kicker put
    before it, unless that says 'reply', 'comment' …) of the other counts as 95."""
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    sim = Indel.normalized_similarity(a, b) * 100
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if (
        sim < 95
        and len(short) >= 20
        and (
            long_.startswith(short)
            or long_.endswith(" " + short)
            and _RESPONSE_WORDS.isdisjoint(long_[: -len(short)].split())
        )
    ):
        return (
            95.0 if len(short) >= 40 else max(sim, 90.0)
        )  # a subtitle dropped, or a heading added
    return sim


def journal_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool | None:
    """Same journal, allowing abbreviations ('curr opin lipidol' ~ 'current opinion lipidology')."""
    if not a or not b:
        return None
    if a == b:
        return True
    n = min(len(a), len(b))
    if (len(a) == len(b) or n >= 2) and all(
        _abbreviates(x, y) for x, y in zip(a[:n], b[:n], strict=True)
    ):
        return True  # abbreviations ('natl' ~ 'national'), or one name the start of the other
    if _acronym(a, b) or _acronym(b, a):
        return True  # 'icis' ~ 'international conference information systems'
    if n >= 3 and _abbreviates_in_order(*((a, b) if len(a) <= len(b) else (b, a))):
        return True  # 'patol fiziol eksp ter' ~ 'patologicheskaia fiziologiia eksperimental naia terapiia'
    sim = Indel.normalized_similarity("".join(a), "".join(b))
    if sim >= 0.9:
        return True
    return False if sim < 0.6 else None  # 'nihon rinsho' / 'nippon rinsho': no evidence either way


def pages_compatible(a: str, b: str) -> bool:
    """Equal, or one of three or more digits the start or end of the other ('175' / '1751638')."""
    return a == b or min(len(a), len(b)) >= 3 and volumes_compatible(a, b)


def _abbreviates(x: str, y: str) -> bool:
    """One word is an abbreviation of the other: same first letter, letters in order."""
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if not short or short[0] != long_[0]:
        return False
    it = iter(long_)
    return all(c in it for c in short)


def _acronym(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """``a`` is one word made of the initials of three or more words of ``b``."""
    return len(a) == 1 and len(b) >= 3 and a[0] == "".join(w[0] for w in b)


def _abbreviates_in_order(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """Each word of ``short`` abbreviates a later word of ``long_``, starting with the first."""
    if not _abbreviates(short[0], long_[0]):
        return False
    j = 1
    for word in short[1:]:
        while j < len(long_) and not _abbreviates(word, long_[j]):
            j += 1
        if j == len(long_):
            return False
        j += 1
    return True


def volumes_compatible(a: str, b: str) -> bool:
    """Equal, or one cut short of the other ('3' / '30', '1' / '61')."""
    return a == b or a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a)


def author_similarity(a: str, b: str) -> float | None:
    if not a or not b:
        return None
    n = min(len(a), len(b), 40)
    sim = Indel.normalized_similarity(a[:n], b[:n]) * 100
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if sim < 80 and len(short) >= 4 and (long_.startswith(short) or long_.endswith(short)):
        sim = 90.0  # one list cut to its first author, or 'gonzalez' / 'sanchezdelriogonzalez'
    elif sim < 80 and len(short) >= 5:  # names in another order or form ('lee jooa' / 'jooa lee')
        sim = max(sim, min(85.0, fuzz.partial_ratio(short[:40], long_[:60])))
    return sim


def names_swapped(ka: Keys, kb: Keys) -> bool:
    """One list has each given name in the family-name field ('Andrea, C.' for 'Carignani, Andrea')."""
    return (len(ka.given_names) >= 6 and ka.given_names == kb.authors) or (
        len(kb.given_names) >= 6 and kb.given_names == ka.authors
    )


def _author_score(ka: Keys, kb: Keys) -> float | None:
    """:func:`author_similarity` of the surname keys; 90 for a list written given name first."""
    au = author_similarity(ka.authors, kb.authors)
    return 90.0 if au is not None and au < 90 and names_swapped(ka, kb) else au


def abstracts_agree(a: str, b: str) -> bool:
    """Both abstract keys given (long abstracts only) and the same text bar a few characters,
    spacing and punctuation aside."""
    return (
        bool(a and b)
        and Indel.normalized_similarity(_NOT_WORD.sub("", a), _NOT_WORD.sub("", b)) >= 0.95
    )


def _notice_copies_article(ka: Keys, kb: Keys) -> bool:
    """One is a correction or retraction notice whose record carries the other's abstract
    (a database copied the article's record): its title is the heading plus the article's title,
    same authors and journal, a year apart at most."""
    notice, article = (ka, kb) if ka.notice else (kb, ka)
    head = _CORRECTION_HEAD.match(notice.title)
    if not head or title_similarity(notice.title[head.end() :], article.title) < 95:
        return False
    au = _author_score(ka, kb)
    return (
        (au or 0) >= 95
        and journal_match(ka.journal, kb.journal) is True
        and bool(ka.year and kb.year and abs(ka.year - kb.year) <= 1)
        and abstracts_agree(ka.abstract, kb.abstract)
    )


def _locators_differ(ka: Keys, kb: Keys) -> bool:
    """Both records give a volume or first page, and they differ."""
    return bool(ka.volume and kb.volume and ka.volume != kb.volume) or bool(
        ka.first_page and kb.first_page and ka.first_page != kb.first_page
    )


def _numbers_conflict(ka: Keys, kb: Keys) -> bool:
    """Numbers that tell the titles apart: 'part 1' / 'part 2', or a citation added to one
    ('… (PLoS ONE (2014) 9 7 e1…)', a correction notice); not 'Ca' / 'Ca2+'."""
    a, b = ka.numbers, kb.numbers
    return not (a <= b or b <= a) or len(a ^ b) >= 3


def _pages_conflict(ka: Keys, kb: Keys, strict: bool = False) -> bool:
    """Both first pages given and incompatible; unless ``strict``, a weak page (a page count,
    page 1 of an e-article) is no conflict."""
    return (
        bool(ka.first_page and kb.first_page)
        and not pages_compatible(ka.first_page, kb.first_page)
        and (strict or not (ka.page_weak or kb.page_weak))
    )


def _printed_again_next_volume(ka: Keys, kb: Keys) -> bool:
    """The same article printed again in the next year's volume, page for page (a journal's
    reprint of its own article): the same author list and a long title, consecutive years and
    volumes, and the same number of pages. Call only for pairs whose journal, title and
    abstract already agree."""
    return (
        bool(ka.authors)
        and ka.authors == kb.authors
        and min(len(ka.title), len(kb.title)) >= _LONG_TITLE
        and bool(ka.year and kb.year and abs(ka.year - kb.year) == 1)
        and ka.volume.isdigit()
        and kb.volume.isdigit()
        and abs(int(ka.volume) - int(kb.volume)) == 1
        and ka.page_count is not None
        and ka.page_count == kb.page_count
        and not (ka.conference or kb.conference or ka.generic or kb.generic)
    )


def _same_place(ka: Keys, kb: Keys) -> bool:
    """Same volume and first page (both given)."""
    return (
        bool(ka.volume and ka.first_page)
        and ka.volume == kb.volume
        and ka.first_page == kb.first_page
    )


def compare(ka: Keys, kb: Keys, ctx: Context | None = None) -> PairVerdict:
    """The verdict for one pair (``ctx``: facts about the whole set, e.g. shared DOIs)."""
    ctx = ctx or _NO_CONTEXT
    a, b = (ka.id, kb.id) if ka.id < kb.id else (kb.id, ka.id)

    def v(score: float, verdict: str, rule: str) -> PairVerdict:
        return PairVerdict(a, b, round(max(0.0, min(1.0, score)), 4), verdict, rule)

    # --- identifiers ---------------------------------------------------------------------
    if ka.pmid and kb.pmid:
        if ka.pmid == kb.pmid:
            return v(1.0, DUPLICATE, "same_pmid")
        return v(0.0, NOT_DUPLICATE, "pmid_veto")
    if ka.pmcid and kb.pmcid:
        if ka.pmcid == kb.pmcid:
            return v(1.0, DUPLICATE, "same_pmcid")
        return v(0.0, NOT_DUPLICATE, "pmcid_veto")

    t = title_similarity(ka.title, kb.title)
    same_doi = bool(ka.doi) and ka.doi == kb.doi
    doi_differs = bool(ka.doi and kb.doi) and ka.doi != kb.doi
    if same_doi and ka.doi not in ctx.shared_dois:
        au = _author_score(ka, kb)
        if not ka.title or not kb.title:
            return v(0.5, UNCERTAIN, "same_doi_no_title")
        # identifier, year, volume and page agree: a translated title (with the authors to
        # say so: a list that only ends like the other has another first author), or authors
        # written so differently they cannot be compared, or a note added to the title
        if (
            _same_place(ka, kb)
            and ka.year == kb.year
            and (au is None or t >= 90 or au >= (80 if t >= 60 else 95))
        ):
            return v(1.0, DUPLICATE, "same_doi")
        if t < 60:
            return v(t / 100, UNCERTAIN, "same_doi_titles_differ")
        if ka.notice != kb.notice and not (ka.first_page and ka.first_page == kb.first_page):
            return v(
                t / 100, UNCERTAIN, "same_doi_notice"
            )  # an erratum can carry the article's DOI
        same_page = bool(ka.first_page) and ka.first_page == kb.first_page
        if not _numbers_conflict(ka, kb) and (
            not _locators_differ(ka, kb)
            or (
                t >= 95
                and (same_page or journal_match(ka.journal, kb.journal))
                and (au is None or au >= 60)
            )
        ):
            return v(1.0, DUPLICATE, "same_doi")
        # a DOI copied onto a conference abstract: judge the pair on its bibliographic data

    versions = doi_differs and doi_work(ka.doi) == doi_work(kb.doi)
    if versions or (ka.living and kb.living and not doi_differs):
        # versions of one review kept up to date: an update may have a new author team, or a
        # title reworded by the same team (where DOIs say it is one review: 'cd009622.pub2' /
        # 'cd009622.pub3'); a withdrawn version keeps the title after 'WITHDRAWN:'
        tv = title_similarity(_WITHDRAWN.sub("", ka.title), _WITHDRAWN.sub("", kb.title))
        if tv >= 98:
            return v(0.9, DUPLICATE, "doi_versions" if versions else "living_review_versions")
        if versions and tv >= 85 and (_author_score(ka, kb) or 0) >= 95:
            return v(0.9, DUPLICATE, "doi_versions")

    # --- bibliographic comparison --------------------------------------------------------
    if not ka.title or not kb.title:
        return v(0.0, NOT_DUPLICATE, "no_title")
    if t < 80:
        if _same_place(ka, kb) and ka.year == kb.year:
            au = _author_score(ka, kb) or 0
            # the same (whole) author list, not one list cut short: a translated title
            if (
                au >= 97
                and journal_match(ka.journal, kb.journal) is not False
                and not (ka.generic or kb.generic or ka.conference or kb.conference)
                and ka.authors == kb.authors
            ):
                return v(0.8, DUPLICATE, "same_place_and_authors")  # a translated title
            if au >= 80:
                return v(t / 100, UNCERTAIN, "same_place_titles_differ")
        return v(t / 100, NOT_DUPLICATE, "title_differs")
    if ka.notice != kb.notice:
        if _notice_copies_article(ka, kb):
            return v(0.85, DUPLICATE, "notice_with_article_abstract")
        return v(t / 200, NOT_DUPLICATE, "notice_veto")

    support = conflicts = 0
    if ka.year and kb.year:
        dy = abs(ka.year - kb.year)
        support += dy == 0
        conflicts += dy > 1
    jm = journal_match(ka.journal, kb.journal)
    same_page = bool(ka.first_page) and ka.first_page == kb.first_page
    same_place = _same_place(ka, kb)
    support += jm is True
    conflicts += jm is False and not same_place  # one journal, two names ('Sheng Li Xue Bao')
    if ka.volume and kb.volume:
        support += ka.volume == kb.volume
        conflicts += not same_page and not volumes_compatible(ka.volume, kb.volume)
    if ka.first_page and kb.first_page:
        support += same_page
        # recurring titles and different DOIs: every page difference counts
        conflicts += _pages_conflict(ka, kb, strict=doi_differs or ka.generic or kb.generic)
    au = _author_score(ka, kb)
    if au is not None:
        support += au >= 80
        conflicts += au < 50
    numbers_differ = _numbers_conflict(ka, kb)
    score = (
        0.55 * t / 100 + 0.08 * support - 0.1 * conflicts - 0.1 * numbers_differ - 0.1 * doi_differs
    )
    if same_doi:  # a DOI shared by many records: weak support only
        score += 0.05

    if numbers_differ:
        verdict = UNCERTAIN if t >= 90 and conflicts == 0 and support >= 3 else NOT_DUPLICATE
        return v(score, verdict, "title_numbers_differ")
    if (
        conflicts
        and t >= 98
        and jm is True
        and (au or 0) >= 95
        and abstracts_agree(ka.abstract, kb.abstract)
    ):
        if _printed_again_next_volume(ka, kb):
            return v(max(score, 0.7), DUPLICATE, "printed_again_next_volume")
        # otherwise one text published twice in a journal (a republication, an encore abstract):
        # labelled sets disagree on whether that is one record, so a person decides
        return v(score, UNCERTAIN, "same_abstract_published_twice")
    generic = ka.generic or kb.generic  # 'Editorial', "Editor's comments": recurring titles
    if doi_differs:
        if same_page and t >= 98 and conflicts == 0 and support >= 4 and not generic:
            return v(score, DUPLICATE, "biblio_match_doi_differs")
        verdict = UNCERTAIN if t >= 90 and conflicts == 0 else NOT_DUPLICATE
        return v(score, verdict, "doi_differs")
    if generic and not same_place:
        return v(score, UNCERTAIN if conflicts == 0 else NOT_DUPLICATE, "generic_title")
    if conflicts == 0 and ((t >= 95 and support >= 2) or (t >= 88 and support >= 4 and same_page)):
        return v(score, DUPLICATE, "biblio_match")
    if (
        t >= 98
        and min(len(ka.title), len(kb.title)) >= _LONG_TITLE
        and ka.year == kb.year
        and not (generic or ka.conference or kb.conference)
    ):
        if (
            same_place
        ):  # authors or journal in another script or language ('Jun-Mei X.' / 'Xu J. M.')
            return v(max(score, 0.7), DUPLICATE, "same_title_and_place")
        if (
            len(ka.volume) >= 2
            and ka.volume == kb.volume
            and (au or 0) >= 95
            and not _pages_conflict(ka, kb, strict=True)
        ):
            return v(
                max(score, 0.7), DUPLICATE, "same_title_authors_volume"
            )  # a translated journal name
    if t >= 95 and support >= 1 or t >= 85 and support >= 2 or t >= 98 and conflicts == 0:
        return v(score, UNCERTAIN, "biblio_partial")
    return v(score, NOT_DUPLICATE, "biblio_differs")
