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

Where we differ from a spreadsheet: a date a person typed in the other order (``03/01/2020``
meant as 3 January when the project holds 2020-03-01) is taken for the rewrite, since a day
and month of 12 or less cannot be told apart without the sheet's locale; a decimal comma
(``1,5``) is not read as a number (``1,500`` may be a thousand and a half).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

# plain decimal numbers as a spreadsheet writes them: no thousands separator, no exponent
# (Excel's 1.23457E+11 has lost digits: not the same value)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# a date in a locale's form: day and month in either order, '/', '.' or '-', a year of 2 or 4
_LOCALE_DATE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})")
_BOOLEANS = {"true", "false"}
# day 0 of Excel's serial dates as counted from 1 March 1900 on (serial 61), and of
# LibreOffice's (its default null date): before it Excel counts a 29 February 1900 that never
# was, so its serials 1-60 are left out (no extraction value is a date of early 1900)
_SERIAL_EPOCH = date(1899, 12, 30)
_SERIAL_DAYS = range(61, 2958466)  # 1900-03-01 .. 9999-12-31, Excel's last day


def read_cell(text: str | None) -> str:
    """A sheet cell as ``extract import`` reads it: without the spaces around it."""
    return (text or "").strip()


def same_value(stored: str, cell: str) -> bool:
    """Whether the sheet's ``cell`` is the ``stored`` value, or a spreadsheet's rewrite of it
    (module docstring); both are read as :func:`read_cell` reads a cell."""
    stored, cell = read_cell(stored), read_cell(cell)
    if stored == cell:
        return True
    if not stored or not cell:
        return False
    if stored.casefold() in _BOOLEANS:
        return stored.casefold() == cell.casefold()
    if _NUMBER.fullmatch(stored) and _NUMBER.fullmatch(cell):  # each a valid Decimal
        return Decimal(stored) == Decimal(cell)
    if iso := _ISO_DATE.fullmatch(stored):
        return _rewritten_date(_date(*iso.groups()), cell)
    return False


def _date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _rewritten_date(day: date | None, cell: str) -> bool:
    """Whether ``cell`` is ``day`` in a locale's form or as a serial number."""
    if day is None:
        return False
    if cell.isdigit():
        serial = int(cell)
        return serial in _SERIAL_DAYS and _SERIAL_EPOCH + timedelta(days=serial) == day
    found = _LOCALE_DATE.fullmatch(cell)
    if not found:
        return False
    first, _, second, year = found.groups()
    if len(year) == 2 and int(year) != day.year % 100 or len(year) == 4 and int(year) != day.year:
        return False
    pairs = {(int(first), int(second)), (int(second), int(first))}  # day/month, month/day
    return (day.day, day.month) in pairs
