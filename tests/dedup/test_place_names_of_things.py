"""Place words with another meaning (issue 14, dedup42): a country's or a people's name inside
the name of a disease, a stain, a species or breed, a medicine system, an organisation or a
war names no population ('India ink', 'German measles', 'Spanish flu', 'Chinese hamster',
'Chinese herbal medicine', 'American Heart Association', 'Vietnam War veterans'); 'Georgia' is
the US state as often as the country; 'Black and White women' names both groups. Each is
read through the public reading (population_words) and the pair it decides, beside the
reading that still stands."""

from __future__ import annotations

from dedup.helpers import outcome, verdict

from reviewkit.dedup.normalise import keys_for, match_title
from reviewkit.dedup.populations import population_words
from reviewkit.records import Record

TEAM = ["Tanaka, Hiro", "Wang, Li", "Smith, Anne"]


def groups(title: str) -> list[str]:
    return sorted(population_words(match_title(title).split()))


def journal(title: str, **kw) -> Record:
    base = dict(title=title, authors=TEAM, year=2016, journal="Vaccine")
    base.update(kw)
    return Record(source="Embase", **base)


def test_place_words_inside_a_name_of_a_thing_name_no_population():
    for title in (
        "Using India ink as a sensor for oximetry",  # a stain
        "Congo red staining of amyloid",
        "German measles in pregnancy",  # diseases named for a place
        "Lessons from the Spanish flu of 1918",
        "Japanese encephalitis vaccination",
        "Middle East respiratory syndrome coronavirus",
        "African swine fever virus in wild boar",
        "Toxicity in Chinese hamster ovary cells",  # species, strains and breeds
        "Growth of Japanese quail fed a low protein diet",
        "Behaviour of Swiss albino mice",
        "Atherosclerosis in New Zealand White rabbits",
        "Vero cells of the African green monkey",
        "Hip dysplasia in German shepherd dogs",
        "Turkey coronavirus in turkey poults",
        "Newcastle disease in guinea fowl",
        "Chinese herbal medicine for depression",  # a medicine system and its remedies
        "Traditional Chinese medicine for insomnia",
        "Korean red ginseng and fatigue",
        "Kampo and Japanese herbal medicines",
        "A statement from the American Heart Association",  # organisations and meetings
        "Guidelines of the American Society of Clinical Oncology",
        "A report of the European Respiratory Society task force",
        "Abstracts of the 26th European Workshop on Neonatology",
        "Health of Vietnam War veterans",  # a war: its veterans are the US's
        "Depression in Spanish-speaking immigrants",  # a language spoken anywhere
    ):
        assert not [g for g in groups(title) if g.startswith(("place:", "ethnic:"))], title


def test_the_place_reading_stands_beside_those_names():
    assert groups("Depression in Chinese adults") == ["adult", "place:china"]
    assert groups("Chinese herbal medicine for depression in Chinese adults") == [
        "adult",
        "named:place:china",  # the remedy's place, beside the people's
        "place:china",
    ]
    assert groups("Ageing in Chinese society") == ["place:china"]  # a people's society
    assert groups("Stress in Korean female college students") == ["female", "place:south korea"]
    assert groups("Brucella in British sheep") == ["named:place:united kingdom"]  # animals
    assert groups("Influenza in Spain") == ["place:spain"]
    assert groups("Tuberculosis in Turkey: a review") == ["place:turkey"]
    assert groups("Obesity in Black and White women") == ["ethnic:black", "ethnic:white", "female"]
    assert groups("Complications in White and Black patients") == ["ethnic:black", "ethnic:white"]
    assert groups("A black and white colobus monkey") == []


def test_georgia_the_state_or_the_country_parts_from_neither():
    # 'Georgia' is a US state ('in Georgia and West Virginia') as often as the country
    # ('Tbilisi, Georgia'): beside the United States it parts nothing, beside another
    # country (Armenia) it does
    title = "Hepatitis C treatment uptake among people who inject drugs in {}"
    got = outcome(journal(title.format("Georgia")), journal(title.format("Georgia, USA")))
    assert got[0] == "merged", got
    ga, us, am = (keys_for(i, journal(title.format(p))) for i, p in
                  enumerate(("Georgia", "the United States", "Armenia")))  # fmt: skip
    assert verdict(ga, us)[1] != "population_differs"
    assert verdict(ga, am) == ("not_duplicate", "population_differs")


def test_one_thing_named_for_two_places_is_two_things():
    # the place word of a thing's name still tells it from the thing named for another place:
    # sleeping sickness and Chagas disease, Panax ginseng and Panax quinquefolius, two wars'
    # veterans, two national societies' guidelines, two countries' networks. Read as no group
    # at all, a pair differing only there had nothing to part it (it merged or was queued)
    for one, two in (
        ("Suramin for African trypanosomiasis", "Suramin for American trypanosomiasis"),
        ("Korean ginseng for fatigue in survivors", "American ginseng for fatigue in survivors"),
        ("Lessons from the Spanish flu for planning", "Lessons from the Hong Kong flu for planning"),
        ("Health of Vietnam War veterans at 20 years", "Health of Korean War veterans at 20 years"),
        (
            "Guidelines of the Korean Society of Hypertension for management",
            "Guidelines of the Japanese Society of Hypertension for management",
        ),
        ("Depression in Japanese primary care network patients", "Depression in Korean primary care network patients"),
        ("Results of the German Hodgkin Study Group HD10 trial", "Results of the Dutch Hodgkin Study Group HD10 trial"),
    ):  # fmt: skip
        a, b = journal(one, volume="42"), journal(two, volume="42")
        assert verdict(keys_for(1, a), keys_for(2, b)) == ("not_duplicate", "population_differs")
        got = outcome(Record(title=one, source="CENTRAL"), Record(title=two, source="CENTRAL"))
        assert got == ("apart", ""), (one, two, got)


