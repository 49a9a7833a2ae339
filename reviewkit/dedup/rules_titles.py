"""Rules for titles that differ: a title missing, translated, naming other works or people.

Asked after the identifier rules (:data:`reviewkit.dedup.rules.RULES`): two titles that name
different works keep two records apart unless the place (journal, volume, pages, year) and
the authors prove one article under a translated title; a record that has only a title never
merges by itself.
"""

from __future__ import annotations

from reviewkit.dedup.cluster import TITLE_CONFLICT
from reviewkit.dedup.pair import (
    AUTHORS_AGREE,
    AUTHORS_WHOLE,
    TITLE_FLOOR,
    TITLE_NEAR,
    TITLE_RELATED,
    Outcome,
    Pair,
)
from reviewkit.dedup.populations import groups_apart
from reviewkit.dedup.score import (
    DUPLICATE,
    NOT_DUPLICATE,
    UNCERTAIN,
    translation_at_same_place,
)
from reviewkit.dedup.titles import cut_title
from reviewkit.dedup.years import years_agree


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
    placebo / active arm, Japanese / Chinese patients): reports on different people. For
    title-only records an age group, sex, setting or arm named in one title only is enough,
    since the title is all there is to compare (a country on one side is a subtitle as often:
    populations.groups_apart)."""
    if groups_apart(p.ka.population, p.kb.population, p.thin):
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
