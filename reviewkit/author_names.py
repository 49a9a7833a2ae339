"""Authors' names as exports write them, split into surname and initials.

Databases write one person three ways: 'de Boer, A.G.' (RIS, BibTeX, Web of Science: surname
before a comma), 'de Boer A.G.' / 'Boer AG' (Embase, MEDLINE: surname, then initials) and
'A.G. de Boer' (a journal's byline, reference lists: initials first). The surname is found by
the KIND of name, from where its initials stand, never by taking the first word: particles
('de', 'van der', 'Le') and multi-word surnames ('Ruiz de la Torre') belong to it. A name with
no initials at all is kept whole: most such names are group authors ('WHO Collaborating
Centre'), and a name written 'Given Surname' in full cannot be told from one.

One function per question, used by every place that needs it: :func:`surname` (dedup's
keys), :func:`cited_parts` (citations, report labels, BibTeX keys: the particles of 'Berg, J.
van der' back before the surname), :func:`split_run_together` (lists that lost their
separators), :func:`is_initials` (the one initials rule, :data:`MAX_INITIALS`) and
:data:`PARTICLES` (the one list of surname particles); whether a list in capitals writes
initials or given names ('SMITH, MAHA') is :mod:`reviewkit.names_in_capitals`'s question.
Dedup's keys (reviewkit.dedup.names) and the writers (reviewkit.name_forms: RIS, MEDLINE,
BibTeX, Vancouver) read names through these.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# One initial: a letter, or a two-letter one where one letter cannot stand for the sound: NLM's
# romanised Cyrillic ('Iu' Ю, 'Ia' Я, 'Kh' Х, 'Zh' Ж, 'Ts' Ц, 'Ch' Ч, 'Sh' Ш, as MEDLINE writes
# 'Vladimirov IuA') and the German and French 'Th.', 'Ch.' ('Th. Müller').
_UNIT = r"(?:Iu|Ia|Kh|Zh|Ts|Ch|Sh|Th|[^\W\d_])"
_DIGRAPH = re.compile(r"Iu|Ia|Kh|Zh|Ts|Ch|Sh|Th")
# The one rule for how many initials one person has: Dutch authors often have five or six
# ('de Groot LCPGM', 'van Lier ALHMW'), so up to six, with full stops or without.
MAX_INITIALS = 6
# Initials with full stops, hyphenated given names kept ('A.', 'A.G.', 'J.-P.', 'Iu.A.').
_DOTTED = re.compile(rf"(?:{_UNIT}\.-?){{1,{MAX_INITIALS}}}")
# Initials without full stops as MEDLINE and Embase write them after the surname ('JH', 'J-P').
_PLAIN = re.compile(rf"{_UNIT}{{1,{MAX_INITIALS}}}|{_UNIT}-{_UNIT}")
_ONE = re.compile(_UNIT)

# Particles of surnames ('Le Quintrec', 'van der Pol', 'de Jorge', 'dos Santos', 'ten Have'): the
# one list for every reading of names. They belong to the surname, yet exporters split such a
# surname in different places: 'Le Quintrec, M.', 'Le, Quintrec M.' (cut after the particle,
# its body among the given names) or 'Quintrec, M.' (the particle dropped); a Spanish compound
# surname 'Goicoechea de Jorge' comes as 'Goicoechea de, Jorge E.' or 'de Jorge, E. G.'. Written
# in lower case before a surname, a particle also starts a name in a list run together
# ('Gomez L.van der Vusse G.', :func:`split_run_together`). 'Mac' / 'Mc' are no particles: they
# are written joined to the name.
PARTICLES = frozenset(
    [
        "le",
        "la",
        "les",
        "de",
        "del",
        "della",
        "dela",
        "der",
        "den",
        "des",
        "di",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "van",
        "von",
        "ten",
        "ter",
    ]
)


def without_particles(words: list[str]) -> list[str]:
    """A surname's words without its particles, in any case ('van der Berg', 'Van der Berg',
    'Berg' -> ['Berg']; 'De Vries' -> ['Vries']), so the ways exports place and write the
    particles agree; a surname that is only a particle ('Le', 'Du': Vietnamese, Chinese) is
    kept whole."""
    return [w for w in words if w.lower() not in PARTICLES] or words


# A generational suffix after the initials: neither surname nor initials. MEDLINE writes Jr,
# Sr and ordinals ('Smith J Jr', 'Kennedy JF 3rd': NLM's author field rules); other sources
# the Roman numeral ('Lee JH III'). Only after initials (a name of three words or more), so a
# Russian 'Ivanov II' (Ivan Ivanovich) keeps its initials. The one list of suffixes: dedup reads
# the same words folded in a surname (:func:`is_suffix`). 'jr' and 'sr' in lower case too, as
# exports that write the name in lower case but its initials give it ('Smith J jr', 'Smith, J.,
# jr'): no initials or surname is written so; the Roman numerals only in capitals, as 'ii' and
# 'iv' in lower case are no suffix anyone writes.
_SUFFIX_FORM = r"(?:[Jj]r|[Ss]r|[Jj]nr|[Ss]nr)\.?|[2-9](?:nd|rd|th)|II|III|IV"
_SUFFIX = re.compile(_SUFFIX_FORM)
_SUFFIX_ANY_CASE = re.compile(_SUFFIX_FORM, re.IGNORECASE)


# A suffix an export ran into the name before it: into the surname when the initials were lost
# ('CarlezonJr', 'SlikkerJrSlotkin T.A.', 'DosSantosJr.Vasconcelos S.M.M.': depression's Ovid
# lists, where the other copy writes 'Carlezon W.A. Jr.'), or into full-stopped initials
# ('Carlezon W.A.Jr.'). 'Jr' / 'Sr' with a capital after a small letter or a full stop, then a
# full stop, a capital (the next surname), a blank or the end: no surname or initials are written
# so ('Srour', 'Srivastava' go on in small letters). Read apart, the surname is the person's
# own and the suffix an export's choice (as after a blank, :func:`split_name`).
_GLUED_SUFFIX = re.compile(r"(?<=[^\W\d_A-Z]|\.)((?:J|S)n?r)\.?(?=[A-ZÀ-ÖØ-Þ\s]|$)")


def _suffix_apart(text: str) -> str:
    """A suffix run into the word before it written after a blank and closed by a full stop:
    'CarlezonJrRohan M.L.' -> 'Carlezon Jr.Rohan M.L.'; 'Carlezon W.A.Jr.' -> 'Carlezon W.A.
    Jr.' (:data:`_GLUED_SUFFIX`)."""
    return _GLUED_SUFFIX.sub(r" \1.", text) if "r" in text else text


