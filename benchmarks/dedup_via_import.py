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
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks.bench_dedup import (
    HELD_OUT,
    SETS,
    load_records,
    match_and_cluster,
    pairs_of,
    record_files,
    true_clusters,
)
from reviewkit.errors import FormatError

HERE = Path(__file__).resolve().parent
NOTES = (
    "Before the CSV reader's fixes (commit 'CSV import: BibTeX's booktitle …'), digital_work",
    "through the import path: missed 37, queue 141, false merges 0 (direct: 2, 106, 0): 574",
    "records (conference papers, `booktitle` with an empty `journal`) had no venue, so",
    "biblio_match merged 81 pairs instead of 116. The other nine sets were the same on both",
    "paths already. Remaining author differences are where the direct loader splits worse",
    "('Karpman D, Tati R' kept as one author; 'Chiang, Y.-H.;' with the ';' left on).",
    "",
    "Rows refused by the import: a record with no title, no identifier and no full citation",
    "(`reviewkit.formats.findable`): in srsr six 'Anonymous' conference-proceedings volumes",
    "(journal and an abstract 'The proceedings contain N papers…', no title, no pages); none",
    "is in a true pair; in depression one row with only an author string, in haematology one",
    "with only a date in `number`. Without deleting them, `reviewkit import` refuses the file.",
)
FIELDS = ("title", "authors", "year", "journal", "volume", "issue", "pages", "doi", "pmid")


def import_records(name: str) -> tuple[list[str], list, list[str]]:
    """(bib-dedupe ids, Records read by reviewkit.formats.read_file, ids of refused rows) of one
    set, in file order. A file the import refuses (a row it cannot accept) is dealt with as the
    message tells the user: that row is deleted and the file imported again."""
    csv.field_size_limit(10**8)
    ids, recs, refused = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for path in record_files(name):
            rows = _rows(path)
            while True:
                copy = Path(tmp) / path.name
                _write_rows(copy, rows)
                rows = _rows(copy)  # lines as the copy numbers them
                try:
                    got = _read_all(copy)
                    break
                except FormatError as exc:
                    line = int(exc.where.rsplit(":", 1)[1])  # the refused row's first line
                    at = next(k for k, (start, _) in enumerate(rows) if start == line)
                    refused.append(rows.pop(at)[1]["ID"])
            ids.extend(row["ID"].strip() for _, row in rows)
            recs.extend(got)
    if len(ids) != len(recs):
        raise SystemExit(f"{name}: {len(ids)} rows but {len(recs)} records imported")
    return ids, recs, refused


def _read_all(path: Path) -> list:
    from reviewkit.formats import read_file

    return list(read_file(path))


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(first line, row) of each row of a CSV, in order."""
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        out, start = [], reader.line_num + 1
        for row in reader:
            out.append((start, row))
            start = reader.line_num + 1
    return out


def _write_rows(path: Path, rows: list[tuple[int, dict[str, str]]]) -> None:
    """The rows written back as a CSV (the same cells; quoting may differ)."""
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0][1]), quoting=csv.QUOTE_ALL)
        writer.writeheader()
        writer.writerows(row for _, row in rows)


def abstract(record) -> str:
    """The abstract's words, its section labels included (the two loaders split and punctuate
    labels differently, which matching does not see)."""
    text = " ".join(f"{s.label} {s.text}" for s in record.abstract_sections)
    return " ".join(re.findall(r"\w+", text.lower()))


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
    from reviewkit.dedup.normalise import keys_for

    keys = {i: keys_for(i, r) for i, r in enumerate(recs)}
    result, clusters = match_and_cluster(keys)
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
    ids_imp, imported, refused = import_records(name)
    gone = set(refused)
    kept = [r for i, r in zip(ids, direct, strict=True) if i not in gone]
    if [i for i in ids if i not in gone] != ids_imp:
        raise SystemExit(f"{name}: the ids of the two loaders do not line up")
    return {
        "records": len(ids),
        "true_pairs": len(truth),
        "direct": dedup_figures(ids, direct, truth),
        "import": dedup_figures(ids_imp, imported, truth),
        "refused_rows": refused,
        "true_pairs_of_refused": sum(1 for p in truth if gone & set(p)),
        "fields_differing": field_divergence(kept, imported),
    }


def write_markdown(figures: dict, path: Path) -> None:
    lines = [
        "# Dedup benchmark through the import path (bib-dedupe 0.7.2 labelled sets)",
        "",
        "Two paths on the same `records_pre_merged*.csv`, matched by the same",
        "`reviewkit.dedup.matching.match`: **direct** = `benchmarks/bench_dedup.py: load_records`",
        "(the path of the figures in `dedup.md` / `dedup-heldout.md`), **import** =",
        "`reviewkit.formats.read_file`, what `reviewkit import` reads. Missed = true pairs not",
        "merged automatically; queue = pairs sent to review. A row the import refuses is deleted",
        "and the file imported again, as its message tells the user (those rows' true pairs then",
        "count as missed on the import path). Fields differing: records whose field differs",
        "between the two loaders (abstracts compared by their words).",
        "Run: `python -m benchmarks.dedup_via_import`.",
        "",
        "| set | records | true pairs | missed direct / import | false merges direct / import"
        " | queue direct / import | rows refused by import (their true pairs) | fields differing |",
        "|---|---:|---:|---|---|---|---|---|",
    ]
    for name, f in figures.items():
        d, i = f["direct"], f["import"]
        diff = ", ".join(f"{k} {v:,}" for k, v in sorted(f["fields_differing"].items())) or "none"
        lines.append(
            f"| {name} | {f['records']:,} | {f['true_pairs']:,} | {d['missed']} / {i['missed']}"
            f" | {d['false_merges']} / {i['false_merges']} | {d['queue']} / {i['queue']}"
            f" | {len(f['refused_rows'])} ({f['true_pairs_of_refused']}) | {diff} |"
        )
    worse = [
        n
        for n, f in figures.items()
        if f["import"]["missed"] > f["direct"]["missed"]
        or f["import"]["false_merges"] > f["direct"]["false_merges"]
    ]
    lines += [
        "",
        "Import path as good as or better than the direct loader (missed and false merges) on"
        " every set."
        if not worse
        else f"Import path worse than the direct loader on: {', '.join(worse)}.",
    ]
    path.write_text("\n".join([*lines, "", *NOTES]) + "\n")


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
