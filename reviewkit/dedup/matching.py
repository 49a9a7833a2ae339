"""The matching core: keys → candidate pairs → rule verdicts → guarded clusters.

It works on plain keys (nothing read or written), so the benchmark runs exactly the code
that :func:`reviewkit.dedup.engine.run_dedup` runs on a project.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from reviewkit.dedup.block import candidate_pairs
from reviewkit.dedup.cluster import GuardedClusters, guarded_merge
from reviewkit.dedup.normalise import Keys
from reviewkit.dedup.rules import compare
from reviewkit.dedup.score import DUPLICATE, UNCERTAIN, Context, PairVerdict

Progress = Callable[[int, int], None]
SHARED_DOI_TITLES = 3  # a DOI on this many different titles is a supplement's, not one paper's


@dataclass
class MatchResult:
    """What one matching pass found (nothing written yet)."""

    pairs_compared: int = 0
    rules: Counter = field(default_factory=Counter)  # rule -> pairs it decided
    accepted: list[PairVerdict] = field(default_factory=list)  # duplicate edges kept
    uncertain: list[PairVerdict] = field(default_factory=list)  # for the review queue
    refused: int = 0  # duplicate edges the chaining guard sent to review
    # (a, b) of each of them -> the guard's reason ('different PMIDs', ...: cluster.py)
    guard_reasons: dict[tuple[int, int], str] = field(default_factory=dict)


def shared_dois(keys: Iterable[Keys]) -> frozenset[str]:
    """DOIs that sit on many records with different titles (e.g. a supplement of abstracts)."""
    titles: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        if k.doi:
            titles[k.doi].add(k.title_ns[:20])
    return frozenset(doi for doi, ts in titles.items() if len(ts) >= SHARED_DOI_TITLES)


def match(
    keys: dict[int, Keys],
    new: set[int] | None = None,
    *,
    existing: Iterable[tuple[int, int, str]] = (),
    cannot_link: Iterable[tuple[int, int]] = (),
    progress: Progress | None = None,
) -> MatchResult:
    """Compare candidate pairs (only those touching ``new`` when given) and cluster them.

    ``existing`` are duplicate links already in force (kept as they are), with the rule that
    made each ('person' for a person's); ``cannot_link`` are pairs a person said are
    different — no cluster may contain both.
    """
    ctx = Context(shared_dois(keys.values()))
    guard = GuardedClusters(keys, cannot_link, ctx.shared_dois)
    for a, b, rule in existing:
        guard.join(a, b, rule)
    pairs = list(candidate_pairs(keys.values(), new))
    result = MatchResult(pairs_compared=len(pairs))
    duplicates: list[PairVerdict] = []
    uncertain: list[PairVerdict] = []
    step = max(1, len(pairs) // 100)
    for i, (a, b) in enumerate(pairs):
        verdict = compare(keys[a], keys[b], ctx)
        result.rules[verdict.rule] += 1
        if verdict.verdict == DUPLICATE:
            duplicates.append(verdict)
        elif verdict.verdict == UNCERTAIN:
            uncertain.append(verdict)
        if progress and i % step == 0:
            progress(i, len(pairs))
    accepted, refused = guarded_merge(guard, duplicates)
    result.accepted = accepted
    result.refused = len(refused)
    for edge, why in refused:
        result.guard_reasons[(edge.a, edge.b)] = why
        uncertain.append(
            PairVerdict(edge.a, edge.b, edge.score, UNCERTAIN, "chain_guard:" + edge.rule)
        )
    result.uncertain = [u for u in uncertain if guard.find(u.a) != guard.find(u.b)]
    if progress:
        progress(len(pairs), len(pairs))
    return result
