"""Merging rules for exports without pages: one plain issue number stands in for the page.

Many exports carry no pages (an Embase or CINAHL selection, a page field an exporter dropped,
e-journals' article numbers read as no page), while journal, volume, issue, year and authors
stay. Two merging rules need the first page: ``biblio_match_doi_differs`` (two DOIs for one
article: Springer's old 'BF' DOI and its new one, a publisher's SICI-style DOI and the current
one, a database's wrong DOI) and ``biblio_match`` for titles 88-95 alike (a subtitle dropped,
'(author's transl)', a Greek letter lost, a heading added), where the page is what rules out a
companion paper. Without the page those pairs wait in the queue (benchmarks/results/
dedup-stress.md, e_no_pages: 82 and 44 true pairs of the ten sets). The rules below merge them
when the page is missing on one side or both and the narrowest place left agrees instead: one
plain issue number of one volume on both records (never a supplement, a double issue or an
article number, :func:`reviewkit.dedup.venue.issue_number`), with journal, volume, year and
author list (AUTHORS_SAME) agreeing and nothing contradicting. Companion papers of one team in
one issue (the kind the page told apart) differ in a word of the title ('in rats' / 'in mice',
'Part I' / 'Part II'): a swapped ordinary word (:func:`reviewkit.dedup.sparse.swapped_word`),
a number, a notice, a recurring title or a meeting's abstracts keep the pair out, and the thin
guards before ``biblio_match`` ask their questions first (:func:`reviewkit.dedup.unplaced.to_person`
counts :func:`close_title_same_issue` as a merge).
"""

from __future__ import annotations

from collections import Counter

from rapidfuzz.distance import LCSseq

from reviewkit.dedup.pair import (
    AUTHORS_SAME,
    SUPPORT_ALL,
    TITLE_NEAR,
    TITLE_SAME,
    TITLE_STRONG_SUPPORT,
    Outcome,
    Pair,
)
from reviewkit.dedup.score import DUPLICATE, abstract_openings_differ
from reviewkit.dedup.sparse import swapped_word, word_inserted


def issue_for_page(p: Pair) -> bool:
    """A first page missing on one side or both, and one plain issue number on both."""
    ka, kb = p.ka, p.kb
    return (
        not (ka.first_page and kb.first_page)
        and bool(ka.issue_number)
        and ka.issue_number == kb.issue_number
    )


def _one_article_in_issue(p: Pair) -> bool:
    """Everything but the page agrees: journal, volume, year, authors (support counts year,
    journal, volume and authors when no page is shared), no field contradicts, and nothing
    marks the two as two items of one issue."""
    return (
        issue_for_page(p)
        and p.conflicts == 0
        and p.support >= SUPPORT_ALL
        and (p.au or 0) >= AUTHORS_SAME
        and not (p.generic or p.conference or p.numbers_differ)
        and not (p.ka.notice or p.kb.notice)
        and not abstract_openings_differ(p.ka.abstract, p.kb.abstract)
    )


def _words_reordered(title_a: str, title_b: str) -> bool:
    """The words both titles hold stand in another order: 'Comparison of 11C choline and 18F
    choline' against '... of 18F choline and 11C choline' is another comparison. An export
    shortens or marks a title (a subtitle dropped, '(author's transl)', a Greek letter lost);
    it does not reorder the words it keeps. Read as a common subsequence of the words, not by
    each word's first place: a heading's 'of' ('Study of two new GABA-ergics ... of
    depression') is no reordering of the title's own 'of'."""
    wa, wb = title_a.split(), title_b.split()
    shared = sum((Counter(wa) & Counter(wb)).values())
    return LCSseq.similarity(wa, wb) < shared


def two_dois_same_issue(p: Pair) -> Outcome:
    """Two DOIs, the same title and the same issue with no page to compare: one article under
    an old and a new DOI (asked where biblio_match_doi_differs would have read the page)."""
    if p.doi_differs and p.t >= TITLE_SAME and _one_article_in_issue(p):
        return DUPLICATE, p.score
    return None


def close_title_same_issue(p: Pair) -> Outcome:
    """Titles 88-95 alike without a swapped word, an ordinary word inserted inside or words
    reordered, the same issue, no page: one article whose title an export shortened or marked
    ('[...] (author's transl)', a subtitle dropped, a heading added, a Greek letter lost)."""
    ta, tb = p.ka.title, p.kb.title
    if (
        not p.doi_differs
        and TITLE_STRONG_SUPPORT <= p.t < TITLE_NEAR
        and _one_article_in_issue(p)
        and not swapped_word(ta, tb)
        and not word_inserted(ta, tb)
        and not _words_reordered(ta, tb)
    ):
        return DUPLICATE, p.score
    return None
