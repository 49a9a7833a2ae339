"""Animals, strains, breeds and activities named for a place (issue 14, dedup43): a place word
before an animal's noun ('Norway rats', 'Japanese white rabbits', 'Chinese hamster ovary',
'Guinea pigs') or an activity's ('Nordic walking', 'Swedish massage', 'Brazilian jiu-jitsu',
'Korean diet') names a thing, not a population of people, as a disease or a remedy named for
a place does (test_place_names_of_things.py); a country's name before 'veterans' or 'era' names
the war fought there ('Vietnam veterans'), a people's word its own veterans ('Korean
veterans'). Each kind: the reading, the pair it decides, and the true copy that still merges."""

from __future__ import annotations

from dedup.helpers import outcome, verdict

from reviewkit.dedup.normalise import keys_for, match_title
from reviewkit.dedup.populations import population_words
from reviewkit.records import Record

TEAM = ["Tanaka, Hiro", "Wang, Li", "Smith, Anne"]
RATS = "Neophobia and social learning of food preferences in {}"


def groups(title: str) -> list[str]:
    return sorted(population_words(match_title(title).split()))


def places(title: str) -> list[str]:
    """The groups of people a title names by place (not the places of things' names)."""
    return [g for g in groups(title) if g.startswith(("place:", "ethnic:"))]


def journal(title: str, **kw) -> Record:
    base = dict(title=title, authors=TEAM, year=2016, journal="Physiol Behav", volume="42")
    base.update(kw)
    return Record(source="Embase", **base)


def test_an_animal_strain_or_breed_named_for_a_place_is_no_people():
    for title in (
        "Neophobia in wild Norway rats",  # right before the animal's noun
        "Weaning in the Norway rat",
        "Depression-like responses in Brown Norway rats with leukaemia",
        "Corneal wound healing in Japanese white rabbits",  # one word between
        "Toxicity in Chinese hamster ovary cells",
        "Reproduction in European starlings",
        "Inbreeding of Holstein and Jersey cattle",
        "Genomic evaluation of Nordic Holstein cattle",
        "Welfare in French dairy herds",
        "Bites of the Brazilian tarantula",
        "Anaesthesia in Guinea pigs",
        "Behaviour of Swiss albino mice",  # were rows of the table: now the kind
        "Atherosclerosis in New Zealand White rabbits",
        "Vero cells of the African green monkey",
    ):
        assert not places(title), (title, groups(title))


def test_an_activity_or_diet_named_for_a_place_is_no_people():
    for title in (
        "Nordic walking for chronic low back pain",
        "Swedish massage for anxiety in intensive care",
        "Brazilian jiu-jitsu training and mood",
        "Meat intake in the rice-based Korean diet",
        "Definition of the traditional Mexican diet",
        "Heat stress in the American football uniform",
        "Finnish sauna bathing and mortality",
    ):
        assert not places(title), (title, groups(title))


def test_what_names_people_stands_beside_those_names():
    assert groups("Depression in Dutch women") == ["female", "place:netherlands"]
    assert groups("Stress in Norwegian rat farmers") == ["place:norway"]  # farmers, not rats
    assert groups("Obesity in Korean adults and rats") == ["adult", "place:south korea"]
    assert groups("Walking in Swedish older adults") == ["older", "place:sweden"]
    assert groups("Brucella in British sheep") == ["named:place:united kingdom"]


def test_a_species_part_from_the_species_of_another_place_not_from_a_people():
    # Japanese and New Zealand white rabbits are two breeds (was queued, biblio_partial);
    # Norway rats and Korean adults no longer part as two peoples (a rat is no people)
    for one, two in (
        ("Japanese white rabbits", "New Zealand white rabbits"),
        ("Nordic walking", "Swedish massage"),
        ("Norway rats", "Guinea pigs"),
    ):
        ka, kb = (keys_for(i, journal(RATS.format(t))) for i, t in enumerate((one, two)))
        assert verdict(ka, kb) == ("not_duplicate", "population_differs"), (one, two)
    ka, kb = (keys_for(i, journal(RATS.format(t))) for i, t in enumerate(("Norway rats", "Norwegian adults")))  # fmt: skip
    assert verdict(ka, kb)[1] != "population_differs"


def test_two_strains_still_differ_and_one_report_still_merges():
    # a title differing only by the strain word is no copy where the pages do not say so:
    # Norway (a place's word, now a thing) and Wistar (no place) rats go to a person, or apart
    # without a venue; the same report in two databases, pages and all, still merges
    norway, wistar = RATS.format("Norway rats"), RATS.format("Wistar rats")
    assert outcome(journal(norway), journal(wistar)) == ("queued", "biblio_partial")
    bare = dict(journal="", volume="")
    assert outcome(journal(norway, **bare), journal(wistar, **bare)) == ("apart", "")
    full = dict(pages="101-108", issue="3")
    assert outcome(journal(norway, **full), journal(norway.upper(), **full))[0] == "merged"
    thin = Record(title=norway, source="CENTRAL")
    assert outcome(thin, Record(title=RATS.format("Japanese white rabbits"), source="CENTRAL")) == (
        "apart",
        "",
    )


