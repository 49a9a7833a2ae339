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
from reviewkit.dedup.pair import Outcome, Pair
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
