"""Whether a list in capitals writes initials or given names ('SMITH, MAHA': Maha Smith, or
M.A.H.A. Smith?): :func:`given_names_in_capitals` and :func:`is_given_initials`, read by
dedup's first-person key, references and the writers. Names are split by
:mod:`reviewkit.author_names`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from reviewkit.author_names import in_capitals, is_initials, split_name

_LETTERS = re.compile(r"[^\W\d_]+")


# A word of four capitals or more that reads as a word (a vowel after its first letter, no three
# consonants running: 'JOHN', 'ANNA', 'MAHA', 'SCOTT') is a given name written in capitals, as
# exports that write every name so give it ('GRAESSLEY, SCOTT', 'VALASKOVA, KATARINA' in the
# bib-dedupe sets), or initials without stops, as Web of Science's AU field writes them after
# the comma, 'a surname and up to five initials' (its help page 'Author Names'): its older
# records in capitals throughout ('SMITH, JM', 'SMITH, MAHA'), its newer ones after a surname in
# mixed case ('Smith, JA'; the sets' 'Yarlagadda, PKDV'). Measured on the PubMed snapshot's
# authors (221,906): 72 of its 199 four-letter Initials in capitals read as a word ('MAHA',
# 'JAHR'), 4 of 18 five-letter ones; of the ForeNames' words of four and five letters all but
# 1% read so. So the letters alone cannot tell the two kinds, and where they can stand (a name
# in capitals) the rest of the list decides (:func:`given_names_in_capitals`): an export writes
# all its names one way. After a surname in mixed case capitals are initials, up to
# :data:`~reviewkit.author_names.MAX_INITIALS` ('van Lier, ALHMW'); Scopus and Embase write initials with stops,
# 'Smith, J.A.B.', which no word matches. Three letters stay initials: 2,392 three-letter
# Initials, a third of them read as a word ('JAM', 'SAM'), against given names ('IAN', 'ANN',
# 'TOM') that the letters cannot tell apart.
_VOWELS = frozenset("AEIOUYÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕØÚÙÛÜÝ")


def _reads_as_word(token: str) -> bool:
    """A word of four capitals or more with a vowel after its first letter and no three
    consonants running ('JOHN', 'SCOTT'; not 'LCPG', 'IuAB')."""
    if len(token) < 4 or not (token.isalpha() and token.isupper()):
        return False
    shape = "".join("v" if c in _VOWELS else "c" for c in token)
    return "v" in shape[1:] and "ccc" not in shape


def _only_initials(given: str) -> bool:
    """A given part only initials can be: one word of capitals without stops and no vowel after
    its first letter ('J', 'JM', 'LCPG'; not 'JO', 'IAN', 'MAHA')."""
    plain = "." not in given and is_initials(given) and in_capitals(given)
    return plain and not (set(given[1:]) & _VOWELS)


def _written_in_capitals(name: str) -> bool:
    """Whether a name is 'SURNAME, Given' with its surname in capitals, as exports that write
    every name in capitals do ('GRAESSLEY, SCOTT', old Web of Science's 'SMITH, JM')."""
    family, comma, _ = name.partition(",")
    return bool(comma) and in_capitals(family)


def given_names_in_capitals(name: str, authors: Sequence[str] = ()) -> bool:
    """Whether the words of capitals in a name's given part that read as a word ('MAHA',
    'SCOTT') are given names written in capitals, not initials: only in a name
    :func:`_written_in_capitals`, and there as its author list ``authors`` writes its names.
    The names in capitals whose given part reads as a word ('JONES, PETER', and the name
    itself) against those whose given part only initials can be ('JONES, J', 'LEE, JM'):
    more of the latter, the list writes initials (old Web of Science: 'SMITH, MAHA' beside
    'LEE, JM' and 'KIM, J', four initials); otherwise a given name ('SMITH, JOHN' alone).
    The name itself counts, as one vote: four or five initials that read as a word are 76 of
    the PubMed snapshot's 221,906 authors, four-letter given names alone 11,689, so its own
    word weighs at least as much as one co-author's initials; and a list that writes given
    names still writes initials for an author whose names it lacks ('SMITH, JOHN; JONES, J'),
    so a tie reads given names."""
    if not _written_in_capitals(name):
        return False
    names = tuple(authors)
    words, initials = _list_votes(names)
    if name not in names:
        word, initial = _vote(name)
        words, initials = words + word, initials + initial
    return words >= initials


# The writers ask once for every name of a list (BibTeX, references): the list's votes are
# counted once, not once a name (a consortium's 3,000 names in capitals took minutes).
@lru_cache(maxsize=16)
def _list_votes(names: tuple[str, ...]) -> tuple[int, int]:
    """(names whose given part reads as a word, names whose given part only initials can
    be) of a list, its names in capitals only (:func:`given_names_in_capitals`)."""
    votes = [_vote(name) for name in names]
    return sum(w for w, _ in votes), sum(i for _, i in votes)


@lru_cache(maxsize=4096)
def _vote(name: str) -> tuple[int, int]:
    """One name's vote for :func:`_list_votes`: (1, 0) a word, (0, 1) only initials."""
    if not _written_in_capitals(name):
        return 0, 0
    given = split_name(name).given
    return int(any(map(_reads_as_word, _LETTERS.findall(given)))), int(_only_initials(given))


def is_given_initials(token: str, *, given_names: bool = False) -> bool:
    """Whether a word of a name's given part is initials (:func:`is_initials`); where the list
    writes ``given_names`` in capitals (:func:`given_names_in_capitals`), not a word that reads
    as one ('JOHN', 'SCOTT'). Elsewhere capitals are initials: 'Smith, MAHA' (Web of
    Science), 'Smith MAHA' (MEDLINE, whose surname split_name found by them), 'SMITH, MAHA'
    beside 'JONES, JM'."""
    return is_initials(token) and not (given_names and _reads_as_word(token))
