"""An aim word is the study's aim only where it is used as one: "The aim of this study was ...",
"We aimed to ...", not "Objective tumor response was ...", "learning objectives" or
"programs aimed at improving ...". The Aim cell of Review A and of the demo (``own-aim``) takes
the sentence so stating it, not the first sentence holding the word (which took, on the
snapshot, a results sentence for 40-odd of Review A's aim cells once it came before the whole
Background)."""

from __future__ import annotations

import pytest

from reviewkit.extract import prefill_value
from reviewkit.prefill_sentences import aim_onwards, aim_sentence
from reviewkit.records import AbstractSection, Record


@pytest.mark.parametrize(
    "sentence",
    [
        "The aim of this single-center study was to test a protocol.",
        "The primary objective was to determine the maximum tolerated dose.",
        "Primary objectives were to determine the dose.",
        "The objectives of this observational study were to investigate outcomes.",
        "The purpose of this meta-analysis was to compare agents.",
        "Aim of our study was to test working memory.",
        "The hypothesis was that the technique works.",
        "Thus, we aimed to evaluate the pattern.",
        "This retrospective study aimed to assess the association.",
        "The present study aimed at evaluating the effect of smoke.",
        "The authors aimed to characterize intentions.",
        "We sought to evaluate whether the paradox holds.",
        "The analysis' objective was to evaluate the image of the nurse.",
        "The first objective of this study was to optimize the breeding programs.",
        "This meta-analysis aimed to pool the prevalence of respiratory symptoms.",
        "The aim of this case-series is to provide the initial evidence for safety.",
        "In this pilot study, two tools were combined with the aim of developing a prognosis.",
        "This double-blind, placebo-controlled, pharmacologic functional magnetic resonance"
        " imaging (ph-fMRI) study aimed to elucidate the impact of ibuprofen.",
    ],
)
def test_an_aim_word_used_as_the_studys_aim(sentence):
    assert aim_sentence(f"Sick leave is long. {sentence}") == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # "objective" as an adjective
        "Objective tumor response (OR) was registered in 15 of 35 patients.",
        "The objective response rate (ORR) was 16%.",
        "The primary endpoint was objective response by independent central review.",
        "We compared the groups with subjective questionnaires and an objective test.",
        # an aim or purpose of something else
        "The content is in line with recommended topics and learning objectives.",
        "Data were analyzed using STATA following study objectives.",
        "Patients with different travel purposes were examined in two groups.",
        "Mothers came for the purpose of seeking health care.",
        "For this purpose, a sagittal plane model of a foot was developed.",
        "Control meets the dual objectives of avoiding hypoglycemia and hyperglycemia.",
        "The goal of rehabilitation is to restore functional ability.",
        # others' aims: things, people, studies to come, other studies
        "Antiemetic guidelines aim at prevention of nausea.",
        "Prevention efforts aimed at reducing cigarette use may help.",
        "Management aims to restore lung expansion.",
        "Future studies should aim to elucidate reasons for this.",
        "Recent studies have used CPET in CKD, aiming to assess reserve.",
        "The SEED trial aimed to assess supported employment.",
        "We previously aimed to describe costs.",
    ],
)
def test_an_aim_word_used_otherwise(sentence):
    assert aim_sentence(sentence) == ""


def _record(*sections: tuple[str, str]) -> Record:
    return Record(
        title="Sick leave",
        abstract_sections=[AbstractSection(label, text) for label, text in sections],
    )


BACKGROUND = ("BACKGROUND", "Sick leave is long in Norway.")
RESULTS = ("RESULTS", "Objective tumor response was seen in 40% of patients.")


@pytest.mark.parametrize("which", ["demo", "review_a"])
def test_the_aim_cell_is_no_results_sentence_holding_an_aim_word(which, request):
    aim = next(f for f in request.getfixturevalue(which).extraction if f.id == "aim")
    assert prefill_value(_record(BACKGROUND, RESULTS), aim) == BACKGROUND[1]
    # an unlabelled abstract stating no aim has none, not its results' "objective"
    assert prefill_value(_record(("", "Sick leave is long. " + RESULTS[1])), aim) == ""
    # the aim word's sentence before a first "We compared ...": the aim is the stated one
    purpose = "The purpose of our study was to compare two programmes."
    text = f"We compared the rejection of two grafts. {purpose} Twelve clinics took part."
    assert prefill_value(_record(("", text)), aim) == purpose


def test_a_background_and_aims_section_starts_at_its_aim_not_an_adjective():
    aim = "This study aimed to assess a programme."
    text = f"Objective measures of sick leave are rare. {aim}"
    assert aim_onwards(text) == aim


@pytest.mark.parametrize(
    ("sentence", "taken"),
    [
        # what the study reads, after its aim, is no other study's aim
        ("The aim of this review is to summarise the existing literature.", True),
        ("The manuscript aims at providing an overview of the tools.", True),
        ("More specifically, the present investigation aims to verify the interplay.", True),
        # other studies before the aim word: theirs
        ("Previous studies aimed to describe the costs.", False),
        # "with the aim of": of what the sentence's subject does, the study's where it is so
        ("Therefore, with the aim to evaluate MSM, we analysed SOX9 expression.", True),
        (
            "The Ct has been used to estimate viral load, with the goal of targeting isolation.",
            False,
        ),
    ],
)
def test_whose_aim_it_is(sentence, taken):
    assert aim_sentence(sentence) == (sentence if taken else "")
