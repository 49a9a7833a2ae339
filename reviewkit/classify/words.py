"""Words as signal terms see them: spelling keys, stems and the words of a text with their
places (the word level of :mod:`reviewkit.classify.terms`)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# the hyphens a term's words are split at and a text's words joined across: one list for the
# protocol's term check and the classification (actors, negation, bearers import it from here)
from reviewkit.protocol.term_words import HYPHENS

# The hyphen U+2010 and the non-breaking hyphen U+2011 are the hyphen-minus to every rule: a
# record's text is read with them as "-" (:func:`plain_hyphens`), so a cue written with "-"
# ("follow-?up", "self-?reported", "cut-?off") reads "follow‑up" too. Not the en dash, which
# also marks ranges and clauses: the rules that read it name it.
_AS_HYPHEN_MINUS = str.maketrans(dict.fromkeys("\u2010\u2011", "-"))

# Language codes of the protocol's term lists -> Snowball stemmer names.
STEMMERS = {"en": "english", "no": "norwegian", "sv": "swedish", "da": "danish"}
SHORT_WORD = 3  # acronyms and short words (IPS, TBI, GP, IES) match only as written

_FOLD = str.maketrans({"æ": "ae", "ä": "ae", "ø": "oe", "ö": "oe", "å": "aa", "ß": "ss"})
_LOOSE = re.compile(r"ae|oe|aa|ue")
_LOOSE_TO = {"ae": "a", "oe": "o", "aa": "a", "ue": "u"}
_WORD = re.compile(r"\w+")
# An acronym written with full stops ("U.S.", "U.K.", "U.S.A.") is one word, the acronym
# without them: as single letters no term could find it. Capitals only: "e.g." and "i.e." stay
# letters, as a lower-case acronym is no acronym (terms.py)
_DOTTED = re.compile(r"(?<!\w)(?:[A-Z]\.){2,}(?!\w)")
# A sentence ends at a full stop, semicolon, question or exclamation mark before a space or the
# text's end ("F43.2" and "p.12" go on); not at the last full stop of an acronym written with
# them (:data:`_DOTTED`) before a word in lower case ("workers in the U.S. were excluded"), as
# no sentence begins so ("... in the U.S. We ..." ends one); never after an abbreviation that
# stands inside a sentence (:data:`_INSIDE`), before a capital too ("those immunocompromised
# (e.g. HIV) will be excluded", "(cf. Table 1) were excluded": the exclusion's cue was cut
# off); after "et al." only before a capital ("(Smith et al. 2019) were excluded" goes on,
# "described by Beaton et al. The aim ..." ends). Not after "etc.", which often ends one.
# An example or a gloss ("e.g.", "i.e.", "viz."), a comparison ("vs.", "cf."), a citation:
_INSIDE = ("e.g", "i.e", "cf", "vs", "viz", "et al")
_NO_END = "".join(
    rf"(?<!\b{re.escape(form)})"
    for abbreviation in _INSIDE
    for form in (abbreviation, abbreviation[0].upper() + abbreviation[1:])
)
SENTENCE_END = re.compile(
    rf"[;!?](?:\s|$)|\.$|(?<![A-Z]\.[A-Z]){_NO_END}\.\s|{_NO_END}\.\s(?![a-z])"
    r"|(?<=\bet al)\.\s(?=[A-Z])"  # a citation that ends a sentence
)


def plain_hyphens(text: str) -> str:
    """``text`` with U+2010 and U+2011 as "-", one character for one (places stay)."""
    return text.translate(_AS_HYPHEN_MINUS)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A spelling key: lower case, accents off, æ/ø/å and ä/ö in either spelling alike."""
    w = word.casefold().translate(_FOLD)
    w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    return _LOOSE.sub(lambda m: _LOOSE_TO[m.group(0)], w)


@lru_cache(maxsize=8)
def stemmer(language: str) -> snowballstemmer.stemmer:
    """The Snowball stemmer of a term list's language (English when unknown)."""
    return snowballstemmer.stemmer(STEMMERS.get(language, "english"))


# The stemmer joins "psychologist" and "psychological" (oncologist, oncology). A specialist is a
# person in the team (a model-type clue), not the state or field the adjective names
# ("psychological distress"): an "-ologist(s)" word is known by itself in the singular.
_SPECIALIST = re.compile(r"\w+ologists?")
# The stemmer cuts an adjective in -ical(ly) to an -ic stem that a noun of another meaning also
# has: "medical" and "medication" (medic), "clinical" and "clinic", "physical" and "physics". A
# drug is not medical care, a clinical trial is no clinic: such an adjective is known by itself
# (its adverb by the adjective). Adjectives the stemmer cuts further ("psychological",
# psycholog) keep their stem: no noun in -ic shares it.
_ICAL = re.compile(r"(\w+ical)(?:ly)?")


@lru_cache(maxsize=131072)
def forms(word: str, language: str) -> frozenset[str]:
    """The keys a word is known by: its spelling key and the key of its stem."""
    low = word.casefold()
    if len(low) <= SHORT_WORD:
        return frozenset({fold(low)})
    if language == "en" and _SPECIALIST.fullmatch(low):
        return frozenset({fold(low), fold(low.removesuffix("s"))})
    stem = stemmer(language).stemWord(low)
    ical = _ICAL.fullmatch(low) if language == "en" and stem.endswith("ic") else None
    if ical:
        return frozenset({fold(low), fold(ical.group(1))})
    return frozenset({fold(low), fold(stem)})


@dataclass(frozen=True)
class Token:
    """A word of a text and its place (start and end character)."""

    word: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """The words of a text with their places (an acronym with full stops one word,
    :data:`_DOTTED`)."""
    if "." not in text or not _DOTTED.search(text):
        return [Token(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    out, at = [], 0
    for d in _DOTTED.finditer(text):
        out += [Token(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text, at, d.start())]
        out.append(Token(d.group(0).replace(".", ""), d.start(), d.end()))
        at = d.end()
    return out + [Token(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text, at)]


def verb_in_ed(low: str) -> bool:
    """Whether a lower-case word looks like a verb's past or participle ("contacted",
    "assessed"): it ends in -ed and has five letters or more ("red", "bed" and "need" do not)."""
    return low.endswith("ed") and len(low) > 4


def low_at(words: list, k: int) -> str:
    """The word at index ``k`` in lower case ('' outside the text)."""
    return words[k].word.casefold() if 0 <= k < len(words) else ""


def hyphen_runs(text: str, words: list[Token]) -> list[tuple[int, int, Token]]:
    """(first, last) word indexes and the joined word of each hyphenated run of 2-3 words."""
    out = []
    for i in range(len(words)):
        for j in range(i + 1, min(i + 3, len(words))):
            gap = text[words[j - 1].end : words[j].start]
            if len(gap) != 1 or gap not in HYPHENS:
                break
            out.append(
                (
                    i,
                    j,
                    Token("".join(w.word for w in words[i : j + 1]), words[i].start, words[j].end),
                )
            )
    return out


@lru_cache(maxsize=4096)  # a field's text is read by every term of every scheme
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) characters of a text's sentences (see :data:`SENTENCE_END`)."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return tuple(out)


def sentence_around(text: str, at: int) -> tuple[int, int]:
    """The start and end characters of the sentence around character ``at``."""
    start = max((m.end() for m in SENTENCE_END.finditer(text, 0, at)), default=0)
    end_m = SENTENCE_END.search(text, at)
    return start, end_m.start() if end_m else len(text)