def is_suffix(word: str, *, any_case: bool = False) -> bool:
    """Whether a word is a generational suffix: as written after initials ('Jr', '3rd', 'III'),
    or, ``any_case``, as exports write one into the surname and folding leaves it ('Cleveland
    Jr', 'Flack Iii': 'jr', 'iii')."""
    return bool((_SUFFIX_ANY_CASE if any_case else _SUFFIX).fullmatch(word))


# A list run together with names in full, not initials (_RUN_ON below reads the lists with
# initials): 'Munck HolgerJorgensen Anders W.', a given name, after the first word, runs into
# the next surname without a blank. A capital inside the first word, or after a short start,
# is a name's own ('VanderWeele TJ', 'A. McCully', 'MacDonald', 'DiPierro'); so is one after
# initials ('T.J. VanderWeele': the first word has full stops).
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


# A list run together (EndNote exports in bib-dedupe's sets whose line breaks between authors were
# lost, 'Abad M. J.Bedoya L. M.'): a capitalised surname, initials with full stops, then straight
# into the next surname. A name ends after a full-stopped initial, or after a generational suffix
# ('Nestor J.J.Jr.Ferger M.F.', 'Flack J. E. 3rdRousou J. A.'), only when the next word is written
# as a surname: a capital and a small letter not followed by a full stop ('Li', 'El Hachmane',
# "O'Hara"; not the initials 'Th.' or 'Iu.'; capitals of Latin-1 too, 'Ågren'), or a word in lower
# case and a blank: a particle ('M.van der Vusse', 'N.ter Riet', 'W.an der Heiden', 'M.te Lintel
# Hekkert'; every word of PARTICLES and the rarer ones it leaves out) or a surname the export wrote
# in lower case ('S.chakravarthy B. R.'). Initials written together ('J.L.') stay one name.
_RUN_ON = re.compile(
    r"(?:(?<=[A-Z]\.)|(?<=\b[JS]r\.)|(?<=\b[2-9]nd)|(?<=\b[2-9]rd)|(?<=\b[2-9]th))"
    r"(?=[A-ZÀ-ÖØ-Þ](?:['’][A-Z])?[^\W\d_A-ZÀ-ÖØ-Þ](?!\.)|[a-z]{2,} \S)"
)
# The same lists with no blank between a surname and its initials (depression's Ovid exports:
# 'ArchibaldJ.L.FreedM.E.', 'Murphy JrG.M.'): a lower-case letter straight before a capital
# and a full stop is a surname's end, since no surname ends in a capital initial.
_GLUED_INITIALS = re.compile(r"(?<=[^\W\d_A-Z])(?=[A-Z]\.)")
# The same lists with initials written as MEDLINE writes them, without full stops ('Macleod
# MREbrahim SRoberts I', 'Hedeler CPaton NWBehnke JM', 'Horky LLvan der Worp BH': srsr's 905
# lists of one source, titles in capitals, no abstract). After a surname ending in a small
# letter and a blank, capitals run to the next surname: its capital is the last one before a
# small letter ('MR' + 'Ebrahim', 'J' + 'McDonald', 'J' + 'DeVries': a capital inside a
# surname follows a small letter, never the blank, so 'McDonald', 'MacLeod' and 'DeVries' are
# never cut), or the capitals end before a particle and a blank. A cut is kept only when every
# name it gives is a surname and initials (:func:`_surname_and_initials`): NLM's two-letter
# initials ('Pavlinov IIa', 'Yiannakopoulou ECh') and groups ('International SSc Group',
# 'FOSInopril in DIALysis Investigators') stay whole. Of 228,897 lists (the ten bib-dedupe
# sets, the 15 screening sets, the PubMed snapshot) the first author's key changes for 901, all
# srsr's of this kind (the other 4: first name alone), and for no other list.
_RUN_ON_PLAIN = re.compile(
    r"(?<=[^\W\d_A-Z] )((?:[A-Z]-?){0,5}[A-Z])"
    rf"(?=[A-ZÀ-ÖØ-Þ][^\W\d_A-ZÀ-ÖØ-Þ]|(?:{'|'.join(sorted(PARTICLES))}) )"
)


