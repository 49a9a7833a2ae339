"""The record pane: one record in a fixed-size pane that pages, its last line saying how many
lines are left and the keys that page down."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from reviewkit.tui.actions import screen_key
from reviewkit.tui.word_breaks import wrap_text

# The widest a record's lines are set (columns): on a 200-column terminal an abstract ran
# 198 columns a line, past the 45-90 characters a line that typography holds readable (the eye
# loses the next line's start), and a reader of a 5,000-word abstract paged through it so; 100
# keeps 80- and 100-column terminals as they were and stays within what reading on screen
# tolerates. The pane keeps its width (status, footer, reasons use it all).
_READING_MEASURE = 100


class _Window:
    """Renders a window of ``height`` lines of a renderable, from line ``offset`` on."""

    def __init__(self, view: RecordView) -> None:
        self.view = view

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        view = self.view
        measure = options.update(width=min(options.max_width, _READING_MEASURE), height=None)
        lines = view.laid_out(console, measure)
        height = options.height or len(lines)
        view.total_lines, view.window_height = len(lines), height
        view.line_offset = max(0, min(view.line_offset, len(lines) - height))
        shown = lines[view.line_offset : view.line_offset + height]
        more = view.line_offset + height < len(lines)
        if more:
            shown = shown[:-1]
        for line in shown:
            yield from line
            yield Segment.line()
        if more:
            left = len(lines) - view.line_offset - len(shown)
            yield Segment(_more_line(left, view, options.max_width), Style(dim=True))


def _lines(
    console: Console, renderable: RenderableType, options: ConsoleOptions
) -> list[list[Segment]]:
    """``renderable``'s lines in ``options``' width, each of its texts broken into rows at its
    spaces, a word longer than a row at its hyphens, dashes and slashes first
    (:mod:`.word_breaks`): Rich folds such a word at the row's edge, whatever its letters
    ('vocational-rehabilita' | 'tion', a DOI or URL cut anywhere). The rows are drawn as they
    are, not handed to Rich to lay out again (that had been half a long abstract's first draw);
    rows with an emoji sequence Rich counts wider than reviewkit.text_width are Rich's to lay
    out again, as is anything not a text (or a group whose parts share a line)."""
    if isinstance(renderable, str):
        renderable = console.render_str(renderable)
    if isinstance(renderable, Group) and all(_ends_line(p) for p in renderable.renderables):
        parts = [_lines(console, part, options) for part in renderable.renderables]
        return [line for lines in parts for line in lines]
    width = options.max_width
    text = renderable
    if not isinstance(text, Text) or text.no_wrap or not _ends_line(text):
        return console.render_lines(renderable, options, pad=False)
    if "\t" in text.plain:  # as Rich draws them, before the widths are counted
        text = text.copy()
        text.expand_tabs()
    rows = wrap_text(text, width)
    if any(cell_len(row.plain) > width for row in rows):
        return console.render_lines(Text("\n", end=text.end).join(rows), options, pad=False)
    drawn = Text("\n").join(rows).render(console, end="\n")  # as Rich joins its rows
    return list(Segment.split_and_crop_lines(drawn, width, pad=False, include_new_lines=False))


def _parts(
    console: Console, renderable: RenderableType, options: ConsoleOptions
) -> list[list[list[Segment]]]:
    """``renderable``'s lines (:func:`_lines`), by the parts of a group that each end a line
    (title, source line, abstract …): one part for anything else."""
    if isinstance(renderable, Group) and all(_ends_line(p) for p in renderable.renderables):
        return [_lines(console, part, options) for part in renderable.renderables]
    return [_lines(console, renderable, options)]


def _printed(line: list[Segment]) -> int:
    """How many characters of ``line`` are not spaces. Rows differ from one width to another
    only in where the spaces (dropped at a row's end) and the breaks fall, so the count of the
    others before a row says where in the text the row starts, at any width; counted within a
    part, as a part not a text (a table, columns) may order its characters by width."""
    return sum(len(s.text) - s.text.count(" ") for s in line if not s.control)


def _place(parts: list[list[list[Segment]]], offset: int) -> tuple[int, int] | None:
    """Where line ``offset`` starts in the record: its part, and the characters not spaces
    before it in that part (:func:`_printed`); None past the last line."""
    for number, part in enumerate(parts):
        if offset < len(part):
            return number, sum(_printed(line) for line in part[:offset])
        offset -= len(part)
    return None


def _line_at(parts: list[list[list[Segment]]], place: tuple[int, int]) -> int:
    """The line that holds ``place`` (:func:`_place`) in lines laid out for another width:
    the one with its part's character (a blank line's place is the next line's)."""
    number, before = place
    if number >= len(parts):  # the record changed its parts: its top
        return 0
    start = sum(len(part) for part in parts[:number])
    for at, line in enumerate(parts[number]):
        before -= _printed(line)
        if before < 0:
            return start + at
    return start + max(0, len(parts[number]) - 1)


def _ends_line(part: RenderableType) -> bool:
    """Whether ``part`` of a group ends its line (a text's ``end`` is a newline unless set)."""
    return not isinstance(part, Text) or part.end == "\n"


def _more_line(left: int, view: RecordView, width: int) -> str:
    """The pane's last line, in the longest words that fit ``width``: how many lines are left
    and the keys in force that page down, as the help names them (a keymap may move paging
    down); a narrow pane (a split terminal: 28 columns) names the first key only, then none."""
    keys = screen_key(view.app, view.page_action)
    said = (
        f"… {left} more lines ({keys})",
        f"… {left} more ({keys.split(' / ')[0]})",
        f"… {left} more lines",
        f"… {left} more",
    )
    return next((line for line in said if cell_len(line) <= width), said[-1])


class RecordView(Static):
    """One record in a fixed-size pane that pages (no scroll container, so showing another
    record never changes the layout: one repaint per keypress, no reflow)."""

    DEFAULT_CSS = """
    RecordView { height: 1fr; padding: 0 1; }
    """

    def __init__(self, page_action: str, *, id: str | None = None) -> None:
        """``page_action``: the id of the screen's page-down action ('screening.page_down',
        :func:`~reviewkit.tui.actions.page_actions`), whose keys the pane's last line names."""
        super().__init__(id=id)
        self.page_action = page_action
        self.record_renderable: Group | Text | str = ""
        self.line_offset = 0
        self.total_lines = 0
        self.window_height = 0
        # the record's lines and their width, as last laid out (:meth:`laid_out`; 0: none),
        # and the same lines by the record's parts (:func:`_parts`)
        self._laid_out: tuple[int, list[list[Segment]]] = (0, [])
        self._parts: list[list[list[Segment]]] = []
        self.update(_Window(self), layout=False)

    def show(self, renderable: Group | Text | str, *, keep_place: bool = False) -> None:
        """Show a record from its top (``keep_place``: at the page shown, for a redraw of the
        same record, so that a background update does not take the reader back to the top)."""
        self.record_renderable = renderable
        self._laid_out, self._parts = (0, []), []
        if not keep_place:
            self.line_offset = 0
        self.refresh()

    def laid_out(self, console: Console, options: ConsoleOptions) -> list[list[Segment]]:
        """The record's lines in ``options``' width, broken at word ends (:func:`_lines`),
        kept for the next redraw of the same record at that width: a page down or a repaint
        draws them again without laying 5,000 words out anew (Rich had each time).

        Laid out anew for another width (a resized terminal), the pane keeps the reader's
        place, not the line number: the lines wrap anew, and line 12 at 60 columns is the
        abstract's start at 40. The top line's place in the text (:func:`_place`) is found
        in the new lines (:func:`_line_at`)."""
        width = options.max_width
        if self._laid_out[0] != width:
            place = _place(self._parts, self.line_offset) if self._laid_out[0] else None
            self._parts = _parts(console, self.record_renderable, options)
            self._laid_out = (width, [line for part in self._parts for line in part])
            if place is not None:
                self.line_offset = _line_at(self._parts, place)
        return self._laid_out[1]

    def page(self, step: int) -> None:
        """Move a page down (step > 0) or up."""
        self.line_offset = max(0, self.line_offset + step * max(1, self.window_height - 2))
        self.refresh()

    @property
    def plain(self) -> str:
        """The whole record as plain text (for tests and copying)."""
        width = max(20, min(self.size.width or 80, _READING_MEASURE))
        console = Console(width=width, color_system=None)
        lines = _lines(console, self.record_renderable, console.options)
        return "".join("".join(segment.text for segment in line) + "\n" for line in lines)
