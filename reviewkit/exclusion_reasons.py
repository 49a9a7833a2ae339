"""Exclusion reason codes with a meaning of their own to the counts, one place for both users:
the PRISMA flow (reports.prisma.methods) and reviewer agreement (agreement)."""

from __future__ import annotations

# full-text excludes with one of these reason codes are PRISMA's "reports not retrieved" (the
# template's box between "sought" and "assessed"), not reports assessed and excluded; agreement
# leaves them out too, as no reviewer judged a report none of them saw
NOT_RETRIEVED_REASONS = ("no-full-text", "not-retrieved")
