"""Lines that grow: a screen's message line, and the screening screen's own decision box.

The screening screen's message line was one line high, so a long path that 'o' could not open
wrapped onto a line nobody saw; its box under the record ("My decision", "Full text:", notes)
was three lines, so a long URL or a note pushed "Full text:" out of view. :class:`GrowingText`
is as many lines as its text needs (up to its ``max-height``), and is laid out again only when
its height may change: a key that only replaces a one-line message costs one repaint, as before.
The box stops at six rows: :func:`append_notes` shows the newest notes that fit, says how many
earlier ones are not shown (a third long note was hidden without a sign) and where to read them,
and cuts a newest note longer than the rows left with "…" (it was not shown at all).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.visual import VisualType
from textual.widgets import Static

from reviewkit.errors import UserError, command_line
from reviewkit.wording import quantity


class GrowingText(Static):
    """A Static as tall as its text (a line break, or a line longer than the widget is wide)."""

    DEFAULT_CSS = "GrowingText { height: auto; min-height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines = 1  # lines the text shown needs (counted as below)
        self._wraps = False  # a line of it is wider than the widget: wrapped, by words

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        """Show ``content``; the screen is laid out again only when the height may change
        (``layout`` is decided here, whatever the caller passes)."""
        width = self.content_region.width or 78
        widths = [cell_len(line) for line in str(content).split("\n")]
        lines = sum(max(1, -(-w // width)) for w in widths)
        # a wrapped line may take a line more than its width says (words are not cut): laid
        # out again whenever a line wraps, now or before
        wraps = any(w > width for w in widths)
        super().update(content, layout=lines != self._lines or wraps or self._wraps)
        self._lines, self._wraps = lines, wraps


class MessageLine(GrowingText):
    """One line of messages, taller while a message needs more (up to eight lines)."""

    DEFAULT_CSS = "MessageLine { height: auto; min-height: 1; max-height: 8; }"


def read_in_full() -> str:
    """Where a note cut or not shown can be read whole (the screen has no key that shows one):
    the export, with the project opened when it is not the current folder (command_line), as
    every hint names it; bare, a user in another folder reached no project or another. The
    export's --reviewer and FILE are left out to keep the row short: the row points at the
    command, and its refusal of a missing --reviewer names the protocol's people. A long
    --project path may take a second row, which append_notes measures like any row."""
    return command_line("decisions export")


def _cut(note: str, fits: Callable[[str], bool]) -> str:
    """The longest start of ``note``, ended by "…", for which ``fits`` holds (at least "…")."""
    lo, hi = 0, len(note)  # fits(note[:lo] + "…") holds, the whole note does not
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(note[:mid].rstrip() + "…"):
            lo = mid
        else:
            hi = mid - 1
    return note[:lo].rstrip() + "…"


def _not_shown(hidden: int, some_shown: bool, cut: bool) -> str:
    """The row under the decision that says which notes are not shown (whole) and where they are."""
    n = f"{hidden} earlier" if some_shown else str(hidden)
    whole = quantity(hidden, "earlier note" if some_shown else "note")
    said = [f"{n if cut else whole} not shown"]
    said = (said if hidden else []) + (["newest cut" if hidden else "note cut"] if cut else [])
    return f"… {', '.join(said)} (in full: {read_in_full()})"


def append_notes(console: Console, width: int, head: Text, notes: list[str], rows: int) -> None:
    """Append to ``head`` the newest of ``notes`` that fit, each as "My note: …" wrapped at
    ``width``, so that the whole takes at most ``rows`` rows. When not all fit, a row says how
    many earlier ones are not shown and where to read them; the newest note always shows (cut
    with "…" when it alone is longer than the rows left)."""
    options = console.options.update_width(width)

    def height(text: Text) -> int:
        return len(console.render_lines(text, options))

    lines = [height(Text(f"My note: {note}")) for note in notes]
    free = rows - height(head)
    shown = notes
    if sum(lines) > free:  # a row (two when narrow) says what is not shown, and where to read it
        free -= height(Text(_not_shown(len(notes), True, True)))
        kept, used = 0, 0
        for n in reversed(lines):
            if used + n > free:
                break
            kept, used = kept + 1, used + n
        cut = not kept and free > 0  # the newest alone is longer than the rows left
        shown = notes[len(notes) - kept :]
        if cut:
            shown = [_cut(notes[-1], lambda s: height(Text(f"My note: {s}")) <= free)]
        hidden = len(notes) - len(shown)
        head.append("\n" + _not_shown(hidden, bool(shown), cut), style="dim")
    for note in shown:
        head.append(f"\nMy note: {note}", style="italic")


def error_words(exc: UserError) -> str:
    """A refusal on one message line, whole: the path or record it names (``where``), what is
    wrong and what to do (``hint``). The screens said ``exc.message`` alone, so an attach that
    failed read "not attached: no such file" without the path it had looked for."""
    where = f"{exc.where}: " if exc.where else ""
    hint = f" ({exc.hint})" if exc.hint else ""
    return f"{where}{exc.message}{hint}"
