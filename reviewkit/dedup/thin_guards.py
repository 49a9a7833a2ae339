"""Guards for thin exports: pairs a merging rule would take where the field that told the two
works apart on full records (page, DOI, abstract) is missing, and a weaker field still does.

Read pair by pair on the dedup-stress benchmark (benchmarks/results/dedup-stress.md, rows
i_minimal): each guard below is a kind of record, names what told the two apart
when the field was there and what still does, and sends the pair to a person (uncertain) only
when a merging rule would otherwise take it. A pair that the merging rules leave alone adds
nothing to the queue. With the telling field on both sides (a first page, one DOI) the guards
that need it missing stay silent, so full records are judged as before.
"""

from __future__ import annotations

import re

from reviewkit.dedup.normalise import Keys
from reviewkit.dedup.pair import TITLE_NEAR, TITLE_SAME, Outcome, Pair
from reviewkit.dedup.score import (
    UNCERTAIN,
    one_digit_typo,
    volume_is_supplement,
    volumes_compatible,
)
from reviewkit.dedup.unplaced import to_person, unplaced


def _supplement_elsewhere(sup: Keys, other: Keys) -> bool:
    """``sup`` sits in a supplement whose issue field gives its numbers ('Supplement 259',
    '9 Suppl 1'), ``other`` in a plain numbered issue, and none of the supplement's numbers is
    that issue. Databases write a supplement to issue 3 as '3 Suppl' or as plain '3', so a
    number in common may be one issue; a supplement known only from the volume field ('83 (9
    Supplement 1)', its issue unread by the keys) or a meeting's 'var.pagings' gives no number
    to compare, and says nothing."""
    if not (sup.supplement and sup.issue and other.issue_number) or other.supplement:
        return False
    return _no_number_in_common(sup, other)


def _no_number_in_common(sup: Keys, other: Keys) -> bool:
    """None of the supplement's numbers (its issue's, its own) is ``other``'s issue number."""
    return other.issue_number not in (sup.issue, sup.supplement)


def _supplement_page_elsewhere(sup: Keys, other: Keys) -> bool:
    """``sup`` is a meeting's abstract on a supplement's page ('S84-S85', Embase's 'var.pagings')
    without an issue number, ``other`` a record in a plain numbered issue, no supplement or page
    named: the page puts the abstract in the congress supplement, the issue the other outside
    it. Only a meeting's abstract: MEDLINE writes an article of a supplement to issue 2 as '2'
    (Curr Oncol 23(2) S8-S14, Embase '23 ()(pp S8-S14)': one article, a true pair of the
    depression set this would queue), and a supplement of issue 2 written '2' on both records
    carries that number on both. A number the abstract's issue field gives that is the other's
    issue is one place, as in :func:`_supplement_elsewhere` ('2 Suppl 1' / '2', 'Suppl 1' / '1')."""
    return (
        sup.conference
        and sup.page_section == "s"
        and not sup.issue_number
        and bool(other.issue_number)
        and not (other.supplement or other.first_page)
        and _no_number_in_common(sup, other)
    )


def supplement_and_issue_no_page(p: Pair) -> Outcome:
    """One record in a supplement, the other in another numbered issue of the volume, a page
    missing: a meeting's abstract and the team's article of one title in one year ('95
    (Supplement 259)' / '95(8)', '31(Supplement 1)' / '31(12)'), which the supplement's page
    ('S189') and the article's range ('2085-2097') told apart. A supplement is an issue of its
    own, so the two records name two places; one article exported twice names one. Without a
    page a person decides."""
    ka, kb = p.ka, p.kb
    if unplaced(p) and any(
        f(x, y)
        for f in (_supplement_elsewhere, _supplement_page_elsewhere)
        for x, y in ((ka, kb), (kb, ka))
    ):
        return to_person(p)
    return None


_SUPPLEMENT_SERIES = frozenset({"suppl", "supplement", "supplementum"})


# A volume written as a year ('1995'): a journal numbering by year, or an export's year in the
# volume field, never a second volume; it need not be the record's own year (a slip in either).
_YEAR_LIKE = re.compile(r"(?:18|19|20)\d\d")


def _volumes_apart(ka: Keys, kb: Keys) -> bool:
    """Both records give a volume of two digits or more and no reading makes them one: not
    equal, not one cut short of the other, not a supplement's number, not a one-digit slip,
    not the year. (A one-digit volume is often what an export left of '(Suppl. 1)'; journals
    that number by year, and Embase's '2015 (2)' in the journal field, give the year as the
    volume: 'Zh Nevrol Psikhiatr 115(2)' / '2015(2)', one article.)"""
    a, b = ka.volume, kb.volume
    years = {str(ka.year), str(kb.year)}
    return (
        min(len(a), len(b)) >= 2
        and not ({a, b} & years)
        and not (_YEAR_LIKE.fullmatch(a) or _YEAR_LIKE.fullmatch(b))
        and not volumes_compatible(a, b)
        and not volume_is_supplement(ka, kb)
        and not one_digit_typo(a, b)
    )


