"""A screen's message line that grows to show a message longer than one line.

The screening screen's message line was one line high, so a long path that 'o' could not open
wrapped onto a line nobody saw. :class:`MessageLine` is one line, or as many as the message
needs (up to eight), and is laid out again only when its height may change: a key that only
replaces a one-line message costs one repaint, as before.
"""

from __future__ import annotations

from textual.visual import VisualType
from textual.widgets import Static


class MessageLine(Static):
    """One line of messages, taller while a message needs more (a line break, or longer than
    the line is wide)."""

    DEFAULT_CSS = "MessageLine { height: auto; min-height: 1; max-height: 8; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._tall = False  # the message shown needs more than one line

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        """Show ``content``; the screen is laid out again only when the height may change
        (``layout`` is decided here, whatever the caller passes)."""
        text = str(content)
        tall = "\n" in text or len(text) > (self.content_region.width or 78)
        super().update(content, layout=tall or self._tall)
        self._tall = tall
