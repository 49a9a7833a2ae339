"""Round 14's features (benchmarks/ranking_round14.py): ``bigram_half`` keeps the kept words'
weights and halves the word pairs' part of the kernel, ``unigrams`` keeps the words alone, and
``nbr_smooth`` mixes each row with its nearest rows' weighted mean at the fixed share, so the
figures in ranking.md measure the idea and not a slip. (The tests import the benchmark as
test_round13.py does.)"""

from __future__ import annotations

import numpy as np
from ranking.conftest import make_records, write_csv
from scipy import sparse

from benchmarks import ranking_round14 as round14
from reviewkit.ranking import simulate as simulate_module
from reviewkit.ranking.features import term_counts
from reviewkit.ranking.ranker import build_features

LABEL = "label_included"


def _features(name, path):
    """The texts of the set at ``path`` and the features variant ``name`` builds for them
    inside a simulation (the set read by the simulation's own loader)."""
    with round14.features_of(name):
        texts = simulate_module._labelled(path, LABEL).texts
        return texts, simulate_module.build_features(texts)


def _pair_columns(texts):
    """True for the kept features' columns that are word pairs (after max_df's drop)."""
    counts, words, _ = term_counts(texts)
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    return (np.arange(counts.shape[1]) >= len(words))[df <= 0.95 * len(texts)]


def _unit_rows(X):
    return np.allclose(np.asarray(X.multiply(X).sum(axis=1)).ravel(), 1.0)


def test_bigram_half_halves_the_pairs_part_of_the_kernel(tmp_path):
    path = write_csv(tmp_path / "set.csv", make_records(n=60, n_includes=8))
    texts, X = _features("bigram_half", path)
    kept = build_features(texts)
    is_pair = _pair_columns(texts)
    assert X.shape == kept.shape and (X != 0).sum() == (kept != 0).sum() and _unit_rows(X)
    words, pairs = np.flatnonzero(~is_pair), np.flatnonzero(is_pair)
    row_words = np.asarray(X[:, words].multiply(X[:, words]).sum(axis=1)).ravel()
    kept_words = np.asarray(kept[:, words].multiply(kept[:, words]).sum(axis=1)).ravel()
    scale = np.sqrt(row_words / kept_words)  # each row's words scaled alike
    assert np.allclose(X[:, words].toarray(), kept[:, words].toarray() * scale[:, None])
    assert np.allclose(X[:, pairs].toarray(), kept[:, pairs].toarray() * scale[:, None] / 2**0.5)
    # so the kernel is the words' cosine part plus half the pairs' part, at unit length
    K_words = (kept[:, words] @ kept[:, words].T).toarray()
    K_pairs = (kept[:, pairs] @ kept[:, pairs].T).toarray()
    expected = (K_words + 0.5 * K_pairs) * np.outer(scale, scale)
    assert np.allclose((X @ X.T).toarray(), expected)


def test_unigrams_keeps_the_words_alone(tmp_path):
    rows = [
        ("alpha beta", "gamma delta", 1),
        ("alpha gamma", "beta", 0),
        ("epsilon", "", 0),
        ("zeta eta", "theta", 1),
    ]
    path = write_csv(tmp_path / "set.csv", rows)
    texts, X = _features("unigrams", path)
    is_pair = _pair_columns(texts)
    kept = build_features(texts)
    assert X[:, np.flatnonzero(is_pair)].nnz == 0 and _unit_rows(X)
    words = kept[:, np.flatnonzero(~is_pair)].toarray()
    words /= np.linalg.norm(words, axis=1, keepdims=True)
    assert np.allclose(X[:, np.flatnonzero(~is_pair)].toarray(), words)
    # 'alpha beta' shares its words with 'alpha gamma beta' but not its pair: the cosine is
    # the words' alone
    assert (X[0] @ X[1].T)[0, 0] > (kept[0] @ kept[1].T)[0, 0]


def test_smoothed_mixes_a_row_with_its_nearest_rows():
    X = sparse.csr_matrix(
        np.array(
            [
                [1.0, 0.0, 0.0, 0.0],
                [0.6, 0.8, 0.0, 0.0],
                [0.0, 0.8, 0.6, 0.0],
                [0.0, 0.0, 0.0, 1.0],  # shares no term: keeps itself
            ]
        )
    )
    got = round14.smoothed(X, k=1, share=0.25).toarray()
    # row 0's nearest is row 1 (cosine 0.6); row 1's is row 2 (0.64); row 2's is row 1
    for i, j in ((0, 1), (1, 2), (2, 1)):
        mixed = 0.75 * X[i].toarray().ravel() + 0.25 * X[j].toarray().ravel()
        assert np.allclose(got[i], mixed / np.linalg.norm(mixed))
    assert np.allclose(got[3], [0.0, 0.0, 0.0, 1.0])
    # two neighbours: their mean weighted by the cosine, at unit length, before the mix
    got2 = round14.smoothed(X, k=2, share=0.25).toarray()
    mean = 0.64 * X[1].toarray().ravel() + 0.0 * X[0].toarray().ravel()  # row 2: rows 1 and 0
    mixed = 0.75 * X[2].toarray().ravel() + 0.25 * mean / np.linalg.norm(mean)
    assert np.allclose(got2[2], mixed / np.linalg.norm(mixed))


def test_nbr_smooth_lends_a_short_record_its_neighbours_words(tmp_path):
    rows = [
        ("statin therapy", "", 0),  # a bare title
        ("statin therapy in adults", "lipid lowering with statin therapy", 1),
        ("knee surgery", "arthroscopic knee surgery outcomes", 0),
        ("knee pain", "knee pain after running", 1),
    ]
    path = write_csv(tmp_path / "set.csv", rows)
    texts, X = _features("nbr_smooth", path)
    kept = build_features(texts)
    assert X.shape == kept.shape and _unit_rows(X)
    assert kept[0].nnz < X[0].nnz  # it now holds 'lipid', 'adults' ... from its neighbour
    assert (X[0] @ X[1].T)[0, 0] > (kept[0] @ kept[1].T)[0, 0]


def test_a_simulation_runs_on_each_variants_features(tmp_path):
    path = write_csv(tmp_path / "set.csv", make_records(n=80, n_includes=10))
    for name in ("bigram_half", "unigrams", "nbr_smooth"):
        with round14.features_of(name):
            result = simulate_module.simulate(path, LABEL, seed=0)
        assert sorted(result.order) == list(range(80))
