"""A passive comparison whose subject is the comparator: "Usual care by the GP was compared with
treatment by a psychologist" compares the tested arm (after "compared with") against usual care
(its subject). Before, the words after "compared with" were read as the comparator and the
subject's usual care reached the sentence's end: neither arm's provider was the study's."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import suggested as labels

from reviewkit import protocol as protocol_mod

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def providers():
    return protocol_mod.load(ROOT / "protocols" / "rtw-providers-occupations.toml")


@pytest.mark.parametrize(
    ("text", "provider"),
    [
        ("Usual care by the GP was compared with treatment by a psychologist.", ["psychologist"]),
        (
            "In a randomised trial, care as usual by the general practitioner was compared with "
            "a return-to-work intervention by occupational physicians.",
            ["occupational-health"],
        ),
        (
            "The control group, who saw their GP, were compared to workers whose supervisors "
            "were trained.",
            ["employer"],
        ),
        # the active voice, and the tested arm as the subject, as before
        ("Treatment by a psychologist was compared with usual care by the GP.", ["psychologist"]),
        (
            "We compared treatment by a psychologist with usual care by the GP.",
            ["psychologist"],
        ),
    ],
)
def test_the_subject_of_a_passive_comparison_is_the_comparator(providers, text, provider):
    assert labels(providers, "provider", text) == provider


def test_a_passive_comparison_of_two_tested_arms_is_unchanged(providers):
    # no comparator as the subject: the words after "compared with" are the comparator
    text = "Coordination by case managers was compared with treatment by physiotherapists."
    assert labels(providers, "provider", text) == ["case-manager"]
