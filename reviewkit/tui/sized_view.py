"""A text box laid out for its own width: the confirm screen's label rows, the extraction
screen's field rows. Their text is wrapped by us (a hanging indent, a score kept on its row),
so it must be laid out for the columns the box really has, not the terminal's: a scrollbar
(2 columns) or a floor wider than the box made Textual wrap the rows a second time."""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static


class SizedView(Static):
    """A box that says when its size changes, for its rows to be laid out again: the terminal
    resized, or the screen's scrollbar come or gone as the screen grew taller than the terminal
    or no longer is. The screen's own Resize misses the scrollbar, and comes before the box's
    new width is known."""

    class Resized(Message):
        """The box's size changed."""

    def on_resize(self) -> None:
        self.post_message(self.Resized())


def content_width(box: Widget) -> int:
    """``box``'s content width (its padding and any scrollbar left out); before its first
    layout, the terminal's width less a padding of 0 1."""
    return box.content_size.width or box.app.size.width - 2
