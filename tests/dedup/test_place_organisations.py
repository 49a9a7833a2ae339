"""The organisation reading (issue 14, dedup43): a place word opens an organisation's or a
meeting's name where a body's noun follows within two words ('Japan Clinical Oncology Group',
'the Nordic Myeloma Study Group', 'Canadian Respiratory Conference'); a pronoun or a part's
number between ends the name, as a sentence break the folding erased ('(Poland). Its history,
organisation', 'Finland. IV. Associations with …'): there the place is its people's. A
cooperative group's trial does not part from its country's patients: one trial, titled
either way. Two peoples joined before a body's noun ('Italian-Israeli consensus conference')
name the body's places, both (q44h)."""

from __future__ import annotations

from dedup.helpers import outcome, verdict

from reviewkit.dedup.normalise import keys_for, match_title
from reviewkit.dedup.populations import population_words
from reviewkit.records import Record

TEAM = ["Virtanen, Matti", "Korhonen, Anna", "Nieminen, Juha"]


def groups(title: str) -> list[str]:
    return sorted(population_words(match_title(title).split()))


def journal(title: str, **kw) -> Record:
    base = dict(title=title, authors=TEAM, year=1978, journal="Scand J Soc Med", volume="6")
    base.update(kw)
    return Record(source="Embase", **base)


def test_a_sentence_break_between_a_place_and_a_body_noun_ends_the_name():
    assert groups("Institute of Forensic Research in Cracow (Poland). Its history, organisation and activity") == ["place:poland"]  # fmt: skip
    assert groups("Defects of the nervous system in Finland. IV. Associations with x-ray examinations") == ["place:finland"]  # fmt: skip
    assert groups("Registers in Denmark. 2. Network analysis of referrals") == ["place:denmark"]


def test_organisations_and_meetings_stand():
    for title, place in (
        ("A Japan Clinical Oncology Group trial in gastric cancer", "japan"),
        ("Thalidomide in myeloma: a Nordic Myeloma Study Group trial", "scandinavia"),
        ("Abstracts of the 2017 Canadian Respiratory Conference", "canada"),
        ("Occupational Therapy Australia, 24th National Conference", "australia"),
        ("A report of the European Particle Therapy Network", "europe"),
    ):
        assert groups(title) == ["named:place:" + place], title


def test_a_part_of_one_countrys_series_parts_from_anothers_people():
    # read as an organisation's place, Finland's part IV parted from no people (Swedish
    # children's was queued); read as Finland's people it parts. The copy still merges.
    finland = "Defects of the nervous system in Finland. IV. Associations with x-ray examinations"
    sweden = (
        "Defects of the nervous system in Swedish children: associations with x-ray examinations"
    )
    ka, kb = keys_for(1, journal(finland)), keys_for(2, journal(sweden))
    assert verdict(ka, kb) == ("not_duplicate", "population_differs")
    full = dict(pages="141-150", issue="3")
    assert outcome(journal(finland, **full), journal(finland.upper(), **full))[0] == "merged"


def test_a_cooperative_groups_trial_does_not_part_from_its_countrys_patients():
    # of the ten sets' 138 candidate pairs of a thing's place against a people, none is a copy
    # (137 apart by their titles, 1 queued): no label asks to part them, and one trial is
    # titled either way
    group = "Thalidomide and prednisone in myeloma: the Nordic Myeloma Study Group trial"
    people = "Thalidomide and prednisone in Nordic patients with myeloma"
    ka, kb = keys_for(1, journal(group)), keys_for(2, journal(people))
    assert verdict(ka, kb)[1] != "population_differs"


def test_two_peoples_joined_before_a_body_name_its_places():
    # a hyphenated pair (the hyphen folded away) before a meeting's or a body's noun: both words
    # name the body's places, as the second alone did (dedup44: only 'Israeli' was read so)
    assert groups("Autism spectrum disorders: an Italian-Israeli consensus conference") == [
        "named:place:israel",
        "named:place:italy",
    ]
    assert groups("Nordic-European workshop on ethical evaluation of animal experiments") == [
        "named:place:europe",
        "named:place:scandinavia",
    ]
    assert groups("A German-Austrian-Swiss consensus conference on vertigo") == [
        "named:place:austria",
        "named:place:germany",
        "named:place:switzerland",
    ]
    # the same place twice is a sentence break the folding erased: the first is studied there
    assert groups(
        "Malignant tumours in seven centres of Pakistan. Pakistan Medical Research Council"
    ) == ["named:place:pakistan", "place:pakistan"]
    # a joined pair before people is two peoples ('Italian-Israeli children')
    assert groups("Autism in Italian-Israeli children") == ["child", "place:israel", "place:italy"]


def test_two_peoples_joined_before_a_document_name_its_issuers():
    # a guideline of two countries' societies: its issuers' places, both, as a body's (q45);
    # not two peoples studied
    title = "German-Austrian guidelines for postexposure prophylaxis of HIV infection"
    assert groups(title) == ["named:place:austria", "named:place:germany"]
    assert groups("Austrian-German-Swiss recommendations on vertigo") == [
        "named:place:austria",
        "named:place:germany",
        "named:place:switzerland",
    ]
    # one people before a document stays a people: the guidelines are for its patients too
    assert groups("Chinese guidelines for the management of hypertension") == ["place:china"]
    # one place twice is a sentence break, not two issuers
    assert groups("Malaria in Pakistan. Pakistan guidelines for treatment") == ["place:pakistan"]


def test_a_bodys_partners_in_either_order_are_one_body():
    # read as a people and a body's place, the two orders parted as two populations; one
    # report's copies from two databases write its partners either way
    one = "Early intervention in autism: an Italian-Israeli consensus conference"
    two = "Early intervention in autism: an Israeli-Italian consensus conference"
    full = dict(pages="141-150", issue="3")
    ka, kb = keys_for(1, journal(one, **full)), keys_for(2, journal(two, **full))
    assert verdict(ka, kb)[0] == "duplicate"
    # a conference of other partners still parts (the places of the bodies' names differ)
    other = journal("Early intervention in autism: a Spanish-Portuguese consensus conference")
    assert verdict(ka, keys_for(3, other)) == ("not_duplicate", "population_differs")
