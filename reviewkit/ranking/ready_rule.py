"""The ready rule of screening prioritisation: when a model, not the seeded or the protocol's
order, orders a reviewer's queue.

A module of its own, importing nothing heavy: the screen's process asks it for every status line
(:mod:`reviewkit.ranking.queue`) and must not import numpy and scipy (0.2 s) with
:mod:`reviewkit.ranking.ranker`, which re-exports it. (It stood at reviewkit's top level while the
package's ``__init__`` was the ranker and imported numpy; the ``__init__`` imports nothing now.)
"""

from __future__ import annotations

from collections.abc import Sequence

# the screen's defaults (``reviewkit.ranking.ranker``'s docstring). ASReview LAB trains as soon as its
# prior knowledge holds one relevant and one irrelevant record; we wait for five of each
MIN_INCLUDES = 5
MIN_EXCLUDES = 5


def meets_ready_rule(
    includes: int,
    excludes: int,
    min_includes: int = MIN_INCLUDES,
    min_excludes: int = MIN_EXCLUDES,
) -> bool:
    """Whether ``includes`` include and ``excludes`` exclude decisions are enough for a model:
    at least ``min_includes`` and ``min_excludes``, and one of each whatever the thresholds say
    (a classifier cannot learn from one class; a threshold of 0 made the status line say the
    model was ready while the fit still waited)."""
    return includes >= max(1, min_includes) and excludes >= max(1, min_excludes)


def label_counts(labels: Sequence[tuple[int, bool]]) -> tuple[int, int]:
    """``(includes, excludes)`` of ``(study, positive)`` labels, as the ready rule counts them."""
    positives = sum(1 for _, positive in labels if positive)
    return positives, len(labels) - positives
