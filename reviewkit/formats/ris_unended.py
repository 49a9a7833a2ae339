"""RIS records without their ER line, named one by one, or once for a file that writes none.

A record left open is damage where the file's other records end with ER (a record cut, two
files joined): each is named by its line. A file in which no record ends with ER is one kind
of damage, not many: a program that writes RIS without the end-of-record tag (a script, a
converter, a list typed by hand); naming each of its records took the 20 lines of the error
and said 'and more', where one line says what is wrong with the file. So the records found
open are held until the file shows an ER line (then named each) or ends (then named once).
"""

from __future__ import annotations

from reviewkit.errors import FormatError
from reviewkit.formats.read_problems import MAX_PROBLEMS, Problems

_HINT = "every RIS record ends with 'ER  - '; the file may be cut or two files were joined"


class Unended:
    """The records of file ``name`` found without their ER line, added to ``problems``."""

    def __init__(self, name: str, problems: Problems) -> None:
        self.name, self.problems = name, problems
        self.ended = False  # an ER line was read: the file writes them
        self.held: list[FormatError] = []  # while none was: up to the limit of problems
        self.count = 0  # the records held, all of them
        self.first = 0  # the line where the first of them starts

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
            hint="the file may be truncated; export it again",
        )
        self._add(problem, start)

    def er(self) -> None:
        """An ER line was read: the records held so far are each named."""
        if not self.ended:
            self.ended = True
            self.problems.add(*self.held)
            self.held = []

    def end(self) -> None:
        """At the file's end: with no ER line in it, its records open are named once (one
        record open alone is named as it is: a file of one record cut before its ER)."""
        if self.ended or not self.held:
            return
        if self.count == 1:
            self.problems.add(*self.held)
            return
        self.problems.add(
            FormatError(
                f"no record of this file ends with an ER line ({self.count:,} records, the "
                f"first starting at line {self.first}): the program that wrote it left them out",
                where=f"{self.name}:{self.first}",
                hint="export the references again as RIS (a database's or reference manager's "
                "export writes 'ER  - ' after each record), or add that line after each one",
            )
        )

    def _add(self, problem: FormatError, start: int) -> None:
        if self.ended:
            self.problems.add(problem)
            return
        self.count += 1
        self.first = self.first or start
        if len(self.held) <= MAX_PROBLEMS:
            self.held.append(problem)
