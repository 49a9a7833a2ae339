"""A trial's comparator arm described in the words of a model: authors label a trial by the arm
it tested, so what the comparator was ("usual care consisted of ...", "in the control group
...", "compared with ...", "randomised to A or to B") is no evidence for the model type (the
eighth held-out set)."""

from __future__ import annotations

import pytest
from classify.helpers import suggested as labels

from reviewkit import classify
from reviewkit.records import Record


@pytest.mark.parametrize(
    "text",
    [
        # usual care described at length, as its own sentence
        "Workers with low back pain were randomised to graded exercise by physiotherapists or "
        "usual care. Usual care consisted of follow-up by the occupational physician, who "
        "contacted the employer, discussed workplace adjustments with the supervisor and agreed "
        "a plan with the employer.",
        # the control group's sentence
        "A team of a rheumatologist, a physiotherapist and a psychologist assessed each patient "
        "together. In the control group a return-to-work coordinator at the insurance office "
        "contacted the employer and coordinated a return-to-work plan.",
    ],
)
def test_the_comparator_s_sentence_is_no_evidence(review_b, text):
    tested = "multidisciplinary-team" if "team" in text else "none"
    assert labels(review_b, "model-type", text) == [tested]


def test_the_second_arm_of_an_allocation_is_the_comparator(review_b):
    text = (
        "Patients were randomised to a single return-to-work coordinator or to the existing "
        "programme, in which a physician, a physiotherapist, a psychologist and a social worker "
        "assessed each patient in a team."
    )
    assert labels(review_b, "model-type", text) == ["coordinator"]


def test_a_comparison_s_second_term_is_the_comparator(review_b):
    text = "A multidisciplinary team assessed each worker and was no better than coordination."
    title = "Multidisciplinary assessment compared with a return-to-work coordinator"
    assert labels(review_b, "model-type", text, title) == ["multidisciplinary-team"]


def test_the_tested_arm_before_the_comparison_still_counts(review_b):
    # "Compared with usual care, ...": the cue's clause ends at the comma; the next sentence
    # describes the comparator
    text = (
        "Compared with usual care, the return-to-work coordinator shortened sick leave. Usual "
        "care consisted of a multidisciplinary team of a physician and a psychologist."
    )
    assert labels(review_b, "model-type", text) == ["coordinator"]


def test_the_population_in_the_comparator_s_sentence_still_counts(review_b):
    # the arms are one population: a disorder there names whom the study is about
    text = (
        "A multidisciplinary team assessed each worker. The control group, workers with "
        "depression, saw a return-to-work coordinator who coordinated a plan."
    )
    assert labels(review_b, "model-type", text) == ["multidisciplinary-team"]
    assert labels(review_b, "diagnosis", text) == ["mental"]


def test_a_non_inferiority_trial_s_comparator(review_b):
    title = "Is one return-to-work coordinator as good as a multidisciplinary team?"
    text = (
        "We tested whether a return-to-work coordinator who made a plan is not inferior to a "
        "multidisciplinary team."
    )
    assert labels(review_b, "model-type", text, title) == ["coordinator"]


def test_an_allocation_s_comparator_leaves_the_tested_arm(review_b):
    # "usual care" among a sentence's first words is its subject only with no verb before it
    text = "Randomised to IPS or usual care (telegraphic abstracts)."
    assert labels(review_b, "model-type", text) == ["job-specialist"]


def test_the_population_after_the_comparator_still_counts(demo):
    # "with usual care in women on long-term sick leave": the reach ends at the population
    title = "A team assessment compared with usual care in women on long-term sick leave"
    rec = Record(title=title)
    assert "sick-leave" in [s.label for s in classify.suggest(rec, demo.scheme("work"))]


@pytest.mark.parametrize(
    "sentence",
    [
        # the comparator's phrase is its clause's subject past the sentence's sixth word
        "In the second of the two arms of this trial the comparison intervention consisted of "
        "a multidisciplinary team of a physician, a physiotherapist and a psychologist.",
        # ... or the subject of a clause after a comma
        "Workers were recruited by their GPs, and usual care consisted of a multidisciplinary "
        "team of a physician, a physiotherapist and a psychologist.",
    ],
)
def test_a_comparator_described_late_in_its_sentence(review_b, sentence):
    text = "A return-to-work coordinator drew up a plan with each worker. " + sentence
    assert labels(review_b, "model-type", text) == ["coordinator"]


def test_words_before_a_late_comparator_subject_name_the_tested_arm(depression):
    # past the sixth word the subject's reach starts at the comparator, not at the sentence's
    # start: "cognitive behavioural therapy" is the trial's own arm
    text = "In this trial of cognitive behavioural therapy the control group received usual care."
    assert labels(depression, "clinical-type", text) == ["psychological"]


@pytest.mark.parametrize("head", ["management", "work", "handling"])
def test_usual_case_work_named_first_leaves_the_last_arm_tested(review_b, head):
    # "usual case X" is the comparator's noun phrase whatever its head noun: the allocation
    # names the comparator before its "or", so the arm after it is the tested one
    text = (
        f"Workers were randomised to the municipality's usual case {head} or to a "
        "return-to-work coordinator who planned the return."
    )
    assert labels(review_b, "model-type", text) == ["coordinator"]


@pytest.mark.parametrize(
    "text",
    [
        "Workers were randomised to usual care or usual care plus a workplace visit.",
        "Workers were randomised to usual care plus a workplace visit or usual care alone.",
        "Workers received usual care or usual care supplemented with a workplace visit.",
        "Workers were randomised to usual care or to usual care + a workplace visit.",
    ],
)
def test_usual_care_with_something_added_is_the_tested_arm(workplace, text):
    assert labels(workplace, "level", text) == ["workplace"]


def test_usual_care_with_its_provider_is_still_the_comparator(workplace):
    # "with" alone names usual care's provider as often: no add-on
    text = "Workers were randomised to graded activity or to usual care with a workplace visit."
    assert labels(workplace, "level", text) == ["employee"]


@pytest.mark.parametrize(
    "text",
    [
        "Sick leave was compared to baseline after a workplace visit by the occupational physician.",
        "Sick leave was compared with the year before the workplace visit by the occupational physician.",
        "We compared sick leave in the twelve months to baseline during a workplace visit programme.",
        "Sick leave was lower than before a workplace visit by the occupational physician.",
    ],
)
def test_a_comparison_with_a_time_is_no_comparator_arm(workplace, text):
    # baseline, "the year before", "than before": the study's own arm at another time, not
    # another arm; the words after it name what was tested
    assert labels(workplace, "level", text) == ["workplace"]


@pytest.mark.parametrize(
    "text",
    [
        "We compared adherence to a workplace visit programme between two regions.",
        "We compared referral to a workplace visit by the occupational physician between regions.",
        "We compared two approaches to a workplace visit by the occupational physician.",
        "We compared access to a workplace visit by the occupational physician in two regions.",
    ],
)
def test_the_to_a_noun_takes_starts_no_second_arm(workplace, text):
    # "adherence to", "referral to", "approaches to": the noun's own "to" (as "return to
    # work"'s), not the "to" of "compare A to B"
    assert labels(workplace, "level", text) == ["workplace"]
