"""Issue 17, round 5: the ranking ideas of another kind, measured and dropped (none is in the
product). Kept so the figures in ``benchmarks/results/ranking.md`` ("What was tried") can be
reproduced: ``python -m benchmarks.ranking_round5 NAME SEEDS [INPUTS]`` runs the in-process
simulation loop (:func:`reviewkit.ranking.simulate.simulate`, the tables' protocol) with a variant on
the 15 sets and prints the figures; NAME is ``kept``, ``lsa_K_W`` (latent semantic kernel),
``add_K_W`` (latent kernel added to the lexical one), ``com_K_W`` (committee with a model on
the latent features), ``logistic`` or ``poly_G`` (degree-2 polynomial kernel).

All variants are kernel least squares (or its logistic loss) on one kernel matrix: each keeps
the kernel between every record and the labelled ones (``n × m``), so they are for measuring
only (a 50,000-record stage with 3,000 labels would need 1.2 GB). The CPU figures of the
LSA, committee and logistic rows were measured with a first implementation inside the kept
model (its Gram matrix grown as it is now, scores from primal weights); these classes give
the same screening orders (checked on seed 0) at a somewhat different CPU.
"""

from __future__ import annotations

import json
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from benchmarks import asreview_runner as asr
from benchmarks.bench_ranking import LABEL, _asreview_store, asreview_run
from reviewkit.ranking.model import (
    EXACT_UP_TO,
    GRAM_UP_TO,
    KernelLeastSquares,
    _conjugate_gradients,
    _standardised,
)
from reviewkit.ranking.simulate import simulate

RESULTS = Path(__file__).resolve().parent / "results"
INPUTS = ("title_abstract", "with_keywords")


def runs_file(name: str) -> Path:
    """Where variant ``name``'s runs are kept: ``/tmp/ranking_<worktree>_<name>.json``, the
    worktree the folder this repository is checked out in, so that two helpers (each in a
    worktree of their own) running a variant of the same name never resume from, or write
    into, each other's runs."""
    return Path(f"/tmp/ranking_{Path(__file__).resolve().parents[1].name}_{name}.json")


def latent_semantic(X: sparse.csr_matrix, k: int = 100, seed: int = 0) -> np.ndarray:
    """LSA coordinates (Deerwester et al. 1990) of every row: ``U_k S_k`` of the TF-IDF
    matrix's truncated SVD, rows scaled to unit length; ``n × k``.

    Unsupervised, the whole collection, no labels. Only terms in two or more rows take part
    (a term of one row co-occurs with nothing). Randomized SVD (Halko, Martinsson & Tropp
    2011: range finder, two power iterations, 10 extra columns) worked from the rows' side,
    so only ``n × (k + 10)`` blocks are orthonormalised; 0.7 CPU-s at k 100 on 2,544 records.
    """
    n = X.shape[0]
    df = np.bincount(X.indices, minlength=X.shape[1])
    A = X[:, np.flatnonzero(df >= 2)].tocsr()
    k = max(1, min(k, min(A.shape) - 1))
    AT = A.T.tocsr()
    Q, _ = np.linalg.qr(A @ (AT @ np.random.RandomState(seed).standard_normal((n, k + 10))))
    for _ in range(2):  # power iterations: the leading directions separate from the rest
        Q, _ = np.linalg.qr(A @ (AT @ Q))
    C = AT @ Q  # A Aᵀ restricted to Q's span is Cᵀ C
    eigenvalues, V = np.linalg.eigh(C.T @ C)
    top = np.argsort(eigenvalues)[::-1][:k]
    Z = (Q @ V[:, top]) * np.sqrt(np.maximum(eigenvalues[top], 0.0))
    norms = np.linalg.norm(Z, axis=1)
    norms[norms == 0] = 1.0
    return Z / norms[:, None]


