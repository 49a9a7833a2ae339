"""Screening prioritisation: reviewkit's ranker against ASReview LAB's default model.

Data: every labelled CSV in ``/work/shared/data/screening/`` (Cohen et al. 2006 drug reviews
and Nagtegaal 2019, from ASReview's own benchmark collection), label ``label_included`` (the
final inclusion, as ASReview's benchmarks use). Seeds 0, 1, 2.

Both tools replay each set from the same prior knowledge: one include and one exclude drawn
with ``RandomState(seed)`` (``asreview simulate --n-prior-included 1 --n-prior-excluded 1
--prior-seed SEED --seed SEED``; reviewkit draws the same two records), and both stop at the
last include. Metrics are computed by the same function (:func:`reviewkit.simulate.metrics`,
priors left out) from each tool's screening order.

Time per simulation, wall and CPU: reviewkit = ``simulate()`` in this process (CSV read,
features, all retrains; CPU = ``time.process_time()``); ASReview = the ``asreview simulate``
process (includes its start-up; CPU = user + sys from ``getrusage(RUSAGE_CHILDREN)``). The
machine is shared, so wall time depends on the load; CPU time is the fair comparison.
ASReview runs are cached in ``benchmarks/.work/asreview`` (``ASREVIEW_NICE=10`` runs new ones
under ``nice``); new ASReview runs stop once the ASReview total (cached + new) passes the
budget (``ASREVIEW_BUDGET_MIN``, default 40).

Targets (issue 7): WSS@95 at or above ASReview's on the majority of sets and on average; time
per simulation at most a fifth of ASReview's on every set (speed-up >= 5, wall and CPU).
"""

from __future__ import annotations

import json
import os
import statistics
from pathlib import Path

from benchmarks import asreview_runner
from reviewkit.simulate import metrics, simulate

