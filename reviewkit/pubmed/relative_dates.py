"""Relative dates, ``"last N days"[dp]``, ``"last N months"[crdt]``, ``"last N years"[edat]``:
a date term whose window ends today and moves with it.

PubMed's User Guide (2024, "Searching for a relative date range") gives the form,
``"last X days"[date field]`` (months, years), "where X is the number of days, months or years
immediately preceding today's date and [date field] is the date field tag: [dp], [edat] or
[crdt]"; "The relative date range search for publication dates will also include citations
with publication dates after today's date" (here every field's window is open-ended). Its
Publication Date section writes the year singular, ``"last X year"[dp]``. NCBI answered it for
the create date: ``long covid "last 7 days"[crdt]``, sent on 2023/05/06, was
translated ``… AND "2023/04/29 00:00":"3000/01/01 05:00"[Date - Create]`` (a live esearch reply
recorded in pubmedly's cassettes): from today less seven days, open-ended (PubMed's year 3000,
with times). The other date tags ([mhda], [dcom], [lr]) take it alike here, as they take every
other date form, and the reply says the Guide names only the three (:data:`OTHER_FIELD`).
Inferred, not documented nor seen in a reply: a month or a year back is the same day of that
month or year (the month's last day when it has fewer: 31 March less one month is 28 or 29
February), and 'day' and 'month' without the s (the Guide writes 'year' so once).

The query as written is what a stored search keeps; only its translation changes from day to
day. :func:`moving_window` lets two translations of the same query compare as the same search
(translation.same_translation), so a rerun reads as a rerun, not as a changed search.
"""

from __future__ import annotations

import calendar
import datetime
import re

# The date fields PubMed's User Guide names for a relative date range.
DOCUMENTED_FIELDS = ("dp", "edat", "crdt")
OTHER_FIELD = (
    '"{text}"[{field}]: PubMed\'s User Guide documents relative dates on [dp], [edat] and [crdt] '
    "only; the local server answered it on [{field}] alike, which PubMed may not"
)
RELATIVE = re.compile(r"last\s+(\d{1,4})\s+(day|month|year)s?", re.IGNORECASE)
# NCBI's open end of a relative window, as its QueryTranslation prints it (above).
OPEN_END = "3000/01/01 05:00"
OPEN_END_BOUND = 30000101  # as a YYYYMMDD bound: every date the snapshot holds is before it
# A relative window as NCBI's QueryTranslation prints it: its start moves with the day.
_PRINTED = re.compile(r'"\d{4}/\d{2}/\d{2} 00:00"\s*:\s*"' + re.escape(OPEN_END) + r'"(\[[^\]]*\])')


def today() -> datetime.date:
    """The day a relative window ends on: the machine's, as esearch's reldate reads it."""
    return datetime.date.today()


def is_relative(text: str) -> bool:
    """Whether a date term's text is a relative date ('last 7 days')."""
    return RELATIVE.fullmatch(text.strip()) is not None


def window_start(text: str, on: datetime.date | None = None) -> datetime.date:
    """The first day of a relative date's window: the day ``on`` (:func:`today` when not
    given) less N days, months or years."""
    match = RELATIVE.fullmatch(text.strip())
    if match is None:
        raise ValueError(text)
    end = on or today()
    n, unit = int(match[1]), match[2].lower()
    if unit == "day":
        return end - datetime.timedelta(days=n)
    months = end.year * 12 + end.month - 1 - (n if unit == "month" else 12 * n)
    if months < 12:  # before year 1 ('last 9999 years'): every date there is
        return datetime.date.min
    year, month = divmod(months, 12)
    month += 1
    return datetime.date(year, month, min(end.day, calendar.monthrange(year, month)[1]))


def window_bounds(text: str, on: datetime.date | None = None) -> tuple[int, int]:
    """The window as YYYYMMDD bounds: its start, and the open end."""
    start = window_start(text, on)
    return start.year * 10000 + start.month * 100 + start.day, OPEN_END_BOUND


def window_text(text: str, on: datetime.date | None = None) -> str:
    """The window as NCBI prints it: ``"2023/04/29 00:00":"3000/01/01 05:00"``."""
    return f'"{window_start(text, on):%Y/%m/%d} 00:00":"{OPEN_END}"'


def moving_window(translation: str) -> str:
    """A translation with each relative window's moving start written as one fixed phrase,
    so that two days' translations of the same query read the same."""
    return _PRINTED.sub(r'"relative date window"\1', translation)
