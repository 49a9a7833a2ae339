"""PRISMA 2020 flow: the counts from the database, a check that they add up, and the diagram.

:func:`collect_counts` is the only function that reads the project; :func:`check` and
:func:`draw` work on a :class:`PrismaCounts`, so both can be tested on numbers made by hand.

Where each number comes from:

- records identified: per database and per stored search, the records its runs stored
  (``reviewkit.searches.identification_counts``; what each latest run retrieved is in the CSV);
  per other source, the records of imported files, by their source name;
- duplicates removed: records minus studies (duplicate clusters); "automatically" is what the
  rule links alone would have removed, "by hand" the rest (links made by a person);
- records screened: every study at the title-abstract stage; excluded there, per reason;
  studies still awaiting a decision (pending or in conflict) are shown, not hidden;
- reports sought: studies sent on to full text; not retrieved: full-text excludes whose reason
  code is one of ``NOT_RETRIEVED_REASONS``; assessed: the rest; excluded per reason; included.

The update variant (PRISMA 2020 "updated review") is drawn when searches were rerun and found
new records: studies included whose every record was found before the latest runs count as
"included in the previous version", the others as new.
"""

from __future__ import annotations

import csv
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

NOT_RETRIEVED_REASONS = ("no-full-text", "not-retrieved")


@dataclass
class PrismaCounts:
    """Every number of the flow diagram."""

    databases: dict[str, int] = field(default_factory=dict)  # records per database
    searches: dict[str, int] = field(
        default_factory=dict
    )  # records stored per search (all its runs)
    retrieved: dict[str, int] = field(
        default_factory=dict
    )  # hits of each search's latest run (CSV only)
    other_sources: dict[str, int] = field(default_factory=dict)  # records per imported source
    duplicates_automatic: int = 0
    duplicates_manual: int = 0
    screened: int = 0  # studies at the title-abstract stage
    excluded_screening: dict[str, int] = field(default_factory=dict)  # reason -> studies
    awaiting_screening: int = 0  # pending or in conflict at title-abstract
    sought: int = 0  # studies sent to full text
    not_retrieved: int = 0
    assessed: int = 0
    excluded_full_text: dict[str, int] = field(default_factory=dict)
    awaiting_full_text: int = 0
    included: int = 0
    reason_labels: dict[str, str] = field(default_factory=dict)  # reason code -> label
    update: bool = False
    new_records: int = 0  # records first found by the latest run of a search
    previous_included: int = 0
    new_included: int = 0

    @property
    def identified(self) -> int:
        return sum(self.databases.values()) + sum(self.other_sources.values())

    @property
    def duplicates(self) -> int:
        return self.duplicates_automatic + self.duplicates_manual

    def rows(self) -> list[tuple[str, str, int]]:
        """(section, item, count) for the CSV; the same numbers as the diagram."""
        out = [("identification", f"database: {k}", v) for k, v in self.databases.items()]
        out += [("identification", f"search: {k}", v) for k, v in self.searches.items()]
        out += [
            ("identification", f"search: {k} (retrieved by its latest run)", v)
            for k, v in self.retrieved.items()
        ]
        out += [("identification", f"other source: {k}", v) for k, v in self.other_sources.items()]
        out += [
            ("identification", "records identified", self.identified),
            ("identification", "duplicates removed automatically", self.duplicates_automatic),
            ("identification", "duplicates removed by hand", self.duplicates_manual),
            ("screening", "records screened", self.screened),
            ("screening", "records excluded", sum(self.excluded_screening.values())),
        ]
        out += [
            ("screening", f"excluded: {self._reason(k)}", v)
            for k, v in self.excluded_screening.items()
        ]
        out += [
            ("screening", "awaiting title-abstract decision", self.awaiting_screening),
            ("screening", "reports sought for retrieval", self.sought),
            ("screening", "reports not retrieved", self.not_retrieved),
            ("screening", "reports assessed for eligibility", self.assessed),
            ("screening", "reports excluded", sum(self.excluded_full_text.values())),
        ]
        out += [
            ("screening", f"full text excluded: {self._reason(k)}", v)
            for k, v in self.excluded_full_text.items()
        ]
        out += [
            ("screening", "awaiting full-text decision", self.awaiting_full_text),
            ("included", "studies included", self.included),
        ]
        if self.update:
            out += [
                ("included", "new records in update", self.new_records),
                ("included", "studies included in previous version", self.previous_included),
                ("included", "new studies included", self.new_included),
            ]
        return out

    def _reason(self, code: str) -> str:
        return self.reason_labels.get(code, code)


