"""A sheet reviewkit wrote, read back: the title a row shows beside a record id is that record's.

The dedup review sheet (``a_title``, ``b_title``) and the extraction sheet (``title``) show each
record's title beside its id, so that a person can read the row. When the title in a row is
another record's, the id no longer names the record the person read: the sheet of another
project (its records are numbered from 1 too) or of a pilot, ids retyped, or a spreadsheet's
sort of some columns only (Excel's 'Continue with the current selection'). Its verdicts or
values would be written on records nobody read, so the sheet is refused, nothing written.
"""

from __future__ import annotations

from reviewkit.errors import UserError
from reviewkit.records import normalise_title


def shows_other_title(cell: str, title: str | None) -> bool:
    """Whether a sheet's title cell names another title than ``title``. Titles compare folded
    (case, accents and punctuation aside: a person may retype one); a cell left empty, or with
    no letter in it (a spreadsheet reads '1-2-3' as a date), is not compared."""
    said = normalise_title(cell)
    return any(c.isalpha() for c in said) and said != normalise_title(title or "")


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
