"""Every problem of a file in one error, so that one fix of the file and one import again
suffice: a reader that can go on past a problem (a BibTeX file, parsed a chunk at a time, its
next blocks read as before; RIS, MEDLINE/nbib, Web of Science, Cochrane Library and RefWorks
text, their next record read after a damaged one) collects them in :class:`Problems` and raises them at the end
(:meth:`Problems.raise_any`).

The import stays all or nothing: the records read before the error are rolled back (the
store's staging), as for one problem.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from reviewkit.errors import FormatError

# Enough to show a user what kind of damage a file has and where; past it the file is
# damaged throughout (a wrong format, an export cut many times) and more lines help no one.
MAX_PROBLEMS = 20


class Problems:
    """The problems found in one file so far, up to :data:`MAX_PROBLEMS` (then :attr:`full`)."""

    def __init__(self) -> None:
        self.found: list[FormatError] = []
        self.more = False  # a problem past the limit was found
        self.past = 0  # the problems past the limit found (all of them, read to the end)
        self.unread = False  # reading stopped at the limit before the file's end

    def add(self, *problems: FormatError) -> None:
        """Keep ``problems``, up to the limit."""
        room = MAX_PROBLEMS - len(self.found)
        self.found.extend(problems[:room])
        self.past += max(0, len(problems) - room)
        self.more = self.more or len(problems) > room

    @property
    def full(self) -> bool:
        """Whether the limit is reached: a reader stops looking for more."""
        return len(self.found) >= MAX_PROBLEMS

    def stop(self) -> None:
        """Note that the reader stops at the limit with part of the file not read: it may hold
        more problems, which the message says (else it would read as the file's every one).
        The tagged readers read on to a problem past the limit (:attr:`more`) and stop there:
        'and more', and the file was not read further."""
        self.unread = True

    def stops_here(self) -> bool:
        """Whether a reader reading on past the limit stops here: a problem past it is found,
        which 'and more' says; the reading is noted as stopped (:meth:`stop`)."""
        if self.more:
            self.stop()
        return self.more

    def __bool__(self) -> bool:
        return bool(self.found)

    def raise_any(self) -> None:
        """Raise the problems found as one FormatError: the first as its message, where and
        hint; each other on a line of its own with its where ('also FILE:LINE: …')."""
        if not self.found:
            return
        first, *others = self.found
        lines = [first.message, *(f"  also {p.where}: {p.message}" for p in others)]
        named = f"only the first {MAX_PROBLEMS} problems are named"
        if self.more and self.unread:  # a reader stops at the first past the limit (:meth:`stop`)
            lines.append(f"  and more: {named}; the file was not read further")
        elif self.more:  # read to the end, every problem past the limit counted
            lines.append(f"  and {self.past} more: {named}")
        elif self.unread:
            lines.append(f"  and maybe more: {named}; the rest of the file was not read")
        hint, named_all = first.hint, len(self.found)
        if self.more and not self.unread:  # every one counted
            hint += f"; fix all {named_all + self.past} problems (the first {named_all} named),"
            hint += " then import the file again"
        elif others:
            hint += f"; fix all {named_all} problems named, then import the file again"
        raise NamedTogether(self, "\n".join(lines), where=first.where, hint=hint)

    def take(self, error: FormatError) -> None:
        """Add the problems of a reader's ``error`` (each it named together, or its one) and
        keep them all in the order of their lines."""
        named = error.problems if isinstance(error, NamedTogether) else None
        self.add(*(named.found if named else [error]))
        self.more = self.more or bool(named and named.more)
        self.past += named.past if named else 0
        self.unread = self.unread or bool(named and named.unread)
        self.sort()

    def sort(self) -> None:
        """Put the problems in the order of their lines (found out of it: a reader's checks
        of the file's end before its records)."""
        self.found.sort(key=line_of)


class NamedTogether(FormatError):
    """The :class:`Problems` of one file raised as one error (:meth:`Problems.raise_any`)."""

    def __init__(self, problems: Problems, message: str, *, where: str, hint: str) -> None:
        super().__init__(message, where=where, hint=hint)
        self.problems = problems


def of(lines: Iterable[str]) -> Problems:
    """Where a reader given ``lines`` collects the problems of its file: those the lines found
    as they were read (formats.text_stream.Lines: another format's record joined to the file),
    else none so far."""
    found = getattr(lines, "problems", None)
    return found if isinstance(found, Problems) else Problems()


def line_of(problem: FormatError) -> int:
    """The line a problem's 'file:line' names (0 for the file: it comes first)."""
    found = re.search(r":(\d+)$", problem.where)
    return int(found.group(1)) if found else 0


def refuse_with(found: Problems, read: Callable[[], Iterable[object]]) -> None:
    """Raise ``found``, the problems found in a file before its reader read it (a joined
    export's lines: formats.joined.blanked), with those the reader finds in it (``read()``,
    its records, none of them given), in the order of their lines: a joined export named
    with the file's other damage, one fix and one import again."""
    try:
        for _ in read():
            pass
    except FormatError as exc:
        found.take(exc)
    found.raise_any()
