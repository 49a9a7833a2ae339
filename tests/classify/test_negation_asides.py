"""An aside set off by commas right after a negation cue leaves the cue's reach whole:
"without, however, a workplace visit", "did not, however, contact the employer"."""

from __future__ import annotations

import pytest
from classify.helpers import suggested as labels


@pytest.mark.parametrize(
    ("text", "components"),
    [
        ("Advice was given without, however, a workplace visit.", "coordination-only"),
        ("The coordinator did not, however, contact the employer.", "coordination-only"),
        (
            "The programme did not, however, involve a meeting with the employer.",
            "coordination-only",
        ),
        # a contrast after the negated words, or a new sentence, still ends the reach
        ("Advice was given; however, a workplace visit followed.", "workplace-contact"),
        (
            "The coordinator did not, however, stop. A workplace visit followed.",
            "workplace-contact",
        ),
        (
            "Workers were seen without delay, however, a workplace visit followed.",
            "workplace-contact",
        ),
    ],
)
def test_an_aside_after_a_negation_cue_keeps_its_reach(coordination, text, components):
    assert labels(coordination, "components", text) == [components]
