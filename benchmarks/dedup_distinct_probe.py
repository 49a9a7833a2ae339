"""False-merge probe on collections whose records are known to be distinct (issue 14, dedup47b).

``python -m benchmarks.dedup_distinct_probe [snapshot|screening|all]`` (run by hand; not a
``bench_*``). Writes ``results/dedup-distinct-probe.json`` and the figures part of
``results/dedup-distinct-probe.md`` (the reading of the pairs is in
:data:`benchmarks.dedup_apart_kinds.DISTINCT_PROBE_NOTES`).

The product's dedup (:func:`reviewkit.dedup.normalise.keys_for` + :func:`reviewkit.dedup.
matching.match`, what ``reviewkit dedup`` runs; through ``bench_dedup.match_and_cluster``) on
records read by the import's own readers:

- the PubMed snapshot (``pubmed_xml.read`` on :func:`reviewkit.offline_data.
  pubmed_snapshot_files`, one record per PMID, the later file's copy kept as NLM applies them):
  two PMIDs are two PubMed records. Run as PubMed gives them, where ``pmid_veto`` parts every
  pair, and with the PMID and PMC id hidden ('no ids': as Embase, Scopus or Web of Science
  export the same articles, DOIs kept) and with the DOI hidden too ('no ids, no DOI': a
  database that exports no DOI). Those two runs show what the title, authors and place rules
  alone would merge of articles that are known to be distinct.
- the 15 ASReview screening sets (``reviewkit.formats.read_file``, what ``reviewkit import``
  reads): title, authors and abstract, Cohen's with PMIDs. Truth: one PMID is one record, two
  are two (Cohen); Nagtegaal's ``duplicate_record_id`` column names its duplicate rows. Run as
  they are and with the PMID hidden.

Every merged pair the truth calls distinct is listed with both records' title / journal /
year / volume / pages / DOI / PMID; queued pairs are counted by rule and a sample listed.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from benchmarks.measure import load_note, run_isolated

HERE = Path(__file__).resolve().parent
SCREENING = Path("/work/shared/data/screening")  # as bench_ranking's data: outside the repository
RESULTS = HERE / "results" / "dedup-distinct-probe"
VARIANTS = ("as given", "no ids", "no ids, no DOI")
QUEUE_SAMPLE = 12  # queued pairs listed per run, to read


def _hide(rec, variant: str):
    """The record as a database without PubMed's ids (and without DOIs) would export it."""
    if variant == "as given":
        return rec
    out = dataclasses.replace(rec, pmid="", pmcid="")
    if "DOI" in variant:
        out = dataclasses.replace(out, doi="")
    return out


def snapshot_records() -> list:
    """The snapshot's records, one per PMID (the later file's copy, as NLM applies them)."""
    from reviewkit import offline_data
    from reviewkit.formats import pubmed_xml

    by_pmid: dict[str, object] = {}
    for path in offline_data.pubmed_snapshot_files():
        with open(path, "rb") as fh:
            for rec in pubmed_xml.read(pubmed_xml.open_binary(fh), path.name):
                by_pmid[rec.pmid] = rec
    return list(by_pmid.values())


def screening_records(path: Path) -> tuple[list, list[str]]:
    """(Records as ``reviewkit import`` reads them, each row's truth label): the PMID when the
    set has one, Nagtegaal's duplicate_record_id (else its own record_id)."""
    from reviewkit.formats import read_file

    recs = list(read_file(path))
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if len(rows) != len(recs):
        raise SystemExit(f"{path.name}: {len(rows)} rows, {len(recs)} records read")
    labels = []
    for row in rows:
        dup = (row.get("duplicate_record_id") or "").strip()
        pmid = (row.get("pubmedID") or "").strip()
        labels.append(pmid or "r" + (dup or row["record_id"]).strip())
    return recs, labels


def _row(rec) -> dict:
    return {
        "title": rec.title[:160],
        "journal": rec.journal[:60],
        "year": rec.year,
        "volume": rec.volume,
        "issue": rec.issue,
        "pages": rec.pages,
        "doi": rec.doi,
        "pmid": rec.pmid,
        "types": [t for t in rec.publication_types if t != "Journal Article"][:4],
        "authors": "; ".join(rec.authors[:3]),
    }