def one_range_two_journals(p: Pair) -> Outcome:
    """One title and one page range in two volumes of one year, journal names not known to be
    one journal: a report printed in two journals at once (a workshop's consensus report in
    'J Periodontol 84(4 Suppl) S30-S50' and 'J Clin Periodontol 40(Suppl 14) S30-S50'). The
    merging rules excuse a volume that differs when the page agrees (a volume mistyped); on full
    records the two DOIs told these apart. Two volumes under names that may be two journals
    are two journals' issues, and so are two volumes under two DOIs when an abbreviation made
    the names one ('J Periodontol' for both); a supplement series ('Acta Neurol Scand Suppl')
    numbers its own volumes, so a name that says supplement is left to the rules after. A
    person decides (PRISMA counts the two printings as two reports of one study)."""
    ka, kb = p.ka, p.kb
    if p.same_doi or (p.jm is True and not p.doi_differs) or not (p.same_page and p.same_year):
        return None
    if not (ka.last_page and ka.last_page == kb.last_page and _volumes_apart(ka, kb)):
        return None
    if _SUPPLEMENT_SERIES & (set(ka.journal) | set(kb.journal)):
        return None
    if p.t >= TITLE_NEAR and p.conflicts == 0:
        return UNCERTAIN, p.score
    return None


def one_page_two_volumes(p: Pair) -> Outcome:
    """One first page in two volumes of two years, the ranges ending on two pages: a recurring
    section's heading ('Special Section: Competitive Strategy, Economics, and Information
    Systems', J Manag Inf Syst 2009 26(2) 7-13 / 2010 27(3) 7-10) opens each year's section on
    the same page. The merging rules excuse a volume that differs when the first page agrees
    (a volume mistyped, a print year a year after the online one); a slip explains one field,
    not the volume, the year and the last page at once. On full records the two DOIs told these
    apart (doi_differs). A person decides."""
    ka, kb = p.ka, p.kb
    if p.same_doi or not p.same_page or p.same_year:
        return None
    if not (ka.year and kb.year):  # a year missing is no second year: two slips, not three
        return None
    if ka.page_starts or kb.page_starts:  # several ranges ('681-2, 685, 692'): no one last page
        return None
    if ka.last_page and kb.last_page and ka.last_page != kb.last_page and _volumes_apart(ka, kb):
        return to_person(p)
    return None


def two_editions_no_page(p: Pair) -> Outcome:
    """Two conference records whose meetings' names give two editions ('22nd International
    Congress ...' / '21st IFCC-EFLM European Congress ...'), a page missing: one abstract
    presented at two meetings, a year apart or in one, two reports a review counts apart. Two
    databases' names of one meeting keep its number; its pages, or the year, told these apart
    on full records. A person decides. A joint meeting's name gives each partner's edition
    ('22nd ... joint with the 21st ...'), and another database may name one partner only: one
    edition in common is one meeting."""
    ka, kb = p.ka, p.kb
    if (
        ka.editions
        and kb.editions
        and set(ka.editions.split()).isdisjoint(kb.editions.split())
        and unplaced(p)
    ):
        return to_person(p)
    return None


def two_proceedings_no_page(p: Pair) -> Outcome:
    """Two conferences' proceedings whose names may be two conferences ('International
    Conference on Information Systems' / 'Hawaii International Conference on System
    Sciences'), titles not the same (one extends the other: 'Effects of IT-enabled monitoring
    ...' / 'Moral hazards and effects of IT-enabled monitoring ...'), a page missing: a paper
    and its longer version at another meeting, two publications. One proceedings paper
    indexed twice keeps its title (ECIS 2019 / 2020, titles equal); its pages, or the year,
    told these apart. A person decides."""
    ka, kb = p.ka, p.kb
    if ka.conference and kb.conference and p.jm is None and p.t < TITLE_SAME and unplaced(p):
        return to_person(p)
    return None


# --- titles that name two items of one team ------------------------------------------------

