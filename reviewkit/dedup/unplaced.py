"""Rules for pairs whose place nothing confirms: no first page on one side, no DOI in common.

On full records the first page (or the DOI) is what tells two works of one team in one journal
and year apart: companion papers in one issue, a series' parts in two issues, a commentary
printed under its article's title, a meeting's abstract and the later article, abstracts of one
supplement sharing the supplement's DOI. The merging rules read a missing page as 'no
contradiction', so once an export dropped it (other databases' exports, benchmarks/results/
dedup-stress.md rows e and i) those pairs merged on title, year, journal and volume. Each rule
below names the further field that still tells the two apart and, when it does, sends the pair
to a person instead. With one first page or one DOI on both sides none of them applies: full
records are judged as before.

Also here: the two bibliographic merging rules (biblio_match, same_title_authors_volume), so the
rules above can ask whether a pair would merge (they speak only then; a pair no rule would
merge stays 'not a duplicate' and adds nothing to the queue).
"""

from __future__ import annotations

from reviewkit.dedup.issue_place import close_title_same_issue
from reviewkit.dedup.names import another_co_author, may_be_one_surname
from reviewkit.dedup.normalise import Keys
from reviewkit.dedup.pair import (
    AUTHORS_AGREE,
    AUTHORS_SAME,
    SUPPORT_ALL,
    SUPPORT_SOME,
    TITLE_DOI_MIN,
    TITLE_NEAR,
    TITLE_SAME,
    TITLE_STRONG_SUPPORT,
    W_SUPPORT,
    W_TITLE,
    Outcome,
    Pair,
)
from reviewkit.dedup.score import (
    DUPLICATE,
    LONG_TITLE,
    UNCERTAIN,
    abstract_openings_differ,
    issues_differ,
    lists_unmatched,
    names_swapped,
    pages_conflict,
)
from reviewkit.dedup.sparse import swapped_word

# The page range of a journal article, as meeting_abstract_no_page reads it: two pages or more,
# since a meeting's abstract is printed on one page of the journal's supplement or meeting issue
# ('71(6) 507') and a one-page record may be that abstract itself; at most 60, since databases
# (Embase, Web of Science) give each abstract of a supplement the supplement's whole range ('9(s2)
# 499-711', 213 pages), which is no article's, while a journal article longer than 60 pages is
# rare (long reviews run 20-50): the bound lies between the longest articles and a supplement's
# range, which runs to hundreds of pages. Measured as an example (benchmarks/results/dedup.md,
# dd28): on the ten labelled sets 30, 60 or 100 and a lower bound of 1, 2 or 3 give the same
# merges and queue, and no upper bound queues one abstract against its copy (haematology).
ARTICLE_PAGES = range(2, 61)
ANONYMOUS = "anonymous"  # the author key of a record without authors' names

# --- the merging rules the guards below ask about ------------------------------------------


def agreement_score(p: Pair) -> float:
    """The score of a merge that a rule makes over a contradiction it explains (a first page an
    export garbled, a number typo in a name, a reprint's other volume and DOI, authors' names
    in another script, a journal name translated): the title and the fields that agree, the
    contradictions not counted, since the rule has read them as one article's. The score decides
    no merge; it orders the merges for the chaining guard (strongest first, cluster.guarded_merge)
    and is shown to the reviewer when the guard queues the pair. (It was max(score, 0.7), a
    floor that was the kind of no record; merges, queues and false merges are the same on the
    ten labelled sets with a floor of 0.6, 0.7, 0.8 or none: benchmarks/results/dedup.md.)"""
    return W_TITLE * p.t / 100 + W_SUPPORT * p.support


def biblio_match(p: Pair) -> Outcome:
    if p.conflicts == 0 and (
        (p.t >= TITLE_NEAR and p.support >= SUPPORT_SOME)
        or (p.t >= TITLE_STRONG_SUPPORT and p.support >= SUPPORT_ALL and p.same_page)
    ):
        return DUPLICATE, p.score
    return None


