"""Issue 17, round 11: the pretrained word representation and the models that use it.

The representation is WordLlama's default model (``wordllama`` 0.4.0.post1 on PyPI, MIT):
``wordllama/weights/l2_supercat_256.safetensors`` (32,000 × 256 float16 token embeddings,
one tensor ``embedding.weight``) and ``wordllama/tokenizers/l2_supercat_tokenizer_config.json``
(the LLaMA 2 tokenizer, a ``tokenizers`` JSON file). Both ship inside the wheel; they are read
here directly, the weights with numpy (safetensors format: 8-byte little-endian header length,
a JSON header, then the raw tensor) and the text tokenised with ``tokenizers``, because
``WordLlama.load()`` looks for the tokenizer under ``wordllama/tokenizer/`` (singular) and,
not finding it, tries to download it from Hugging Face (it fails offline).

A record's vector is WordLlama's own pooling (the mean of its tokens' embeddings, no special
tokens), of the text the ranker reads (:func:`reviewkit.ranking.ranker.record_text`: the title twice,
then the abstract), then **centred** on the collection's mean vector and scaled to unit
length. Centring was fixed before any run: mean-pooled static embeddings share one large
common direction (Arora, Liang & Ma 2017; Mu & Viswanath 2018), so without it every pair of
records has a cosine near 1 and the kernel says little beyond the intercept.

The models (all the kept :class:`~reviewkit.ranking.model.KernelLeastSquares`, lam 3, includes
9.8x, on unit rows so lam means the same) read one matrix from the Ranker: the TF-IDF
columns followed by the 256 embedding columns (:func:`with_embedding`); each takes the block
it uses (cached per matrix).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse, stats

from reviewkit.ranking.model import KernelLeastSquares

WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"


def package_dir() -> Path:
    """The installed ``wordllama`` package's folder, found without importing it (its import
    pulls pydantic and the training code)."""
    from importlib.util import find_spec

    spec = find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "the wordllama package is not installed (round 11 only, no reviewkit dependency): "
            "pip install wordllama==0.4.0.post1"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def read_safetensors(path: Path) -> np.ndarray:
    """The one float16 tensor of a safetensors file as float32 (rows: token ids)."""
    with path.open("rb") as f:
        size = int.from_bytes(f.read(8), "little")
        header = json.loads(f.read(size))
        (name,) = [k for k in header if k != "__metadata__"]
        info = header[name]
        if info["dtype"] != "F16":
            raise ValueError(f"{path}: tensor {name} is {info['dtype']}, expected F16")
        start, end = info["data_offsets"]
        f.seek(8 + size + start)
        raw = np.frombuffer(f.read(end - start), dtype="<f2")
    return raw.reshape(info["shape"]).astype(np.float32)


@cache
def _loaded() -> tuple[Any, np.ndarray]:
    """The tokenizer and the embedding table (read once per process)."""
    from tokenizers import Tokenizer

    root = package_dir()
    tokenizer = Tokenizer.from_file(str(root / TOKENIZER))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer, read_safetensors(root / WEIGHTS)


def embed(texts: list[str], centre: bool = True) -> np.ndarray:
    """Each text's mean token embedding, centred on the texts' mean (``centre``) and scaled to
    unit length; ``len(texts) × 256``. A text without tokens is the zero vector before centring."""
    tokenizer, table = _loaded()
    encoded = tokenizer.encode_batch(texts, add_special_tokens=False)
    ids = [np.asarray(e.ids, dtype=np.int64) for e in encoded]
    lengths = np.fromiter((len(i) for i in ids), dtype=np.int64, count=len(ids))
    flat = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
    owner = np.repeat(np.arange(len(ids)), lengths)
    counts = sparse.csr_matrix(
        (np.ones(len(flat), dtype=np.float32), (owner, flat)), shape=(len(ids), table.shape[0])
    )
    sums = np.asarray(counts @ table, dtype=np.float64)
    E = sums / np.maximum(lengths, 1)[:, None]
    if centre and len(E):
        E = E - E.mean(axis=0)
    norms = np.linalg.norm(E, axis=1)
    norms[norms == 0] = 1.0
    return E / norms[:, None]


class _Blocks:
    """The split of the Ranker's matrix into its TF-IDF and embedding blocks."""

    p: int = 0  # TF-IDF columns of the last matrix built by :func:`with_embedding`


def with_embedding(X: sparse.csr_matrix, texts: list[str]) -> sparse.csr_matrix:
    """``[X, E]``: the TF-IDF rows and the texts' embeddings beside them (one matrix, so the
    Ranker and the simulation need no change); the split remembered for the models."""
    _Blocks.p = X.shape[1]
    return sparse.hstack([X, sparse.csr_matrix(embed(texts))], format="csr")


class BlockModel:
    """A kept model on a block of the matrix (cached per matrix): ``tfidf``, ``emb`` or
    ``concat`` (rows √(1 − a)·TF-IDF beside √a·embedding: kernel (1 − a) cos + a cos_emb, the
    diagonal 1)."""

    def __init__(self, block: str, a: float = 0.25) -> None:
        self.block, self.a = block, a
        self.model = KernelLeastSquares()
        self._of: Any = None
        self._M: Any = None

    def matrix(self, X: Any) -> Any:
        if X is not self._of:
            p = _Blocks.p
            if self.block == "tfidf":
                M = X[:, :p]
            elif self.block == "emb":
                M = X[:, p:]
            else:
                M = sparse.hstack(
                    [np.sqrt(1 - self.a) * X[:, :p], np.sqrt(self.a) * X[:, p:]], format="csr"
                )
            self._of, self._M = X, sparse.csr_matrix(M)
        return self._M

    def fit_rows(self, X: Any, rows: Any, y: Any) -> BlockModel:
        self.model.fit_rows(self.matrix(X), rows, y)
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        return self.model.decision_function(self.matrix(X))


class RankAverage:
    """The kept model's and the embedding model's scores, each turned into ranks (average for
    ties) and averaged with equal weight."""

    def __init__(self) -> None:
        self.members = [BlockModel("tfidf"), BlockModel("emb")]

    def fit_rows(self, X: Any, rows: Any, y: Any) -> RankAverage:
        for m in self.members:
            m.fit_rows(X, rows, y)
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        ranks = [stats.rankdata(m.decision_function(X)) for m in self.members]
        return 0.5 * ranks[0] + 0.5 * ranks[1]


class ColdStart:
    """The embedding model while the labels hold one include (the prior), the kept model from
    the second include on: with one include the kept model can only rank by the words it
    shares with that record; the embedding also rewards related words."""

    def __init__(self) -> None:
        self.members = {"emb": BlockModel("emb"), "tfidf": BlockModel("tfidf")}
        self.using = "emb"

    def fit_rows(self, X: Any, rows: Any, y: Any) -> ColdStart:
        self.using = "emb" if int(np.sum(y)) < 2 else "tfidf"
        self.members[self.using].fit_rows(X, rows, y)
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        return self.members[self.using].decision_function(X)
