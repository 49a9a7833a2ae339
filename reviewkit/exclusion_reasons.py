"""Exclusion reason codes with a meaning of their own to the counts, one place for both users:
the PRISMA flow (reports.prisma.methods) and reviewer agreement (agreement).

A full-text exclude whose reason says the report was not retrieved is PRISMA's "reports not
retrieved" (the template's box between "sought" and "assessed"), not a report assessed and
excluded; agreement leaves such votes out too, as no reviewer judged a report they never saw.
Which reasons say so: the two codes of :data:`NOT_RETRIEVED_REASONS` in any protocol, and
every reason a protocol marks ``not_retrieved = true`` (its own wording of it: "no-access",
"not-available", "paywalled", ...). A protocol names its reasons as it likes; guessing the
meaning from a code's or label's words would count a reason wrongly in PRISMA's flow the day
a protocol words it otherwise, so the protocol says it.
"""

from __future__ import annotations

from reviewkit.protocol import Stage

# read as 'not retrieved' in every protocol (the codes the shipped protocols and the demo use)
NOT_RETRIEVED_REASONS = ("no-full-text", "not-retrieved")


def not_retrieved_codes(stage: Stage | None) -> frozenset[str]:
    """The reason codes that say a report of ``stage`` was not retrieved: the built-in two and
    those the protocol marks ``not_retrieved = true`` there (None: the built-in two)."""
    own = {r.code for r in stage.exclusion_reasons if r.not_retrieved} if stage else set()
    return frozenset(NOT_RETRIEVED_REASONS) | own