def same_title_authors_volume(p: Pair) -> Outcome:
    ka, kb = p.ka, p.kb
    if (
        p.same_long_title_same_year
        and len(ka.volume) >= 2
        and ka.volume == kb.volume
        and (p.au or 0) >= AUTHORS_SAME
        and not pages_conflict(ka, kb, strict=True)  # 'JC6-9' / '8': a summary, elsewhere
    ):
        return DUPLICATE, agreement_score(p)
    return None


def _would_merge(p: Pair) -> bool:
    """A bibliographic rule after the guards would merge the pair (same_title_and_place needs
    a first page on both sides, so it never meets an unplaced pair)."""
    return (
        biblio_match(p) is not None
        or close_title_same_issue(p) is not None
        or same_title_authors_volume(p) is not None
    )


def to_person(p: Pair) -> Outcome:
    """Uncertain (a person decides) when a merging rule would take the pair; else no say."""
    return (UNCERTAIN, p.score) if _would_merge(p) else None


def first_authors_alike(ka: Keys, kb: Keys) -> bool:
    """The two first authors may be one person: their surnames open with the same two letters
    and are one name as an export may break it (names.may_be_one_surname: a word in common,
    two edits, one cut from the other). Two letters alone (the first form) read 'Sturgis' and
    'Studd' as one writer, and two writers' letters under one heading in one NEJM issue were
    merged (the distinct probe, dedup47c); the whole surname keeps the ten labelled sets' pairs
    (benchmarks/results/dedup-distinct-probe.md)."""
    if ka.authors[:2] != kb.authors[:2]:
        return False
    a, b = ka.first_surname, kb.first_surname
    return not (a and b) or may_be_one_surname(a, b)


def authors_apart(p: Pair) -> bool:
    """Two author lists of other people: under AUTHORS_AGREE, other first authors
    (:func:`first_authors_alike`), and neither first author's surname among the other record's
    names (surnames, or given names for a list written given name first). Exports write one list
    in many ways (initials or full names, names run together, another order), which lowers the
    score; the first surname survives."""
    ka, kb = p.ka, p.kb
    if p.au is None or p.au >= AUTHORS_AGREE or first_authors_alike(ka, kb):
        return False
    if ANONYMOUS in (ka.authors, kb.authors):  # a notice's 'Anonymous' names nobody
        return False

    def named_in(first: str, other: Keys) -> bool:
        # the surname's first five letters: exporters write a compound surname whole, in
        # another order or cut ('Niccoli Asabella A.' / 'Asabella Artor Niccoli', Spanish and
        # Portuguese double surnames, 'Fremeaux-Bacchi' / 'Fremeaux') and run lists together
        # without commas, so the whole key of one is rarely found in the other; five letters
        # are the opening of the first word of nearly every such surname and, run together
        # with four others, rarely met by chance (a surname shorter than five is used whole).
        # A chance find errs to silence: the pair is then judged as a full record is. A
        # compromise, measured (benchmarks/results/dedup.md, dd28): with no DOI, abstract or
        # pages (dedup-stress i_minimal) 3 letters merge more true pairs and add false merges
        # (srsr 9 -> 12), 4 merged 14 more true pairs without one (surnames of four letters
        # in lists run together: 'Abad M. J.Bedoya'), 6 and the whole key queue true pairs.
        # That kind is now read where it arises: a list run together is split into its names
        # (author_names.split_run_together), so the first surname ends at its initials ('abad').
        first = first[:5]
        return bool(first) and (first in other.authors or first in other.given_names)

    return not (named_in(ka.first_surname, kb) or named_in(kb.first_surname, ka))


def unplaced(p: Pair) -> bool:
    """No first page on one side or both, and no DOI in common: nothing fixes the place."""
    return not (p.ka.first_page and p.kb.first_page) and not p.same_doi


# --- the guards ----------------------------------------------------------------------------


