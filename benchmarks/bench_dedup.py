"""Dedup accuracy and speed on the labelled sets of bib-dedupe 0.7.2, side by side with bib-dedupe.

For each set: our engine (:func:`reviewkit.dedup.matching.match`, the code ``reviewkit dedup``
runs) on the records as Records in memory, and bib-dedupe itself (prep → block → match →
cluster, ``cpu=1``) in its own venv under ``benchmarks/.work/bib-dedupe-venv``. bib-dedupe's
results are cached under ``benchmarks/.work/bib-dedupe-cache`` (they take minutes). With
``DEDUP_BENCH_CACHED_ONLY=1`` bib-dedupe is never run: a set without a cache keeps the bib-dedupe
figures recorded in ``results/dedup.json`` (the held-out sets: ``dedup-heldout.json``) by an
earlier run (marked ``"recorded": true``). Each
run is a fresh process (:func:`benchmarks.measure.run_isolated`) so peak memory is its own.

Pairwise metrics: a pair of records is positive when both are in one true cluster (a row of
``merged_record_ids.csv``). "false merges" = predicted duplicate pairs that are not true pairs.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

from benchmarks.dedup_apart_kinds import APART_KINDS
from benchmarks.dedup_kinds_catalogue import KINDS_CATALOGUE
from benchmarks.dedup_notes import AUDIT_NOTES, HELD_OUT_NOTES
from benchmarks.dedup_rule_tables import rule_table, rules_by_set
from benchmarks.measure import run_isolated

SETS = ("diabetes", "cardiac", "neuroimaging", "srsr", "depression", "digital_work")
# The collection's four other labelled sets, which no rule was written for: measured beside the
# six (results/dedup-heldout.md) to show whether the rules carry over. What was looked at, and
# what came of it, is in dedup_notes.HELD_OUT_NOTES (written under that table).
HELD_OUT = ("cytology_screening", "haematology", "respiratory", "stroke")
HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
VENV = WORK / "bib-dedupe-venv"
CACHE = WORK / "bib-dedupe-cache"
RECORDED = HERE / "results" / "dedup.json"  # the committed figures of the last run
# the held-out sets' figures of the last run: without them a run without bib-dedupe's cache
# lost its columns in dedup-heldout.md (dedup.json holds the six sets only)
RECORDED_HELD_OUT = HERE / "results" / "dedup-heldout.json"
_PUBMED_URL = re.compile(r"ncbi\.nlm\.nih\.gov/pubmed/(\d+)")


def set_dir(name: str) -> Path:
    from reviewkit import offline_data

    return offline_data.fetch("bib-dedupe", quiet=True) / "bib_dedupe" / "data" / name


def record_files(name: str) -> list[Path]:
    folder = set_dir(name)
    single = folder / "records_pre_merged.csv"
    return [single] if single.exists() else sorted(folder.glob("records_pre_merged_part*.csv"))


def _authors(value: str) -> list[str]:
    value = value.strip()
    if not value:
        return []
    if " and " in value:
        return [a.strip() for a in value.split(" and ") if a.strip()]
    if ";" in value:
        return [a.strip() for a in value.split(";") if a.strip()]
    return [value]


def load_records(name: str) -> tuple[list[str], list]:
    """(bib-dedupe ids, Records) of one set, in file order."""
    from reviewkit.formats.ovid_link_type import take_link_types
    from reviewkit.records import AbstractSection, Record

    csv.field_size_limit(10**8)
    ids, recs = [], []
    for path in record_files(name):
        with open(path, newline="", encoding="utf-8") as fh:
            for raw in csv.DictReader(fh):
                row = {k: (v or "").strip() for k, v in raw.items() if k}
                get = row.get
                m = _PUBMED_URL.search(get("url", ""))
                ids.append(get("ID"))
                recs.append(
                    take_link_types(  # as the product's readers do: Ovid's OpenURL's type
                        Record(
                            title=get("title", ""),
                            authors=_authors(get("author", "")),
                            year=get("year") or None,
                            journal=get("journal") or get("booktitle", ""),
                            volume=get("volume", ""),
                            issue=get("number", ""),
                            pages=get("pages", ""),
                            doi=get("doi", ""),
                            # the product reads a register's number from a register's address here
                            # (registers.record_number); diabetes, cardiac and neuroimaging give URLs
                            # (Ovid's, PubMed's, Scopus's, publishers' pages), none a register's
                            url=get("url", ""),
                            pmid=m.group(1) if m else "",
                            abstract_sections=[AbstractSection("", get("abstract"))]
                            if get("abstract")
                            else [],
                        )
                    )
                )
    return ids, recs


def true_clusters(name: str) -> list[list[str]]:
    with open(set_dir(name) / "merged_record_ids.csv", newline="", encoding="utf-8") as fh:
        return [row["merged_ids"].split(";") for row in csv.DictReader(fh) if row["merged_ids"]]


def pairs_of(clusters: list[list[str]]) -> set[tuple[str, str]]:
    out = set()
    for c in clusters:
        for a, b in combinations(sorted(set(c)), 2):
            out.add((a, b))
    return out


def evaluate(pred: list[list[str]], truth: list[list[str]]) -> dict:
    p, t = pairs_of(pred), pairs_of(truth)
    tp = len(p & t)
    fp = len(p - t)
    fn = len(t - p)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "true_pairs": len(t),
        "predicted_pairs": len(p),
        "tp": tp,
        "false_merges": fp,
        "fn": fn,
        "precision": round(precision, 5),
        "recall": round(recall, 5),
        "f1": round(f1, 5),
    }


# --- our engine ----------------------------------------------------------------------------


def match_and_cluster(keys: dict) -> tuple:
    """The engine on one set's keys (record index -> Keys): its MatchResult and the clusters
    of record indices its accepted pairs make. One run for every dedup benchmark."""
    from reviewkit.dedup.cluster import components
    from reviewkit.dedup.matching import match

    result = match(keys)
    return result, components(keys, ((e.a, e.b) for e in result.accepted))


def run_reviewkit(name: str) -> dict:
    """Load, match, cluster one set in this process (timed by run_isolated)."""
    from reviewkit.dedup.normalise import keys_for

    started, cpu = time.perf_counter(), time.process_time()
    ids, recs = load_records(name)
    loaded = time.perf_counter()
    keys = {i: keys_for(i, r) for i, r in enumerate(recs)}
    del recs
    result, clusters = match_and_cluster(keys)
    done = time.perf_counter()
    merges = Counter(e.rule for e in result.accepted)
    queued = Counter(u.rule for u in result.uncertain)
    cpu_s = round(time.process_time() - cpu, 2)  # CPU time: what the wall time would be unshared
    truth = pairs_of(true_clusters(name))  # after the clock: what each rule merged wrongly
    apart = Counter(
        e.rule for e in result.accepted if tuple(sorted((ids[e.a], ids[e.b]))) not in truth
    )
    return {
        "rule_pairs": {
            r: [merges[r], queued[r], apart[r]] for r in sorted(set(merges) | set(queued))
        },
        "clusters": [[ids[i] for i in c] for c in clusters if len(c) > 1],
        "queue": [(ids[u.a], ids[u.b], u.rule) for u in result.uncertain],
        "pairs_compared": result.pairs_compared,
        "rules": dict(result.rules),
        "records": len(ids),
        "load_s": round(loaded - started, 2),
        "match_s": round(done - loaded, 2),
        "cpu_s": cpu_s,
    }


# --- bib-dedupe in its own venv ------------------------------------------------------------

# argv: this folder (for measure.py, stdlib only), the CSV files, the output file. Peak memory
# is bib-dedupe's own (measure.with_children_peak_kb), not ru_maxrss: that carries the
# benchmark's peak at the spawn.
_RUNNER = r"""
import json, os, resource, sys, time
sys.path.append(sys.argv[1])
from measure import with_children_peak_kb
import pandas as pd
from bib_dedupe.bib_dedupe import prep, block, match, cluster
files, out = sys.argv[2:-1], sys.argv[-1]
load = round(os.getloadavg()[0], 1)
df = pd.concat([pd.read_csv(f) for f in files], ignore_index=True)
t0 = time.perf_counter()
p = prep(df, verbosity_level=0, cpu=1)
b = block(p, verbosity_level=0, cpu=1)
m = match(b, verbosity_level=0, cpu=1)
clusters = cluster(m, verbosity_level=0)
wall = time.perf_counter() - t0
maybe = int((m["duplicate_label"] == "maybe").sum()) if len(m) else 0
use = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
peak = with_children_peak_kb() / 1024
cpu = sum(u.ru_utime + u.ru_stime for u in use)
json.dump({"clusters": [sorted(c) for c in clusters], "maybe_pairs": maybe, "wall_s": round(wall, 2),
           "cpu_s": round(cpu, 2), "peak_mb": round(peak, 1), "load_average_at_start": load},
          open(out, "w"))
