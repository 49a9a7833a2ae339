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


def _broken(console: Console, renderable: RenderableType, width: int) -> RenderableType:
    """``renderable`` with each of its texts broken into rows of ``width`` at its spaces, a word
    longer than a row at its hyphens, dashes and slashes first (:mod:`.word_breaks`): Rich
    folds such a word at the row's edge, whatever its letters ('vocational-rehabilita' |
    'tion', a DOI or URL cut anywhere). Rich lays the rows out again, each whole on its row."""
    if isinstance(renderable, str):
        renderable = console.render_str(renderable)
    if isinstance(renderable, Group):
        return Group(*(_broken(console, part, width) for part in renderable.renderables))
    if not isinstance(renderable, Text) or renderable.no_wrap:
        return renderable
    text = renderable
    if "\t" in text.plain:  # as Rich draws them, before the widths are counted
        text = text.copy()
        text.expand_tabs()
    rows = wrap_text(text, width)
    # Rich need not look for breaks again where every row fits as it counts (it counts an
    # emoji sequence wider than reviewkit.text_width: there it may break a row once more)
    fits = all(cell_len(row.plain) <= width for row in rows)
    return Text("\n", end=text.end, no_wrap=fits).join(rows)


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
        # the record's lines and their width, as last laid out (:meth:`laid_out`; 0: none)
        self._laid_out: tuple[int, list[list[Segment]]] = (0, [])
        self.update(_Window(self), layout=False)

    def show(self, renderable: Group | Text | str, *, keep_place: bool = False) -> None:
        """Show a record from its top (``keep_place``: at the page shown, for a redraw of the
        same record, so that a background update does not take the reader back to the top)."""
        self.record_renderable = renderable
        self._laid_out = (0, [])
        if not keep_place:
            self.line_offset = 0
        self.refresh()

    def laid_out(self, console: Console, options: ConsoleOptions) -> list[list[Segment]]:
        """The record's lines in ``options``' width, broken at word ends (:func:`_broken`),
        kept for the next redraw of the same record at that width: a page down or a repaint
        draws them again without laying 5,000 words out anew (Rich had each time)."""
        width = options.max_width
        if self._laid_out[0] != width:
            broken = _broken(console, self.record_renderable, width)
            self._laid_out = (width, console.render_lines(broken, options, pad=False))
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
        with console.capture() as capture:
            console.print(_broken(console, self.record_renderable, width))
        return capture.get()
