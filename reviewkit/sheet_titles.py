"""A sheet reviewkit wrote, read back: the title a row shows beside a record id is that record's.

The dedup review sheet (``a_title``, ``b_title``) and the extraction sheet (``title``) show each
record's title beside its id, so that a person can read the row. When the title in a row is
another record's, the id no longer names the record the person read: the sheet of another
project (its records are numbered from 1 too) or of a pilot, ids retyped, or a spreadsheet's
sort of some columns only (Excel's 'Continue with the current selection'). Its verdicts or
values would be written on records nobody read, so the sheet is refused, nothing written.
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


def shows_other_title(cell: str, title: str | None) -> bool:
    """Whether a sheet's title cell names another title than ``title``. Titles compare folded
    (case, accents and punctuation aside) and a small edit is allowed (SAME_TITLE); a cell left
    empty, or with no letter in it (a spreadsheet reads '1-2-3' as a date), is not compared,
    nor a record without a title (one known by its citation: the sheet showed it empty)."""
    said, stored = normalise_title(cell), normalise_title(title or "")
    if not any(c.isalpha() for c in said) or not stored or said == stored:
        return False
    return SequenceMatcher(None, said, stored, autojunk=False).ratio() < SAME_TITLE


def refuse_other_title(record_id: int, cell: str, title: str | None, where: str, hint: str) -> None:
    """UserError at ``where`` when the cell shows another title than record ``record_id``'s."""
    if shows_other_title(cell, title):
        raise UserError(
            f"record {record_id} of this project is titled {title or '(none)'!r}, but this row"
            f" shows {cell.strip()!r}: the sheet was written for another project, or its ids"
            " were changed (or sorted apart from the titles)",
            where=where,
            hint=f"{hint}; nothing was written",
        )
