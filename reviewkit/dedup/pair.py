"""Facts about one compared pair and the named thresholds the dedup rules read.

:class:`Pair` computes each fact (title and author similarity, journal match, the fields
that agree and those that contradict ...) on first use, so a rule that decides early costs
little. The rules themselves are the table in :mod:`reviewkit.dedup.rules`.
"""

from __future__ import annotations

import re
from functools import cached_property

from reviewkit.dedup.normalise import Keys
from reviewkit.dedup.score import (
    LONG_TITLE,
    Context,
    abstract_openings_differ,
    abstracts_agree,
    author_score,
    journals_match,
    numbers_conflict,
    one_digit_typo,
    pages_conflict,
    same_place,
    title_similarity,
    volume_is_supplement,
    volumes_compatible,
)
from reviewkit.dedup.years import print_years_agree

# --- thresholds (title and author similarity are 0–100) ----------------------------------
TITLE_SAME = 98.0  # the same title but for a typo, a letter or punctuation
TITLE_NEAR = 95.0  # a dropped subtitle or an added heading scores 95 (title_similarity)
TITLE_CLOSE = 90.0  # a word changed: close enough for a person to look
TITLE_STRONG_SUPPORT = 88.0  # a word or two changed, merged only with every other field agreeing
TITLE_RELATED = 85.0  # a reworded title: a person looks if two other fields agree
TITLE_FLOOR = 80.0  # below this the titles name different works (unless the place proves one)
TITLE_DOI_MIN = 60.0  # under one DOI, titles less alike than this may be a translation
AUTHORS_WHOLE = 97.0  # the same author list written the same way
AUTHORS_SAME = 95.0  # the same author list but for spelling
AUTHORS_AGREE = 80.0  # the same first authors
AUTHORS_DOI_MIN = 60.0  # under one DOI, authors at least this alike do not contradict
AUTHORS_DIFFER = 50.0  # author lists this unlike are a conflict
SUPPORT_SOME = 2  # fields that agree (year, journal, volume, first page, authors)
SUPPORT_MOST = 3
SUPPORT_ALL = 4
# weights of the bibliographic score (reported with the verdict; the rules decide)
W_TITLE, W_SUPPORT, W_CONFLICT = 0.55, 0.08, 0.1

# a withdrawn version of a Cochrane review keeps its title after this heading (folded)
WITHDRAWN = re.compile(r"^withdrawn ")

Outcome = tuple[str, float] | None  # (verdict, score), or None: the rule does not apply


