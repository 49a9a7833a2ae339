"""Which supplement a record is in, from the issue and volume fields as exporters write them.

PubMed/MEDLINE and Scopus name the supplement in the issue ('10 Suppl 1', 'S3'), Ovid/Embase in
the volume ('25 (Supplement 1)'), and a volume field may hold the supplement alone ('S4').
Each field is read on its own: a supplement without a number in the issue is not numbered by
the volume, and Ovid's pages in the issue field ('pp S178') are no supplement."""

from __future__ import annotations

import pytest
from dedup.helpers import keys, verdict

from reviewkit.dedup.normalise import UNNUMBERED_SUPPLEMENT


@pytest.mark.parametrize(
    ("volume", "issue", "supplement"),
    [
        ("61", "10 Suppl 1", "1"),  # PubMed
        ("46", "S21", "21"),  # Scopus
        ("25 (Supplement 1)", "", "1"),  # Ovid/Embase: the supplement in the volume
        ("59 (1 Supplement 1)", "", "1"),
        ("23 (S1)", "", "1"),
        ("S4", "", "4"),  # the volume field holds the supplement alone
        ("45", "3", ""),  # a plain issue
    ],
)
def test_the_supplement_is_read_where_the_exporter_wrote_it(volume, issue, supplement):
    assert keys(1, volume=volume, issue=issue).supplement == supplement


def test_an_unnumbered_supplement_is_not_numbered_by_the_volume():
    # JACC 68(16 Supplement): issue 16's supplement, not supplement 68
    assert keys(1, volume="68", issue="16 Supplement").supplement == UNNUMBERED_SUPPLEMENT
    assert keys(1, volume="9", issue="3 SUPPL.").supplement == UNNUMBERED_SUPPLEMENT


def test_pages_in_the_issue_field_are_no_supplement():
    # Ovid's citation: 'Liver Transpl 16 (pp S178)', the page of a supplement
    assert keys(1, volume="16", issue="pp S178").supplement == ""
    assert keys(1, volume="19", issue="pp S600-S601").supplement == ""


def test_a_supplement_without_number_against_another_issue_still_goes_to_a_person():
    # a meeting abstract in issue 16's supplement and the team's article in issue 15, one
    # title, one year, no page: two places (thin_guards.supplement_and_issue_no_page)
    abstract = keys(1, volume="68", issue="16 Supplement", pages="")
    article = keys(2, volume="68", issue="15", pages="")
    assert verdict(abstract, article) == ("uncertain", "supplement_and_issue_no_page")
    # the same supplement twice is one place: merged as before
    again = keys(3, volume="68", issue="16 Supplement", pages="")
    assert verdict(abstract, again)[0] == "duplicate"