def issues_differ_no_page(p: Pair) -> Outcome:
    """One volume, two plain issue numbers ('26(8)' / '26(9)'), no page: a series' parts, an
    article and its erratum or reply two issues later, a column's two instalments. Two issues
    of one volume are two places; with pages, a page range settles whether an export wrote one
    issue wrong (pages_conflict and same_place read the issue then). Without one, a person;
    so too when the first pages differ and one is weak (a lone page of two digits, page 1:
    perhaps a page count, so no conflict), which places nothing: 'Tic 38(7) 11' / '38(9) 5',
    a column's two instalments, the distinct probe (dedup47c). One page on both still merges
    (depression: one first page '47', issues '4' / '20', a true pair)."""
    ka, kb = p.ka, p.kb
    weak_only = ka.first_page != kb.first_page and (ka.page_weak or kb.page_weak)
    if (
        (unplaced(p) or weak_only)
        and ka.volume
        and ka.volume == kb.volume
        and issues_differ(ka, kb)
    ):
        return to_person(p)
    return None


def abstracts_differ_no_page(p: Pair) -> Outcome:
    """Both records carry an abstract and the two open as different texts, and no page: two
    articles of one team in one issue (a chemical name one syllable apart, a heading added to
    one title) keep their own abstracts; two databases' copies of one article share its
    abstract, cut or relabelled at most (score.abstract_openings_differ is loose). With a page
    on both sides the page decides, as before."""
    if unplaced(p) and abstract_openings_differ(p.ka.abstract, p.kb.abstract):
        return to_person(p)
    return None


# For records without a page (a meeting's abstracts, an export that dropped the pages), whose
# author lists are left to tell two teams' abstracts in one issue from one record exported
# twice: the shortest lists whose names, more than half missing on both sides, say 'two teams'.
# An export's broken encoding garbles every name with a letter beyond ASCII ('HrubÃ½, HaÅ¡to'
# / 'Hruby, Hasto'), so one team's list of three can lose two names, already 'more than half';
# from four names on, at least three must be missing on each side.
LISTS_APART_MIN = 4


def lists_apart(ka: Keys, kb: Keys) -> bool:
    """More than half of each list's first names (n, the shorter list's length) named nowhere
    in the other (:func:`score.lists_unmatched`): two teams, even where the first authors
    appear in each other's lists (abstracts of one meeting issue: 'Strobel, Dahse, Liu, ...,
    Zipfel' / 'Jozsi, Strobel, Zipfel, Richter, ...'). One list written two ways loses a name
    or two to spelling or to an export's broken encoding ('HrubÃ½, HaÅ¡to, MinÃ¡rik' / 'Hruby,
    Hasto, Minarik'), not half of a list of four or more; shorter lists are left alone."""
    n = min(len(ka.surnames), len(kb.surnames))
    if n < LISTS_APART_MIN:
        return False
    missing_a, missing_b = lists_unmatched(ka, kb)
    return 2 * missing_a > n and 2 * missing_b > n


def authors_differ_no_page(p: Pair) -> Outcome:
    """Author lists of other people (:func:`authors_apart`, or :func:`lists_apart` compared
    name by name), and no page: a commentary or an editorial printed under its article's title
    in the same issue, a companion paper by another part of the team, two abstracts of one
    meeting issue. One article in two exports keeps its first author and its list."""
    if unplaced(p) and (authors_apart(p) or lists_apart(p.ka, p.kb)):
        return to_person(p)
    return None


# A small team's list, as companion papers' are (two to four names): a database that drops a
# co-author or splits one drops it from a long list (haematology: Niaudet missing from one
# copy of a list of nine; srsr: a list of ten shifted by a name run into the next)
SMALL_TEAM = 4


def _one_issue(ka: Keys, kb: Keys) -> bool:
    """One issue number and one volume as written. Two records without a volume are judged
    too: journals numbered by issue alone within a year (many national journals; the year,
    which the merging rules compare, stands for the volume) print companion papers side by
    side as others do, and the rule only sends to a person a pair a merging rule would take.
    A volume on one side only is not one issue: the other record may be in any volume.
    Measured (dedup46a): on the ten labelled sets and the dedup-stress variants no pair has
    one issue and no volume on either side where the rule speaks, so either reading gives the
    same merges and queue (benchmarks/results/dedup-stress.md)."""
    return bool(ka.issue) and ka.issue == kb.issue and ka.volume == kb.volume


