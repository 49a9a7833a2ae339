"""Screening prioritisation on kinds of set the 15 shared sets do not cover (issue 17).

``python -m benchmarks.ranking_kinds [--asreview-minutes M] [--only NAME ...]`` (M 0: ASReview
from the cache only)

Composite sets built from the shared CSVs (``/work/shared/data/screening``), each seeded
(``numpy.random.RandomState(SEED)``), written once as ``title, abstract, label_included``
and given to both tools (identical input, as in ``bench_ranking.py``):

* ``broad``: a broad search. The records of Opiods, ACEInhibitors and SkeletalMuscleRelaxants
  (three Cohen 2006 reviews, one search that caught all three topics); the label is Opiods'
  ``label_included`` (15 includes), every other record 0. Records met twice (the same title,
  lower case, spaces collapsed) are kept once, the labelled set's copy first.
* ``prevalent``: many includes, the last ones found late. AtypicalAntipsychotics,
  CalciumChannelBlockers and Triptans with ``label_abstract_screening`` as the label (the
  title/abstract screening decision: a first-stage screen includes far more than the final
  review), duplicates dropped as above.
* ``no_abstract``: many records missing abstracts. BetaBlockers (the 15 sets' figures give
  the same set whole) with the abstract blanked in 60 % of the records, drawn at random among
  includes and excludes alike.
* ``long``: long texts (full-text-like). ACEInhibitors with every abstract followed by four
  abstracts drawn at random from the other 14 sets (about five times the words; the record's
  own title and abstract still carry its topic).
* ``large``: a large search (SYNERGY's larger sets hold 10,000-40,000 records). Every record of
  the 15 shared sets, each title once; the label is BetaBlockers' ``label_included`` (42
  includes: few, hidden among near neighbours, the other cardiovascular drug reviews).

For each set: reviewkit in a fresh process (``python -m reviewkit.ranking.simulate``, whole-process
CPU), ASReview 3.0.8 (``asreview simulate``, default model, under ``nice``; time-boxed), one
seed (0); WSS@95, whole-process CPU, wall and peak resident memory of both; the two stopping
rules replayed on reviewkit's order; with ``--profile``, where reviewkit's CPU goes (cProfile
of one in-process run: reading, features, fits, scoring). A run of ASReview stopped by its
time box leaves the CPU it had used and the labels it had made: a lower bound of a whole run.
Figures: ``benchmarks/results/ranking-kinds.json`` and ``ranking-kinds.md``.

Working files go to ``$RANKING_KINDS_WORK`` (default ``benchmarks/.work/kinds``);
``$ASREVIEW_VENV`` names a venv holding ``asreview`` when it is not the runner's own.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import json
import os
import pstats
import re
import sys
from pathlib import Path

import numpy as np

from benchmarks import asreview_runner as asr
from benchmarks.bench_ranking import run_reviewkit, stops_by_rule
from reviewkit.ranking.simulate import metrics, simulate

SEED = 27  # the construction's seed (the simulations use prior seed 0)
SIM_SEED = 0
HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
DATA = asr.DATA
WORK = Path(os.environ.get("RANKING_KINDS_WORK", HERE / ".work" / "kinds"))
KINDS = ("broad", "prevalent", "no_abstract", "long", "large")
# the large kind: every record of the 15 shared sets, the includes of one of them
LARGE_LABELS = "Cohen_2006_BetaBlockers"


def _read(name: str) -> list[dict]:
    with (DATA / f"{name}.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _key(title: str) -> str:
    return re.sub(r"\s+", " ", title.lower()).strip()


def _union(names: list[str], label_of) -> list[tuple[str, str, int]]:
    """Rows (title, abstract, label) of the sets ``names``, each title once, first met kept."""
    seen: set[str] = set()
    rows = []
    for k, name in enumerate(names):
        for r in _read(name):
            key = _key(r["title"])
            if key in seen:
                continue
            seen.add(key)
            rows.append((r["title"], r.get("abstract") or "", label_of(k, r)))
    return rows


def build(kind: str) -> list[tuple[str, str, int]]:
    """The rows of a composite set (see the module docstring), in a seeded random order."""
    rng = np.random.RandomState(SEED)
    if kind == "broad":
        names = [
            "Cohen_2006_Opiods",
            "Cohen_2006_ACEInhibitors",
            "Cohen_2006_SkeletalMuscleRelaxants",
        ]
        rows = _union(names, lambda k, r: int(r["label_included"]) if k == 0 else 0)
    elif kind == "prevalent":
        names = [
            "Cohen_2006_AtypicalAntipsychotics",
            "Cohen_2006_CalciumChannelBlockers",
            "Cohen_2006_Triptans",
        ]
        rows = _union(names, lambda k, r: int(r["label_abstract_screening"]))
    elif kind == "no_abstract":
        rows = [
            (r["title"], r["abstract"], int(r["label_included"]))
            for r in _read("Cohen_2006_BetaBlockers")
        ]
        blank = set(rng.choice(len(rows), int(0.6 * len(rows)), replace=False).tolist())
        rows = [(t, "" if i in blank else a, y) for i, (t, a, y) in enumerate(rows)]
    elif kind == "long":
        others = [
            r["abstract"]
            for p in asr.datasets()
            if p.stem != "Cohen_2006_ACEInhibitors"
            for r in _read(p.stem)
            if r.get("abstract")
        ]
        rows = []
        for r in _read("Cohen_2006_ACEInhibitors"):
            extra = [others[i] for i in rng.choice(len(others), 4, replace=False)]
            rows.append(
                (r["title"], " ".join([r["abstract"], *extra]).strip(), int(r["label_included"]))
            )
    elif kind == "large":
        # the labelled set first (its copy of a shared title kept), then the others, largest first
        names = [LARGE_LABELS] + [
            p.stem for p in reversed(asr.datasets()) if p.stem != LARGE_LABELS
        ]
        rows = _union(names, lambda k, r: int(r["label_included"]) if k == 0 else 0)
    else:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    return [rows[i] for i in rng.permutation(len(rows))]


def write_set(kind: str) -> Path:
    """The composite CSV both tools read (written once)."""
    path = WORK / "sets" / f"kind_{kind}.csv"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["title", "abstract", "label_included"])
        w.writerows(build(kind))
    tmp.replace(path)
    return path


def describe(path: Path) -> dict:
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    words = [len((r["title"] + " " + r["abstract"]).split()) for r in rows]
    return {
        "records": len(rows),
        "includes": sum(int(r["label_included"]) for r in rows),
        "no_abstract": sum(1 for r in rows if not r["abstract"].strip()),
        "mean_words": float(np.mean(words)),
    }


# where the in-process run spends its CPU: cumulative time of these functions (cProfile)
PARTS = {
    "read": ("labelled_sets.py", "load_labelled_set"),
    "features": ("features.py", "build_features"),
    "fits": ("ranker.py", "fit"),
    "scoring": ("ranker.py", "all_scores"),
}


def profile(path: Path) -> dict:
    """CPU seconds of one in-process simulation (prior seed 0) split into :data:`PARTS`."""
    prof = cProfile.Profile(timer=__import__("time").process_time)
    result = prof.runcall(simulate, path, seed=SIM_SEED)
    stats = pstats.Stats(prof).stats  # (file, line, name) -> (cc, nc, tt, ct, callers)
    parts = {}
    for part, (file, func) in PARTS.items():
        parts[part] = sum(
            v[3]
            for (f, _, n), v in stats.items()
            if f.endswith(f"ranking/{file}") or f.endswith(f"reviewkit/{file}")
            if n == func
        )
    total = sum(v[2] for v in stats.values())
    return parts | {"total": total, "n_fits": result.n_fits}


def asreview_figures(kind: str, n_records: int) -> dict:
    """ASReview's run on a kind from the cache: a whole run, else what a run stopped by its
    time box had used (``KEY.partial.json``: a lower bound of a whole run's CPU), else {}."""
    key = asr.cache_key(write_set(kind), SIM_SEED, "label_included", "title_abstract")
    whole, partial = asr.CACHE / f"{key}.json", asr.CACHE / f"{key}.partial.json"
    if whole.exists():
        meta = json.loads(whole.read_text())
        m = metrics(meta["labels_in_order"], n_records=n_records)
        return {
            "asr_wss95": m["wss95"],
            "asr_recall_at_10": m["recall_at_10"],
            "asr_cpu_s": meta["cpu_s"],
            "asr_wall_s": meta["wall_s"],
            "asr_peak_mb": meta.get("peak_rss_mb"),
            "asr_nice": meta.get("nice", 0),
        }
    if partial.exists():
        meta = json.loads(partial.read_text())
        return {
            "asr_partial_cpu_s": meta["cpu_s"],
            "asr_partial_labelled": meta["labelled"],
            "asr_partial_wall_s": meta["wall_s"],
            "asr_partial_how": meta.get("how", "stopped by the time box"),
            "asr_nice": meta.get("nice", 0),
        }
    return {}


def run_kind(kind: str, asreview_minutes: float) -> dict:
    """reviewkit in a fresh process, then ASReview (cached; a whole run within the time box)."""
    path = write_set(kind)
    row: dict = {"kind": kind, "file": str(path)} | describe(path)
    mine = run_reviewkit(path, SIM_SEED)
    n = mine["n_records"]
    labels = mine["labels_in_order"]
    row |= {
        "rk_wss95": mine["wss95"],
        "rk_recall_at_10": mine["recall_at_10"],
        "rk_cpu_s": mine["process_cpu_s"],
        "rk_wall_s": mine["process_wall_s"],
        "rk_peak_mb": mine["peak_rss_mb"],
        "rk_fits": mine["n_fits"],
        "rk_screened": len(labels) - labels[::-1].index(1),  # up to its last include
        "stops": stops_by_rule(labels, n),
    }
    if asreview_minutes > 0:  # 0: ASReview's figures from the cache only
        asr.run(path, SIM_SEED, timeout_s=asreview_minutes * 60)
    return row | asreview_figures(kind, n)


def stops_by_seed(kind: str, seeds=(1, 2)) -> list[dict]:
    """The stopping rules on reviewkit's in-process runs of more seeds (seed 0: ``run_kind``)."""
    path = write_set(kind)
    out = []
    for seed in seeds:
        r = simulate(path, seed=seed)
        out.append({"seed": seed, "wss95": r.wss95} | stops_by_rule(r.labels_in_order, r.n_records))
    return out


def orders(out: Path, against: Path | None, kinds: list[str]) -> list[str]:
    """Screening orders of the 15 shared sets x seeds 0-2 (title_abstract, in-process) and of
    ``kinds`` (seed 0) to ``out`` (JSON); the runs whose order differs from ``against``'s."""
    found = {}
    for ds in asr.datasets():
        path = asr.reduced_csv(ds, "label_included", "title_abstract")
        for seed in (0, 1, 2):
            found[f"{ds.stem}:{seed}"] = simulate(path, seed=seed).order
    for kind in kinds:
        found[f"kind_{kind}:{SIM_SEED}"] = simulate(write_set(kind), seed=SIM_SEED).order
    out.write_text(json.dumps(found))
    if against is None:
        return []
    before = json.loads(against.read_text())
    return [k for k in found if k in before and before[k] != found[k]]


def _f(v, fmt=".3f") -> str:
    return "–" if v is None else format(v, fmt)


def _table(figures: dict) -> list[str]:
    lines = [
        "| Kind | Records | Incl. | no abstract | mean words | WSS@95 rk | WSS@95 ASR | CPU s rk"
        " | CPU s ASR | CPU ratio | wall s rk / ASR | peak MB rk / ASR | fits rk | screened rk |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in KINDS:
        r = figures.get(kind)
        if r is None:
            continue
        if "asr_cpu_s" in r:
            asr_cpu, ratio = _f(r["asr_cpu_s"], ".1f"), f"{r['asr_cpu_s'] / r['rk_cpu_s']:.1f}×"
            asr_wall = _f(r["asr_wall_s"], ".0f")
        elif "asr_partial_cpu_s" in r:  # a run stopped before its end: a lower bound
            bound = r["asr_partial_cpu_s"]
            asr_cpu = f"≥ {bound:.1f} (first {r['asr_partial_labelled']:,} labels)"
            ratio, asr_wall = f"≥ {bound / r['rk_cpu_s']:.1f}×", "–"
        else:
            asr_cpu, ratio, asr_wall = "–", "–", "–"
        lines.append(
            f"| {kind} | {r['records']:,} | {r['includes']} | {r['no_abstract']:,}"
            f" | {r['mean_words']:.0f} | {r['rk_wss95']:.3f} | {_f(r.get('asr_wss95'))}"
            f" | {r['rk_cpu_s']:.1f} | {asr_cpu} | {ratio} | {r['rk_wall_s']:.0f} / {asr_wall}"
            f" | {_f(r.get('rk_peak_mb'), '.0f')} / {_f(r.get('asr_peak_mb'), '.0f')}"
            f" | {r['rk_fits']} | {_f(r.get('rk_screened'), ',')} |"
        )
    return lines


def _stop_table(figures: dict) -> list[str]:
    lines = [
        "| Kind | seed | WSS@95 rk | estimate: recall | saved | test: recall | saved |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in KINDS:
        r = figures.get(kind)
        if r is None:
            continue
        runs = [{"seed": SIM_SEED, "wss95": r["rk_wss95"]} | r["stops"], *r.get("more_seeds", [])]
        for run in runs:
            e, t = run["estimate"], run["test"]
            lines.append(
                f"| {kind} | {run['seed']} | {run['wss95']:.3f} | {e['recall']:.3f} | {e['saved']:.1%}"
                f" | {t['recall']:.3f} | {t['saved']:.1%} |"
            )
    return lines


MARKER = "<!-- tables: python -m benchmarks.ranking_kinds --report -->"


def report() -> None:
    """``results/ranking-kinds.json`` and the tables of ``ranking-kinds.md`` from the runs."""
    figures = {}
    for kind in KINDS:
        path = WORK / "figures" / f"{kind}.json"
        if path.exists():
            figures[kind] = json.loads(path.read_text())
            figures[kind] |= asreview_figures(kind, figures[kind]["records"])  # later runs
            more = WORK / "figures" / f"{kind}.seeds.json"
            if more.exists():
                figures[kind]["more_seeds"] = json.loads(more.read_text())
    (RESULTS / "ranking-kinds.json").write_text(json.dumps(figures, indent=1))
    page = RESULTS / "ranking-kinds.md"  # the text above the marker is kept, the tables redone
    head = page.read_text().split(MARKER)[0] if page.exists() else "# Ranking on other kinds\n\n"
    tables = _table(figures) + ["", "Stopping rules on reviewkit's runs:", ""]
    page.write_text(head + MARKER + "\n\n" + "\n".join(tables + _stop_table(figures)) + "\n")
    print(page.read_text())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ranking_kinds")
    parser.add_argument("--asreview-minutes", type=float, default=20.0)
    parser.add_argument("--only", nargs="*", choices=KINDS, default=list(KINDS))
    parser.add_argument("--report", action="store_true", help="only write the results")
    parser.add_argument("--stop-seeds", action="store_true", help="seeds 1-2 for the stops")
    parser.add_argument("--profile", action="store_true", help="CPU shares (cProfile, in-process)")
    parser.add_argument(
        "--orders", nargs="+", metavar=("OUT", "AGAINST"), help="orders to OUT; compare to AGAINST"
    )
    parser.add_argument(
        "--refresh-rk", action="store_true", help="rerun reviewkit's fresh process only"
    )
    args = parser.parse_args(argv)
    if args.refresh_rk:  # after a change to the ranker: its CPU again, ASReview's runs kept
        for kind in args.only:
            path = WORK / "figures" / f"{kind}.json"
            row = json.loads(path.read_text())
            mine = run_reviewkit(write_set(kind), SIM_SEED)
            row |= {"rk_cpu_s": mine["process_cpu_s"], "rk_wall_s": mine["process_wall_s"]}
            row |= {"rk_wss95": mine["wss95"], "rk_fits": mine["n_fits"]}
            row |= {"rk_peak_mb": mine["peak_rss_mb"]}
            path.write_text(json.dumps(row, indent=1))
        return 0
    asr.WORK, asr.CACHE = WORK, WORK / "asreview"
    if args.report:
        report()
        return 0
    if args.orders:  # a speed change must leave every order as it was
        against = Path(args.orders[1]) if len(args.orders) > 1 else None
        differ = orders(Path(args.orders[0]), against, args.only)
        print("orders differing:", differ or "none")
        return 1 if differ else 0
    if args.profile:
        for kind in args.only:
            print(kind, json.dumps(profile(write_set(kind))), flush=True)
        return 0
    if args.stop_seeds:
        for kind in args.only:
            (WORK / "figures").mkdir(parents=True, exist_ok=True)
            (WORK / "figures" / f"{kind}.seeds.json").write_text(json.dumps(stops_by_seed(kind)))
        return 0
    if os.environ.get("ASREVIEW_VENV"):
        asr.VENV = Path(os.environ["ASREVIEW_VENV"])
    asr.CACHE.mkdir(parents=True, exist_ok=True)
    for kind in args.only:  # one file per kind: runs of different kinds may go side by side
        row = run_kind(kind, args.asreview_minutes)
        (WORK / "figures").mkdir(parents=True, exist_ok=True)
        (WORK / "figures" / f"{kind}.json").write_text(json.dumps(row, indent=1))
        print(json.dumps({k: v for k, v in row.items() if k != "stops"}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
