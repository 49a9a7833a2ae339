"""Years that differ by one between two records of one publication.

A journal prints an article months after it went online, and a symposium's volume appears the
year after the meeting: one database gives the online or meeting year, another the year of
print (MEDLINE's and Embase's dates differ this way). Where the place in print agrees in
full, the year alone says nothing.
"""

from __future__ import annotations

from reviewkit.dedup.normalise import Keys


def _one_year_apart(ka: Keys, kb: Keys) -> bool:
    """Both records give a year, and the two differ by one."""
    return bool(ka.year and kb.year) and abs(ka.year - kb.year) == 1  # type: ignore[operator]


def same_printed_pages(ka: Keys, kb: Keys) -> bool:
    """Both records give one range of several pages, first and last page the same
    ('216-233' / '216-233'): one printed item. A meeting's abstract and the later article of the
    same study are printed on other pages (the abstract in a supplement, the article in an
    issue), so a whole range in common is one publication whatever the years say."""
    return (
        bool(ka.first_page and ka.last_page)
        and ka.last_page != ka.first_page
        and (ka.first_page, ka.last_page) == (kb.first_page, kb.last_page)
    )


def years_agree(ka: Keys, kb: Keys) -> bool:
    """The same year, or years one apart on one printed item (:func:`same_printed_pages`):
    the online-first or meeting year beside the year of print. Two years apart, or one apart
    without the whole range in common, the years still disagree."""
    return ka.year == kb.year or (_one_year_apart(ka, kb) and same_printed_pages(ka, kb))


def print_years_agree(ka: Keys, kb: Keys) -> bool:
    """The same year, or years one apart where both records give one volume and one issue:
    the issue fixes when it was printed, and the other year is the article's online-first
    date (PubMed gives the issue's year, Embase or Scopus may give the year it went online).
    Without volume and issue on both sides, a year apart stays a year apart."""
    return ka.year == kb.year or (
        _one_year_apart(ka, kb)
        and bool(ka.volume and ka.issue)
        and (ka.volume, ka.issue) == (kb.volume, kb.issue)
    )
