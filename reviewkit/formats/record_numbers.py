"""The Cochrane Library's 'Record #n of N' numbering, which opens each record of its plain-text
export (formats.cochrane) and stands before each record of its RIS export (formats.ris).

The numbers are the records' places in the search's result list. An export whose records run
#1, #2, … #k of N in turn with k < N was cut short after record #k. Records chosen from the
list keep their numbers there ('Record #3 of 18', then #4, #10: the Library's exports in
asreview/citation-file-formatting), so numbers that rise with a gap are a selection, read as
it is (a cut after its last record cannot be told)."""

from __future__ import annotations

import re

from reviewkit.errors import FormatError

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


class RisNumbering:
    """The 'Record #n of N' lines of the Cochrane Library's RIS export, one before each record
    (formats.ris): a file that ends after such a line, before its record, or after record #k
    of N with k < N (every record numbered, #1 to #k in turn), was cut short between two
    records, where the ER lines cannot tell it; numbers with a gap are a selection."""

    def __init__(self, name: str) -> None:
        self.name, self.pending, self.headers, self.records = name, 0, 0, 0
        self.seen = RecordNumbers()

    def header(self, line: str, no: int) -> None:
        """Line ``no``, outside the records: a 'Record #n of N' line is counted."""
        if numbered := record_number(line):
            cut = self.pending and self._cut(
                f"'Record #{self.seen.number} of {self.seen.total}' on line "
                f"{self.pending} is followed by no record",
                self.pending,
            )
            self.pending, self.headers = no, self.headers + 1
            self.seen.see(*numbered)
            if cut:  # after the line is counted: the reader goes on past it
                raise cut

    def record(self) -> None:
        """A record (its TY line) read."""
        self.pending, self.records = 0, self.records + 1

    def damaged(self) -> None:
        """A damaged record (its TY line lost or refused) stands where a record was due."""
        if self.pending:
            self.record()

    def end(self, lines: int) -> None:
        """The file's end after ``lines`` lines: a numbering cut short is refused."""
        n, of = self.seen.number, self.seen.total
        if self.pending:
            raise self._cut(
                f"the file ends after 'Record #{n} of {of}', before its record", self.pending
            )
        if self.seen.cut_short() and self.headers == self.records:
            what, hint = first_of_many(n, of)  # 'export it again' gave the same file again
            raise FormatError(  # when the user had chosen those records
                f"the file ends after record #{n} of the {of} its export numbers; {what}",
                where=f"{self.name}:{lines}",
                hint=hint,
            )

    def _cut(self, what: str, line: int) -> FormatError:
        return FormatError(
            f"{what}: the file looks cut short",
            where=f"{self.name}:{line}",
            hint="export the file again; nothing was imported",
        )
