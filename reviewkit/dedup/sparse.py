"""Rules for records whose export dropped the fields that tell two works apart.

Exports from other databases drop DOIs, pages or abstracts. Rules written for full records
read a field's absence as 'no contradiction', so a pair that the page or the DOI kept apart
merged on title and weak fields (year, journal, volume, authors) once those were gone
(measured in benchmarks/results/dedup-stress.md). These rules, asked before the ones that
merge, send such pairs to a person instead.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from rapidfuzz.distance import Indel

from reviewkit.dedup.pair import (
    AUTHORS_AGREE,
    TITLE_DOI_MIN,
    TITLE_NEAR,
    TITLE_SAME,
    Outcome,
    Pair,
)
from reviewkit.dedup.score import UNCERTAIN, lists_unmatched

# Greek letters spelled out: exports drop or spell the symbol ('NF-κB' -> 'nf b' / 'nf kappab'),
# so a letter's name against nothing, or against its initial, is one title written two ways.
_GREEK = frozenset(
    [
        "alpha",
        "beta",
        "gamma",
        "delta",
        "epsilon",
        "zeta",
        "eta",
        "theta",
        "iota",
        "kappa",
        "lambda",
        "mu",
        "nu",
        "xi",
        "omicron",
        "pi",
        "rho",
        "sigma",
        "tau",
        "upsilon",
        "phi",
        "chi",
        "psi",
        "omega",
    ]
)
SPELLING = 0.75  # two words this alike are one word spelt two ways ('randomized' / 'randomised')
# Prefixes whose swap names the opposite or another place, level or direction, never a spelling
# ('hypertension' / 'hypotension', 'preoperative' / 'postoperative', 'intracellular' /
# 'extracellular'): the words share the rest, so they read 75-90 alike, over SPELLING. Two or
# more letters change at once, which no export's slip or national spelling does (those change
# a letter: 'ischaemic' / 'ischemic'). Left out: 'ab' / 'ad' ('abduction' / 'adduction'), one
# letter, which OCR confuses (b / d). Measured (rd46d): of the 178 word pairs the tolerance read
# as one word in the merged and queued pairs of the ten labelled sets (full, a, e, i, j), one
# has such prefixes, a true pair at 98.9 where no rule asks swapped_word (cardiac's
# 'hyperthermic' / 'hypothermic cardioplegic arrest', a database's slip): no verdict moves.
_OPPOSITE_PREFIXES = (
    ("hyper", "hypo"),
    ("hyper", "normo"),
    ("hypo", "normo"),
    ("pre", "post"),
    ("intra", "extra"),
    ("inter", "intra"),
    ("inter", "extra"),
    ("in", "ex"),
    ("sub", "supra"),
    ("sub", "super"),
    ("endo", "exo"),
    ("micro", "macro"),
    ("up", "down"),
    ("pro", "anti"),
    ("homo", "hetero"),
)
_STEM_MIN = 4  # what follows the prefixes: a word's root ('tension', 'operative'), not a syllable


def _ordinary(word: str, other_title_ns: str) -> bool:
    """A word that says something: letters only, two or more, not a Greek letter's name, and
    not a piece of a word of the other title ('b' of 'kappab', 'way' of 'withway')."""
    return len(word) >= 2 and word.isalpha() and word not in _GREEK and word not in other_title_ns


def _abbreviation(x: str, y: str) -> bool:
    """One word is the other cut short, as exports and authors write them: 'vs' / 'versus',
    'st' / 'saint', 'dept' / 'department': the short one (four letters at most, two fewer than
    the long one) begins as it does and keeps its letters in order. 'men' / 'women', 'vivo' /
    'vitro' and 'first' / 'third' are not."""
    short, long_ = sorted((x, y), key=len)
    if len(short) > 4 or len(long_) < len(short) + 2 or short[0] != long_[0]:
        return False
    rest = iter(long_)
    return all(c in rest for c in short)  # a subsequence: each letter found after the last


def _opposite_prefixes(x: str, y: str) -> bool:
    """Two words one root apart by prefixes that name opposites (:data:`_OPPOSITE_PREFIXES`)."""
    for p, q in _OPPOSITE_PREFIXES:
        for a, b in ((x, y), (y, x)):
            root = a[len(p) :]
            if a.startswith(p) and len(root) >= _STEM_MIN and b == q + root:
                return True
    return False


def _one_word(x: str, y: str) -> bool:
    """One word spelt two ways or written short: alike (:data:`SPELLING`) but for opposite
    prefixes, or an abbreviation."""
    alike = Indel.normalized_similarity(x, y) >= SPELLING and not _opposite_prefixes(x, y)
    return alike or _abbreviation(x, y)


def swapped_word(title_a: str, title_b: str) -> bool:
    """Each folded title holds an ordinary word the other lacks, and the two are not one word
    spelt two ways: 'long term' / 'short term', 'in vitro' / 'in vivo', 'limited' / 'no prior
    experience', 'first issue' / 'third issue', 'hypertension' / 'hypotension'. A dropped
    subtitle or a heading adds words on one side only; a lost Greek letter or hyphen leaves a
    piece of a word; an abbreviation ('vs' / 'versus') is one word written short
    (:func:`_one_word`)."""
    wa, wb = title_a.split(), title_b.split()
    only_a = [w for w in wa if w not in wb and _ordinary(w, title_b.replace(" ", ""))]
    only_b = [w for w in wb if w not in wa and _ordinary(w, title_a.replace(" ", ""))]
    return bool(only_a and only_b) and not any(_one_word(x, y) for x in only_a for y in only_b)


def _substituent(words: list[str]) -> bool:
    """Folded words that are a piece of a systematic chemical name: a locant (a bare number)
    and a substituent's name, which ends in 'yl' ('4 2 methoxynap hthalen 1 yl butyl': methyl,
    butyl, phenyl, piperazinyl, the bare '1 yl'). An export that drops text in square brackets
    (read as a translated title's marks) drops such a piece from a compound's name. A number
    alone is not enough: a companion paper's own qualifier holds numbers too ('in type 2
    diabetic rats', 'in 12 week old rats')."""
    return any(w.isdigit() for w in words) and any(w.endswith("yl") for w in words)


def word_inserted(title_a: str, title_b: str) -> bool:
    """One folded title holds an ordinary word inside the words both share, where the other
    holds none: 'in rats' / 'in diabetic rats', 'of insulin on' / 'of insulin and glucagon
    on', 'treatment of' / 'treatment of recurrent'. A companion paper of one team names its
    own factor, population or organ there; an export that shortens or marks a title adds or
    drops words at its ends only (a heading, a subtitle, '(author's transl)'), and a lost Greek
    letter ('mediated by delta1 but not mu or kappa opioid' / 'by but not mu or opioid') or a
    piece of a word is no ordinary word (:func:`_ordinary`); a locant and a substituent are a
    piece of a chemical name an export lost with its brackets (:func:`_substituent`: 'ethyl 4
    4 2 methoxynap hthalen 1 yl butyl piperazine' / 'ethyl 4 piperazine', depression)."""
    wa, wb = title_a.split(), title_b.split()
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if tag not in ("insert", "delete") or not (i1 > 0 and j1 > 0):
            continue  # words swapped (swapped_word) or added before the shared ones
        if i2 == len(wa) or j2 == len(wb):
            continue  # added after the shared words: a subtitle, a mark
        words, other = (wb[j1:j2], title_a) if tag == "insert" else (wa[i1:i2], title_b)
        if _substituent(words):
            continue  # a chemical name's piece with its locants, lost with its brackets
        if any(_ordinary(w, other.replace(" ", "")) for w in words):
            return True
    return False


def _place_confirmed(p: Pair) -> bool:
    """The two records are at one place by a field that identifies it: one first page, or
    one DOI."""
    return p.same_page or p.same_doi


def title_word_swapped(p: Pair) -> Outcome:
    """Titles 95-98 alike that swap a word, with no page or DOI to say they are one article:
    companion papers ('long-term' / 'short-term' exposure), a series' issues ('Welcome to the
    first / third issue'), sister reviews. On full records the page or the DOI tells these
    apart; an export without them left only year, journal, volume and authors, which companion
    papers share. A person decides. With one page or one DOI, the swap is a typo or an
    edit and the rules after this one decide."""
    if (
        TITLE_NEAR <= p.t < TITLE_SAME
        and not _place_confirmed(p)
        and swapped_word(p.ka.title, p.kb.title)
    ):
        return UNCERTAIN, p.score
    return None


def journal_unsure_no_place(p: Pair) -> Outcome:
    """Two journal names that may be two journals ('Diabetologia' / 'Diabetes': neither one
    name nor clearly two), authors that do not agree, and no page or DOI in common: what
    agrees is the title, the year and perhaps a volume number, which means nothing across
    journals (two congresses' supplements both 'volume 1'). One study's abstracts at two
    meetings look like this; a person decides. What it costs is the copy of one article whose
    two exports both lost page and DOI and name its journal two ways; a copy that keeps a page
    or a DOI is confirmed by it and never reaches this rule.

    Authors 'do not agree' under AUTHORS_AGREE, or when a name inside the shorter list is
    missing from the other (names.names_unmatched): the similarity reads the first five names
    run together, so two lists one name apart score 81 and would pass for one (one team's two
    papers in two journals, a co-author in one list only; an example: Hartl 2015, J Hepatol /
    J Viral Hepat, 'Saunders'), while one list written two ways keeps its names."""
    ka, kb = p.ka, p.kb
    if (
        p.t >= TITLE_NEAR
        and ka.journal
        and kb.journal
        and p.jm is None
        and (p.au is None or p.au < AUTHORS_AGREE or any(lists_unmatched(ka, kb)))
        and not _place_confirmed(p)
        and p.conflicts == 0
    ):
        return UNCERTAIN, p.score
    return None


def same_doi_place_unknown(p: Pair) -> Outcome:
    """A conference abstract under one DOI with another record, titles that agree in part
    (TITLE_DOI_MIN to TITLE_NEAR) and a first page missing on one side: the DOI may be the
    session's or the supplement's, shared by its abstracts (titles that open alike, 'Focused
    Conference Group: P06 …'), and without pages nothing says the two are one item. Asked
    before same_doi, which merges such a pair when nothing contradicts; a person decides.
    Journal articles are left to same_doi: there a DOI is the article's, and records of
    journals that number articles instead of pages often carry no page at all."""
    ka, kb = p.ka, p.kb
    if (
        p.usable_doi
        and p.conference
        and TITLE_DOI_MIN <= p.t < TITLE_NEAR
        and not (ka.first_page and kb.first_page)
    ):
        return UNCERTAIN, p.t / 100
    return None


def untitled_same_place(p: Pair) -> Outcome:
    """A record without a title (a reference list's entry, imported by its citation:
    formats.findable.has_citation) at another's place (volume and first page) and year, in a
    journal that is not another one, the first authors agreeing: the citation is all there is
    to compare, and two short items may open on one page, so a person decides (queued); before,
    no_title kept it apart from its own article for good."""
    if (
        not p.titled
        and p.same_place
        and p.same_year
        and p.jm is not False
        and (p.au or 0) >= AUTHORS_AGREE
    ):
        return UNCERTAIN, (p.au or 0) / 100
    return None
