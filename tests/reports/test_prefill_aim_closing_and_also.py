"""The ``own-aim`` prefill against a text's close and a word of sequence: what the paper ends
with or concludes ("We conclude by describing ...", "In summary, we describe ...") is no aim;
"also" or "then" inside what is asked ("To assess whether X is also Y, we ...") leaves the aim
an aim, where before the study's verb ("we also examined ...") it makes a later step; and the
verbs of intention read alike wherever a reading of the aim takes them."""

from __future__ import annotations

import pytest

from reviewkit.extract import prefill_value
from reviewkit.prefill_sentences import aim_sentence, inquiry_sentence
from reviewkit.records import AbstractSection, Record


@pytest.mark.parametrize(
    "close",
    [
        # what the text ends with, told by its closing verb
        "We conclude by describing emerging approaches that extend these tools.",
        "We close by examining the effects on health care.",
        "Our review ends by comparing the guidelines of three countries.",
        "This paper finishes by describing the policy to come.",
        # the conclusion, opened by a concluding connective
        "In summary, we describe a novel signalling circuit in the liver.",
        "Altogether, we describe a rapid and affordable method for detection.",
        "Collectively, our work describes a novel mechanism of tumour progression.",
        "In conclusion, this study explored the mechanism of the herb on hyperlipidaemia.",
        "To sum up, we investigated the workers' views of return to work.",
    ],
)
def test_the_close_or_the_conclusion_is_no_aim(close):
    assert inquiry_sentence(f"Sick leave is long. {close}") == ""


def test_a_closing_verb_takes_no_aim_word_for_an_aim():
    assert aim_sentence("Sick leave is long. We end by discussing how we aimed to help.") == ""


@pytest.mark.parametrize(
    "aim",
    [
        # a word of sequence inside the purpose said first, not on the study's verb
        "To determine whether regulation by serotonin is also abnormal in acromegaly, we "
        "administered L-tryptophan to ten patients.",
        "To assess whether the programme is also effective in men, we randomised 200 workers.",
        "To examine whether the effect then persists, we followed the cohort for two years.",
    ],
)
def test_also_inside_what_is_asked_leaves_the_aim(aim):
    assert inquiry_sentence(f"Sick leave is long. {aim} Renin rose.") == aim


@pytest.mark.parametrize(
    "step",
    [
        # an auxiliary before it: "we have also", "we will then"
        "To lower the barriers, we have also developed interactive tutorials.",
        "To test the model, we will then apply it to an independent data set.",
    ],
)
def test_also_before_the_studys_verb_is_a_later_step(step):
    assert inquiry_sentence(f"Sick leave is long. {step}") == ""


@pytest.mark.parametrize("which", ["demo", "review_a"])
def test_the_aim_cell_of_an_unlabelled_abstract(which, request):
    aim_field = next(f for f in request.getfixturevalue(which).extraction if f.id == "aim")
    first = "Men returned to work later than women."
    aim = "To determine whether sick leave is also longer in men, we followed 900 workers."
    close = "We conclude by describing how to examine the gap."
    for text, taken in ((f"{first} {close}", ""), (f"{first} {aim} {close}", aim)):
        record = Record(title="Sick leave", abstract_sections=[AbstractSection("", text)])
        assert prefill_value(record, aim_field) == taken


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        # "It" after a sentence naming the study, with any verb of intention
        (
            "This review lists the obstacles to therapy. It attempts to help researchers.",
            "It attempts to help researchers.",
        ),
        (
            "This paper reviews the obstacles to therapy. It tries to draw attention to them.",
            "It tries to draw attention to them.",
        ),
    ],
)
def test_it_with_any_verb_of_intention_after_the_study(text, taken):
    assert aim_sentence(text) == taken


@pytest.mark.parametrize(
    "aim",
    [
        # a verb of intention in its -ing form before the infinitive
        "We are trying to determine whether coordination shortens sick leave.",
        "In this study, we were striving to understand how workers return.",
    ],
)
def test_a_verb_of_intention_in_any_form(aim):
    assert inquiry_sentence(f"Sick leave is long. {aim}") == aim


@pytest.mark.parametrize(
    "aim",
    [
        # the study's aim in a relative clause whose antecedent is the study itself
        "It was chosen as the subject of this study, which aims to develop an automated system.",
        "This study is a longitudinal multicentre study which aims to find the prevalence of SLE.",
        "This protocol is for a trial that intends to assess a smoking cessation programme.",
    ],
)
def test_the_studys_aim_in_a_relative_clause(aim):
    assert inquiry_sentence(f"Sick leave is long. {aim}") == aim


@pytest.mark.parametrize(
    "other",
    [
        # another's project or the literature before the relative
        "Our unit takes part in the Darwin Tree of Life Project, which aims to sequence genomes.",
        "There is a scarcity of good research which attempts to establish the role of the virus.",
    ],
)
def test_anothers_aim_in_a_relative_clause_is_not_the_studys(other):
    aim = "This study is a cohort study which aims to find the prevalence of SLE."
    assert inquiry_sentence(f"{other} {aim}") == aim


@pytest.mark.parametrize(
    "aim",
    [
        # an infinitive of closing or summing with an object is the purpose said first, not a
        # concluding connective ("To conclude, ..."); nor is "In short-term ..." "In short, ..."
        "To close this gap, we investigated whether coordination shortens sick leave.",
        "To summarise the evidence, we evaluated all randomised trials of return to work.",
        "To conclude the series, we examined the last cohort of workers.",
        "In short-term follow-up, we examined whether workers returned to work.",
    ],
)
def test_an_infinitive_with_an_object_is_the_purpose_not_the_conclusion(aim):
    assert inquiry_sentence(f"Sick leave is long. {aim}") == aim


@pytest.mark.parametrize(
    "aim",
    [
        # the impersonal passive of any verb of intention: what the text set out to do
        "It was attempted to describe the psychodynamics of violence against children.",
        "It is attempted to establish a simple scheme for the use of defined diets.",
        "It was sought to determine whether coordination shortens sick leave.",
    ],
)
def test_the_impersonal_passive_of_any_verb_of_intention(aim):
    assert aim_sentence(f"Sick leave is long. {aim}") == aim


@pytest.mark.parametrize(
    "clause",
    [
        # the study's verb in a clause of time, manner, concession or condition
        "This is vital to keep in mind as we try to understand the application of AI.",
        "Although we seek to clarify attention in depression, the sample was sub-clinical.",
        "When we compared the melanomas, we found more plasma cells in metastases.",
        "These methods are better than the others if we compare the time taken for the test.",
    ],
)
def test_the_studys_verb_in_a_clause_of_time_or_concession_is_no_aim(clause):
    assert inquiry_sentence(f"Sick leave is long. {clause}") == ""