# What a prefix adds to a word of a title to name another compound or its opposite ('alkylidene' /
# 'aralkylidene', 'typical' / 'nontypical', 'oxide' / 'dioxide'): two or three letters. One
# letter more or less at a word's start is as often an export's typo ('DGUIDELINES',
# 'IPPOCAMPAL' in srsr's Embase records) and says nothing, but for the one homologue one letter
# apart: 'meth-' / 'eth-' ('methanamine' / 'ethanamine', 'methyl' / 'ethyl'), a chemist's
# other compound. (British spelling's one letter more, 'aetiology' / 'etiology', 'oestrogen' /
# 'estrogen', is one word: left alone with the typos.) The homologue is read only where 'eth'
# opens a carbon chain's root ('ethyl', 'ethane', 'ethanol', 'ethene', 'ethoxy', 'ethyne'): an
# export's lost 'M' of 'Methods', 'Methodological' or 'Methotrexate' is the same typo as
# 'IPPOCAMPAL' and names no other compound.
_PREFIX_LETTERS = range(2, 4)
_ETHYL_ROOTS = ("ethyl", "ethan", "ethen", "ethox", "ethyn")
_PREFIXED_MIN = 5  # the shorter word at least this long: a prefix to a short word may be a typo


def _prefixed(short: str, long_: str) -> bool:
    """``long_`` is ``short`` with a prefix that names another compound (see above)."""
    prefix = long_[: len(long_) - len(short)]
    if not (long_.endswith(short) and len(short) >= _PREFIXED_MIN and prefix.isalpha()):
        return False
    if prefix == "m":
        return short.startswith(_ETHYL_ROOTS)
    return len(prefix) in _PREFIX_LETTERS


def _word_apart(title_a: str, title_b: str) -> tuple[str, str] | None:
    """The one word two folded titles of one length differ in, or None."""
    wa, wb = title_a.split(), title_b.split()
    if len(wa) != len(wb):
        return None
    apart = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    return apart[0] if len(apart) == 1 else None


def _is_greek(letter: str) -> bool:
    """The letter is of the Greek and Coptic block (folded titles keep Greek letters)."""
    return "\u0370" <= letter <= "\u03ff"


def _names_another_item(title_a: str, title_b: str) -> bool:
    """Two folded titles the same but for one word that names another item: another letter of
    a series ('International Multifoods - Case A' / '... Case B'; a number is read by
    :func:`score.numbers_conflict`), or a word with a prefix added ('... ethanamine ...' /
    '... methanamine ...', '2-(N'-alkylidenehydrazino)...' / '2-(N'-aralkylidenehydrazino)...'):
    a team's companion papers on two compounds or two cases, in one issue. An export's own slips
    (a letter lost or added at a word's start, accents, hyphens, Greek letters) are not read as
    another item (:func:`_prefixed`; a Greek letter against a Latin one; hyphens change the
    words' number)."""
    apart = _word_apart(title_a, title_b)
    if apart is None:
        return False
    x, y = apart
    if len(x) == len(y) == 1:
        # a Greek letter against a Latin one is an export's transliteration (TNF-alpha's Greek
        # letter written 'a', beta-blockers' 'b', interferon gamma's 'g' or 'y'), no other item;
        # two Latin or two Greek letters (oestrogen receptor alpha / beta) are two items
        return x.isalpha() and y.isalpha() and _is_greek(x) == _is_greek(y)
    short, long_ = sorted(apart, key=len)
    return _prefixed(short, long_)


def another_item_no_page(p: Pair) -> Outcome:
    """Titles one word apart where the word names another item (:func:`_names_another_item`),
    no page: the first pages told a team's two papers in one issue apart; without them year,
    journal, volume, issue and authors agree. A person decides."""
    if unplaced(p) and _names_another_item(p.ka.title, p.kb.title):
        return to_person(p)
    return None


# A heading or kicker a journal or a database puts before a title names a section and ends
# there, before a colon ('Review:', 'Images in clinical medicine:', 'The 75th annual meeting
# special lecture:'). Words before another whole title that end on a preposition or a
# conjunction run on into it: one sentence, a title of its own that holds the other's words at
# its end ('The effect of enzymes and other reagents on NADPH oxidation and | oxygen uptake by
# ...', 'Presynaptic inhibition: the mechanism of | protection from habituation ...'), a team's
# other paper. (Folded titles keep no colon; the last word before the other title is read.)
_RUN_ON_WORDS_TEXT = (
    "and or but nor of on by for in to with from at into onto about between among after before"
    " during versus vs via within without"
)
_RUNS_ON = frozenset(_RUN_ON_WORDS_TEXT.split())
# Kickers that end on a preposition name the other title's kind in a word or three ('Summary
# of:', a database's structured abstract; 'Comment on:', 'In response to:'); a title running on
# opens with more ('Presynaptic inhibition: the mechanism of', five words).
RUN_ON_WORDS = 4


def _runs_on_into(title_a: str, title_b: str) -> bool:
    """One folded title is the end of the other, and what the other opens with before it
    (RUN_ON_WORDS words or more) ends on a preposition or a conjunction (:data:`_RUNS_ON`)."""
    short, long_ = sorted((title_a, title_b), key=len)
    if not short or not long_.endswith(" " + short):
        return False
    before = long_[: -len(short)].split()
    return len(before) >= RUN_ON_WORDS and before[-1] in _RUNS_ON


