"""RIS records without their ER line, named one by one, or once for a run of them.

A record left open is damage where the file's other records end with ER (a record cut, two
files joined): each is named by its line. A file in which no record ends with ER is one kind
of damage, not many: a program that writes RIS without the end-of-record tag (a script, a
converter, a list typed by hand); naming each of its records took the 20 lines of the error
and said 'and more', where one line says what is wrong with the file. So the records found
open are held until the file shows an ER line or ends, then named once: the file's first
records, written without ER, before records with it (such an export with another joined
after it) are that one damage too. One record alone is named as it is (a record cut).

Nothing is stored meanwhile: a record is given only at its ER (formats.ris), the import is
refused with every problem in one error, and the warnings of the records read are shown only
with an import's summary (cli.core).
"""

from __future__ import annotations

from reviewkit.errors import FormatError
from reviewkit.formats.read_problems import Problems

_HINT = "every RIS record ends with 'ER  - '; the file may be cut or two files were joined"


class Unended:
    """The records of file ``name`` found without their ER line, added to ``problems``."""

    def __init__(self, name: str, problems: Problems) -> None:
        self.name, self.problems = name, problems
        self.ended = False  # an ER line was read: the file writes them
        self.held: FormatError | None = None  # while none was: the first record's problem
        self.count = 0  # the records found open while none was, all of them
        self.first = self.latest = 0  # the lines where the first of them and the last start

    def record(self, number: int, start: int, line: int) -> None:
        """Record ``number``, starting at line ``start``, was closed by the next TY at
        ``line`` without an ER line."""
        self._add(
            FormatError(
                f"record {number} starting at line {start} has no ER line",
                where=f"{self.name}:{line}",
                hint=_HINT,
            ),
            start,
        )

    def last(self, start: int) -> None:
        """The file ended inside the record starting at line ``start``."""
        problem = FormatError(
            f"the last record (starting at line {start}) has no ER line",
            where=f"{self.name}:{start}",
            # EndNote's RIS export (some styles) and converters leave out the last record's
            # ER: a whole record looks as one cut at a line end, which cannot be told apart
            hint="the file may be cut short: export it again; if its last record is whole (an"
            " EndNote export or a converter may leave out the last 'ER  - '), add the line"
            " 'ER  - ' after it",
        )
        self._add(problem, start)

    def er(self) -> None:
        """An ER line was read: the records held so far, the file's first, are named."""
        if not self.ended:
            self.ended = True
            self._name_held(
                f"the first {self.count:,} records of this file (starting at lines {self.first}"
                f" to {self.latest}) have no ER line, though the records after them end with"
                " one"
            )

    def end(self) -> None:
        """At the file's end: with no ER line in it, its records open are named once."""
        if not self.ended:
            self._name_held(
                f"no record of this file ends with an ER line ({self.count:,} records, the "
                f"first starting at line {self.first}): the program that wrote it left them out"
            )

    def _name_held(self, run: str) -> None:
        """The records held named: once, as the ``run`` they make, where they are more than
        one (one record open alone is named as it is: a record cut before its ER)."""
        if self.count > 1:
            self.held = FormatError(
                run,
                where=f"{self.name}:{self.first}",
                hint="export the references again as RIS (a database's or reference manager's "
                "export writes 'ER  - ' after each record), or add that line after each one",
            )
        if self.held:
            self.problems.add(self.held)
        self.held = None

    def _add(self, problem: FormatError, start: int) -> None:
        if self.ended:
            self.problems.add(problem)
            return
        self.count += 1
        self.first, self.latest = self.first or start, start
        self.held = self.held or problem
