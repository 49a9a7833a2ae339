"""The PRISMA 2020 flow diagram: boxes laid out on an A4-wide page and drawn with matplotlib.

As the PRISMA 2020 template (Page et al. 2021, BMJ 372:n71, fig. 1): a heading over the
columns, "Identification of studies via databases and registers" (and "… via other methods"
over the other methods' column when there are any), and "Records removed before screening"
listing duplicates, records marked ineligible by automation tools and records removed for other
reasons. reviewkit removes records before screening only as duplicates, so the last two are 0.

Records from other methods (citation searching, websites, organisations) get PRISMA 2020's
"identification of studies via other methods" box, beside the databases and registers. Where
we differ from the template: reviewkit deduplicates and screens every record in one flow, so
the other methods' records join the database records before screening (an arrow into "records
from all sources") instead of running down a second column of their own.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewkit.reports.prisma.counts import PrismaCounts


@dataclass(frozen=True)
class Box:
    x: float  # inches from the left
    y: float  # inches from the bottom (lower edge)
    w: float
    h: float
    text: str
    # box | side (beside the flow, no arrow) | other (other methods) | phase | heading (a column's)
    kind: str = "box"

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
# a heading over one column wraps after "via": bold, the whole heading is too wide for a column
WRAP_HEADING = 32  # "Identification of studies via" / "databases and registers"
# the template's colours: yellow over databases and registers, grey over other methods
HEAD_COLOURS = {"databases": "#ffd966", "other": "#d9d9d9"}
DATABASES_HEADING = "Identification of studies via databases and registers"
OTHER_HEADING = "Identification of studies via other methods"


NBSP = "\u00a0"
WRAP_NOTE = 120  # characters per line of the note under the diagram (A4 width at FONT_PT)


def _n(value: int) -> str:
    """'(n = 5)' that never breaks across lines."""
    return f"(n{NBSP}={NBSP}{value})"


def _wrap(lines: list[str], width: int) -> str:
    """Wrap each line to ``width``, continuing an indented line under its own indent."""
    out = []
    for line in lines:
        text = line.lstrip()
        indent = line[: len(line) - len(text)]
        out += textwrap.wrap(
            text, width, initial_indent=indent, subsequent_indent=indent + "  "
        ) or [""]
    return "\n".join(out).replace(NBSP, " ")


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


def _rows(c: PrismaCounts) -> list[tuple[str, list[str], list[str] | None]]:
    """(phase, left box lines, right box lines or None) per row of the diagram.

    A right box whose first line starts with '=' sits beside the flow (no arrow to it).
    """
    ident = [
        "Records identified from databases and registers:"
        if c.other_sources
        else "Records identified from:"
    ]
    ident += _database_lines(c)
    if not c.databases and not c.other_sources:
        ident.append("  no records yet (n = 0)")
    total = [f"Total {_n(c.identified)}"]
    if c.update:
        total.append(f"of which new in this update {_n(c.new_records)}")
    # the template's three lines; reviewkit's dedup (rules, then persons) is the only removal
    removed = [
        "Records removed before screening:",
        f"  Duplicate records removed {_n(c.duplicates)}",
        f"    automatically {_n(c.duplicates_automatic)}",
        f"    by hand {_n(c.duplicates_manual)}",
        f"  Records marked as ineligible by automation tools {_n(0)}",
        f"  Records removed for other reasons {_n(0)}",
    ]
    excl = [
        f"Records excluded {_n(sum(c.excluded_screening.values()))}"
        + (":" if c.excluded_screening else ""),
        *_reasons(c, c.excluded_screening),
    ]
    if c.awaiting_screening:
        excl.append(f"Awaiting a decision {_n(c.awaiting_screening)}")
    ft_excl = [
        f"Reports excluded {_n(sum(c.excluded_full_text.values()))}"
        + (":" if c.excluded_full_text else ""),
        *_reasons(c, c.excluded_full_text),
    ]
    if c.awaiting_full_text:
        ft_excl.append(f"Awaiting a decision {_n(c.awaiting_full_text)}")
    if c.other_sources:  # PRISMA 2020's other methods: a box of their own, then one flow
        other = ["+Records identified via other methods:"]
        other += [f"  {k} {_n(v)}" for k, v in c.other_sources.items()]
        other.append("  (screened with the records from databases)")
        head = [("Identification", ident, other)]
        head.append(
            (
                "Identification",
                ["Records from all sources " + _n(c.identified), *total[1:]],
                removed,
            )
        )
    else:
        head = [("Identification", ident + total, removed)]
    rows: list[tuple[str, list[str], list[str] | None]] = [
        *head,
        ("Screening", [f"Records screened {_n(c.screened)}"], excl),
        (
            "Screening",
            [f"Reports sought for retrieval {_n(c.sought)}"],
            [f"Reports not retrieved {_n(c.not_retrieved)}"],
        ),
        ("Screening", [f"Reports assessed for eligibility {_n(c.assessed)}"], ft_excl),
    ]
    if c.studies_included is not None:
        rows += _study_rows(c)
    elif c.update:
        rows.append(
            (
                "Included",
                [f"New studies included in review {_n(c.new_included)}"],
                [f"=Studies included in previous version of review {_n(c.previous_included)}"],
            )
        )
        rows.append(("Included", [f"Total studies included in review {_n(c.included)}"], None))
    else:
        rows.append(("Included", [f"Studies included in review {_n(c.included)}"], None))
    return rows


def _study_rows(c: PrismaCounts) -> list[tuple[str, list[str], list[str] | None]]:
    """The included boxes when reports are grouped into studies: PRISMA 2020's wording, studies
    then the reports of those studies, in each box."""
    total = [
        f"Studies included in review {_n(c.studies_included or 0)}",
        f"Reports of included studies {_n(c.included)}",
    ]
    if not c.update:
        return [("Included", total, None)]
    new = [
        f"New studies included in review {_n(c.new_studies)}",
        f"Reports of new included studies {_n(c.new_included)}",
    ]
    previous = [
        f"=Studies included in previous version of review {_n(c.previous_studies)}",
        f"Reports of studies included in previous version of review {_n(c.previous_included)}",
    ]
    total = [
        f"Total studies included in review {_n(c.studies_included or 0)}",
        f"Reports of total included studies {_n(c.included)}",
    ]
    return [("Included", new, previous), ("Included", total, None)]


def phase_label_height(phase: str) -> float:
    """Inches a rotated phase label needs (bold, a little above the box font), with a margin."""
    return len(phase) * (FONT_PT + 0.5) / 72 * 0.68 + 0.3


def layout(c: PrismaCounts) -> tuple[list[Box], float]:
    """The boxes of the diagram in inches (A4 width) and the figure height."""
    placed: list[tuple[str, Box, Box | None]] = []
    heights = []
    rows = _rows(c)
    per_phase: dict[str, int] = {}
    for phase, _, _ in rows:
        per_phase[phase] = per_phase.get(phase, 0) + 1
    for phase, left, right in rows:
        lt = _wrap(left, WRAP_LEFT)
        kind = {"=": "side", "+": "other"}.get(right[0][:1], "box") if right else "box"
        if kind != "box":
            right = [right[0][1:], *right[1:]]
        rt = _wrap(right, WRAP_RIGHT) if right else ""
        lh = lt.count("\n") + 1
        rh = rt.count("\n") + 1 if right else 0
        h = max(lh, rh) * LINE_H + 2 * PAD
        # the phase bar must be tall enough for its rotated label; the gaps between rows count too
        need = phase_label_height(phase) - ROW_GAP * (per_phase[phase] - 1)
        heights.append(max(h, need / per_phase[phase]))
        placed.append(
            (
                phase,
                Box(LEFT_X, 0, LEFT_W, lh * LINE_H + 2 * PAD, lt),
                Box(RIGHT_X, 0, RIGHT_W, rh * LINE_H + 2 * PAD, rt, kind) if right else None,
            )
        )
    heads = _headings(c)
    head_h = heads[0].h
    total = sum(heights) + ROW_GAP * (len(heights) - 1) + 0.5 + head_h + ROW_GAP
    y_top = total - 0.25
    boxes = [Box(b.x, y_top - head_h, b.w, b.h, b.text, b.kind) for b in heads]
    y_top -= head_h + ROW_GAP
    spans: dict[str, list[float]] = {}
    for (phase, left, right), h in zip(placed, heights, strict=True):
        centre = y_top - h / 2
        boxes.append(Box(left.x, centre - left.h / 2, left.w, left.h, left.text))
        if right is not None:
            boxes.append(
                Box(right.x, centre - right.h / 2, right.w, right.h, right.text, right.kind)
            )
        lo, hi = y_top - h, y_top
        span = spans.setdefault(phase, [lo, hi])
        span[0], span[1] = min(span[0], lo), max(span[1], hi)
        y_top -= h + ROW_GAP
    for phase, (lo, hi) in spans.items():
        boxes.append(Box(0.1, lo, 0.3, hi - lo, phase, "phase"))
    return boxes, total


def _headings(c: PrismaCounts) -> list[Box]:
    """The template's column headings (y = 0, placed by :func:`layout`): databases and registers
    over the whole flow, or over its left column, with "other methods" over the right one, when
    there are other methods (each heading then wrapped to its column, both the same height)."""
    if not c.other_sources:
        h = LINE_H + 2 * PAD
        return [Box(LEFT_X, 0, RIGHT_X + RIGHT_W - LEFT_X, h, DATABASES_HEADING, "heading")]
    texts = [textwrap.fill(t, WRAP_HEADING) for t in (DATABASES_HEADING, OTHER_HEADING)]
    h = max(t.count("\n") + 1 for t in texts) * LINE_H + 2 * PAD
    return [
        Box(LEFT_X, 0, LEFT_W, h, texts[0], "heading"),
        Box(RIGHT_X, 0, RIGHT_W, h, texts[1], "heading"),
    ]


def _draw_heading(ax: Any, b: Box) -> None:
    """A column heading: a rounded coloured bar, bold text centred."""
    colour = HEAD_COLOURS["other" if b.text.endswith("other methods") else "databases"]
    _draw_bar(ax, b, colour, "#7f7f7f", fontsize=FONT_PT, linespacing=1.2)


def _note(note: str) -> tuple[str, float]:
    """A note for under the diagram (e.g. who screened) wrapped to the page, and its height."""
    if not note:
        return "", 0.0
    text = textwrap.fill(note, WRAP_NOTE)
    return text, (text.count("\n") + 1) * LINE_H + 2 * PAD


def _join_the_flow(ax: Any, other: Box, mains: list[Box]) -> None:
    """The other methods' arrow into the flow, at "records from all sources" below it."""
    below = max((m for m in mains if m.y + m.h < other.y), key=lambda m: m.y)
    ax.annotate(
        "",
        xy=(below.x + below.w, below.y + below.h),
        xytext=(other.x + 0.2, other.y),
        arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 0.8},
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
    mains = [b for b in boxes if b.kind == "box" and b.x == LEFT_X]
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
                facecolor="#e8e8e8" if b.kind == "other" else "white",
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
            fontsize=FONT_PT,
            linespacing=1.2,
        )
        if b.kind == "other":
            _join_the_flow(ax, b, mains)
        if b.kind == "box" and b.x == RIGHT_X:
            main = next(m for m in mains if abs((m.y + m.h / 2) - (b.y + b.h / 2)) < 1e-6)
            ax.annotate(
                "",
                xy=(b.x, b.y + b.h / 2),
                xytext=(main.x + main.w, b.y + b.h / 2),
                arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 0.8},
            )
    for upper, lower in zip(mains, mains[1:], strict=False):
        ax.annotate(
            "",
            xy=(lower.x + lower.w / 2, lower.y + lower.h),
            xytext=(upper.x + upper.w / 2, upper.y),
            arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 0.8},
        )
    from reviewkit import outputs

    return outputs.save_figure(fig, path)
