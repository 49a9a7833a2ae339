"""Authors' names as exports write them, split into surname and initials.

Databases write one person three ways: 'de Boer, A.G.' (RIS, BibTeX, Web of Science: surname
before a comma), 'de Boer A.G.' / 'Boer AG' (Embase, MEDLINE: surname, then initials) and
'A.G. de Boer' (a journal's byline, reference lists: initials first). The surname is found by
the KIND of name, from where its initials stand, never by taking the first word: particles
('de', 'van der', 'Le') and multi-word surnames ('Ruiz de la Torre') belong to it. A name with
no initials at all is kept whole: most such names are group authors ('WHO Collaborating
Centre'), and a name written 'Given Surname' in full cannot be told from one.

One function per question, used by every place that needs it: :func:`surname` (citations,
report labels, BibTeX keys), :func:`bibtex_name_parts` and :func:`ris_name` (the writers).
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
# A generational suffix after the initials: neither surname nor initials. MEDLINE writes Jr,
# Sr and ordinals ('Smith J Jr', 'Kennedy JF 3rd': NLM's author field rules); other sources
# the Roman numeral ('Lee JH III'). Only after initials (a name of three words or more), so a
# Russian 'Ivanov II' (Ivan Ivanovich) keeps its initials.
_SUFFIX = re.compile(r"(?:Jr|Sr|Jnr|Snr)\.?|[2-9](?:nd|rd|th)|II|III|IV")


# A list that lost its separators ('Gomez L.Paillard M.Price M.', as in the bib-dedupe sets'
# EndNote exports, whose line breaks between authors were dropped): a surname, initials, and a full stop glued to the next
# surname ('M.Paillard', "E.O'Daly", 'M.van der Vusse'). The first name ends at that full stop.
_GLUED = re.compile(r"([^,.]*\S\s(?:[A-Z]\.\s?)*[A-Z]\.)(?=[A-Z][a-z'’]|[a-z]{2,} )")

# The same with names in full ('Munck HolgerJorgensen Anders W.'): a given name, after the first
# word, runs into the next surname without a blank. A capital inside the first word, or after a
# short start, is a name's own ('VanderWeele TJ', 'A. McCully', 'MacDonald', 'DiPierro'); so is
# one after initials ('T.J. VanderWeele': the first word has full stops).
_GLUED_FULL = re.compile(r"[^\s.]+ (?:\S+ )*?[A-Z][a-z]{3,}[A-Z][a-z]")

# Words that make a name a group's (PubMed's collective names: 'PROMISE GROUP', 'Executive of
# ACPGBI', 'EORTC Quality of Life, Gastro-intestinal Groups'): an acronym at the end of one is
# no initials, and a comma in one does not end a surname. A person surnamed so ('Center EM')
# is told by the initials that alone follow the word (_is_group).
_GROUP = re.compile(
    r"\b(?:groups?|committee|collaborat\w*|consortium|network|society|association|council"
    r"|panel|cent(?:re|er)|investigators|trialists|team|working|executive|organi[sz]ation"
    r"|institutes?|foundation|agency|department|ministry|task force|writing)\b",
    re.IGNORECASE,
)


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


def _is_group(name: str) -> bool:
    """Whether a group word makes the name a group's; not a person's surname that is one
    ('Center EM', 'Council, M.L.': the word, then initials only)."""
    if not _GROUP.search(name):
        return False
    words = name.replace(",", " ").split()
    person = _GROUP.fullmatch(words[0]) and 1 < len(words) <= 3
    return not (person and all(_initials(w) for w in words[1:]))


def split_name(name: str) -> NameParts:
    """'de Boer A.G.', 'de Boer, A.G.' and 'A.G. de Boer' -> ('de Boer', 'A.G.'); a name with
    no initials ('WHO Collaborating Centre') -> the whole name as surname, no given part."""
    name = " ".join(name.split())
    glued = _GLUED.match(name)
    if glued:  # a list whose separators were lost: its first name is the one asked for
        name = glued.group(1)
    elif _GLUED_FULL.match(name):
        # names in full glued together: 'Surname Given' (a database's order), so the surname
        # is the first word with any particles before it; the given names are not told apart
        words = name.split(" ")
        n = next((i for i, w in enumerate(words) if not w[:1].islower()), 0)
        return NameParts(" ".join(words[: n + 1]))
    if _is_group(name):  # a group names itself as one, and may hold a comma or an acronym
        return NameParts(name)
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


def _glued(name: str) -> bool:
    """Whether the name is several run together (see _GLUED): writers keep such text as it is."""
    name = " ".join(name.split())
    return bool(_GLUED.match(name) or _GLUED_FULL.match(name))


def ris_name(name: str) -> str:
    """An author as RIS asks for it: 'Surname, Initials, Suffix' ('de Boer, A.G.').

    A name already written with a comma, with no initials (a group), or several names run
    together, is left as it is."""
    if "," in name or _glued(name):
        return name
    parts = split_name(name)
    if not parts.given:
        return name
    return ", ".join(p for p in (parts.surname, _dotted(parts.given), parts.suffix) if p)


def medline_full_name(name: str) -> str:
    """An author as MEDLINE's FAU writes one: 'Surname, Given' ('de Boer, A.G.'), a suffix
    after the given names ('Smith, J Jr'). A name with a comma, no initials (a group) or
    several names run together is left as it is."""
    if "," in name or _glued(name):
        return name
    parts = split_name(name)
    if not parts.given:
        return name
    return f"{parts.surname}, " + " ".join(p for p in (parts.given, parts.suffix) if p)


def vancouver_initials(given: str) -> str:
    """Given names as Vancouver writes them, initials without stops or spaces: 'A.G.', 'A G'
    and 'AG' -> 'AG'; 'Lars L' -> 'LL'; 'J.-P.' and 'Jean-Pierre' -> 'JP'; 'IuA' stays;
    'Bárbara Iansã de Lima' -> 'BIL'."""
    out = []
    for word in given.replace(".", ". ").split():
        if _initials(word):  # initials, dotted or not: their letters ('Iu' one initial)
            out.append(re.sub(r"[^\w]|_", "", word))
        elif len(word) > 1 and word.isalpha() and word[0].islower():
            # a particle among given names written in full ('de', 'da', 'dos', 'van'): given
            # names are capitalised, particles not, and NLM gives them no initial (PubMed's AU
            # 'Barroso BIL' for FAU 'Barroso, Bárbara Iansã de Lima'; 'BIdL' before)
            continue
        else:  # a given name in full, or hyphenated ('Jean-Pierre'): each part's first letter
            out.extend(p[0] for p in word.split("-") if p and p[0].isalpha())
    return "".join(out)


def bibtex_name_parts(name: str) -> tuple[str, str, str] | None:
    """(surname, suffix, initials) for BibTeX's 'Last, Jr, First' form, initials spaced as
    BibTeX styles expect ('J. H.'); None when the name has no initials (a group author) or is
    several names run together."""
    parts = split_name(name)
    if not parts.given or _glued(name):
        return None
    return parts.surname, parts.suffix, re.sub(r"\.(?=\w)", ". ", _dotted(parts.given))
