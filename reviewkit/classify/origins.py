"""A place at the head of a named instrument or body is where it came from, not where a study was.

Instruments and reference bodies are named after the place they were made in and used
everywhere: the Quebec Back Pain Disability Scale, the Canadian Occupational Performance
Measure, the Western Ontario Rotator Cuff Index, the Michigan Hand Outcomes Questionnaire, the
Minnesota Multiphasic Personality Inventory, the Dutch Musculoskeletal Questionnaire, the New
York Heart Association class, the American College of Rheumatology criteria. A study in Japan
that used one of them is a study in Japan. So a place the protocol lists (a country, its
people's adjective, a state, a city that names instruments: :mod:`.place_names`), written as a
proper name or in lower case, is no evidence where it heads such a name: it is followed (at
most :data:`_LONGEST` words on), in capitals and with nothing but spaces, hyphens and the
joining words "of", "and", "for" between, by an instrument's or a body's head noun
(:data:`HEADS`); after a city that names instruments the words may be in lower case too ("the
Oswestry disability index", "the Utrecht work engagement scale"), up to a closed-class word or
a verb ("workers in Copenhagen completed a pain scale"), and a head right after the city only
where the noun phrase ends ("patients in Boston score higher": a verb); not after a country,
whose lower-case words name what was done there ("a Danish questionnaire survey"). A language
version
("the Japanese version of the Utrecht Work Engagement Scale") and a national cohort or survey
("the Danish Work Environment Cohort Study") do say where a study was: "version" is in lower
case and "Study" and "Survey" are no heads, so both are kept. A scheme of what a study
measured (``measures = true``) does not apply the rule: there an instrument's name is the
evidence, and a term written 'Work Ability' must find the Work Ability Index
(:func:`reviewkit.classify.terms.find_term`). Nor does a term that is no place: a person's
name heads an instrument's name as its author ("Beck*" in the Beck Depression Inventory,
"Karasek" in the Karasek Job Content Questionnaire), and is what a term for it looks for.
"""

from __future__ import annotations

from reviewkit.classify.named_after import CLOSED_CLASS, ends_phrase, past_verb
from reviewkit.classify.place_names import is_city, is_place
from reviewkit.classify.words import HYPHENS, Token, fold

# The nouns that end an instrument's or a reference body's name (folded): what is named after a
# place and used in every country ("profile": the Nottingham Health Profile). Not "Study",
# "Survey", "Cohort", "Register", "Institute" or "Agency": a national study, register or agency
# is where the study was.
HEADS = frozenset(
    {
        "questionnaire", "questionnaires", "scale", "scales", "subscale", "index", "inventory",
        "measure", "score", "test", "task", "criteria", "classification", "checklist",
        "instrument", "association", "college", "society", "academy", "profile",
    }
)  # fmt: skip
_JOINING = frozenset({"of", "and", "for"})
_BETWEEN = frozenset({"", *HYPHENS, "/"})  # what may stand between two words of one name
# words of a name after the place, up to its head noun, joining words counted: the field's
# longest run to six ("Nottingham Extended Activities of Daily Living Scale"; "Oswestry Low Back
# Pain Disability Questionnaire" is five); every word between must be a capitalised word or a
# joining one, so a longer reach finds no more names in sentence case
_LONGEST = 8
# A text whose every longer word outside the name begins with a capital is written in title
# case ("Return to Work Among Danish Nurses: The Work Ability Index"): there capitals mark no
# name, and the rule is not applied
_LONGER = 4


def proper_name(term: str) -> bool:
    """Whether a protocol's term is written as a proper name ("Danish", "New York"), not in
    capitals (an acronym: "UK", "NAV") nor in lower case."""
    letters = term.strip("\"'*")
    return len(letters) > 1 and letters[0].isupper() and letters[1].islower()


def place_name(term: str) -> bool:
    """Whether a protocol's term is a place written as a proper name or in lower case, the terms
    the origin rule reads (:func:`names_origin`): "Quebec", "Danish", "copenhagen" (a term
    matches whatever its case, so a user need not capitalise it); not "Beck*", "Karasek", nor
    an acronym ("UK", or "us", which in lower case is a pronoun)."""
    letters = term.strip("\"'*")
    lower = letters.islower() and len(letters) > 3
    return (proper_name(term) or lower) and is_place(term)


def names_origin(text: str, words: list[Token], first: int, last: int) -> bool:
    """Whether the words first..last head a named instrument or body, in capitals up to its
    head noun ("Quebec Back Pain Disability Scale", "American College of Rheumatology"), or,
    after a city that names instruments, in lower case ("the Oswestry disability index"); never
    in a text written in title case."""
    city = is_city(" ".join(w.word for w in words[first : last + 1]))
    for k in range(last + 1, min(last + 1 + _LONGEST, len(words))):
        gap = text[words[k - 1].end : words[k].start].strip()
        if gap not in _BETWEEN:
            return False
        word = words[k].word
        if word.casefold() in _JOINING:
            continue
        lower = not word[:1].isupper()
        if lower and not (city and _lower_name_word(word)):
            return False
        # a head in lower case is a noun where the noun phrase ends there ("the Oxford scale,")
        # or after another lower-case word of the name ("the Oswestry disability index
        # scores"): right after the city it may be a verb ("workers in Boston score higher")
        noun = not lower or ends_phrase(text, words, k) or words[k - 1].word[:1].islower()
        if word.casefold() in HEADS and noun:
            return not _title_case(words[:first] + words[k + 1 :])
    return False


def _lower_name_word(word: str) -> bool:
    """Whether a word in lower case may stand in an instrument's name after a city ("disability",
    "work engagement"): not a closed-class word (an article, a preposition, an auxiliary), a
    number or a past verb, which end the city's noun phrase ("in Copenhagen completed a pain
    scale"). Only after a city: "a Danish questionnaire survey" is a survey in Denmark, while a
    city heads few noun phrases but its instruments' names."""
    low = fold(word)
    return low.isalpha() and low not in CLOSED_CLASS and not past_verb(low)


def _title_case(words: list[Token]) -> bool:
    """Whether every word of four letters or more begins with a capital."""
    longer = [w.word for w in words if len(w.word) >= _LONGER and w.word.isalpha()]
    return bool(longer) and all(w[0].isupper() for w in longer)
