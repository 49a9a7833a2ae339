"""Rules for the names people give: reviewers in a protocol and on the command line (--reviewer,
--resolver, --by), import sources and review versions, and the ids a protocol gives its parts.

A name is written into the append-only logs and printed in tables, screens and reports, and a
reviewer's name must be typed again after --reviewer exactly as stored: so it may not hold
characters nobody can see or type, and it must fit a table column.
"""

from __future__ import annotations

import calendar
import datetime
import difflib
import re
import unicodedata
from collections.abc import Iterable

_DATE_RE = re.compile(r"^\d{4}(/\d{2}(/\d{2})?)?$")
# a date written with another separator than PubMed's '/': ISO 8601's '-' ('2023-01-01', as a
# spreadsheet or a date command writes it) or the dots of a German or Nordic date ('2023.01.01')
_OTHER_SEPARATOR = re.compile(r"\d{4}([-.])\d{2}(?:\1\d{2})?")
# a date written day first with dots, as Germany and the Nordic countries write it ('01.03.2010':
# wherever dates take dots the day comes first); with '/' or '-' the order is not known (US)
_DAY_FIRST = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")  # a protocol's ids: schemes, labels, codes, fields
MAX_NAME = 200  # a person's or a source's name; 10,000 characters is pasted text, not a name

# Format characters (Unicode Cf) that change how text around them is shown and that nobody can
# type after --reviewer: right-to-left overrides and isolates (U+202A-U+202E, U+2066-U+2069),
# zero-width space (U+200B), word joiner (U+2060), byte-order mark (U+FEFF). The zero-width
# (non-)joiner, U+200C and U+200D, are left out: Persian and Indic names are spelt with them.
_INVISIBLE = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))} | {
    "\u200b",
    "\u2060",
    "\ufeff",
}


def name_problem(name: str, what: str = "name") -> str | None:
    """What is wrong with ``name`` as a name recorded in the project, or None when it is fine:
    empty, a control character (line break, tab, escape), an invisible format character, or
    longer than :data:`MAX_NAME` characters."""
    if not name.strip():
        return f"a {what} is needed, not an empty one"
    if problem := character_problem(name, what):
        return problem
    if len(name) > MAX_NAME:
        return f"the {what} is {len(name):,} characters long (at most {MAX_NAME})"
    return None


def character_problem(text: str, what: str = "name") -> str | None:
    """What is wrong with ``text`` shown as one line and typed again: a control character
    (line break, tab, escape) or an invisible format character; None when it has neither."""
    for ch in text:
        if unicodedata.category(ch) == "Cc":
            return (
                f"the {what} {_shown(text)} holds a control character (a line break, tab or escape)"
            )
        if ch in _INVISIBLE:
            return (
                f"the {what} {_shown(text)} holds an invisible character U+{ord(ch):04X}"
                " (a direction mark or zero-width space)"
            )
    return None


def _shown(name: str) -> str:
    """The name as repr shows it (control characters escaped), cut to 60 characters."""
    text = repr(name[:60])
    return text if len(name) <= 60 else text[:-1] + "…" + text[-1]


def id_key(ident: str) -> str:
    """An id as report file names and readers see it: '-' and '_' are one separator (the
    report's file names turn both into '-'), so 'mental_health' and 'mental-health' clash."""
    return ident.replace("_", "-")


def toml_date_problem(key: str, value: datetime.date | datetime.time) -> tuple[str, str]:
    """Message and hint for a date written without quotes, which TOML reads as a date (or a
    date-time) where the protocol takes PubMed's text dates."""
    written = value.strftime("%Y/%m/%d") if isinstance(value, datetime.date) else "…"
    return (
        f"must be a string; {value.isoformat()} without quotes is a TOML date or time",
        f'write it in quotes, as PubMed writes dates: {key} = "{written}"',
    )


def nearest(key: str, known: Iterable[str]) -> str | None:
    """The known key nearest to a misspelt one, or None. Compared case-folded and with '-' as
    '_', so 'Exclusion-Reason' finds 'exclusion_reasons'."""
    folded = {k.casefold().replace("-", "_"): k for k in known}
    near = difflib.get_close_matches(key.casefold().replace("-", "_"), folded, n=1, cutoff=0.6)
    return folded[near[0]] if near else None


