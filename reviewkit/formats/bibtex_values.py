"""Checks of a BibTeX entry's values, each naming the line of the field that holds the value:
a PMID that is none is refused, a year that is none is warned of (formats.read_warnings)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from bibtexparser.model import Entry

from reviewkit.errors import FormatError
from reviewkit.formats.read_warnings import Warn, check_year
from reviewkit.records import Record, normalise_pmid


def field_line(entry: Entry, fields: tuple[str, ...], name: str) -> str:
    """'file:line' of the first of an entry's ``fields`` it has (names without case), else of
    the entry (a field it took from its crossref, formats.bibtex_crossref)."""
    line = next(
        (v.start_line for k, v in entry.fields_dict.items() if k.lower() in fields),
        entry.start_line,
    )
    return f"{name}:{line + 1}"


def check_pmid(pmid: str, entry: Entry, name: str) -> None:
    """A PMID is a number of at most 8 digits ('PMID: 123' too; records.normalise_pmid, the
    rule of every reader): '12a45' would be stored as PMID 1245, another article, which dedup
    would then merge with it (as the nbib reader refuses it)."""
    if pmid.strip() and not normalise_pmid(pmid):
        raise FormatError(
            f"PMID {pmid.strip()[:40]!r} of entry '{entry.key}' is not a PMID"
            " (a number of 1 to 8 digits)",
            where=field_line(entry, ("pmid", "pubmed-id", "eprint"), name),
            hint="correct the PMID (digits only) or remove the field; nothing was imported",
        )


# BibTeX's year ('Generally it should consist of four numerals, such as 1984, although the
# standard styles can handle any year whose last four nonpunctuation characters are numerals,
# such as "(about 1984)"', Patashnik, BibTeXing) or, without one, biblatex's date (ISO 8601:
# '2020-05-03', a range '2019/2020', '../1999', '1999~'): each holds a year, so one that holds
# none is warned of. Where we differ: a year outside 1500-2099 (biblatex's '-0044', its decade
# '199X') is none to us, and warned of too.
YEAR_FIELDS = ("year", "date")


def _year_field(values: Mapping[str, str]) -> str | None:
    """The field the entry's year is read from: its year field, else its date; None without."""
    return next((f for f in YEAR_FIELDS if values.get(f)), None)


def year_value(values: Mapping[str, str]) -> str:
    """The entry's year as the reader reads it: its year field, else its date."""
    field = _year_field(values)
    return values[field] if field is not None else ""


def check_entry_year(
    record: Record, values: Mapping[str, str], entry: Entry, name: str, warn: Warn | None
) -> None:
    """Warn when the record was read without a year, its year (or date) field holding text."""
    field = _year_field(values)
    if warn is not None and record.year is None and field is not None:
        where = field_line(entry, (field,), name)
        check_year(values[field], f"field {field}", where, warn)


# Unicode's 32 noncharacters U+FDD0-U+FDEF, set aside for a program's own use: the readers'
# stand-ins for a text while bibtexparser or a pattern reads the rest. Set aside is not
# forbidden in a file (a program may leak one into its export), so a text's own are skipped
_MARKS = tuple(map(chr, range(0xFDD0, 0xFDF0)))
_ANY_MARK = re.compile("[\ufdd0-\ufdef]")


def unused_marks(text: str, count: int) -> tuple[str, ...] | None:
    """``count`` noncharacters that ``text`` does not hold, the first ones when it holds none;
    None when it holds too many of them to leave ``count`` (no export does)."""
    if not _ANY_MARK.search(text):
        return _MARKS[:count]
    free = tuple(m for m in _MARKS if m not in text)
    return free[:count] if len(free) >= count else None


def top_level(value: str) -> str:
    """The value with the text inside its braces and quotes blanked (newlines kept).

    A backslash escapes the next character (``\\{``, ``\\}``, ``\\"``), as for bibtexparser.
    """
    out, depth, quoted, escaped = [], 0, False, False
    for ch in value:
        inside = depth > 0 or quoted
        if escaped or ch == "\\":
            escaped = not escaped and ch == "\\"
        elif ch == "{":
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
        elif ch == '"' and depth == 0:
            quoted = not quoted
        out.append(ch if ch == "\n" or not (inside or depth or quoted) else " ")
    return "".join(out)
