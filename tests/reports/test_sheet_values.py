"""A spreadsheet's rewrites of a stored value (reviewkit.sheet_values.same_value): the same
value; anything else a person typed is not."""

from __future__ import annotations

import pytest

from reviewkit.sheet_values import Ambiguous, Locale, number_columns, same_value, sheet_locale


@pytest.mark.parametrize(
    ("stored", "cell"),
    [
        ("1.50", "1.5"),
        ("12.0", "12"),
        ("007", "7"),
        ("-0.30", "-.3"),
        ("true", "TRUE"),
        ("False", "FALSE"),
        ("2020-03-21", "21/03/2020"),  # Excel, UK (a day over 12 tells the order)
        ("2020-03-21", "3/21/2020"),  # Excel, US
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
        ("1.5", "1,6"),  # another number with a decimal comma, whatever the locale
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


@pytest.mark.parametrize(
    ("stored", "cell", "locale", "same"),
    [
        ("2020-03-01", "01/03/2020", Locale(day_first=True), True),  # UK: 1 March
        ("2020-03-01", "01/03/2020", Locale(day_first=False), False),  # US: 3 January
        ("2020-03-01", "3/1/2020", Locale(day_first=False), True),
        ("1.5", "1,5", Locale(decimal_comma=True), True),  # a ';' sheet: 1.5
        ("1500", "1,500", Locale(decimal_comma=True), False),  # 1.5 there
    ],
)
def test_a_form_the_locale_tells_is_read_as_the_sheet_says(
    stored: str, cell: str, locale: Locale, same: bool
) -> None:
    assert same_value(stored, cell, locale) is same


@pytest.mark.parametrize(
    ("stored", "cell", "hint"),
    [
        ("2020-03-01", "01/03/2020", "YYYY-MM-DD"),  # 1 March or 3 January
        ("2020-04-03", "4/3/2020", "YYYY-MM-DD"),
        ("1.5", "1,5", "write it 1.5"),  # 1.5, or text (a list, 1,500)
        # Excel's General format: digits lost, the stored number or another that rounds so
        ("123456789012", "1.23457E+11", "write the number in full (the project holds"),
        ("7", "-1.23457E+15", "format the column as Text"),  # typed, but which number?
    ],
)
def test_a_form_the_sheet_does_not_tell_is_ambiguous(stored: str, cell: str, hint: str) -> None:
    with pytest.raises(Ambiguous) as found:
        same_value(stored, cell)
    assert repr(cell) in found.value.message and hint in found.value.hint


@pytest.mark.parametrize(
    ("separator", "cells", "locale"),
    [
        (",", ["Norway", "01/03/2020"], Locale()),  # says nothing
        (";", ["1,5"], Locale(decimal_comma=True, day_first=True)),  # Excel's list separator
        (",", ["21/03/2020", "01/03/2020"], Locale(day_first=True)),
        (",", ["3/21/2020", "3/1/2020"], Locale(day_first=False)),
        (",", ["01.03.20"], Locale(day_first=True)),  # dots: day first wherever used
        (",", ["21/03/2020", "3/21/2020"], Locale()),  # both: it does not say
    ],
)
def test_what_a_sheet_says_of_its_locale(separator: str, cells: list[str], locale: Locale) -> None:
    assert sheet_locale(separator, cells) == locale


@pytest.mark.parametrize(
    ("stored", "cell"),
    [
        ("1234", "1.234"),  # German Excel, a number format with thousands: 1.234 is 1234
        ("1234.5", "1.234,5"),
        ("-1234567", "-1.234.567"),
    ],
)
def test_a_thousands_point_in_a_decimal_comma_sheet_is_the_stored_number(
    stored: str, cell: str
) -> None:
    assert same_value(stored, cell, Locale(decimal_comma=True, day_first=True))


def test_another_number_with_a_thousands_point_is_refused_not_read_a_thousand_times_smaller() -> (
    None
):
    """'2.345' in a sheet of decimal commas is 2345 to the spreadsheet that wrote it; stored as
    typed it would read 2.345: the cell is refused, saying how to write it."""
    with pytest.raises(Ambiguous) as found:
        same_value("1234", "2.345", Locale(decimal_comma=True, day_first=True))
    assert "2345" in found.value.message and "2345" in found.value.hint


def test_an_ambiguous_date_says_both_dates_and_how_to_keep_a_spreadsheet_from_rewriting_it() -> (
    None
):
    """The hint names the two dates the cell may be, in the form to write, and the leading
    apostrophe that keeps Excel from writing a typed ISO date back in the computer's form."""
    with pytest.raises(Ambiguous) as found:
        same_value("2020-03-01", "01/03/2020")
    said = found.value.message + found.value.hint
    assert "2020-03-01" in said and "2020-01-03" in said and "'2020-03-01" in said, said


def test_a_decimal_commas_hint_says_how_to_type_the_point_in_a_comma_locale() -> None:
    """Where the decimal separator is a comma a spreadsheet reads a typed '1.5' as a date (1
    May) and saves it so: the hint names the apostrophe that keeps it as typed."""
    with pytest.raises(Ambiguous) as found:
        same_value("1.5", "1,5")
    assert "'1.5" in found.value.hint, found.value.hint


@pytest.mark.parametrize(
    ("cells", "numbers"),
    [
        (["1,5", "0,8", "12"], True),  # a column of numbers, decimal commas or whole
        (["1,5", "NR", "0,8"], True),  # 'not reported' in a column of numbers
        (["1,5 (0,9-2,1)", "1,5", "0,8"], True),  # an estimate and its interval, typed as text
        (["1,2", "1,2,3", "2"], False),  # arms: '1,2,3' says the column holds lists
        (["1,2", "1, 3", "2"], False),  # a list written with a space
        (["1,2", "NR"], False),  # one number: nothing says the column holds numbers
        (["1,2"], False),
        # two-arm lists only: each may be a decimal comma too, none says so (were 1.2, 1.3)
        (["1,2", "1,3"], False),
        (["1,2", "2,3", "1,10", "4"], False),
        (["1,2", "1,3", "0,8"], True),  # 0,8 is no list (arms are counted from 1)
        (["1,2", "2,1"], True),  # a list is written in order: 2,1 is a number
        (["1,2", "1,05"], True),  # no item of a list has a leading zero
        (["1,2", "1.234,5"], True),  # thousands points: a number
    ],
)
def test_number_columns(cells: list[str], numbers: bool) -> None:
    """Which columns of a ';' sheet hold numbers, so that their '1,5' is stored as 1.5: the
    extraction form gives its fields no type."""
    found = number_columns([("effect", c) for c in cells], Locale(decimal_comma=True))
    assert found == ({"effect"} if numbers else set())
    assert number_columns([("effect", c) for c in cells], Locale()) == set()  # ',' sheet