def _surname_and_initials(name: str) -> bool:
    """A name written 'Surname INITIALS' ('Macleod MR', 'van der Worp BH')."""
    words = name.split()
    return (
        len(words) >= 2
        and (words[0][:1].isupper() or words[0] in PARTICLES)
        and is_initials(words[-1])
    )


def _split_plain(author: str) -> list[str]:
    """A list run together with initials without full stops, as its names (see
    :data:`_RUN_ON_PLAIN`); any other entry as it is."""
    if _GROUP.search(author):
        return [author]
    names = [n.strip() for n in _RUN_ON_PLAIN.sub("\\1\x00", author).split("\x00")]
    if len(names) > 1 and all(map(_surname_and_initials, names)):
        return names
    return [author]


def split_run_together(author: str) -> list[str]:
    """One entry that holds a list run together, as its names: 'Abad M. J.Bedoya L. M.' ->
    ['Abad M. J.', 'Bedoya L. M.']; 'ArchibaldJ.L.FreedM.E.' -> ['Archibald J.L.', 'Freed
    M.E.']; 'Macleod MREbrahim SRoberts I' -> ['Macleod MR', 'Ebrahim S', 'Roberts I']. An
    entry with a comma ('Surname, Given') is one name and comes back as it is."""
    if "," in author:
        return [author]
    unglued = _suffix_apart(author)
    if "." not in unglued:
        return _split_plain(author)
    spaced = _GLUED_INITIALS.sub(" ", unglued)
    names = [n.strip() for n in _RUN_ON.split(spaced)]
    if len(names) == 1 and spaced == author:
        return [author]
    return [n for n in names if n]


class NameParts(NamedTuple):
    """A name split: surname (with its particles), initials or given names, suffix."""

    surname: str
    given: str = ""
    suffix: str = ""


def in_capitals(token: str) -> bool:
    """Whether every letter of a word is a capital ('SMITH', 'J-P'; not 'Smith', '1999')."""
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@lru_cache(maxsize=1 << 16)  # asked of every word of every name in a collection; few distinct
def is_initials(token: str, *, dotted_only: bool = False, limit: int = MAX_INITIALS) -> bool:
    """Whether a word is initials: upper-case letters (or the two-letter initials above) with
    full stops ('A.G.'), or, unless ``dotted_only``, without them ('AG', 'J-P', 'IuA'); at
    most ``limit`` of them. Lower-case words ('de', 'la') and names ('Li', 'Chen') are not."""
    if not (_DOTTED.fullmatch(token) or (not dotted_only and _PLAIN.fullmatch(token))):
        return False
    if len(_ONE.findall(token)) > limit:
        return False
    rest = _DIGRAPH.sub("", token)
    return not any(c.isalpha() for c in rest) or in_capitals(rest)