def test_a_things_place_parts_no_population():
    # a thing named for a place is no population: it parts neither from a people named in the
    # other title nor, in a bare title, from a title without it
    for one, two in (
        ("Chinese herbal medicine for depression", "Herbal medicine for depression in Korean adults"),
        ("A Japan Clinical Oncology Group trial in gastric cancer", "A trial in gastric cancer in Japanese patients"),
    ):  # fmt: skip
        a, b = (keys_for(i, journal(t, volume="42")) for i, t in enumerate((one, two)))
        assert verdict(a, b)[1] != "population_differs", (one, two)
    title = "Korean red ginseng for fatigue in cancer survivors"
    got = outcome(Record(title=title, source="CENTRAL"), Record(title="Red ginseng for fatigue in cancer survivors", source="CENTRAL"))  # fmt: skip
    assert got == ("queued", "title_only_record"), got
    # and the same thing in both titles, one naming where it ran, is one report
    full = journal(title + " in Korea", volume="42", pages="101-108")
    assert outcome(full, journal(title, volume="42", pages="101-108"))[0] == "merged"


def test_a_colour_in_a_list_of_peoples_names_its_group():
    # a colour names an ethnic group wherever it stands in a list of peoples before the word
    # for people, not only right before it or in 'Black and White': 'Black and Hispanic women'
    # read as Hispanic women only, so it was one group with 'White and Hispanic women'
    assert groups("Obesity among Black and Hispanic women") == [
        "ethnic:black",
        "ethnic:hispanic",
        "female",
    ]
    assert groups("Diabetes in White, Black, and Asian adults") == [
        "adult",
        "ethnic:black",
        "ethnic:white",
        "place:asia",
    ]
    one, two = (
        "Obesity among {} and Hispanic women in Chicago",
        "Diabetes in {}, Asian and Hispanic adults",
    )
    for title in (one, two):
        ka, kb = (keys_for(i, journal(title.format(c))) for i, c in enumerate(("Black", "White")))
        assert verdict(ka, kb) == ("not_duplicate", "population_differs"), title
    # a colour before anything else in the list is no people ('black and white photographs')
    assert groups("Black and white photographs of patients in clinics") == []


def test_a_language_parts_another_language_not_a_people():
    # '<people>-speaking' and '<people> speakers' name a language, spoken in many countries:
    # any language, not Spanish alone (a row): Spanish- and Portuguese-speaking patients are
    # two groups (was queued, biblio_partial), Spanish-speaking and Hispanic patients are not
    title = "Depression screening in {} primary care patients"
    for one, two in (
        ("Spanish-speaking", "Portuguese-speaking"),
        ("Chinese-speaking", "Korean-speaking"),
        ("French speakers among", "German speakers among"),
    ):
        ka, kb = (keys_for(i, journal(title.format(w))) for i, w in enumerate((one, two)))
        assert verdict(ka, kb) == ("not_duplicate", "population_differs"), (one, two)
    ka, kb = (keys_for(i, journal(title.format(w))) for i, w in enumerate(("Spanish-speaking", "Hispanic")))  # fmt: skip
    assert verdict(ka, kb)[1] != "population_differs"
    assert not [g for g in groups(title.format("French-speaking")) if g.startswith("place:")]


def test_a_war_parts_another_war_and_its_country_stands():
    # any place before 'war' names a war: Vietnam's was a row ('vietnam war') and Iraq's
    # read as Iraq's people, which part nothing from a thing's place (queued, biblio_partial)
    title = "Mortality among {} and their offspring"
    for one, two in (
        ("Iraq War veterans", "Vietnam War veterans"),
        ("Iraq War veterans", "Vietnam veterans"),
        ("Gulf War and Iraq War veterans", "Gulf War and Korean War veterans"),
        ("Australian Vietnam veterans", "American Vietnam veterans"),  # two countries' own
    ):
        ka, kb = (keys_for(i, journal(title.format(w))) for i, w in enumerate((one, two)))
        assert verdict(ka, kb) == ("not_duplicate", "population_differs"), (one, two)
    assert groups(title.format("Australian veterans")) == ["place:australia"]
    assert groups(title.format("British veterans")) == ["place:united kingdom"]


def test_a_disease_named_for_a_place_is_one_kind_not_rows():
    # a place's word right before a disease's noun (flu, influenza, fever, encephalitis,
    # measles, trypanosomiasis) names the disease, for any place: 'Spanish flu' was a row
    # and 'Asian flu' read as Asia's people, which part nothing (queued, biblio_partial)
    title = "Lessons from the {} for pandemic planning"
    for one, two in (("Asian flu", "Spanish flu"), ("Russian influenza", "Hong Kong influenza")):
        ka, kb = (keys_for(i, journal(title.format(w))) for i, w in enumerate((one, two)))
        assert verdict(ka, kb) == ("not_duplicate", "population_differs"), (one, two)
    assert groups("Korean haemorrhagic fever in Korean soldiers") == [
        "named:place:south korea",
        "place:south korea",
    ]
