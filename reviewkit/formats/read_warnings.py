"""Warnings a reader gives about a value it could not read, the record imported without it:
named by file and line (an Excel worksheet's row), printed by `reviewkit import`.

A spreadsheet's year cell is the one such value: a table typed or edited by people holds what
no database export writes, and a year lost silently leaves the record out of a review's date
limits and its tables' sort unseen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reviewkit.records import parse_year


@dataclass(frozen=True)
class ReadWarning:
    where: str  # 'file:line', as a FormatError names it
    message: str


Warn = Callable[[ReadWarning], None]


def check_year_cell(value: str, column: str, where: str, warn: Warn | None) -> None:
    """Warn when a year cell holds text but no year (records.parse_year: four digits,
    1500-2099, standing as their own number).

    What parse_year reads is no fault: '2020.0' (a number cell written as a decimal, as pandas
    and some spreadsheets save one) is 2020, and so is a date ('2020-05-03', '03/05/2020',
    'May 2020') or '-2020' (no year is negative: the digits are the year). What it cannot read
    is warned of, never guessed: '20201' (a typo: 2020, 2021 or 2001?), '0' (a formula's or a
    filled-in empty cell), '43952' (an Excel date's serial number, or another number), 'in
    press'."""
    if warn is not None and value.strip() and parse_year(value) is None:
        warn(
            ReadWarning(
                where,
                f"column {column!r}: {value.strip()!r} is no year (four digits, 1500-2099);"
                " the record is imported without one: check its year in the source",
            )
        )
