"""Cold start from zero: random order vs the protocol's order before the model (issue 17 item 2).

Not the ASReview comparison (``bench_ranking.py``): ASReview has no protocol input and starts
from one prior include and one prior exclude. Here every simulation starts as the screen
does (:func:`reviewkit.ranking.simulate.simulate_from_zero`): no priors, the reviewer screens from the
top of the queue, the model starts at the ready rule (5 includes and 5 excludes).

Data: every labelled CSV in ``/work/shared/data/screening/`` as it is (title, abstract and,
where the set has them, keywords: the default input of ``reviewkit simulate``), label
``label_included``, seeds 0-2. Protocols: ``benchmarks/cold_start_protocols/protocols.toml``,
written by us from each review's title before any of these runs.

Variants: ``random`` (the product before this change), ``protocol`` (the cold-start order),
``protocol+feature`` (the cold-start order, and the protocol's text as one pseudo-include in
every training set). Figures: records screened until the 1st and the 5th include, recall@10 %,
WSS@95 of the whole process.

Run: ``nice -n 10 .venv/bin/python -m benchmarks.bench_cold_start`` (one process, ~10 min).
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

from reviewkit.ranking.cold_start import ProtocolText
from reviewkit.ranking.simulate import simulate_from_zero

ROOT = Path(__file__).resolve().parent.parent
DATA = Path("/work/shared/data/screening")
PROTOCOLS = ROOT / "benchmarks" / "cold_start_protocols" / "protocols.toml"
RESULTS = ROOT / "benchmarks" / "results"
SEEDS = (0, 1, 2)
VARIANTS = ("random", "protocol", "protocol+feature")
FIGURES = ("until_1st_include", "until_5th_include", "recall_at_10", "wss95")


def load_protocols(path: Path = PROTOCOLS) -> dict[str, ProtocolText]:
    """Set name -> its protocol text, from the benchmark's TOML file."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        name: ProtocolText(
            question=entry.get("question", ""),
            inclusion=tuple(entry.get("inclusion", ())),
            include_terms=tuple(entry.get("include_terms", ())),
            exclude_terms=tuple(entry.get("exclude_terms", ())),
            searches=tuple(entry.get("searches", ())),
        )
        for name, entry in data.items()
    }


def run_one(csv_path: Path, seed: int, variant: str, protocol: ProtocolText) -> dict:
    """One from-zero simulation; its summary."""
    result = simulate_from_zero(
        csv_path,
        seed=seed,
        protocol=None if variant == "random" else protocol,
        protocol_feature=variant == "protocol+feature",
    )
    return result.summary() | {"variant": variant}


def run(sets: list[str] | None = None) -> list[dict]:
    protocols = load_protocols()
    rows = []
    for csv_path in sorted(DATA.glob("*.csv")):
        name = csv_path.stem
        if sets and name not in sets:
            continue
        for seed in SEEDS:
            for variant in VARIANTS:
                row = run_one(csv_path, seed, variant, protocols[name])
                rows.append(row)
                print(name, seed, variant, *(row[f] for f in FIGURES), file=sys.stderr)
    return rows


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def table(rows: list[dict]) -> str:
    """Markdown: per set and variant, the means over seeds; then the means over sets."""
    names = sorted({r["dataset"] for r in rows})
    lines = [
        "| Set | records | includes | variant | to 1st include | to 5th include "
        "| recall@10 % | WSS@95 |",
        "|---|---:|---:|---|---:|---:|---:|---:|",
    ]
    per_variant: dict[str, dict[str, list[float]]] = {v: {f: [] for f in FIGURES} for v in VARIANTS}
    for name in names:
        for variant in VARIANTS:
            mine = [r for r in rows if r["dataset"] == name and r["variant"] == variant]
            if not mine:
                continue
            means = {f: _mean([float(r[f]) for r in mine if r[f] is not None]) for f in FIGURES}
            for f in FIGURES:
                per_variant[variant][f].append(means[f])
            lines.append(
                f"| {name.removesuffix('.csv')} | {mine[0]['n_records']:,} | "
                f"{mine[0]['n_includes']} | {variant} | {means['until_1st_include']:.1f} | "
                f"{means['until_5th_include']:.1f} | {means['recall_at_10']:.3f} | "
                f"{means['wss95']:.3f} |"
            )
    lines += ["", "| Mean over sets | to 1st include | to 5th include | recall@10 % | WSS@95 |"]
    lines.append("|---|---:|---:|---:|---:|")
    for variant in VARIANTS:
        m = {f: _mean(per_variant[variant][f]) for f in FIGURES}
        lines.append(
            f"| {variant} | {m['until_1st_include']:.1f} | {m['until_5th_include']:.1f} | "
            f"{m['recall_at_10']:.3f} | {m['wss95']:.3f} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Run (all sets, or those named), write the JSON and print the table; ``--table`` prints
    the table of the last run's JSON without running."""
    if argv == ["--table"]:
        print(table(json.loads((RESULTS / "ranking-cold-start.json").read_text())))
        return 0
    rows = run(argv or None)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "ranking-cold-start.json").write_text(json.dumps(rows, indent=1))
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
