"""Text-level sniffs of the text formats, for :func:`reviewkit.formats.detect` and for a reader
checking that a file is its own format.

They sit apart from their readers, as :mod:`~reviewkit.formats.xml_sniff` does for XML: each
sniff is a check of a file's first lines, but importing a reader loads what it reads with
(rispy, bibtexparser and pylatexenc, the record model, the kinds tables), and telling a CSV
from the six tagged formats imported all six readers for one reader's use. A pattern a reader
also reads its lines by (RIS's lines outside the records, the Cochrane Library's and RefWorks'
field lines, MEDLINE's tag line, Ovid's mark, Excel's 'sep=' line) is defined here once and
imported by the reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewkit.formats.record_numbers import record_number
from reviewkit.formats.text import split_lines

__all__ = [
    "COCHRANE_FIELD",
    "MEDLINE_LINE",
    "REFWORKS_FIELD",
    "RIS_OUTSIDE",
    "RIS_TAG",
    "TEXT_FORMATS",
    "is_ovid",
    "ris_tag_line",
    "sep_line",
    "sniff",
    "stray_above",
    "stray_head",
]

# lines some exporters write outside the records, which are not RIS: the '1.' counters of
# Ovid and rispy, and the header of publishers' downloads ('Provider:', 'Database:',
# 'Content:'), which the Cochrane Library writes before every record after 'Record #1 of 611'
RIS_OUTSIDE = re.compile(
    r"\s*(?:\d+\.|Record #\d+ of \d+|(?:Provider|Database|Content)\s*:.*"
    r"|Link to the Ovid Full Text or citation:.*)\s*",
    re.IGNORECASE,
)


def ris_tag_line(tag: str, value: str = "(.*)|") -> str:
    """The pattern (unanchored) of a RIS tag line whose tag matches ``tag``: the tag, one or two
    spaces (RIS writes two), a hyphen, then RIS's space or a tab and ``value`` (by default any
    value, or none: 'ER  -'). Groups: the tag, its spaces, then any of ``value``'s.

    A tab after the hyphen ('TY  -<TAB>JOUR') is a file whose spaces an editor or a spreadsheet
    turned into tabs; a line of two letters, one or two spaces and a hyphen starts no sentence,
    whatever white space follows (Catmandu's RIS importer splits at '\\s\\s-\\s' likewise).
    The one definition of the line for the reader (ris), the sniff and the joined-file check."""
    return rf"({tag})( {{1,2}})-(?:[ \t]{value})"


# a RIS tag line, its tag in either case ('TY  - JOUR', 'ty  - JOUR'): ris._TagStyle decides
# which are read
RIS_TAG = re.compile(rf"^{ris_tag_line('[A-Za-z][A-Za-z0-9]')}$")
# a field line of the Cochrane Library's plain text: 'TI: title'
COCHRANE_FIELD = re.compile(r"^([A-Z][A-Z0-9]{1,2}):(?: (.*)|)$")
# a field line of RefWorks' tagged format: 'T1 title'
REFWORKS_FIELD = re.compile(r"^([A-Z][A-Z0-9])(?: (.*))?$")
# a tagged line of MEDLINE (and Ovid's tagged text): 'TI  - title'
MEDLINE_LINE = re.compile(r"^([A-Z][A-Z0-9]{0,3}) {0,3}- ?(.*)$")
# at a line's start, where a line may end in CR alone (an old Mac's file, as _BIBTEX_ENTRY
# below): (?m)^ sees only LF, and such a file was read as a CSV with no title column
_OVID_VN = re.compile(r"(?:\A|(?<=[\r\n]))VN {1,2}- Ovid Technologies")
# An entry at the start of a line, as BibTeX writes one: '@type{key,' (the key may be empty or
# on the next line), or one of the three commands without a key. A bare '@word {x}' is no entry:
# a line of a CSV cell (an e-mail handle, a tweet) can start so. A line may end in CR alone (old
# Mac files), which (?m)^ does not see.
_BIBTEX_ENTRY = re.compile(
    r"(?:\A|[\r\n])\s*@\s*(?:(?:string|preamble|comment)\s*[{(]|[A-Za-z]+\s*[{(]\s*[^\s,{}()\"=]*\s*,)",
    re.IGNORECASE,
)
# Excel's separator line: 'sep=' and one character (any: Excel takes what it is given), as
# Excel writes it; a spreadsheet that read it as a cell and saved the file again pads it with
# separators ('sep=;;;;') or quotes it ('"sep=,"')
_SEP_LINE = re.compile(r'"?sep=(\t|[^\s"])"?[,;\t]*', re.IGNORECASE)


def is_ovid(text: str) -> bool:
    """Whether the text is Ovid's tagged export (every record says 'VN  - Ovid Technologies')."""
    return _OVID_VN.search(text[:20000]) is not None


def sep_line(line: str) -> re.Match[str] | None:
    """Excel's 'sep=' line, when ``line`` (a file's first, after its byte-order mark) is one:
    its separator in group 1; else None."""
    return _SEP_LINE.fullmatch(line.rstrip("\r\n").strip(" "))


def _wos(text: str) -> bool:
    """Whether the text opens with the export's header: 'FN …' then 'VR …'; or, its header
    deleted (a file edited by hand, records copied out of one), with a record: 'PT J' (the
    publication type, the field every record opens with) and a field line."""
    head = [ln for ln in split_lines(text.lstrip("\ufeff")[:2000]) if ln.strip()][:2]
    if len(head) == 2 and head[0].startswith("FN ") and head[1].startswith("VR "):
        return True
    return (
        len(head) == 2
        and re.fullmatch(r"PT [A-Z]", head[0].rstrip()) is not None
        and re.match(r"[A-Z][A-Z0-9] \S", head[1]) is not None
    )


def _in_csv_cell(text: str, before: str) -> bool:
    """Whether the line after ``before`` (the text ahead of it) lies inside a quoted cell of a
    CSV file: the file's first line is a CSV's and an odd number of '"' comes before (a cell's
    own quotes are doubled, so they keep the count even). Such a line is a cell's text (an
    abstract quoting a RIS record or a BibTeX entry), not a line of the file."""
    return before.count('"') % 2 == 1 and _csv(text)


def _ris(text: str) -> bool:
    """Whether one of the first three lines (after lines outside the records) is a TY line
    (not one inside a CSV's quoted cell)."""
    lines = split_lines(text[:4000])
    head = [(i, ln) for i, ln in enumerate(lines) if ln.strip() and not RIS_OUTSIDE.fullmatch(ln)]
    head = head[: _before_entry([ln for _, ln in head])]
    return any(
        re.fullmatch(ris_tag_line("TY|ty"), ln.rstrip())  # ris._TagStyle
        and not _in_csv_cell(text, "".join(lines[:i]))
        for i, ln in head[:3]
    )


def _before_entry(lines: list[str]) -> int:
    """How many of ``lines`` come before the first that opens a BibTeX entry. The RIS and
    MEDLINE sniffs look for their first record a few lines down (below a stray head, which
    detect names); one found below a BibTeX entry is a second export joined to a BibTeX file
    whose first entry is short, and the BibTeX reader names it by its line, with the file's
    other damage (read as MEDLINE, the entries were named as joined lines and the MEDLINE
    record as cut short)."""
    return next((i for i, ln in enumerate(lines) if _BIBTEX_ENTRY.match(ln)), len(lines))


def _cochrane(text: str) -> bool:
    """Whether the text opens with 'Record #1 of N' followed by 'TAG: value' lines (the RIS
    export of the same site puts RIS records after that line, and is sniffed as RIS first)."""
    head = [ln for ln in split_lines(text.lstrip("\ufeff")[:4000]) if ln.strip()][:3]
    return (
        len(head) >= 2
        and record_number(head[0]) is not None
        and all(COCHRANE_FIELD.match(ln) or record_number(ln) for ln in head[1:])
        and bool(COCHRANE_FIELD.match(head[1]))
    )


def _refworks(text: str) -> bool:
    """Whether the text opens with 'RT <type>' followed by tagged lines ('SR', 'A1', …)."""
    head = [ln for ln in split_lines(text.lstrip("\ufeff")[:2000]) if ln.strip()][:3]
    return (
        len(head) >= 2
        and re.match(r"^RT \S", head[0]) is not None
        and all(REFWORKS_FIELD.match(ln.rstrip()) for ln in head[1:])
    )


def _medline(text: str) -> bool:
    """Ovid's tagged text, a PMID line among the first five, or tagged lines with a title and
    no RIS TY line."""
    head = [ln for ln in split_lines(text[:4000]) if ln.strip()][:5]
    return is_ovid(text) or (
        bool(head)
        and any(ln.startswith(("PMID-", "PMID -")) for ln in head[: _before_entry(head)])
        or (
            bool(head)
            and all(MEDLINE_LINE.match(ln) or ln.startswith("      ") for ln in head)
            and "TI  -" in text[:20000]
            and "TY  -" not in text[:2000]
        )
    )


def _bibtex(text: str) -> bool:
    """An entry at the start of a line in the first 20,000 characters (the first such line,
    unless it lies inside a CSV's quoted cell: then a later one, as a BibTeX file joined to a
    CSV has)."""
    head = text[:20000]
    return any(not _in_csv_cell(text, head[: m.start()]) for m in _BIBTEX_ENTRY.finditer(head))


def _csv(text: str) -> bool:
    """Excel's 'sep=' line, or a first line with a separator that opens no other format, or
    such a line below a table's name (:func:`_table_name_above`)."""
    lines = split_lines(text.lstrip("\ufeff")) if text.strip() else [""]
    if sep_line(lines[0]):  # Excel's 'sep=|' names a separator the line itself may not hold
        return True
    return _opens_csv(lines[0]) or _table_name_above(lines)


def _opens_csv(line: str) -> bool:
    """Whether a line has a separator and opens no other format."""
    return ("," in line or "\t" in line or ";" in line) and not line.lstrip().startswith(
        ("<", "@", "TY ")
    )


# Apple Numbers' CSV export with 'Include table names' writes the table's name on a line of its
# own above the table ('Table 1', or the name the table was given): a line of one cell, no
# separator, above the header row. The CSV reader leaves it out as a title row
# (csv_read.below_title_rows, as Embase.com's search-query rows). A header row is told from a
# line of text below a heading (a reference list typed under 'References': 'Berg T, Lund E.
# Return to work after sick leave. J Occup Rehabil. 2019.') by its cells: two or more, each a
# column's name, short: the exports' longest are of six words ('Authors Affiliations - Name of
# Research organization', Dimensions), a sentence has more. Not 'no full stop': 'Art. No.'
# And one of them a column the CSV reader reads (csv_columns.names_a_column: 'Title', 'Year',
# 'DOI' …), as every reference list's header names: short fragments of prose ('no entries
# here, only prose') or a one-column file's values that hold a separator ('case' above
# 'a.bib/1;b.bib/2') are no header, and such a file stays one whose format is not told.
_TABLE_NAME = 100  # characters, at most
_COLUMN_NAME = 60  # characters, at most
_COLUMN_WORDS = 8


def _table_name_above(lines: list[str]) -> bool:
    """Whether ``lines`` open with a table's name above a CSV header row, as Numbers writes:
    the row below the name, or one below the title rows a table may open with (Embase.com's
    search query, Dimensions' 'About the data'), as far down as the CSV reader looks for its
    header (csv_read.below_title_rows)."""
    if len(lines) < 2 or not 0 < len(lines[0].strip()) <= _TABLE_NAME:
        return False
    from reviewkit.formats.csv_read import TITLE_ROWS  # here: csv_read imports this module

    return _opens_csv(lines[1]) and any(_names_columns(ln) for ln in lines[1 : 1 + TITLE_ROWS])


def _names_columns(line: str) -> bool:
    """Whether a line is a header row: two or more cells, each short as a column's name, one
    a column the CSV reader reads."""
    if not _opens_csv(line):
        return False
    separator = max(",;\t", key=line.count)
    cells = [c.strip().strip('"').strip() for c in line.split(separator)]
    named = [c for c in cells if c]
    from reviewkit.formats.csv_columns import names_a_column  # it imports csv_read, us

    # the known column in a cell split at any separator: 'Title;Year, published' is two
    # columns at ';', whose most frequent separator ties with ','
    pieces = [c.strip().strip('"') for c in re.split(r"[,;\t]", line)]
    return (
        len(named) >= 2
        and all(len(c) <= _COLUMN_NAME and len(c.split()) <= _COLUMN_WORDS for c in named)
        and names_a_column(pieces)
    )


# format -> its sniff; the tagged formats in the order detect() tries them, CSV (whose sniff
# takes any line with a comma) last
_SNIFFS: dict[str, Callable[[str], bool]] = {
    "wos": _wos,
    "ris": _ris,
    "cochrane": _cochrane,
    "refworks": _refworks,
    "medline": _medline,
    "bibtex": _bibtex,
    "csv": _csv,
}
TEXT_FORMATS = tuple(fmt for fmt in _SNIFFS if fmt != "csv")  # sniffed before the refusals


def sniff(fmt: str, text: str) -> bool:
    """Whether decoded ``text`` (its head is enough) looks like a file of text format ``fmt``."""
    return _SNIFFS[fmt](text)


# How many lines may stand above a tagged export before it is no longer "a stray line": a
# spreadsheet's header row (a file opened in Excel and saved, or a header pasted on top), a
# title typed above the records, a blank header of separators (',,,,') with a byte-order
# mark. Three covers a header, a title and a 'sep=' line; more is another kind of file.
MAX_STRAY_LINES = 3


def stray_head(text: str) -> tuple[int, str] | None:
    """(line number of the export's first line, format) when ``text`` (a file's head, which no
    sniff took) is a tagged export below one to :data:`MAX_STRAY_LINES` lines that are not
    part of it; else None. Without them the file is sniffed as its format; with them its
    first line (a comma in a header row) made it a CSV, read into rows of junk, one for each
    line of the records. A line inside a CSV's quoted cell is a cell's text, not a stray line
    above an export; BibTeX is sniffed anywhere in the head already."""
    lines = split_lines(text.lstrip("\ufeff")[:20000])
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    for stray in range(1, min(MAX_STRAY_LINES, len(filled) - 1) + 1):
        start = filled[stray]
        if _in_csv_cell(text, "\n".join(lines[:start])):  # a cell's text, not a stray line
            return None
        rest = "\n".join(lines[start:])
        for fmt in TEXT_FORMATS:
            # the export's own first line, not a line the RIS and MEDLINE sniffs look past
            if fmt != "bibtex" and sniff(fmt, rest) and not stray_above(fmt, rest):
                return start + 1, fmt
    return None


# a tag line of RIS (its tag in either case, as ris._TagStyle reads one) and of MEDLINE
_FIRST_LINES: dict[str, Callable[[str], bool]] = {
    "ris": lambda ln: bool(
        re.match(r"[A-Za-z][A-Za-z0-9] {1,2}-", ln) or RIS_OUTSIDE.fullmatch(ln)
    ),
    "medline": lambda ln: bool(MEDLINE_LINE.match(ln)),
}


def stray_above(fmt: str, text: str) -> bool:
    """Whether ``text``, sniffed as RIS or MEDLINE (whose sniffs look past a few first lines
    for a TY or PMID line), opens with a line its reader would refuse: a header row or a title
    above the export, told by :func:`stray_head`. Only then: what follows a small RIS file's TY
    line alone sniffs as MEDLINE, and such a file must be read, not refused as stray. Ovid's
    tagged text opens with its search history, which its reader skips."""
    own = _FIRST_LINES.get(fmt)
    if own is None or (fmt == "medline" and is_ovid(text)):
        return False
    first = next((ln for ln in split_lines(text.lstrip("\ufeff")[:4000]) if ln.strip()), "")
    return not own(first)
