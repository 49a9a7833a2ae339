"""When an extraction sheet's cell holds the value the project has, as a spreadsheet rewrote it.

A sheet opened and saved in Excel or LibreOffice comes back with values rewritten by the
spreadsheet's reading of them, though no one typed anything: a number loses its trailing
zeros or leading zeros (``1.50`` -> ``1.5``, ``12.0`` -> ``12``), ``true`` becomes ``TRUE``,
an ISO date is written in the locale's form (``2020-03-01`` -> ``01/03/2020`` in the UK,
``3/1/2020`` in the US, ``01.03.20`` in Germany) or as the day's serial number when its cell is
formatted as a number (``43891``), and a cell's surrounding spaces are kept or dropped. The
extraction fields are free text, so the kind is told from the two values: a rewrite is
recognised only where the stored value is of that kind (a number, TRUE/FALSE, an ISO date).

``extract import`` keeps the stored value for such a cell (it is no change) and ``extract
export`` does not count it as typed work (:mod:`reviewkit.extract_typed`): both ask
:func:`same_value`, so the two never disagree.

Two forms are read only as the sheet's locale says: a decimal comma (``1,5``: 1.5 where the
decimal separator is a comma, a list or ``1,500`` a thousand and a half elsewhere) and a date
of day and month both 12 or less (``03/04/2020``: 3 April or 4 March). A sheet says its locale
(:func:`sheet_locale`) by its separator (Excel writes ';' where the decimal separator is the
comma, in locales that all write the day first), by a date written with dots (day first
wherever dots are used) or by a date of its whose day is over 12. Where it says nothing and the
two readings disagree on whether the cell holds the stored value, :func:`same_value` raises
:class:`Ambiguous`: ``extract import`` refuses the cell (a spreadsheet would guess by the
computer's locale, which may not be the sheet's), ``extract export`` counts it as typed work.
A sheet of decimal commas groups thousands with points (``1.234`` is 1234 there): such a cell
that is another number than the stored one is :class:`Ambiguous` too (stored as typed it would
read a thousand times smaller). A new value with a decimal comma in such a sheet, in a column
of numbers, is stored as the number it is there (:func:`stored_form`: ``1,5`` as ``1.5``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

# plain decimal numbers as a spreadsheet writes them: no thousands separator, no exponent
# (Excel's 1.23457E+11 has lost digits: not the same value)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
# a number of twelve or more digits as Excel's General format saves it, six digits kept
# (123456789012 -> 1.23457E+11): the digits after the sixth are lost, so which number it was
# (the stored one, or another a person typed) cannot be read, and stored it would be wrong
_LOSSY_EXPONENT = re.compile(r"[+-]?\d(?:\.\d{1,5})?E\+(?:1[1-9]|[2-9]\d)")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# a date in a locale's form: day and month in either order, '/', '.' or '-', a year of 2 or 4
_LOCALE_DATE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})")
# a decimal comma: digits, one comma, digits (with thousands points: _GROUPED)
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
# a number grouped by thousands points, as a decimal-comma locale writes it ('1.234', '1.234,5':
# Excel's number formats with a thousands separator); read only where the sheet has decimal
# commas: elsewhere '1.234' is one and a quarter
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
# a number with a decimal comma as such a sheet writes it, thousands points or not ('1,5',
# '1.234,5'): what a new value of a ';' sheet is stored as (:func:`stored_form`)
_COMMA_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+")
# a list of numbers, which no decimal-comma number is: three or more joined by commas
# ('1,2,3'), or two with a space after the comma ('1, 3')
_NUMBER_LIST = re.compile(r"\b\d+(?:,\d+){2,}\b|\b\d+ *, +\d+\b")
# two whole numbers joined by a comma, as a list of two is written: the items of a list (trial
# arms, outcomes, study ids) are counted from 1 and listed once each, in order ('1,2', '2,3',
# '1,10'). A decimal comma such a cell may also be: only a column with a number no such list is
# says which (:func:`number_columns`)
_PAIR = re.compile(r"([1-9]\d*),([1-9]\d*)")
_BOOLEANS = {"true", "false"}
# day 0 of Excel's serial dates as counted from 1 March 1900 on (serial 61), and of
# LibreOffice's (its default null date): before it Excel counts a 29 February 1900 that never
# was, so its serials 1-60 are left out (no extraction value is a date of early 1900)
_SERIAL_EPOCH = date(1899, 12, 30)
_SERIAL_DAYS = range(61, 2958466)  # 1900-03-01 .. 9999-12-31, Excel's last day


@dataclass(frozen=True)
class Locale:
    """What a sheet says of its locale (None: it does not say)."""

    decimal_comma: bool | None = None
    day_first: bool | None = None


class Ambiguous(ValueError):
    """A cell that the sheet's locale would tell, and the sheet does not say (module docstring),
    or a long number a spreadsheet saved with its digits lost; ``message`` names the readings,
    ``hint`` how to write it so it is read one way."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


