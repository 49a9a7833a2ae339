"""Warnings about a stored search that PubMed accepts but that cannot mean what it says.

``protocol check`` and ``search run`` print them (with the file and the search's name); none
stops a search, since PubMed itself runs it. Each names the term and what to write instead:

- a date that is no day of the calendar (``"2011/13/45"[dp]``, ``2011/02/30[dp]``);
- a date range written backwards (``3000:1800[dp]``) or lying wholly after today;
- a single publication date (``2020[dp]``), which PubMed reads otherwise than its range;
- a ``[la]`` or ``[pt]`` value PubMed does not have (``englsh[la]``,
  ``"randomised controlled trial"[pt]``), in the query or in the search's limits, with the
  nearest value PubMed has (:mod:`reviewkit.pubmed.vocabulary`);
- and what :func:`reviewkit.query.warnings` says of the query (lower-case operators, ...).
"""

from __future__ import annotations

import datetime

from reviewkit.protocol import Search
from reviewkit.pubmed.dates import date_bound
from reviewkit.pubmed.fields import DATE_KINDS
from reviewkit.pubmed.unsupported import UnsupportedQuery
from reviewkit.pubmed.vocabulary import (
    is_language,
    is_publication_type,
    nearest_language,
    nearest_publication_type,
)
from reviewkit.query import QuerySyntaxError, parse
from reviewkit.query import warnings as query_warnings
from reviewkit.query_dates import date_of
from reviewkit.query_nodes import Range, Term, leaves

# PubMed's User Guide (2024), Publication Date [dp]: "The electronic date will not be searchable
# if it is later than the print date, except when range searching"; "Comprehensive searches for
# a full year should be entered as 2000:2000[dp] rather than 2000[dp]".
SINGLE_DATE = (
    "'{date}'[dp] is a single date, which PubMed searches without the electronic dates later "
    "than an article's print date (PubMed's User Guide); for every article published then, "
    "in print or online, write {date}:{date}[dp]"
)


def search_warnings(search: Search, today: datetime.date | None = None) -> list[str]:
    """What the librarian should know about one stored search (query and limits)."""
    out = list(query_warnings(search.query))
    try:
        node = parse(search.query)
    except QuerySyntaxError:  # reported as an error when the protocol is loaded
        return out
    day = int((today or datetime.date.today()).strftime("%Y%m%d"))
    for leaf in leaves(node):
        if isinstance(leaf, Range):
            out += _range_warnings(leaf, day)
        elif isinstance(leaf, Term) and not leaf.truncated and "*" not in leaf.text:
            out += _term_warnings(leaf, day)
    out += _limit_warnings(search)
    return out


def _bounds(text: str, tag: str) -> tuple[int, int] | str:
    """(first day, last day) of a date as PubMed reads it, or what is wrong with it."""
    try:
        return date_bound(text, end=False), date_bound(text, end=True)
    except UnsupportedQuery as exc:
        return f"'{text}'[{tag}] is no date: {exc.message.partition(': ')[2] or exc.message}"


def _range_warnings(r: Range, today: int) -> list[str]:
    tag, written = r.field, f"{r.start}:{r.end}[{r.field}]"
    start, end = _bounds(r.start, tag), _bounds(r.end, tag)
    bad = [b for b in (start, end) if isinstance(b, str)]
    if bad:
        return [f"{b}; write a date that exists, as YYYY/MM/DD" for b in bad]
    assert isinstance(start, tuple) and isinstance(end, tuple)
    if end[1] < start[0]:
        return [
            f"the range {written} ends before it starts, so it cannot mean what it says "
            f"(PubMed documents ranges as start:end); write {r.end}:{r.start}[{tag}]"
        ]
    if start[0] > today:
        return [
            f"the range {written} starts after today, so it finds only records dated in the "
            f"future; for 'from {r.start} on' write {r.start}:3000[{tag}], or check the year"
        ]
    return []


def _term_warnings(t: Term, today: int) -> list[str]:
    if t.field in DATE_KINDS and (day := _day(t.text)):
        bounds = _bounds(day, t.field)
        if isinstance(bounds, str):
            return [f"{bounds}; write a date that exists, as YYYY/MM/DD"]
        if bounds[0] > today:
            return [
                f"'{t.text}'[{t.field}] lies after today, so it finds only records dated in "
                "the future; check the year"
            ]
        if t.field == "dp":
            return [SINGLE_DATE.format(date=day)]
    unknown = _unknown(t.field, t.text)
    if unknown:
        what, fix = unknown
        return [
            f"'{t.text}'[{t.field}]: PubMed has no such {what}, so the term finds nothing; {fix}"
        ]
    return []


def _day(text: str) -> str:
    """The date a date term names (a day with NCBI's printed time: that day), '' for none."""
    try:
        return date_of(text)
    except ValueError:
        return ""


def _limit_warnings(search: Search) -> list[str]:
    out = []
    for key, tag, values in (
        ("languages", "la", search.limits.languages),
        ("publication_types", "pt", search.limits.publication_types),
    ):
        for value in values:
            unknown = _unknown(tag, value, as_limit=True)
            if unknown:
                what, fix = unknown
                out.append(
                    f"limits.{key}: {value!r} is no {what} PubMed has, so the limit finds "
                    f"nothing; {fix}"
                )
    return out


# [la] and [pt]: how to tell a value PubMed has, the nearest one it has, the value written as
# it would be in a query, and where to look when nothing is near
_VOCABULARIES = {
    "la": (
        "language",
        is_language,
        nearest_language,
        "{}[la]",
        "see NLM's language table for the names",
    ),
    "pt": (
        "publication type",
        is_publication_type,
        nearest_publication_type,
        '"{}"[pt]',
        "see PubMed Help, Publication Types",
    ),
}


def _unknown(tag: str, value: str, *, as_limit: bool = False) -> tuple[str, str] | None:
    """(what a ``tag`` value is, what to write instead) when PubMed has no such value; None
    when it has, or ``tag`` has no list. ``as_limit``: the fix for a search's limits (the value
    quoted), else for a term of its query."""
    if tag not in _VOCABULARIES:
        return None
    what, known, nearest, as_term, look = _VOCABULARIES[tag]
    if known(value):
        return None
    near = nearest(value)
    if not near:
        return what, look
    return what, f"write {near!r}" if as_limit else f"write {as_term.format(near)}"
