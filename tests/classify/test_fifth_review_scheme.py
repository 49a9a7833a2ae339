"""A fifth review's own schemes through the CLI: Finnes et al. 2019's psychological and
workplace interventions for common mental disorders, with Mikkelsen and Rosholm's work focus
and workplace contact (protocols/rtw-cmd-psychological.toml, written from their definitions
alone), on 24 abstracts labelled by those definitions before the classifier read them. First
reading (commit 6632c7b): intervention 19/24, work-focus 16/24 (benchmarks/results/classify.md
says what changed since)."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import correct_through_cli
from classify.helpers import suggested as labels

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "rtw-cmd-psychological.toml"
FIXTURE = ROOT / "tests" / "reports" / "fixtures" / "heldout_cmd_abstracts.csv"


@pytest.mark.parametrize(
    ("scheme", "gold", "correct"),
    [("intervention", "intervention", 22), ("work-focus", "work_focus", 21)],
)
def test_the_cmd_reviews_schemes_through_the_cli(capsys, scheme, gold, correct):
    assert correct_through_cli(capsys, PROTOCOL, FIXTURE, scheme, gold, 24) >= correct


@pytest.mark.parametrize(
    "text",
    [
        "Psychologists gave CBT. A workplace visit was left to the employee.",
        "Psychologists gave CBT, and any dialogue meeting was left to the patient and the GP.",
        "Psychologists gave CBT; workplace adjustments were left to the occupational physician.",
    ],
)
def test_a_part_left_to_someone_else_is_not_the_interventions(cmd, text):
    assert labels(cmd, "intervention", text) == ["psychological"]


def test_a_part_the_intervention_does_still_counts(cmd):
    # no delegation: a nurse met the supervisor, and "left to" without "was" is no cue
    text = (
        "Psychologists gave CBT. A nurse met the employee and the supervisor at the "
        "workplace; the supervisor left to attend another meeting."
    )
    assert labels(cmd, "intervention", text) == ["combined"]
