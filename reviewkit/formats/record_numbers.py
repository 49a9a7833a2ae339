"""The Cochrane Library's 'Record #n of N' numbering, which opens each record of its plain-text
export (formats.cochrane) and stands before each record of its RIS export (formats.ris).

The numbers are the records' places in the search's result list. An export whose records run
#1, #2, … #k of N in turn with k < N was cut short after record #k. Records chosen from the
list keep their numbers there ('Record #3 of 18', then #4, #10: the Library's exports in
asreview/citation-file-formatting), so numbers that rise with a gap are a selection, read as
it is (a cut after its last record cannot be told)."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"\s*Record #(\d+) of (\d+)\s*", re.IGNORECASE)


def record_number(line: str) -> tuple[int, int] | None:
    """``(n, N)`` of a 'Record #n of N' line, or None for any other line."""
    m = _NUMBER.fullmatch(line)
    return (int(m.group(1)), int(m.group(2))) if m else None


class RecordNumbers:
    """The numbers seen so far: the last ``number`` of its ``total``, and whether they ran
    1, 2, 3, … in turn (a selection does not)."""

    def __init__(self) -> None:
        self.number = self.total = 0
        self.in_turn = True

    def see(self, n: int, of: int, *, restart: bool = False) -> None:
        """The next record's number; ``restart``: a '#1' opens another export joined after
        this one, numbered in turn again."""
        self.in_turn = (restart and n == 1) or (self.in_turn and n == self.number + 1)
        self.number, self.total = n, of

    def cut_short(self) -> bool:
        """Whether the numbers so far ran in turn and stop before their total."""
        return self.in_turn and 0 < self.number < self.total


def first_of_many(number: int, total: int) -> tuple[str, str]:
    """(what, hint) for numbers that ran #1 to #``number`` in turn and stop before ``total``.

    Such a file was cut short, or the first ``number`` records were chosen from the top of the
    list (they keep their numbers there): the two cannot be told apart, so the message names
    both, and the hint says what to do for each (exporting the same selection again would
    give the same file)."""
    what = (
        f"it was cut short, or only records #1 to #{number} were chosen from the list (the two"
        " look alike)"
    )
    hint = (
        "if it was cut short, export it again; if you chose those records, export the whole"
        f" result list ({total} records) and let screening leave out the rest; nothing was"
        " imported"
    )
    return what, hint
