"""Titles one negating word apart: the other arm or the other population, not the same paper.

'Surgical treatment of X' / 'Non-surgical treatment of X', 'insulin-dependent' /
'non-insulin-dependent diabetes', '... is mediated by ...' / '... is not mediated by ...': a
team's companion papers in one issue share every other word, so title_similarity reads them 95
or more alike, and with journal, volume, year and authors agreeing biblio_match merged them
once an export had dropped the first pages that told them apart. An export shortens or marks a
title (a heading, a subtitle, a Greek letter lost); it does not add or drop a negation inside
it. A sex named in the singular ('... in man' / '... in woman') is read with the population
groups (:mod:`.populations`).
"""

from __future__ import annotations

from difflib import SequenceMatcher

from reviewkit.dedup.pair import Outcome, Pair
from reviewkit.dedup.unplaced import to_person, unplaced

# Words that, written before another word of a folded title, name its opposite: 'non' (the
# folded 'non-', hyphen gone) and 'not'. Left out: the prefix glued to its word ('nonsurgical'
# / 'surgical', one word apart: thin_guards.another_item_no_page reads it); 'anti', which opens
# drug and antibody names ('anti-TNF') and which exports write glued or apart ('antianginal' /
# 'anti anginal', depression: true pairs); 'un' and 'no', which are more often French's 'un'
# and the abbreviation 'No.' than a hyphened prefix; 'without', which replaces 'with' (a word
# swapped: sparse.swapped_word) rather than being inserted.
NEGATING = frozenset(["non", "not"])


def negation_inserted(title_a: str, title_b: str) -> bool:
    """One folded title holds a negating word (:data:`NEGATING`) where the other holds none,
    before a word both share: at the start ('non surgical treatment of ...') or inside ('in non
    diabetic patients'). Written glued on one side and apart on the other ('nonsmallcell' /
    'non small cell') the word is replaced, not inserted: one title spelt two ways."""
    wa, wb = title_a.split(), title_b.split()
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if tag == "insert":
            words, before_shared = wb[j1:j2], j2 < len(wb)
        elif tag == "delete":
            words, before_shared = wa[i1:i2], i2 < len(wa)
        else:
            continue
        if before_shared and len(words) == 1 and words[0] in NEGATING:
            return True
    return False


def negation_no_page(p: Pair) -> Outcome:
    """Titles one negating word apart (:func:`negation_inserted`), no first page on one side
    and no DOI in common: two papers on opposite arms or populations of one team in one issue,
    which their pages told apart. A person decides; with a first page on both sides the pages
    decide as before."""
    if unplaced(p) and negation_inserted(p.ka.title, p.kb.title):
        return to_person(p)
    return None