def initial_letters(token: str) -> list[str]:
    """The initials of a word :func:`is_initials` accepts, one item each: 'AG' -> ['A', 'G'],
    'IuA' -> ['Iu', 'A'], 'J.-P.' -> ['J', 'P']."""
    return _ONE.findall(token)


def _trailing_initials(words: list[str]) -> int:
    """How many words at the end are initials ('de Boer A.G.', 'Verbeek J H', 'Boer AG').

    The last word may be initials without stops of up to six letters ('AG', 'LCPGM'); words
    before it only dotted initials, single letters or one romanised two-letter initial
    ('Lishmanov Iu B.', 'Kremastinos Th D.': Embase spaces MEDLINE's 'IuB'), so an upper-case
    surname is not taken for initials ('DE BOER AG' keeps 'DE BOER'). One word always stays
    for the surname."""
    n = 0
    while n < len(words) - 1:
        word = words[-1 - n]
        if n == 0:
            ok = is_initials(word)
        else:
            ok = (
                is_initials(word, dotted_only=True)
                or (len(word) == 1 and word.isupper())
                or bool(_DIGRAPH.fullmatch(word))
            )
        if not ok:
            break
        n += 1
    return n


def _leading_initials(words: list[str]) -> int:
    """How many words at the start are initials ('A.G. de Boer', 'J. H. Verbeek').

    Only dotted initials count here: upper-case letters without stops before a word are an
    acronym far more often than initials ('WHO Collaborating Centre', 'NICE Guideline Group');
    except before a surname's particle and the surname ('J van der Berg', 'A De Vries', as a
    byline without stops writes them): an acronym is followed by a word of the group's name,
    not by 'van' or 'de', and three letters at most are read so ('JHM van Dijk')."""
    n = 0
    while n < len(words) - 1 and is_initials(words[n], dotted_only=True):
        n += 1
    particle_next = len(words) > 2 and words[1].lower() in PARTICLES
    if n == 0 and particle_next and is_initials(words[0], limit=3):
        return 1
    return n


def _particles_last(words: list[str]) -> list[str]:
    """'Berg J van der' -> 'van der Berg J': a surname sorted on its body, its particles after
    the initials (as Dutch and Flemish indexes and some exports write 'Berg, J. van der'
    without the comma), put back before it; other names as they are. The particles must be
    written in lower case and follow initials, so a surname ending in a word spelt like one
    ('Tran Van Le') is left."""
    k = 0
    while k < len(words) - 2 and words[-1 - k] in PARTICLES:
        k += 1
    if k == 0 or not is_initials(words[-1 - k]):
        return words
    return words[-k:] + words[:-k]


def _is_group(name: str) -> bool:
    """Whether a group word makes the name a group's; not a person's surname that is one
    ('Center EM', 'Council, M.L.': the word, then initials only)."""
    if not _GROUP.search(name):
        return False
    words = name.replace(",", " ").split()
    person = _GROUP.fullmatch(words[0]) and 1 < len(words) <= 3
    return not (person and all(is_initials(w) for w in words[1:]))


def _first_of_run(name: str) -> str:
    """The first name of a list run together ('Gomez L.Paillard M.' -> 'Gomez L.'); '' when the
    text is one name, or when its first part is initials alone ('J.Smith': one name that lost
    its blank, not a list)."""
    names = split_run_together(name)
    return names[0] if len(names) > 1 and " " in names[0] else ""


def _given_and_suffix(given: str) -> tuple[str, str]:
    """The given part of 'Surname, Given' and its suffix, apart: 'J.A., Jr' (RIS's 'Surname,
    Given, Suffix'), 'Jr, J. A.' (BibTeX's 'Last, Jr, First', as :func:`bibtex_name_parts`
    writes it), 'J. van der, Jr' (a surname sorted on its body, particles after the given
    names) and 'J.A. 3rd' -> ('J.A.', 'Jr' …); the suffix only beside a given name or
    initials, so 'Ivanov, II' keeps its initials."""
    head, comma, last = given.rpartition(",")
    # RIS's third part is a suffix's place in any case: the RIS spec's 'Lastname, Firstname,
    # Suffix' ('Phillips,A.J.,Sr.'; Reference Manager's tag definitions) has nothing else
    # there, so 'JR' there is a suffix ('SMITH, JOHN, JR'), where after one comma it may be
    # initials ('Smith, JR')
    if comma and head.strip() and is_suffix(last.strip(), any_case=True):
        return head.strip().rstrip(","), last.strip()
    first, comma, rest = given.partition(",")
    if comma and rest.strip() and is_suffix(first.strip()):
        return rest.strip(), first.strip()
    words = given.split()
    if len(words) > 1 and is_suffix(words[-1]):
        return " ".join(words[:-1]).rstrip(","), words[-1]
    return given.strip(), ""


