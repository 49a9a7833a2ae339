"""The dedup rules: an ordered table of named rules, each with its reason.

:func:`compare` asks the rules of :data:`RULES` in order; the first that speaks decides the
pair (duplicate, not_duplicate or uncertain) and its name goes with the verdict into the
link it makes, so every merge and every queued pair says which rule made it. Identifier rules
come first (with vetoes), then bibliographic ones. A rule may only merge when several fields
agree and none contradicts; anything close but not sure is 'uncertain' (the review queue).
The evidence the rules read (title, author, journal, page similarity) is in
:mod:`reviewkit.dedup.score`; the pair facts and named thresholds in :mod:`reviewkit.dedup.pair`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reviewkit.dedup import sparse, thin_guards, unplaced
from reviewkit.dedup.cluster import TITLE_CONFLICT
from reviewkit.dedup.identifiers import cochrane_review
from reviewkit.dedup.kinds_notices import reply_titled_as_article
from reviewkit.dedup.kinds_preprints import preprint_and_article
from reviewkit.dedup.kinds_registrations import registration_numbers
from reviewkit.dedup.moved_doi import doi_moved_publisher
from reviewkit.dedup.normalise import Keys
from reviewkit.dedup.pair import (
    AUTHORS_AGREE,
    AUTHORS_DOI_MIN,
    AUTHORS_SAME,
    AUTHORS_WHOLE,
    SUPPORT_ALL,
    SUPPORT_MOST,
    SUPPORT_SOME,
    TITLE_CLOSE,
    TITLE_DOI_MIN,
    TITLE_FLOOR,
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
    Context,
    PairVerdict,
    abstract_openings_differ,
    locators_differ,
    notice_copies_article,
    sections_differ,
    title_similarity,
    translation_at_same_place,
)
from reviewkit.dedup.score import printed_again_next_volume as reprinted_next_volume
from reviewkit.dedup.titles import cut_title, standalone_numbers
from reviewkit.dedup.unplaced import biblio_match, same_title_authors_volume
from reviewkit.dedup.years import same_printed_pages, years_agree

# --- identifiers ---------------------------------------------------------------------------


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
    """One of the two is a notice (an erratum can carry its article's DOI), on another page."""
    return p.ka.notice != p.kb.notice and not p.same_page


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
    both_living = p.ka.living and p.kb.living and not p.doi_differs
    return (DUPLICATE, 0.9) if both_living and _version_title_similarity(p) >= TITLE_SAME else None


# --- bibliographic comparison -------------------------------------------------------------


def no_title(p: Pair) -> Outcome:
    return None if p.titled else (NOT_DUPLICATE, 0.0)


def translated_title_same_place(p: Pair) -> Outcome:
    """MEDLINE's bracketed translation ('[Title]') against another database's English title
    at one place (journal, volume, first page, year) under one author list: one article in
    every bibliographic sense. When the two titles share nothing (under TITLE_CONFLICT, the
    level at which the chaining guard keeps titles out of one cluster) the place and the
    authors are the only evidence, and labelled sets disagree on the kind (respiratory's and
    haematology's join it, depression's keep 5 of 18 apart): a person confirms. Titles that
    agree in part are judged by the rules after this one."""
    if p.t < TITLE_CONFLICT and translation_at_same_place(p.ka, p.kb) and not p.generic:
        return UNCERTAIN, p.t / 100
    return None


def _same_page_range(p: Pair) -> bool:
    """Both records give a range of more than one page and the ranges end on one page."""
    return bool(p.ka.last_page) and p.ka.last_page == p.kb.last_page


def _titles_one_work(p: Pair) -> bool:
    """Titles sharing nothing (under TITLE_CONFLICT) are one work only with a sign: a record
    marks its title as a translation (a language note, the original after it) or one title
    is the other cut short. Unmarked ones may be a column's two items or a commentary under
    its article's title; labelled sets split them (3 pairs joined, 2 apart): queued."""
    ka, kb = p.ka, p.kb
    marked = ka.marked_translation or kb.marked_translation
    return p.t >= TITLE_CONFLICT or marked or cut_title(ka.title, kb.title)


def same_place_and_authors(p: Pair) -> Outcome:
    """Same place and year, the same author list, titles that name different works (under
    TITLE_FLOOR): one article under a wholly translated title. Titles between TITLE_FLOOR and
    TITLE_RELATED (half translated) are left to same_place_titles_differ, which queues them.

    With the titles no evidence, the whole page range must agree, not only the first page:
    two items that open on one page under one author team are short ones sharing it (a
    column's questions, one reviewer's book reviews, notes on a page) or a column that opens
    every issue on the same page of a journal paginated per issue, one record lacking the
    issue; a translated record of an article covers the article's pages. Without a last page
    on both sides the pair is queued (same_place_titles_differ). On the ten labelled sets
    every pair this rule merged gave the same range on both sides. Titles that share nothing
    need a sign that they are one work (:func:`_titles_one_work`); the chaining guard then
    counts the two titles as one (cluster.ONE_WORK_RULES)."""
    if (
        p.t < TITLE_FLOOR
        and _titles_one_work(p)
        and p.same_place
        and _same_page_range(p)
        and years_agree(p.ka, p.kb)  # online first / print: a year apart on one page range
        and (p.au or 0) >= AUTHORS_WHOLE
        and p.jm is not False
        and not (p.generic or p.conference)
        and p.ka.authors == p.kb.authors
    ):
        return DUPLICATE, 0.8
    return None


def same_place_titles_differ(p: Pair) -> Outcome:
    """Same place and year, first authors agree, titles apart: a translation a person checks.
    Up to TITLE_RELATED, from where biblio_partial queues: a title half translated (80-85)
    was otherwise dropped as different while a wholly translated one (under 80) was queued."""
    if (
        p.t < TITLE_RELATED
        and p.same_place
        and years_agree(p.ka, p.kb)  # online first / print: a year apart on one page range
        and (p.au or 0) >= AUTHORS_AGREE
    ):
        return UNCERTAIN, p.t / 100
    return None


def title_differs(p: Pair) -> Outcome:
    return (NOT_DUPLICATE, p.t / 100) if p.t < TITLE_FLOOR else None


def population_differs(p: Pair) -> Outcome:
    """Each title names a group the other does not ('Pediatric …' / 'Adult …', men / women,
    placebo / active arm): reports on different people. For title-only records a group named
    in one title only is enough, since the title is all there is to compare."""
    pa, pb = p.ka.population, p.kb.population
    if pa == pb:
        return None
    if (pa - pb and pb - pa) or p.thin:
        return NOT_DUPLICATE, p.t / 200
    return None


def title_only_record(p: Pair) -> Outcome:
    """A record with no journal, volume or page (a trial registration, grey literature) has
    only its title and perhaps authors and year: a similar title is a question for a person,
    never an automatic merge (registrations of sister trials share all but a word)."""
    if not p.thin:
        return None
    close = p.t >= TITLE_NEAR and not p.numbers_differ and p.conflicts == 0
    return UNCERTAIN if close else NOT_DUPLICATE, p.score


def notice_with_article_abstract(p: Pair) -> Outcome:
    """An erratum whose record carries its article's title (after the heading), authors,
    journal and whole abstract: a database copied the article's record, or it is the notice
    with the article's abstract attached (its own DOI and page say so). Labelled sets split on
    errata against their articles, and an erratum under the article's DOI on another page is
    queued (same_doi_notice): so is this one, for a person to say which it is."""
    if p.ka.notice != p.kb.notice and notice_copies_article(p.ka, p.kb):
        return UNCERTAIN, 0.85
    return None


def notice_veto(p: Pair) -> Outcome:
    return (NOT_DUPLICATE, p.t / 200) if p.ka.notice != p.kb.notice else None


def exact_place(p: Pair) -> bool:
    """Journal, volume, issue and first page agree (a printed page, not a lone page count);
    when one record lacks the issue, the page ranges must be of one length."""
    ka, kb = p.ka, p.kb
    issue_agrees = (
        ka.issue == kb.issue
        if ka.issue and kb.issue
        else ka.page_count is not None and ka.page_count == kb.page_count
    )
    return (
        p.same_place
        and not (ka.page_weak or kb.page_weak)
        and p.jm is True
        and issue_agrees
        and bool(ka.year and kb.year and abs(ka.year - kb.year) <= 1)
    )


def title_number_typo(p: Pair) -> Outcome:
    """Numbers inside a name differ ('p6INK4a' / 'p16(INK4a)') but journal, volume, issue and
    page agree, and so do the authors: one article with a typo. Numbers that stand as words
    ('part 1' / 'part 2', 'phase II') name different works and stay a veto."""
    if (
        p.numbers_differ
        and standalone_numbers(p.ka.title) == standalone_numbers(p.kb.title)
        and p.t >= TITLE_CLOSE
        and exact_place(p)
        and p.conflicts == 0
        and (p.au is None or p.au >= AUTHORS_AGREE)
        and not (p.doi_differs or p.generic or p.conference)
    ):
        return DUPLICATE, max(p.score, 0.7)
    return None


def title_numbers_differ(p: Pair) -> Outcome:
    if not p.numbers_differ:
        return None
    close = p.t >= TITLE_CLOSE and p.conflicts == 0 and p.support >= SUPPORT_MOST
    return UNCERTAIN if close else NOT_DUPLICATE, p.score


def same_issue_other_page(p: Pair) -> Outcome:
    """Journal, volume and issue agree, and so do a long title, the year and the author list;
    only the first page differs ('e8-e9' / 'e3', '278-286' / '224', '2830-2834' / '28-34'):
    one article whose page an export garbled. Two items of one issue under one long title and
    one author list are not two articles: numbered parts ('part 1') and notices are told apart
    by the rules before this one; abstracts of a congress (neighbours share title and authors),
    pages in two sections of the issue, two DOIs and two abstracts that open differently (a
    team's companion papers in one issue, titles one word apart) never merge here."""
    ka, kb = p.ka, p.kb
    if (
        p.same_long_title_same_year
        and bool(ka.volume and ka.issue)
        and (ka.volume, ka.issue) == (kb.volume, kb.issue)
        and p.jm is True
        and (p.au or 0) >= AUTHORS_SAME
        and p.conflicts > 0  # with all the above agreeing, the page is the one contradiction
        and not (p.doi_differs or sections_differ(ka, kb))  # 'A486' / 'S321': two sections
        and not abstract_openings_differ(ka.abstract, kb.abstract)
    ):
        return DUPLICATE, max(p.score, 0.7)
    return None


def printed_again_next_volume(p: Pair) -> Outcome:
    if p.republished and reprinted_next_volume(p.ka, p.kb):
        return DUPLICATE, max(p.score, 0.7)
    return None


def same_abstract_published_twice(p: Pair) -> Outcome:
    return (UNCERTAIN, p.score) if p.republished else None


def biblio_match_doi_differs(p: Pair) -> Outcome:
    if (
        p.doi_differs
        and p.same_page
        and p.t >= TITLE_SAME
        and p.conflicts == 0
        and p.support >= SUPPORT_ALL
        and not p.generic
    ):
        return DUPLICATE, p.score
    return None


def doi_differs(p: Pair) -> Outcome:
    if not p.doi_differs:
        return None
    return UNCERTAIN if p.t >= TITLE_CLOSE and p.conflicts == 0 else NOT_DUPLICATE, p.score


def generic_title(p: Pair) -> Outcome:
    if p.generic and not p.same_place:
        return UNCERTAIN if p.conflicts == 0 else NOT_DUPLICATE, p.score
    return None


def _meeting_abstract_and_article(p: Pair) -> bool:
    """One record is a meeting's abstract, the other a journal article (a volume and a range
    of pages), and their years differ."""
    ka, kb = p.ka, p.kb
    if ka.conference == kb.conference or not (ka.year and kb.year) or ka.year == kb.year:
        return False
    article = kb if ka.conference else ka
    # one range of pages in common: one printed item, the year the meeting's or the print's
    return bool(article.volume and article.last_page) and not same_printed_pages(ka, kb)


def meeting_abstract_and_article(p: Pair) -> Outcome:
    """Asked just before biblio_match, on the pairs it would merge: an abstract given at a
    meeting and the journal article of the same title and authors a year before or after
    are two publications of one work (a study's reports, which a person links as such), not
    one record printed twice; a person looks. In one year the two are more often one record
    (a congress supplement of the journal indexed twice) and biblio_match decides."""
    if _meeting_abstract_and_article(p) and biblio_match(p) is not None:
        return UNCERTAIN, p.score
    return None


def same_title_and_place(p: Pair) -> Outcome:
    if p.same_long_title_same_year and p.same_place:
        return DUPLICATE, max(p.score, 0.7)
    return None


def biblio_partial(p: Pair) -> Outcome:
    t, support = p.t, p.support
    if (
        t >= TITLE_NEAR
        and support >= 1
        or t >= TITLE_RELATED
        and support >= SUPPORT_SOME
        or t >= TITLE_SAME
        and p.conflicts == 0
    ):
        return UNCERTAIN, p.score
    return None


def biblio_differs(p: Pair) -> Outcome:
    return NOT_DUPLICATE, p.score


# --- the table -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    name: str
    test: Callable[[Pair], Outcome]
    why: str  # one line: the kind of record this rule is right for


RULES: tuple[Rule, ...] = (
    Rule("same_pmid", same_pmid, "one PubMed id is one record, whatever else differs"),
    Rule("pmid_veto", pmid_veto, "two PubMed ids are two records"),
    Rule("same_pmcid", same_pmcid, "one PMC id is one record"),
    Rule("pmcid_veto", pmcid_veto, "two PMC ids are two records"),
    Rule("registration_numbers", registration_numbers, "a register's trial number: one record"),
    Rule("same_doi_no_title", same_doi_no_title, "a DOI alone, without a title, may be wrong"),
    Rule("same_doi_place_unknown", sparse.same_doi_place_unknown, "one DOI, titles apart, no page"),
    Rule(
        "same_doi_no_page",
        unplaced.same_doi_no_page,
        "one DOI, no page, a word swapped or other authors: a supplement's DOI?",
    ),
    Rule("same_doi", same_doi, "one DOI with place or title and authors to back it"),
    Rule("same_doi_titles_differ", same_doi_titles_differ, "one DOI, other titles: a person"),
    Rule("same_doi_notice", same_doi_notice, "an erratum may carry its article's DOI"),
    Rule("doi_moved_publisher", doi_moved_publisher, "one DOI suffix, two publishers' prefixes"),
    Rule("doi_versions", doi_versions, "versions of one Cochrane review share a DOI stem"),
    Rule("living_review_versions", living_review_versions, "a living review kept up to date"),
    Rule("untitled_same_place", sparse.untitled_same_place, "a citation without title: a person"),
    Rule("no_title", no_title, "without a title there is nothing to compare"),
    Rule("translated_title_same_place", translated_title_same_place, "'[Title]' at one place"),
    Rule("same_place_and_authors", same_place_and_authors, "a translated title, same place"),
    Rule("same_place_titles_differ", same_place_titles_differ, "same place, other titles"),
    Rule("title_differs", title_differs, "different titles are different works"),
    Rule("population_differs", population_differs, "'Pediatric' / 'Adult': other people"),
    Rule("title_only_record", title_only_record, "a bare title never merges by itself"),
    Rule(
        "notice_with_article_abstract",
        notice_with_article_abstract,
        "an erratum carrying its article's abstract: a person decides",
    ),
    Rule("notice_veto", notice_veto, "an erratum, reply or comment is not its article"),
    Rule("reply_titled_as_article", reply_titled_as_article, "a reply titled as its article"),
    Rule("title_number_typo", title_number_typo, "a number typo where the place agrees exactly"),
    Rule("title_numbers_differ", title_numbers_differ, "part 1 and part 2 are two works"),
    Rule("same_issue_other_page", same_issue_other_page, "one issue, title, authors: a page slip"),
    Rule("printed_again_next_volume", printed_again_next_volume, "a reprint page for page"),
    Rule("same_abstract_published_twice", same_abstract_published_twice, "one text, two places"),
    Rule("one_range_two_journals", thin_guards.one_range_two_journals, "one range, two volumes"),
    Rule("biblio_match_doi_differs", biblio_match_doi_differs, "two DOIs, all else the same"),
    Rule("preprint_and_article", preprint_and_article, "a preprint and its paper: a person"),
    Rule("doi_differs", doi_differs, "two DOIs are two works unless a person says otherwise"),
    Rule("generic_title", generic_title, "'Editorial' recurs: place must agree"),
    Rule("title_word_swapped", sparse.title_word_swapped, "a word swapped, no page or DOI"),
    Rule("journal_unsure_no_place", sparse.journal_unsure_no_place, "two journals? no page or DOI"),
    Rule("meeting_abstract_no_page", unplaced.meeting_abstract_no_page, "abstract? no page"),
    Rule("issues_differ_no_page", unplaced.issues_differ_no_page, "two issues, no page"),
    Rule("abstracts_differ_no_page", unplaced.abstracts_differ_no_page, "two abstracts, no page"),
    Rule("authors_differ_no_page", unplaced.authors_differ_no_page, "other authors, no page"),
    Rule("two_proceedings_no_page", thin_guards.two_proceedings_no_page, "two meetings? no page"),
    Rule(
        "supplement_and_issue_no_page",
        thin_guards.supplement_and_issue_no_page,
        "a supplement and another issue, no page",
    ),
    Rule(
        "meeting_abstract_and_article",
        meeting_abstract_and_article,
        "a meeting's abstract and the paper a year apart: two publications",
    ),
    Rule("biblio_match", biblio_match, "title and two or more fields agree, none conflicts"),
    Rule("same_title_and_place", same_title_and_place, "names in another script or language"),
    Rule("same_title_authors_volume", same_title_authors_volume, "a translated journal name"),
    Rule("biblio_partial", biblio_partial, "close but not sure: a person decides"),
    Rule("biblio_differs", biblio_differs, "nothing else applies: not a duplicate"),
)
_NO_CONTEXT = Context()


def compare(ka: Keys, kb: Keys, ctx: Context | None = None) -> PairVerdict:
    """The verdict of the first rule of :data:`RULES` that applies to the pair
    (``ctx``: facts about the whole set, e.g. shared DOIs)."""
    a, b = (ka.id, kb.id) if ka.id < kb.id else (kb.id, ka.id)
    pair = Pair(ka, kb, ctx or _NO_CONTEXT)
    for rule in RULES:
        outcome = rule.test(pair)
        if outcome is not None:
            verdict, score = outcome
            return PairVerdict(a, b, round(max(0.0, min(1.0, score)), 4), verdict, rule.name)
    raise AssertionError("the last rule always applies")  # pragma: no cover
