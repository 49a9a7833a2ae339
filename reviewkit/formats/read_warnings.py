"""Warnings a reader gives about a value it could not read, the record imported without it:
named by file and line (an Excel worksheet's row; a tagged record's field line, an XML
element's line), printed by `reviewkit import`. A filled sheet's header found below title rows
is said the same way (:mod:`reviewkit.formats.filled_sheet`), by the command reading it.

A year is the one such value: a table typed or edited by people, a reference manager's field
typed by hand ('20201', 'in press'), holds what a database's own export never writes, and a
year lost silently leaves the record out of a review's date limits, its tables' sort and
dedup's year evidence unseen. Every reader warns through :func:`check_year` (one message).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewkit.errors import UserError

if TYPE_CHECKING:  # the record types only where a year is checked: a sheet's reader (simulate's
    # labelled set) imports ReadWarning without them (tests/core/test_cli_startup.py)
    from reviewkit.records import Record


@dataclass(frozen=True)
class ReadWarning:
    where: str  # 'file:line', as a FormatError names it
    message: str


Warn = Callable[[ReadWarning], None]


@dataclass(frozen=True)
class Placed(ReadWarning):
    """Where a record starts (``where``, 'file:line'; ``message`` its position in the file)
    when its text may hold what the import warns of after reading it (control characters,
    text decoded wrongly, U+FFFD: :func:`~reviewkit.formats.control_chars.may_be_warned_of`):
    not said, but kept by those warnings to name the first such record by its line
    (:func:`record_at`), not by a count no one finds in a file."""


def line_noun(file_format: str) -> str:
    """What a record's place in a file of ``file_format`` is called: a worksheet's 'row' (an
    Excel file), else its 'line'."""
    return "row" if file_format == "xlsx" else "line"


def record_at(where: str, file_format: str, position: int = 0) -> str:
    """'record at line 8' for a record starting at ``where`` ('file:8'): a worksheet's 'row 8'
    (an Excel file), the one way every import warning names a record; 'a record' when ``where``
    is '' (its reader did not place it). A record whose line is before its ``position`` shares
    its line with others (an XML export written on one line, as EndNote's is: every record at
    line 1), so its number is said too: 'record 148 (at line 1)'."""
    if not where:
        return f"record {position}" if position else "a record"
    noun = line_noun(file_format)
    line = where.rpartition(":")[2]
    if line.isdigit() and int(line) < position:
        return f"record {position} (at {noun} {line})"
    return f"record at {noun} {line}"


@contextmanager
def said_first(said: Sequence[ReadWarning]) -> Iterator[None]:
    """Within it, a UserError raised (the file refused, by a row or as a whole) carries
    ``said``, the warnings of reading that file, for the CLI to say before the refusal
    (:attr:`reviewkit.errors.UserError.said_before`): they were said only after a file read
    whole, and a header read below title rows is why a refusal's line is not the one counted."""
    try:
        yield
    except UserError as exc:
        exc.said_before = exc.said_before or tuple(said)
        raise


def check_year(value: str, field: str, where: str, warn: Warn | None) -> None:
    """Warn when ``field`` (as the user finds it: "column 'Year'", 'field PY', 'element
    PubDate/Year') holds text but no year (records.parse_year: four digits, 1500-2099,
    standing as their own number).

    What parse_year reads is no fault: '2020.0' (a number cell written as a decimal, as pandas
    and some spreadsheets save one) is 2020, and so is a date ('2020-05-03', '03/05/2020',
    'May 2020', RIS's '2020/05/03/Spring', MEDLINE's '2020 Jan 15', '2019-2020', 'Winter
    2020') or '-2020' (no year is negative: the digits are the year). What it cannot read is
    warned of, never guessed: '20201' (a typo: 2020, 2021 or 2001?), '0' (a formula's or a
    filled-in empty cell), '43952' (an Excel date's serial number, or another number), 'in
    press'."""
    from reviewkit.records import parse_year  # see TYPE_CHECKING above

    if warn is not None and value.strip() and parse_year(value) is None:
        warn(
            ReadWarning(
                where,
                f"{field}: {value.strip()!r} is no year (four digits, 1500-2099);"
                " the record is imported without one: check its year in the source",
            )
        )


def check_year_cell(value: str, column: str, where: str, warn: Warn | None) -> None:
    """check_year for a CSV or Excel year cell, named by its column's header."""
    check_year(value, f"column {column!r}", where, warn)


def check_tagged_year(
    record: Record,
    fields: Iterable[tuple[str, str]],
    tags: Sequence[str],
    where: Callable[[str], str],
    warn: Warn | None,
) -> None:
    """check_year for a tagged record (RIS, MEDLINE, RefWorks, Cochrane, Web of Science) read
    without a year: the value its reader took, the first of the first of ``tags`` holding one
    (tagged_fields.tag_values' ``first``), named by its tag and ``where(tag)``, the tag's 'file:line'.

    ``tags`` are the fields that hold a year by their format's definition; a reader may fall
    back on a date field that need not (RIS DA and RefWorks FD, where EndNote and RefWorks
    write their free-text Date field, 'Mar 15'), left out of ``tags``: never warned of."""
    if warn is None or record.year is not None:
        return
    fields = list(fields)
    found = next(((t, v) for t in tags for f, v in fields if f == t and v.strip()), None)
    if found is not None:
        check_year(found[1], f"field {found[0]}", where(found[0]), warn)


def tag_line(name: str, raw: str, start: int, pattern: re.Pattern[str]) -> Callable[[str], str]:
    """'file:line' of a tag's first line in a tagged record whose text ``raw`` starts on line
    ``start``; ``pattern`` is the reader's tag line, its tag in group 1 (any case: RIS's
    lower-case files). The record's first line when the tag is not found."""

    def where(tag: str) -> str:
        lines = raw.split("\n")
        found = (
            i
            for i, ln in enumerate(lines)
            if (m := pattern.match(ln.rstrip())) and m.group(1).upper() == tag
        )
        return f"{name}:{start + next(found, 0)}"

    return where
