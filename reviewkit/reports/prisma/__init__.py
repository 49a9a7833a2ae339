"""PRISMA 2020 flow: counts (:mod:`.counts`) collected from the project (:mod:`.collect`), and
the diagram: each box's words (:mod:`.box_text`), their places (:mod:`.layout`), the drawing
(:mod:`.figure`)."""

from reviewkit.reports.prisma.collect import collect_counts
from reviewkit.reports.prisma.counts import PrismaCounts, check
from reviewkit.reports.prisma.figure import draw
from reviewkit.reports.prisma.layout import PAGE_W, WRAP_LEFT, layout, phase_label_height
from reviewkit.reports.prisma.methods import Flow

__all__ = [
    "Flow",
    "PAGE_W",
    "PrismaCounts",
    "WRAP_LEFT",
    "check",
    "collect_counts",
    "draw",
    "layout",
    "phase_label_height",
]
