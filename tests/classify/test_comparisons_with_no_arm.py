"""A comparison whose second term is a time ("compared with baseline", "versus pre-intervention
levels", "compared to T0") or the other arm by its role alone ("compared with the control group",
"versus controls") compares no two treatments: results sections of placebo, usual-care and
waiting-list trials write them as often as head-to-head trials do, so they are no sign of an
active comparator (protocols/rtw-comparators.toml's fallback), in any section."""

from __future__ import annotations

import pytest
from classify.helpers import suggested as labels


@pytest.mark.parametrize(
    "text",
    [
        # the other arm by its role: results of a trial whose comparator is not named
        "Pain fell more in the intervention group compared with the control group. Sick leave "
        "was shorter in the intervention group versus controls.",
        "Compared to the control group, scores improved. Matched controls versus the "
        "intervention group showed no change.",
        # a time of the study's own arm
        "Scores improved compared with baseline and versus pre-intervention levels.",
        # the role's arm by its size is no description of what it received
        "Sick leave was shorter compared with the control group of 45 workers. Pain fell more "
        "in the intervention group versus controls. Acupuncture versus stretching gave the "
        "same result.",
        "All participants improved at T1 compared to T0, and compared with the year before.",
        # the verb alone, with its object's cue after A
        "We compared the intervention group with the control group. Outcomes at 12 months "
        "versus baseline did not differ.",
    ],
)
def test_a_comparison_with_a_time_or_a_role_names_no_active_comparator(comparators, text):
    assert labels(comparators, "comparator", text) == ["not-stated"]


@pytest.mark.parametrize(
    "text",
    [
        # two named arms: what B received is said, in the cue's place or after the role
        "Pain fell more with acupuncture compared with massage. Acupuncture versus stretching "
        "gave the same result.",
        "Pain fell more compared with the control group receiving massage. Acupuncture versus "
        "a control group that did stretching gave the same result.",
        "We compared acupuncture with massage; acupuncture compared to exercise was better.",
        # what the role's arm was, after "of" or "in which"
        "Pain fell more with acupuncture compared with the control intervention of stretching. "
        "Acupuncture versus stretching gave the same result.",
        "Pain fell more with acupuncture compared with the control condition, in which "
        "participants did stretching. Acupuncture versus stretching gave the same result.",
        "Pain fell more with acupuncture compared to the comparison group of stretching. "
        "Acupuncture versus stretching gave the same result.",
    ],
)
def test_a_comparison_of_named_treatments_still_counts(comparators, text):
    assert labels(comparators, "comparator", text) == ["active"]