def probe(recs: list, labels: list[str], variant: str) -> dict:
    """Dedup one collection as ``reviewkit dedup`` would; the merges and queue by rule, and
    each merged pair that the labels call two records."""
    from benchmarks.bench_dedup import match_and_cluster
    from reviewkit.dedup.normalise import keys_for

    cpu = time.process_time()
    shown = [_hide(r, variant) for r in recs]
    keys = {i: keys_for(i, r) for i, r in enumerate(shown)}
    result, clusters = match_and_cluster(keys)
    cpu_s = round(time.process_time() - cpu, 2)
    merges = Counter(e.rule for e in result.accepted)
    queued = Counter(u.rule for u in result.uncertain)
    false = [e for e in result.accepted if labels[e.a] != labels[e.b]]
    true_pairs = sum(1 for e in result.accepted if labels[e.a] == labels[e.b])
    label_pairs = Counter(labels)
    return {
        "records": len(recs),
        "variant": variant,
        "cpu_s": cpu_s,
        "pairs_compared": result.pairs_compared,
        "merges": sum(merges.values()),
        "merged_true": true_pairs,
        "labelled_duplicate_pairs": sum(n * (n - 1) // 2 for n in label_pairs.values()),
        "queue": sum(queued.values()),
        "queued_true": sum(1 for u in result.uncertain if labels[u.a] == labels[u.b]),
        "clusters_over_one": sum(1 for c in clusters if len(c) > 1),
        "rules": {
            r: [merges[r], queued[r], sum(1 for e in false if e.rule == r)]
            for r in sorted(set(merges) | set(queued))
        },
        "false_merges": [
            {
                "rule": e.rule,
                "score": e.score,
                "labels": [labels[e.a], labels[e.b]],
                "a": _row(shown[e.a]),
                "b": _row(shown[e.b]),
            }
            for e in false
        ],
        "queue_sample": [
            {"rule": u.rule, "a": _row(shown[u.a]), "b": _row(shown[u.b])}
            for u in sorted(result.uncertain, key=lambda u: (u.rule, u.a, u.b))[
                :: max(1, len(result.uncertain) // QUEUE_SAMPLE)
            ][:QUEUE_SAMPLE]
        ],
    }


def run_snapshot(variant: str) -> dict:
    recs = snapshot_records()
    return probe(recs, [r.pmid for r in recs], variant)


def run_screening(variant: str) -> dict:
    out = {}
    for path in sorted(SCREENING.glob("*.csv")):
        recs, labels = screening_records(path)
        out[path.stem] = probe(recs, labels, variant)
    return out


def _pair_lines(pairs: list[dict]) -> list[str]:
    lines = []
    for p in pairs:
        lines.append(f"- `{p['rule']}`")
        for side in ("a", "b"):
            r = p[side]
            place = f"{r['journal']} {r['year']};{r['volume']}({r['issue']}):{r['pages']}"
            types = f" [{', '.join(r['types'])}]" if r["types"] else ""
            ids = f" doi {r['doi'] or '-'} pmid {r['pmid'] or '-'}"
            lines.append(f"  - {r['title']} | {place} |{ids}{types} | {r['authors']}")
    return lines


def write_markdown(figures: dict, path: Path) -> None:
    from benchmarks.dedup_apart_kinds import DISTINCT_PROBE_NOTES

    lines = [
        "# Dedup on records known to be distinct (false-merge probe)",
        "",
        "`python -m benchmarks.dedup_distinct_probe` (benchmarks/dedup_distinct_probe.py: what"
        " is run, on what, and the truth). The labels: a PMID, a screening set's row or its"
        " labelled duplicate. A merge of two labels is a false merge unless the reading below"
        " finds one article under two PMIDs.",
        "",
        *DISTINCT_PROBE_NOTES,
        "",
        "## Figures",
        "",
        "| collection | variant | records | labelled copies (pairs) | pairs compared | merges"
        " (one label / two labels) | queue (of it labelled copies) | CPU s |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    runs = _runs(figures)
    for name, f in runs:
        false = len(f["false_merges"])
        lines.append(
            f"| {name} | {f['variant']} | {f['records']:,} | {f['labelled_duplicate_pairs']} |"
            f" {f['pairs_compared']:,} | {f['merged_true']} / {false} |"
            f" {f['queue']} ({f.get('queued_true', '-')}) | {f['cpu_s']} |"
        )
    lines += ["", f"Measured: {figures.get('measured', '')}", ""]
    lines += ["## Merges and queue by rule (merged / queued / merged of two labels)", ""]
    for name, f in runs:
        cells = ", ".join(f"{r} {m}/{q}/{x}" for r, (m, q, x) in f["rules"].items())
        lines.append(f"- {name}, {f['variant']}: {cells or '-'}")
    lines += [
        "",
        "## Every merge of two labels (two PMIDs, two rows): read above, most are one article",
        "",
    ]
    for name, f in runs:
        if f["false_merges"]:
            lines += [f"### {name}, {f['variant']}", "", *_pair_lines(f["false_merges"]), ""]
    lines += ["## A sample of the queue", ""]
    for name, f in runs:
        if f["queue_sample"] and (name == "snapshot" or f["variant"] != "as given"):
            lines += [f"### {name}, {f['variant']}", "", *_pair_lines(f["queue_sample"]), ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _runs(figures: dict) -> list[tuple[str, dict]]:
    runs = []
    for variant in VARIANTS:
        if variant in figures.get("snapshot", {}):
            runs.append(("snapshot", figures["snapshot"][variant]))
    for variant in VARIANTS:
        for name, f in figures.get("screening", {}).get(variant, {}).items():
            runs.append((name, f))
    return runs


def main(argv: list[str]) -> int:
    which = argv[0] if argv else "all"
    json_path = RESULTS.with_suffix(".json")
    figures = json.loads(json_path.read_text()) if json_path.exists() else {}
    notes = []
    if which in ("snapshot", "all"):
        figures["snapshot"] = {}
        for variant in VARIANTS:
            wall, mb, f = run_isolated(run_snapshot, variant)
            f |= {"wall_s": round(wall, 2), "peak_mb": round(mb, 1)}
            figures["snapshot"][variant] = f
            notes.append(f"snapshot {variant}: {wall:.1f} s wall, {f['cpu_s']} CPU s, {mb:.0f} MB")
            print(notes[-1], file=sys.stderr)
    if which in ("screening", "all"):
        figures["screening"] = {}
        for variant in VARIANTS[:2]:
            wall, mb, f = run_isolated(run_screening, variant)
            figures["screening"][variant] = f
            notes.append(f"screening {variant}: {wall:.1f} s wall, {mb:.0f} MB")
            print(notes[-1], file=sys.stderr)
    figures["measured"] = "; ".join(notes) + f"; {load_note(os.getloadavg()[0])}"
    json_path.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n")
    write_markdown(figures, RESULTS.with_suffix(".md"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
