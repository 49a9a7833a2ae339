"""Items a journal prints side by side under one heading: letters, notices, replies.

A journal's correspondence prints several letters under the title of the article they answer
('Estrogen use and endometrial cancer.' p. 922 by one writer, pp. 922-923 by two others), and
its errata under one heading ('Correction.', 'Department of Error.') or under the corrected
article's title, one notice to a page. Such items share title, journal, volume, issue and
year, and a page or the next; what tells them apart is who wrote them, or for unsigned notices
nothing in the citation. Found by dedup on the PubMed snapshot with PubMed's ids hidden
(benchmarks/dedup_distinct_probe.py, its notes in results/dedup-distinct-probe.md: no ids, no
DOI): biblio_match and same_title_and_place merged 18 pairs of other writers' letters and 10 of
unsigned or side-by-side notices, each two PMIDs. The two
databases' copies of one letter keep its writers, so the rules here send the pair to a person
rather than part it: an export may garble a name list beyond :func:`authors_apart`'s reading.
"""

from __future__ import annotations

import re
from itertools import dropwhile

from reviewkit.dedup.names import one_surname
from reviewkit.dedup.normalise import Keys
from reviewkit.dedup.pair import AUTHORS_AGREE, TITLE_NEAR, TITLE_SAME, Outcome, Pair
from reviewkit.dedup.score import UNCERTAIN
from reviewkit.dedup.unplaced import ANONYMOUS, authors_apart


def one_issue(p: Pair) -> bool:
    """One journal, volume and year, and one issue where both give it."""
    ka, kb = p.ka, p.kb
    return (
        p.jm is True
        and bool(ka.volume)
        and ka.volume == kb.volume
        and p.same_year
        and (not (ka.issue and kb.issue) or ka.issue == kb.issue)
    )


def no_name_shared(p: Pair) -> bool:
    """Two lists of other people: no surname of one list alike any of the other's first ten
    (:func:`~reviewkit.dedup.names.one_surname`: spelt two ways, a compound in part; a
    database that keeps only the corresponding author, the last of six, names one of the
    other's people: cardiac, a true pair), and :func:`authors_apart`, or, where that reads two
    lists as one because their keys open alike ('Sturgis' / 'Studd, Thom': NEJM's
    correspondence in the distinct probe), both lists read name by name."""
    ka, kb = p.ka, p.kb
    if any(one_surname(a, b) for a in ka.surnames for b in kb.surnames):
        return False
    if authors_apart(p):
        return True
    return (  # authors_apart's first two letters alike, and nothing else alike
        p.au is not None
        and p.au < AUTHORS_AGREE
        and ka.authors[:2] == kb.authors[:2]
        and ANONYMOUS not in (ka.authors, kb.authors)
        and bool(ka.surnames and kb.surnames)
    )


# Letters fill a page or two each and share a page at most with the next one; a range of this
# many pages given alike on both records is one printed item, whatever its name lists say (a
# trial's paper under its writing group and under the group's chair: cytology, 4 true pairs).
ONE_ITEM_PAGES = 3


def one_long_range(p: Pair) -> bool:
    """Both records give the same range of :data:`ONE_ITEM_PAGES` pages or more."""
    ka, kb = p.ka, p.kb
    return (ka.page_count or 0) >= ONE_ITEM_PAGES and (ka.first_page, ka.last_page) == (
        kb.first_page,
        kb.last_page,
    )


def other_writers_one_issue(p: Pair) -> Outcome:
    """One title in one issue by other people (:func:`no_name_shared`): letters answering one
    article, a reply and the letter it answers under one heading. A person decides; one DOI
    on both (asked before this rule) still merges. Asked only for pairs a later rule merges
    (rules.py :func:`~reviewkit.dedup.rules.before_a_merge`)."""
    if p.t >= TITLE_NEAR and one_issue(p) and not one_long_range(p) and no_name_shared(p):
        return UNCERTAIN, p.score
    return None


