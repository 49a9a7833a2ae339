"""A sentence that says what a study measured is no evidence of what its intervention was
(``tested = true``: reviewkit/classify/measured.py), while a scheme of outcomes reads it as its
evidence, and one that says what the intervention did still counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import refused_edit
from classify.helpers import suggested as labels

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.records import AbstractSection, Record

ROOT = Path(__file__).resolve().parents[2]
PROTOCOLS = ROOT / "protocols"


def _protocol(name: str) -> protocol_mod.Protocol:
    return protocol_mod.load(PROTOCOLS / f"{name}.toml")


def _scores(name: str, scheme: str, abstract: str, section: str = "METHODS") -> dict[str, float]:
    rec = Record(title="A study", abstract_sections=[AbstractSection(section, abstract)])
    got = classify.score_labels(rec, _protocol(name).scheme(scheme))
    return {s.label: s.score for s in got if s.score}


@pytest.mark.parametrize(
    ("name", "scheme", "text"),
    [
        # a list of outcomes, a passive verb of measuring and its source, the researchers' verb
        ("rtw-cmd-psychological", "work-focus", "Secondary outcomes were symptoms and work ability."),
        ("rtw-workplace-sick-leave", "level", "We measured working hours with a diary."),
        ("rtw-providers-occupations", "provider", "Sickness absence was retrieved from the employer's records."),
        ("rtw-intervention-domains", "setting", "Sick-leave days were collected from the Social Insurance Agency."),
        ("rtw-coordination", "components", "Employment status and working hours were assessed by questionnaire."),
        ("rtw-delivery-modes", "mode", "Blood pressure was measured using a digital sphygmomanometer."),
    ],
)  # fmt: skip
def test_a_sentence_of_what_was_measured_is_no_intervention(name, scheme, text):
    assert _scores(name, scheme, text) == {}


def test_a_section_of_outcome_measures_is_no_intervention():
    text = "Days on sickness benefit during 12 months, from the Social Insurance Agency."
    assert _scores("rtw-intervention-domains", "setting", text, "MAIN OUTCOME MEASURES") == {}
    # a Results section reports what the tested arm did: read as before
    found = "Workers seen at the Social Insurance Agency returned to work sooner."
    assert "welfare-agency" in _scores("rtw-intervention-domains", "setting", found, "RESULTS")


@pytest.mark.parametrize(
    ("name", "scheme", "text", "label"),
    [
        # another subject that assesses is the intervention at work
        (
            "rtw-cmd-psychological", "work-focus",
            "The team assessed each patient's work ability and wrote a return-to-work plan.",
            "work-focused",
        ),
        (
            "rtw-workplace-sick-leave", "level",
            "An occupational therapist assesses the workstation and proposes ergonomic changes.",
            "workplace",
        ),
        # "registered" as an adjective, and what was measured being the intervention's effect
        (
            "rtw-intervention-domains", "setting",
            "Registered nurses of four university hospitals delivered the programme.",
            "specialist",
        ),
        (
            "rtw-providers-occupations", "provider",
            "The effect of the employer's contact was assessed in a cluster trial.",
            "employer",
        ),
    ],
)  # fmt: skip
def test_what_the_intervention_did_still_counts(name, scheme, text, label):
    assert label in _scores(name, scheme, text)


def test_a_scheme_of_outcomes_reads_the_same_sentences():
    work = _protocol("rtw-work-outcomes")
    assert labels(work, "outcome", "Secondary outcomes were symptoms and work ability.") == [
        "work-ability"
    ]
    text = "Return to work was measured with a questionnaire at 12 months."
    assert labels(work, "source", text) == ["self-report"]
    assert _scores("rtw-cmd-psychological", "work-focus", text) == {}


def test_protocol_check_refuses_tested_on_a_population_scheme(tmp_path, capsys):
    protocol = PROTOCOLS / "rtw-workplace-sick-leave.toml"
    edit = ("population = true", "population = true\ntested = true")
    err = refused_edit(tmp_path, capsys, protocol, *edit)
    assert "schemes.condition.tested" in err and "hint:" in err and "Traceback" not in err


def test_a_data_source_that_a_relative_clause_says_delivered_the_intervention_counts():
    # the source of the data is also who ran the programme: the relative clause says so
    for text in (
        "Sick-leave days were collected from the Social Insurance Agency, which also delivered the programme.",
        "Sick-leave days were collected from the Social Insurance Agency, which ran the programme.",
    ):  # fmt: skip
        assert "welfare-agency" in _scores("rtw-intervention-domains", "setting", text)
    # a relative clause of what the source does anyway leaves it a source
    text = "Sick-leave days were collected from the Social Insurance Agency, which pays sickness benefits."
    assert _scores("rtw-intervention-domains", "setting", text) == {}
