"""Author lists as dedup compares them: folded surnames, or given names when a list put them
in the family-name field; each author's surname one by one (:func:`surnames`,
:func:`names_unmatched`); the first author in reading order (:func:`first_person_key`).
Names are read through :mod:`reviewkit.author_names`."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Indel, Levenshtein

from reviewkit.author_names import (
    PARTICLES,
    full_names_glued,
    initial_letters,
    is_suffix,
    split_name,
    split_run_together,
    surname,
    without_particles,
)
from reviewkit.names_in_capitals import given_names_in_capitals, is_given_initials
from reviewkit.records import fold_text

# 'et al.' / 'and others' where an export cut the list ('Smith J, et al.', RIS 'AU  - et al.'):
# not a name. Kept, it made two lists cut after different first authors look alike
# ('barowyetal' / 'brownetal') and two papers of one first author look the same list.
_ET_AL = re.compile(r"[\s,;]*\b(?:et\.?\s*al\.?|and\s+others|others)\s*$", re.I)


def _without_et_al(authors: list[str]) -> list[str]:
    """The list as names (lists run together split, :func:`split_run_together`) without
    'et al.' entries and endings."""
    return [name for entry in authors for name in _names_in(entry)]


# one entry string read once (as author_names.surname); the keys ask five times
@lru_cache(maxsize=1 << 17)
def _names_in(entry: str) -> tuple[str, ...]:
    """The names one author entry holds, 'et al.' cut off, blank ones left out."""
    cut = (_ET_AL.sub("", n) for n in split_run_together(entry))
    return tuple(n for n in cut if n.strip())


def _family(name: str) -> str:
    """The family-name part the author key reads: the surname (author_names.surname), but the
    whole text of names in full run together ('Moraes ChristopherSun YuSimmons Craig A.',
    srsr's 9,319 lists), where no surname can be told from the given names after it:
    :func:`surnames` reads no name of such a list, and the key keeps all its words."""
    return name if full_names_glued(name) else surname(name)


def _without_suffixes(words: list[str]) -> list[str]:
    """A surname's folded words without the generational suffix one export writes into it and
    another apart or not at all ('cleveland jr', 'flack iii'). A suffix ends a surname, after
    it: a first word stays ('Ii', a Japanese surname, folds to the numeral 'ii'), and so does
    a numeral inside a group's name ('FUTURE II Study Group' is not 'FUTURE III ...')."""
    return words[:-1] if len(words) > 1 and is_suffix(words[-1], any_case=True) else words


def author_key(authors: list[str], limit: int = 5) -> str:
    """Folded surnames of the first ``limit`` authors, without spaces, lone initials or
    generational suffixes (:func:`_without_suffixes`, as :func:`surnames` reads them)."""
    names = _without_et_al(authors)[:limit]
    folded = (fold_text(_family(a)).split() for a in names)
    return "".join("".join(_without_suffixes([w for w in f if len(w) > 1])) for f in folded)


# How many names of a list the keys keep one by one (Keys.surnames), for records of
# multi-author papers: an export or a citation style that cuts a list keeps its first names (the
# NLM's Citing Medicine lists six before 'et al.'), and names_unmatched compares only the first
# n of both (n the shorter list's length), so ten names are enough to tell a team's papers
# apart; MEDLINE has listed all authors since 2000 (NLM Tech Bull 1999;311), and lists of
# hundreds (a consortium's) add nothing past the first ten but memory.
LISTED_NAMES = 10


def surnames(authors: list[str], limit: int | None = LISTED_NAMES) -> tuple[str, ...]:
    """Each author's surname as folded words without particles or lone initials, one item a
    name: ['Hansen, Kari', 'Marquez de la Plata C.'] -> ('hansen', 'marquez plata'); the
    first ``limit`` names, or all with None. Compared
    with :func:`one_surname`, a list's names can be read one by one."""
    names = _without_et_al(authors)
    if any(full_names_glued(n) for n in names):
        # names in full run together ('Wirka Robert C.Gore ShamoneVan Wagoner David R.', srsr's
        # 9,319 lists): no name ends where it can be read, so the list is not read name by name
        return ()
    return tuple(w for w in map(_surname_words, names[:limit]) if w)


@lru_cache(maxsize=1 << 17)  # one name string read once (as author_names.surname)
def _surname_words(name: str) -> str:
    """A name's surname as folded words, lone letters, suffixes and particles aside ('' if
    nothing is left)."""
    # generational suffixes as exports write them into the surname ('Cleveland Jr J. C.',
    # 'Flack Iii J. E.', 'Dorn G. W. 2nd'): one export writes them, another not
    words = _without_suffixes([w for w in fold_text(surname(name)).split() if len(w) > 1])
    # particles aside, unless the surname is one ('Le, Q. T.': Vietnamese Le, Chinese Du)
    return " ".join(without_particles(words))


# Two spellings of one surname, for author lists compared name by name (one_surname): exports
# garble letters ('Frassdorf' / 'Fradorf' for ß, 'Blaacutezquez' for an HTML entity),
# transliterate it two ways ('Shliakhto' / 'Shlyakhto') or mistype one ('Hickey' / 'Mickey');
# Indel similarity of 0.8 takes these (0.8-0.89) and leaves two people's surnames apart
# ('Robson' / 'Sherratt'). A letter changed costs two in Indel, so 0.8 allows one in a surname
# of five letters or more ('Smith' / 'Smyth' 0.8) and none in a shorter one, where one letter
# makes another common surname ('Wang' / 'Wong', 'Chen' / 'Chan' 0.75).
SPELLING_ALIKE = 0.8


def one_surname(a: str, b: str) -> bool:
    """Whether two :func:`surnames` items may be one person's surname: a word in common (a
    compound surname is written whole or in part: 'Marquez de la Plata' / 'de la Plata' /
    'Plata'; 'Fremeaux-Bacchi' / 'Fremeaux'), or one word spelt two ways (:data:`SPELLING_ALIKE`:
    'Shliakhto' / 'Shlyakhto Ye', two transliterations)."""
    wa, wb = a.split(), b.split()
    return any(
        x == y or Indel.normalized_similarity(x, y) >= SPELLING_ALIKE for x in wa for y in wb
    )


def names_unmatched(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, int]:
    """How many names of each of two :func:`surnames` lists are named nowhere in the other,
    among the first n of each, n the length of the shorter: an export that cuts a list keeps
    its first names in order, so a name past the shorter list's end says nothing, while a name
    inside it that the other list lacks is another person ('Nakanishi, Imamura, Ikegami' /
    'Nakanishi, Imamura, Maruyama'). Names are compared one by one (:func:`one_surname`), in any
    order. (0, 0) unless both lists hold two names or more: a list cut to its first author ('et
    al.') says nothing of the others."""
    n = min(len(a), len(b))
    if n < 2:
        return 0, 0
    missing_a = sum(not any(one_surname(x, y) for y in b) for x in a[:n])
    return missing_a, sum(not any(one_surname(y, x) for x in a) for y in b[:n])


# Two edits make one surname of two the one-by-one reading tells apart: OCR ('Garnboa' /
# 'Gamboa'), an umlaut written out or dropped ('Woelfl' / 'Wolfl'), a doubled letter
_MISSPELT = 2


def _may_be_one_name(x: str, y: str) -> bool:
    """Whether two surnames that :func:`one_surname` tells apart may still be one name an
    export broke: a spelling within :data:`_MISSPELT` edits (of the whole or of the first
    word: 'garnboa maria' / 'gamboa'), a name run together with its neighbour or cut from it
    ('stoychevtskaradjov' / 'stoychev'), or a particle cut off ('le' of 'Le Quintrec')."""
    return (
        min(len(x), len(y)) <= 2
        or x in y
        or y in x
        or Levenshtein.distance(x, y) <= _MISSPELT
        or Levenshtein.distance(x.split()[0], y.split()[0]) <= _MISSPELT
    )


def may_be_one_surname(x: str, y: str) -> bool:
    """Whether two folded surnames may name one person: alike (:func:`one_surname`) or one
    name an export broke (:func:`_may_be_one_name`)."""
    return one_surname(x, y) or _may_be_one_name(x, y)


def another_co_author(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one of two :func:`surnames` lists names another person among the first n of
    each (n the shorter's length, as :func:`names_unmatched` reads them): a name the other list
    lacks, and no name so lacking that may be one of the other's broken by an export
    (:func:`_may_be_one_name`). 'Senior, Sherratt' / 'Senior, Robson, Sherratt' and
    'Nakanishi, Imamura, Ikegami, Goto' / 'Nakanishi, Imamura, Maruyama' do; 'Belcheva,
    Stoychevtskaradjov, Danchev' / 'Belcheva, Stoychev, Karadjov, Danchev' does not."""
    n = min(len(a), len(b))
    if n < 2:
        return False
    lacking = [(x, b) for x in a[:n] if not any(one_surname(x, y) for y in b)]
    lacking += [(y, a) for y in b[:n] if not any(one_surname(y, x) for x in a)]
    return bool(lacking) and not any(_may_be_one_name(x, y) for x, other in lacking for y in other)


def given_names_key(authors: list[str], limit: int = 5) -> str:
    """Folded given names of the first ``limit`` authors, without spaces or initials: what
    :func:`author_key` gives for a list that put each given name in the family-name field
    ('Carignani, Andrea' -> 'andrea', as in 'Andrea, C.'). '' unless every author is written
    'Family, Given'."""
    authors = _without_et_al(authors)
    given = [a.split(",", 1)[1] for a in authors[:limit] if "," in a]
    if not given or len(given) < len(authors[:limit]):
        return ""
    return "".join(w for w in fold_text(" ".join(given)).split() if len(w) > 1)


def name_letters(authors: list[str], limit: int = 5) -> str:
    """Per name of the first ``limit``, the first letter of the surname (particles aside) and
    of the given names, folded: ['Qiu Y.', 'Chen, Xiaoming'] -> 'qy cx'; '' when a name has no
    given part after its surname (a group, initials first). For :func:`letters_swapped`."""
    pairs = [_letters(name) for name in _without_et_al(authors)[:limit]]
    return " ".join(pairs) if all(pairs) else ""


def _letters(name: str) -> str:
    """A name's surname letter (particles aside) and given initial, lower case ('Qiu Y.',
    'Qiu, Yumin' -> 'qy'); '' for a name :func:`surname` finds no given part in (a group,
    initials first). Read for every name of every record, so only the two letters are folded,
    and not cached: depression's names miss a cache of 131,072 (129,046 distinct among the
    first five), which cost 20 MB and saved no time (0.69 s with, 0.64 s without)."""
    if "," in name:
        family, given = name.split(",", 1)
    else:
        family = _family(name)
        given = " ".join(name.split()[len(family.split()) :])
    words = without_particles(family.split())
    pair = (words[0][:1] if words else "") + given.lstrip(" .,-'’")[:1]
    pair = pair.lower() if pair.isascii() else fold_text(pair).replace(" ", "")
    return pair if len(pair) == 2 and pair.isalpha() else ""


def letters_swapped(a: str, b: str) -> bool:
    """Whether two :func:`name_letters` keys are one list whose names one export wrote surname
    first and another read given name first: 'Qiu Yumin' (a Chinese name in its own order, no
    comma) taken for given name 'Qiu', surname 'Yumin' comes out 'Yumin Q.' beside 'Qiu Y.'.
    Read as one list when every name of the shorter list crosses (the surname's letter is the
    other's initial, and back: 'qy' / 'yq'), in order, and two names or more cross with two
    letters that differ. An exporter swaps a whole list, not one name; one name crossing is
    also two people ('Qiu Y.' / 'Yang Q.', Y. Qiu and Q. Yang) too often to count, so a list
    of one is never read so (its title and place still decide, a person at most)."""
    pa, pb = a.split(), b.split()
    n = min(len(pa), len(pb))
    if n < 2 or any(x != y[::-1] for x, y in zip(pa[:n], pb[:n], strict=True)):
        return False
    return sum(x[0] != x[1] for x in pa[:n]) >= 2


_GIVEN_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
CUT = "~"  # marks a first author whose surname ended at a particle (see first_person_key)


def _given_tokens(given: str, given_names: bool) -> list[str]:
    """Given names as folded words, initials as single letters: 'Q. M.' / 'QM' -> ['q', 'm'];
    'Quintrec M.' -> ['quintrec', 'm']; 'Jean-Pierre' -> ['jean', 'pierre']. Where the list
    writes ``given_names`` in capitals a word of them is one ('GRAESSLEY, SCOTT'); elsewhere
    it is initials ('Smith, MAHA', 'Smith MAHA', 'SMITH, MAHA' beside 'JONES, JM':
    names_in_capitals.given_names_in_capitals)."""
    out: list[str] = []
    for word in _GIVEN_WORD.findall(given):
        if is_given_initials(word, given_names=given_names):
            out.extend(u.lower() for u in initial_letters(word))
        else:
            out.extend(fold_text(word).split())
    return out


def first_person_key(authors: list[str]) -> str:
    """The first author's name in reading order, particles left out: initials of the given
    names, then the words of the surname ('Le Quintrec, M.' -> 'm quintrec'). When the
    surname ends at a particle ('Le, Q. M.', 'Goicoechea de, J. E.'), the exporter cut it there
    and its body is the first given name: 'Le, Q. M.' -> '~m q', 'Goicoechea de, J. E.' ->
    '~e goicoechea j' ('~' marks the cut). '' without authors or for a group's name.

    The kind this is right for, and its ambiguity: exporters that split a name at its first
    space ('Le Quintrec M' -> 'Le, Quintrec M.'), some of them then writing the given names as
    initials ('Le, Q. M.'). A particle alone before an initial is also how a surname spelt like
    a particle is written (Vietnamese Le and Do, Chinese Du and Di, Bengali De: 'Le, Q. T.',
    Quynh-Thu Le), and its one letter then agrees with every surname of that letter ('Le, Q. M.'
    / 'Quinn, M.'). The names cannot tell the two apart; what keeps the reading safe is that
    author_score compares the rest of the list with one first surname (the rest must agree) and
    the title and place decide the merge. With the first author alone ('et al.', a list an
    export or a citation style cut) the reading is kept too, and the title and place alone
    decide the merge (measured as an example on the dedup-stress row c2_et_al, where dropping
    it lost true pairs and removed no false one: benchmarks/results/dedup.md, dd28)."""
    authors = _without_et_al(authors)
    if not authors:
        return ""
    parts = split_name(authors[0])
    # a suffix written into the surname ('Carlezon Jr W.A.') is no part of it (as author_key)
    words = _without_suffixes(fold_text(parts.surname).split())
    given = _given_tokens(parts.given, given_names_in_capitals(authors[0], authors))
    if not words or not given:
        return ""  # a group, or a name without given names: nothing to move between the parts
    cut = words[-1] in PARTICLES
    body = [w for w in words if w not in PARTICLES]
    if cut:  # the surname's body went into the given names, after any more particles
        while len(given) > 1 and given[0] in PARTICLES:  # 'van, der Pol C. B.'
            given.pop(0)
        body.append(given.pop(0))
    if not body:
        return ""
    initials = [g[0] for g in given]
    return (CUT if cut else "") + " ".join(initials + body)


def _aligned(x: str, y: str) -> bool:
    """One name's word and the other's at the same place: equal, or one an initial of the other."""
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def particle_cut_agree(a: str, b: str) -> bool:
    """Whether two :func:`first_person_key` keys are one person whose surname an exporter cut at
    a particle: at least one key marked cut, the same number of name parts in reading order, and
    each part the same word or its initial ('~m q' and 'm quintrec'; '~e goicoechea j' and
    'e g jorge'). Names without a cut are never made equal here, and every surname word of
    each key must still be found at its place in the other (as itself or its initial)."""
    if not (a and b) or not (a.startswith(CUT) or b.startswith(CUT)) or a == b:
        return False
    ta, tb = a.removeprefix(CUT).split(), b.removeprefix(CUT).split()
    if len(ta) != len(tb) or len(ta) < 2:  # a surname alone is too little to tell people apart
        return False
    if not any(len(w) > 1 for w in ta + tb):  # initials only on both sides: anyone's
        return False
    return all(_aligned(x, y) for x, y in zip(ta, tb, strict=True))
