"""Round 16's variants (benchmarks/ranking_round16.py): NLM's check tags are left out of the
heading block or weigh half there, the texts without headings keep the kept features, and the
includes are weighted by the inverse of their density among the includes, so the figures in
ranking.md measure the idea and not a slip. (The tests import the benchmark as
test_round15.py does.)"""

from __future__ import annotations

import numpy as np
from ranking.conftest import make_records, write_csv

from benchmarks import ranking_round15 as round15
from benchmarks import ranking_round16 as round16
from reviewkit.ranking import simulate as simulate_module
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import build_features

LABEL = "label_included"


def test_check_tags_are_nlms_species_sex_age_pregnancy_and_periods():
    for tag in ("humans", "animals", "female", "infant, newborn", "aged, 80 and over"):
        assert round16.is_check_tag(tag)
    assert round16.is_check_tag("pregnancy") and round16.is_check_tag("history, 20th century")
    for heading in ("sick leave", "double-blind method", "child behavior", "pregnancy outcome"):
        assert not round16.is_check_tag(heading)


def test_the_block_without_check_tags_holds_only_the_other_headings():
    headings = [["sick leave", "humans", "female"], ["humans", "male", "return to work"], []]
    H = round16.heading_block(headings, check_tag_weight=0.0).toarray()
    assert H.shape == (3, 2)  # 'sick leave' and 'return to work'
    assert np.allclose(H[0][H[0] > 0], 1.0) and np.allclose(H[1][H[1] > 0], 1.0)
    # a record whose headings are all check tags has an empty block row
    only_tags = round16.heading_block([["humans", "male"], ["rare"]], check_tag_weight=0.0)
    assert not only_tags.toarray()[0].any()


def test_half_weight_check_tags_weigh_half_their_idf_in_the_row():
    headings = [["sick leave", "male"], ["return to work", "female"], ["male", "knee"]]
    full = round15.heading_block(headings).toarray()
    half = round16.heading_block(headings, check_tag_weight=0.5).toarray()
    assert np.allclose(round16.heading_block(headings, check_tag_weight=1.0).toarray(), full)
    # record 0: 'sick leave' (1 record) and 'male' (2 records); the tag's share halves
    idf1, idf2 = np.log(4 / 2) + 1, np.log(4 / 3) + 1
    w = np.array([idf1, 0.5 * idf2])
    assert np.allclose(sorted(half[0][half[0] > 0]), sorted(w / np.linalg.norm(w)))
    assert np.allclose(np.linalg.norm(half, axis=1), 1.0)


def test_texts_without_headings_keep_the_kept_features(tmp_path):
    path = write_csv(tmp_path / "set.csv", make_records(n=40, n_includes=6))
    texts = simulate_module._labelled(path, LABEL).texts
    for make in (round16.mesh_nocheck_features, round16.mesh_halfcheck_features):
        assert (make(texts) != build_features(texts)).nnz == 0


def test_near_duplicate_includes_share_their_weight_and_the_total_is_kept():
    gram = np.array([[1.0, 0.9, 0.0], [0.9, 1.0, 0.0], [0.0, 0.0, 1.0]])
    w = round16.disjunct_weights(gram)
    assert np.isclose(w.sum(), 3.0)
    assert np.isclose(w[0], w[1]) and w[2] > 1.8 * w[0]
    # a negative cosine (centred rows) does not lower the density below the include itself
    assert np.allclose(round16.disjunct_weights(np.array([[1.0, -0.5], [-0.5, 1.0]])), 1.0)


def test_an_include_with_an_empty_row_keeps_a_bounded_weight():
    # a record with neither title nor abstract has an empty row: K_ii = 0, it counts 1
    gram = np.array([[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    assert np.allclose(round16.disjunct_weights(gram), 1.0)


def test_small_disjuncts_model_weights_a_lone_include_above_its_near_copies():
    texts = [
        "statin therapy lowers cholesterol in adults",
        "statin therapy lowers cholesterol in adults trial",
        "knee surgery rehabilitation outcome",
        "dietary salt and blood pressure",
        "dietary fibre and bowel habit",
    ]
    X = build_features(texts)
    y = np.array([1, 1, 1, 0, 0])
    kept, model = KernelLeastSquares().fit(X, y), round16.SmallDisjuncts().fit(X, y)
    c = model._weights(y)
    assert np.isclose(c.mean(), 1.0) and c[2] > c[0] and np.isclose(c[0], c[1], rtol=0.05)
    assert np.isclose(c[:3].sum(), kept._weights(y)[:3].sum())
    # the lone include scores higher against its near copies than under the kept weights
    lone = model.decision_function(X)[2] - model.decision_function(X)[0]
    assert lone > kept.decision_function(X)[2] - kept.decision_function(X)[0]


def test_one_include_is_weighted_as_kept():
    X = build_features(["statin therapy", "knee surgery", "salt intake"])
    y = np.array([1, 0, 0])
    assert np.allclose(
        round16.SmallDisjuncts().fit(X, y).decision_function(X),
        KernelLeastSquares().fit(X, y).decision_function(X),
    )
