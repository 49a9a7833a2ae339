"""Authors' names as each export format and citation style writes them: RIS's 'Surname,
Initials, Suffix' (:func:`ris_name`), MEDLINE's FAU (:func:`medline_full_name`), BibTeX's 'Last,
Jr, First' (:func:`bibtex_name_parts`) and Vancouver's initials (:func:`vancouver_initials`).
How a name is read (its surname, initials, suffix) is :mod:`reviewkit.author_names`' alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewkit.author_names import (
    NameParts,
    cited_parts,
    initial_letters,
    names_run_together,
    split_name,
)
from reviewkit.names_in_capitals import given_names_in_capitals, is_given_initials


def _dotted(given: str) -> str:
    """Initials with a full stop after each, no spaces: 'J H', 'JH', 'J.H.' -> 'J.H.';
    'J-P' -> 'J.-P.'; 'IuA' -> 'Iu.A.'."""
    out = []
    for word in given.split():
        if "." in word:
            out.append(word)
        else:
            out.append(
                "-".join("".join(u + "." for u in initial_letters(p)) for p in word.split("-"))
            )
    return "".join(out)


def _comma_name_suffix_last(name: str, sep: str) -> str:
    """A name written with a comma as it is, but a suffix moved after the given names (``sep``
    between): BibTeX's 'Smith, Jr, J. A.' -> 'Smith, J. A., Jr' (RIS) or 'Smith, J. A. Jr'
    (MEDLINE's FAU), the order those formats read."""
    parts = split_name(name)
    if not parts.suffix or not parts.given or names_run_together(name):
        return name
    return f"{parts.surname}, {parts.given}{sep}{parts.suffix}"


def ris_name(name: str) -> str:
    """An author as RIS asks for it: 'Surname, Initials, Suffix' ('de Boer, A.G.').

    A name already written with a comma is left as it is but for a suffix written elsewhere
    (BibTeX's 'Smith, Jr, J. A.'); a name with no initials (a group), or several names run
    together, is left as it is."""
    parts = _parts_to_write(name, ", ")
    if isinstance(parts, str):
        return parts
    return ", ".join(p for p in (parts.surname, _dotted(parts.given), parts.suffix) if p)


def medline_full_name(name: str) -> str:
    """An author as MEDLINE's FAU writes one: 'Surname, Given' ('de Boer, A.G.'), a suffix
    after the given names ('Smith, J Jr'). A name with a comma is left as it is but for a
    suffix written elsewhere (BibTeX's 'Smith, Jr, J. A.'); one with no initials (a group) or
    several names run together is left as it is."""
    parts = _parts_to_write(name, " ")
    if isinstance(parts, str):
        return parts
    return f"{parts.surname}, " + " ".join(p for p in (parts.given, parts.suffix) if p)


def _parts_to_write(name: str, suffix_sep: str) -> NameParts | str:
    """The parts of a name for a writer to lay out, or the name as the writer leaves it: one
    written with a comma (a suffix written elsewhere moved last, after ``suffix_sep``), several
    names run together, or one with no initials (a group)."""
    if "," in name:
        return _comma_name_suffix_last(name, suffix_sep)
    if names_run_together(name):
        return name
    parts = split_name(name)
    return parts if parts.given else written_apart(name)


def written_apart(name: str) -> str:
    """A name with no given names as a writer lays it out: a suffix an export ran into the
    surname when it lost the initials ('CarlezonJr', Ovid) written after a blank, 'Carlezon
    Jr.', the surname and suffix every reader takes back (:func:`split_name`; BibTeX, braced, one
    last name); any other name (a group, names run together) as it is."""
    if names_run_together(name):
        return name
    parts = split_name(name)
    return f"{parts.surname} {parts.suffix}" if parts.suffix and not parts.given else name


def vancouver_initials(given: str, given_names: bool = False) -> str:
    """Given names as Vancouver writes them, initials without stops or spaces: 'A.G.', 'A G'
    and 'AG' -> 'AG'; 'Lars L' -> 'LL'; 'J.-P.' and 'Jean-Pierre' -> 'JP'; 'IuA' stays;
    'Bárbara Iansã de Lima' -> 'BIL'; where the list writes ``given_names`` in capitals
    'JOHN' -> 'J' (:func:`~reviewkit.names_in_capitals.given_names_in_capitals`)."""
    out = []
    for word in given.replace(".", ". ").split():
        # initials, dotted or not: their letters ('Iu' one initial)
        if is_given_initials(word, given_names=given_names):
            out.append(re.sub(r"[^\w]|_", "", word))
        elif len(word) > 1 and word.isalpha() and word[0].islower():
            # a particle among given names written in full ('de', 'da', 'dos', 'van'): given
            # names are capitalised, particles not, and NLM gives them no initial (PubMed's AU
            # 'Barroso BIL' for FAU 'Barroso, Bárbara Iansã de Lima'; 'BIdL' before)
            continue
        else:  # a given name in full, or hyphenated ('Jean-Pierre'): each part's first letter
            out.extend(p[0] for p in word.split("-") if p and p[0].isalpha())
    return "".join(out)


def bibtex_name_parts(name: str, authors: Sequence[str] = ()) -> tuple[str, str, str] | None:
    """(surname, suffix, given names) for BibTeX's 'Last, Jr, First' form; None when the name
    has no initials or given names (a group author) or is several names run together.

    A name written 'Surname, Given' keeps its given names as the record has them ('Smith, John
    A.' -> ('Smith', '', 'John A.'), 'Kennedy, John F., III' -> ('Kennedy', 'III', 'John F.')),
    so BibTeX gives back what was read; particles written after them go to the surname,
    BibTeX's von part (:func:`cited_parts`: 'Berg, J. van der' -> ('van der Berg', '', 'J.')).
    A name without a comma has initials only as its given
    part (:func:`split_name` finds the surname by them), spaced with a full stop each as BibTeX
    styles expect, hyphenated ones joined: 'Smith JA Jr' -> ('Smith', 'Jr', 'J. A.'), 'Sartre
    J-P' -> ('Sartre', '', 'J.-P.'). ``authors``: the name's list, which tells capitals that
    read as a word as initials or a given name ('SMITH, MAHA': :func:`given_names_in_capitals`)."""
    parts = cited_parts(name)
    if not parts.given or names_run_together(name):
        return None
    if "," in name:  # given names as written; initials only spaced
        given_names = given_names_in_capitals(name, authors)
        return parts.surname, parts.suffix, _bibtex_initials(parts.given, given_names)
    return parts.surname, parts.suffix, _spaced(parts.given)


def _spaced(initials: str) -> str:
    """'JA', 'J.A.', 'J A' -> 'J. A.'; 'J-P' -> 'J.-P.' (BibTeX's tokens)."""
    return re.sub(r"\.(?=\w)", ". ", _dotted(initials))


def _bibtex_initials(given: str, given_names: bool) -> str:
    """Initials written together spaced, each its own token with a stop: BibTeX reads 'J.A.'
    or 'JA' as one first name and abbreviates it to 'J.' (btxdoc: names are split into
    tokens at blanks and hyphens): 'J.A.', 'JA' -> 'J. A.'. Given names with a word that is
    no initials ('John A.', the 'JOHN' of 'SMITH, JOHN', a group's 'for the HIV Cohort'),
    initials apart already ('J', 'H C') and hyphenated ones ('J.-P.') are kept as written."""
    words = given.split()
    initials = all(is_given_initials(w, given_names=given_names) for w in words)
    glued = any(len(initial_letters(w)) > 1 and "-" not in w for w in words)
    return _spaced(given) if initials and glued else given
