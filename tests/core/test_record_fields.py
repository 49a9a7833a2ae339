"""Record field normalisation: PMIDs, years and structured abstracts as the readers give them."""

from __future__ import annotations

import pytest

from reviewkit.records import Record, normalise_pmid


@pytest.mark.parametrize(
    ("value", "pmid"),
    [
        ("12345", "12345"),
        (" PMID: 12345 ", "12345"),
        ("PMID 12345", "12345"),
        ("pmid:12345", "12345"),
        (12345, "12345"),
        ("0012345", "12345"),
        # not a PMID: stripping the rest made these other articles' PMIDs
        ("PMID 3123-4567", ""),
        ("3l234567", ""),  # a letter l for a 1
        ("12345 67890", ""),
        ("PMC12345", ""),
        ("doi:10.1/2", ""),
        ("0", ""),
        (None, ""),
    ],
)
def test_a_pmid_is_digits_with_an_optional_pmid_prefix(value: object, pmid: str) -> None:
    assert normalise_pmid(value) == pmid
    assert Record(title="t", pmid=value).pmid == pmid
