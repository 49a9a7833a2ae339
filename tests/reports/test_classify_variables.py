"""A disorder named as a predictor, risk factor, moderator, mediator or exposure is a variable
measured in the population, not the population: a back-pain cohort in which depression predicts
sick leave reads musculoskeletal, not both; a study of all sick-listed employees in which
depressive symptoms predict return to work names no diagnosis group. Where the same words say
whom the study is about ("employees sick-listed with depression"), they still do."""

from __future__ import annotations

import pytest
from classify.helpers import suggested as labels

BACK = "Workers sick-listed with low back pain were followed for one year. "
# Each sentence follows a back-pain population (Review B: musculoskeletal, not both; Review A:
# musculoskeletal, not mixed), and alone names no population at all (Review B: none).
VARIABLES = [
    "Depressive symptoms at baseline predicted delayed return to work.",
    "Pain intensity, depression and fear-avoidance beliefs were risk factors for sick leave.",
    "We examined whether comorbid depression or anxiety moderated the effect.",
    "Anxiety and depression at baseline were associated with a later return to work.",
    "Prior anxiety and pain catastrophising were examined as predictors of recovery.",
    "Psychological distress was tested as an effect modifier.",
    "A recorded diagnosis of depression in the preceding year was the exposure.",
    "Self-efficacy and depression mediated the effect on return to work.",
    "Anxiety and depression were measured at baseline.",
    "Hazard ratios were adjusted for age, sex and depression.",
    "The effect did not differ between workers, irrespective of anxiety.",
    "The effect was smaller among employees with anxiety at baseline.",
    "Baseline depression did not change the effect.",
]


@pytest.mark.parametrize("sentence", VARIABLES)
def test_a_disorder_as_a_variable_is_not_the_population(review_a, review_b, sentence):
    assert labels(review_b, "diagnosis", BACK + sentence) == ["musculoskeletal"]
    assert labels(review_a, "diagnosis-group", BACK + sentence) == ["musculoskeletal"]
    assert labels(review_b, "diagnosis", sentence) == ["none"]


# The same health words naming whom the study is about still count: each pair, the words as
# the population (Review B's mental; with the back-pain population before it, both) and the
# same words as a variable in a study of all sick-listed people (none).
PAIRS = [
    ("Employees sick-listed with depression were followed; age predicted return to work.",
     "Employees sick-listed for any reason were followed; depression predicted return to work."),
    ("Among patients with anxiety, fear of relapse predicted a later return to work.",
     "Among sick-listed patients, anxiety predicted a later return to work."),
    ("Workers on sick leave for burnout were randomised; self-efficacy mediated the effect.",
     "Workers on sick leave were randomised; burnout mediated the effect."),
    ("Workers diagnosed with depression who received the coordinator returned earlier.",
     "Depression was associated with a later return in workers who received the coordinator."),
    ("Employees sick-listed with a PHQ-9 depression score of 10 or more at baseline were "
     "included.",
     "Employees on sick leave were included; depression at baseline predicted return to work."),
    ("Patients with depression, who had been sick-listed for four weeks, predicted their own "
     "return to work.",
     "Patients sick-listed for four weeks rated their depression, which predicted their own "
     "return to work."),
]  # fmt: skip


@pytest.mark.parametrize(("population", "variable"), PAIRS)
def test_the_same_words_naming_the_population_still_count(review_b, population, variable):
    assert labels(review_b, "diagnosis", population) == ["mental"]
    assert labels(review_b, "diagnosis", BACK + population) == ["both"]
    assert labels(review_b, "diagnosis", variable) == ["none"]


def test_an_association_title_names_the_exposure_not_the_population(review_a, review_b):
    # "<health words> and <work outcome> in/among <people>": the epidemiologist's title
    title = "Comorbid depression and long-term sick leave in workers with musculoskeletal disorders"
    assert labels(review_b, "diagnosis", "A register study.", title) == ["musculoskeletal"]
    assert labels(review_a, "diagnosis-group", "A register study.", title) == ["musculoskeletal"]
    title = "Depressive symptoms and return to work among sick-listed employees"
    assert labels(review_b, "diagnosis", "A cohort study.", title) == ["none"]
    # a population joined to its outcome with "for" or without people after "in" stays
    title = "Interventions for clinical burnout and return to work: a systematic review"
    assert labels(review_b, "diagnosis", "A review.", title) == ["mental"]
    assert labels(review_b, "diagnosis", "A review.", "Depression and return to work") == ["mental"]


def test_the_model_types_words_are_left_alone(review_b):
    # an intervention's result is no variable: the coordinator stays the model's evidence, the
    # depression beside it is a variable
    text = (
        "Workers sick-listed with low back pain. The return-to-work coordinator and baseline "
        "depression were associated with earlier return to work."
    )
    assert labels(review_b, "model-type", text) == ["coordinator"]
    assert labels(review_b, "diagnosis", text) == ["musculoskeletal"]


def test_review_a_groups_keep_their_population_beside_a_predictor(review_a):
    # a brain-injury cohort whose depression predicts: brain injury, not mixed
    text = (
        "Cohort studies of adults with traumatic brain injury. Injury severity, older age, "
        "depression after the injury and pre-injury unemployment predicted a lower chance of "
        "return to work."
    )
    assert labels(review_a, "diagnosis-group", text, "A systematic review") == ["brain-injury"]


# The cause of the sick leave ("due to", "because of") names the population as "with" and "for"
# do, and a role after "and the <noun>" or a participle after "the <noun>" is that noun's: each sentence's depression is whom the
# study is about, though a role word follows within the reach.
POPULATIONS_BEFORE_A_ROLE = [
    "Workers on sick leave due to depression had a higher risk of disability pension.",
    "Employees sick-listed because of depression had an increased risk of disability pension.",
    "Sick leave due to depression was associated with later disability pension.",
    "Depression and the stigma associated with it delay return to work.",
    # the demo's record 127: the stigma is associated, not the mental health treatment
    "Efforts to encourage mental health treatment and reduce the stigma associated with seeking "
    "help offer potential interventions.",
    "Patients with depression were associated with longer sick leave.",
    "Workers on sick leave due to depression, adjusted for age, returned later.",
]


@pytest.mark.parametrize("sentence", POPULATIONS_BEFORE_A_ROLE)
def test_a_population_before_a_role_word_stays_the_population(review_a, review_b, sentence):
    assert labels(review_b, "diagnosis", sentence) == ["mental"]
    assert labels(review_a, "diagnosis-group", sentence) == ["mental"]
