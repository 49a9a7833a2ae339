"""The PRISMA 2020 flow diagram drawn with matplotlib (PNG or SVG): boxes, bars and arrows.

As the PRISMA 2020 template (Page et al. 2021, BMJ 372:n71, fig. 1): a heading over the
columns, "Identification of studies via databases and registers" (and "… via other methods"
over the other methods' column when there are any), and "Records removed before screening"
listing duplicates, records marked ineligible by automation tools and records removed for other
reasons. reviewkit removes records before screening only as duplicates, so the last two are 0.

Records from other methods (citation searching, websites, organisations) get the template's
second column, "Identification of studies via other methods", down to its own reports assessed
and an arrow into the one "Studies included" box (see :mod:`.methods` for how the columns are
cut out of reviewkit's one flow, and where we differ).

An updated review is drawn as the template for updated reviews: "Previous studies" on the left
with the previous version's box ("Studies included in previous version of review" and
"Reports of studies included in previous version of review", as every included box gives
studies and their reports, one number while no report is linked to another) and
an arrow down into "Total studies included in review", under "New studies included in review".
Where we differ: lines under the previous version's box say how many of its studies are still
included and how many of its records' studies were included since (see :mod:`.update`); the
identification box lists only the databases and searches that identified records since the
version (see :mod:`.collect`); the other methods' removed box adds "Identified before version
…"; and with other methods the five columns are narrower than the template's, to stay A4 wide.

Under the diagram, as under every template, the template's source line ("From: Page MJ, …",
:data:`.box_text.TEMPLATE_SOURCE`), after the report's note. The template's footnotes explain
its asterisks, which our boxes do not have (a line per database; no automation tool): left out.

The words of each box are :mod:`.box_text`'s, their places :mod:`.layout`'s.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from reviewkit.reports.prisma.box_text import TEMPLATE_SOURCE
from reviewkit.reports.prisma.counts import PrismaCounts
from reviewkit.reports.prisma.layout import (
    FONT_PT,
    LINE_H,
    PAD,
    PAGE_W,
    ROW_GAP,
    Box,
    layout,
    previous_arrow,
)

# the template's colours: yellow over databases and registers, grey over other methods
HEAD_COLOURS = {"databases": "#ffd966", "other": "#d9d9d9"}
# The template's optional boxes are grey ("The boxes in grey should only be completed if
# applicable", Page et al. 2021, fig. 1): other methods' column and, in the update template,
# the previous studies'. A lighter grey than the headings keeps their 8-point text readable.
OPTIONAL_BOX = "#ededed"


WRAP_NOTE = 120  # characters per line of the note under the diagram (A4 width at FONT_PT)


SOURCE_PT = FONT_PT - 1.5  # the template's source line is set smaller than its boxes


def _draw_heading(ax: Any, b: Box) -> None:
    """A column heading: a rounded coloured bar, bold text centred (yellow over databases and
    registers, grey over other methods and over previous studies, as in the template)."""
    colour = HEAD_COLOURS["databases" if b.col == 0 else "other"]
    _draw_bar(ax, b, colour, "#7f7f7f", fontsize=FONT_PT, linespacing=1.2)


def _footer(note: str) -> tuple[list[tuple[str, float, str]], float]:
    """The lines under the diagram, each (text, font size, style) wrapped to the page, and their
    height: ``note`` (e.g. who screened) in italics, then the template's own source line
    (:data:`.box_text.TEMPLATE_SOURCE`), smaller, as every PRISMA 2020 template ends."""
    parts = [(note, FONT_PT, "italic")] if note else []
    parts.append((TEMPLATE_SOURCE, SOURCE_PT, "normal"))
    out, height = [], PAD / 2
    for text, size, style in parts:
        wrapped = textwrap.fill(text, int(WRAP_NOTE * FONT_PT / size))
        out.append((wrapped, size, style))
        height += (wrapped.count("\n") + 1) * LINE_H * size / FONT_PT + PAD
    return out, height + PAD / 2


def _into_included(ax: Any, last: Box, included: Box) -> None:
    """The other methods' last box into "Studies included" (the template's elbow): down to the
    gap above the included box, across, and down into it, right of the flow's own arrow."""
    x, gap_y = last.x + last.w / 2, included.y + included.h + ROW_GAP / 2
    end_x = included.x + included.w * 0.8
    ax.plot([x, x, end_x], [last.y, gap_y, gap_y], color="black", lw=0.8)
    _arrow(ax, (end_x, gap_y), (end_x, included.y + included.h))


