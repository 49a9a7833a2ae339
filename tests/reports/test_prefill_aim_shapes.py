"""A stated aim against a reported finding, by the shape of the sentence: the ``own-aim``
prefill takes "We investigated whether ...", "This study was designed to assess ...", "This
protocol for a systematic review will evaluate ...", "It aims to ..." after a sentence naming
the study; not "We identified two indels ..." (what was found), "we determined that ..." (a
finding reported), "We also compared ..." (a later step) nor "Previously, we described ..."
(the authors' earlier work)."""

from __future__ import annotations

import pytest

from reviewkit.extract import prefill_value
from reviewkit.prefill_sentences import aim_sentence, inquiry_sentence
from reviewkit.records import AbstractSection, Record


@pytest.mark.parametrize(
    "sentence",
    [
        # a verb of discovery: its object is what was found
        "We identified two indels in the promoter of the gene.",
        "Here, we identify Cep44 as a novel component of the linker.",
        "In this study, we identified 35 exchangers in maize.",
        # a verb of inquiry reporting a finding
        "Using live imaging, we determined that the sensory inputs were intact.",
        "We estimate that northern peatlands lost carbon.",
        # a step after the first
        "We also compared cytokine levels between the groups.",
        "Moreover, we examined the expression of the receptor.",
        "We then assessed regional cerebral blood flow.",
        # a later step of a study conducted for a purpose
        "We also performed a user evaluation study to examine the proposed system.",
        "We next carried out a satisfaction survey to collect the views of the staff.",
        # the authors' earlier work said before its subject
        "Previously, we described a mutant mouse strain called Justy.",
        "In a previous study we assessed research attitudes in urban elders.",
    ],
)
def test_a_finding_or_a_later_step_is_no_aim(sentence):
    assert inquiry_sentence(f"Sick leave is long. {sentence}") == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "This protocol for systematic review and meta-analysis will evaluate the efficacy of KI.",
        "This study was designed to assess the influence of two inhibitors on pain.",
        "The present investigation was undertaken to explore the factors of low suicide rates.",
        "We conducted a retrospective study to evaluate the incidence of candidaemia.",
        "Thus, we conducted this protocol of systematic review to estimate the efficacy of KI.",
        "Therefore, we will use this meta-analysis to explore the role of the polymorphism.",
        "The present systematic review will be conducted to evaluate the evidence on exercise.",
    ],
)
def test_the_shapes_of_a_stated_aim(sentence):
    assert inquiry_sentence(f"Sick leave is long. {sentence}") == sentence


def test_a_study_conducted_for_a_purpose_not_a_method():
    aim = "This trial was designed to test whether coordination shortens sick leave."
    assert inquiry_sentence(f"Sick leave is long. {aim}") == aim
    # a method done for a purpose (an analysis with an article is no study), a study conducted
    # as the rules say
    for method in (
        "We performed a multivariate analysis to determine independent predictors.",
        "This study was conducted according to the Declaration of Helsinki.",
    ):
        assert inquiry_sentence(method) == ""


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        # "It" standing for the study the sentence before names
        (
            "This paper reviews the obstacles to CAR-T therapy. It aims to help researchers.",
            "It aims to help researchers.",
        ),
        (
            "This review lists solutions for stakeholders. It further aims to draw attention.",
            "It further aims to draw attention.",
        ),
        # impersonal: the authors' own
        (
            "Data are scarce. It was aimed to compare two doses.",
            "It was aimed to compare two doses.",
        ),
        # others named before an aim the study's own words own
        (
            "As existing studies disagree, the purpose of this protocol is to design a review.",
            "As existing studies disagree, the purpose of this protocol is to design a review.",
        ),
    ],
)
def test_an_aim_whose_subject_is_the_study_unnamed(text, taken):
    assert aim_sentence(text) == taken


def test_it_is_the_study_only_after_a_sentence_naming_it():
    assert aim_sentence("This paper reviews CAR-T. It aims to help.") == "It aims to help."
    assert aim_sentence("Radiogenomics links images and genes. It aims to detect mutations.") == ""


def _record(*sections: tuple[str, str]) -> Record:
    return Record(
        title="Coordination: a protocol for a systematic review",
        abstract_sections=[AbstractSection(label, text) for label, text in sections],
    )


@pytest.mark.parametrize("which", ["demo", "review_a"])
def test_the_aim_cell_of_a_protocol_and_of_a_findings_abstract(which, request):
    aim = next(f for f in request.getfixturevalue(which).extraction if f.id == "aim")
    purpose = "Thus, we conducted this protocol of systematic review to estimate its effect."
    background = ("BACKGROUND", f"Coordination is common. Its effect is unknown. {purpose}")
    methods = ("METHODS", "This study will search six databases.")
    assert prefill_value(_record(background, methods), aim) == purpose
    # an unlabelled abstract telling its findings states no aim: no cell, not a finding
    found = "Sick leave is long. We identified 31 proteins. We also compared two groups."
    assert prefill_value(_record(("", found)), aim) == ""


def test_an_impersonal_hypothesis_is_the_studys_in_the_past_not_a_reading_of_its_results():
    hypothesis = "It was hypothesized that a stimulant would facilitate test performance."
    assert aim_sentence(f"Stimulants are common. {hypothesis} Twelve men took part.") == hypothesis
    # the present tense, as a conclusion reads the results ("From these results it is
    # hypothesized that ..."), is no aim, nor is the literature's "it has been hypothesized"
    for reading in (
        "From these results it is hypothesized that the particles consist of aggregates.",
        "It is hypothesized that the defect in DNA repair leads to restriction.",
        "It has been hypothesized that stress shortens sick leave.",
    ):
        assert aim_sentence(f"Twelve men took part. {reading}") == ""
