"""Replay a labelled screening dataset as if a reviewer screened it in ranked order.

Protocol (the one ASReview's simulation studies use, so the figures compare):

1. Read the set (:mod:`reviewkit.ranking.labelled_sets`: CSV, TSV, Excel or RIS with ASReview's
   labels): ``title`` (required), ``abstract`` and ``keywords`` (optional) are the text;
   the label column (default ``label_included``, the final-inclusion label ASReview's
   benchmarks use) holds 1 for an include and 0 otherwise.
2. Prior knowledge: one include and one exclude, drawn with ``numpy.random.RandomState(seed)``
   exactly as ``asreview simulate --n-prior-included 1 --n-prior-excluded 1 --prior-seed SEED``
   draws them (so both tools start from the same two records).
3. The ranker (:class:`reviewkit.ranking.ranker.Ranker`, ready rule lowered to 1 + 1 so that it
   learns from the priors, as ASReview does) is trained, the top unscreened record is
   "screened" (its label revealed), and so on. To stay fast the model is retrained after every
   decision while fewer than ``eager`` (100) records are labelled and then after every
   ``ceil(batch_fraction × labelled)`` decisions (1 %: about every 10th decision at 1,000).
   ASReview retrains after every decision; on the 15 benchmark sets × 3 seeds retraining every
   1 % finds the includes as early as that (mean WSS@95 0.452 either way; 0.448 at 2 %) in
   about a sixth of the CPU time (``benchmarks/results/ranking.md``).
4. It stops when the last include is found; the rest follows in the last model's order.

From zero (:func:`simulate_from_zero`): the product's own start instead of ASReview's. No
priors; the reviewer screens the queue from the top, in the seeded random order or the
protocol's cold-start order, and the model starts at the ready rule (5 includes and 5
excludes), as in the screen. Its metrics count every record.

Metrics exclude the two priors (as asreview-insights does): over the ``N`` records screened
after the priors with ``R`` includes among them, the recall curve is found/R against records
screened; WSS@95 = (N − n₉₅)/N − 0.05 with n₉₅ the records screened to reach 95 % recall;
recall@10 % and @20 % are the recall after screening 10 % and 20 % of the N.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from reviewkit.errors import UserError
from reviewkit.ranking.cold_start import (
    ProtocolText,
    TermCounts,
    cold_start_order,
    protocol_document,
)
from reviewkit.ranking.features import term_counts, tfidf_features
from reviewkit.ranking.labelled_sets import LabelledSet, load_labelled_set
from reviewkit.ranking.ranker import (
    MIN_EXCLUDES,
    MIN_INCLUDES,
    Model,
    Ranker,
    build_features,
    default_model,
    stable_random_order,
)

__all__ = [
    "LabelledSet",
    "SimulationResult",
    "load_labelled_set",
    "metrics",
    "plot_recall",
    "simulate",
    "simulate_from_zero",
]

N_PRIOR = 2


@dataclass
class SimulationResult:
    """One simulated screening: order, labels in that order, metrics and time."""

    dataset: str
    label_column: str
    seed: int
    n_records: int
    n_includes: int
    order: list[int]  # row numbers (0-based) in the order screened, priors first
    labels_in_order: list[int]
    seconds: float  # wall time
    n_fits: int
    cpu_seconds: float = 0.0  # CPU time of this process (all threads), time.process_time()
    n_prior: int = N_PRIOR  # records given before the ranking (0 in the from-zero mode)
    cold_start: str = ""  # from zero: the order before the ready rule, "random" or "protocol"
    wss95: float = field(init=False)
    recall_at_10: float = field(init=False)
    recall_at_20: float = field(init=False)

    def __post_init__(self) -> None:
        m = metrics(self.labels_in_order, n_prior=self.n_prior)
        self.wss95, self.recall_at_10, self.recall_at_20 = (
            m["wss95"],
            m["recall_at_10"],
            m["recall_at_20"],
        )

    def recall_curve(self) -> np.ndarray:
        """Recall after each record screened after the priors (length N)."""
        return recall_curve(self.labels_in_order, n_prior=self.n_prior)

    def screened_until(self, k: int) -> int | None:
        """Records screened (after the priors) until the ``k``-th include, or None."""
        hits = np.flatnonzero(np.asarray(self.labels_in_order[self.n_prior :]) == 1)
        return int(hits[k - 1]) + 1 if len(hits) >= k else None

    def summary(self) -> dict:
        """Figures as a JSON-able dict (no per-record data)."""
        return {
            "dataset": self.dataset,
            "label_column": self.label_column,
            "seed": self.seed,
            "n_records": self.n_records,
            "n_includes": self.n_includes,
            "wss95": self.wss95,
            "recall_at_10": self.recall_at_10,
            "recall_at_20": self.recall_at_20,
            "seconds": self.seconds,
            "cpu_seconds": self.cpu_seconds,
            "n_fits": self.n_fits,
            "n_prior": self.n_prior,
            "cold_start": self.cold_start,
            "until_1st_include": self.screened_until(1),
            "until_5th_include": self.screened_until(5),
        }


def recall_curve(labels_in_order: Sequence[int], *, n_prior: int = N_PRIOR) -> np.ndarray:
    """Recall after each record screened, the first ``n_prior`` records left out."""
    y = np.asarray(labels_in_order[n_prior:], dtype=np.int64)
    total = int(y.sum())
    if total == 0:
        raise ValueError("no includes after the priors: recall is undefined")
    return np.cumsum(y) / total


def metrics(
    labels_in_order: Sequence[int], *, n_prior: int = N_PRIOR, n_records: int | None = None
) -> dict:
    """WSS@95, recall@10 % and recall@20 % of a screening order (priors left out).

    ``labels_in_order`` may stop at the last include (as ASReview's output does); give
    ``n_records`` (all records, priors included) so the unscreened rest counts as excludes.
    """
    labels = list(labels_in_order)
    if n_records is not None and n_records > len(labels):
        labels += [0] * (n_records - len(labels))
    curve = recall_curve(labels, n_prior=n_prior)
    n = len(curve)
    n95 = int(np.argmax(curve >= 0.95 - 1e-12)) + 1
    return {
        "wss95": (n - n95) / n - 0.05,
        "recall_at_10": float(curve[max(1, math.floor(0.1 * n)) - 1]),
        "recall_at_20": float(curve[max(1, math.floor(0.2 * n)) - 1]),
        "n95": n95,
    }


def prior_rows(labels: np.ndarray, seed: int) -> tuple[int, int]:
    """One include and one exclude, drawn as ``asreview simulate --prior-seed SEED`` draws them."""
    include = np.random.RandomState(seed).choice(np.flatnonzero(labels == 1), 1, replace=False)[0]
    exclude = np.random.RandomState(seed).choice(np.flatnonzero(labels == 0), 1, replace=False)[0]
    return int(include), int(exclude)


def _fit_and_rank(ranker: Ranker, labels: dict[int, bool], labelled: np.ndarray) -> list[int]:
    """Fit ``ranker`` on ``labels``; the rows not yet labelled, best score first (ties in row
    order). Rows are the records' ids; a row past them (the protocol's pseudo-include) is not
    ranked."""
    ranker.fit(labels)
    scores = ranker.all_scores()[: len(labelled)]
    pool = np.flatnonzero(~labelled)
    return pool[np.argsort(-scores[pool], kind="stable")].tolist()


def _step(screened: int, eager: int, batch_fraction: float) -> int:
    """Records to screen before the next fit: one until ``eager`` were screened, then
    ``batch_fraction`` of those screened."""
    return 1 if screened < eager else math.ceil(batch_fraction * screened)


def _labelled(dataset: Path | str | LabelledSet, label_column: str) -> LabelledSet:
    """``dataset`` as loaded: a :class:`LabelledSet` as it is, a path read (UserError if bad)."""
    if isinstance(dataset, LabelledSet):
        return dataset
    return load_labelled_set(Path(dataset), label_column)


def simulate(
    dataset_csv: Path | str | LabelledSet,
    label_column: str = "label_included",
    seed: int = 0,
    *,
    eager: int = 100,
    batch_fraction: float = 0.01,
    model_factory: Callable[[], Model] = default_model,
    progress: Callable[[int, int], None] | None = None,
) -> SimulationResult:
    """Simulate ranked screening of a labelled set (see the module docstring for the protocol).

    ``dataset_csv`` is a path (read with :func:`load_labelled_set`) or a set already loaded
    with ``label_column`` (as the CLI does, to fail fast without reading it twice).
    ``progress(found, total)`` is called as includes are found; ``model_factory`` swaps the
    classifier (for experiments). The result's wall and CPU times run from this call to the
    end of the order: they include reading the set when given a path, not when given a
    loaded set.
    """
    started, cpu_started = time.perf_counter(), time.process_time()
    data = _labelled(dataset_csv, label_column)
    y = data.labels
    n, total = len(y), int(y.sum())
    ranker = Ranker(
        build_features(data.texts), min_includes=1, min_excludes=1, model_factory=model_factory
    )
    order = list(prior_rows(y, seed))
    labelled = np.zeros(n, dtype=bool)
    labelled[order] = True
    found = int(y[order].sum())
    n_fits = 0
    ranked: list[int] = []
    included = y.astype(bool)
    while found < total:
        labels = dict(zip(order, included[order].tolist(), strict=True))  # in screening order
        ranked = _fit_and_rank(ranker, labels, labelled)
        n_fits += 1
        for i in ranked[: _step(len(order), eager, batch_fraction)]:
            order.append(i)
            labelled[i] = True
            found += int(y[i])
            if found == total:
                break
        if progress:
            progress(found, total)
    order += (
        [i for i in ranked if not labelled[i]] if ranked else np.flatnonzero(~labelled).tolist()
    )
    return _result(data, label_column, seed, order, n_fits, (started, cpu_started))


def _result(
    data: LabelledSet,
    label_column: str,
    seed: int,
    order: list[int],
    n_fits: int,
    since: tuple[float, float],
    **more: Any,
) -> SimulationResult:
    """A simulation's result: ``order`` with its labels, the wall and CPU time since ``since``
    (``time.perf_counter()``, ``time.process_time()`` at the start)."""
    y = data.labels
    return SimulationResult(
        dataset=data.name,
        label_column=label_column,
        seed=seed,
        n_records=len(y),
        n_includes=int(y.sum()),
        order=order,
        labels_in_order=[int(y[i]) for i in order],
        seconds=time.perf_counter() - since[0],
        n_fits=n_fits,
        cpu_seconds=time.process_time() - since[1],
        **more,
    )


def _cold_order(
    texts: list[str], seed: int, protocol: ProtocolText | None, counts: TermCounts
) -> tuple[list[int], str]:
    """The order before the ready rule and its name: the protocol's, else the seeded one."""
    seeded: list[int] = stable_random_order(range(len(texts)), seed)
    if protocol is not None:  # ``counts`` of the texts (and more rows), taken in that order
        own = (counts[0][seeded], counts[1], counts[2])
        ordered = cold_start_order(seeded, [texts[i] for i in seeded], protocol, own)
        if ordered is not None:
            return ordered, "protocol"
    return seeded, "random"


