"""Why a rule linked or queued a pair, in one wording for the review screen and the report."""

from __future__ import annotations

from reviewkit.dedup.rules import RULES

# matching.py queues a duplicate the chaining guard refused under 'chain_guard:<rule>'.
CHAIN_GUARD = "chain_guard:"

_WHY = {rule.name: rule.why for rule in RULES}


def rule_why(name: str, guard: str = "") -> str | None:
    """The one-line reason of rule ``name`` (as queued or as a link's maker); for a merge the
    chaining guard held back, why it was held back (``guard``: the guard's own reason as stored
    with the pair, e.g. 'different PMIDs'); None for a name no longer in the table (an older
    link). Each fits the review pane's top border at 80 columns, after 'why: '."""
    if name.startswith(CHAIN_GUARD):
        # the rule that wanted the merge is named beside this, by 'chain_guard:<rule>' (the
        # screen's bottom border, the report's rule column); naming it here too made the line
        # longer than the pane's top border at 80 columns ("…would merge them, but the chaining
        # gua…"), the guard's reason, what a person decides on, cut off
        # cluster.GuardedClusters.conflict: the two sides hold different PMIDs, PMCIDs or DOIs,
        # very different titles, or records a person said differ
        return f"merge held back by the chaining guard: {guard or 'a record in a cluster differs'}"
    return _WHY.get(name)