def test_a_wars_country_names_its_veterans_a_peoples_word_its_own():
    # one rule for veterans: a country's name before 'veterans' or 'era' names the war fought
    # there (was two rows, 'vietnam veterans' and 'vietnam era'; 'Iraq era' and 'Viet Nam
    # veterans' read as those countries' people); a people's word names its own veterans
    for title in (
        "Mortality among Vietnam veterans",
        "Mortality among Viet Nam veterans",
        "Mortality among Vietnam era veterans",
        "Suicide among Iraq era veterans",
        "Health of Korea veterans at 60 years",
        "Prenatal exposure to the Dutch famine and adult obesity",  # a famine, as a war
    ):
        assert not places(title), (title, groups(title))
    assert groups("Agent Orange and Korean veterans") == ["place:south korea"]
    assert groups("Mortality among Australian veterans") == ["place:australia"]
    assert groups("Mortality among UK veterans") == ["place:united kingdom"]  # their own
    title = "Mortality among {} and their offspring"
    ka, kb = (keys_for(i, journal(title.format(w))) for i, w in enumerate(("Korean veterans", "Vietnam veterans")))  # fmt: skip
    assert verdict(ka, kb)[1] != "population_differs"  # a people and a war part no people
    ka, kb = (keys_for(i, journal(title.format(w))) for i, w in enumerate(("Iraq era veterans", "Vietnam era veterans")))  # fmt: skip
    assert verdict(ka, kb) == ("not_duplicate", "population_differs")
    one, two = (f"Prenatal exposure to the {w} famine and adult obesity" for w in ("Dutch", "Chinese"))  # fmt: skip
    assert verdict(keys_for(1, journal(one)), keys_for(2, journal(two))) == ("not_duplicate", "population_differs")  # fmt: skip


def test_people_who_work_with_animals_are_their_places_people():
    # rd43e: 'Australian snake taxonomists' (srsr) read as a snake's place; any people who
    # keep, breed, treat or study animals, or a word for people after the animal's noun,
    # are the place's people, as 'Norwegian rat farmers' were
    for title, place in (
        ("The good, the bad and the ugly: Australian snake taxonomists", "place:australia"),
        ("Burnout in Dutch cattle veterinarians", "place:netherlands"),
        ("Zoonoses in Danish pig breeders and producers", "place:denmark"),
        ("Injuries in Swiss horse riders", "place:switzerland"),
        ("Allergy among Japanese laboratory mouse researchers", "place:japan"),
        ("Antivenom use in Indian snake bite patients", "place:india"),
    ):
        assert places(title) == [place], (title, groups(title))
    # but a species whose place word is a country's name no keeper comes from stays a species
    for title in ("Asthma in guinea pig handlers", "Allergy in Norway rat researchers"):
        assert not places(title), (title, groups(title))
    # the same noun names no people where no such word follows
    assert not places("Venoms of Australian snakes")
    # so they part from another country's (were named apart from any people) and one report
    # in two databases still merges
    title = "Occupational zoonoses and burnout among {} in a national survey"
    ka, kb = (keys_for(i, journal(title.format(w))) for i, w in enumerate(("Dutch cattle veterinarians", "Belgian veterinarians")))  # fmt: skip
    assert verdict(ka, kb) == ("not_duplicate", "population_differs")
    one = journal(title.format("Dutch cattle veterinarians"), pages="101-108", issue="3")
    assert outcome(one, journal(one.title.upper(), pages="101-108", issue="3"))[0] == "merged"


def test_a_word_that_is_also_a_burden_or_a_countrys_game_names_no_thing():
    # 'strain' is a burden after a word for who bears it ('caregiver strain', 'job strain'):
    # a strain's place only right after it ('a Japanese strain of ...'); 'football' is the
    # country's own game but where a code is named for a place (American, Australian,
    # Canadian football)
    assert places("Caregiver burden and Chinese caregiver strain") == ["place:china"]
    assert places("Korean job strain and depressive symptoms") == ["place:south korea"]
    assert not places("Infection with an Australian strain of reticuloendotheliosis virus")
    assert places("Injury incidence in Swedish football players") == ["place:sweden"]
    assert places("Concussion in Italian football") == ["place:italy"]
    for sport in ("American", "Australian", "Canadian"):
        assert not places(f"Concussion in {sport} football players"), sport
