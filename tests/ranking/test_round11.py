"""Round 11's pretrained word representation (benchmarks/ranking_round11_model.py, measured
by benchmarks/ranking_round11.py): the weights read with numpy are the file's tensor, a
record's vector is WordLlama's own mean pooling (then centred, unit length), and the models
use the stated blocks and mixes, so the figures in ranking.md measure the idea and not a slip.
(The tests import the benchmark as test_round10.py does; wordllama is in the test extra.)"""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks import ranking_round11 as round11
from benchmarks.ranking_round11_model import (
    WEIGHTS,
    BlockModel,
    ColdStart,
    RankAverage,
    embed,
    package_dir,
    read_safetensors,
    with_embedding,
)
from reviewkit import simulate as simulate_module
from reviewkit.ranking import build_features, record_text
from reviewkit.ranking.model import KernelLeastSquares

from .conftest import make_records, write_csv


def test_the_weights_read_with_numpy_are_the_files_tensor():
    from safetensors.numpy import load_file

    path = package_dir() / WEIGHTS
    (tensor,) = load_file(str(path)).values()
    ours = read_safetensors(path)
    assert ours.shape == (32000, 256) and ours.dtype == np.float32
    assert np.array_equal(ours, tensor.astype(np.float32))


def test_a_records_vector_is_wordllamas_mean_pooling_centred_and_unit_length():
    from tokenizers import Tokenizer
    from wordllama import WordLlamaInference

    from benchmarks.ranking_round11_model import TOKENIZER

    texts = ["Return to work after sick leave", "Renal enzyme dosage in mice", "Cardiac surgery"]
    table = read_safetensors(package_dir() / WEIGHTS)
    theirs = WordLlamaInference(table, Tokenizer.from_file(str(package_dir() / TOKENIZER)))
    pooled = theirs.embed(texts, norm=True)
    assert np.allclose(embed(texts, centre=False), pooled, atol=1e-5)
    raw = theirs.embed(texts)
    centred = raw - raw.mean(axis=0)
    expected = centred / np.linalg.norm(centred, axis=1, keepdims=True)
    E = embed(texts)
    assert np.allclose(E, expected, atol=1e-5)
    assert np.allclose(np.linalg.norm(E, axis=1), 1.0)


@pytest.fixture
def fitted_data():
    records = make_records(60, 8)
    texts = [record_text(t, a) for t, a, _ in records]
    X = build_features(texts)
    M = with_embedding(X, texts)
    y = np.array([r[2] for r in records])
    rows = np.r_[np.flatnonzero(y == 1)[:3], np.flatnonzero(y == 0)[:12]]
    return X, M, rows, y[rows]


def test_the_blocks_are_the_tfidf_the_embedding_and_their_weighted_concatenation(fitted_data):
    X, M, rows, y = fitted_data
    E = M[:, X.shape[1] :]
    kept = KernelLeastSquares().fit_rows(X, rows, y)
    assert np.allclose(
        BlockModel("tfidf").fit_rows(M, rows, y).decision_function(M), kept.decision_function(X)
    )
    concat = BlockModel("concat", a=0.25)
    C = concat.matrix(M)
    assert np.allclose((C @ C.T).toarray(), 0.75 * (X @ X.T).toarray() + 0.25 * (E @ E.T))
    assert np.allclose(np.asarray(C.multiply(C).sum(axis=1)).ravel(), 1.0)  # lam means the same


def test_the_ensemble_averages_ranks_and_the_cold_start_hands_over_at_the_second_include(
    fitted_data,
):
    X, M, rows, y = fitted_data
    emb = (
        KernelLeastSquares()
        .fit_rows(M[:, X.shape[1] :], rows, y)
        .decision_function(M[:, X.shape[1] :])
    )
    lex = KernelLeastSquares().fit_rows(X, rows, y).decision_function(X)
    order = lambda s: np.argsort(np.argsort(s))  # noqa: E731 (ranks 0..n-1, no ties here)
    both = RankAverage().fit_rows(M, rows, y).decision_function(M)
    assert np.allclose(both - 1.0, 0.5 * order(emb) + 0.5 * order(lex))
    cold = ColdStart()
    one = np.r_[rows[:1], rows[3:]]  # the prior include and the excludes
    cold.fit_rows(M, one, y[np.r_[0, 3 : len(rows)]])
    assert cold.using == "emb"
    assert cold.fit_rows(M, rows, y).using == "tfidf"
    assert np.allclose(cold.decision_function(M), lex)


def test_the_harness_embeds_inside_the_simulation(tmp_path):
    """While an embedding variant is open, the simulation's features carry the embeddings (so
    a run's CPU counts them); after, the kept ones."""
    path = write_csv(tmp_path / "set.csv", make_records(40, 6))
    with round11.features_of("emb_concat"):
        data = simulate_module.load_labelled_set(path)
        assert simulate_module.build_features(data.texts).shape[1] == (
            build_features(data.texts).shape[1] + 256
        )
        result = simulate_module.simulate(path, seed=0, model_factory=round11.VARIANTS["emb_only"])
    assert simulate_module.build_features is build_features
    assert sorted(result.order) == list(range(40))
