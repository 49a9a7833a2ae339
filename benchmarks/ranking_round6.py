"""Issue 17, round 6: a regularisation that sets itself on each review's own labels.

``python -m benchmarks.ranking_round6 NAME SEEDS [INPUTS]`` runs the in-process simulation
loop (:func:`reviewkit.ranking.simulate.simulate`, the tables' protocol, as
``benchmarks/ranking_round5.py`` does) with a variant on the 15 sets and prints the figures
(mean WSS@95, sets at or above ASReview, recall@10 %, CPU against the kept setting, the
smallest whole-process CPU ratio, the means on the 7 smaller and the 8 larger sets). Runs are
kept in ``/tmp/ranking_WORKTREE_NAME.json`` (resumable; ``ranking_round5.runs_file``). NAME:

* ``kept``: the tables' own runs (``results/ranking.json``); ``rerun``: the kept model run
  again now (the same orders; its CPU is the reference under the machine's present load);
* ``sel_mse`` / ``sel_auc``: lam chosen from the grid 1, 2, 3, 5, 10 by closed-form
  leave-one-out, on the weighted squared error or on how the LOO scores rank the includes
  above the excludes;
* ``sel_1se``: as ``sel_mse``, but the default lam 3 is left only for a lam whose LOO error
  is lower by more than one standard error of the per-record differences;
* ``sel_pool``: the lam under which the includes' LOO scores stand highest among the scores
  of the unlabelled records (the queue a held-out include would be in), not among the
  labelled excludes (those the queue already chose for scoring high);
* ``stack``: the five lams as a committee, weights by stacked regression on their LOO scores
  (Breiman 1996).

The choice (or the committee's weights) is made at every fit up to 100 labels, then each time
the labels have grown by a quarter, up to 500 (the exact solves); beyond, the last one stays.
With the suffix ``_every`` (``sel_mse_every``) it is made at every fit up to 500 labels.
The rows of ``results/ranking.md`` ("What was tried", sixth round) are ``sel_mse_every``,
``sel_1se``, ``sel_auc_every`` / ``sel_auc``, ``sel_pool`` and ``stack``, seeds 0,1,2.

``python -m benchmarks.ranking_round6 split kept,sel_mse,... SEEDS`` prints the split-half
check (chosen on the 7 smaller sets, tested on the 8 larger, and the other way round).

All but ``kept`` / ``rerun`` are :class:`benchmarks.ranking_round6_model.GridKernelLeastSquares`
(the product's model plus the grid, which the product does not carry; the closed form is that
module's ``loo_fits``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from benchmarks import asreview_runner as asr
from benchmarks.ranking_round5 import INPUTS, kept_runs, run_one, runs_file, summary
from benchmarks.ranking_round6_model import GridKernelLeastSquares
from reviewkit.ranking.model import EXACT_UP_TO, KernelLeastSquares

GRID = (1.0, 2.0, 3.0, 5.0, 10.0)
VARIANTS = {
    "sel_mse": "select_mse",
    "sel_auc": "select_auc",
    "stack": "stack",
    "sel_1se": "select_mse_1se",
    "sel_pool": "select_pool",
}


def factory(name: str) -> Callable[[], Any]:
    """The model factory a variant's name stands for (see the module docstring)."""
    if name in ("kept", "rerun"):
        return KernelLeastSquares
    base, every = name.removesuffix("_every"), name.endswith("_every")
    if base not in VARIANTS:
        raise SystemExit(f"unknown variant {name}; one of kept, {', '.join(VARIANTS)}")
    always = EXACT_UP_TO if every else 100  # the choice made at every exact fit, or scheduled
    return lambda: GridKernelLeastSquares(GRID, combine=VARIANTS[base], select_always_up_to=always)


def run(
    name: str,
    seeds: Sequence[int],
    inputs: Sequence[str],
    out: Path,
    make: Callable[[], Any] | None = None,
) -> dict:
    """Every seed x input x set with variant ``name`` (seed by seed, so the first seed's
    figures come first); results kept in ``out`` (resumable). ``make``: the model factory
    (default: this round's :func:`factory` of ``name``)."""
    res = json.loads(out.read_text()) if out.exists() else {}
    make = make or factory(name)
    for seed in seeds:
        for variant in inputs:
            for ds in asr.datasets():
                run_one(res, ds, variant, seed, make, out, wait_for_base=True)
        for variant in inputs:  # sets without keywords, whose run is their title_abstract run:
            for ds in asr.datasets():  # made now if this command's inputs did not make it
                key, base = f"{variant}|{ds.stem}|{seed}", f"title_abstract|{ds.stem}|{seed}"
                if key not in res:
                    run_one(res, ds, "title_abstract", seed, make, out)
                    res[key] = res[base]
    out.write_text(json.dumps(res))
    return res


