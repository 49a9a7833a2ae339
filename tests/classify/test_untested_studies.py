"""A study that tests no intervention (a survey, a cross-sectional analysis, interviews) and
names the work side once in passing is of no model type, in a scheme that sets
``none_if_untested`` (Review B's model type); a study of a model written in a design's words
(a register study of dialogue meetings) and a trial that names the employer once keep theirs,
and a scheme without the option (a setting) reads such a study as before
(reviewkit.classify.untested)."""

from __future__ import annotations

from pathlib import Path

from classify.helpers import refused_edit

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.records import AbstractSection, Record

ROOT = Path(__file__).resolve().parents[2]
REVIEW_B = ROOT / "protocols" / "work-health-collaboration.toml"
OPTION = "none_if_untested = true\n"


def _suggested(protocol: protocol_mod.Protocol, scheme: str, title: str, text: str) -> list[str]:
    record = Record(title=title, abstract_sections=[AbstractSection("", text)])
    return [s.label for s in classify.suggest(record, protocol.scheme(scheme))]


def _model_type(title: str, text: str, protocol: Path = REVIEW_B) -> list[str]:
    return _suggested(protocol_mod.load(protocol), "model-type", title, text)


def _without_option(tmp_path: Path) -> Path:
    path = tmp_path / "b.toml"
    text = REVIEW_B.read_text(encoding="utf-8")
    assert OPTION in text
    path.write_text(text.replace(OPTION, "", 1), encoding="utf-8")
    return path


SURVEY = (
    "Sickness certificates issued in Danish general practice: a cross-sectional analysis",
    "We analysed 48,000 electronic sickness certificates issued by 210 practices in 2021 to "
    "patients of any diagnosis. Most certificates gave no advice on work, and few were ever "
    "seen by the employer.",
)
INTERVIEWS = (
    "Experiences of long-term sick leave among nurses: a qualitative study",
    "Interviews with 14 nurses on sick leave for more than three months. They described "
    "fatigue, guilt and uncertainty, and few had been contacted by their employer.",
)


def test_a_study_that_tests_nothing_and_names_the_employer_in_passing_is_of_no_model(tmp_path):
    for title, text in (SURVEY, INTERVIEWS):
        assert _model_type(title, text) == ["none"]
        # the option is what does it: without it the one mention is a workplace model
        assert _model_type(title, text, _without_option(tmp_path)) == ["workplace"]


# a statistical model is no programme: the analysis' words ("Cox models", "linear mixed
# models") beside a cohort of no intervention
COX_COHORT = (
    "Time to full return to work after sick leave with common mental disorders: a cohort",
    "Insurance files of 4,100 employees sick-listed with distress or depression. Cox models related "
    "their age and diagnosis to the time to full return; few had been visited by the employer.",
)
# a register linkage study says so by the plural, "linked the registers"
LINKAGE = (
    "Disability pension after sickness absence due to low back pain in Finland",
    "We linked the Social Insurance Institution's registers of sickness allowance and pensions "
    "for 61,000 employees; few had been contacted by the employer.",
)


def test_a_cohort_analysed_in_statistical_models_or_a_register_linkage_is_no_model(tmp_path):
    for title, text in (COX_COHORT, LINKAGE):
        assert _model_type(title, text) == ["none"]
        assert _model_type(title, text, _without_option(tmp_path)) == ["workplace"]


def test_a_model_of_care_in_a_cohort_keeps_its_label():
    # "model" beside no analysis' word stays a programme: the study's own
    got = _model_type(
        "Return to work after sick leave for back pain: a cohort",
        "A cohort of 300 sick-listed workers followed in a new model of care, in which "
        "adjusted duties were agreed with the employer.",
    )
    assert got == ["workplace"]


def test_a_register_study_of_dialogue_meetings_keeps_its_model():
    got = _model_type(
        "Dialogue meetings and return to work: a register study",
        "Register data on 12,400 sick-listed employees; those who had a dialogue meeting with "
        "the employer and the physician returned to work sooner.",
    )
    assert got == ["workplace"]


def test_a_register_study_matched_on_propensity_scores_keeps_its_model():
    # those who had the meeting against those who had not: a programme's effect, estimated
    got = _model_type(
        "Sick leave after a first spell of depression in Sweden: a register study",
        "Register data on 9,000 sick-listed persons; those who had a meeting with the employer "
        "within 90 days were matched on propensity scores with those who had not.",
    )
    assert got == ["workplace"]


def test_a_trial_that_names_the_employer_once_keeps_its_model():
    # a cohort inside a trial: the trial is the study's own design, a programme studied
    got = _model_type(
        "Return to work after sick leave for back pain",
        "A randomised trial in a cohort of 300 sick-listed workers: the intervention group's "
        "adjusted duties were agreed with the employer.",
    )
    assert got == ["workplace"]


def test_protocol_check_refuses_the_option_on_a_scheme_not_of_what_was_tested(tmp_path, capsys):
    # Review B's model type with the option, its tested = true turned off
    err = refused_edit(tmp_path, capsys, REVIEW_B, "tested = true  #", "tested = false  #")
    assert "schemes.model-type.none_if_untested" in err
    assert "hint:" in err and "Traceback" not in err
