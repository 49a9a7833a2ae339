"""The reach limits of the rules, each with a sentence just inside and one just outside it
(``benchmarks/results/classify-limits.md`` measures each; the comments beside the limits give
their kind). A limit moved out of its measured range fails here."""

from __future__ import annotations

import pytest
from classify.helpers import suggested as labels


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        # the parties listed after "no contact", the seventh held-out set's shape: the second
        # party is 7 words after the contact word
        ("GPs encouraged graded sick leave. No contact was made with NAV or the employer.", True),
        # 9 words on, after another act ("and met"): the employer took part
        ("Workers had no contact with NAV during sick leave and met the employer.", False),
    ],
)
def test_the_parties_of_no_contact_reach_a_list_not_the_next_act(review_b, text, left_out):
    assert labels(review_b, "model-type", text) == (["none"] if left_out else ["workplace"])


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        # NegEx's window: the cue reaches five words ("without" ... "workplace")
        ("Workers were seen without any contact with the workplace.", True),
        ("Workers were seen with regular contact with the workplace.", False),
    ],
)
def test_a_negation_reaches_five_words(review_b, text, negated):
    assert labels(review_b, "model-type", text) == (["none"] if negated else ["workplace"])


def test_a_predictor_s_role_reaches_a_clause(review_b):
    # variables.REACH: the role ("predicted") 11 words after the health words, past a time
    # phrase, still makes them a variable of the population, not the population
    text = (
        "Sick-listed employees took part. Depressive symptoms reported at the start of the "
        "follow-up period predicted a later return to work."
    )
    assert labels(review_b, "diagnosis", text) == ["none"]


@pytest.mark.parametrize(
    ("text", "subgroup"),
    [
        # variables.SUBGROUP_REACH: the subgroup's description, a preposition, its noun and the
        # qualifier naming the disorder: 8 words from "subgroup" to "F-"
        (
            "All sick-listed workers were followed, with subgroup analyses for spells certified "
            "with F- and M-diagnoses.",
            True,
        ),
        # a disorder in another clause after the subgroup's phrase names the population: the
        # reach is a phrase, not the sentence (14 words from "stratified" to "depression")
        (
            "Results were stratified by age and sex, and the main analysis covered the spells "
            "certified for depression.",
            False,
        ),
    ],
)
def test_a_subgroup_reaches_its_phrase_not_its_sentence(review_b, text, subgroup):
    assert labels(review_b, "diagnosis", text) == (["none"] if subgroup else ["mental"])
