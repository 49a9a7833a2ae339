"""A sheet reviewkit wrote, read back: the title a row shows beside a record id is that record's.

The dedup review sheet (``a_title``, ``b_title``) and the extraction sheet (``title``) show each
record's title beside its id, so that a person can read the row. When the title in a row is
another record's, the id no longer names the record the person read: the sheet of another
project (its records are numbered from 1 too) or of a pilot, ids retyped, or a spreadsheet's
sort of some columns only (Excel's 'Continue with the current selection'). Its verdicts or
values would be written on records nobody read, so the sheet is refused, nothing written.

A title the spreadsheet garbled is the record's title still, but the sheet's other cells are
garbled with it: Excel opens a UTF-8 CSV in the system's code page (Windows-1252 in Western
Europe and the Americas: 'ø' shows as 'Ã¸', a Chinese title as 'æ–°...'), and its legacy
'CSV' save writes '?' for each character that code page lacks. Such a sheet is refused too,
saying so and how to open it as UTF-8, not as another project's.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from reviewkit.errors import UserError
from reviewkit.records import normalise_title

# How alike (difflib's ratio of the folded titles) a title cell must be to be the record's: a
# person who corrects a typo or retypes a word in a cell leaves 0.9 or more of a title of ten
# words, while two titles of one review's records drawn at random share little more than the
# topic's words (bib-dedupe's stroke and cardiac sets, 3,000 random pairs each: median 0.3,
# 99th percentile 0.5, highest 0.7). Two records of one study are closer (a dedup pair, 0.95),
# but another project's ids or a sort land on a record at random.
SAME_TITLE = 0.8
# the code page a spreadsheet reads a CSV in when it does not take it for UTF-8 (Excel on
# Windows in Western locales, and LibreOffice's default there)
_SPREADSHEET_CODE_PAGE = "cp1252"


def _differs(said: str, title: str) -> bool:
    """Whether a title cell (folded) is another title than ``title`` (folded, not empty)."""
    return said != title and SequenceMatcher(None, said, title, autojunk=False).ratio() < SAME_TITLE


def _shows_other_title(cell: str, title: str | None) -> bool:
    """Whether a sheet's title cell names another title than ``title``. Titles compare folded
    (case, accents and punctuation aside) and a small edit is allowed (SAME_TITLE); a cell left
    empty, or with no letter in it (a spreadsheet reads '1-2-3' as a date), is not compared,
    nor a record without a title (one known by its citation: the sheet showed it empty)."""
    said, stored = normalise_title(cell), normalise_title(title or "")
    if not any(c.isalpha() for c in said) or not stored:
        return False
    return _differs(said, stored)


def _garbled_title(cell: str, title: str | None) -> bool:
    """Whether a title cell is ``title`` as a spreadsheet garbles a UTF-8 sheet: read in its
    code page, or saved in it with '?' for what the code page lacks (module docstring)."""
    if not title:
        return False
    said = normalise_title(cell)
    for garbled in (
        title.encode("utf-8").decode(_SPREADSHEET_CODE_PAGE, errors="replace"),
        title.encode(_SPREADSHEET_CODE_PAGE, errors="replace").decode(_SPREADSHEET_CODE_PAGE),
    ):
        if garbled != title and not _differs(said, normalise_title(garbled)):
            return True
    return False


def refuse_other_title(record_id: int, cell: str, title: str | None, where: str, hint: str) -> None:
    """UserError at ``where`` when the cell shows another title than record ``record_id``'s
    (or that title garbled by a spreadsheet, which garbled the row's other cells too)."""
    if not _shows_other_title(cell, title):
        return
    if _garbled_title(cell, title):
        raise UserError(
            f"this row shows record {record_id}'s title {title!r} garbled, as {cell.strip()!r}:"
            " a spreadsheet read or saved the sheet in its own code page instead of UTF-8, so"
            " the row's other cells are garbled too",
            where=where,
            hint="open the file reviewkit wrote in the spreadsheet as UTF-8 (Excel: Data > From"
            " Text/CSV, File origin '65001: Unicode (UTF-8)'), fill it there and save it as"
            " 'CSV UTF-8 (Comma delimited)'; nothing was written",
        )
    raise UserError(
        f"record {record_id} of this project is titled {title or '(none)'!r}, but this row"
        f" shows {cell.strip()!r}: the sheet was written for another project, or its ids"
        " were changed (or sorted apart from the titles)",
        where=where,
        hint=f"{hint}; nothing was written",
    )