def check(c: PrismaCounts) -> list[str]:
    """Every way the numbers fail to add up (an empty list when they do)."""
    problems = []

    def same(what: str, left: int, right: int) -> None:
        if left != right:
            problems.append(f"{what}: {left} != {right}")

    same("identified - duplicates = screened", c.identified - c.duplicates, c.screened)
    same(
        "screened = excluded + awaiting + sought",
        c.screened,
        sum(c.excluded_screening.values()) + c.awaiting_screening + c.sought,
    )
    same("sought = not retrieved + assessed", c.sought, c.not_retrieved + c.assessed)
    same(
        "assessed = excluded + awaiting + included",
        c.assessed,
        sum(c.excluded_full_text.values()) + c.awaiting_full_text + c.included,
    )
    if c.update:
        same("included = previous + new", c.included, c.previous_included + c.new_included)
    for _, name, value in c.rows():
        if value < 0:
            problems.append(f"{name} is negative ({value})")
    return problems


# --- collecting from the project -------------------------------------------------------------


def collect_counts(project) -> PrismaCounts:
    """The flow's numbers from the project database (the only function here that reads it)."""
    import networkx as nx

    from reviewkit import screening
    from reviewkit.store import duplicates as dup
    from reviewkit.store import records as record_rows

    db = project.db
    c = PrismaCounts()
    ident = _identification(db)
    c.databases = dict(ident.get("databases", {}))
    c.searches = dict(ident.get("searches", {}))
    c.retrieved = dict(ident.get("retrieved", {}))
    for imp in record_rows.list_imports(db):
        c.other_sources[imp.source] = c.other_sources.get(imp.source, 0) + imp.record_count
    canon = dup.canonical_map(db)
    total, studies = len(canon), len(set(canon.values()))
    rule_graph = nx.Graph()
    rule_graph.add_nodes_from(canon)
    rule_graph.add_edges_from(
        (lk.record_a, lk.record_b)
        for lk in dup.current_links(db, "duplicate")
        if lk.made_by.startswith("rule:")
    )
    c.duplicates_automatic = total - nx.number_connected_components(rule_graph)
    c.duplicates_manual = (total - studies) - c.duplicates_automatic

    proto = project.protocol
    for stage in proto.stages.values():
        c.reason_labels.update({r.code: r.label for r in stage.exclusion_reasons})
    stages = screening.stage_names(proto)
    first = screening.stage_counts(project, stages[0])
    c.screened = first.total
    c.excluded_screening = dict(first.excluded_by_reason)
    c.awaiting_screening = first.pending + first.conflicts
    c.sought = first.included
    if len(stages) > 1:
        last = screening.stage_counts(project, stages[-1])
        excluded = dict(last.excluded_by_reason)
        c.not_retrieved = sum(excluded.pop(code, 0) for code in NOT_RETRIEVED_REASONS)
        c.assessed = c.sought - c.not_retrieved
        c.excluded_full_text = excluded
        c.awaiting_full_text = last.pending + last.conflicts
        c.included = last.included
    else:
        c.assessed = c.included = c.sought
    new_ids = set(ident.get("new_record_ids", ()))
    if new_ids:
        c.update = True
        c.new_records = len(new_ids)
        members: dict[int, list[int]] = {}
        for rid, canonical in canon.items():
            members.setdefault(canonical, []).append(rid)
        included = screening.included(project)
        c.new_included = sum(1 for s in included if any(r in new_ids for r in members.get(s, [s])))
        c.previous_included = len(included) - c.new_included
    return c