class CrossKernel(KernelLeastSquares):
    """Kernel least squares on any kernel: ``columns(new)`` gives the kernel between every
    record and the rows ``new``; the kept columns score all records (``C[:, rows] α + b``)."""

    def __init__(self) -> None:
        super().__init__()
        self._C = np.zeros((0, 0))
        self._scoring: tuple[np.ndarray, np.ndarray] | None = None

    def prepare(self, X: Any) -> None:
        """Once per corpus (before the first columns)."""

    def columns(self, new: list[int]) -> np.ndarray:
        return (self._X @ self._X[new].T).toarray()

    def _grow(self, rows: np.ndarray) -> None:
        if len(rows) > GRAM_UP_TO:
            raise ValueError("measuring variant: up to GRAM_UP_TO labels")
        if not self._rows:
            self.prepare(self._X)
            self._C = np.zeros((self._X.shape[0], 0))
        new = [int(r) for r in rows if int(r) not in self._pos]
        if not new:
            return
        m = len(self._rows)
        self._C = np.hstack([self._C, self.columns(new)])
        for i, r in enumerate(new):
            self._pos[r] = m + i
        self._rows += new
        self._gram = self._C[self._rows]
        self._alpha = np.concatenate([self._alpha, np.zeros(len(new))])

    def _fit_least_squares(self, X: Any, rows: np.ndarray, y: np.ndarray) -> None:
        pos = np.fromiter((self._pos[int(r)] for r in rows), dtype=np.int64, count=len(rows))
        alpha = self.solve(self._gram[np.ix_(pos, pos)] + 1.0, y, self._alpha[pos])
        self._alpha = np.zeros(len(self._rows))
        self._alpha[pos] = alpha
        self._scoring = (pos, alpha)
        self.w, self.b = np.zeros(0), float(alpha.sum())

    def solve(self, K0: np.ndarray, y: np.ndarray, start: np.ndarray) -> np.ndarray:
        """The least-squares dual (the kept model's weights and lam)."""
        K = K0.copy()
        K[np.diag_indices_from(K)] += self.lam / self._weights(y)
        t = np.where(y == 1, 1.0, -1.0)
        return np.linalg.solve(K, t) if len(t) <= EXACT_UP_TO else _conjugate_gradients(K, t, start)

    def decision_function(self, X: Any) -> np.ndarray:
        if self._scoring is None:
            raise RuntimeError("fit the model first")
        pos, alpha = self._scoring
        return _standardised(self._C[:, pos] @ alpha + self.b)


class LatentKernel(CrossKernel):
    """``share · cos(TF-IDF) + weight · cos(LSA)``: words the includes share only through
    synonyms get weight from the latent part (share = 1 - weight keeps the diagonal 1)."""

    def __init__(self, dims: int, weight: float, share: float | None = None) -> None:
        super().__init__()
        self.dims, self.weight = dims, weight
        self.share = 1.0 - weight if share is None else share
        self._Z = np.zeros((0, 0))

    def prepare(self, X: Any) -> None:
        self._Z = latent_semantic(X, self.dims)

    def columns(self, new: list[int]) -> np.ndarray:
        latent = self.weight * (self._Z @ self._Z[new].T)
        return latent + self.share * super().columns(new) if self.share else latent


class Polynomial(CrossKernel):
    """``(1 - g) cos + g cos²``: a degree-2 polynomial kernel on the unit TF-IDF rows, pairs
    of terms found together as features (Joachims 1998); diagonal 1, so lam means the same."""

    def __init__(self, g: float) -> None:
        super().__init__()
        self.g = g

    def columns(self, new: list[int]) -> np.ndarray:
        cos = super().columns(new)
        return (1.0 - self.g) * cos + self.g * cos * cos


