"""The ranker on a constructed separable set: includes first, random order until ready."""

from __future__ import annotations

import numpy as np
import pytest

from reviewkit.ranking.ranker import Ranker, record_text, stable_random_order


def _split(records):
    texts = [record_text(t, a) for t, a, _ in records]
    labels = [y for _, _, y in records]
    return texts, labels


def _first(labels, value, k):
    return [i for i, y in enumerate(labels) if y == value][:k]


def test_ranks_includes_first_after_five_and_five(records):
    texts, labels = _split(records)
    ranker = Ranker(texts)
    seen = _first(labels, 1, 5) + _first(labels, 0, 5)
    assert ranker.fit({i: bool(labels[i]) for i in seen}) is True
    queue = stable_random_order([i for i in range(len(texts)) if i not in seen], seed=3)
    order = ranker.rank(queue)
    assert sorted(order) == sorted(queue)
    y = np.array([labels[i] for i in order])
    half = len(order) // 2
    assert y[:half].sum() / y.sum() > 0.9  # recall after screening half the queue
    # all remaining includes come before 95 % recall would need under random order
    n95 = int(np.argmax(np.cumsum(y) >= 0.95 * y.sum())) + 1
    assert (len(y) - n95) / len(y) - 0.05 > 0.5  # WSS@95 far above random's 0


def test_keeps_the_given_order_until_ready(records):
    texts, labels = _split(records)
    ranker = Ranker(texts)
    seen = _first(labels, 1, 4) + _first(labels, 0, 20)  # only 4 includes: not ready
    assert ranker.fit({i: bool(labels[i]) for i in seen}) is False
    assert not ranker.ready
    queue = stable_random_order(range(len(texts)), seed=1)
    assert ranker.rank(queue) == queue


def test_dropping_below_the_rule_restores_random_order(records):
    texts, labels = _split(records)
    ranker = Ranker(texts)
    decided = {i: bool(labels[i]) for i in _first(labels, 1, 5) + _first(labels, 0, 5)}
    assert ranker.fit(decided)
    decided.pop(_first(labels, 1, 1)[0])  # an undo
    assert not ranker.fit(decided)
    queue = list(range(len(texts)))
    assert ranker.rank(queue) == queue


def test_unknown_ids_go_last_and_are_ignored_in_fit(records):
    texts, labels = _split(records)
    ranker = Ranker(texts, ids=[100 + i for i in range(len(texts))])
    decided = {100 + i: bool(labels[i]) for i in _first(labels, 1, 5) + _first(labels, 0, 5)}
    decided[9999] = True  # not in the corpus
    assert ranker.fit(decided)
    order = ranker.rank([9998, 100, 101])
    assert order[-1] == 9998 and sorted(order[:2]) == [100, 101]


def test_stable_random_order_depends_only_on_seed_and_id():
    a = stable_random_order(range(50), seed=1)
    assert a == stable_random_order(list(reversed(range(50))), seed=1)
    assert a != stable_random_order(range(50), seed=2)
    assert sorted(a) == list(range(50))
    without = stable_random_order([i for i in range(50) if i != a[0]], seed=1)
    assert without == a[1:]  # removing a record never reshuffles the rest


def test_ids_must_match_rows():
    with pytest.raises(ValueError):
        Ranker(["a b", "c d"], ids=[1])


def test_all_empty_texts_do_not_crash():
    ranker = Ranker([""] * 12, min_includes=1, min_excludes=1)
    assert ranker.fit({0: True, 1: False})
    assert sorted(ranker.rank(list(range(2, 12)))) == list(range(2, 12))


def test_all_scores_are_every_row_in_id_order(records):
    texts, labels = _split(records)
    ids = [500 + i for i in range(len(texts))]
    ranker = Ranker(texts, ids=ids)
    with pytest.raises(RuntimeError):
        ranker.all_scores()
    assert ranker.fit(
        {500 + i: bool(labels[i]) for i in _first(labels, 1, 5) + _first(labels, 0, 5)}
    )
    every = ranker.all_scores()
    assert every.shape == (len(texts),)
    np.testing.assert_array_equal(ranker.scores([ids[7], ids[3]]), every[[7, 3]])
    assert np.corrcoef(every, labels)[0, 1] > 0.5  # includes score high


def test_refits_are_reproducible(records):
    texts, labels = _split(records)
    decided = {i: bool(labels[i]) for i in _first(labels, 1, 8) + _first(labels, 0, 40)}
    a, b = Ranker(texts), Ranker(texts)
    a.fit(decided)
    b.fit(decided)
    np.testing.assert_array_equal(a.all_scores(), b.all_scores())  # liblinear's shuffling is seeded


def test_title_terms_weigh_more_than_abstract_terms():
    from reviewkit.ranking.ranker import build_features, term_counts

    texts = [record_text("sciatica", "lumbago"), record_text("other", "words"), "third text"]
    X = build_features(texts).toarray()
    _, words, _ = term_counts(texts)
    assert X[0, words.index("sciatica")] > X[0, words.index("lumbago")] > 0


def test_training_uses_one_blas_thread_and_restores_the_setting(records):
    """OpenBLAS threads spin between the ranker's small products (3-4x the CPU, same ranking):
    a fit runs with one thread, and the process's setting is back afterwards."""
    from threadpoolctl import threadpool_info, threadpool_limits

    def blas_threads() -> set[int]:
        return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}

    seen = []

    class Recording:
        def fit(self, X, y):
            seen.append(blas_threads())
            return self

        def decision_function(self, X):
            seen.append(blas_threads())
            return np.zeros(X.shape[0])

    texts, labels = _split(records)
    ranker = Ranker(texts, min_includes=1, min_excludes=1, model_factory=Recording)
    with threadpool_limits(limits=2, user_api="blas"):
        assert ranker.fit({i: bool(y) for i, y in enumerate(labels[:20])})
        ranker.all_scores()
        assert blas_threads() == {2}
    assert seen == [{1}, {1}]
