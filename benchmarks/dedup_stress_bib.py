"""bib-dedupe on the degraded records of ``dedup-stress`` (``--bib-dedupe``): the same input
for both tools, so a false merge can be told ours alone or any tool's.

Each degraded set is written as the CSV bib-dedupe reads: the set's own rows, in file order,
with every field the degradation changed overwritten by the degraded Record's value (a removed
DOI, abstract or page range is an empty cell; cut author lists are joined with ' and ', as
BibTeX writes them). Fields the degradation left alone keep their raw text, which bib-dedupe
prepares itself, as it does on the full sets. bib-dedupe 0.7.2 runs on that file with
``cpu=1`` under ``nice -n 10`` (:func:`benchmarks.bench_dedup.run_bib_dedupe_on`); its result
is cached under ``.work/bib-dedupe-stress-cache/`` by set and the file's SHA-256, so a changed
degradation reruns it and two degradations that leave a set unchanged share one run.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from benchmarks.bench_dedup import WORK, evaluate, pairs_of, record_files, run_bib_dedupe_on

CACHE = WORK / "bib-dedupe-stress-cache"

# Record attribute -> the CSV column bib-dedupe reads it from, and how a Record writes it.
_FIELDS = {
    "title": ("title", str),
    "authors": ("author", " and ".join),
    "year": ("year", lambda y: str(y) if y else ""),
    "journal": ("journal", str),
    "volume": ("volume", str),
    "issue": ("number", str),
    "pages": ("pages", str),
    "doi": ("doi", str),
    "abstract_sections": ("abstract", lambda s: " ".join(x.text for x in s)),
}


def _rows(name: str) -> tuple[list[str], list[dict]]:
    """The header (union over a set's files) and the raw rows, in the order load_records reads."""
    csv.field_size_limit(10**8)
    header: list[str] = []
    rows: list[dict] = []
    for path in record_files(name):
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            header += [k for k in reader.fieldnames or [] if k and k not in header]
            rows += [{k: v for k, v in row.items() if k} for row in reader]
    return header, rows


def write_csv(name: str, ids: list[str], before: list, after: list, path: Path) -> str:
    """Write set ``name`` with the degradation ``before`` -> ``after`` (Records, in the order of
    ``ids``) applied, as bib-dedupe's input CSV at ``path``; return the file's SHA-256."""
    header, rows = _rows(name)
    if [(r.get("ID") or "").strip() for r in rows] != ids:
        raise ValueError(f"{name}: the CSV rows are not the records load_records read")
    for row, old, new in zip(rows, before, after, strict=True):
        for attr, (column, text) in _FIELDS.items():
            if getattr(old, attr) == getattr(new, attr):
                continue
            if attr == "journal" and not (row.get("journal") or "").strip():
                column = "booktitle" if (row.get("booktitle") or "").strip() else column
            row[column] = text(getattr(new, attr))
            if column not in header:
                header.append(column)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, quoting=csv.QUOTE_ALL)
        writer.writeheader()
        writer.writerows(rows)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def bib_dedupe_row(
    name: str, variant: str, ids: list[str], before: list, after: list, truth: list[list[str]]
) -> dict:
    """bib-dedupe's false merges, missed pairs, recall and queue on one degraded set."""
    csv_path = CACHE / f"{name}-{variant}.csv"
    digest = write_csv(name, ids, before, after, csv_path)
    result = run_bib_dedupe_on(
        [str(csv_path)], CACHE / f"{name}-{digest[:16]}.json", ("nice", "-n", "10")
    )
    clusters = [[str(i) for i in c] for c in result["clusters"]]
    figures = evaluate(clusters, truth)
    return {
        "false_merges": figures["false_merges"],
        "missed": figures["fn"],
        "recall": figures["recall"],
        "queue": result["maybe_pairs"],
        "cpu_s": result.get("cpu_s"),
        "input_sha256": digest,
        "false_pairs": sorted(pairs_of(clusters) - pairs_of(truth)),
    }


def side_by_side(runs: dict, variants: list[str], sets: list[str]) -> list[str]:
    """The markdown table: per degradation and set, our figures beside bib-dedupe's."""
    lines = [
        "| degradation | set | false merges rk / bd | both | missed rk / bd | recall rk / bd"
        " | queue rk / bd | bd CPU s |",
        "|---|---|---|---:|---|---|---|---:|",
    ]
    for variant in variants:
        total, shown = [0, 0, 0, 0, 0], 0
        for name in sets:
            row = runs.get(variant, {}).get(name)
            if not row or "bib_dedupe" not in row:
                continue
            bd, shown = row["bib_dedupe"], shown + 1
            ours = {tuple(p) for p in row.get("false_pairs", [])}
            both = len(ours & {tuple(p) for p in bd["false_pairs"]})
            for k, v in enumerate(
                (row["false_merges"], bd["false_merges"], both, row["missed"], bd["missed"])
            ):
                total[k] += v
            lines.append(
                f"| {variant} | {name} | {row['false_merges']} / {bd['false_merges']} | {both}"
                f" | {row['missed']} / {bd['missed']} | {row['recall']:.4f} / {bd['recall']:.4f}"
                f" | {row['queue']} / {bd['queue']} | {bd['cpu_s']} |"
            )
        if shown > 1:
            lines.append(
                f"| **{variant}** | all | **{total[0]} / {total[1]}** | {total[2]}"
                f" | **{total[3]} / {total[4]}** | | | |"
            )
    return lines
