"""Issue 17, round 12: a calibrated ensemble of linear models.

``python -m benchmarks.ranking_round12 NAME SEEDS [INPUTS]`` runs the in-process simulation
loop (:func:`reviewkit.ranking.simulate.simulate`, the tables' protocol, as rounds 5-11 do) with a
variant on the 15 sets and prints the figures (mean WSS@95, sets at or above ASReview,
recall@10 %, CPU against the kept setting, the smallest whole-process CPU ratio, the means on
the 7 smaller and the 8 larger sets). Runs are kept in ``/tmp/ranking_WORKTREE_NAME.json``
(resumable). Both second members are scikit-learn's (liblinear), which the product does not
import: a fresh process would pay for importing it, so the CPU figures add the import's CPU
(measured in a fresh process that has imported ``reviewkit.ranking.simulate`` first, once per
command, :func:`sklearn_import_cpu`) to every run's.

NAME (``rerun12``: the kept model run again now, its CPU under the machine's present load),
fixed before any run (every ensemble: the kept model, kernel least squares lam 3,
includes 9.8x, plus one member fitted on the same labels at every refit; equal weight 0.5 /
0.5 on scores made comparable, fixed a priori as round 5's committee did):

* ``ens_svm``: the kept model and ASReview's own model as ``elas_u4`` sets it in
  ``asreview/models/models.py`` (read there, asreview main 516290b5): ``LinearSVC`` with
  ``loss="squared_hinge"`` (scikit-learn's default; the brief said hinge, ASReview's code says
  squared hinge), ``C=0.11``, and its ``Balanced`` sample weights with ratio 9.8 (includes 1,
  excludes n_inc / (9.8 n_exc), then scaled to mean 1): that is
  :class:`reviewkit.ranking.ranker.WeightedLinearSVC`. Each member's scores standardised over the
  collection (mean 0, sd 1), then summed;
* ``ens_lr``: the kept model and a logistic regression, ``LogisticRegression(solver=
  "liblinear", C=1.0)`` (C: scikit-learn's default, which ASReview's ``logistic`` classifier
  keeps; not tuned), the same Balanced weights; standardised scores summed;
* ``ens_svm_platt`` / ``ens_lr_platt``: the same pairs with each member's scores
  Platt-calibrated on the labels (Platt 1999: a sigmoid ``1 / (1 + exp(A s + B))`` fitted
  (:func:`platt`) to the labelled records' own scores, with Platt's smoothed targets
  (n₊ + 1) / (n₊ + 2) and 1 / (n₋ + 2)), the two probabilities summed. The labelled scores
  are training scores (no held-out fold: a refit per decision has no labels to spare), so the
  sigmoid is steeper than on new records.

Judged as the earlier rounds: the title_abstract mean over all 15 sets and on both halves (the
split-half check), and the CPU target (at most a fifth of ASReview's whole-process CPU on
every set). ``python -m benchmarks.ranking_round12 split kept,ens_svm,... SEEDS [INPUTS]``
prints the split-half check; ``... table kept,ens_svm,... SEEDS [INPUT]`` the per-set table;
``... agree NAME`` how often the ensemble's next record is the kept model's and how its
members' scores correlate (seed 0, title_abstract; a diagnosis, added after the runs).

The rows of ``results/ranking.md`` ("What was tried", twelfth round) are ``ens_svm`` and
``ens_lr`` (seeds 0,1,2, both inputs), ``ens_svm_platt`` and ``ens_lr_platt`` (seed 0,
title_abstract, after :func:`platt` was given its line search); ``rerun12`` ran seed 0,
title_abstract.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import numpy as np
from scipy import stats

from benchmarks import ranking_round6 as round6
from benchmarks import ranking_round11 as round11
from benchmarks.ranking_round5 import INPUTS, kept_runs, runs_file
from reviewkit.ranking.model import KernelLeastSquares, _standardised
from reviewkit.ranking.ranker import WeightedLinearSVC

INCLUDE_RATIO = 9.8  # ASReview's Balanced ratio in elas_u4, as the kept model's


class WeightedLogistic:
    """scikit-learn's liblinear logistic regression with ASReview's Balanced weights."""

    def __init__(self, C: float = 1.0, include_ratio: float = INCLUDE_RATIO) -> None:
        from sklearn.linear_model import LogisticRegression

        self.include_ratio = include_ratio
        self.lr = LogisticRegression(solver="liblinear", C=C, random_state=0)

    def fit(self, X: Any, y: Any) -> WeightedLogistic:
        y = np.asarray(y)
        n_inc = int(y.sum())
        weights = np.where(y == 1, 1.0, n_inc / (self.include_ratio * (len(y) - n_inc)))
        self.lr.fit(X, y, sample_weight=weights * (len(y) / weights.sum()))
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        return np.asarray(X @ self.lr.coef_.ravel()).ravel() + self.lr.intercept_[0]


def platt(labelled: np.ndarray, y: np.ndarray, steps: int = 100) -> tuple[float, float]:
    """Platt's sigmoid ``P(include | s) = 1 / (1 + exp(A s + B))`` fitted to the labelled
    records' scores ``labelled`` and labels ``y`` (1 / 0) with Platt's smoothed targets, by
    Lin, Lin & Weng's (2007) Newton method with a backtracking line search (their algorithm 1,
    as libsvm runs it); returns ``(A, B)``.

    Plain Newton steps (the first implementation) ran away where the labelled scores separate
    the classes, as the kept model's training scores do on sets with few includes: the
    Hessian p(1 - p) vanishes, the steps grow (A about -1e9 to -1e10 on SkeletalMuscleRelaxants,
    Triptans and Opiods), and the calibrated scores of most records tied at 1.0."""
    n_pos = int(y.sum())
    n_neg = len(y) - n_pos
    t = np.where(y == 1, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))

    def loss(a: float, b: float) -> float:  # cross-entropy, written to stay finite
        f = a * labelled + b
        return float(np.sum(np.where(f >= 0, t * f, (t - 1) * f) + np.log1p(np.exp(-np.abs(f)))))

    a, b = 0.0, float(np.log((n_neg + 1) / (n_pos + 1)))  # Platt's start
    value = loss(a, b)
    for _ in range(steps):
        f = a * labelled + b
        p = np.where(
            f >= 0, np.exp(-np.abs(f)) / (1 + np.exp(-np.abs(f))), 1 / (1 + np.exp(f.clip(max=0)))
        )
        d2 = p * (1 - p)
        h11, h22, h21 = (d2 * labelled**2).sum() + 1e-12, d2.sum() + 1e-12, (d2 * labelled).sum()
        g1, g2 = ((t - p) * labelled).sum(), (t - p).sum()
        if abs(g1) < 1e-5 and abs(g2) < 1e-5:
            break
        det = h11 * h22 - h21 * h21
        da, db = -(h22 * g1 - h21 * g2) / det, -(-h21 * g1 + h11 * g2) / det
        slope, step = g1 * da + g2 * db, 1.0
        while step >= 1e-10:  # halve the step until the loss falls enough (Armijo)
            new = loss(a + step * da, b + step * db)
            if new < value + 1e-4 * step * slope:
                a, b, value = a + step * da, b + step * db, new
                break
            step /= 2
        else:
            break
    return a, b


class Ensemble:
    """The kept model and ``other`` fitted on the same labels; their scores standardised (or
    Platt-calibrated on the labels) and summed at equal weight."""

    def __init__(self, other: Any, calibrate: str = "standardise") -> None:
        self.kept, self.other, self.calibrate = KernelLeastSquares(), other, calibrate
        self._rows = np.zeros(0, dtype=np.int64)
        self._y = np.zeros(0, dtype=np.int64)

    def fit_rows(self, X: Any, rows: Any, y: Any) -> Ensemble:
        self._rows, self._y = np.asarray(rows, dtype=np.int64), np.asarray(y, dtype=np.int64)
        self.kept.fit_rows(X, self._rows, self._y)
        self.other.fit(X[self._rows], self._y)
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        scores = [self.kept.decision_function(X), self.other.decision_function(X)]
        if self.calibrate == "standardise":
            return sum(_standardised(s) for s in scores)
        total = np.zeros(X.shape[0])
        for s in scores:
            a, b = platt(s[self._rows], self._y)
            total += 1 / (1 + np.exp(np.clip(a * s + b, -500, 500)))
        return total


class Watched(Ensemble):
    """An ensemble that notes, at each scoring, whether its top unlabelled record is the kept
    model's and the rank correlation of its two members over the unlabelled records."""

    def __init__(self, other: Any, calibrate: str = "standardise") -> None:
        super().__init__(other, calibrate)
        self.same_top: list[bool] = []
        self.spearman: list[float] = []

    def decision_function(self, X: Any) -> np.ndarray:
        scores = super().decision_function(X)
        free = np.ones(X.shape[0], dtype=bool)
        free[self._rows] = False
        kept, other = self.kept.decision_function(X)[free], self.other.decision_function(X)[free]
        self.same_top.append(bool(np.argmax(scores[free]) == np.argmax(kept)))
        self.spearman.append(float(stats.spearmanr(kept, other).statistic))
        return scores