SEEDS = [0, 1, 2]
LABEL = "label_included"
MIN_SPEEDUP = 5.0


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def main(results_dir: Path) -> dict:
    sets = asreview_runner.datasets()
    ours: dict[tuple[str, int], dict] = {}
    for ds in sets:
        for seed in SEEDS:
            r = simulate(ds, LABEL, seed)
            ours[(ds.name, seed)] = r.summary()
            print(
                f"reviewkit: {ds.name} seed {seed}: WSS@95 {r.wss95:.3f}, {r.seconds:.2f} s, CPU {r.cpu_seconds:.2f} s",
                flush=True,
            )

    budget_s = float(os.environ.get("ASREVIEW_BUDGET_MIN", "40")) * 60
    cached_s = (
        sum(json.loads(f.read_text())["wall_s"] for f in asreview_runner.CACHE.glob("*.json"))
        if asreview_runner.CACHE.exists()
        else 0.0
    )
    theirs_raw = asreview_runner.run_all(
        SEEDS, max(0.0, budget_s - cached_s), log=lambda m: print(m, flush=True)
    )

    rows = []
    for ds in sets:
        mine = [ours[(ds.name, s)] for s in SEEDS]
        n_records = mine[0]["n_records"]
        paired = [s for s in SEEDS if (ds.name, s) in theirs_raw]
        theirs = {
            s: metrics(theirs_raw[(ds.name, s)]["labels_in_order"], n_records=n_records)
            | {
                "seconds": theirs_raw[(ds.name, s)]["wall_s"],
                "cpu_seconds": theirs_raw[(ds.name, s)].get("cpu_s"),
            }
            for s in paired
        }
        row = {
            "dataset": ds.stem,
            "n_records": n_records,
            "n_includes": mine[0]["n_includes"],
            "reviewkit": {
                "wss95_mean": _mean([m["wss95"] for m in mine]),
                "recall_at_10_mean": _mean([m["recall_at_10"] for m in mine]),
                "recall_at_20_mean": _mean([m["recall_at_20"] for m in mine]),
                "seconds_mean": _mean([m["seconds"] for m in mine]),
                "cpu_seconds_mean": _mean([m["cpu_seconds"] for m in mine]),
                "per_seed": {
                    str(m["seed"]): {
                        k: m[k]
                        for k in (
                            "wss95",
                            "recall_at_10",
                            "recall_at_20",
                            "seconds",
                            "cpu_seconds",
                            "n_fits",
                        )
                    }
                    for m in mine
                },
            },
            "asreview_seeds": paired,
        }
        if paired:
            my_paired = [ours[(ds.name, s)] for s in paired]
            row["asreview"] = {
                "wss95_mean": _mean([theirs[s]["wss95"] for s in paired]),
                "recall_at_10_mean": _mean([theirs[s]["recall_at_10"] for s in paired]),
                "recall_at_20_mean": _mean([theirs[s]["recall_at_20"] for s in paired]),
                "seconds_mean": _mean([theirs[s]["seconds"] for s in paired]),
                "cpu_seconds_mean": _mean(
                    [
                        theirs[s]["cpu_seconds"]
                        for s in paired
                        if theirs[s]["cpu_seconds"] is not None
                    ]
                ),
                "per_seed": {
                    str(s): {
                        k: theirs[s][k]
                        for k in ("wss95", "recall_at_10", "recall_at_20", "seconds", "cpu_seconds")
                    }
                    for s in paired
                },
            }
            row["paired"] = {
                "reviewkit_wss95_mean": _mean([m["wss95"] for m in my_paired]),
                "reviewkit_recall_at_10_mean": _mean([m["recall_at_10"] for m in my_paired]),
                "reviewkit_seconds_mean": _mean([m["seconds"] for m in my_paired]),
                "reviewkit_cpu_seconds_mean": _mean([m["cpu_seconds"] for m in my_paired]),
            }
            row["paired"]["wss95_difference"] = (
                row["paired"]["reviewkit_wss95_mean"] - row["asreview"]["wss95_mean"]
            )
            row["paired"]["wss95_ratio"] = (
                row["paired"]["reviewkit_wss95_mean"] / row["asreview"]["wss95_mean"]
                if row["asreview"]["wss95_mean"] > 0
                else None
            )
            row["paired"]["speedup"] = (
                row["asreview"]["seconds_mean"] / row["paired"]["reviewkit_seconds_mean"]
            )
            cpu_a = row["asreview"]["cpu_seconds_mean"]
            row["paired"]["speedup_cpu"] = (
                None if cpu_a is None else cpu_a / row["paired"]["reviewkit_cpu_seconds_mean"]
            )
        rows.append(row)

    compared = [r for r in rows if "asreview" in r]
    summary = {
        "sets": len(rows),
        "sets_compared": len(compared),
        "sets_not_run_by_asreview": [r["dataset"] for r in rows if "asreview" not in r],
        "reviewkit_wss95_mean_all_sets": _mean([r["reviewkit"]["wss95_mean"] for r in rows]),
        "reviewkit_recall_at_10_mean_all_sets": _mean(
            [r["reviewkit"]["recall_at_10_mean"] for r in rows]
        ),
        "reviewkit_seconds_mean_all_sets": _mean([r["reviewkit"]["seconds_mean"] for r in rows]),
    }
    if compared:
        summary |= {
            "reviewkit_wss95_mean_compared": _mean(
                [r["paired"]["reviewkit_wss95_mean"] for r in compared]
            ),
            "asreview_wss95_mean_compared": _mean([r["asreview"]["wss95_mean"] for r in compared]),
            "reviewkit_recall_at_10_mean_compared": _mean(
                [r["paired"]["reviewkit_recall_at_10_mean"] for r in compared]
            ),
            "asreview_recall_at_10_mean_compared": _mean(
                [r["asreview"]["recall_at_10_mean"] for r in compared]
            ),
            "sets_reviewkit_wss95_at_or_above": sum(
                r["paired"]["wss95_difference"] >= 0 for r in compared
            ),
            "sets_reviewkit_wss95_equal": [
                r["dataset"] for r in compared if r["paired"]["wss95_difference"] == 0
            ],
            "reviewkit_seconds_per_simulation_compared": _mean(
                [r["paired"]["reviewkit_seconds_mean"] for r in compared]
            ),
            "asreview_seconds_per_simulation_compared": _mean(
                [r["asreview"]["seconds_mean"] for r in compared]
            ),
            "speedup_median": statistics.median(r["paired"]["speedup"] for r in compared),
            "speedup_min": min(r["paired"]["speedup"] for r in compared),
        }
        cpu_rows = [r for r in compared if r["paired"]["speedup_cpu"] is not None]
        if cpu_rows:
            summary |= {
                "reviewkit_cpu_seconds_per_simulation_compared": _mean(
                    [r["paired"]["reviewkit_cpu_seconds_mean"] for r in cpu_rows]
                ),
                "asreview_cpu_seconds_per_simulation_compared": _mean(
                    [r["asreview"]["cpu_seconds_mean"] for r in cpu_rows]
                ),
                "speedup_cpu_median": statistics.median(
                    r["paired"]["speedup_cpu"] for r in cpu_rows
                ),
                "speedup_cpu_min": min(r["paired"]["speedup_cpu"] for r in cpu_rows),
            }
        summary["targets"] = _targets(
            summary, len(compared) == len(rows), len(cpu_rows) == len(compared)
        )
    figures = {
        "label_column": LABEL,
        "seeds": SEEDS,
        "asreview_version": asreview_runner.asreview_version(),
        "asreview_model": "default (--ai elas_u4: TF-IDF 1-2-grams, linear SVM C=0.11, balanced ratio 9.8, max query)",
        "asreview_budget_min": budget_s / 60,
        "protocol": "1 prior include + 1 prior exclude drawn with RandomState(seed) by both tools; stop at last include; metrics exclude the priors",
        "machine_note": (
            "2 shared cores under load from other jobs (wall times vary with it, CPU times much less); "
            f"ASReview time includes its process start-up{_nice_note(theirs_raw)}"
        ),
        "summary": summary,
        "datasets": rows,
    }
    (results_dir / "ranking.md").write_text(_markdown(figures))
    return figures


