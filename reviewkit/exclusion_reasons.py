"""Exclusion reason codes with a meaning of their own to the counts, one place for both users:
the PRISMA flow (reports.prisma.methods) and reviewer agreement (agreement).

A full-text exclude whose reason says the report was not retrieved is PRISMA's "reports not
retrieved" (the template's box between "sought" and "assessed"), not a report assessed and
excluded; agreement leaves such votes out too, as no reviewer judged a report they never saw.
Which reasons say so: the two codes of :data:`NOT_RETRIEVED_REASONS` in any protocol, and
every reason a protocol marks ``not_retrieved = true``, its own wording of it ("no-access",
"not-available", "paywalled", ...): ``reviewkit.protocol.Stage.not_retrieved_codes``. A
protocol names its reasons as it likes; guessing the meaning from a code's or label's words
would count a reason wrongly in PRISMA's flow the day a protocol words it otherwise, so the
protocol says it.
"""

from __future__ import annotations

# read as 'not retrieved' in every protocol (the codes the shipped protocols and the demo use);
# a stage's own marked reasons join them in reviewkit.protocol.Stage.not_retrieved_codes
NOT_RETRIEVED_REASONS = ("no-full-text", "not-retrieved")
