"""A city at the head of a named instrument is where the instrument came from, not where the
study was (reviewkit/classify/place_names.py's cities that name the field's instruments, read by
reviewkit/classify/origins.py), while a person's name there is the instrument's author."""

from __future__ import annotations

import pytest
from classify.helpers import suggested as labels
from classify.instrument_cities import CITIES

from reviewkit import protocol as protocol_mod


@pytest.fixture(scope="module")
def cities(tmp_path_factory):
    path = tmp_path_factory.mktemp("cities") / "p.toml"
    path.write_text(CITIES, encoding="utf-8")
    return protocol_mod.load(path)


@pytest.mark.parametrize(
    "text",
    [
        "Workers in Japan completed the Copenhagen Psychosocial Questionnaire.",
        "Workers in Japan completed the Örebro Musculoskeletal Pain Questionnaire.",
        "Workers in Japan completed the Orebro Musculoskeletal Pain Screening Questionnaire.",
        "Patients in Japan completed the Nottingham Health Profile.",
        "Patients in Japan completed the Oswestry Disability Index.",
        "Nurses in Japan completed the Bergen Insomnia Scale.",
        "Employees in Japan completed the Utrecht Work Engagement Scale.",
    ],
)
def test_an_instrument_named_after_a_city_is_not_where_the_study_was(cities, text):
    assert labels(cities, "where", text) == ["none"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Sick-listed workers in Copenhagen were randomised.", "denmark"),
        ("Patients were recruited at Örebro University Hospital.", "sweden"),
        # a person's name heads an instrument as its author: the user's term finds it
        ("Patients in Japan completed the Roland-Morris Disability Questionnaire.", "roland"),
    ],
)
def test_a_city_that_heads_no_instrument_and_an_eponym_count(cities, text, label):
    assert labels(cities, "where", text) == [label]


@pytest.mark.parametrize(
    "text",
    [
        # the quality scale of most reviews of observational studies, and instruments of the
        # field's pain and mental-health studies, named after cities too
        "Reviewers in Japan rated the studies with the Newcastle-Ottawa Scale.",
        "Nurses in Japan completed the Oslo Social Support Scale.",
        "Patients in Japan completed the Boston Carpal Tunnel Questionnaire.",
    ],
)
def test_more_instruments_named_after_cities(cities, text):
    assert labels(cities, "where", text) == ["none"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Sick-listed workers in Oslo were randomised.", "norway"),
        ("The trial was run at Boston Medical Center.", "usa"),
        ("Workers were recruited in Ottawa, Canada.", "canada"),
    ],
)
def test_those_cities_where_a_study_was(cities, text, label):
    assert labels(cities, "where", text) == [label]
