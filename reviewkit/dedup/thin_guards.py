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
    return other.issue_number not in (sup.issue, sup.supplement)


def supplement_and_issue_no_page(p: Pair) -> Outcome:
    """One record in a supplement, the other in another numbered issue of the volume, a page
    missing: a meeting's abstract and the team's article of one title in one year ('95
    (Supplement 259)' / '95(8)', '31(Supplement 1)' / '31(12)'), which the supplement's page
    ('S189') and the article's range ('2085-2097') told apart. A supplement is an issue of its
    own, so the two records name two places; one article exported twice names one. Without a
    page a person decides."""
    ka, kb = p.ka, p.kb
    if unplaced(p) and (_supplement_elsewhere(ka, kb) or _supplement_elsewhere(kb, ka)):
        return to_person(p)
    return None


_SUPPLEMENT_SERIES = frozenset({"suppl", "supplement", "supplementum"})


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
