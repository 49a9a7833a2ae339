"""Lines that grow: a screen's message line, and the screening screen's own decision box.

The screening screen's message line was one line high, so a long path that 'o' could not open
wrapped onto a line nobody saw; its box under the record ("My decision", "Full text:", notes)
was three lines, so a long URL or a note pushed "Full text:" out of view. :class:`GrowingText`
is as many lines as its text needs (up to its ``max-height``), and is laid out again only when
its height may change: a key that only replaces a one-line message costs one repaint, as before.
The box stops at six rows: :func:`newest_that_fit` picks the notes it shows (the newest), and the
screen says how many earlier ones are not shown (a third long note was hidden without a sign).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.visual import VisualType
from textual.widgets import Static


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


def newest_that_fit(
    console: Console, width: int, head: Text, notes: list[str], rows: int
) -> list[str]:
    """The newest of ``notes`` that fit, each as "My note: …" wrapped at ``width``, in
    ``rows`` rows below ``head``; when not all do, a row is left for saying how many earlier
    ones are not shown."""
    options = console.options.update_width(width)

    def height(text: Text) -> int:
        return len(console.render_lines(text, options))

    lines = [height(Text(f"My note: {note}")) for note in notes]
    used = height(head)
    if used + sum(lines) <= rows:
        return notes
    used += 1  # the "… earlier notes" row
    kept = 0
    for n in reversed(lines):
        used += n
        if used > rows:
            break
        kept += 1
    return notes[len(notes) - kept :]