def simulate_from_zero(
    dataset_csv: Path | str | LabelledSet,
    label_column: str = "label_included",
    seed: int = 0,
    *,
    protocol: ProtocolText | None = None,
    protocol_feature: bool = False,
    min_includes: int = MIN_INCLUDES,
    min_excludes: int = MIN_EXCLUDES,
    eager: int = 100,
    batch_fraction: float = 0.01,
    model_factory: Callable[[], Model] = default_model,
) -> SimulationResult:
    """Simulate screening as the product starts it: no priors, the reviewer takes the queue
    from the top, the model starts once the ready rule is met (``min_includes`` and
    ``min_excludes``, 5 and 5 as in the screen).

    Before that the queue is the seeded random order (:func:`stable_random_order`), or with
    ``protocol`` its cold-start order (:func:`reviewkit.ranking.cold_start.cold_start_order`,
    random when the protocol gives nothing to score by). With ``protocol_feature`` the
    protocol's text (:func:`protocol_document`) is one more include in every training set,
    weighing what one include weighs; it does not count towards the ready rule. After the
    ready rule the model is retrained as in :func:`simulate`. Metrics count every record
    (``n_prior`` 0). ``dataset_csv`` (a path or a loaded set) and the times are as in
    :func:`simulate`.
    """
    started, cpu_started = time.perf_counter(), time.process_time()
    data = _labelled(dataset_csv, label_column)
    y = data.labels
    n, total = len(y), int(y.sum())
    extra = [protocol_document(protocol)] if protocol is not None and protocol_feature else []
    counts = term_counts(data.texts + extra)  # once, for the cold start and the features
    cold, source = _cold_order(data.texts, seed, protocol, counts)
    ranker = Ranker(
        tfidf_features(counts[0]),  # after the cold start: it changes the counts in place
        min_includes=1,
        min_excludes=1,
        model_factory=model_factory,
    )
    pseudo = {n: True} if extra else {}
    order: list[int] = []
    labelled = np.zeros(n, dtype=bool)
    found, n_fits, ranked, next_cold = 0, 0, [], 0
    while found < total:
        if found >= min_includes and len(order) - found >= min_excludes:
            ranked = _fit_and_rank(ranker, pseudo | {i: bool(y[i]) for i in order}, labelled)
            n_fits += 1
            batch = ranked[: _step(len(order), eager, batch_fraction)]
        else:  # the cold-start order, from the first record not yet screened
            while labelled[cold[next_cold]]:
                next_cold += 1
            batch = [cold[next_cold]]
        for i in batch:
            order.append(i)
            labelled[i] = True
            found += int(y[i])
            if found == total:
                break
    rest = ranked if ranked else cold
    order += [i for i in rest if not labelled[i]]
    cold_start = source + (" + protocol feature" if extra else "")
    since = (started, cpu_started)
    return _result(data, label_column, seed, order, n_fits, since, n_prior=0, cold_start=cold_start)


