"""The dedup benchmark through the user's import path: ``python -m benchmarks.dedup_via_import``.

:func:`benchmarks.bench_dedup.load_records` builds Records from bib-dedupe's CSVs itself; a
user runs ``reviewkit import`` on the same CSV, whose reader may read columns differently. Here
each set's ``records_pre_merged*.csv`` is read by :func:`reviewkit.formats.read_file` (what
``reviewkit import`` calls), in file order so bib-dedupe's ids line up, and matched by the same
:func:`reviewkit.dedup.matching.match`. Both paths run in this process, side by side, and the
Records of the two are compared field by field. Writes ``results/dedup-via-import.md``/.json.
Figures only (missed pairs, false merges, queue); times are in ``dedup.md``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

from benchmarks.bench_dedup import (
    HELD_OUT,
    SETS,
    load_records,
    pairs_of,
    record_files,
    true_clusters,
)

HERE = Path(__file__).resolve().parent
FIELDS = ("title", "authors", "year", "journal", "volume", "issue", "pages", "doi", "pmid")


def import_records(name: str) -> tuple[list[str], list]:
    """(bib-dedupe ids, Records read by reviewkit.formats.read_file) of one set, in file order."""
    from reviewkit.formats import read_file

    csv.field_size_limit(10**8)
    ids, recs = [], []
    for path in record_files(name):
        with open(path, newline="", encoding="utf-8") as fh:
            ids.extend((row.get("ID") or "").strip() for row in csv.DictReader(fh))
        recs.extend(read_file(path))
    if len(ids) != len(recs):
        raise SystemExit(f"{name}: {len(ids)} rows but {len(recs)} records imported")
    return ids, recs


def abstract(record) -> str:
    return " ".join(s.text for s in record.abstract_sections).strip()


def field_divergence(direct: list, imported: list) -> dict[str, int]:
    """How many records differ in each field between the two loaders."""
    out: Counter = Counter()
    for a, b in zip(direct, imported, strict=True):
        for f in FIELDS:
            if getattr(a, f) != getattr(b, f):
                out[f] += 1
        if abstract(a) != abstract(b):
            out["abstract"] += 1
    return dict(out)


def dedup_figures(ids: list[str], recs: list, truth: set) -> dict:
    """Missed true pairs, false merges and queued pairs of matching these records."""
    from reviewkit.dedup.cluster import components
    from reviewkit.dedup.matching import match
    from reviewkit.dedup.normalise import keys_for

    keys = {i: keys_for(i, r) for i, r in enumerate(recs)}
    result = match(keys)
    clusters = components(keys, ((e.a, e.b) for e in result.accepted))
    pred = pairs_of([[ids[i] for i in c] for c in clusters if len(c) > 1])
    queue = {tuple(sorted((ids[u.a], ids[u.b]))) for u in result.uncertain}
    return {
        "missed": len(truth - pred),
        "false_merges": len(pred - truth),
        "queue": len(queue),
        "merges_by_rule": dict(Counter(e.rule for e in result.accepted)),
    }


def measure_set(name: str) -> dict:
    truth = pairs_of(true_clusters(name))
    ids, direct = load_records(name)
    ids_imp, imported = import_records(name)
    if ids != ids_imp:
        raise SystemExit(f"{name}: the ids of the two loaders do not line up")
    return {
        "records": len(ids),
        "true_pairs": len(truth),
        "direct": dedup_figures(ids, direct, truth),
        "import": dedup_figures(ids, imported, truth),
        "fields_differing": field_divergence(direct, imported),
    }


def write_markdown(figures: dict, path: Path) -> None:
    lines = [
        "# Dedup benchmark through the import path (bib-dedupe 0.7.2 labelled sets)",
        "",
        "Two paths on the same `records_pre_merged*.csv`, matched by the same",
        "`reviewkit.dedup.matching.match`: **direct** = `benchmarks/bench_dedup.py: load_records`",
        "(the figures of `dedup.md` / `dedup-heldout.md`), **import** =",
        "`reviewkit.formats.read_file`, what `reviewkit import` reads. Missed = true pairs not",
        "merged automatically; queue = pairs sent to review. Run: `python -m benchmarks.dedup_via_import`.",
        "",
        "| set | records | true pairs | missed direct / import | false merges direct / import"
        " | queue direct / import | fields differing (records) |",
        "|---|---:|---:|---|---|---|---|",
    ]
    for name, f in figures.items():
        d, i = f["direct"], f["import"]
        diff = ", ".join(f"{k} {v:,}" for k, v in sorted(f["fields_differing"].items())) or "none"
        lines.append(
            f"| {name} | {f['records']:,} | {f['true_pairs']:,} | {d['missed']} / {i['missed']}"
            f" | {d['false_merges']} / {i['false_merges']} | {d['queue']} / {i['queue']} | {diff} |"
        )
    path.write_text("\n".join(lines) + "\n")


def main(argv: list[str]) -> int:
    sets = tuple(argv) or (*SETS, *HELD_OUT)
    results = HERE / "results"
    figures = {}
    for name in sets:
        print(f"== {name}", flush=True)
        figures[name] = measure_set(name)
        print(json.dumps(figures[name]), flush=True)
    if not argv:
        (results / "dedup-via-import.json").write_text(json.dumps(figures, indent=2) + "\n")
        write_markdown(figures, results / "dedup-via-import.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