"""


def ensure_venv() -> Path:
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "-q",
                "bib-dedupe==0.7.2",
                "pandas>=1.3.4,<2.0.0",
            ],
            check=True,
        )  # pandas is only in its "with-data" extra
    return python


def runner_command(python: str, files: list[str], out: str) -> list[str]:
    """The command that runs bib-dedupe (``cpu=1``) with ``python`` on the CSV ``files`` and
    writes its clusters and figures (JSON) to ``out``."""
    return [python, "-c", _RUNNER, str(HERE), *files, out]


def run_bib_dedupe(name: str) -> dict | None:
    """bib-dedupe's clusters for a set (cached after the first run).

    With ``DEDUP_BENCH_CACHED_ONLY=1`` a set bib-dedupe has not finished yet gives None.
    """
    CACHE.mkdir(parents=True, exist_ok=True)
    cached = CACHE / f"{name}.json"
    if not cached.exists() and os.environ.get("DEDUP_BENCH_CACHED_ONLY"):
        return None
    return run_bib_dedupe_on([str(f) for f in record_files(name)], cached)


def run_bib_dedupe_on(files: list[str], cached: Path, prefix: tuple[str, ...] = ()) -> dict:
    """bib-dedupe (``cpu=1``) on the CSV ``files``, its result kept at ``cached`` (read from
    there when it exists). ``prefix`` goes before the command (e.g. ``("nice", "-n", "10")``)."""
    if not cached.exists():
        python = ensure_venv()
        subprocess.run(
            [*prefix, *runner_command(str(python), files, str(cached) + ".tmp")],
            check=True,
            cwd=WORK,
        )
        Path(str(cached) + ".tmp").rename(cached)
    return json.loads(cached.read_text())


def recorded_bib_dedupe(name: str, true_pairs: int) -> dict | None:
    """bib-dedupe's figures for a set as recorded in :data:`RECORDED` or
    :data:`RECORDED_HELD_OUT`, marked ``recorded``.

    None when there are none, or when they were counted on another labelling (true pairs differ).
    """
    for path in (RECORDED, RECORDED_HELD_OUT):
        try:
            row = json.loads(path.read_text())["sets"][name]["bib_dedupe"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if row and row.get("true_pairs") == true_pairs:
            return {**row, "recorded": True}
    return None


# --- the benchmark -------------------------------------------------------------------------


def bench_set(name: str) -> dict:
    truth = true_clusters(name)
    wall, peak, ours = run_isolated(run_reviewkit, name)
    queue_pairs = {tuple(sorted(q[:2])) for q in ours["queue"]}
    truth_pairs = pairs_of(truth)
    ours_eval = evaluate(ours["clusters"], truth)
    # what a reviewer who decides every queued pair correctly would end with
    reviewed = [list(c) for c in ours["clusters"]] + [
        list(p) for p in queue_pairs if p in truth_pairs
    ]
    from reviewkit.dedup.cluster import components

    nodes = {x for c in reviewed for x in c}
    merged = components(nodes, ((c[i], c[i + 1]) for c in reviewed for i in range(len(c) - 1)))
    after_review = evaluate([list(c) for c in merged], truth)
    bd = run_bib_dedupe(name)
    if bd is None:
        bd_row = recorded_bib_dedupe(name, len(truth_pairs))
    else:
        bd_row = {
            **evaluate(bd["clusters"], truth),
            "queue_pairs": bd["maybe_pairs"],
            "wall_s": bd["wall_s"],
            "cpu_s": bd.get("cpu_s"),
            "peak_mb": bd["peak_mb"],
        }
    row = {
        "records": ours["records"],
        "reviewkit": {
            **ours_eval,
            "queue_pairs": len(queue_pairs),
            "queue_true_pairs": len(queue_pairs & truth_pairs),
            "recall_after_review": after_review["recall"],
            "wall_s": round(wall, 2),
            "cpu_s": ours["cpu_s"],
            "peak_mb": round(peak, 1),
            "pairs_compared": ours["pairs_compared"],
            "rules": ours["rules"],
            "rule_pairs": ours["rule_pairs"],
        },
        "bib_dedupe": bd_row,
    }
    rk, b = row["reviewkit"], row["bib_dedupe"]
    if b is None:
        row["ratios"] = None
        return row
    row["ratios"] = {
        "recall": round(rk["recall"] / b["recall"], 4) if b["recall"] else None,
        "speedup": round(b["wall_s"] / rk["wall_s"], 1) if rk["wall_s"] else None,
        "cpu_speedup": round(b["cpu_s"] / rk["cpu_s"], 1)
        if b.get("cpu_s") and rk["cpu_s"]
        else None,
        "memory": round(rk["peak_mb"] / b["peak_mb"], 2) if b["peak_mb"] else None,
    }
    return row


def write_markdown(figures: dict, path: Path, notes: tuple[str, ...] = ()) -> None:
    lines = [
        "# Dedup benchmark (bib-dedupe 0.7.2 labelled sets)",
        "",
        'Pairwise metrics at the automatic level (queued pairs count as not merged); "missed" is',
        "the count of true pairs not merged. bib-dedupe ran with `cpu=1` in its own venv; our engine",
        "is single-threaded. Times and memory per set include reading the CSV. Wall times depend on",
        "what else ran on this 2-core machine (bib-dedupe's results are cached from their own run),",
        "so the speed-up is given on CPU time, which does not. The bib-dedupe paper reports",
        "9 min 45 s for ~80,000 records.",
        f"Our part of this run started at a load average of {figures.get('load_average')} on"
        f" {figures.get('cores')} cores.",
        "",
        "| set | records | true pairs | precision rk / bd | recall rk / bd | missed rk / bd | F1 rk / bd"
        " | false merges rk / bd | queue rk / bd | recall after review rk | wall s rk / bd"
        " | CPU s rk / bd (speed-up) | peak MB rk / bd |",
        "|---|---:|---:|---|---|---|---|---|---|---:|---|---|---|",
    ]
    for name, row in figures["sets"].items():
        rk, bd, ra = row["reviewkit"], row["bib_dedupe"], row["ratios"]
        if bd is None:
            lines.append(
                f"| {name} | {row['records']:,} | {rk['true_pairs']:,} | {rk['precision']:.4f} / –"
                f" | {rk['recall']:.4f} / – | {rk['fn']} / – | {rk['f1']:.4f} / –"
                f" | {rk['false_merges']} / – | {rk['queue_pairs']} / – | {rk['recall_after_review']:.4f}"
                f" | {rk['wall_s']} / – | {rk['cpu_s']} / – | {rk['peak_mb']:.0f} / – |"
            )
            continue
        lines.append(
            f"| {name} | {row['records']:,} | {rk['true_pairs']:,} | {rk['precision']:.4f} / {bd['precision']:.4f}"
            f" | {rk['recall']:.4f} / {bd['recall']:.4f} | {rk['fn']} / {bd['fn']} | {rk['f1']:.4f} / {bd['f1']:.4f}"
            f" | {rk['false_merges']} / {bd['false_merges']} | {rk['queue_pairs']} / {bd['queue_pairs']}"
            f" | {rk['recall_after_review']:.4f} | {rk['wall_s']} / {bd['wall_s']}"
            f" | {rk['cpu_s']} / {bd.get('cpu_s') or '–'} ({ra['cpu_speedup'] or '–'}×)"
            f" | {rk['peak_mb']:.0f} / {bd['peak_mb']:.0f} |"
        )
    t = figures["targets"]
    lines += [
        "",
        "Targets: " + ", ".join(f"{k}: {'met' if v else 'NOT met'}" for k, v in t.items()),
    ]
    short = {
        n: r["reviewkit"]["fn"] - r["bib_dedupe"]["fn"]
        for n, r in figures["sets"].items()
        if r["bib_dedupe"] and r["reviewkit"]["fn"] > r["bib_dedupe"]["fn"]
    }
    if short:
        lines.append(
            "Recall below bib-dedupe's on: "
            + ", ".join(f"{n} ({k} true pairs fewer merged)" for n, k in short.items())
            + "."
        )
    recorded = [
        n for n, r in figures["sets"].items() if r["bib_dedupe"] and r["bib_dedupe"].get("recorded")
    ]
    if recorded:
        lines += [
            "",
            f"bib-dedupe figures from the recorded run (not rerun this time; kept from"
            f" `results/dedup.json` or `dedup-heldout.json`): {', '.join(recorded)}. Our figures"
            " are from this run.",
        ]
    missing = [n for n, r in figures["sets"].items() if r["bib_dedupe"] is None]
    if missing:
        lines += [
            "",
            f"bib-dedupe had not finished on: {', '.join(missing)} (– in the table; recall target"
            " checked on the other sets only).",
        ]
    lines += rule_table(figures["sets"])
    if notes:
        lines += ["", *notes]
    lines.append("")
    path.write_text("\n".join(lines))


def main(results_dir: Path, sets: tuple[str, ...] = SETS) -> dict:
    """The six benchmark sets with their targets (dedup.md); the held-out sets beside them
    (dedup-heldout.md), and the rules audited over all ten (dedup.md, "Rules by set")."""
    figures = measure(sets)
    notes: tuple[str, ...] = ()
    if sets == SETS:
        held = measure(HELD_OUT)
        held_json = results_dir / RECORDED_HELD_OUT.name
        held_json.write_text(json.dumps(held, indent=2, sort_keys=True) + "\n")
        write_markdown(
            held,
            results_dir / "dedup-heldout.md",
            (*HELD_OUT_NOTES, "", *KINDS_CATALOGUE, "", *APART_KINDS),
        )
        notes = (*rules_by_set({**figures["sets"], **held["sets"]}), "", *AUDIT_NOTES)
    write_markdown(figures, results_dir / "dedup.md", notes)
    return figures


def measure(sets: tuple[str, ...]) -> dict:
    """Run both tools on ``sets``: figures per set and the targets."""
    figures: dict = {
        "sets": {},
        "load_average": round(os.getloadavg()[0], 1),
        "cores": os.cpu_count(),
    }
    for name in sets:
        print(f"   {name} …", flush=True)
        figures["sets"][name] = bench_set(name)
    rows = figures["sets"]
    dep = rows.get("depression", {}).get("reviewkit", {})
    figures["targets"] = {
        "zero_false_merges": all(r["reviewkit"]["false_merges"] == 0 for r in rows.values()),
        "recall_at_least_bib_dedupe": all(  # counted in pairs: no rounding
            r["reviewkit"]["fn"] <= r["bib_dedupe"]["fn"] for r in rows.values() if r["bib_dedupe"]
        ),
    }
    if dep:  # the speed targets are set on the largest set
        figures["targets"].update(speed_targets(dep))
    return figures


def speed_targets(depression: dict) -> dict[str, bool]:
    """The speed targets, set on depression (reviewkit's figures): under 60 s and 2 GB. The
    time is its CPU time, what the wall time would be unshared (the run is single-threaded):
    wall times on this shared machine follow the load, and read the target as not met at load
    10 (122.8 s wall, 20.1 CPU-s) and at load 9.4 (95.9 s, 28.8 CPU-s) with no change to the
    code measured."""
    return {
        "depression_under_60s": depression["cpu_s"] < 60,
        "depression_under_2GB": depression["peak_mb"] < 2048,
    }


if __name__ == "__main__":
    only = tuple(sys.argv[1:]) or SETS
    print(json.dumps(main(HERE / "results", only)["targets"], indent=2))
