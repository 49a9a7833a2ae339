"""The extraction prefill on other reviews' wording: a text's Unicode hyphens read as "-" (as the
classifier reads them), an aim said with a verb of intention ("We tried to identify ..."), and a
word of inquiry that is a noun ("we conducted two studies") told from the study's verb."""

from __future__ import annotations

import pytest

from reviewkit.extract import prefill_value, prefill_values
from reviewkit.prefill_sentences import inquiry_sentence
from reviewkit.protocol import ExtractionField
from reviewkit.records import AbstractSection, Record

NB = "\u2011"  # the non-breaking hyphen, as Word and publishers' XML write it inside words
HYPHEN = "\u2010"  # the hyphen


def _record(text: str, label: str = "") -> Record:
    return Record(title="Coordination", abstract_sections=[AbstractSection(label, text)])


@pytest.mark.parametrize("dash", [NB, HYPHEN])
def test_a_rules_word_with_a_hyphen_finds_the_unicode_hyphens(dash):
    follow_up = ExtractionField("fu", "Follow-up", prefill=("sentence:follow-up",))
    years = ExtractionField("years", "Years", prefill=("sentence:2010",))
    text = f"Data of 2010\u20132015 were read. Follow{dash}up lasted one year."
    # the cell holds the sentence as every rule read it, with "-"; the en dash, which marks
    # ranges too, is left as written
    assert prefill_values(_record(text), [follow_up, years]) == {
        "fu": "Follow-up lasted one year.",
        "years": "Data of 2010\u20132015 were read.",
    }


@pytest.mark.parametrize("which", ["demo", "review_a"])
def test_the_aim_of_a_meta_analysis_written_with_a_non_breaking_hyphen(which, request):
    aim = next(f for f in request.getfixturevalue(which).extraction if f.id == "aim")
    text = f"Sick leave is long. This meta{NB}analysis examines coordination. It helps."
    assert prefill_value(_record(text), aim) == "This meta-analysis examines coordination."


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
            "To study these processes, we conducted two studies.",
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
    ],
)
def test_a_word_of_inquiry_read_as_a_noun_is_no_aim(noun, aim):
    # the noun's sentence first: the rule takes the aim after it
    assert inquiry_sentence(f"{noun} {aim}") == aim
