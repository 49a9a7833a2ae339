"""The ``own-aim`` prefill of a paper that states its purpose with its own verb of presenting
("This review traces ...", "Here we report the case of ...", "This communication describes
..."), and of a case report or a methods paper opening in the present passive ("A case of X is
presented."): the aim, where the same verbs reporting a finding ("We report that ..."), telling
a method ("We reviewed the records ..."), closing ("We discuss the implications of these
findings"), another's ("Smith describes ...") or standing in a trial's RESULTS are none."""

from __future__ import annotations

import pytest

from reviewkit.extract import prefill_value
from reviewkit.prefill_sentences import split_sentences
from reviewkit.records import AbstractSection, Record

BACKGROUND = "Smooth muscle has long puzzled physiologists."
RESULTS = "Adrenaline raised the influx by 60%."


def _aim_cell(field, *parts: tuple[str, str]) -> str:
    sections = [AbstractSection(label, text) for label, text in parts]
    return prefill_value(Record(title="Smooth muscle", abstract_sections=sections), field)


@pytest.fixture(params=["demo", "review_a"])
def aim_field(request):
    return next(f for f in request.getfixturevalue(request.param).extraction if f.id == "aim")


@pytest.mark.parametrize(
    "aim",
    [
        "This review traces the history of the discovery of smooth muscle cells.",
        "Here we report the case of a 77-year-old woman with a carcinoid tumour.",
        "This communication describes a copper-mediated amine arylation.",
        "In this Series paper, we review the heterogeneity of trials of IL-6 antagonists.",
        "In this paper, we propose a model of epidemic spreading.",
        "This article presents the preliminary results of a study of relapse prevention.",
        "The authors report 8 cases of complete atrio-ventricular block.",
        "We report the results of a randomised trial of early return to work.",
        "We will review the evidence that plant fibres influence the absorption of fats.",
        "This review discusses factors that affect radiation-induced lung injury.",
    ],
)
def test_a_paper_presenting_itself_states_its_aim(aim_field, aim):
    assert _aim_cell(aim_field, ("", f"{BACKGROUND} {aim} {RESULTS}")) == aim
    # a labelled abstract's background: the sentence, not the whole background
    labelled = ("BACKGROUND", f"{BACKGROUND} {aim}"), ("RESULTS", RESULTS)
    assert _aim_cell(aim_field, *labelled) == aim


@pytest.mark.parametrize(
    "other",
    [
        "We report that neither condensin nor cohesin plays a role.",
        "Here, we report for the first time in humans that caspase-3 levels increased.",
        "We present evidence that RhoA exists in an equilibrium of conformations.",
        "We therefore propose that IgD releases a fragment.",
        "We reviewed the records of 120 patients.",
        "We discuss the implications of these findings.",
        "We also discuss future directions for the field.",
        "We further discuss the applications of primary cultures.",
        "In summary, we describe a novel signalling circuit.",
        "As we describe below, the influx rose.",
        "Smith describes the muscle in detail.",
        "We previously reported a case of this tumour.",
        # what was found as the object of "report" or "present", a finding
        "Using this new tool, we report the detection of nucleic acid at a wide dynamic range.",
        "Here, we report the identification of ATG7 as a selective modulator of microglia.",
        "Here, we report our discovery of glia-directed neuron pruning in worms.",
    ],
)
def test_the_same_verbs_reporting_a_finding_a_method_or_another_s_work_are_no_aim(aim_field, other):
    assert _aim_cell(aim_field, ("", f"{BACKGROUND} {other} {RESULTS}")) == ""


def test_a_trial_s_results_reporting_its_results_are_no_aim(aim_field):
    results = "We report the results of the per-protocol analysis."
    parts = ("METHODS", "Workers were randomised."), ("RESULTS", f"{results} {RESULTS}")
    assert _aim_cell(aim_field, *parts) == ""


def test_a_stated_aim_comes_before_the_paper_s_verb(aim_field):
    aim = "We aimed to find where adrenaline acts."
    paper = "Here we report a new assay of smooth muscle tone."
    assert _aim_cell(aim_field, ("", f"{paper} {aim} {RESULTS}")) == aim


@pytest.mark.parametrize(
    "opening",
    [
        "A case of dysphagia lusoria with unusual symptoms in an adult is presented.",
        "Eight cases of infective keratitis are reported in wearers of soft contact lenses.",
        "An improved method of purification of DNA methylase is reported.",
        "Three cases of dystrophia unguis mediana canaliformis are presented herein.",
        "A method is presented which makes it possible to study melanocytes in situ.",
    ],
)
def test_a_case_report_opening_in_the_present_passive_states_its_aim(aim_field, opening):
    assert _aim_cell(aim_field, ("", f"{opening} {RESULTS}")) == opening


@pytest.mark.parametrize(
    "opening",
    [
        "A case of this syndrome was reported in 1990.",
        "Aspirin is reported to reduce pain in most patients.",
        "Vascular compromise and blindness are reported but rare complications of fillers.",
        "Such tumours are reported in the literature in adults only.",
        "Evidence is presented which suggests that the proteases are virulence factors.",
    ],
)
def test_the_literature_s_reports_opening_an_abstract_are_no_aim(aim_field, opening):
    assert _aim_cell(aim_field, ("", f"{opening} {RESULTS}")) == ""


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "To investigate cotinine and colorectal neoplasm (CRN).The participants were 20.",
            ["To investigate cotinine and colorectal neoplasm (CRN).", "The participants were 20."],
        ),
        (
            "Four were discharged in good condition.Pediatric patients fared well.",
            ["Four were discharged in good condition.", "Pediatric patients fared well."],
        ),
        # an abbreviation's stop, a name of dotted parts, an address: no sentence's end
        (
            "Some drugs, e.g.The Pill, help. Others do not.",
            ["Some drugs, e.g.The Pill, help.", "Others do not."],
        ),
        ("A peptide CHO.Met.Leu.Phe.OH was made.", ["A peptide CHO.Met.Leu.Phe.OH was made."]),
        ("Nod.Rag.Gamma (NRG) mice were used.", ["Nod.Rag.Gamma (NRG) mice were used."]),
        ("See www.crd.York.ac.uk/Prospero now.", ["See www.crd.York.ac.uk/Prospero now."]),
    ],
)
def test_a_sentence_run_into_the_next_with_no_space_ends_there(text, sentences):
    assert split_sentences(text) == sentences


def test_a_case_report_s_aim_run_into_its_next_sentence_is_that_sentence_alone(aim_field):
    aim = "We report a case of a stent-assisted treatment of an aneurysm (PPA)."
    text = f"{aim}The patient was a 76-year-old woman. {RESULTS}"
    assert _aim_cell(aim_field, ("", text)) == aim