def companion_paper_one_issue(p: Pair) -> Outcome:
    """One volume and issue, titles not the same, lists of a small team (:data:`SMALL_TEAM`)
    where one names another co-author (:func:`names.another_co_author`), and no page: one
    team's companion papers printed side by side ('Senior, Sherratt' / 'Senior, Robson,
    Sherratt', Biochem J 110(3) 511-519 / 521-527; Arzneimittelforschung 20(8) 998-1003 /
    1004-1009), which their pages told apart. One article in two exports keeps its title and
    its names, each perhaps spelt another way. A person decides."""
    ka, kb = p.ka, p.kb
    if not (unplaced(p) and _one_issue(ka, kb)):
        return None
    if ka.title == kb.title or max(len(ka.surnames), len(kb.surnames)) > SMALL_TEAM:
        return None
    if not names_swapped(ka, kb) and another_co_author(ka.surnames, kb.surnames):
        return to_person(p)
    return None


def year_apart_no_place(p: Pair) -> Outcome:
    """A short title (under LONG_TITLE folded characters), years one apart, no volume on
    either side, no page on one side and no DOI in common: nothing fixes the place, and a
    short title is what a journal prints every year (a society's 'Standards of Medical Care in
    Diabetes', an 'Annual report', a column's name), so title, journal and authors that agree
    say nothing of the year. A person decides. A long title is left to the rules: two
    databases' online-first copies of one article, both without a volume, dated the online
    year and the print year (dedup-stress a_no_doi, srsr: three true pairs, Biol Psychiatry,
    J Infect, BBA); a trial's protocol and results under one long title stay that rare kind.
    With a volume on one side the pair is judged as before too: the ten labelled sets date an
    online-first copy either side of print (Frontiers, Minerva: the one without a volume the
    later). Left to their own rules: a meeting's abstract (its supplement may be dated the year
    before or after the meeting; meeting_abstract_no_page, two_editions_no_page) and the
    versions of a review kept up to date, which the labelled sets join
    (living_review_versions)."""
    ka, kb = p.ka, p.kb
    if not (ka.year and kb.year) or abs(ka.year - kb.year) != 1:  # type: ignore[operator]
        return None
    if ka.conference or kb.conference or ka.living or kb.living:
        return None
    short = min(len(ka.title), len(kb.title)) < LONG_TITLE
    if short and unplaced(p) and not (ka.volume or kb.volume):
        return to_person(p)
    return None


def meeting_abstract_no_page(p: Pair) -> Outcome:
    """A meeting's abstract (the journal names a conference) and a journal record, a page
    missing: two publications of one study (the abstract on a supplement page 'S84', the
    article on '185-187') when the journal's record gives an article's range of pages, or is a
    year apart in a numbered issue or in a volume naming no issue. Abstracts are printed in
    supplements and meeting issues: without a range the journal's record may be the same
    abstract indexed there ('136(Supplement 1)', '71(6) 507', '9(s2) 499-711'), under the
    congress's year or the supplement's, one record that still merges. A journal record needs
    a volume: without one it may be a proceedings the conference test missed ('ICIS : ...'),
    and an abstract against an article online first is meeting_abstract_online_first's.
    With pages on both sides the rules after this one decide as before
    (meeting_abstract_and_article)."""
    ka, kb = p.ka, p.kb
    if ka.conference == kb.conference or not unplaced(p):
        return None
    abstract, article = (ka, kb) if ka.conference else (kb, ka)
    if not article.volume:  # a paper of a proceedings the regex did not mark ('ICIS : ...')
        return None
    ranged = (article.page_count or 0) in ARTICLE_PAGES
    # A year apart, the journal's record in a numbered issue, or in a volume with no issue or
    # supplement read (a citation list's 'Psychoneuroendocrinology 49', 2014, beside the 2015
    # meeting's abstract, which gives no volume): the article. The same abstract indexed in the
    # journal is in the meeting's supplement or issue, which its record names, or in the
    # volume the abstract's own record gives (FASEB J 25 'Meeting Abstracts', an issue the
    # keys do not read as one, on both records: one abstract, a year's slip between them).
    regular = article.issue_number or not (
        article.issue or article.supplement or abstract.volume == article.volume
    )
    if ranged or (ka.year != kb.year and regular):
        return to_person(p)
    return None