def longer_title_no_page(p: Pair) -> Outcome:
    """One title the end of the other, which opens with words running on into it
    (:func:`_runs_on_into`), no page: title_similarity reads words added in front as a heading
    (95), which merges a team's two papers of one issue once the pages are gone. A dropped
    subtitle (the other end) is left to the rules: exports drop subtitles. A translated title
    with its original after it ('Crowdwork: ... [Arbeiten in der Crowd: ...]') holds the other
    record's title at its end by design: left to the rules. A person decides."""
    ka, kb = p.ka, p.kb
    if ka.marked_translation or kb.marked_translation:
        return None
    if unplaced(p) and _runs_on_into(ka.title, kb.title):
        return to_person(p)
    return None


# Phrases a subtitle uses to name another report of one study than its main paper: an
# analysis after it ('secondary analysis', 'post hoc', 'subgroup analysis'), a later one
# ('follow-up', 'long-term results', '5-year outcomes', 'extension study'), one before it
# ('study protocol', 'rationale and design'), or another question ('economic evaluation',
# 'cost-effectiveness analysis', 'process evaluation'). A trial's reports often share the main
# paper's title up to that subtitle (CONSORT asks for the trial's name in each). Single words
# that open ordinary subtitles of the article itself are not read: 'pooled' ('an individual-
# level pooled analysis of 30 cohort studies'), 'rationale' ('rationale, indications and
# limits'), 'long-term' ('differences in long-term biodistribution'), a bare '12-week' (the
# trial's own length), 'secondary' ('secondary prevention'): dedup-stress i_minimal, srsr,
# holds 5 true pairs, one export having dropped such a subtitle, that they had queued.
_REPORT_PHRASE = (
    r"(?:(?:secondary|post hoc|posthoc|exploratory|subgroup|interim|final) analys[ie]s"
    r"|post ?hoc|follow ?up|final results|interim results|extension (?:study|phase)"
    r"|(?:long term|\d+ (?:year|month|week)s?) (?:results|outcomes|follow ?up|extension)"
    r"|(?:study|trial) protocol|rationale and design|design and rationale"
    # a study's protocol, not a clinical or imaging one ('a protocol for treatment of glioma')
    r"|protocol (?:for|of) (?:\w+ ){0,8}?(?:trial|study|review|evaluation|overview|analys[ie]s)s?"
    r"|economic evaluation|cost (?:effectiveness|utility) analysis|process evaluation)\b"
)
_OTHER_REPORT = re.compile(r"\b" + _REPORT_PHRASE)
# The phrase names the report only where it opens the subtitle, after an article and at most
# four words of design ('a 2-year follow-up of two trials', 'a cluster-randomised controlled
# trial protocol'). Later in it, after 'with', 'and', 'for' ..., it names the article's own
# design or subject: 'a safety study with 18 months of follow-up', 'a systematic review and
# economic evaluation' (a health technology assessment's own subtitle), a guideline's 'for
# diagnosis, treatment and follow-up', cytology's 'biopsy follow-up'. Of the ten labelled
# sets' distinct subtitles (after a colon, 22,155), 194 hold a phrase and 136 open with one;
# 38 of the 58 others hold 'follow-up' as such a design or subject.
_OPENS_WITH_REPORT = re.compile(
    r"^\s*(?:(?:a|an|the) )?"
    r"(?:(?!(?:with|and|or|for|of|in|on|to|from|by|after|during|at)\b)\w+ ){0,4}?" + _REPORT_PHRASE
)


def _subtitle_names_another_report(title_a: str, title_b: str) -> bool:
    """One folded title opens the other, and the words the longer adds open with a phrase
    naming another report of a study (:data:`_OPENS_WITH_REPORT`) that the shorter does not
    hold (:data:`_OTHER_REPORT`)."""
    short, long_ = sorted((title_a, title_b), key=len)
    if not short or not long_.startswith(short + " "):
        return False
    added = long_[len(short) :]
    return bool(_OPENS_WITH_REPORT.match(added)) and not _OTHER_REPORT.search(short)


def another_report_no_page(p: Pair) -> Outcome:
    """One title the other's with a subtitle naming another report of the study ('...: a
    secondary analysis of a randomised trial', '...: 5-year follow-up'), no page: the trial's
    main paper and a later report in one journal and year merged on title, journal, year and
    authors once the pages were gone (a dropped subtitle reads as one title). With a page on
    both sides the pages decide as before. A person decides; study links join the reports."""
    if unplaced(p) and _subtitle_names_another_report(p.ka.title, p.kb.title):
        return to_person(p)
    return None
