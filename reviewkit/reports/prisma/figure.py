"""The PRISMA 2020 flow diagram: boxes laid out on an A4-wide page and drawn with matplotlib.

As the PRISMA 2020 template (Page et al. 2021, BMJ 372:n71, fig. 1): a heading over the
columns, "Identification of studies via databases and registers" (and "… via other methods"
over the other methods' column when there are any), and "Records removed before screening"
listing duplicates, records marked ineligible by automation tools and records removed for other
reasons. reviewkit removes records before screening only as duplicates, so the last two are 0.

Records from other methods (citation searching, websites, organisations) get the template's
second column, "Identification of studies via other methods", down to its own reports assessed
and an arrow into the one "Studies included" box (see :mod:`.methods` for how the columns are
cut out of reviewkit's one flow, and where we differ).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reviewkit.reports.prisma.counts import PrismaCounts
from reviewkit.reports.prisma.methods import Flow


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
# the template's colours: yellow over databases and registers, grey over other methods
HEAD_COLOURS = {"databases": "#ffd966", "other": "#d9d9d9"}
DATABASES_HEADING = "Identification of studies via databases and registers"
OTHER_HEADING = "Identification of studies via other methods"
# the update template's headings: its flow identifies *new* studies, and a column on the left,
# "Previous studies", holds the previous version's box (grey, as other methods' heading)
NEW_DATABASES_HEADING = "Identification of new studies via databases and registers"
NEW_OTHER_HEADING = "Identification of new studies via other methods"
PREVIOUS_HEADING = "Previous studies"
PREVIOUS_COL = 4
# with that column: (x, width) of "Previous studies" and of the flow's columns after it, two
# (the flow and the boxes beside it) or four (and the other methods' two); A4 width still
PREVIOUS_COLUMNS = ((0.55, 1.55), (2.3, 2.8), (5.3, 2.7))
PREVIOUS_NARROW_COLUMNS = ((0.55, 1.2), (1.9, 1.45), (3.5, 1.45), (5.1, 1.45), (6.7, 1.45))
CHARS_PER_INCH = WRAP_NARROW / NARROW_COLUMNS[0][1]  # at FONT_PT in a narrow column


NBSP = "\u00a0"
WRAP_NOTE = 120  # characters per line of the note under the diagram (A4 width at FONT_PT)


def _n(value: int) -> str:
    """'(n = 5)' that never breaks across lines."""
    return f"(n{NBSP}={NBSP}{value})"


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


def _reasons(c: PrismaCounts, reasons: dict[str, int]) -> list[str]:
    return [
        f"  {c.reason_label(k)} {_n(v)}"
        for k, v in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def _database_lines(c: PrismaCounts) -> list[str]:
    """A line per database, each followed by the stored searches run in it and, beside them,
    the records imported from files into it (so the lines under a database add up to it)."""
    db_of = {s: c.search_databases.get(s, "").casefold() for s in c.searches}
    files = c.imported_beside_searches()
    lines: list[str] = []
    for name, n in c.databases.items():
        lines.append(f"  {name} {_n(n)}")
        lines += [
            f"    search {s} {_n(v)}" for s, v in c.searches.items() if db_of[s] == name.casefold()
        ]
        if files.get(name):
            lines.append(f"    imported files {_n(files[name])}")
    known = {name.casefold() for name in c.databases}
    lines += [f"    search {s} {_n(v)}" for s, v in c.searches.items() if db_of[s] not in known]
    return lines


Cell = list[str] | None
Row = tuple[str, list[Cell]]  # (phase, one cell per column)


def _excluded(c: PrismaCounts, f: Flow) -> tuple[list[str], list[str]]:
    """The excluded boxes of a column: at title/abstract, and at full text."""
    excl = [
        f"Records excluded {_n(sum(f.excluded_screening.values()))}"
        + (":" if f.excluded_screening else ""),
        *_reasons(c, f.excluded_screening),
    ]
    if f.awaiting_screening:
        excl.append(f"Awaiting a decision {_n(f.awaiting_screening)}")
    ft_excl = [
        f"Reports excluded {_n(sum(f.excluded_full_text.values()))}"
        + (":" if f.excluded_full_text else ""),
        *_reasons(c, f.excluded_full_text),
    ]
    if f.awaiting_full_text:
        ft_excl.append(f"Awaiting a decision {_n(f.awaiting_full_text)}")
    return excl, ft_excl


def _flow_rows(c: PrismaCounts, f: Flow) -> list[tuple[str, list[str], list[str]]]:
    """(phase, main box, box beside it) from records screened down to reports assessed."""
    excl, ft_excl = _excluded(c, f)
    return [
        ("Screening", [f"Records screened {_n(f.screened)}"], excl),
        (
            "Screening",
            [f"Reports sought for retrieval {_n(f.sought)}"],
            [f"Reports not retrieved {_n(f.not_retrieved)}"],
        ),
        ("Screening", [f"Reports assessed for eligibility {_n(f.assessed)}"], ft_excl),
    ]


def _rows(c: PrismaCounts) -> list[Row]:
    """(phase, cells) per row of the diagram: two columns (the flow and the boxes beside it),
    or four when there are other methods (PRISMA 2020's second column, its own two); in an
    update, a last cell for the "Previous studies" column (its one box, in the first row)."""
    databases, other = c.columns()
    # an update's flow counts only the records stored since its version (see .update)
    since = f" since version {c.version}" if c.update else ""
    ident = [f"Records identified{since} from:", *_database_lines(c)]
    if not c.databases and not c.other_sources:
        ident.append("  no records yet (n = 0)")
    ident.append(f"Total {_n(sum(c.databases.values()))}" if other else f"Total {_n(c.identified)}")
    # the template's three lines; reviewkit's dedup (rules, then persons) is the only removal
    removed = ["Records removed before screening:"]
    removed.append(f"  Duplicate records removed {_n(databases.duplicates)}")
    if other is None:  # the split is of all duplicates; prisma.csv has it in both layouts
        removed += [
            f"    automatically {_n(c.duplicates_automatic)}",
            f"    by hand {_n(c.duplicates_manual)}",
        ]
    removed += [
        f"  Records marked as ineligible by automation tools {_n(0)}",
        f"  Records removed for other reasons {_n(0)}",
    ]
    flow = _flow_rows(c, databases)
    if other is None:
        rows: list[Row] = [("Identification", [ident, removed])]
        rows += [(phase, [main, side]) for phase, main, side in flow]
    else:
        other_ident = [f"Records identified{since} from:"]
        other_ident += [f"  {k} {_n(v)}" for k, v in c.other_sources.items()]
        other_ident.append(f"Total {_n(sum(c.other_sources.values()))}")
        other_removed = [
            "Records removed before screening:",
            f"  Already identified via databases and registers {_n(other.also_in_databases)}",
            # an update's record of a study found before its version (also by other methods)
            *([f"  Identified before version {c.version} {_n(other.found_before)}"] * c.update),
            f"  Duplicate records removed {_n(other.duplicates)}",
        ]
        rows = [("Identification", [ident, removed, other_ident, other_removed])]
        rows += [
            (phase, [main, side, o_main, o_side])
            for (phase, main, side), (_, o_main, o_side) in zip(
                flow, _flow_rows(c, other), strict=True
            )
        ]
    width = len(rows[0][1])
    rows += [(p, [*cells, *[None] * width][:width]) for p, cells in _included_rows(c)]
    if c.update:  # the template's "Previous studies" column: its box beside identification
        rows = [
            (p, [*cells, _previous(c) if i == 0 else None]) for i, (p, cells) in enumerate(rows)
        ]
    return rows


def _included_rows(c: PrismaCounts) -> list[tuple[str, list[Cell]]]:
    """The included boxes: one for every source, as in the template (both columns end in it);
    in an update the new studies, then the total (the previous version's box points into it)."""
    if c.studies_included is not None:
        return _study_rows(c)
    if c.update:
        return [
            ("Included", [[f"New studies included in review {_n(c.flow.included)}"]]),
            ("Included", [[f"Total studies included in review {_n(c.included)}"]]),
        ]
    return [("Included", [[f"Studies included in review {_n(c.included)}"]])]


def _previous(c: PrismaCounts) -> list[str]:
    """The update's "Previous studies" box: the counts recorded with the version (studies, and
    their reports when reports are grouped into studies), and lines for what changed since."""
    if c.studies_included is None:
        return [
            f"Studies included in previous version of review {_n(c.previous_included)}",
            *_still(c.previous_included, c.still_included, "studies"),
            *_since(c.since_included, "studies"),
        ]
    return [
        f"Studies included in previous version of review {_n(c.previous_studies)}",
        f"Reports of studies included in previous version of review {_n(c.previous_included)}",
        *_still(c.previous_studies, c.still_studies, "studies"),
        *_still(c.previous_included, c.still_included, "reports"),
        *_since(c.since_studies, "studies"),
        *_since(c.since_included, "reports"),
    ]


def _since(n: int, what: str) -> list[str]:
    """A line under the previous version's box for the studies of its records that it did not
    include (still being screened then) and that are included now: in the total, not the flow."""
    return [f"  {what} of its records included since {_n(n)}"] if n else []


def _still(recorded: int, now: int, what: str) -> list[str]:
    """A line under the previous version's box when some of its studies are no longer included
    (excluded or merged since it was recorded): the recorded count stays PRISMA's number."""
    return [] if recorded == now else [f"  of these {what} still included {_n(now)}"]


def _study_rows(c: PrismaCounts) -> list[tuple[str, list[Cell]]]:
    """The included boxes when reports are grouped into studies: PRISMA 2020's wording, studies
    then the reports of those studies, in each box."""
    total = [
        f"Studies included in review {_n(c.studies_included or 0)}",
        f"Reports of included studies {_n(c.included)}",
    ]
    if not c.update:
        return [("Included", [total])]
    new = [
        f"New studies included in review {_n(c.new_studies)}",
        f"Reports of new included studies {_n(c.flow.included)}",
    ]
    if c.new_reports_of_earlier:
        new.append(
            f"  of which new reports of studies included before {_n(c.new_reports_of_earlier)}"
        )
    total = [
        f"Total studies included in review {_n(c.studies_included or 0)}",
        f"Reports of total included studies {_n(c.included)}",
    ]
    return [("Included", [new]), ("Included", [total])]


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
    rows = _rows(c)
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


def _draw_heading(ax: Any, b: Box) -> None:
    """A column heading: a rounded coloured bar, bold text centred (yellow over databases and
    registers, grey over other methods and over previous studies, as in the template)."""
    colour = HEAD_COLOURS["databases" if b.col == 0 else "other"]
    _draw_bar(ax, b, colour, "#7f7f7f", fontsize=FONT_PT, linespacing=1.2)


def _note(note: str) -> tuple[str, float]:
    """A note for under the diagram (e.g. who screened) wrapped to the page, and its height."""
    if not note:
        return "", 0.0
    text = textwrap.fill(note, WRAP_NOTE)
    return text, (text.count("\n") + 1) * LINE_H + 2 * PAD


def _into_included(ax: Any, last: Box, included: Box) -> None:
    """The other methods' last box into "Studies included" (the template's elbow): down to the
    gap above the included box, across, and down into it, right of the flow's own arrow."""
    x, gap_y = last.x + last.w / 2, included.y + included.h + ROW_GAP / 2
    end_x = included.x + included.w * 0.8
    ax.plot([x, x, end_x], [last.y, gap_y, gap_y], color="black", lw=0.8)
    ax.annotate(
        "",
        xy=(end_x, included.y + included.h),
        xytext=(end_x, gap_y),
        arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 0.8},
    )


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


def _draw_path(ax: Any, points: list[tuple[float, float]]) -> None:
    """Lines through ``points``, an arrow head on the last segment."""
    xs, ys = zip(*points[:-1], strict=True)
    ax.plot(xs, ys, color="black", lw=0.8)
    ax.annotate(
        "",
        xy=points[-1],
        xytext=points[-2],  # from the corner itself: the line turns there without a gap
        arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 0.8, "shrinkA": 0},
    )


