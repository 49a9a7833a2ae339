"""A spreadsheet's error values ('#NAME?', '#REF!') in the cells of a sheet, every one named
in one refusal.

A sheet opened in a spreadsheet and saved again loses the text of each cell that began with
'=', '+', '-' or '@' (read as a formula: '#NAME?'), and a filled sheet keeps the error of each
formula that failed ('#N/A' of a lookup): a sheet holds them by the dozen, a column of
'-Omics …' titles, a lookup copied down. Named one at a time, each import again found the next;
the reader reads every row (a CSV is read whole, its rows are cheap) and :meth:`ErrorCells.refuse`
names the first :data:`~reviewkit.formats.read_problems.MAX_PROBLEMS` and counts the rest, with
the damage that stopped the reading, if any, among them by line.
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewkit.errors import FormatError
from reviewkit.formats.read_problems import Problems
from reviewkit.safe_csv import is_error_value

_WHY = (
    "an error value a spreadsheet saved in place of the cell's text or of a formula's result: a"
    " text starting with =, +, - or @ is read as a formula when the file is opened in Excel,"
    " LibreOffice or Google Sheets, and saved again the text is lost; a formula that fails (a"
    " lookup that finds nothing, a division by zero) saves its error"
)
HINT = (
    "use the file as it was exported or written, not a copy opened and saved in a spreadsheet;"
    " or type the cell's text again with an apostrophe (') in front, so that it stays text, or"
    " mend the formula or clear the cell; nothing was read in"
)


class ErrorCells:
    """The cells of one sheet that hold an error value, found so far, every one
    (:func:`reviewkit.safe_csv.is_error_value`)."""

    def __init__(self) -> None:
        self.found: list[tuple[str, str, str]] = []  # (file:line, column, value)

    def check(self, cells: Iterable[tuple[str, str]], where: str) -> bool:
        """Note each (column, cell) of the row at ``where`` that holds an error value; whether
        one did (the reader then reads the rest for more: :meth:`refuse_with_rest`)."""
        before = len(self.found)
        self.found += [(where, c, v.strip()) for c, v in cells if is_error_value(v)]
        return len(self.found) > before

    def refuse(self, other: FormatError | None = None) -> None:
        """Raise the error cells found, the first with what an error value is and what to do,
        past the limit counted; ``other``, the problem that stopped the reading (a row cut
        short, a broken quote), named among them by its line. ``other`` alone when no cell
        was found; nothing when neither."""
        if not self.found:
            if other is not None:
                raise other
            return
        (where, column, value), *rest = self.found
        problems = Problems()
        problems.add(
            FormatError(f"the {column!r} cell holds {value!r}, {_WHY}", where=where, hint=HINT),
            *(
                FormatError(f"the {c!r} cell holds {v!r}, an error value too", where=w, hint=HINT)
                for w, c, v in rest
            ),
        )
        if other is not None:
            problems.take(other)
        problems.raise_any()

    def refuse_with_rest(self, rest: Iterable[tuple[str, Iterable[tuple[str, str]]]]) -> None:
        """Raise the cells found with those of the ``rest`` of the sheet, (file:line, its
        (column, cell) pairs) of each row below, read on to the end, or to a problem that
        stops the reading (named with them)."""
        try:
            for where, cells in rest:
                self.check(cells, where)
        except FormatError as exc:
            self.refuse(exc)
        self.refuse()
