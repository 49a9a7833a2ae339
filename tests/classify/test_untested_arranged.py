"""A meeting, team or plan arranged for the sick-listed person is a programme studied, also in
a cohort, a register or interviews (dialogue and reconciliation meetings, a three-party
return-to-work meeting, joint assessment teams, a return-to-work plan): such a study keeps the
reading of what it names, in a scheme with ``none_if_untested`` (Review B's model type). A
meeting or team of the study's own ("the research team", "the annual meeting") names none
(reviewkit.classify.untested)."""

from __future__ import annotations

from reviewkit import classify
from reviewkit.records import AbstractSection, Record


def _model_type(review_b, title: str, text: str) -> list[str]:
    record = Record(title=title, abstract_sections=[AbstractSection("", text)])
    return [s.label for s in classify.suggest(record, review_b.scheme("model-type"))]


def test_a_cohort_of_return_to_work_meetings_keeps_its_model(review_b):
    got = _model_type(
        review_b,
        "Three-party meetings and full return among employees with burnout: a cohort",
        "A prospective cohort of 380 employees sick-listed with burnout; those who had a "
        "three-party meeting within eight weeks returned to full work earlier. In the meeting "
        "the supervisor agreed adjusted tasks with them.",
    )
    assert got == ["workplace"]


def test_a_register_study_of_a_rehabilitation_plan_keeps_its_model(review_b):
    got = _model_type(
        review_b,
        "Return to work after long sick leave: a register study",
        "Register data on 5,000 persons on long-term sick leave; those with a rehabilitation "
        "plan agreed with the employer returned sooner.",
    )
    assert got == ["workplace"]


def test_a_plan_for_return_in_a_register_study_keeps_its_model(review_b):
    got = _model_type(
        review_b,
        "Return to work after long sick leave: a register study",
        "Register data on 5,000 persons on long-term sick leave; those with a plan for return "
        "agreed with the employer returned sooner.",
    )
    assert got == ["workplace"]


def test_the_study_s_own_meeting_or_team_names_no_programme(review_b):
    # a guard against reading any meeting or team: passes before and after
    got = _model_type(
        review_b,
        "Sick leave among nurses: a cross-sectional survey",
        "The research team surveyed 900 nurses after the annual meeting of the nursing "
        "association; few had been contacted by their employer during sick leave.",
    )
    assert got == ["none"]
