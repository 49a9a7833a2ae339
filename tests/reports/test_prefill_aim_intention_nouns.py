"""The extraction prefill's aim on other reviews' wording: an aim said with a verb of intention
("We tried to identify ..."), and a word of inquiry that is a noun ("we conducted two studies")
told from the study's verb."""

from __future__ import annotations

import pytest

from reviewkit.prefill_sentences import inquiry_sentence


# each aim after a sentence of the kind no aim is said in: the rule takes the aim, not it
@pytest.mark.parametrize(
    ("other", "aim"),
    [
        (
            "We need to identify the workers at risk.",
            "In the present study, we tried to identify the species that caused these cases.",
        ),
        (
            "We planned to enrol 200 patients.",
            "This investigation was intended to elucidate the microRNAs involved in COPD.",
        ),
        (
            "We also tried to compare the results with other regions.",
            "Thus, we intended to measure the function of the circular RNA.",
        ),
        ("Sick leave is long.", "We wanted to know whether this statement was true."),
        ("Sick leave is long.", "We strove to further explore the influence of sex on it."),
        ("Sick leave is long.", "This review intends to summarize the germline mutations."),
        ("Sick leave is long.", "We tried to show that the programme shortens sick leave."),
    ],
)
def test_a_verb_of_intention_before_any_verb_states_the_aim(other, aim):
    assert inquiry_sentence(f"{other} {aim}") == aim


@pytest.mark.parametrize(
    ("noun", "aim"),
    [
        (
            "Over two years, we conducted two studies.",
            "This study is an attempt to examine the expression of the genes.",
        ),
        (
            "We confirmed earlier studies, and found no clustering of the loci.",
            "In a national sample, this study had two aims: to test the effects of income.",
        ),
        (
            "Our review of clinical studies suggests a growing interest in delivery.",
            "We propose this study to validate the diagnostic criteria.",
        ),
        (
            "In 21 cases, however, this investigation was a determining factor.",
            "We therefore performed studies to test the hypothesis that the gene is expressed.",
        ),
        (
            "We set our study in a mountainous area of central Italy.",
            "This work focused on investigating the stimulation of fibroblasts.",
        ),
        (
            "We performed microarray analyses to identify the expressed genes.",
            "Here we review recent studies of the regulators of invasion.",
        ),
        (
            "We found that compared with the controls, the treated mice did better.",
            "In the present study the authors examined whether the strain acquires resistance.",
        ),
        (
            "We conducted preliminary tests against the weevil.",
            "We have prospectively compared patients treated with two doses.",
        ),
        (
            "We collected MRI studies from 90 healthy individuals.",
            "We decided to evaluate the effect of the plasmid.",
        ),
        # "to" before an article is a preposition, no infinitive of purpose after the noun
        (
            "We limited our study to the patients treated in 2019.",
            "We examined whether the strain acquires resistance.",
        ),
    ],
)
def test_a_word_of_inquiry_read_as_a_noun_is_no_aim(noun, aim):
    # the noun's sentence first: the rule takes the aim after it
    assert inquiry_sentence(f"{noun} {aim}") == aim


def test_the_adverb_indeed_is_no_verb_whose_object_the_word_is():
    # "indeed" ends in "-ed" as the past verbs before a noun do ("We performed studies")
    aim = "We indeed examined whether the strain acquires resistance."
    assert inquiry_sentence(f"Sick leave is long. {aim}") == aim