def sheet_locale(separator: str, cells: Iterable[str]) -> Locale:
    """The locale a sheet of ``separator`` and ``cells`` says (module docstring)."""
    orders = set()
    for cell in cells:
        if found := _LOCALE_DATE.fullmatch(read_cell(cell)):
            first, sep, second, _ = found.groups()
            if sep == "." or int(first) > 12 >= int(second):
                orders.add(True)
            elif int(second) > 12 >= int(first):
                orders.add(False)
    if separator == ";":
        orders.add(True)
    day_first = orders.pop() if len(orders) == 1 else None  # both seen: it does not say
    return Locale(decimal_comma=True if separator == ";" else None, day_first=day_first)


def number_columns(cells: Iterable[tuple[str, str]], locale: Locale) -> set[str]:
    """The columns of a sheet of decimal commas that hold numbers (``cells``: (column, cell)
    pairs): two cells at least are one number as the sheet writes it ('1,5', '1.234,5', '12',
    '0.8'), and none holds a list of numbers ('1,2,3', '1, 3': arms of a trial). The extraction
    form gives its fields no type, so the column says which do; a cell of text ('NR', an
    estimate with its interval) says neither. A column of one number alone is none: its '1,2'
    may be arms 1 and 2, and is kept as typed (:func:`stored_form`); so is a column whose every
    decimal comma may be a list of two ('1,2', '1,3', '2,3': arms of two-arm trials) until one
    of its cells is a number no list is ('0,8', '1,05', '2,1', '1.234,5')."""
    if not locale.decimal_comma:
        return set()
    numbers: dict[str, int] = {}
    lists: set[str] = set()
    commas: set[str] = set()  # columns with a number written with a decimal comma
    decimals: set[str] = set()  # ... one that no list of two is
    for column, cell in cells:
        cell = read_cell(cell)
        if _COMMA_NUMBER.fullmatch(cell) or _NUMBER.fullmatch(cell):
            numbers[column] = numbers.get(column, 0) + 1
            if "," in cell:
                commas.add(column)
                if not _pair_list(cell):
                    decimals.add(column)
        elif _NUMBER_LIST.search(cell):
            lists.add(column)
    unsure = commas - decimals  # every decimal comma of the column may be a list of two
    return {column for column, count in numbers.items() if count > 1} - lists - unsure


def _pair_list(cell: str) -> bool:
    """Whether ``cell`` ('1,2') may be a list of two whole numbers (_PAIR): two counted from 1,
    without a leading zero, the first the smaller."""
    found = _PAIR.fullmatch(cell)
    return bool(found) and int(found.group(1)) < int(found.group(2))


