"""The order of a reviewer's queue: a seeded random order that stays stable as studies are
added, and the undecided part reordered by a ranking (:class:`reviewkit.ranking.queue.QueueRanker`)
with what the reviewer has seen kept in place.

Plain functions on lists of study ids; :class:`reviewkit.screening.queue.ReviewerQueue` holds
the queue and calls them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence


def seeded_order(study_ids: list[int], seed: int, reviewer: str, stage: str) -> list[int]:
    """A random order that is stable per (seed, reviewer, stage), even when studies are added.

    Each study's sort key is a SplitMix64 hash of its id mixed with the (seed, reviewer, stage)
    key, so a study's place relative to the others never depends on which others exist.
    """
    salt = int.from_bytes(
        hashlib.blake2b(f"{seed}:{reviewer}:{stage}".encode(), digest_size=8).digest(), "big"
    )
    return sorted(study_ids, key=lambda study: _splitmix64(study + salt))


_MASK64 = (1 << 64) - 1


def _splitmix64(x: int) -> int:
    z = (x + 0x9E3779B97F4A7C15) & _MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
    return z ^ (z >> 31)


def reorder_undecided(
    studies: list[int],
    index: dict[int, int],
    decided: Collection[int],
    ranking: Sequence[int],
    start: int,
    keep: Collection[int] = (),
    window: int | None = None,
) -> bool:
    """Fill the places from ``start`` on that hold a movable study (not in ``decided`` nor in
    ``keep``) in ``ranking``'s order, the studies it does not name following in their present
    order; ``studies`` and ``index`` (study -> position) are changed in place. With ``window``
    only the first ``window`` movable places are filled that way: the studies they held take
    the places the chosen ones left. Returns True when the order changed (the contract is
    :meth:`reviewkit.screening.queue.ReviewerQueue.reorder_remaining`'s)."""
    limit = len(studies) if window is None else window
    slots = []
    for pos in range(start, len(studies)):
        if studies[pos] not in decided and studies[pos] not in keep:
            slots.append(pos)
            if len(slots) >= limit:
                break
    if not slots:
        return False
    chosen: list[int] = []
    taken: set[int] = set()
    for candidates in (ranking, studies[start:]):  # the ranking first, then the present order
        for study in candidates:
            if len(chosen) == len(slots):
                break
            pos = index.get(study)
            if pos is None or pos < start or study in taken or study in decided or study in keep:
                continue
            taken.add(study)
            chosen.append(study)
    slot_set = set(slots)
    left = sorted(index[s] for s in chosen if index[s] not in slot_set)  # places the chosen leave
    displaced = [studies[p] for p in slots if studies[p] not in taken]  # in their present order
    changes = list(zip(slots, chosen, strict=True)) + list(zip(left, displaced, strict=True))
    changed = False
    for pos, study in changes:
        if studies[pos] != study:
            studies[pos] = study
            index[study] = pos
            changed = True
    return changed
