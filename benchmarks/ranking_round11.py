"""Issue 17, round 11: a pretrained word representation (WordLlama's token embeddings).

``python -m benchmarks.ranking_round11 NAME SEEDS [INPUTS]`` runs the in-process simulation
loop (:func:`reviewkit.ranking.simulate.simulate`, the tables' protocol, as rounds 5-10 do) with a
variant on the 15 sets and prints the figures (mean WSS@95, sets at or above ASReview,
recall@10 %, CPU against the kept setting, the smallest whole-process CPU ratio, the means on
the 7 smaller and the 8 larger sets). Runs are kept in ``/tmp/ranking_WORKTREE_NAME.json``
(resumable). The embeddings are computed inside :func:`~reviewkit.ranking.simulate.simulate` (its
``build_features`` wrapped: the tokenizer and weights read and every record embedded in every
run, see :func:`features`), so a run's CPU includes their cost; the ``tokenizers`` import
(0.01 CPU-s) is outside. The representation and the models: ``ranking_round11_model.py``.

NAME, fixed before any run (each model the kept one: kernel least squares, lam 3, includes
9.8x; every record's vector its mean token embedding, centred on the collection, unit length):

* ``rerun11``: the kept model run again now (its CPU under the machine's present load);
* ``emb_only``: the kept model on the 256 embedding columns alone;
* ``emb_concat``: the kept model on √0.75 · TF-IDF beside √0.25 · embedding (kernel 0.75 cos +
  0.25 cos_emb; a = 0.25 fixed a priori, once: the latent (LSA) kernel of round 5 lost more at
  0.5 than at 0.1, so a light share);
* ``emb_ensemble``: the kept model and ``emb_only``, their scores turned into ranks and
  averaged 0.5 / 0.5;
* ``emb_cold``: ``emb_only`` while the labels hold one include (the prior), the kept model
  from the second include on (the embedding as a cold start).

``python -m benchmarks.ranking_round11 split kept,emb_only,... SEEDS`` prints the split-half
check (chosen on the 7 smaller sets, tested on the 8 larger, and the other way round);
``python -m benchmarks.ranking_round11 table kept,emb_only,... SEEDS [INPUT]`` the per-set
table (mean WSS@95 over the seeds, per variant, and ASReview's);
``python -m benchmarks.ranking_round11 nearest`` prints, per set (title_abstract), how well a
record's cosine to its nearest include tells the includes from the excludes (AUC), on the
TF-IDF rows and on the embeddings; ``python -m benchmarks.ranking_round11 check`` checks the
reading against wordllama itself (:func:`reference_check`).

To reproduce: ``pip install wordllama==0.4.0.post1`` (it brings ``tokenizers`` and
``safetensors``). It is no dependency of reviewkit, nor of its tests: the variants were dropped,
and the wheel's table is derived from Llama 2's (its licence: ranking.md, round 11).
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any
from unittest import mock

import numpy as np
from scipy import stats

from benchmarks import asreview_runner as asr
from benchmarks import ranking_round6 as round6
from benchmarks import ranking_round11_model as round11_model
from benchmarks.ranking_round5 import kept_runs, runs_file, summary
from benchmarks.ranking_round11_model import BlockModel, ColdStart, RankAverage, with_embedding
from reviewkit.ranking import simulate as simulate_module
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import build_features

VARIANTS: dict[str, Callable[[], Any]] = {
    "kept": KernelLeastSquares,
    "rerun11": KernelLeastSquares,
    "emb_only": lambda: BlockModel("emb"),
    "emb_concat": lambda: BlockModel("concat", a=0.25),
    "emb_ensemble": RankAverage,
    "emb_cold": ColdStart,
}


def features(texts: Sequence[str], max_df: float = 0.95) -> Any:
    """The records' TF-IDF with their embeddings beside it (the weights read again each time:
    a simulation's CPU includes them, as a fresh process's would)."""
    round11_model._loaded.cache_clear()
    return with_embedding(build_features(texts, max_df), list(texts))


@contextlib.contextmanager
def features_of(name: str) -> Iterator[None]:
    """While open, :func:`reviewkit.ranking.simulate.simulate` builds variant ``name``'s features."""
    if not name.startswith("emb"):
        yield
        return
    with mock.patch.object(simulate_module, "build_features", features):
        yield


