"""Round 17's mixed query (benchmarks/ranking_round17.py): ASReview's max_uncertainty mix, one
pick in 20 the record scored nearest the decision value 0, the rest by score."""

from __future__ import annotations

import numpy as np

from benchmarks.ranking_round17 import EVERY, mixed_order


def test_every_twentieth_label_is_the_least_certain_record():
    rng = np.random.default_rng(0)
    scores = rng.normal(size=300)
    pool = np.arange(5, 300)  # rows 0-4 already screened
    order = mixed_order(scores, pool, n_labelled=5)
    assert sorted(order) == pool.tolist()
    uncertain = [order[j] for j in range(len(order)) if (5 + j + 1) % EVERY == 0][:3]
    nearest = pool[np.argsort(np.abs(scores[pool]), kind="stable")][:3].tolist()
    assert uncertain == nearest
    others = [r for j, r in enumerate(order[:60]) if (5 + j + 1) % EVERY]
    assert others == [r for r in pool[np.argsort(-scores[pool])].tolist() if r not in nearest][:57]


def test_the_random_mix_draws_its_picks_reproducibly_from_the_unscreened():
    scores = np.linspace(1.0, -1.0, 200)
    pool = np.arange(10, 200)
    order = mixed_order(scores, pool, n_labelled=10, random=True)
    assert order == mixed_order(scores, pool, n_labelled=10, random=True)
    assert sorted(order) == pool.tolist()
    drawn = [order[j] for j in range(60) if (10 + j + 1) % EVERY == 0]
    assert drawn != [r for r in pool.tolist() if r not in order[:9]][: len(drawn)]
    assert order[:9] == pool[:9].tolist()  # the highest scored until the 20th label
