"""Refusing a text export that holds records of a second format: two exports joined into one
file (``cat a.ris b.bib > all.txt``, a download appended to another, a copy-paste).

The reader the file's head chose reads the rest by its own rules, and those let another
format's records through without an error: BibTeX skips all text outside its entries (btxdoc),
so the records of a RIS or MEDLINE file appended to a .bib were dropped; the Cochrane Library's
plain text and RefWorks' tagged format read a line without a tag as the continuation of the
field above, so a BibTeX file appended to one became the last record's URL or year. Each
format opens a record with a line no other format (and no wrapped line of text) starts with:
a BibTeX entry with its key, RIS's TY line, MEDLINE's PMID line, a Web of Science export's
header, the Cochrane Library's 'Record #1 of N', RefWorks' RT line followed by a tagged line,
an XML declaration. Such a line in a file of another format is refused by its line number.
The CSV reader is left out: a quoted cell may hold any line (and csv_format has its owner).
BibTeX is checked by its reader in the text outside its entries only (:data:`WHOLE_FILE`): a
braced field's value may hold any line too (an abstract quoting a RIS record).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from reviewkit.errors import FormatError
from reviewkit.formats.text_sniff import ris_tag_line

if TYPE_CHECKING:  # the package imports this module, and loads no reader's parts
    from reviewkit.formats.read_problems import Problems

# format -> the line that opens one of its records (or its file), as that format writes it
_OPENS: dict[str, str] = {
    "bibtex": r"[ \t]*@[ \t]*(?!(?i:comment|string|preamble)\b)[A-Za-z]+[ \t]*[{(][ \t]*[^\s,{}()\"=]+[ \t]*,",
    "ris": ris_tag_line("TY|ty", value=r"\S"),  # also in lower case: ris._TagStyle
    "medline": r"PMID ?- ?\d+[ \t]*(?=[\r\n]|\Z)",
    "wos": r"FN (?:Clarivate|Thomson)",
    "cochrane": r"Record #1 of \d+[ \t]*(?=[\r\n]|\Z)",
    "refworks": r"RT [A-Z][A-Za-z]+(?: [A-Za-z]+)*[ \t]*[\r\n]+[A-Z][A-Z0-9] \S",  # then a field
    "pubmed-xml": r"[ \t]*<\?xml\s|[ \t]*<PubmedArticleSet\b",
}
_NAMES = {
    "bibtex": "BibTeX",
    "ris": "RIS",
    "medline": "MEDLINE/nbib",
    "wos": "Web of Science",
    "cochrane": "Cochrane Library",
    "refworks": "RefWorks",
    "pubmed-xml": "XML",
}
# what a format writes itself that opens another's record: the Cochrane Library's RIS export
# numbers its records 'Record #1 of N' as its plain text does
_OWN = {"ris": {"cochrane"}}
# format -> a line that opens one of its records, where the reading goes on after another
# format's records (checked_lines): Web of Science's records open with PT, its file with FN;
# Ovid's tagged text (read as MEDLINE) numbers its records '<2. >' and may have no PMID line
_RESUMES = {
    fmt: re.compile(pattern)
    for fmt, pattern in {
        **_OPENS,
        "medline": rf"{_OPENS['medline']}|[ \t]*<[ \t]*\d+\.?[ \t]*>[ \t]*$",
        "wos": r"PT [A-Z]\b|FN (?:Clarivate|Thomson)",
        "cochrane": r"Record #\d+ of \d+",
        "refworks": r"RT [A-Z]",
    }.items()
}
CHECKED = frozenset(_NAMES) - {"pubmed-xml"}  # the text formats read line by line
# the formats whose whole text is checked before reading; BibTeX's reader checks what it skips
WHOLE_FILE = CHECKED - {"bibtex"}
# a line start: after \n, \r\n or a lone \r (old Mac files), or a BOM at the very start
_START = r"(?:\A\ufeff?|(?<=\n)|(?<=\r)(?!\n))"
# the formats whose fields continue on lines indented with spaces (MEDLINE 6, Web of Science
# 3): such a line is a field's text, never another export's record (a BibTeX opening may be
# indented: an abstract wrapped before '@WHO (WHO, 2020)' is no entry)
_INDENTED = {"medline", "wos"}
_PATTERNS = {
    fmt: re.compile(
        _START
        + ("(?![ \t])" if fmt in _INDENTED else "")
        + "(?:"
        + "|".join(
            f"(?P<{other.replace('-', '_')}>{pattern})"
            for other, pattern in _OPENS.items()
            if other != fmt and other not in _OWN.get(fmt, set())
        )
        + ")",
    )
    for fmt in CHECKED
}


# A row of a table (a CSV or tab-separated export), for the stretches of a file that its reader
# skips (BibTeX's text outside entries): cells separated by two or more tabs, or quoted cells
# separated by commas or semicolons ('"a","b","c"'), or four cells or more separated by commas
# without a space (a CSV header, 'PMID,Title,Authors,…'); a comment line ('%') or a sentence is
# none of these, nor a line holding a link (a note between entries, 'see https://…?ids=1,2,3,4':
# a link's commas are no cells, and a joined CSV's header row, the first it shows, holds no
# link). Not one of _OPENS: inside a record, a field's text may hold such a line.
_TABLE_ROW = re.compile(
    r'^(?!\s*%)(?:[^\t\n]*\t){2}[^\n]*$|^(?!\s*%)(?:[^\n]*"[,;]"){2}[^\n]*$'
    r"|^(?!\s*%)(?![^\n]*, )(?![^\n]*://)[^\s,][^\n]*(?:,[^\n,]*){3}$",
    re.MULTILINE,
)


def format_name(fmt: str) -> str:
    """The name a message gives a text format ('wos' -> 'Web of Science')."""
    return _NAMES[fmt]


def check_one_format(text: str, fmt: str, name: str, first_line: int = 1) -> None:
    """FormatError naming the first line of ``text`` (a file read as ``fmt``, or the part of it
    starting on line ``first_line``) that opens a record of another format."""
    pattern = _PATTERNS.get(fmt)
    found = pattern.search(text) if pattern else None
    if found is None:
        return
    line = len(re.findall(r"\r\n|\r|\n", text[: found.start()])) + first_line
    raise _joined(_opened(found), fmt, f"{name}:{line}")


def blanked(text: str, fmt: str, name: str) -> tuple[str, Problems | None]:
    """``text`` (a file read whole as ``fmt``) as :func:`checked_lines` gives its lines: each
    line opening another format's record, and that export's lines after it, blank, with line
    ends kept, so the reader names the file's other damage by its lines; and those lines' own
    problems, for the reader to name them with its own (formats.read_problems.refuse_with).
    ``text`` itself and None when it has no such line (a search of the text, not of each line)."""
    pattern = _PATTERNS.get(fmt)
    # a byte-order mark inside the text: a joined file's head, which checked_lines looks past
    if pattern is None or (text.find("\ufeff", 1) < 0 and not pattern.search(text)):
        return text, None
    from reviewkit.formats.read_problems import Problems
    from reviewkit.formats.text import split_lines

    problems = Problems()
    lines = checked_lines(split_lines(text.removeprefix("\ufeff")), fmt, name, problems)
    end = "\n" if text.endswith(("\n", "\r")) else ""
    kept = "\n".join(line.removeprefix("\ufeff") for line in lines) + end
    return (kept, problems) if problems else (text, None)


def checked_lines(lines: Iterable[str], fmt: str, name: str, problems: Problems) -> Iterator[str]:
    """``lines`` of a file read as ``fmt`` line by line (formats.text_stream), each given on
    once :func:`check_one_format` would pass it. A line that opens a record of another format
    is added to ``problems`` (the reader's: named with the file's other damage) and given
    blank, as are the lines after it up to the next line opening a record of ``fmt``: that
    export's records, not this file's, each of whose lines the reader would name again or read
    into a record (blank, they keep the reader's count of lines, and end a MEDLINE record as
    the blank line before the next one does). Each line is checked with the next one after it
    (RefWorks' record opens with two lines)."""
    pattern, resume = _PATTERNS[fmt], _RESUMES[fmt]
    skipping = False
    for no, line, after in _with_next(lines):
        if skipping and resume.match(line):
            skipping = False
        if not skipping and (found := pattern.match(line if after is None else f"{line}\n{after}")):
            problems.add(_joined(_opened(found), fmt, f"{name}:{no}"))
            skipping = True
        yield "" if skipping else line


def _with_next(lines: Iterable[str]) -> Iterator[tuple[int, str, str | None]]:
    """(number, line, the line after it or None at the end) for each of ``lines``."""
    held: str | None = None
    no = 0
    for no, line in enumerate(lines, start=1):
        if held is not None:
            yield no - 1, held, line
        held = line
    if held is not None:
        yield no, held, None


def _opened(found: re.Match[str]) -> str:
    """What a match of a format's _PATTERNS found: 'a RIS record starts'."""
    other = next(k for k, v in found.groupdict().items() if v is not None).replace("_", "-")
    return f"a {_NAMES[other]} record starts"


def check_no_table_row(skipped: str, fmt: str, name: str, first_line: int) -> None:
    """FormatError naming the first row of a table in ``skipped``: text that the reader of
    ``fmt`` skips (BibTeX's outside its entries), starting on line ``first_line`` of the file
    ``name``; a CSV or tab-separated export joined to it would be lost there."""
    if row := _TABLE_ROW.search(skipped):
        line = first_line + skipped.count("\n", 0, row.start())
        raise _joined("a row of a table (a CSV or tab-separated export)", fmt, f"{name}:{line}")


def _joined(what: str, fmt: str, where: str) -> FormatError:
    """The one message of a second export found in a file of ``fmt``."""
    return FormatError(
        f"{what} on this line of a {_NAMES[fmt]} file: two exports joined into one file? (its"
        " records would be lost, or read into the record above)",
        where=where,
        hint="import each export as a file of its own; nothing was imported",
    )


def after_root(gap: bytes, closed: int, line: int, name: str, root_end: re.Pattern) -> int:
    """For an XML file read in pieces: the file line of the root's closing tag (``root_end``)
    once a piece between two articles (``gap``, starting on file line ``line``) held it, else
    0. FormatError for anything but white space after it: another file appended (a second
    XML document, a RIS export), whose records a reader of articles would take or drop."""
    if not closed:
        end = root_end.search(gap)
        if end is None:
            return 0
        closed = line + gap.count(b"\n", 0, end.start())
        line += gap.count(b"\n", 0, end.end())
        gap = gap[end.end() :]
    if gap.strip():
        at = line + gap.count(b"\n", 0, len(gap) - len(gap.lstrip()))
        raise FormatError(
            f"text after the closing tag of the document on line {closed}: another file"
            " appended to this one, or a damaged file",
            where=f"{name}:{at}",
            hint="import each file on its own; nothing was imported",
        )
    return closed