def split_name(name: str) -> NameParts:
    """'de Boer A.G.', 'de Boer, A.G.' and 'A.G. de Boer' -> ('de Boer', 'A.G.'); a name with
    no initials ('WHO Collaborating Centre') -> the whole name as surname, no given part."""
    name = " ".join(name.split())
    first = _first_of_run(name)
    if first:  # a list whose separators were lost: its first name is the one asked for
        name = first
    elif full_names_glued(name):
        # names in full glued together: 'Surname Given' (a database's order), so the surname
        # is the first word with any particles before it; the given names are not told apart
        words = name.split(" ")
        n = next((i for i, w in enumerate(words) if not w[:1].islower()), 0)
        return NameParts(" ".join(words[: n + 1]))
    if _is_group(name):  # a group names itself as one, and may hold a comma or an acronym
        return NameParts(name)
    if "," in name:  # 'Surname, Given': everything before the comma, whatever it holds
        family, _, given = name.partition(",")
        return NameParts(family.strip(), *_given_and_suffix(given))
    # the suffix first, then the particles: it ends the name wherever they stand ('Berg J van
    # der Jr', a surname sorted on its body, is 'van der Berg J', suffix 'Jr')
    words = _suffix_apart(name).split(" ")
    suffix = ""
    # after a surname alone only a word no initials are written as ('Carlezon Jr', once
    # 'CarlezonJr'): 'Ivanov II' keeps its initials
    if (len(words) > 2 or len(words) == 2 and words[-1][:1] in "JS") and is_suffix(words[-1]):
        suffix, words = words[-1], words[:-1]
    words = _particles_last(words)
    n = _trailing_initials(words)
    if n:
        return NameParts(" ".join(words[:-n]), " ".join(words[-n:]), suffix)
    n = _leading_initials(words)
    if n:
        return NameParts(" ".join(words[n:]), " ".join(words[:n]), suffix)
    if len(words) == 1:  # a surname and its suffix, the initials lost ('Carlezon Jr')
        return NameParts(words[0], "", suffix)
    return NameParts(" ".join(words + ([suffix] if suffix else [])))


def cited_parts(name: str) -> NameParts:
    """A name's parts as references and labels write it: :func:`split_name`'s, with the
    particles an index sorted on the surname's body put after the given names ('Berg, J. van
    der', 'Santos, Maria dos': Dutch, Flemish and Portuguese indexes) back before the surname:
    ('van der Berg', 'J.'), as NLM writes the name ('van der Berg J'). Only particles in lower
    case after a given name count, so 'Barroso, Bárbara Iansã de Lima' keeps 'de' among its
    given names. Dedup's keys read :func:`split_name`, which leaves the name as the record
    has it."""
    parts = split_name(name)
    words = parts.given.split()
    k = 0
    while k < len(words) - 1 and words[-1 - k] in PARTICLES:
        k += 1
    if not k:
        return parts
    return NameParts(" ".join([*words[-k:], parts.surname]), " ".join(words[:-k]), parts.suffix)


def cited_surname(name: str) -> str:
    """The surname a label writes (:func:`cited_parts`): 'van der Berg' for 'Berg, J. van
    der'; :func:`surname` otherwise."""
    return cited_parts(name).surname


# A collection names the same people over and over (79,880 depression records hold about 400,000
# names, far fewer distinct) and dedup's keys ask for each name's surname several times: the
# reading of one name string is cached.
@lru_cache(maxsize=1 << 17)
def surname(name: str) -> str:
    """The surname of an author as written in any of the forms :func:`split_name` reads."""
    return split_name(name).surname


def full_names_glued(name: str) -> bool:
    """Whether the text is names in full run together ('Munck HolgerJorgensen Anders W.',
    _GLUED_FULL): no name can be told from the next. A group's name is one name, whatever
    capitals its words hold inside ('The EuroQol Group', 'GlaxoSmithKline Study Group')."""
    name = " ".join(name.split())
    return bool(_GLUED_FULL.match(name)) and not _is_group(name)


def names_run_together(name: str) -> bool:
    """Whether the name is several run together (:func:`split_run_together`,
    :func:`full_names_glued`): writers keep such text as it is."""
    return bool(_first_of_run(" ".join(name.split()))) or full_names_glued(name)