# The words of a notice's bare heading, folded ('correction', 'errata', 'department of error',
# 'erratum to', 'retraction notice', 'editorial announcement', "publisher's note", 'correction
# to: notice of retraction'): a title of these only names no article, and a journal prints
# several such notices on one page.
_HEADING_WORDS = (
    "erratum errata corrigendum corrigenda correction corrections retraction retracted notice"
    " note expression of concern department error to for in on regarding publisher publishers"
    " s author authors editorial announcement statement"
)
# Fixed titles that name no one article, however long: a notice about several earlier articles
# ('Erratum regarding missing Declaration of Competing Interest statements in previously
# published articles', a series Elsevier's journals print one to a page: the snapshot's two in
# Addict Behav Rep 13 are pp. 100333 and 100334), and correspondence under a generic title
# ('Letter to the Editor.', 'Response to letter to the editor.': three unsigned on the snapshot)
_NAMES_NONE = re.compile(
    r"\bpreviously published (?:articles|papers)\b"
    r"|^(?:(?:in )?(?:reply|response) to )?(?:the )?letters? to (?:the )?editors?$"
)
_BARE_HEADING = frozenset(_HEADING_WORDS.split())
# what a notice's title names once its heading is taken off: a title of four words or more, or
# a citation, as the notices' reader asks of it (concerns._MIN_WORDS)
_NAMED_WORDS = 4


def names_its_article(k: Keys) -> bool:
    """Whether a notice's folded title names its article after its heading (a title or a
    citation of :data:`_NAMED_WORDS` words or more), not a bare heading ('Correction.') nor a
    fixed title (:data:`_NAMES_NONE`)."""
    if _NAMES_NONE.search(k.title):
        return False
    return len(list(dropwhile(_BARE_HEADING.__contains__, k.title.split()))) >= _NAMED_WORDS


def unsigned_notices_one_issue(p: Pair) -> Outcome:
    """Two notices under one heading in one issue, neither signed ('Correction.' three times on
    one page): several errata are printed side by side and the citation cannot tell one from
    its copy. A person decides. A notice whose title names its article ('Erratum to: <title>',
    'Correction to Lancet Oncol 2021; 22: 581-83') is told by it: one such title on one page is
    one notice, left to the rules after (the snapshot's 218 typed notices against their own
    copies without ids: 45 were queued here, 20 of them titled so; the JAACAP and Lancet
    siblings of the distinct probe are bare headings, dedup48b). Asked only for pairs a later
    rule merges."""
    ka, kb = p.ka, p.kb
    if (
        ka.notice
        and kb.notice
        and ka.authors in ("", ANONYMOUS)
        and kb.authors in ("", ANONYMOUS)
        and p.t >= TITLE_SAME
        and not p.same_doi
        and one_issue(p)
        and not (p.same_page and ka.last_page == kb.last_page and names_its_article(ka))
    ):
        return UNCERTAIN, p.score
    return None


def one_page_each_one_issue(p: Pair) -> Outcome:
    """One title in one issue on two neighbouring lone pages ('60' / '61', '483' / '484'):
    two one-page items printed side by side (one author's meeting abstracts, a column and its
    sequel), or one item whose page an export slipped by one. The citation cannot tell which:
    a person decides. Lone pages far apart are left to the page rules: on the ten labelled
    sets they are one item's page garbled or given as a page count or an article number
    (depression '13' / '1710', '62' / '19'; srsr '43' / '54'), while the distinct probe's two
    false merges of the shape are neighbours (dedup47c). A range on either side is judged by
    the page rules. Asked only for pairs a later rule merges."""
    ka, kb = p.ka, p.kb
    if (
        ka.first_page.isdigit()
        and kb.first_page.isdigit()
        and abs(int(ka.first_page) - int(kb.first_page)) == 1
        and not (ka.last_page or kb.last_page)
        and ka.page_kind == kb.page_kind == "p"
        and bool(ka.issue and kb.issue)
        and one_issue(p)
        and not p.same_doi
    ):
        return UNCERTAIN, p.score
    return None