def _draw_phase(ax: Any, b: Box) -> None:
    """A phase label (Identification, Screening, Included): a rounded blue bar, text upright."""
    _draw_bar(ax, b, "#9ecae1", "#3182bd", rotation=90, fontsize=FONT_PT + 0.5)


def _draw_bar(ax: Any, b: Box, face: str, edge: str, **text: Any) -> None:
    """A rounded bar with its text bold and centred (``text``: matplotlib text options)."""
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(
        FancyBboxPatch(
            (b.x, b.y),
            b.w,
            b.h,
            boxstyle="round,pad=0,rounding_size=0.06",
            facecolor=face,
            edgecolor=edge,
            linewidth=0.8,
        )
    )
    ax.text(
        b.x + b.w / 2, b.y + b.h / 2, b.text, ha="center", va="center", fontweight="bold", **text
    )


def draw(c: PrismaCounts, path: Path, note: str = "") -> Path:
    """Draw the flow diagram at A4 width, ``note`` under it; PNG or SVG from the file suffix."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyBboxPatch

    boxes, height = layout(c)
    note_text, note_h = _note(note)
    fig = plt.figure(figsize=(PAGE_W, height + note_h), dpi=150)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, PAGE_W)
    ax.set_ylim(-note_h, height)
    ax.axis("off")
    ax.text(0.1, -PAD / 2, note_text, ha="left", va="top", fontsize=FONT_PT, style="italic")
    flow = [b for b in boxes if b.kind == "box" and b.col in (0, 2)]
    for b in boxes:
        if b.kind == "phase":
            _draw_phase(ax, b)
            continue
        if b.kind == "heading":
            _draw_heading(ax, b)
            continue
        ax.add_patch(
            FancyBboxPatch(
                (b.x, b.y),
                b.w,
                b.h,
                boxstyle="square,pad=0",
                facecolor="white",
                edgecolor="black",
                linewidth=0.8,
            )
        )
        ax.text(
            b.x + PAD,
            b.y + b.h - PAD,
            b.text,
            ha="left",
            va="top",
            fontsize=b.font,
            linespacing=1.2,
        )
        if b.kind == "box" and b.col in (1, 3):  # beside the flow: an arrow from its row's box
            main = next(
                m
                for m in flow
                if m.col == b.col - 1 and abs((m.y + m.h / 2) - (b.y + b.h / 2)) < 1e-6
            )
            ax.annotate(
                "",
                xy=(b.x, b.y + b.h / 2),
                xytext=(main.x + main.w, b.y + b.h / 2),
                arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 0.8},
            )
    for col in (0, 2):
        column = [b for b in flow if b.col == col]
        for upper, lower in zip(column, column[1:], strict=False):
            ax.annotate(
                "",
                xy=(lower.x + lower.w / 2, lower.y + lower.h),
                xytext=(upper.x + upper.w / 2, upper.y),
                arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 0.8},
            )
    other = [b for b in flow if b.col == 2]
    if other:
        below = [b for b in flow if b.col == 0 and b.y + b.h < other[-1].y]
        _into_included(ax, other[-1], max(below, key=lambda b: b.y))
    if c.update:
        _draw_path(ax, previous_arrow(boxes))
    from reviewkit import outputs

    return outputs.save_figure(fig, path)