def _identification(db) -> dict:
    """Per-database and per-search counts, and which records are new in the latest runs."""
    from reviewkit.searches import identification_counts

    ident = identification_counts(db)
    return {
        "databases": dict(ident.databases),
        "searches": {s.search: s.records for s in ident.searches},
        "retrieved": {s.search: s.count for s in ident.searches},
        "new_record_ids": list(ident.new_record_ids) if ident.is_update else [],
    }


# --- the CSV and the diagram -----------------------------------------------------------------


def write_csv(c: PrismaCounts, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["section", "item", "count"])
        w.writerows(c.rows())
    return path


@dataclass(frozen=True)
class Box:
    x: float  # inches from the left
    y: float  # inches from the bottom (lower edge)
    w: float
    h: float
    text: str
    kind: str = "box"  # box | side (beside the flow, no arrow) | phase

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


NBSP = "\u00a0"


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
        f"  {c._reason(k)} {_n(v)}"
        for k, v in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def _rows(c: PrismaCounts) -> list[tuple[str, list[str], list[str] | None]]:
    """(phase, left box lines, right box lines or None) per row of the diagram.

    A right box whose first line starts with '=' sits beside the flow (no arrow to it).
    """
    ident = ["Records identified from:"]
    ident += [f"  {k} {_n(v)}" for k, v in c.databases.items()]
    if c.searches:
        ident += [f"    search {k} {_n(v)}" for k, v in c.searches.items()]
    ident += [f"  {k} {_n(v)}" for k, v in c.other_sources.items()]
    if not c.databases and not c.other_sources:
        ident.append("  no records yet (n = 0)")
    ident.append(f"Total {_n(c.identified)}")
    if c.update:
        ident.append(f"of which new in this update {_n(c.new_records)}")
    removed = [
        "Records removed before screening:",
        f"  Duplicates removed automatically {_n(c.duplicates_automatic)}",
        f"  Duplicates removed by hand {_n(c.duplicates_manual)}",
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
    rows: list[tuple[str, list[str], list[str] | None]] = [
        ("Identification", ident, removed),
        ("Screening", [f"Records screened {_n(c.screened)}"], excl),
        (
            "Screening",
            [f"Reports sought for retrieval {_n(c.sought)}"],
            [f"Reports not retrieved {_n(c.not_retrieved)}"],
        ),
        ("Screening", [f"Reports assessed for eligibility {_n(c.assessed)}"], ft_excl),
    ]
    if c.update:
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
        side = bool(right) and right[0].startswith("=")
        if side:
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
                Box(RIGHT_X, 0, RIGHT_W, rh * LINE_H + 2 * PAD, rt, "side" if side else "box")
                if right
                else None,
            )
        )
    total = sum(heights) + ROW_GAP * (len(heights) - 1) + 0.5
    y_top = total - 0.25
    boxes: list[Box] = []
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


def draw(c: PrismaCounts, path: Path) -> Path:
    """Draw the flow diagram at A4 width; PNG or SVG from the file suffix."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyBboxPatch

    boxes, height = layout(c)
    fig = plt.figure(figsize=(PAGE_W, height), dpi=150)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, PAGE_W)
    ax.set_ylim(0, height)
    ax.axis("off")
    mains = [b for b in boxes if b.kind == "box" and b.x == LEFT_X]
    for b in boxes:
        if b.kind == "phase":
            ax.add_patch(
                FancyBboxPatch(
                    (b.x, b.y),
                    b.w,
                    b.h,
                    boxstyle="round,pad=0,rounding_size=0.06",
                    facecolor="#9ecae1",
                    edgecolor="#3182bd",
                    linewidth=0.8,
                )
            )
            ax.text(
                b.x + b.w / 2,
                b.y + b.h / 2,
                b.text,
                rotation=90,
                ha="center",
                va="center",
                fontsize=FONT_PT + 0.5,
                fontweight="bold",
            )
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
            fontsize=FONT_PT,
            linespacing=1.2,
        )
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
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path