def _draw_path(ax: Any, points: list[tuple[float, float]]) -> None:
    """Lines through ``points``, an arrow head on the last segment."""
    xs, ys = zip(*points[:-1], strict=True)
    ax.plot(xs, ys, color="black", lw=0.8)
    # from the corner itself: the line turns there without a gap
    _arrow(ax, points[-2], points[-1], shrinkA=0)


def _arrow(ax: Any, tail: tuple[float, float], head: tuple[float, float], **props: Any) -> None:
    """A black arrow from ``tail`` to ``head`` (``props``: more matplotlib arrow options)."""
    ax.annotate(
        "",
        xy=head,
        xytext=tail,
        arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 0.8, **props},
    )


def _draw_phase(ax: Any, b: Box) -> None:
    """A phase label (Identification, Screening, Included): a rounded blue bar, text upright."""
    _draw_bar(ax, b, "#9ecae1", "#3182bd", rotation=90, fontsize=FONT_PT + 0.5)


def _draw_bar(ax: Any, b: Box, face: str, edge: str, **text: Any) -> None:
    """A rounded bar with its text bold and centred (``text``: matplotlib text options)."""
    _patch(ax, b, "round,pad=0,rounding_size=0.06", face, edge)
    ax.text(
        b.x + b.w / 2, b.y + b.h / 2, b.text, ha="center", va="center", fontweight="bold", **text
    )


def _patch(ax: Any, b: Box, style: str, face: str, edge: str) -> None:
    """The shape of box ``b`` (``style``: a matplotlib box style), its line 0.8 points."""
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(
        FancyBboxPatch(
            (b.x, b.y), b.w, b.h, boxstyle=style, facecolor=face, edgecolor=edge, linewidth=0.8
        )
    )


def is_optional(b: Box) -> bool:
    """Whether ``b`` is one of the template's grey boxes: other methods' or previous studies'."""
    return b.kind == "previous" or (b.kind == "box" and b.col in (2, 3))


def _draw_box(ax: Any, b: Box, flow: list[Box]) -> None:
    """A box: a rectangle, white or (the template's optional boxes) grey, its text from the top
    left and, for a box beside the flow, an arrow into it from its row's box in ``flow``."""
    _patch(ax, b, "square,pad=0", OPTIONAL_BOX if is_optional(b) else "white", "black")
    ax.text(
        b.x + PAD, b.y + b.h - PAD, b.text, ha="left", va="top", fontsize=b.font, linespacing=1.2
    )
    if b.kind == "box" and b.col in (1, 3):  # beside the flow: an arrow from its row's box
        main = next(
            m for m in flow if m.col == b.col - 1 and abs((m.y + m.h / 2) - (b.y + b.h / 2)) < 1e-6
        )
        _arrow(ax, (main.x + main.w, b.y + b.h / 2), (b.x, b.y + b.h / 2))


def draw(c: PrismaCounts, path: Path, note: str = "") -> Path:
    """Draw the flow diagram at A4 width, ``note`` and the template's source line under it;
    PNG or SVG from the file suffix."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    boxes, height = layout(c)
    footer, note_h = _footer(note)
    fig = plt.figure(figsize=(PAGE_W, height + note_h), dpi=150)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, PAGE_W)
    ax.set_ylim(-note_h, height)
    ax.axis("off")
    y = -PAD / 2
    for text, size, style in footer:
        ax.text(0.1, y, text, ha="left", va="top", fontsize=size, style=style, linespacing=1.2)
        y -= (text.count("\n") + 1) * LINE_H * size / FONT_PT + PAD
    flow = [b for b in boxes if b.kind == "box" and b.col in (0, 2)]
    for b in boxes:
        if b.kind == "phase":
            _draw_phase(ax, b)
        elif b.kind == "heading":
            _draw_heading(ax, b)
        else:
            _draw_box(ax, b, flow)
    for col in (0, 2):
        column = [b for b in flow if b.col == col]
        for upper, lower in zip(column, column[1:], strict=False):
            _arrow(ax, (upper.x + upper.w / 2, upper.y), (lower.x + lower.w / 2, lower.y + lower.h))
    other = [b for b in flow if b.col == 2]
    if other:
        below = [b for b in flow if b.col == 0 and b.y + b.h < other[-1].y]
        _into_included(ax, other[-1], max(below, key=lambda b: b.y))
    if c.update:
        _draw_path(ax, previous_arrow(boxes))
    from reviewkit import figure_files

    return figure_files.save_figure(fig, path, title="PRISMA 2020 flow diagram")
