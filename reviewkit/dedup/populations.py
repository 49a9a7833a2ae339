"""The population groups a title names (an age group, a sex, a care setting, a trial arm, a
country or an ethnic group: :mod:`population_places`): two registrations or reports naming
other groups are about other people."""

from __future__ import annotations

from reviewkit.dedup.abbreviations import FUNCTION_WORDS
from reviewkit.dedup.population_places import NAMED, PLACE_SPANS, place_groups

# Words of a title that name a population, an age group, a sex, a care setting or a trial arm,
# by group. Two registrations or reports that differ in one of these ('Pediatric …' / 'Adult …',
# '… in men' / '… in women', inpatients / outpatients) are about different people, however alike
# the rest of the title: a trial register splits studies by each of them.
_POPULATION_GROUPS = {
    "child": "child children childhood paediatric pediatric paediatrics pediatrics kids",
    "adolescent": "adolescent adolescents adolescence teenagers teens",
    # UN and WHO: youth are 15 to 24, as 'young people' spans adolescents and young adults
    "young_people": "youth youths",
    "adult": "adult adults",
    "older": "elderly geriatric seniors",
    "infant": "infant infants neonatal neonate neonates newborn newborns preterm",
    # the singular too: a case report's 'a 45-year-old man' / '... woman', an old title's
    # '... in man' against '... in woman' (a team's two papers; 'man' there may mean humans,
    # yet a title naming women is about other people than one naming man or men)
    "male": "men male males boys man boy",
    "female": "women female females girls woman girl",
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
# 'young people' ('young persons') spans the adolescents and the young adults: WHO's 10 to 24,
# the UK's services for 16 to 25. It is neither band, and other people than neither: a
# registration for adolescents may be reported as one for young people, and so may one for
# young adults. It is its own group ('young_people'), with 'youth' (the UN's and WHO's 15 to
# 24), that differs from every group but those two (:func:`groups_apart`); the ten labelled
# sets hold no pair it decides (dedup41; none with 'youth' beside another age word, rd41h).
_SPANS = {"young_people": frozenset(["adolescent", "young"])} | PLACE_SPANS
_BROAD_PEOPLE = frozenset(["people", "persons", "person"])
_PLACE_PREFIXES = ("place:", "ethnic:")
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
# the words for people after which 'white' or 'black' names an ethnic group
_ETHNIC_PEOPLE = _PEOPLE | {"children", "adolescents", "youth", "girls", "boys", "mothers"}
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
            young_people = _AGE_BANDS[word] == "young" and after in _BROAD_PEOPLE
            groups.add("young_people" if young_people else _AGE_BANDS[word])
            banded.add(i + 1)
    groups.update(
        POPULATION_WORDS[w]
        for i, w in enumerate(words)
        if w in POPULATION_WORDS and not (i in banded and POPULATION_WORDS[w] == "adult")
    )
    groups.update(place_groups(words, _ETHNIC_PEOPLE))
    return frozenset(groups)


def _overlap(g: str, h: str) -> bool:
    return g == h or h in _SPANS.get(g, ()) or g in _SPANS.get(h, ())


def _unmatched(these: frozenset[str], those: frozenset[str]) -> bool:
    """Whether ``these`` name a group that ``those`` neither name nor overlap."""
    return any(not any(_overlap(g, h) for h in those) for g in these)


def _people(groups: frozenset[str]) -> frozenset[str]:
    """The groups but a country's, a region's or an ethnic group's (population_places)."""
    return frozenset(g for g in groups if not g.startswith(_PLACE_PREFIXES))


def _named(groups: frozenset[str]) -> frozenset[str]:
    """The places of things' names ('korean ginseng' -> 'place:south korea'; population_places)."""
    return frozenset(g.removeprefix(NAMED) for g in groups if g.startswith(NAMED))


def groups_apart(pa: frozenset[str], pb: frozenset[str], thin: bool) -> bool:
    """Whether two titles' population groups say other people: each names a group the other
    neither names nor overlaps ('young people' overlaps adolescents and young adults), or, for
    records with nothing but a title, one names an age group, sex, setting or arm the other
    lacks. A country named on one side only is no such sign: a subtitle names where the study
    ran ('…: the Norwegian multicentre study'), and a person sees the pair
    (title_only_record). The places of things' names are weighed among themselves only:
    Korean and American ginseng part, Korean ginseng and Japanese adults do not."""
    if pa == pb:
        return False
    na, nb = _named(pa), _named(pb)
    if _unmatched(na, nb) and _unmatched(nb, na):
        return True
    pa = frozenset(g for g in pa if not g.startswith(NAMED))
    pb = frozenset(g for g in pb if not g.startswith(NAMED))
    if _unmatched(pa, pb) and _unmatched(pb, pa):
        return True
    if not thin:
        return False
    qa, qb = _people(pa), _people(pb)
    return _unmatched(qa, pb) or _unmatched(qb, pa)
