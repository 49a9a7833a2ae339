"""The origin rule (reviewkit/classify/origins.py) for a place term written in lower case
("copenhagen": a user's protocol need not capitalise it) and for an instrument whose name runs
past five words after the place ("the Nottingham Extended Activities of Daily Living Scale"),
and for a city's instrument named in lower case ("the Oswestry disability index")."""

from __future__ import annotations

import pytest
from classify.helpers import suggested as labels
from classify.instrument_cities import CITIES

from reviewkit import protocol as protocol_mod


@pytest.fixture(scope="module")
def lower_cities(tmp_path_factory):
    path = tmp_path_factory.mktemp("lower") / "p.toml"
    text = CITIES.replace('["Copenhagen"]', '["copenhagen"]').replace(
        '["Bergen", "Oslo"]', '["bergen", "oslo"]'
    )
    path.write_text(text, encoding="utf-8")
    return protocol_mod.load(path)


@pytest.fixture(scope="module")
def cities(tmp_path_factory):
    path = tmp_path_factory.mktemp("cities") / "p.toml"
    path.write_text(CITIES, encoding="utf-8")
    return protocol_mod.load(path)


@pytest.mark.parametrize(
    "text",
    [
        "Workers in Japan completed the Copenhagen Psychosocial Questionnaire.",
        "Nurses in Japan completed the Bergen Insomnia Scale.",
        "Nurses in Japan completed the Oslo Social Support Scale.",
    ],
)
def test_a_lower_case_city_term_heading_an_instrument_is_no_place(lower_cities, text):
    assert labels(lower_cities, "where", text) == ["none"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Sick-listed workers in Copenhagen were randomised.", "denmark"),
        ("Sick-listed workers in Oslo were randomised.", "norway"),
    ],
)
def test_a_lower_case_city_term_still_finds_the_city(lower_cities, text, label):
    assert labels(lower_cities, "where", text) == [label]


@pytest.mark.parametrize(
    "text",
    [
        # six words after the city to the head noun (five: within the former reach, a guard)
        "Stroke patients in Japan completed the Nottingham Extended Activities of Daily Living Scale.",
        "Patients in Japan completed the Oswestry Low Back Pain Disability Questionnaire.",
    ],
)
def test_a_long_instrument_name_after_a_city(cities, text):
    assert labels(cities, "where", text) == ["none"]


def test_a_long_run_of_capitals_that_is_no_instrument_keeps_the_city(cities):
    # the head noun past the reach (nine words on) names no instrument of the city
    text = "Workers in Nottingham Were Seen By Nurses And Doctors In Clinic Before The Test began."
    assert labels(cities, "where", text) == ["england"]


@pytest.mark.parametrize(
    "text",
    [
        # a city's instrument written in lower case after the city (the cities' first commit's
        # "not caught"): a city heads no other noun phrase that ends in such a head
        "Workers in Japan completed the Oswestry disability index.",
        "Nurses in Japan completed the Utrecht work engagement scale.",
        "Nurses in Japan completed the Copenhagen psychosocial questionnaire.",
        "Pain in Japanese workers was screened with the Örebro musculoskeletal pain questionnaire.",
    ],
)
def test_a_city_heading_an_instrument_named_in_lower_case_is_no_place(cities, text):
    assert labels(cities, "where", text) == ["none"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a verb, an article or a preposition after the city ends the name: the city is where
        # the study was
        ("Workers in Copenhagen completed a pain scale.", "denmark"),
        ("Workers in Oslo were asked to complete a questionnaire.", "norway"),
        ("Workers in Oslo with back pain answered the Nordic questionnaire.", "norway"),
        ("The Copenhagen cohort study included an index of strain.", "denmark"),
    ],
)
def test_a_city_before_lower_case_words_that_name_no_instrument_is_the_place(cities, text, label):
    assert labels(cities, "where", text) == [label]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a head in lower case that does not end its noun phrase is no instrument's (a verb)
        ("Workers in Boston score higher than workers elsewhere.", "usa"),
        ("Workers in Oslo and Bergen scale up the programme.", "norway"),
    ],
)
def test_a_lower_case_head_that_goes_on_is_no_instrument(cities, text, label):
    assert labels(cities, "where", text) == [label]


def test_a_lower_case_name_runs_on_over_a_second_head(cities):
    text = "Workers in Japan had high Copenhagen psychosocial questionnaire scores."
    assert labels(cities, "where", text) == ["none"]