def agreement(name: str, seed: int = 0, variant: str = "title_abstract") -> list[str]:
    """Per set: how often variant ``name``'s next record is the kept model's, and the median
    rank correlation of its members' scores over the unlabelled records (all its fits)."""
    from benchmarks import asreview_runner as asr
    from benchmarks.bench_ranking import LABEL
    from reviewkit.ranking.simulate import simulate

    lines, made = [], []

    def make() -> Watched:
        base = VARIANTS[name]()
        made.append(Watched(base.other, base.calibrate))
        return made[-1]

    for ds in asr.datasets():
        made.clear()
        simulate(asr.reduced_csv(ds, LABEL, variant), seed=seed, model_factory=make)
        top = [t for m in made for t in m.same_top]
        rho = [r for m in made for r in m.spearman]
        lines.append(
            f"{ds.stem}: next record the kept model's in {np.mean(top):.1%} of {len(top)} "
            f"scorings; members' Spearman median {np.median(rho):.3f} (min {np.min(rho):.3f})"
        )
    return lines


VARIANTS: dict[str, Callable[[], Any]] = {
    "kept": KernelLeastSquares,
    "rerun12": KernelLeastSquares,
    "ens_svm": lambda: Ensemble(WeightedLinearSVC(C=0.11, include_ratio=INCLUDE_RATIO)),
    "ens_lr": lambda: Ensemble(WeightedLogistic()),
    "ens_svm_platt": lambda: Ensemble(WeightedLinearSVC(0.11, INCLUDE_RATIO), "platt"),
    "ens_lr_platt": lambda: Ensemble(WeightedLogistic(), "platt"),
}


