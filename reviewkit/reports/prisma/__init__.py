"""PRISMA 2020 flow: counts from the project (:mod:`.counts`) and the diagram (:mod:`.figure`)."""

from reviewkit.reports.prisma.counts import (
    NOT_RETRIEVED_REASONS,
    PrismaCounts,
    check,
    collect_counts,
    write_csv,
)
from reviewkit.reports.prisma.figure import PAGE_W, WRAP_LEFT, draw, layout, phase_label_height
from reviewkit.reports.prisma.methods import Flow

__all__ = [
    "NOT_RETRIEVED_REASONS",
    "Flow",
    "PAGE_W",
    "PrismaCounts",
    "WRAP_LEFT",
    "check",
    "collect_counts",
    "draw",
    "layout",
    "phase_label_height",
    "write_csv",
]