def plot_text(result: SimulationResult) -> tuple[str, str]:
    """The plot's title (set name without ``.csv``, counts, label, seed) and its 95 % note."""
    name = result.dataset[:-4] if result.dataset.lower().endswith(".csv") else result.dataset
    title = (
        f"{name}: {result.n_records:,} records, {result.n_includes:,} includes\n"
        f"{result.label_column}, seed {result.seed}"
    )
    n95 = int(metrics(result.labels_in_order, n_prior=result.n_prior)["n95"])
    n = result.n_records - result.n_prior
    note = f"95 % recall after {n95:,} of {n:,} records\nWSS@95 = {result.wss95:.3f}"
    return title, note


def plot_recall(result: SimulationResult, path: Path | str) -> Path:
    """Write a PNG of the recall curve against random order (matplotlib, Agg backend).

    The 95 % recall line is labelled, the point where the ranking reaches it is marked with
    the records screened and its WSS@95, and the title names the set (without ``.csv``), its
    record and include counts, the label column and the seed.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    curve = result.recall_curve()
    n = len(curve)
    x = np.arange(1, n + 1) / n
    n95 = int(metrics(result.labels_in_order, n_prior=result.n_prior)["n95"])
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=110)
    ax.plot(x, curve, label="reviewkit ranking", color="tab:blue")
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label="random order (expected)")
    ax.axhline(0.95, color="tab:red", linewidth=0.8, linestyle=":")
    # label under the line, mid-right: clear of the curve (left) and of the random diagonal
    ax.text(0.62, 0.935, "95 % recall", color="tab:red", ha="left", va="top", fontsize=8)
    x95 = n95 / n
    ax.plot([x95], [curve[n95 - 1]], marker="o", color="tab:red", zorder=3)
    title, note = plot_text(result)
    ax.annotate(
        note,
        xy=(x95, curve[n95 - 1]),
        xytext=(min(x95 + 0.08, 0.55), 0.7),
        fontsize=8,
        arrowprops={"arrowstyle": "->", "color": "tab:red", "linewidth": 0.8},
    )
    after = f"after the {result.n_prior} priors; " if result.n_prior else "from zero; "
    ax.set_xlabel(f"fraction of records screened ({after}N = {n:,})")
    ax.set_ylabel("recall")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_title(title, fontsize=10)
    ax.legend(loc="lower right")
    fig.tight_layout()
    from reviewkit import figure_files

    return figure_files.save_figure(fig, path, fmt="png")


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m reviewkit.ranking.simulate DATASET.csv SEED OUT.json``: one simulation, no CLI layer.

    For benchmarks that time a whole process (start-up included): it loads only what a
    simulation needs and writes the summary, the labels in screening order and the order
    (row numbers, priors first) as JSON.
    """
    import json
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 3:
        print(
            "usage: python -m reviewkit.ranking.simulate DATASET.csv SEED OUT.json", file=sys.stderr
        )
        return 2
    try:
        result = simulate(Path(args[0]), seed=int(args[1]))
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out = result.summary() | {"labels_in_order": result.labels_in_order, "order": result.order}
    Path(args[2]).write_text(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