class Logistic(CrossKernel):
    """L2 kernel logistic regression, same class weights, by Newton (IRLS) from the last fit:
    min Σ c log(1 + exp(−t f)) + mu αᵀKα. From f = 0 its first step is least squares with
    lam = 8 mu (so mu 3/8 is the kept lam 3); beyond, records scored far on their side pull
    less (the loss flattens), which least squares never does."""

    def __init__(self, mu: float = 3 / 8, max_steps: int = 10, tol: float = 1e-6) -> None:
        super().__init__()
        self.mu, self.max_steps, self.tol = mu, max_steps, tol
        self.steps: list[int] = []

    def solve(self, K0: np.ndarray, y: np.ndarray, start: np.ndarray) -> np.ndarray:
        c, t = self._weights(y), np.where(y == 1, 1.0, -1.0)
        alpha, f = start.copy(), K0 @ start
        steps = 0
        while steps < self.max_steps:
            steps += 1
            s = _sigmoid(f) * _sigmoid(-f)
            z = f + t * _sigmoid(-t * f) / s  # the working response of a Newton step
            K = K0.copy()
            K[np.diag_indices_from(K)] += 2 * self.mu / (c * s)
            alpha = (
                np.linalg.solve(K, z)
                if len(t) <= EXACT_UP_TO
                else _conjugate_gradients(K, z, alpha)
            )
            f, previous = K0 @ alpha, f
            if np.max(np.abs(f - previous)) < self.tol:
                break
        self.steps.append(steps)
        return alpha


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


class Committee:
    """Members' standardised scores summed with weights."""

    def __init__(self, members: Sequence[Any], weights: Sequence[float]) -> None:
        self.members, self.weights = list(members), list(weights)

    def fit_rows(self, X: Any, rows: Any, y: Any) -> Committee:
        for member in self.members:
            member.fit_rows(X, rows, y)
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        return sum(
            w * m.decision_function(X) for m, w in zip(self.members, self.weights, strict=True)
        )


def factory(name: str) -> Callable[[], Any]:
    """The model factory a variant's name stands for (see the module docstring)."""
    kind, *args = name.split("_")
    if kind == "kept":
        return KernelLeastSquares
    if kind in ("lsa", "add", "com"):
        k, w = int(args[0]), float(args[1])
        if kind == "lsa":
            return lambda: LatentKernel(k, w)
        if kind == "add":
            return lambda: LatentKernel(k, w, share=1.0)
        return lambda: Committee([KernelLeastSquares(), LatentKernel(k, 1.0)], [1.0, w])
    if kind == "poly":
        return lambda: Polynomial(float(args[0]))
    if kind == "logistic":
        return Logistic
    raise SystemExit(f"unknown variant {name}")


def run(name: str, seeds: Sequence[int], inputs: Sequence[str], out: Path) -> dict:
    """Every set x seed x input with variant ``name``; results kept in ``out`` (resumable)."""
    res = json.loads(out.read_text()) if out.exists() else {}
    make = factory(name)
    for variant in inputs:
        for ds in asr.datasets():
            for seed in seeds:
                run_one(res, ds, variant, seed, make, out)
    out.write_text(json.dumps(res))
    return res


def run_one(
    res: dict,
    ds: Path,
    variant: str,
    seed: int,
    make: Callable[[], Any],
    out: Path,
    *,
    wait_for_base: bool = False,
) -> None:
    """One simulation of set ``ds`` into ``res`` (written to ``out``), unless it is there. A set
    without keywords takes its title_abstract run for ``variant``; when that run is not there
    yet it is simulated, or with ``wait_for_base`` left for the caller to copy later."""
    key, base = f"{variant}|{ds.stem}|{seed}", f"title_abstract|{ds.stem}|{seed}"
    if key in res:
        return
    if asr.effective_input(ds, variant) != variant:
        if base in res:  # no keywords: the title_abstract run is this run
            res[key] = res[base]
            return
        if wait_for_base:
            return
    r = simulate(asr.reduced_csv(ds, LABEL, variant), seed=seed, model_factory=make)
    res[key] = {"wss95": r.wss95, "r10": r.recall_at_10, "cpu": r.cpu_seconds}
    res[key]["n"] = r.n_records
    print(key, f"{r.wss95:.3f} {r.cpu_seconds:.2f} s", flush=True)
    out.write_text(json.dumps(res))


