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


def width_laid_out(box: Widget, lines: int) -> int:
    """The content width ``box`` will have once its screen is laid out with ``lines`` rows
    of content in it: the screen's scrollbar (a scrolling screen's, ``overflow-y: auto``) comes
    when its children are taller than it and goes when they are no longer, taking the box's
    width with it, so that rows laid out for the width it has now are laid out once for the
    width it will have (twice a move, the first drawn for a frame at the wrong width, when
    the new rows brought the scrollbar or took it away). The other children are as tall as
    they are now; one of ``1fr`` (the record pane) takes a row at least, as Textual gives a
    fraction when there is no room left (``_resolve.resolve_fraction_unit``). Before the
    first layout, or outside a scrolling screen, the width it has now; where another child
    changes height too, the box's Resized lays the rows out again."""
    screen = box.screen
    width = content_width(box)
    if not box.content_size.width or box.parent is not screen:
        return width
    if screen.styles.overflow_y != "auto" or screen.styles.scrollbar_gutter == "stable":
        return width
    tall = 0
    for child in screen.displayed_children:
        if child is box:
            tall += lines + box.styles.gutter.height
        elif child.styles.height is not None and child.styles.height.is_fraction:
            tall += 1
        else:
            tall += child.outer_size.height
    scrolls = tall > screen.size.height
    return width + screen.styles.scrollbar_size_vertical * (
        screen.show_vertical_scrollbar - scrolls
    )


def width_settled(box: Widget) -> bool:
    """Whether ``box`` has been laid out for its screen's scrollbar as it is now: a Resized
    that comes between the bar's coming or going and the layout after it (the box's height
    changed, in the layout that made the bar go) reads the box's width of before."""
    screen = box.screen
    if box.parent is not screen:
        return True
    room = screen.scrollable_content_region.width - box.styles.gutter.width
    return box.content_size.width == room


def content_width(box: Widget) -> int:
    """``box``'s content width (its padding and any scrollbar left out); before its first
    layout, the terminal's width less a padding of 0 1."""
    return box.content_size.width or box.app.size.width - 2
