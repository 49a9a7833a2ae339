"""A quantity after "than" is no comparator: "more than four weeks", and a currency amount in
any of its written forms ("less than CAD $50", "more than NOK 5000", "under 50 USD"), whose
code or symbol stands before or after the number. What follows such a "than" stays evidence."""

from __future__ import annotations

import pytest
from classify.helpers import suggested as labels


@pytest.mark.parametrize(
    "amount", ["CAD $50", "€200", "NOK 5000", "NOK5000", "50 USD", "£10", "EUR 200", "US$50"]
)
def test_a_currency_amount_after_than_is_no_comparator(review_b, amount):
    text = (
        f"Workers whose benefit was more than {amount} a week saw a return-to-work coordinator "
        "who made a plan."
    )
    assert labels(review_b, "model-type", text) == ["coordinator"]


def test_an_arm_after_than_is_still_a_comparator(review_b):
    # the same sentence with an arm after "than": the comparator's words are no evidence
    text = (
        "A multidisciplinary team assessed each worker and was no better than a return-to-work "
        "coordinator who made a plan."
    )
    assert labels(review_b, "model-type", text) == ["multidisciplinary-team"]


def test_the_pronoun_us_before_a_number_is_no_currency(review_b):
    # currency codes are capitals ("US$50", "NOK 5000"); "than us" compares with people
    text = (
        "A multidisciplinary team assessed each worker and did no better than us 2 return-to-work "
        "coordinators who made a plan."
    )
    assert labels(review_b, "model-type", text) == ["multidisciplinary-team"]
