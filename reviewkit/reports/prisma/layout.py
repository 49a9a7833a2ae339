"""The PRISMA 2020 flow diagram's boxes laid out on an A4-wide page, in inches.

:func:`layout` wraps each cell of :func:`.box_text.box_rows` to its column (a smaller font for a
word too long for it), stacks the rows under the template's column headings with a phase bar
(Identification, Screening, Included) beside them, and returns the boxes; :func:`previous_arrow`
is the update template's arrow from the previous version's box into the total. Two columns (the
flow and the boxes beside it), four with other methods; an update adds "Previous studies" on
the left (three or five columns, still A4 wide).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace

from reviewkit.reports.prisma.box_text import (
    DATABASES_HEADING,
    NBSP,
    NEW_DATABASES_HEADING,
    NEW_OTHER_HEADING,
    OTHER_HEADING,
    PREVIOUS_HEADING,
    box_rows,
)
from reviewkit.reports.prisma.counts import PrismaCounts


@dataclass(frozen=True)
class Box:
    x: float  # inches from the left
    y: float  # inches from the bottom (lower edge)
    w: float
    h: float
    text: str
    # box | previous (an update's previous version, its own column) | phase | heading
    kind: str = "box"
    # the column: 0 the flow, 1 beside it; with other methods 2 and 3 theirs; PREVIOUS_COL the
    # update's "Previous studies"
    col: int = 0
    font: float = 8.5  # points: FONT_PT, or less for a box with a word too long for it

    def overlaps(self, other: Box, gap: float = 0.05) -> bool:
        return not (
            self.x + self.w + gap <= other.x
            or other.x + other.w + gap <= self.x
            or self.y + self.h + gap <= other.y
            or other.y + other.h + gap <= self.y
        )


PAGE_W = 8.27  # A4 width in inches


FONT_PT = 8.5


LINE_H = FONT_PT / 72 * 1.2


PAD = 0.12


ROW_GAP = 0.35


LEFT_X, LEFT_W = 0.55, 3.55
RIGHT_X, RIGHT_W = 4.45, 3.55


WRAP_LEFT, WRAP_RIGHT = 52, 52


# with other methods, four columns as in the template: databases' flow and the boxes beside it,
# then the other methods' (x, width in inches); a line of a narrow box wraps at WRAP_NARROW
NARROW_COLUMNS = ((0.55, 1.8), (2.5, 1.8), (4.5, 1.8), (6.45, 1.75))


WRAP_NARROW = 24


# a heading over one column wraps after "via": bold, the whole heading is too wide for a column
WRAP_HEADING = 32  # "Identification of studies via" / "databases and registers"


PREVIOUS_COL = 4


# with that column: (x, width) of "Previous studies" and of the flow's columns after it, two
# (the flow and the boxes beside it) or four (and the other methods' two); A4 width still
PREVIOUS_COLUMNS = ((0.55, 1.55), (2.3, 2.8), (5.3, 2.7))


PREVIOUS_NARROW_COLUMNS = ((0.55, 1.2), (1.9, 1.45), (3.5, 1.45), (5.1, 1.45), (6.7, 1.45))


CHARS_PER_INCH = WRAP_NARROW / NARROW_COLUMNS[0][1]  # at FONT_PT in a narrow column


# A box's lines wrap at spaces only: a search name such as 'd5-musculoskeletal-work' broke at
# its hyphens ('d5-' / 'musculoskeletal-' / 'work') in the narrow columns of the four-column
# layout. A box with a word too long for its column (a long name) is set in a smaller font, down
# to MIN_FONT_PT, so the name stays whole; only a word too long even then breaks, at its hyphens.
MIN_FONT_PT = 6.5


def _wrap(lines: list[str], width: int) -> str:
    """Wrap each line to ``width`` at spaces, continuing an indented line under its own indent;
    a word longer than a line may also break after its hyphens (only that word)."""
    out = []
    for line in lines:
        text = line.lstrip()
        indent = line[: len(line) - len(text)]
        room = width - len(indent) - 2
        words = [w if len(w) <= room else w.replace("-", f"-{_JOIN} ") for w in text.split(" ")]
        out += textwrap.wrap(
            " ".join(words),
            width,
            initial_indent=indent,
            subsequent_indent=indent + "  ",
            break_on_hyphens=False,
        ) or [""]
    return "\n".join(out).replace(f"{_JOIN} ", "").replace(_JOIN, "").replace(NBSP, " ")


_JOIN = "\x01"  # marks a break allowed after a hyphen of a too-long word; removed after wrapping


def _fit(lines: list[str], width: int) -> tuple[str, float]:
    """The box's text wrapped to a column ``width`` characters wide at FONT_PT, and its font:
    smaller when a word (with its line's indent) does not fit at FONT_PT."""
    need = width
    for line in lines:
        text = line.lstrip()
        indent = len(line) - len(text)
        words = text.split(" ")  # not NBSP: '(n = 5)' is one word
        need = max(need, indent + len(words[0]), *(indent + 2 + len(w) for w in words[1:]))
    font = max(MIN_FONT_PT, FONT_PT * width / need)
    return _wrap(lines, int(width * FONT_PT / font)), font


def phase_label_height(phase: str) -> float:
    """Inches a rotated phase label needs (bold, a little above the box font), with a margin."""
    return len(phase) * (FONT_PT + 0.5) / 72 * 0.68 + 0.3


def _geometry(columns: int, update: bool) -> list[tuple[int, float, float, int]]:
    """(column, x, width, wrap) of each cell of a row: the flow and the boxes beside it, twice
    over with other methods (the template's four columns, each wrapped to its narrower width);
    in an update the flow's columns move right of "Previous studies" (the row's last cell)."""
    if update:
        first, *flow = PREVIOUS_COLUMNS if columns == 3 else PREVIOUS_NARROW_COLUMNS
        cells = [*((i, x, w) for i, (x, w) in enumerate(flow)), (PREVIOUS_COL, *first)]
        return [(col, x, w, int(w * CHARS_PER_INCH)) for col, x, w in cells]
    if columns == 2:
        return [(0, LEFT_X, LEFT_W, WRAP_LEFT), (1, RIGHT_X, RIGHT_W, WRAP_RIGHT)]
    return [(col, x, w, WRAP_NARROW) for col, (x, w) in enumerate(NARROW_COLUMNS)]


def layout(c: PrismaCounts) -> tuple[list[Box], float]:
    """The boxes of the diagram in inches (A4 width) and the figure height."""
    rows = box_rows(c)
    geometry = _geometry(len(rows[0][1]), c.update)
    per_phase: dict[str, int] = {}
    for phase, _ in rows:
        per_phase[phase] = per_phase.get(phase, 0) + 1
    heights: list[float] = []
    placed: list[tuple[str, list[Box]]] = []
    for phase, cells in rows:
        row: list[Box] = []
        for cell, (col, x, w, wrap) in zip(cells, geometry, strict=True):
            if not cell:
                continue
            kind = "previous" if col == PREVIOUS_COL else "box"
            text, font = _fit(cell, wrap)
            line_h = LINE_H * font / FONT_PT
            row.append(
                Box(x, 0, w, (text.count("\n") + 1) * line_h + 2 * PAD, text, kind, col, font)
            )
        # the phase bar must be tall enough for its rotated label; the gaps between rows count too
        need = phase_label_height(phase) - ROW_GAP * (per_phase[phase] - 1)
        heights.append(max(max(b.h for b in row), need / per_phase[phase]))
        placed.append((phase, row))
    heads = _headings(c)
    head_h = heads[0].h
    total = sum(heights) + ROW_GAP * (len(heights) - 1) + 0.5 + head_h + ROW_GAP
    y_top = total - 0.25
    boxes = [replace(b, y=y_top - head_h) for b in heads]
    y_top -= head_h + ROW_GAP
    spans: dict[str, list[float]] = {}
    for (phase, row), h in zip(placed, heights, strict=True):
        centre = y_top - h / 2
        boxes += [replace(b, y=centre - b.h / 2) for b in row]
        lo, hi = y_top - h, y_top
        span = spans.setdefault(phase, [lo, hi])
        span[0], span[1] = min(span[0], lo), max(span[1], hi)
        y_top -= h + ROW_GAP
    for phase, (lo, hi) in spans.items():
        boxes.append(Box(0.1, lo, 0.3, hi - lo, phase, "phase"))
    return boxes, total


def _headings(c: PrismaCounts) -> list[Box]:
    """The template's column headings (y = 0, placed by :func:`layout`): databases and registers
    over the whole flow, or over its two left columns, with "other methods" over the two right
    ones, when there are other methods (each heading then wrapped, both the same height)."""
    if c.update:
        return _update_headings(c)
    if not c.other_sources:
        h = LINE_H + 2 * PAD
        return [Box(LEFT_X, 0, RIGHT_X + RIGHT_W - LEFT_X, h, DATABASES_HEADING, "heading")]
    texts = [textwrap.fill(t, WRAP_HEADING) for t in (DATABASES_HEADING, OTHER_HEADING)]
    h = max(t.count("\n") + 1 for t in texts) * LINE_H + 2 * PAD
    (x0, w0), (x1, w1), (x2, w2), (x3, w3) = NARROW_COLUMNS
    return [
        Box(x0, 0, x1 + w1 - x0, h, texts[0], "heading"),
        Box(x2, 0, x3 + w3 - x2, h, texts[1], "heading", 2),
    ]


def _update_headings(c: PrismaCounts) -> list[Box]:
    """The update template's headings: "Previous studies" over its column, then "… new
    studies via databases and registers" (and "… via other methods") over the flow's columns;
    each wrapped to its width (bold: WRAP_HEADING characters over two narrow columns)."""
    per_inch = WRAP_HEADING / (NARROW_COLUMNS[1][0] + NARROW_COLUMNS[1][1] - NARROW_COLUMNS[0][0])
    (px, pw), *flow = PREVIOUS_NARROW_COLUMNS if c.other_sources else PREVIOUS_COLUMNS
    spans = [(PREVIOUS_HEADING, px, px + pw, PREVIOUS_COL)]
    spans.append((NEW_DATABASES_HEADING, flow[0][0], flow[1][0] + flow[1][1], 0))
    if c.other_sources:
        spans.append((NEW_OTHER_HEADING, flow[2][0], flow[3][0] + flow[3][1], 2))
    texts = [textwrap.fill(t, int((x1 - x0) * per_inch)) for t, x0, x1, _ in spans]
    h = max(t.count("\n") + 1 for t in texts) * LINE_H + 2 * PAD
    return [
        Box(x0, 0, x1 - x0, h, text, "heading", col)
        for text, (_, x0, x1, col) in zip(texts, spans, strict=True)
    ]


def previous_arrow(boxes: list[Box]) -> list[tuple[float, float]]:
    """The update template's arrow from the previous version's box into "Total studies
    included in review" (the flow's last box) as points, the head at the last: straight down
    the "Previous studies" column, then right into the total's left side. [] without that box."""
    previous = [b for b in boxes if b.kind == "previous"]
    if not previous:
        return []
    total = min((b for b in boxes if b.kind == "box" and b.col == 0), key=lambda b: b.y)
    x, y = previous[0].x + previous[0].w / 2, total.y + total.h / 2
    return [(x, previous[0].y), (x, y), (total.x, y)]
