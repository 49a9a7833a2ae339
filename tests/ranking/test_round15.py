"""Round 15's variants (benchmarks/ranking_round15.py): a record's headings are one column each
(idf-weighted, unit length, beside the prose at the fixed weight), the texts without headings
keep the kept features, and information density is added to the kept model's score at the
fixed weight, so the figures in ranking.md measure the idea and not a slip. (The tests import
the benchmark as test_round14.py does.)"""

from __future__ import annotations

import numpy as np
from ranking.conftest import make_records, write_csv
from scipy import sparse

from benchmarks import ranking_round15 as round15
from reviewkit.ranking import simulate as simulate_module
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import build_features

LABEL = "label_included"


def test_headings_are_the_cells_of_the_keywords_column_case_folded():
    got = round15.headings_of("Sick Leave; Return to  Work;;Humans ; sick leave")
    assert got == ["sick leave", "return to work", "humans", "sick leave"]


def test_a_heading_is_one_binary_idf_weighted_column():
    H = round15.heading_block(
        [["sick leave", "humans"], ["humans", "return to work"], ["sick leave"], []]
    ).toarray()
    assert H.shape == (4, 3)
    idf = {df: np.log(5 / (1 + df)) + 1 for df in (1, 2)}
    # record 0: 'sick leave' (in 2 records) and 'humans' (in 2): equal weights, unit length
    assert np.allclose(sorted(H[0][H[0] > 0]), [2**-0.5, 2**-0.5])
    # record 1: 'humans' (2 records) weighs less than 'return to work' (1 record)
    w = np.array([idf[2], idf[1]])
    assert np.allclose(sorted(H[1][H[1] > 0]), sorted(w / np.linalg.norm(w)))
    assert not H[3].any()  # no headings: an empty row
    # a heading in more than 95 % of the records carries nothing
    common = round15.heading_block([["humans"]] * 20 + [["humans", "rare"]]).toarray()
    assert np.allclose(common[:20], 0.0) and np.count_nonzero(common[20]) == 1


def test_the_headings_weigh_half_the_prose_in_the_kernel():
    prose = build_features(["statin therapy trial", "statin therapy cohort", "knee surgery"])
    H = round15.heading_block([["hydroxymethylglutaryl-coa"], ["hydroxymethylglutaryl-coa"], []])
    X = round15.with_headings(prose, H)
    assert np.allclose(np.asarray(X.multiply(X).sum(axis=1)).ravel(), 1.0)
    K, Kp, Kh = ((M @ M.T).toarray() for M in (X, prose, H))
    assert np.isclose(K[0, 1], (Kp[0, 1] + 0.5 * Kh[0, 1]) / 1.5)
    # a record without headings keeps its prose row
    assert np.allclose(X[2].toarray()[0, : prose.shape[1]], prose[2].toarray())


def test_texts_without_headings_keep_the_kept_features(tmp_path):
    path = write_csv(tmp_path / "set.csv", make_records(n=40, n_includes=6))
    texts = simulate_module._labelled(path, LABEL).texts
    for make in (round15.mesh_block_features, round15.mesh_only_features):
        assert (make(texts) != build_features(texts)).nnz == 0


def test_density_is_added_to_the_kept_score_at_a_quarter():
    X = build_features(
        ["statin therapy", "statin therapy adults", "statin dose", "knee surgery", "rare words"]
    )
    rows, y = np.array([0, 3]), np.array([1, 0])
    kept = KernelLeastSquares().fit_rows(X, rows, y).decision_function(X)
    got = round15.DensityWeighted().fit_rows(X, rows, y).decision_function(X)
    mean_cosine = (X @ X.T).toarray().mean(axis=1)
    z = (mean_cosine - mean_cosine.mean()) / mean_cosine.std()
    assert np.allclose(got, kept + 0.25 * z)


def test_density_of_a_dense_matrix_row_order():
    X = sparse.csr_matrix(np.array([[1.0, 0.0], [0.8, 0.6], [0.0, 1.0], [0.6, 0.8]]))
    d = round15.density(X)
    assert np.isclose(d.mean(), 0.0) and np.isclose(d.std(), 1.0)
    assert d[1] > d[0] and d[3] > d[2]  # the rows between the others are the typical ones


def test_a_simulation_runs_on_each_variant(tmp_path):
    path = write_csv(tmp_path / "set.csv", make_records(n=80, n_includes=10))
    for name in ("mesh_block", "mesh_only", "density"):
        with round15.features_of(name):
            result = simulate_module.simulate(
                path, LABEL, seed=0, model_factory=round15.VARIANTS[name]
            )
        assert sorted(result.order) == list(range(80))


def test_the_nearest_include_of_an_include_is_another_include():
    X = sparse.csr_matrix(np.array([[1.0, 0.0], [0.8, 0.6], [0.0, 1.0], [0.6, 0.8]]))
    y = np.array([True, False, True, False])
    # row 0's own cosine (1) is left out: its nearest other include is row 2 (cosine 0)
    assert np.allclose(round15._nearest_include(X, y), [0.0, 0.8, 0.0, 0.8])
    assert round15._auc(np.array([0.9, 0.1, 0.5, 0.5]), y) == 0.875  # 3 pairs won, 1 tied, of 4
