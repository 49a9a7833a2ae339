"""A party that took no part, said before it: "no contact was made with the employer", "had no
contact with the employer or the occupational physician", "did not contact the employer" (the
seventh held-out set: studies of therapy or certification with no work-side party)."""

from __future__ import annotations

import pytest
from classify.helpers import suggested as labels


@pytest.mark.parametrize(
    "text",
    [
        "GPs encouraged graded sick leave. No contact was made with the employer or NAV.",
        "Psychologists gave work-focused therapy; the therapist had no contact with the employer "
        "or the occupational physician.",
        "Psychologists gave work-focused therapy and did not contact the employer.",
        "The time limits contain no collaboration between health care and the employer.",
    ],
)
def test_a_party_after_no_contact_with_is_left_out(review_b, text):
    assert labels(review_b, "model-type", text) == ["none"]


def test_contact_with_the_employer_still_counts(review_b):
    # no negation before the contact word: the employer took part
    text = "The occupational health nurse had contact with the employer every week."
    assert labels(review_b, "model-type", text) == ["workplace"]


def test_no_difference_keeps_its_terms(review_b):
    # "no" before another word negates only that word, as before
    text = "There was no difference in sick leave between dialogue meetings with the employer."
    assert labels(review_b, "model-type", text) == ["workplace"]