class Pair:
    """Two records' keys and the evidence the rules read, each fact computed on first use."""

    def __init__(self, ka: Keys, kb: Keys, ctx: Context) -> None:
        self.ka, self.kb, self.ctx = ka, kb, ctx

    @cached_property
    def t(self) -> float:
        return title_similarity(self.ka.title, self.kb.title)

    @cached_property
    def au(self) -> float | None:
        return author_score(self.ka, self.kb)

    @cached_property
    def jm(self) -> bool | None:
        return journals_match(self.ka, self.kb)

    @property
    def titled(self) -> bool:
        return bool(self.ka.title and self.kb.title)

    @property
    def same_doi(self) -> bool:
        return bool(self.ka.doi) and self.ka.doi == self.kb.doi

    @property
    def usable_doi(self) -> bool:
        """One DOI, not one a whole supplement of abstracts shares."""
        return self.same_doi and self.ka.doi not in self.ctx.shared_dois

    @property
    def doi_differs(self) -> bool:
        return bool(self.ka.doi and self.kb.doi) and self.ka.doi != self.kb.doi

    @property
    def same_year(self) -> bool:
        return self.ka.year == self.kb.year

    @property
    def same_page(self) -> bool:
        return bool(self.ka.first_page) and self.ka.first_page == self.kb.first_page

    @cached_property
    def same_place(self) -> bool:
        return same_place(self.ka, self.kb)

    @cached_property
    def numbers_differ(self) -> bool:
        return numbers_conflict(self.ka, self.kb)

    @property
    def thin(self) -> bool:
        """One of the two has nothing but a title (and perhaps authors and a year)."""
        return self.ka.thin or self.kb.thin

    @property
    def notices(self) -> bool:
        """Both titles are notices (erratum, reply, comment …): one to a page, side by side."""
        return self.ka.notice and self.kb.notice

    @property
    def generic(self) -> bool:
        return self.ka.generic or self.kb.generic

    @property
    def conference(self) -> bool:
        return self.ka.conference or self.kb.conference

    @cached_property
    def tally(self) -> tuple[int, int]:
        """(fields that agree, fields that contradict) among year, journal, volume, page, authors."""
        ka, kb = self.ka, self.kb
        support = conflicts = 0
        if ka.year and kb.year:
            dy = abs(ka.year - kb.year)
            support += print_years_agree(ka, kb)  # or online first / print in one issue
            conflicts += dy > 1
        support += self.jm is True
        conflicts += self.jm is False and not self.same_place  # one journal, two names
        if ka.volume and kb.volume:
            support += ka.volume == kb.volume
            conflicts += not (
                self.same_page
                or volumes_compatible(ka.volume, kb.volume)
                or volume_is_supplement(ka, kb)
            )
        support += self.same_page
        # recurring titles, different DOIs and two notices (a journal prints its errata and
        # replies one to a page, side by side): every page difference counts
        strict = self.doi_differs or self.generic or self.notices
        conflicts += pages_conflict(ka, kb, strict=strict) and not self.page_typo

        if self.au is not None:
            support += self.au >= AUTHORS_AGREE
            conflicts += self.au < AUTHORS_DIFFER
        return support, conflicts

    @cached_property
    def page_typo(self) -> bool:
        """First pages one digit apart ('2297' / '2097') where everything else agrees: same
        title (or a heading added, when issue and last page agree), journal, volume, year and
        authors. A typist's slip, not another article; never
        for abstracts in a supplement (neighbours there share title and authors), two notices or
        two DOIs,
        nor when both records carry an abstract and the two open differently: a slip of the
        pen does not rewrite the abstract, while a team's companion papers in one issue (one
        word apart in a chemical name, ranges of one length) each have their own."""
        ka, kb = self.ka, self.kb
        same_end = (  # the range agrees with the slip: same last page, or same length
            not (ka.last_page and kb.last_page)
            or ka.last_page == kb.last_page
            or ka.page_count == kb.page_count
        )
        # a heading added to one title ('…: Brief communication') is allowed when the issue
        # and the last page agree as well: then only the slip differs in the whole place
        exact_end = bool(ka.issue and ka.last_page) and (ka.issue, ka.last_page) == (
            kb.issue,
            kb.last_page,
        )
        return (
            one_digit_typo(ka.first_page, kb.first_page)
            and same_end
            and bool(ka.volume)
            and ka.volume == kb.volume
            and self.same_year
            and self.t >= (TITLE_NEAR if exact_end else TITLE_SAME)
            and self.jm is True
            and (self.au or 0) >= AUTHORS_SAME
            # errata and replies of one article fill the next pages: no slip
            and not (self.conference or self.generic or self.doi_differs or self.notices)
            and not abstract_openings_differ(ka.abstract, kb.abstract)
        )

    @property
    def support(self) -> int:
        return self.tally[0]

    @property
    def conflicts(self) -> int:
        return self.tally[1]

    @cached_property
    def score(self) -> float:
        """The bibliographic score: title, agreeing fields, contradictions."""
        s = (
            W_TITLE * self.t / 100
            + W_SUPPORT * self.support
            - W_CONFLICT * self.conflicts
            - W_CONFLICT * self.numbers_differ
            - W_CONFLICT * self.doi_differs
        )
        return s + 0.05 if self.same_doi else s  # a DOI shared by many records: weak support

    @cached_property
    def same_long_title_same_year(self) -> bool:
        """A long title, the same but for a typo, in one year, neither generic nor an abstract."""
        return (
            self.t >= TITLE_SAME
            and min(len(self.ka.title), len(self.kb.title)) >= LONG_TITLE
            and self.same_year
            and not (self.generic or self.conference)
        )

    @cached_property
    def republished(self) -> bool:
        """Fields conflict, yet title, journal, authors and abstract are the same text."""
        return (
            self.conflicts > 0
            and self.t >= TITLE_SAME
            and self.jm is True
            and (self.au or 0) >= AUTHORS_SAME
            and abstracts_agree(self.ka.abstract, self.kb.abstract)
        )