def stored_form(cell: str, locale: Locale, numbers: bool) -> str:
    """A new value of a sheet's ``cell`` as it is stored: in a sheet of decimal commas (its ';'
    separator says so), a number written with one ('1,5', '1.234,5') in a column of numbers
    (``numbers``: :func:`number_columns`) is the number the spreadsheet showed, stored with a
    decimal point ('1.5', '1234.5') as every other value and sheet writes it; stored as typed
    it was text, '1,5' (a list, or fifteen hundred, in a ',' sheet). Any other cell as
    :func:`read_cell` reads it (a ',' sheet says no locale: its '1,5' stays as typed)."""
    cell = read_cell(cell)
    if numbers and locale.decimal_comma and _COMMA_NUMBER.fullmatch(cell):
        return str(Decimal(cell.replace(".", "").replace(",", ".")))
    return cell


def read_cell(text: str | None) -> str:
    """A sheet cell as ``extract import`` reads it: without the spaces around it, its line
    ends as ``\\n`` and its text composed (NFC). A spreadsheet saving on Windows may write a
    cell's line ends CRLF, and one on macOS (or a text pasted from a PDF) its accents
    decomposed (NFD): the same text to a person, which no one typed."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def rewritten_from(cell: str) -> list[str]:
    """The values a spreadsheet's rewrite could have saved as ``cell`` (a number's decimal
    comma or thousands points, a date's locale form read day first and month first, a date's
    serial number), for a sheet's mark, which keeps a hash of the value shown and not the
    value (:mod:`reviewkit.sheet_mark`): each is a candidate that :func:`same_value` then
    reads in the sheet's locale (raising :class:`Ambiguous` where that locale would tell)."""
    cell = read_cell(cell)
    found: list[str] = []
    if _COMMA_NUMBER.fullmatch(cell) or _GROUPED.fullmatch(cell):
        found.append(cell.replace(".", "").replace(",", "."))
    if cell.isdigit() and int(cell) in _SERIAL_DAYS:
        found.append((_SERIAL_EPOCH + timedelta(days=int(cell))).isoformat())
    if parts := _LOCALE_DATE.fullmatch(cell):
        first, _, second, year = parts.groups()
        years = [year] if len(year) == 4 else [f"19{year}", f"20{year}"]
        for y in years:
            for month, day in ((second, first), (first, second)):
                if (when := _date(y, month, day)) and when.isoformat() not in found:
                    found.append(when.isoformat())
    return found


def value_key(value: str) -> str:
    """``value`` in the form a spreadsheet's rewrite of it keeps, for a mark of what a sheet
    showed (:mod:`reviewkit.sheet_mark`): a number as its value (``1.50``, ``1.5`` and
    ``01.5`` one), TRUE/FALSE in any case, any other text as :func:`read_cell` reads it. A date
    is its text: its locale's form cannot be read without the sheet's locale
    (:func:`same_value` reads it against the project's value)."""
    value = read_cell(value)
    if _NUMBER.fullmatch(value):
        return f"number:{Decimal(value).normalize()}"
    if value.casefold() in _BOOLEANS:
        return value.casefold()
    return value


