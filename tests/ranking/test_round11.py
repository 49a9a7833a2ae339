"""Round 11's pretrained word representation (benchmarks/ranking_round11_model.py, measured
by benchmarks/ranking_round11.py): the safetensors reader returns the file's tensor, a record's
vector is the mean of its tokens' rows (then centred, unit length), and the models use the
stated blocks and mixes, so the figures in ranking.md measure the idea and not a slip.

The variants were dropped, so wordllama (24 packages with its dependencies) is no dependency of
the project, not even of the tests: these tests write a small safetensors file by the format's
specification and give the embedding a small tokenizer and table of their own. That the wheel's
file reads the same as with ``safetensors`` and that the pooling is WordLlama's own is checked
against the installed wheel by ``python -m benchmarks.ranking_round11 check`` (after
``pip install wordllama==0.4.0.post1``). The tests import the benchmark as test_round10.py does.
"""

from __future__ import annotations

import json
import zlib
from functools import cache
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from ranking.conftest import make_records, write_csv

from benchmarks import ranking_round11 as round11
from benchmarks import ranking_round11_model as round11_model
from benchmarks.ranking_round11_model import (
    BlockModel,
    ColdStart,
    RankAverage,
    embed,
    read_safetensors,
    with_embedding,
)
from reviewkit.ranking import simulate as simulate_module
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import build_features, record_text

VOCAB, DIM = 97, 16


class WordTokenizer:
    """A stand-in for the LLaMA tokenizer: a token per word (ids from a hash), none for an
    empty text; ``encode_batch`` answers as ``tokenizers.Tokenizer.encode_batch`` does."""

    @staticmethod
    def ids(text: str) -> list[int]:
        return [zlib.crc32(w.encode()) % VOCAB for w in text.lower().split()]

    def encode_batch(self, texts: list[str], add_special_tokens: bool = True) -> list:
        assert add_special_tokens is False  # WordLlama pools the text's own tokens only
        return [SimpleNamespace(ids=self.ids(t)) for t in texts]


TABLE = np.random.default_rng(11).normal(size=(VOCAB, DIM)).astype(np.float32)


@pytest.fixture(autouse=True)
def small_representation(monkeypatch):
    """The embedding reads this tokenizer and table instead of the wordllama wheel's."""
    monkeypatch.setattr(round11_model, "_loaded", cache(lambda: (WordTokenizer(), TABLE)))


def write_safetensors(path: Path, tensor: np.ndarray, dtype: str) -> Path:
    """One tensor in the safetensors format: an 8-byte little-endian header length, a JSON
    header (with ``__metadata__``, padded with spaces to 8 bytes as the format allows), then
    the raw little-endian data."""
    data = tensor.astype({"F16": "<f2", "F32": "<f4"}[dtype]).tobytes()
    header = {
        "__metadata__": {"format": "pt"},
        "embedding.weight": {
            "dtype": dtype,
            "shape": list(tensor.shape),
            "data_offsets": [0, len(data)],
        },
    }
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    path.write_bytes(len(text).to_bytes(8, "little") + text + data)
    return path


def test_the_safetensors_reader_returns_the_files_float16_tensor_as_float32(tmp_path):
    tensor = np.arange(-12, 12, dtype=np.float32).reshape(6, 4) / 8  # exact in float16
    ours = read_safetensors(write_safetensors(tmp_path / "t.safetensors", tensor, "F16"))
    assert ours.dtype == np.float32 and ours.shape == (6, 4)
    assert np.array_equal(ours, tensor)


def test_the_safetensors_reader_refuses_another_dtype(tmp_path):
    path = write_safetensors(tmp_path / "t.safetensors", np.ones((2, 2)), "F32")
    with pytest.raises(ValueError, match="is F32, expected F16"):
        read_safetensors(path)


def test_a_records_vector_is_the_mean_of_its_tokens_rows_centred_and_unit_length():
    texts = ["Return to work after sick leave", "renal enzyme dosage dosage", "", "Cardiac"]
    pooled = np.array(
        [TABLE[WordTokenizer.ids(t)].mean(axis=0) if t else np.zeros(DIM) for t in texts]
    )
    raw = embed(texts, centre=False)
    assert np.allclose(raw[:2], pooled[:2] / np.linalg.norm(pooled[:2], axis=1, keepdims=True))
    assert np.array_equal(raw[2], np.zeros(DIM))  # no tokens: the zero vector, no NaN
    centred = pooled - pooled.mean(axis=0)
    E = embed(texts)
    assert np.allclose(E, centred / np.linalg.norm(centred, axis=1, keepdims=True), atol=1e-6)
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
    assert E.shape[1] == DIM
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
            build_features(data.texts).shape[1] + DIM
        )
        result = simulate_module.simulate(path, seed=0, model_factory=round11.VARIANTS["emb_only"])
    assert simulate_module.build_features is build_features
    assert sorted(result.order) == list(range(40))


@pytest.mark.parametrize("argv", [["emb_only", "0"], ["nearest"], ["check"]])
def test_without_wordllama_the_benchmark_says_what_to_install(argv, monkeypatch, tmp_path):
    """wordllama is no dependency: a run that needs it stops with the pip command before
    anything runs or is written, not with a traceback from inside a simulation."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "wordllama" else real(name, *a),
    )
    monkeypatch.setattr(round11, "features_of", None)  # nothing may start
    with pytest.raises(SystemExit, match=r"pip install wordllama==0\.4\.0\.post1"):
        round11.main(argv)