def kept_runs(results_dir: Path = RESULTS) -> dict:
    """The kept setting's runs from the tables (``ranking.json``), keyed as :func:`run`'s."""
    fig = json.loads((results_dir / "ranking.json").read_text())
    runs = {}
    for v in fig["variants"]:
        for row in v["datasets"]:
            for seed, r in row["reviewkit"].items():
                runs[f"{v['inputs']}|{row['dataset']}|{seed}"] = {
                    "wss95": r["wss95"],
                    "r10": r["recall_at_10"],
                    "cpu": r["cpu_seconds"],
                    "process_cpu": r["process_cpu_s"],
                    "n": r["n_records"],
                }
    return runs


def summary(res: dict, kept: dict, seeds: Sequence[int], variant: str, half: set | None) -> dict:
    """Mean WSS@95, sets at or above ASReview, recall@10 %, CPU against the kept setting and
    the smallest whole-process CPU ratio (the kept run's start-up + this variant's loop)."""
    store = _asreview_store(RESULTS)
    wss, theirs, at, r10, ratios, cpu, cpu_kept = [], [], 0, [], [], 0.0, 0.0
    for ds in asr.datasets():
        if half is not None and ds.stem not in half:
            continue
        keys = [f"{variant}|{ds.stem}|{s}" for s in seeds]
        runs = [res[k] for k in keys]
        a = [asreview_run(ds, s, variant, runs[0]["n"], store) for s in seeds]
        mine, asr_wss = (
            statistics.fmean(r["wss95"] for r in runs),
            statistics.fmean(x["wss95"] for x in a),
        )
        wss.append(mine)
        theirs.append(asr_wss)
        at += mine >= asr_wss - 1e-12
        r10.append(statistics.fmean(r["r10"] for r in runs))
        process = [kept[k]["process_cpu"] - kept[k]["cpu"] + res[k]["cpu"] for k in keys]
        ratios.append(statistics.fmean(x["cpu_s"] for x in a) / statistics.fmean(process))
        cpu += sum(r["cpu"] for r in runs)
        cpu_kept += sum(kept[k]["cpu"] for k in keys)
    return {
        "wss95": statistics.fmean(wss),
        "asreview": statistics.fmean(theirs),
        "at_or_above": at,
        "sets": len(wss),
        "recall_at_10": statistics.fmean(r10),
        "cpu_vs_kept": cpu / cpu_kept,
        "smallest_ratio": min(ratios),
    }


def main(argv: Sequence[str]) -> int:
    name, seeds = argv[0], [int(s) for s in argv[1].split(",")]
    inputs = argv[2].split(",") if len(argv) > 2 else list(INPUTS)
    kept = kept_runs()
    res = kept if name == "kept" else run(name, seeds, inputs, runs_file(name))
    by_size = sorted(asr.datasets(), key=lambda d: kept[f"title_abstract|{d.stem}|0"]["n"])
    small, large = {d.stem for d in by_size[:7]}, {d.stem for d in by_size[7:]}
    for variant in inputs:
        s = summary(res, kept, seeds, variant, None)
        halves = [summary(res, kept, seeds, variant, h)["wss95"] for h in (small, large)]
        print(
            f"{name} {variant} seeds {argv[1]}: {s['wss95']:.3f} ({s['at_or_above']}/{s['sets']}), "
            f"recall@10 % {s['recall_at_10']:.3f}, CPU {s['cpu_vs_kept']:.2f}x the kept setting, "
            f"smallest ratio {s['smallest_ratio']:.1f}x; 7 smaller {halves[0]:.3f}, "
            f"8 larger {halves[1]:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
