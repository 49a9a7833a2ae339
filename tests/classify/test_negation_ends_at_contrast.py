"""A negation's reach ends at a contrast, as NegEx's termination terms end it (Chapman et al.
2001: "but", "however", "although", "which" ...): what follows "but" is said of the study, not
denied ("had no contact with NAV but with the employer", "without back pain but with
depression")."""

from __future__ import annotations

import pytest
from classify.helpers import suggested as labels


@pytest.mark.parametrize(
    "text",
    [
        "The clinic had no contact with NAV but with the employer every week.",
        # the contrast also ends the reach of the psychologists' contact (classify.actors): the
        # employer acts in a clause of its own
        "Psychologists had no contact with NAV but the employer held meetings every week.",
        "The GP had no contact with NAV but called the employer.",
        "The therapist had no contact with NAV whereas the employer was called.",
    ],
)
def test_a_party_after_but_took_part(review_b, text):
    assert labels(review_b, "model-type", text) == ["workplace"]


def test_a_disorder_after_but_is_the_populations(review_b):
    text = "Workers without back pain but with depression took part."
    assert labels(review_b, "diagnosis", text) == ["mental"]


def test_yet_after_no_contact_is_no_contrast(review_b):
    # an adverb after the negation, not NegEx's conjunction: the employer took no part
    text = "Psychologists gave work-focused therapy and had no contact yet with the employer."
    assert labels(review_b, "model-type", text) == ["none"]