def same_value(stored: str, cell: str, locale: Locale = Locale()) -> bool:
    """Whether the sheet's ``cell`` is the ``stored`` value, or a spreadsheet's rewrite of it
    (module docstring); both are read as :func:`read_cell` reads a cell. :class:`Ambiguous`
    when that depends on a ``locale`` the sheet does not say."""
    stored, cell = read_cell(stored), read_cell(cell)
    if stored == cell:
        return True
    if _LOSSY_EXPONENT.fullmatch(cell):
        held = f" (the project holds {stored!r})" if stored else ""
        raise Ambiguous(
            f"{cell!r} is a number of {int(cell.split('+')[1]) + 1} digits as Excel's General"
            " format saves it, rounded to six: the digits after are lost, so which number it"
            " was cannot be read",
            f"format the column as Text and write the number in full{held}; or type it with an"
            " apostrophe first, so saving keeps every digit",
        )
    if not stored or not cell:
        return False
    if stored.casefold() in _BOOLEANS:
        return stored.casefold() == cell.casefold()
    if locale.decimal_comma and _NUMBER.fullmatch(stored) and _GROUPED.fullmatch(cell):
        return _grouped_number(stored, cell)
    if _NUMBER.fullmatch(stored) and _NUMBER.fullmatch(cell):  # each a valid Decimal
        return Decimal(stored) == Decimal(cell)
    if _NUMBER.fullmatch(stored) and _DECIMAL_COMMA.fullmatch(cell):
        dotted = cell.replace(",", ".")
        same = Decimal(stored) == Decimal(dotted)
        if same and locale.decimal_comma is None:
            raise Ambiguous(
                f"{cell!r} is {dotted} with a decimal comma, and text (a list, or thousands)"
                " with a decimal point; the sheet does not say which",
                f"write it {dotted} (a point for decimals) to keep the number;"
                " where the decimal separator is a comma a spreadsheet reads that as a date:"
                f" type it with an apostrophe first ('{dotted})",
            )
        return same and bool(locale.decimal_comma)
    if iso := _ISO_DATE.fullmatch(stored):
        return _rewritten_date(_date(*iso.groups()), cell, locale)
    return False


def _grouped_number(stored: str, cell: str) -> bool:
    """Whether a sheet of decimal commas' ``cell`` grouped by thousands points is the number
    ``stored``; :class:`Ambiguous` when it is another: stored as typed, '2.345' (2345 to the
    spreadsheet that wrote it) would read as two and a third, a thousand times smaller."""
    number = cell.replace(".", "").replace(",", ".")
    if Decimal(stored) == Decimal(number):
        return True
    raise Ambiguous(
        f"{cell!r} is {number} with a thousands point, as the sheet's decimal commas (its ';'"
        " separator) say; stored as typed it would be read as another number",
        f"write it {number}, without the thousands point, to keep that number",
    )


def _date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _rewritten_date(day: date | None, cell: str, locale: Locale) -> bool:
    """Whether ``cell`` is ``day`` in a locale's form or as a serial number."""
    if day is None:
        return False
    if cell.isdigit():
        serial = int(cell)
        return serial in _SERIAL_DAYS and _SERIAL_EPOCH + timedelta(days=serial) == day
    found = _LOCALE_DATE.fullmatch(cell)
    if not found:
        return False
    first, sep, second, year = found.groups()
    if len(year) == 2 and int(year) != day.year % 100 or len(year) == 4 and int(year) != day.year:
        return False
    day_first = (int(first), int(second)) == (day.day, day.month)
    if sep == ".":  # the day first wherever dates are written with dots (01.03.20)
        return day_first
    month_first = (int(second), int(first)) == (day.day, day.month)
    if day_first != month_first and int(first) <= 12 and int(second) <= 12:
        if locale.day_first is None:  # the two readings are two dates, one of them stored
            raise _ambiguous_date(cell, date(day.year, int(second), int(first)), day)
        return day_first if locale.day_first else month_first
    return day_first or month_first


def _ambiguous_date(cell: str, day_first: date, stored: date) -> Ambiguous:
    """The refusal of a ``cell`` whose day and month are both 12 or less: its two dates (the
    ``stored`` one is one of them) in the form to write. A spreadsheet reads a typed ISO date
    as a date and saves it in the computer's form again, so the hint names the apostrophe that
    keeps it as typed (Excel and LibreOffice alike)."""
    month_first = date(day_first.year, day_first.day, day_first.month)
    return Ambiguous(
        f"{cell!r} is {day_first.isoformat()} read day first (as in the UK) and"
        f" {month_first.isoformat()} read month first (as in the US), and the sheet's dates do"
        f" not tell which (none has a day over 12); the project holds {stored.isoformat()}",
        f"write each such date as YYYY-MM-DD, which no locale reads otherwise ({stored.isoformat()}"
        f" to keep the project's); in a spreadsheet type it with an apostrophe first"
        f" ('{stored.isoformat()}), or saving writes it back in the computer's form",
    )
