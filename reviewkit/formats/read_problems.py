"""Every problem of a file in one error, so that one fix of the file and one import again
suffice: a reader that can go on past a problem (a BibTeX file, parsed a chunk at a time, its
next blocks read as before; RIS, MEDLINE/nbib and Web of Science text, their next record read
after a damaged one) collects them in :class:`Problems` and raises them at the end
(:meth:`Problems.raise_any`).

The import stays all or nothing: the records read before the error are rolled back (the
store's staging), as for one problem.
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewkit.errors import FormatError

# Enough to show a user what kind of damage a file has and where; past it the file is
# damaged throughout (a wrong format, an export cut many times) and more lines help no one.
MAX_PROBLEMS = 20


class Problems:
    """The problems found in one file so far, up to :data:`MAX_PROBLEMS` (then :attr:`full`)."""

    def __init__(self) -> None:
        self.found: list[FormatError] = []
        self.more = False  # a problem past the limit was found
        self.unread = False  # reading stopped at the limit before the file's end

    def add(self, *problems: FormatError) -> None:
        """Keep ``problems``, up to the limit."""
        room = MAX_PROBLEMS - len(self.found)
        self.found.extend(problems[:room])
        self.more = self.more or len(problems) > room

    @property
    def full(self) -> bool:
        """Whether the limit is reached: a reader stops looking for more."""
        return len(self.found) >= MAX_PROBLEMS

    def stop(self) -> None:
        """Note that the reader stops at the limit with part of the file not read: it may hold
        more problems, which the message says (else it would read as the file's every one)."""
        self.unread = True

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
        if self.more:
            lines.append(f"  and more: {named}")
        elif self.unread:
            lines.append(f"  and maybe more: {named}; the rest of the file was not read")
        hint = first.hint
        if others:
            hint += f"; fix all {len(self.found)} problems named, then import the file again"
        raise FormatError("\n".join(lines), where=first.where, hint=hint)


def of(lines: Iterable[str]) -> Problems:
    """Where a reader given ``lines`` collects the problems of its file: those the lines found
    as they were read (formats.text_stream.Lines: another format's record joined to the file),
    else none so far."""
    found = getattr(lines, "problems", None)
    return found if isinstance(found, Problems) else Problems()
