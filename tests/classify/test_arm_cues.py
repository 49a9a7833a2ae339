"""A comparison of two result figures ("40.6% versus 30.3%") and an allocation to the arms by
their roles or count alone ("randomized to the intervention or control group", "to two
groups") name no two treatments: every kind of trial writes them, so they are no sign of an
active comparator (protocols/rtw-comparators.toml's fallback; reviewkit/classify/arm_cues.py).
Doses or schedules as whole numbers with their unit, and allocations that say what an arm
received, still count."""

from __future__ import annotations

import pytest
from classify.helpers import suggested as labels

from reviewkit.classify.arm_cues import compares_figures
from reviewkit.classify.words import tokens


@pytest.mark.parametrize(
    "text",
    [
        "Workers were randomized to the intervention or control group. Return to work was "
        "40.6% versus 30.3%.",
        "Workers were randomly assigned to two groups. Sick leave was 3.72 ± 1.51 vs 3.05 ± "
        "1.60 weeks.",
        "Workers were randomized to the intervention (n = 50) or control (n = 48) groups. Days "
        "of sick leave were 29 vs 126; P < 0.001.",
        "Workers were randomized to one of the two conditions. Return to work was faster "
        "(40.6% compared with 30.3%).",
        "Workers were randomly allocated to the experimental or control group and performed "
        "the tests. Pain was 4.1 versus 5.3 at 12 weeks.",
        "Workers were randomly divided into two equal groups. Return to work was 62% vs 48%.",
        # a concentration is a result, whatever its decimals' unit
        "Workers were randomized to the intervention or control group. Serum cortisol was 0.5 "
        "vs 1.0 mg/dL.",
        # whole numbers with their unit and an odds ratio after them: two results
        "Sick leave of 25 vs 15 days, OR 2.1, was compared. Pain fell in both arms.",
    ],
)
def test_figures_and_roles_name_no_active_comparator(comparators, text):
    assert labels(comparators, "comparator", text) == ["not-stated"]


@pytest.mark.parametrize(
    "text",
    [
        # doses or schedules as whole numbers with their unit name the arms
        "Training of 25 vs 15 hours per week was compared. Pain fell in both arms.",
        "Rats received 100 vs. 6 mg/kg. Workers were randomized to acupuncture or massage.",
        # an allocation that says what an arm received
        "Workers were randomly divided into two groups where Group 1 received exercise. Exercise "
        "was compared with stretching.",
        "Workers were randomly divided into control group and exercise group. Exercise was "
        "compared with stretching.",
        "Workers were randomly divided into three groups: exercise, stretching and control. "
        "Exercise was compared with stretching.",
        "Workers were randomized to the intervention group (IG), in which they attended 12 "
        "sessions, or to a control group. Exercise was compared with stretching.",
        "Workers were randomized to acupuncture or massage. Return to work was 40.6% versus "
        "30.3% with acupuncture versus massage.",
        # doses with decimals and their unit of dose: the arms, not two results
        "Rats received ivermectin 0.5 vs 1.0 mg/kg. Ivermectin was compared with albendazole.",
        "Patients received 0.5 versus 1.5 mg/kg/day of prednisolone. Pain was compared with "
        "stretching.",
        # an arm named after a role's "or": the allocation names it
        "Workers were randomized to the control group or acupuncture. Acupuncture was compared "
        "with stretching.",
        "Workers were randomized to control or acupuncture. Pain was compared with stretching.",
        "Workers were randomized to the intervention group or to Pilates. Pilates was compared "
        "with yoga.",
    ],
)
def test_named_arms_still_count(comparators, text):
    assert labels(comparators, "comparator", text) == ["active"]


@pytest.mark.parametrize(
    ("after", "result"),
    [
        # an odds ratio as reports write it, after the two counts: a result's figures
        (", OR 2.1 (95% CI 1.2 to 3.6)", True),
        ("; OR = 2.1", True),
        (", OR, 2.1", True),  # JAMA's style
        (", odds ratio 2.1", True),
        (", adjusted OR 2.1", True),
        (", aOR: 2.1", True),
        ("; P < 0.001", True),
        # the word "or" is no odds ratio: two doses or schedules and a third arm
        (", or usual care", False),
        ("; or a leaflet", False),
        (", OR usual care", False),  # a title in capitals: no figure after it
        # a hazard ratio and a relative (risk) ratio as reports write them, as the odds ratio
        (", HR 1.2 (95% CI 0.9 to 1.6)", True),
        ("; HR = 0.8", True),
        (", adjusted HR 0.8", True),
        (", aHR: 0.8", True),
        (", hazard ratio 0.8", True),
        (", RR, 1.1", True),
        ("; RR = 1.1", True),
        (", relative risk 1.1", True),
        (", risk ratio 1.1", True),
        # the interval named between the capitals and the figure, as tables and abstracts
        # write it (before q42e, 'hr\b' took these; the figure-after shape lost them)
        ("; HR (95% CI) 0.74 (0.60 to 0.91)", True),
        ("; HR [95% CI], 0.74 [0.60-0.91]", True),
        (", OR (95% CI): 1.3 (1.1-1.6)", True),
        ("; RR (95% CI) = 1.1", True),
        # 'hr' and 'rr' in lower case are no ratio (hours; heart and respiratory rate), nor
        # capitals with no figure after them: two schedules and a third arm (before: 'hr' and
        # 'rr' matched in any case, with nothing after them)
        (", hr and rr recorded", False),
        ("; HR department visits", False),
        (", RR exercises", False),
    ],
)
def test_an_odds_ratio_makes_two_counts_a_result_and_the_word_or_does_not(after, result):
    # whole numbers with their unit are doses or schedules unless a statistic follows (the
    # pattern was anchored with '^' and matched at B's end, so it matched none of these)
    text = f"Training of 25 vs 15 hours{after}."
    words = tokens(text)
    vs = next(k for k, w in enumerate(words) if text[w.start : w.end] == "vs")
    assert compares_figures(text, words, vs, vs) is result
