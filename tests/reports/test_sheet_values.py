"""A spreadsheet's rewrites of a stored value (reviewkit.sheet_values.same_value): the same
value; anything else a person typed is not."""

from __future__ import annotations

import pytest

from reviewkit.sheet_values import same_value


@pytest.mark.parametrize(
    ("stored", "cell"),
    [
        ("1.50", "1.5"),
        ("12.0", "12"),
        ("007", "7"),
        ("-0.30", "-.3"),
        ("true", "TRUE"),
        ("False", "FALSE"),
        ("2020-03-01", "01/03/2020"),  # Excel, UK
        ("2020-03-01", "3/1/2020"),  # Excel, US
        ("2020-03-01", "01.03.20"),  # LibreOffice, German
        ("2020-03-01", "43891"),  # Excel's serial number of the day
        ("1900-03-01", "61"),  # the day after Excel's phantom 29 February 1900
        ("Norway", " Norway "),
    ],
)
def test_a_spreadsheets_rewrite_is_the_same_value(stored: str, cell: str) -> None:
    assert same_value(stored, cell)


@pytest.mark.parametrize(
    ("stored", "cell"),
    [
        ("1.50", "1.51"),
        ("123456789012", "1.23457E+11"),  # digits lost: not the stored value
        ("1.5", "1,5"),  # a decimal comma is not read (1,500 may be a thousand and a half)
        ("true", "yes"),
        ("2020-03-01", "02/03/2020"),
        ("2020-03-01", "01/03/2021"),
        ("2020-03-01", "43892"),
        ("1900-01-01", "2"),  # Excel's 2 January 1900 (its serials before 61 are not read)
        ("2020-02-30", "30/02/2020"),  # no such day: compared as text
        ("norway", "Norway"),  # case is a person's change in text
        ("Norway", ""),
        ("12", "twelve"),
    ],
)
def test_anything_else_is_another_value(stored: str, cell: str) -> None:
    assert not same_value(stored, cell)
