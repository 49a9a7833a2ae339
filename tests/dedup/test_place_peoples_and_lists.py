"""Peoples and lists a title's place words name (issue 14, dedup44): Central Asia's peoples
('Kyrgyz', 'Uzbek', 'Afghan') name their countries, and 'Chinese Kyrgyz' is a people, not a
'Kyrgyz group' (an organisation's noun); every country of a list before 'veterans' or 'era'
names a war ('Afghanistan and Iraq era veterans'), as the last one does; a social insect's
castes ('honeybee workers', 'ant queens') are the insects, not people who keep them. Each kind:
the reading, and the pair it decides."""

from __future__ import annotations

from dedup.helpers import verdict

from reviewkit.dedup.normalise import keys_for, match_title
from reviewkit.dedup.populations import population_words
from reviewkit.records import Record

TEAM = ["Omarov, Azamat", "Li, Wei", "Smith, Anne"]


def groups(title: str) -> list[str]:
    return sorted(population_words(match_title(title).split()))


def people(title: str) -> list[str]:
    """The groups of people a title names by place (not the places of things' names)."""
    return [g for g in groups(title) if g.startswith(("place:", "ethnic:"))]


def journal(title: str) -> Record:
    return Record(
        title=title, authors=TEAM, year=2021, journal="BMC Public Health", volume="21",
        source="Embase",
    )  # fmt: skip


def test_central_asias_peoples_name_their_countries():
    assert people(
        "Genetic structure analyses and ancestral information inference of Chinese Kyrgyz"
        " group via a panel of 39 AIM-DIPs"
    ) == ["place:china", "place:kyrgyzstan"]  # a people of China, not an organisation
    assert people("Mosquito breeding in the Arnasay depression of the Uzbek SSR") == [
        "place:uzbekistan"
    ]
    assert people("Student-centred learning in Afghan public universities") == ["place:afghanistan"]
    assert "place:kyrgyzstan" in people("FRAX thresholds in Kazakhstan and the Kyrgyz Republic")
    assert people("Hypertension in Kazakh and Tajik adults") == [
        "place:kazakhstan",
        "place:tajikistan",
    ]


def test_two_central_asian_peoples_are_two_populations():
    # read as no group, the two cohorts' reports differed by nothing a rule could see
    one = journal("Prevalence of hypertension among Kazakh adults: a cross-sectional survey")
    two = journal("Prevalence of hypertension among Uzbek adults: a cross-sectional survey")
    assert verdict(keys_for(1, one), keys_for(2, two)) == ("not_duplicate", "population_differs")
    copy = journal("Prevalence of hypertension among Kazakh adults: a cross-sectional survey")
    assert verdict(keys_for(1, one), keys_for(3, copy))[0] == "duplicate"


def test_every_country_of_a_list_before_veterans_names_a_war():
    for title in (
        "A multi-site study of US Afghanistan and Iraq era veterans",
        "Mental health of Iraq and Afghanistan veterans",
        "Sleep in Iraq, Afghanistan and Vietnam veterans",
    ):
        assert not people(title), (title, groups(title))
    # a people's word still names its own veterans; a list before no war word names countries
    assert people("Korean and Vietnam veterans") == ["place:south korea"]
    assert people("Health care in Iraq and Afghanistan: a review") == [
        "place:afghanistan",
        "place:iraq",
    ]


def test_a_wars_list_is_no_people_beside_the_same_wars_veterans():
    # 'Afghanistan' read as a people parted two records of one war's veterans
    one = journal("Insomnia in Afghanistan and Iraq era veterans with PTSD")
    two = journal("Insomnia in Afghanistan and Iraq era veterans with PTSD.")
    three = journal("Insomnia in Afghanistan era veterans with PTSD")
    assert verdict(keys_for(1, one), keys_for(2, two))[0] == "duplicate"
    assert groups(one.title) == ["named:place:afghanistan", "named:place:iraq"]
    assert not people(three.title)


def test_a_social_insects_castes_are_the_insects():
    for title in (
        "Pesticide exposure in American honeybee workers",
        "Longevity of Argentine ant queens after mating",
        "Immune responses of Italian bee workers to pathogens",
        "Effects of four species of East African ant symbionts on their host tree",
    ):
        assert not people(title), (title, groups(title))
    # people who keep the insects stay the place's people
    assert people("Colony losses reported by Australian honeybee farmers") == ["place:australia"]
    assert people("Allergy in Danish bee keepers") == ["place:denmark"]