def did_you_mean(key: str, known: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the known key nearest to a misspelt one (:func:`nearest`),
    or ''."""
    near = nearest(key, known)
    return f" (did you mean {near!r}?)" if near else ""


class ValueChecks:
    """Ids and dates of the protocol validator (mixed in; it gives ``fail`` and
    ``fail_at_value``)."""

    def distinct_id(self, ident: str, others: Iterable[str], key: str, what: str) -> None:
        """Refuse an id that differs from another of its kind only by '-' against '_': the
        report names its files by id with both written '-' (one table's file would overwrite
        the other's), and people reading, typing or sorting by the ids take them for one."""
        for other in others:
            if id_key(other) == id_key(ident):
                raise self.fail_at_value(  # type: ignore[attr-defined]
                    key,
                    ident,
                    1,
                    f"the {what}s {other!r} and {ident!r} differ only by '-' and '_'",
                    hint="make them differ in more than '-' and '_' (the report's file names"
                    " write both as '-')",
                )

    def distinct_new_id(self, ident: str, seen: dict[str, str], key: str, what: str) -> None:
        """:meth:`distinct_id` of ``ident`` against the ids ``seen`` before it (by
        :func:`id_key`: the first id of each key), then ``ident`` added to them: each id is
        checked in constant time (against every id before it, a protocol of 20,000 labels,
        reasons, searches or extraction fields took minutes to check)."""
        if (other := seen.setdefault(id_key(ident), ident)) != ident:
            self.distinct_id(ident, [other], key, what)

    def date(self, value: str, key: str) -> tuple[int, int, int]:
        """A PubMed date YYYY, YYYY/MM or YYYY/MM/DD that exists on the calendar."""
        hint = "write YYYY, YYYY/MM or YYYY/MM/DD, e.g. 2011/01/01"
        slashed, how = _other_form(value)
        if slashed:  # right or wrong on the calendar: say both what is wrong and how to write it
            wrong, _ = _calendar_problem(slashed)
            raise self.fail(  # type: ignore[attr-defined]
                key,
                f"{value!r} is written {how}" + (f"; and {wrong}" if wrong else ""),
                hint=hint if wrong else f'write it "{slashed}"',
            )
        if not _DATE_RE.match(value):
            raise self.fail(  # type: ignore[attr-defined]
                key, f"{value!r} is not a date", hint=hint
            )
        wrong, why = _calendar_problem(value)
        if wrong:
            raise self.fail(  # type: ignore[attr-defined]
                key, f"{value!r}: {wrong}", hint=why + hint
            )
        parts = [int(p) for p in value.split("/")]
        year, month, day = (parts + [0, 0])[:3]
        return year, month, day


def _other_form(value: str) -> tuple[str, str]:
    """(``value`` as PubMed writes a date, how it is written instead) for a date written with
    ISO's dashes, with dots year first, or day first with dots; ('', '') for any other value."""
    if found := _DAY_FIRST.fullmatch(value):
        day, month, year = found.groups()
        return (
            f"{year}/{int(month):02d}/{int(day):02d}",
            "day first with dots, where PubMed's dates are year first with '/'",
        )
    if found := _OTHER_SEPARATOR.fullmatch(value):
        sep = found.group(1)
        return value.replace(sep, "/"), f"with {sep!r}, where PubMed's dates take '/'"
    return "", ""


def _calendar_problem(value: str) -> tuple[str, str]:
    """(what is wrong with ``value``, YYYY, YYYY/MM or YYYY/MM/DD, on the calendar; the start
    of the hint that says why) or ('', '')."""
    parts = [int(p) for p in value.split("/")]
    year, month, day = (parts + [0, 0])[:3]
    if not 1800 <= year <= 3000:  # PubMed's own date range is 1800 to 3000
        return (
            f"the year {year} is not a real publication year",
            "PubMed's dates run from 1800 to 3000; ",
        )
    if len(parts) > 1 and not 1 <= month <= 12:
        return f"there is no month {month}", ""
    if len(parts) > 2 and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return f"{calendar.month_name[month]} {year} has no day {day}", ""
    return "", ""
