"""A study that tests no intervention (a survey, a cross-sectional analysis, a cohort of
prognostic factors) and names the work side once in passing is of no model type; a study of a
model written in a design's words (a register study of dialogue meetings, interviews about a
coordinator) and a trial that names the employer once keep theirs."""

from __future__ import annotations

from pathlib import Path

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.records import AbstractSection, Record

ROOT = Path(__file__).resolve().parents[2]
REVIEW_B = ROOT / "protocols" / "work-health-collaboration.toml"


def _model_type(title: str, *sections: tuple[str, str]) -> list[str]:
    record = Record(title=title, abstract_sections=[AbstractSection(*s) for s in sections])
    scheme = protocol_mod.load(REVIEW_B).scheme("model-type")
    return [s.label for s in classify.suggest(record, scheme)]


def test_a_cross_sectional_analysis_naming_the_employer_in_passing_is_of_no_model():
    got = _model_type(
        "Sickness certificates issued in Danish general practice: a cross-sectional analysis",
        ("", "We analysed 48,000 electronic sickness certificates issued by 210 practices in "
         "2021 to patients of any diagnosis. Most certificates gave no advice on work, and few "
         "were ever seen by the employer."),
    )  # fmt: skip
    assert got == ["none"]


def test_a_cohort_of_prognostic_factors_is_of_no_model():
    got = _model_type(
        "Prognostic factors for sustained return to work after sick leave for shoulder pain",
        ("", "A prospective cohort of 612 workers on sick leave for shoulder pain was followed "
         "for two years. Older age and high pain intensity predicted a later return, and "
         "support from the supervisor an earlier one."),
    )  # fmt: skip
    assert got == ["none"]


def test_a_register_study_of_dialogue_meetings_keeps_its_model():
    got = _model_type(
        "Dialogue meetings and return to work: a register study",
        ("", "Register data on 12,400 sick-listed employees; those who had a dialogue meeting "
         "with the employer and the physician returned to work sooner."),
    )  # fmt: skip
    assert got == ["workplace"]


def test_a_trial_that_names_the_employer_once_keeps_its_model():
    # a cohort inside a trial: the trial is the study's own design, a programme studied
    got = _model_type(
        "Return to work after sick leave for back pain",
        ("", "A randomised trial in a cohort of 300 sick-listed workers: the intervention "
         "group's adjusted duties were agreed with the employer."),
    )  # fmt: skip
    assert got == ["workplace"]