def _nice_note(theirs_raw: dict) -> str:
    nices = sorted({m.get("nice", 0) for m in theirs_raw.values()})
    return f"; ASReview ran under nice {'/'.join(map(str, nices))}" if any(nices) else ""


def _targets(s: dict, all_compared: bool, all_cpu: bool) -> dict:
    """Issue 7's targets, each True/False (None when ASReview did not run on every set)."""
    if not all_compared or not s.get("sets_compared"):
        return {
            "wss95_majority": None,
            "wss95_mean": None,
            "speedup_wall": None,
            "speedup_cpu": None,
        }
    return {
        "wss95_majority": s["sets_reviewkit_wss95_at_or_above"] > s["sets_compared"] / 2,
        "wss95_mean": s["reviewkit_wss95_mean_compared"] >= s["asreview_wss95_mean_compared"],
        "speedup_wall": s["speedup_min"] >= MIN_SPEEDUP,
        "speedup_cpu": s["speedup_cpu_min"] >= MIN_SPEEDUP if all_cpu else None,
    }


def _f(value: float | None, fmt: str = ".3f") -> str:
    return "–" if value is None else format(value, fmt)


def _markdown(fig: dict) -> str:
    s = fig["summary"]
    lines = [
        "# Screening prioritisation: reviewkit vs ASReview",
        "",
        f"Label `{fig['label_column']}`, seeds {fig['seeds']}, {fig['asreview_version']} default model "
        f"({fig['asreview_model']}). {fig['protocol']}. {fig['machine_note']}.",
        "",
        "WSS@95 and recall@10 % are means over the seeds ASReview ran (reviewkit's 3-seed mean in brackets "
        "where ASReview ran fewer); times are seconds per simulation, wall and CPU; speed-up = ASReview's time / reviewkit's.",
        "",
        "| Dataset | Records | Incl. | seeds (ASR) | WSS@95 rk | WSS@95 ASR | Δ | R@10 rk | R@10 ASR "
        "| wall s rk | wall s ASR | speed-up wall | CPU s rk | CPU s ASR | speed-up CPU |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in fig["datasets"]:
        rk = r["reviewkit"]
        if "asreview" in r:
            p, a = r["paired"], r["asreview"]
            cpu_speedup = "–" if p["speedup_cpu"] is None else f"{p['speedup_cpu']:.1f}×"
            lines.append(
                f"| {r['dataset']} | {r['n_records']} | {r['n_includes']} | {len(r['asreview_seeds'])} | "
                f"{_f(p['reviewkit_wss95_mean'])} | {_f(a['wss95_mean'])} | {p['wss95_difference']:+.3f} | "
                f"{_f(p['reviewkit_recall_at_10_mean'])} | {_f(a['recall_at_10_mean'])} | "
                f"{_f(p['reviewkit_seconds_mean'], '.2f')} | {_f(a['seconds_mean'], '.1f')} | {p['speedup']:.1f}× | "
                f"{_f(p['reviewkit_cpu_seconds_mean'], '.2f')} | {_f(a['cpu_seconds_mean'], '.1f')} | {cpu_speedup} |"
            )
        else:
            lines.append(
                f"| {r['dataset']} | {r['n_records']} | {r['n_includes']} | 0 | ({_f(rk['wss95_mean'])}) | not run | | "
                f"({_f(rk['recall_at_10_mean'])}) | | {_f(rk['seconds_mean'], '.2f')} | | | {_f(rk['cpu_seconds_mean'], '.2f')} | | |"
            )
    lines += ["", "## Summary", ""]
    if s.get("sets_compared"):
        lines += [
            f"- Sets compared: {s['sets_compared']} of {s['sets']}; reviewkit WSS@95 at or above ASReview's on "
            f"{s['sets_reviewkit_wss95_at_or_above']} of them.",
            f"- Mean WSS@95 on the compared sets: reviewkit {s['reviewkit_wss95_mean_compared']:.3f}, "
            f"ASReview {s['asreview_wss95_mean_compared']:.3f}.",
            f"- Mean recall@10 %: reviewkit {s['reviewkit_recall_at_10_mean_compared']:.3f}, "
            f"ASReview {s['asreview_recall_at_10_mean_compared']:.3f}.",
            f"- Wall seconds per simulation (mean): reviewkit {s['reviewkit_seconds_per_simulation_compared']:.2f}, "
            f"ASReview {s['asreview_seconds_per_simulation_compared']:.2f}; speed-up median {s['speedup_median']:.1f}×, "
            f"smallest {s['speedup_min']:.1f}×.",
        ]
        if "speedup_cpu_min" in s:
            lines.append(
                f"- CPU seconds per simulation (mean): reviewkit {s['reviewkit_cpu_seconds_per_simulation_compared']:.2f}, "
                f"ASReview {s['asreview_cpu_seconds_per_simulation_compared']:.2f}; speed-up median "
                f"{s['speedup_cpu_median']:.1f}×, smallest {s['speedup_cpu_min']:.1f}×."
            )
    if s["sets_not_run_by_asreview"]:
        lines.append(
            f"- Not run with ASReview (time budget of {fig['asreview_budget_min']:.0f} min reached): "
            + ", ".join(s["sets_not_run_by_asreview"])
            + "."
        )
    lines.append(
        f"- reviewkit over all {s['sets']} sets × 3 seeds: mean WSS@95 {s['reviewkit_wss95_mean_all_sets']:.3f}, "
        f"recall@10 % {s['reviewkit_recall_at_10_mean_all_sets']:.3f}, {s['reviewkit_seconds_mean_all_sets']:.2f} s per simulation."
    )
    lines += ["", "## Targets (issue 7)", ""] + _target_lines(s)
    return "\n".join(lines) + "\n"


def _ties(s: dict) -> str:
    equal = s.get("sets_reviewkit_wss95_equal") or []
    if not equal:
        return ""
    return f"; {len(equal)} of them an exact tie: {', '.join(equal)}"


def _target_lines(s: dict) -> list[str]:
    t = s.get("targets") or _targets(s, False, False)

    def verdict(ok: bool | None) -> str:
        return (
            "not measured (ASReview did not run on every set)"
            if ok is None
            else ("**met**" if ok else "**not met**")
        )

    lines = [
        f"- WSS@95 at or above ASReview's on the majority of sets: {verdict(t['wss95_majority'])}"
        + (
            f" ({s['sets_reviewkit_wss95_at_or_above']} of {s['sets_compared']}{_ties(s)})."
            if t["wss95_majority"] is not None
            else "."
        ),
        f"- Mean WSS@95 at or above ASReview's: {verdict(t['wss95_mean'])}"
        + (
            f" ({s['reviewkit_wss95_mean_compared']:.3f} vs {s['asreview_wss95_mean_compared']:.3f})."
            if t["wss95_mean"] is not None
            else "."
        ),
        f"- At most a fifth of ASReview's wall time on every set: {verdict(t['speedup_wall'])}"
        + (
            f" (smallest speed-up {s['speedup_min']:.1f}×; wall times follow the load of the shared machine when each "
            "run was made, ASReview's under nice: the CPU times below are the fair comparison)."
            if t["speedup_wall"] is not None
            else "."
        ),
        f"- At most a fifth of ASReview's CPU time on every set: {verdict(t['speedup_cpu'])}"
        + (
            f" (smallest speed-up {s['speedup_cpu_min']:.1f}×)."
            if t["speedup_cpu"] is not None
            else "."
        ),
    ]
    return lines
