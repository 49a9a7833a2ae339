"""Why a rule linked or queued a pair, in one wording for the review screen and the report."""

from __future__ import annotations

from reviewkit.dedup.rules import RULES

# matching.py queues a duplicate the chaining guard refused under 'chain_guard:<rule>'.
CHAIN_GUARD = "chain_guard:"

_WHY = {rule.name: rule.why for rule in RULES}


def rule_why(name: str, guard: str = "") -> str | None:
    """The one-line reason of rule ``name`` (as queued or as a link's maker); for a merge the
    chaining guard held back, the rule that wanted it and why it was held back (``guard``: the
    guard's own reason as stored with the pair, e.g. 'different PMIDs'); None for a name no
    longer in the table (an older link)."""
    if name.startswith(CHAIN_GUARD):
        wanted = name.removeprefix(CHAIN_GUARD)
        if guard:
            return f"{wanted} would merge them, but the chaining guard held it back: {guard}"
        # cluster.GuardedClusters.conflict: the two sides hold different PMIDs, PMCIDs or DOIs,
        # very different titles, or records a person said differ. Short: it is a border title.
        return (
            f"{wanted} would merge them, but a record already in a cluster differs (chaining guard)"
        )
    return _WHY.get(name)
