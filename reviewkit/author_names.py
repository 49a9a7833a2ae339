"""Authors' names as exports write them, split into surname and initials.

Databases write one person three ways: 'de Boer, A.G.' (RIS, BibTeX, Web of Science: surname
before a comma), 'de Boer A.G.' / 'Boer AG' (Embase, MEDLINE: surname, then initials) and
'A.G. de Boer' (a journal's byline, reference lists: initials first). The surname is found by
the KIND of name, from where its initials stand, never by taking the first word: particles
('de', 'van der', 'Le') and multi-word surnames ('Ruiz de la Torre') belong to it. A name with
no initials at all is kept whole: most such names are group authors ('WHO Collaborating
Centre'), and a name written 'Given Surname' in full cannot be told from one.

One function per question, used by every place that needs it: :func:`surname` (citations,
report labels, BibTeX keys), :func:`bibtex_name` and :func:`ris_name` (the writers).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# One initial: a letter, or a two-letter one where one letter cannot stand for the sound: NLM's
# romanised Cyrillic ('Iu' Ю, 'Ia' Я, 'Kh' Х, 'Zh' Ж, 'Ts' Ц, 'Ch' Ч, 'Sh' Ш, as MEDLINE writes
# 'Vladimirov IuA') and the German and French 'Th.', 'Ch.' ('Th. Müller').
_UNIT = r"(?:Iu|Ia|Kh|Zh|Ts|Ch|Sh|Th|[^\W\d_])"
_DIGRAPH = re.compile(r"Iu|Ia|Kh|Zh|Ts|Ch|Sh|Th")
# Initials with full stops, hyphenated given names kept ('A.', 'A.G.', 'J.-P.', 'Iu.A.').
_DOTTED = re.compile(rf"(?:{_UNIT}\.-?){{1,6}}")
# Initials without full stops as MEDLINE and Embase write them after the surname ('JH', 'J-P');
# Dutch authors often have five or six ('de Groot LCPGM', 'van Lier ALHMW').
_PLAIN = re.compile(rf"{_UNIT}{{1,6}}|{_UNIT}-{_UNIT}")
_ONE = re.compile(_UNIT)
# A generational suffix after the initials (MEDLINE 'Smith J Jr'): neither surname nor initials.
_SUFFIX = re.compile(r"(?:Jr|Sr|Jnr|Snr)\.?")


class NameParts(NamedTuple):
    """A name split: surname (with its particles), initials or given names, suffix."""

    surname: str
    given: str = ""
    suffix: str = ""


def _upper(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _initials(token: str, *, dotted_only: bool = False) -> bool:
    """Whether a word is initials: upper-case letters (or the two-letter initials above) with
    full stops ('A.G.'), or, unless ``dotted_only``, without them ('AG', 'J-P', 'IuA').
    Lower-case words ('de', 'la') and names ('Li', 'Chen') are not."""
    if not (_DOTTED.fullmatch(token) or (not dotted_only and _PLAIN.fullmatch(token))):
        return False
    rest = _DIGRAPH.sub("", token)
    return not any(c.isalpha() for c in rest) or _upper(rest)


def _trailing_initials(words: list[str]) -> int:
    """How many words at the end are initials ('de Boer A.G.', 'Verbeek J H', 'Boer AG').

    The last word may be initials without stops of up to six letters ('AG', 'LCPGM'); words
    before it only dotted initials or single letters, so an upper-case surname is not taken
    for initials ('DE BOER AG' keeps 'DE BOER'). One word always stays for the surname."""
    n = 0
    while n < len(words) - 1:
        word = words[-1 - n]
        if n == 0:
            ok = _initials(word)
        else:
            ok = _initials(word, dotted_only=True) or (len(word) == 1 and word.isupper())
        if not ok:
            break
        n += 1
    return n


def _leading_initials(words: list[str]) -> int:
    """How many words at the start are initials ('A.G. de Boer', 'J. H. Verbeek').

    Only dotted initials count here: upper-case letters without stops before a word are an
    acronym far more often than initials ('WHO Collaborating Centre', 'NICE Guideline Group')."""
    n = 0
    while n < len(words) - 1 and _initials(words[n], dotted_only=True):
        n += 1
    return n


def split_name(name: str) -> NameParts:
    """'de Boer A.G.', 'de Boer, A.G.' and 'A.G. de Boer' -> ('de Boer', 'A.G.'); a name with
    no initials ('WHO Collaborating Centre') -> the whole name as surname, no given part."""
    name = " ".join(name.split())
    if "," in name:  # 'Surname, Given': everything before the comma, whatever it holds
        family, _, given = name.partition(",")
        return NameParts(family.strip(), given.strip())
    words = name.split(" ")
    suffix = ""
    if len(words) > 2 and _SUFFIX.fullmatch(words[-1]):
        suffix, words = words[-1], words[:-1]
    n = _trailing_initials(words)
    if n:
        return NameParts(" ".join(words[:-n]), " ".join(words[-n:]), suffix)
    n = _leading_initials(words)
    if n:
        return NameParts(" ".join(words[n:]), " ".join(words[:n]), suffix)
    return NameParts(" ".join(words + ([suffix] if suffix else [])))


def surname(name: str) -> str:
    """The surname of an author as written in any of the forms :func:`split_name` reads."""
    return split_name(name).surname


def _dotted(given: str) -> str:
    """Initials with a full stop after each, no spaces: 'J H', 'JH', 'J.H.' -> 'J.H.';
    'J-P' -> 'J.-P.'; 'IuA' -> 'Iu.A.'."""
    out = []
    for word in given.split():
        if "." in word:
            out.append(word)
        else:
            out.append("-".join("".join(u + "." for u in _ONE.findall(p)) for p in word.split("-")))
    return "".join(out)


def ris_name(name: str) -> str:
    """An author as RIS asks for it: 'Surname, Initials, Suffix' ('de Boer, A.G.').

    A name already written with a comma, or with no initials (a group), is left as it is."""
    if "," in name:
        return name
    parts = split_name(name)
    if not parts.given:
        return parts.surname
    return ", ".join(p for p in (parts.surname, _dotted(parts.given), parts.suffix) if p)


def bibtex_name_parts(name: str) -> tuple[str, str, str] | None:
    """(surname, suffix, initials) for BibTeX's 'Last, Jr, First' form, initials spaced as
    BibTeX styles expect ('J. H.'); None when the name has no initials (a group author)."""
    parts = split_name(name)
    if not parts.given:
        return None
    return parts.surname, parts.suffix, re.sub(r"\.(?=\w)", ". ", _dotted(parts.given))
