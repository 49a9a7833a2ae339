"""Health words in a list of outcomes are what a study measured, in the shapes of the seventh
held-out set: a list head without a verb ("secondary outcomes pain, depression ..."), a time
inside the list ("in the next 12 months"), a long list, and "musculoskeletal pain" as one
measured state."""

from __future__ import annotations

import pytest
from classify.helpers import suggested

from reviewkit import protocol as protocol_mod


def labels(protocol: protocol_mod.Protocol, abstract: str) -> list[str]:
    return suggested(protocol, "diagnosis", abstract)


def test_a_list_head_without_a_verb(review_b):
    text = (
        "Employees sick-listed with low back pain were randomised. Outcomes were return to "
        "work, and secondary outcomes pain, depression and fear-avoidance scores."
    )
    assert labels(review_b, text) == ["musculoskeletal"]


def test_a_time_and_a_long_list_of_outcomes(review_b):
    text = (
        "Workers on sick leave for six months, with any diagnosis, were randomised. Outcomes "
        "were days on sickness benefit in the next 12 months, and at six months symptoms of "
        "anxiety and depression (HSCL-10), musculoskeletal pain and work ability."
    )
    assert labels(review_b, text) == ["none"]


def test_a_list_of_outcomes_runs_to_its_sentence_s_end(review_b):
    # a list's kind is its sentence: 47 words from "outcomes were" to "depression"
    text = (
        "Workers on sick leave with any diagnosis were randomised. Outcomes were registered days "
        "on sickness benefit in the next 12 months, full and partial return to work at three, "
        "six and twelve months, work ability, health-related quality of life, costs of health "
        "care and production losses, and at six months symptoms of anxiety and depression."
    )
    assert labels(review_b, text) == ["none"]


@pytest.mark.parametrize(
    "text",
    [
        # a population after the list head's preposition
        "Secondary outcomes of workers with depression were compared.",
        # "in" before people, not a time
        "Outcomes were compared in workers with depression.",
    ],
)
def test_the_population_stays(review_b, text):
    assert labels(review_b, text) == ["mental"]


@pytest.mark.parametrize(
    "text",
    [
        # the health words as what was measured with a named instrument, after "with" or "using"
        "Employees sick-listed with low back pain were randomised. We assessed depressive "
        "symptoms with the PHQ-9.",
        "Employees sick-listed with low back pain were randomised. We measured anxiety and "
        "depression with the HADS.",
        "Employees sick-listed with low back pain were randomised. We assessed depression "
        "using the HADS at 3 and 12 months.",
    ],
)
def test_health_words_measured_with_an_instrument(review_b, text):
    assert labels(review_b, text) == ["musculoskeletal"]


@pytest.mark.parametrize(
    "text",
    [
        # a population word before the health words: whom, whatever instrument follows
        "We randomised employees with depression with the PHQ-9 as a secondary measure.",
        # a threshold: the instrument's score defines whom
        "Employees sick-listed with depression with a PHQ-9 score of 10 or more were randomised.",
    ],
)
def test_health_words_of_the_population_beside_an_instrument(review_b, text):
    assert labels(review_b, text) == ["mental"]