@cache
def sklearn_import_cpu() -> float:
    """CPU seconds a fresh process spends importing the two scikit-learn models after
    ``reviewkit.ranking.simulate`` (numpy and scipy already loaded), the median of three."""
    code = (
        "import time, reviewkit.ranking.simulate\n"
        "t = time.process_time()\n"
        "from sklearn.svm import LinearSVC\n"
        "from sklearn.linear_model import LogisticRegression\n"
        "print(time.process_time() - t)"
    )
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    ]
    return sorted(runs)[1]


def with_import(res: dict) -> dict:
    """The runs with the scikit-learn import's CPU added to each (a fresh process's cost)."""
    out = copy.deepcopy(res)
    for r in out.values():
        r["cpu"] += sklearn_import_cpu()
    return out


def main(argv: Sequence[str]) -> int:
    if argv[0] == "split":
        return round6.main(argv)
    if argv[0] == "agree":  # agree NAME
        print("\n".join(agreement(argv[1])))
        return 0
    if argv[0] == "table":
        inputs = argv[3] if len(argv) > 3 else "title_abstract"
        print(
            "\n".join(
                round11.per_set(argv[1].split(","), [int(s) for s in argv[2].split(",")], inputs)
            )
        )
        return 0
    if argv[0] not in VARIANTS or argv[0] == "kept":
        raise SystemExit(f"unknown variant {argv[0]}; one of {', '.join(VARIANTS)}")
    name, seeds = argv[0], [int(s) for s in argv[1].split(",")]
    inputs = argv[2].split(",") if len(argv) > 2 else list(INPUTS)
    out = runs_file(name)
    res = round6.run(name, seeds, inputs, out, VARIANTS[name])
    if name.startswith("ens"):
        print(f"scikit-learn import: {sklearn_import_cpu():.2f} CPU-s added to every run")
        res = with_import(res)
    print("\n".join(round6.report(name, res, kept_runs(), seeds, inputs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