# The pages of a meeting's abstract as printed: one page ('S123', an abstract number '4012'),
# two ('S311-S312'), or the whole supplement's range that Embase gives each of its abstracts
# (over ARTICLE_PAGES). A range of 3 to 60 pages in a supplement is an article printed there
# (Minerva Stomatol 62 Suppl 12: 39-58, a review joined to its copy a year later in srsr).
ABSTRACT_PAGES_MAX = 2


def _printed_as_abstract(k: Keys) -> bool:
    """A meeting's abstract by its record: in a supplement ('Suppl 1', PubMed's '15_suppl'),
    on a supplement's page ('S123'), or under a conference's name in a journal's volume
    (Embase's 'Journal. Conference: ...'); on no article's range. A conference's own
    proceedings give no volume, and their papers are indexed again a year later without
    one ('International Conference on Information Systems' 2017 / 'ICIS : ...' 2018,
    digital_work, joined): with their pages dropped they would read as abstracts."""
    if ABSTRACT_PAGES_MAX < (k.page_count or 0) < ARTICLE_PAGES.stop:  # an article's range
        return False
    return bool(k.supplement or k.page_section == "s" or (k.conference and k.volume))


def _online_first(k: Keys) -> bool:
    """A journal article given online before print: no volume, issue, page or supplement."""
    return not (k.volume or k.issue or k.first_page or k.supplement or k.conference)


def meeting_abstract_online_first(p: Pair) -> Outcome:
    """A meeting's abstract (:func:`_printed_as_abstract`) and an article published online
    first (:func:`_online_first`) in another year: the team's abstract and its paper, two
    publications of one study, which the labelled sets keep apart (of the abstract-article
    pairs a year apart with titles alike on the ten sets, 115 apart, 10 joined), not one
    record printed twice. Title, journal and authors agree and nothing conflicts, so
    biblio_match would merge them; meeting_abstract_no_page and meeting_abstract_and_article
    need the article's volume. A person decides. In one year an online-first record is more
    often the abstract itself indexed again (labels: 43 joined, 8 apart): the rules decide as
    before."""
    ka, kb = p.ka, p.kb
    if not (ka.year and kb.year) or ka.year == kb.year or p.same_doi:
        return None
    for abstract, article in ((ka, kb), (kb, ka)):
        if _printed_as_abstract(abstract) and _online_first(article):
            return to_person(p)
    return None


def same_doi_no_page(p: Pair) -> Outcome:
    """One DOI, a first page missing, titles not the same and either a word swapped
    ('... in men trying to conceive' / '... in pregnant women') or author lists of other
    people: abstracts of one meeting supplement under the supplement's DOI (Wiley, Oxford give
    one to a whole supplement), which their pages ('S635' / 'S231') told apart. One article in
    two exports under its own DOI keeps its title or its first authors. Titles the same are
    asked for both: other people and abstracts that open differently (a debate's two pieces).
    Asked before same_doi; with a first page on both sides same_doi decides as before."""
    ka, kb = p.ka, p.kb
    if not p.usable_doi or (ka.first_page and kb.first_page):
        return None
    if ka.living or kb.living:  # a review kept up to date: new versions retitled, one DOI
        return None
    if p.t >= TITLE_SAME:
        # one title: a debate's pro and con under the supplement's DOI ('Allergen immunotherapy
        # is useful in the treatment of childhood asthma' and the same '(CON)', the bracket
        # folded away), told apart by two fields at once, other people and other abstracts;
        # one article's copies keep at least one of them
        if authors_apart(p) and abstract_openings_differ(ka.abstract, kb.abstract):
            return UNCERTAIN, p.t / 100
        return None
    if p.t < TITLE_DOI_MIN:  # under TITLE_DOI_MIN same_doi_titles_differ queues
        return None
    if authors_apart(p) or swapped_word(ka.title, kb.title):
        return UNCERTAIN, p.t / 100
    return None
