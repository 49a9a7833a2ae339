"""Screening prioritisation: reviewkit's ranker against ASReview LAB's default model, same input.

Data: every labelled CSV in ``/work/shared/data/screening/`` (Cohen et al. 2006 drug reviews
and Nagtegaal 2019, from ASReview's own benchmark collection), label ``label_included``.
Seeds 0, 1, 2.

**Identical input.** Both tools read the very same reduced file
(:func:`benchmarks.asreview_runner.reduced_csv`), once per input variant:
``title_abstract`` (title, abstract) and ``with_keywords`` (the MeSH keywords appended to the
abstract; ASReview's feature extractor reads only title and abstract). Two sets have no
keywords (ACEInhibitors, Nagtegaal): their ``with_keywords`` figures are their
``title_abstract`` ones. Both start from the same prior include and exclude
(``RandomState(seed)``, ASReview's ``--prior-seed``) and stop at the last include; metrics
come from one function (:func:`reviewkit.ranking.simulate.metrics`, priors left out).

**Time: whole processes.** reviewkit = ``python -m reviewkit.ranking.simulate CSV SEED OUT`` in a
fresh process, ASReview = ``asreview simulate`` in a fresh process; wall time and CPU time
(user + sys, ``os.wait4`` of that process) include interpreter start-up and imports for
both. The machine is shared: CPU time is the fair comparison.

**ASReview runs are cached**: ``benchmarks/.work/asreview/`` holds the runs made on this
machine (labels in order, times); ``results/ranking.asreview.json`` (committed) keeps each
run's figures so the comparison can be rebuilt without rerunning ASReview (~25 CPU-min per
pass). A run missing from both is reported as missing, never guessed.

**Stopping.** For every reviewkit run the labels in screening order are replayed through the
two stopping rules of :mod:`reviewkit.ranking.stopping` (the estimate of includes left first < 1;
the Callaghan & Müller-Hansen test of 95 % recall at alpha 0.05, checked every 0.5 % of the
records); recall at that moment and the share of records left unscreened are recorded.
A rule may be recommended by the screen only if recall >= 95 % in >= 95 % of all runs.

Targets (issue 17): mean WSS@95 >= ASReview's + 0.02 on identical input, at or above ASReview
on >= 10 of 15 sets, CPU per simulation <= 1/5 of ASReview's on every set.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks import asreview_runner as asr
from benchmarks.ranking_tried import tried_lines
from reviewkit.ranking.simulate import metrics
from reviewkit.ranking.stopping import RULES, stop_position

SEEDS = [0, 1, 2]
LABEL = "label_included"
MIN_SPEEDUP = 5.0
MIN_GAIN = 0.02
MIN_SETS_AT_OR_ABOVE = 10
STOP_RECALL, STOP_SHARE = 0.95, 0.95
ROOT = Path(__file__).resolve().parent.parent


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def run_reviewkit(csv_path: Path, seed: int) -> dict:
    """One simulation in a fresh process; its summary, labels, whole-process wall and CPU s and
    peak resident memory (MB)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "run.json"
        cmd = [
            sys.executable,
            "-m",
            "reviewkit.ranking.simulate",
            str(csv_path),
            str(seed),
            str(out),
        ]
        # the environment as a user has it: the ranker limits its BLAS threads itself
        # (reviewkit/blas.py); ASReview runs in the same environment
        done = asr.run_measured(cmd, cwd=ROOT)
        if done["returncode"] != 0:
            raise RuntimeError(f"reviewkit simulate failed on {csv_path}: {done['stderr'][-2000:]}")
        result = json.loads(out.read_text())
    return result | {
        "process_wall_s": done["wall_s"],
        "process_cpu_s": done["cpu_s"],
        "peak_rss_mb": done["peak_rss_mb"],
    }


def _asreview_store(results_dir: Path) -> dict[str, dict]:
    path = results_dir / "ranking.asreview.json"
    return json.loads(path.read_text()) if path.exists() else {}


def asreview_run(ds: Path, seed: int, inputs: str, n_records: int, store: dict) -> dict | None:
    """Figures of one ASReview run: from this machine's cache, else the committed store."""
    key = asr.cache_key(ds, seed, LABEL, inputs)
    meta_file = asr.CACHE / f"{key}.json"
    if meta_file.exists():
        meta = json.loads(meta_file.read_text())
        m = metrics(meta["labels_in_order"], n_records=n_records)
        store[key] = {
            "wss95": m["wss95"],
            "recall_at_10": m["recall_at_10"],
            "recall_at_20": m["recall_at_20"],
            "wall_s": meta["wall_s"],
            "cpu_s": meta.get("cpu_s"),
            "nice": meta.get("nice", 0),
            "inputs": asr.effective_input(ds, inputs),
        }
    return store.get(key)