def report(
    name: str, res: dict, kept: dict, seeds: Sequence[int], inputs: Sequence[str]
) -> list[str]:
    """One line per input: the figures over all 15 sets and on each half."""
    by_size = sorted(asr.datasets(), key=lambda d: kept[f"title_abstract|{d.stem}|0"]["n"])
    small, large = {d.stem for d in by_size[:7]}, {d.stem for d in by_size[7:]}
    lines = []
    for variant in inputs:
        s = summary(res, kept, seeds, variant, None)
        halves = [summary(res, kept, seeds, variant, h)["wss95"] for h in (small, large)]
        lines.append(
            f"{name} {variant} seeds {','.join(map(str, seeds))}: {s['wss95']:.3f} "
            f"({s['at_or_above']}/{s['sets']}), recall@10 % {s['recall_at_10']:.3f}, "
            f"CPU {s['cpu_vs_kept']:.2f}x the kept setting, smallest ratio "
            f"{s['smallest_ratio']:.1f}x; 7 smaller {halves[0]:.3f}, 8 larger {halves[1]:.3f}"
        )
    return lines


def split_half(names: Sequence[str], seeds: Sequence[int], inputs: Sequence[str]) -> list[str]:
    """The split-half check of the earlier rounds: per input, the setting with the highest
    mean on one half (7 smaller / 8 larger sets) and its gain over the kept setting on the
    other half (runs read from ``ranking_round5.runs_file``)."""
    kept = kept_runs()
    runs = {n: kept if n == "kept" else json.loads(runs_file(n).read_text()) for n in names}
    by_size = sorted(asr.datasets(), key=lambda d: kept[f"title_abstract|{d.stem}|0"]["n"])
    halves = {"7 smaller": {d.stem for d in by_size[:7]}, "8 larger": {d.stem for d in by_size[7:]}}
    lines = []
    for variant in inputs:
        mean = {
            (n, h): summary(runs[n], kept, seeds, variant, sets)["wss95"]
            for n in names
            for h, sets in halves.items()
        }
        for chosen_on, other in (("7 smaller", "8 larger"), ("8 larger", "7 smaller")):
            best = max(names, key=lambda n: (mean[(n, chosen_on)], n == "kept"))
            lines.append(
                f"{variant}: chosen on the {chosen_on}: {best} "
                f"({mean[(best, chosen_on)] - mean[('kept', chosen_on)]:+.3f} there, "
                f"{mean[(best, other)] - mean[('kept', other)]:+.3f} on the {other})"
            )
    return lines


def run_and_report(argv: Sequence[str], make: Callable[[], Any] | None = None) -> int:
    """``NAME SEEDS [INPUTS]``: variant NAME run (``make``: its model factory, default this
    round's :func:`factory` of NAME; ``kept``: the tables' runs) and its :func:`report` printed."""
    name, seeds = argv[0], [int(s) for s in argv[1].split(",")]
    inputs = argv[2].split(",") if len(argv) > 2 else list(INPUTS)
    kept = kept_runs()
    out = runs_file(name)
    res = kept if name == "kept" else run(name, seeds, inputs, out, make)
    print("\n".join(report(name, res, kept, seeds, inputs)))
    return 0


def run_variant(argv: Sequence[str], variants: Mapping[str, Callable[[], Any]]) -> int:
    """A later round's command line: ``split NAME,NAME,... SEEDS [INPUTS]`` (this round's
    :func:`split_half`, over any round's runs) or ``NAME SEEDS [INPUTS]`` with NAME one of
    ``variants`` (its model factory), run and reported by :func:`run_and_report`."""
    if argv[0] == "split":
        return main(argv)
    if argv[0] not in variants:
        raise SystemExit(f"unknown variant {argv[0]}; one of {', '.join(variants)}")
    return run_and_report(argv, variants[argv[0]])


def main(argv: Sequence[str]) -> int:
    if argv[0] == "split":  # split NAME,NAME,... SEEDS [INPUTS]
        seeds = [int(s) for s in argv[2].split(",")]
        inputs = argv[3].split(",") if len(argv) > 3 else list(INPUTS)
        print("\n".join(split_half(argv[1].split(","), seeds, inputs)))
        return 0
    return run_and_report(argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