def per_set(names: Sequence[str], seeds: Sequence[int], variant: str) -> list[str]:
    """A Markdown table: per set, each variant's mean WSS@95 over ``seeds`` and ASReview's;
    then the mean, the sets at or above ASReview and the smallest whole-process CPU ratio."""
    kept = kept_runs()
    runs = {n: kept if n == "kept" else json.loads(runs_file(n).read_text()) for n in names}
    lines = [
        f"| Dataset | Records | {' | '.join(names)} | ASReview |",
        "|---|---:|" + "---:|" * (len(names) + 1),
    ]
    for ds in sorted(asr.datasets(), key=lambda d: kept[f"title_abstract|{d.stem}|0"]["n"]):
        cells = [summary(runs[n], kept, seeds, variant, {ds.stem}) for n in names]
        lines.append(
            f"| {ds.stem} | {kept[f'title_abstract|{ds.stem}|0']['n']} | "
            + " | ".join(f"{c['wss95']:.3f}" for c in cells)
            + f" | {cells[0]['asreview']:.3f} |"
        )
    total = [summary(runs[n], kept, seeds, variant, None) for n in names]
    lines.append(
        "| mean (at or above ASReview; smallest CPU ratio) | | "
        + " | ".join(
            f"{t['wss95']:.3f} ({t['at_or_above']}/15; {t['smallest_ratio']:.1f}x)" for t in total
        )
        + f" | {total[0]['asreview']:.3f} |"
    )
    return lines


def nearest_include_auc() -> list[str]:
    """Per set: the AUC with which a record's largest cosine to another include separates the
    includes from the excludes (an oracle of the labels, not a screening), on the TF-IDF rows
    and on the embeddings, and the mean cosine of an include to its nearest other include."""
    from benchmarks.bench_ranking import LABEL
    from benchmarks.ranking_round11_model import embed

    lines, aucs = [], []
    for ds in asr.datasets():
        data = simulate_module.load_labelled_set(asr.reduced_csv(ds, LABEL), LABEL)
        inc = data.labels == 1
        X = build_features(data.texts)
        row = []
        for S in ((X @ X[inc].T).toarray(), embed(data.texts) @ embed(data.texts)[inc].T):
            S[np.flatnonzero(inc), np.arange(int(inc.sum()))] = -np.inf  # not itself
            best = S.max(axis=1)
            row.append(
                (
                    stats.mannwhitneyu(best[inc], best[~inc]).statistic
                    / (inc.sum() * (~inc).sum()),
                    best[inc].mean(),
                )
            )
        aucs.append([r[0] for r in row])
        lines.append(
            f"{ds.stem}: nearest-include AUC TF-IDF {row[0][0]:.3f}, embedding {row[1][0]:.3f}; "
            f"an include's nearest include cosine {row[0][1]:.3f} / {row[1][1]:.3f}"
        )
    mean = np.mean(aucs, axis=0)
    lines.append(f"mean AUC: TF-IDF {mean[0]:.3f}, embedding {mean[1]:.3f}")
    return lines


def reference_check() -> list[str]:
    """Against the installed wordllama wheel: the table read with numpy is the file's tensor as
    ``safetensors`` reads it, and a text's vector before centring is WordLlama's own pooling
    (``WordLlamaInference.embed``, normalised). Raises AssertionError on a difference."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer
    from wordllama import WordLlamaInference

    from benchmarks.ranking_round11_model import TOKENIZER, WEIGHTS, package_dir, read_safetensors

    path = package_dir() / WEIGHTS
    (tensor,) = load_file(str(path)).values()
    table = read_safetensors(path)
    assert np.array_equal(table, tensor.astype(np.float32)), f"{path}: the tensors differ"
    texts = ["Return to work after sick leave", "Renal enzyme dosage in mice", "Cardiac surgery"]
    theirs = WordLlamaInference(table, Tokenizer.from_file(str(package_dir() / TOKENIZER)))
    pooled = theirs.embed(texts, norm=True)
    ours = round11_model.embed(texts, centre=False)
    assert np.allclose(ours, pooled, atol=1e-5), "the pooling differs from WordLlama's"
    return [
        f"{path}: {table.shape[0]} x {table.shape[1]}, as safetensors reads it",
        "a text's vector before centring is WordLlama's pooling (WordLlamaInference.embed)",
    ]


def main(argv: Sequence[str]) -> int:
    if argv[0] in ("check", "nearest") or argv[0].startswith("emb"):
        try:  # wordllama is no dependency: say what to install before anything runs
            round11_model.package_dir()
        except RuntimeError as exc:
            raise SystemExit(str(exc)) from None
    if argv[0] == "check":
        print("\n".join(reference_check()))
        return 0
    if argv[0] == "nearest":
        print("\n".join(nearest_include_auc()))
        return 0
    if argv[0] == "table":
        inputs = argv[3] if len(argv) > 3 else "title_abstract"
        seeds = [int(s) for s in argv[2].split(",")]
        print("\n".join(per_set(argv[1].split(","), seeds, inputs)))
        return 0
    with features_of(argv[0]):
        return round6.run_variant(argv, VARIANTS)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