def stops_by_rule(labels: list[int], n_records: int) -> dict:
    """Where each stopping rule stops on a ranking's labels in screening order: recall, the
    share of records saved and the count screened, by rule (used by ranking_kinds too)."""
    total = sum(labels)
    out = {}
    for rule in RULES:
        k = stop_position(labels, n_records, rule, every=max(1, n_records // 200))
        out[rule] = {
            "recall": sum(labels[:k]) / total,
            "saved": (n_records - k) / n_records,
            "screened": k,
        }
    return out


def _variant(
    inputs: str, store: dict, done: dict[str, dict], sets: Sequence[str] | None = None
) -> dict:
    """Both tools on every set (or those named in ``sets``) with this input; ``done`` holds
    rows already run (by stem)."""
    rows = []
    for ds in asr.datasets():
        if sets is not None and ds.stem not in sets:
            continue
        if asr.effective_input(ds, inputs) != inputs and ds.stem in done:
            rows.append(done[ds.stem])  # no keywords: the title_abstract runs are these runs
            continue
        csv_path = asr.reduced_csv(ds, LABEL, inputs)
        mine, theirs = {}, {}
        for seed in SEEDS:
            r = run_reviewkit(csv_path, seed)
            r.pop("order", None)  # the row numbers: not figures (the labels give the stops)
            r["stops"] = stops_by_rule(r.pop("labels_in_order"), r["n_records"])
            mine[seed] = r
            a = asreview_run(ds, seed, inputs, r["n_records"], store)
            if a is not None:
                theirs[seed] = a
            print(
                f"{inputs} {ds.stem} seed {seed}: reviewkit WSS@95 {r['wss95']:.3f} "
                f"CPU {r['process_cpu_s']:.2f} s; ASReview "
                + (f"{a['wss95']:.3f} CPU {a['cpu_s'] or 0:.1f} s" if a else "not run"),
                flush=True,
            )
        rows.append(_row(ds, inputs, mine, theirs))
        done.setdefault(ds.stem, rows[-1])
    return {"inputs": inputs, "datasets": rows, "summary": _summary(rows)}


def _row(ds: Path, inputs: str, mine: dict, theirs: dict) -> dict:
    paired = sorted(theirs)
    cpu_paired = [s for s in paired if theirs[s].get("cpu_s")]
    row = {
        "dataset": ds.stem,
        "inputs": asr.effective_input(ds, inputs),
        "n_records": mine[0]["n_records"],
        "n_includes": mine[0]["n_includes"],
        "reviewkit": {
            str(s): {k: v for k, v in r.items() if k != "dataset"} for s, r in mine.items()
        },
        "asreview": {str(s): a for s, a in theirs.items()},
        "asreview_seeds": paired,
        "wss95_reviewkit": _mean([mine[s]["wss95"] for s in paired]),
        "wss95_asreview": _mean([theirs[s]["wss95"] for s in paired]),
        "recall_at_10_reviewkit": _mean([mine[s]["recall_at_10"] for s in paired]),
        "recall_at_10_asreview": _mean([theirs[s]["recall_at_10"] for s in paired]),
        "cpu_s_reviewkit": _mean([mine[s]["process_cpu_s"] for s in SEEDS]),
        "wall_s_reviewkit": _mean([mine[s]["process_wall_s"] for s in SEEDS]),
        "cpu_s_asreview": _mean([theirs[s]["cpu_s"] for s in cpu_paired]),
        "wall_s_asreview": _mean([theirs[s]["wall_s"] for s in paired]),
    }
    if cpu_paired:  # CPU ratio over the seeds both tools were timed on
        row["speedup_cpu"] = row["cpu_s_asreview"] / _mean(
            [mine[s]["process_cpu_s"] for s in cpu_paired]
        )
    return row


def _summary(rows: list[dict]) -> dict:
    compared = [r for r in rows if r["asreview_seeds"]]
    timed = [r for r in compared if "speedup_cpu" in r]
    s = {
        "sets": len(rows),
        "sets_compared": len(compared),
        "runs_compared": sum(len(r["asreview_seeds"]) for r in compared),
        "sets_timed": len(timed),
    }
    if not compared:
        return s
    s["wss95_reviewkit"] = _mean([r["wss95_reviewkit"] for r in compared])
    s["wss95_asreview"] = _mean([r["wss95_asreview"] for r in compared])
    s["wss95_gain"] = s["wss95_reviewkit"] - s["wss95_asreview"]
    s["recall_at_10_reviewkit"] = _mean([r["recall_at_10_reviewkit"] for r in compared])
    s["recall_at_10_asreview"] = _mean([r["recall_at_10_asreview"] for r in compared])
    s["sets_at_or_above"] = sum(r["wss95_reviewkit"] >= r["wss95_asreview"] for r in compared)
    if timed:
        s["speedup_cpu_min"] = min(r["speedup_cpu"] for r in timed)
        s["speedup_cpu_median"] = statistics.median(r["speedup_cpu"] for r in timed)
        s["cpu_s_reviewkit"] = _mean([r["cpu_s_reviewkit"] for r in timed])
        s["cpu_s_asreview"] = _mean([r["cpu_s_asreview"] for r in timed])
    complete = len(compared) == len(rows)
    s["targets"] = {
        "mean_gain": (s["wss95_gain"] >= MIN_GAIN) if complete else None,
        "sets_at_or_above": (s["sets_at_or_above"] >= MIN_SETS_AT_OR_ABOVE) if complete else None,
        "cpu_fifth": (s["speedup_cpu_min"] >= MIN_SPEEDUP) if timed else None,
    }
    return s


def _stopping(variants: list[dict]) -> dict:
    rules = {}
    for rule in RULES:
        runs = [
            (v["inputs"], row["dataset"], r["stops"][rule])
            for v in variants
            for row in v["datasets"]
            if row["inputs"] == v["inputs"]  # a set without keywords counts once
            for r in row["reviewkit"].values()
        ]
        ok = sum(st["recall"] >= STOP_RECALL for _, _, st in runs)
        rules[rule] = {
            "runs": len(runs),
            "runs_recall_at_least_95": ok,
            "share_recall_at_least_95": ok / len(runs),
            "recall_min": min(st["recall"] for _, _, st in runs),
            "recall_mean": _mean([st["recall"] for _, _, st in runs]),
            "saved_mean": _mean([st["saved"] for _, _, st in runs]),
            "recommendable": ok / len(runs) >= STOP_SHARE,
        }
    return rules


def rebuild(results_dir: Path) -> dict:
    """The comparison again from the reviewkit runs in ``ranking.json`` and the ASReview runs
    cached now (ASReview runs that finished after the benchmark); reviewkit is not rerun."""
    old = json.loads((results_dir / "ranking.json").read_text())
    store = _asreview_store(results_dir)
    sets = {ds.stem: ds for ds in asr.datasets()}
    variants = []
    for v in old["variants"]:
        rows = []
        for row in v["datasets"]:
            ds = sets[row["dataset"]]
            mine = {int(s): r for s, r in row["reviewkit"].items()}
            theirs = {}
            for seed in SEEDS:
                a = asreview_run(ds, seed, v["inputs"], row["n_records"], store)
                if a is not None:
                    theirs[seed] = a
            rows.append(_row(ds, v["inputs"], mine, theirs))
        variants.append({"inputs": v["inputs"], "datasets": rows, "summary": _summary(rows)})
    # nothing ran now: the load stated is the one the recorded runs were made under
    return _write(results_dir, variants, store, load=old.get("load_1min"))


def main(results_dir: Path) -> dict:
    store = _asreview_store(results_dir)
    done: dict[str, dict] = {}
    variants = [_variant(inputs, store, done) for inputs in asr.INPUTS]
    return _write(results_dir, variants, store)


def _write(
    results_dir: Path, variants: list[dict], store: dict, *, load: float | None = None
) -> dict:
    """Write ranking.md and the ASReview cache; ``load`` is the load of the runs (now if None)."""
    (results_dir / "ranking.asreview.json").write_text(
        json.dumps(store, indent=1, sort_keys=True) + "\n"
    )
    figures = {
        "label_column": LABEL,
        "seeds": SEEDS,
        "asreview_version": asr.ASREVIEW_VERSION,
        "asreview_model": "default (elas_u4: TF-IDF 1-2-grams, linear SVM (squared hinge, as asreview/models/models.py sets it) C=0.11, ratio 9.8, max query)",
        "variants": variants,
        "stopping": _stopping(variants),
        "load_1min": os.getloadavg()[0] if load is None else load,
    }
    (results_dir / "ranking.md").write_text(_markdown(figures))
    return figures


def _f(value: float | None, fmt: str = ".3f") -> str:
    return "–" if value is None else format(value, fmt)


def _variant_lines(v: dict) -> list[str]:
    s = v["summary"]
    lines = [
        f"### Input `{v['inputs']}`",
        "",
        "| Dataset | Records | Incl. | input used | ASR seeds | WSS@95 rk | WSS@95 ASR | Δ | R@10 rk | R@10 ASR "
        "| CPU s rk | CPU s ASR | CPU ratio | wall s rk | wall s ASR |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in v["datasets"]:
        d = None if r["wss95_asreview"] is None else r["wss95_reviewkit"] - r["wss95_asreview"]
        lines.append(
            f"| {r['dataset']} | {r['n_records']} | {r['n_includes']} | {r['inputs']} | "
            f"{len(r['asreview_seeds'])} | {_f(r['wss95_reviewkit'])} | {_f(r['wss95_asreview'])} | "
            f"{_f(d, '+.3f')} | {_f(r['recall_at_10_reviewkit'])} | {_f(r['recall_at_10_asreview'])} | "
            f"{_f(r['cpu_s_reviewkit'], '.2f')} | {_f(r['cpu_s_asreview'], '.1f')} | "
            f"{_f(r.get('speedup_cpu'), '.1f')}{'×' if r.get('speedup_cpu') else ''} | "
            f"{_f(r['wall_s_reviewkit'], '.2f')} | "
            f"{_f(r['wall_s_asreview'], '.1f')} |"
        )
    lines.append("")
    if s.get("sets_compared"):
        t = s["targets"]

        def verdict(ok: bool | None) -> str:
            return (
                "not measured on every set" if ok is None else ("**met**" if ok else "**not met**")
            )

        lines += [
            f"- Compared: {s['sets_compared']} of {s['sets']} sets, {s['runs_compared']} paired runs "
            "(WSS means over the seeds both tools ran).",
            f"- Mean WSS@95: reviewkit {s['wss95_reviewkit']:.3f}, ASReview {s['wss95_asreview']:.3f} "
            f"(gain {s['wss95_gain']:+.3f}; target +{MIN_GAIN}: {verdict(t['mean_gain'])}).",
            f"- At or above ASReview on {s['sets_at_or_above']} of {s['sets_compared']} sets "
            f"(target {MIN_SETS_AT_OR_ABOVE}: {verdict(t['sets_at_or_above'])}).",
            f"- Mean recall@10 %: reviewkit {s['recall_at_10_reviewkit']:.3f}, ASReview {s['recall_at_10_asreview']:.3f}.",
        ]
        if "speedup_cpu_min" in s:
            lines.append(
                f"- Whole-process CPU s per simulation (mean over {s['sets_timed']} timed sets): reviewkit "
                f"{s['cpu_s_reviewkit']:.2f}, ASReview {s['cpu_s_asreview']:.1f}; ratio median "
                f"{s['speedup_cpu_median']:.1f}×, smallest {s['speedup_cpu_min']:.1f}× "
                f"(target 5×: {verdict(t['cpu_fifth'])})."
            )
    return lines + [""]


def _stop_lines(fig: dict) -> list[str]:
    lines = [
        "## Stopping (reviewkit runs, both inputs)",
        "",
        "Recall at the moment each rule first says stop, and the share of records left unscreened "
        "(saved). `estimate`: the screen's estimate of includes left first < 1. `test`: Callaghan & "
        "Müller-Hansen, H0 recall < 95 %, alpha 0.05, checked every 0.5 % of the records.",
        "",
        "| Dataset | input | estimate: recall min / mean | saved | test: recall min / mean | saved |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for v in fig["variants"]:
        for row in v["datasets"]:
            if v["inputs"] != row["inputs"]:
                continue  # no keywords: the same runs as title_abstract
            cells = []
            for rule in RULES:
                st = [r["stops"][rule] for r in row["reviewkit"].values()]
                rec = [x["recall"] for x in st]
                cells.append(
                    f"{min(rec):.3f} / {statistics.fmean(rec):.3f} | {statistics.fmean(x['saved'] for x in st):.1%}"
                )
            lines.append(f"| {row['dataset']} | {v['inputs']} | {' | '.join(cells)} |")
    lines.append("")
    for rule, r in fig["stopping"].items():
        lines.append(
            f"- `{rule}`: recall >= 95 % in {r['runs_recall_at_least_95']} of {r['runs']} runs "
            f"({r['share_recall_at_least_95']:.1%}); recall min {r['recall_min']:.3f}, mean "
            f"{r['recall_mean']:.3f}; records saved {r['saved_mean']:.1%} on average → "
            + (
                "**may be recommended**"
                if r["recommendable"]
                else "**not recommended** by the screen"
            )
            + "."
        )
    return lines + [""]


def _markdown(fig: dict) -> str:
    lines = [
        "# Screening prioritisation: reviewkit vs ASReview, identical input",
        "",
        f"Label `{fig['label_column']}`, seeds {fig['seeds']}, asreview {fig['asreview_version']} "
        f"{fig['asreview_model']}. Both tools read the same reduced CSV per input variant, start from "
        "the same prior include + exclude (RandomState(seed)) and stop at the last include; metrics "
        "exclude the priors. Times are whole processes (start-up and imports included) per simulation; "
        "ASReview ran under nice 10. The machine is shared (1-min load "
        f"{fig['load_1min']:.1f} at the end): CPU times are the fair comparison.",
        "",
        "Inputs: `title_abstract` = title + abstract; `with_keywords` = title + abstract with the MeSH "
        "keywords appended to the abstract (ACEInhibitors and Nagtegaal have no keywords: the column "
        "'input used' says `title_abstract` there).",
        "",
        "Reproducible: a set and a seed give the same screening order in a fresh process and "
        "in-process after other runs, under any PYTHONHASHSEED and BLAS thread count "
        "(tests/ranking/test_simulate.py); the in-process loop of the tried list below gives the "
        "table's figures run for run. reviewkit runs in the environment a user has (no "
        "OPENBLAS_NUM_THREADS): the ranker limits itself to one BLAS thread while it trains.",
        "",
    ]
    for v in fig["variants"]:
        lines += _variant_lines(v)
    lines += _stop_lines(fig)
    lines += tried_lines()
    return "\n".join(lines).rstrip("\n") + "\n"  # tried_lines() ends in "": one newline at the end


def _names(text: str) -> list[str]:
    """'A, B' -> ['A', 'B']."""
    return [n.strip() for n in text.split(",") if n.strip()]


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The options of ``python -m benchmarks.bench_ranking``."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_ranking",
        description="reviewkit's ranker against ASReview (the whole run writes results/ranking.*).",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--rebuild",
        action="store_true",
        help="refresh the comparison with newer ASReview runs (reviewkit is not rerun)",
    )
    mode.add_argument(
        "--sets",
        type=_names,
        metavar="NAME[,NAME]",
        help="run only these sets (names as in the tables, e.g. Cohen_2006_ADHD) and print "
        "their tables; the committed results are left as they are",
    )
    return parser.parse_args(list(argv))


def chosen_sets(names: Sequence[str], available: Sequence[str]) -> list[str]:
    """The named sets, checked against the available ones (ValueError naming the unknown)."""
    unknown = [n for n in names if n not in available]
    if unknown or not names:
        raise ValueError(
            f"unknown set(s): {', '.join(unknown) or '(none named)'}; "
            f"available: {', '.join(available)}"
        )
    return list(dict.fromkeys(names))


def run_sets(names: Sequence[str], results_dir: Path) -> str:
    """Only the named sets, both inputs, as Markdown; writes nothing (the committed ASReview
    figures are read, not rewritten). The targets are for the whole run: not judged here."""
    store = _asreview_store(results_dir)
    done: dict[str, dict] = {}
    variants = [_variant(inputs, store, done, names) for inputs in asr.INPUTS]
    lines = [
        f"# Ranking on {', '.join(names)} only (not written to results/)",
        "",
        "A partial run: the targets and the stopping rules' recommendation hold for the whole run.",
        "",
    ]
    for v in variants:
        v["summary"]["targets"] = dict.fromkeys(v["summary"].get("targets", {}))
        lines += _variant_lines(v)
    lines += _stop_lines({"variants": variants, "stopping": _stopping(variants)})
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # --rebuild: refresh the comparison; --sets: a quick partial run
    from benchmarks.__main__ import RESULTS
    from benchmarks.__main__ import main as run

    args = parse_args(sys.argv[1:])
    if args.rebuild:
        figures = rebuild(RESULTS)
        (RESULTS / "ranking.json").write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
        raise SystemExit(0)
    if args.sets is not None:
        try:
            names = chosen_sets(args.sets, [ds.stem for ds in asr.datasets()])
        except ValueError as exc:
            print(exc, file=sys.stderr)
            raise SystemExit(2) from None
        print(run_sets(names, RESULTS), end="")
        raise SystemExit(0)
    raise SystemExit(run(["ranking"]))
