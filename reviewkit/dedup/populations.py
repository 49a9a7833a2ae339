"""The population groups a title names (an age group, a sex, a care setting, a trial arm):
two registrations or reports naming other groups are about other people."""

from __future__ import annotations

from reviewkit.dedup.abbreviations import FUNCTION_WORDS

# Words of a title that name a population, an age group, a sex, a care setting or a trial arm,
# by group. Two registrations or reports that differ in one of these ('Pediatric …' / 'Adult …',
# '… in men' / '… in women', inpatients / outpatients) are about different people, however alike
# the rest of the title: a trial register splits studies by each of them.
_POPULATION_GROUPS = {
    "child": "child children childhood paediatric pediatric paediatrics pediatrics kids",
    "adolescent": "adolescent adolescents adolescence youth youths teenagers teens",
    "adult": "adult adults",
    "older": "elderly geriatric seniors",
    "infant": "infant infants neonatal neonate neonates newborn newborns preterm",
    "male": "men male males boys",
    "female": "women female females girls",
    "placebo": "placebo sham",
    "inpatient": "inpatient inpatients hospitalised hospitalized",
    "outpatient": "outpatient outpatients",
}
POPULATION_WORDS = {w: g for g, words in _POPULATION_GROUPS.items() for w in words.split()}
# An age word names an age band of people only before a word for people: 'older adults',
# 'young people', 'aged persons' — not 'older drugs', 'children aged 6 to 12' or 'young adult
# mice' (an animal's age). 'adults' after it names that band only, not adults at large:
# 'older adults' is 'the elderly' retitled (one group), and another group than 'adults', as
# 'elderly' / 'adults' always was.
_AGE_BANDS = {
    "older": "older",
    "old": "older",
    "aged": "older",
    "young": "young",
    "younger": "young",
}
_PEOPLE = frozenset(
    [
        "adults",
        "people",
        "persons",
        "patients",
        "women",
        "men",
        "subjects",
        "participants",
        "individuals",
    ]
)
# 'old' after a unit of age gives an age in years ('18-23-year-old women', '65 year old men'),
# any age, not old age.
_AGE_UNITS = frozenset(["year", "years", "month", "months", "week", "weeks", "day", "days"])


def _names_age_band(before: str, word: str) -> bool:
    """``word`` (an age word before a word for people) names its age band where ``before`` does
    not make it part of another age: 'aged' names old age alone ('in aged people'), after any
    other word it joins that word's age ('middle-aged', 'reproductive-aged', 'school-aged');
    'old' after a unit of age ('year-old') is an age in years."""
    if word == "aged":
        return not before or before in FUNCTION_WORDS
    return not (word == "old" and before in _AGE_UNITS)


def population_words(words: list[str]) -> frozenset[str]:
    """The population groups named by the folded words of a title ('paediatric' -> 'child',
    'older adults' -> 'older', as 'elderly'; 'middle aged women' -> 'female' only)."""
    groups: set[str] = set()
    banded: set[int] = set()  # the positions of words for people an age band names
    for i, (before, word, after) in enumerate(zip(["", *words], words, words[1:], strict=False)):
        if word in _AGE_BANDS and after in _PEOPLE and _names_age_band(before, word):
            groups.add(_AGE_BANDS[word])
            banded.add(i + 1)
    groups.update(
        POPULATION_WORDS[w]
        for i, w in enumerate(words)
        if w in POPULATION_WORDS and not (i in banded and POPULATION_WORDS[w] == "adult")
    )
    return frozenset(groups)
