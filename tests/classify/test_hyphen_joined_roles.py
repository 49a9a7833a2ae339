"""A role word joined by a hyphen to the word before it names no variable's role.

"age-predicted maximal heart rate", "loxP-mediated recombination", "exercise-mediated changes":
the role word is one word with the word before it, an adjective of the noun after it, so a
term before the compound (the employer, a disorder) is no predictor or mediator
(reviewkit.classify.variables: the health words' reading and a tested scheme's predictor)."""

from __future__ import annotations

import pytest
from classify.helpers import suggested

TRIAL = "In a randomised trial, 200 workers sick-listed with back pain "

MODEL_TYPE = {
    "age-predicted": TRIAL + "were offered a workplace visit and graded exercise up to 70% of "
    "age-predicted maximal heart rate.",
    "loxP-mediated": "A randomised trial of a programme: the occupational health service "
    "contacted the employer, and loxP-mediated recombination was studied in mice.",
}


@pytest.mark.parametrize("text", MODEL_TYPE.values(), ids=MODEL_TYPE.keys())
def test_a_programme_before_a_hyphen_joined_role_word_stays_evidence(review_b, text):
    assert suggested(review_b, "model-type", text) == ["workplace"]


DIAGNOSIS = {
    "age-predicted": "A randomised trial in sick-listed employees: exhaustion disorder and "
    "age-predicted heart rate at an exercise test.",
    "exercise-mediated": "A randomised trial of graded exercise for workers on sick leave. "
    "Depression and exercise-mediated changes in fitness were the outcomes.",
}


@pytest.mark.parametrize("text", DIAGNOSIS.values(), ids=DIAGNOSIS.keys())
def test_a_disorder_before_a_hyphen_joined_role_word_stays_the_population(review_b, text):
    assert suggested(review_b, "diagnosis", text) == ["mental"]


def test_a_role_word_written_apart_is_still_a_role(review_b):
    # the hyphenated words before the role ("work-related") do not make it a compound's
    text = (
        "In a secondary analysis of a randomised trial of exercise therapy, 540 workers "
        "sick-listed with back pain answered a questionnaire. Support from the employer and "
        "work-related factors predicted an earlier return to work."
    )
    assert suggested(review_b, "model-type", text) == ["none"]
