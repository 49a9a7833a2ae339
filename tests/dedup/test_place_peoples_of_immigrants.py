"""A people of a country of immigrants named by its origin and that country's word
('Mexican-American', 'French-Canadian', 'Asian Americans'; q44l): one ethnic group of that
country, as 'African American' is, not two countries. It parts from its origin's own people and
from another origin's, and overlaps its country's name. Canadian and American with each other
are two countries (a border, a joint study, a list). Each kind: the reading, and the pair it
decides."""

from __future__ import annotations

from dedup.helpers import verdict

from reviewkit.dedup.normalise import keys_for, match_title
from reviewkit.dedup.populations import groups_apart, population_words
from reviewkit.records import Record

TEAM = ["Garcia, Ana", "Tremblay, Luc", "Smith, Anne"]


def people(title: str) -> list[str]:
    """The groups of people a title names by place."""
    groups = population_words(match_title(title).split())
    return sorted(g for g in groups if g.startswith(("place:", "ethnic:")))


def journal(title: str) -> Record:
    return Record(
        title=title, authors=TEAM, year=2021, journal="J Immigr Minor Health", volume="23",
        source="Embase",
    )  # fmt: skip


def test_an_origin_and_a_countrys_word_name_one_people_of_that_country():
    mexican_american = ["ethnic:mexico in united states"]
    assert people("Literacy in Mexican-American children") == mexican_american
    assert people("Literacy in Mexican American children") == mexican_american
    assert people("Literacy in Mexican\u2010Americans") == mexican_american  # U+2010 hyphen
    assert people("HLA studies in a French-Canadian family") == ["ethnic:france in canada"]
    assert people("Cancer care and the Asian American population") == [
        "ethnic:asia in united states"
    ]
    # 'African American' keeps its group; an origin alone is still its country
    assert people("Hypertension in African-Americans") == ["ethnic:black"]
    assert people("Literacy in Mexican children") == ["place:mexico"]
    # Canadian and American with each other are two countries: a list, a border
    assert people(
        "How Swedish guidelines compare to Canadian, American and European guidelines"
    ) == ["place:canada", "place:europe", "place:sweden", "place:united states"]
    assert people("Tuberculosis at the Canadian-American border") == [
        "place:canada",
        "place:united states",
    ]


def test_a_people_of_immigrants_parts_from_other_peoples_not_from_its_country():
    # read as Mexico and the United States, the US cohort's report held the Mexican one's
    # country, and the two differed by a country named on one side only
    us = journal("Acculturation and diet quality among Mexican-American women: a cohort study")
    mexico = journal("Acculturation and diet quality among Mexican women: a cohort study")
    assert verdict(keys_for(1, us), keys_for(2, mexico)) == ("not_duplicate", "population_differs")
    quebec = journal("Validation of the French-Canadian version of the Sexual Excitation Scales")
    france = journal("Validation of the French version of the Sexual Excitation Scales")
    assert verdict(keys_for(3, quebec), keys_for(4, france))[0] == "not_duplicate"
    # another origin's people of the same country parts too
    asian = journal("Acculturation and diet quality among Asian-American women: a cohort study")
    assert verdict(keys_for(1, us), keys_for(5, asian))[0] == "not_duplicate"
    # the people, written with their country's name, overlap it: no other population
    in_the_us = journal(
        "Acculturation and diet quality among Mexican-American women: a cohort study in the USA"
    )
    assert verdict(keys_for(1, us), keys_for(6, in_the_us))[0] == "duplicate"
    origin = population_words(match_title("Mexican-origin women in the United States").split())
    assert not groups_apart(population_words(match_title(us.title).split()), origin, False)
