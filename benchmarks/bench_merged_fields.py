"""What a merged record's copies add to its kept record, on bib-dedupe's labelled sets.

For each true cluster (``merged_record_ids.csv``, two or more records) the kept record is the
one read first (the lowest id, as an import gives it) and
:func:`reviewkit.dedup.merged_fields.filled_record` fills it from the others, as reports and
exports do. Measured per set: how many kept records gain a field, and which fields.

The choice between disagreeing copies is checked by leaving the place out: where the kept
record has volume and pages and two or more copies have a place too, its volume, issue and
pages are blanked and filled again from the copies; the filled place is right when it is the
kept record's own. Beside it, the simplest rule (the first copy that has a place) on the same
clusters. True clusters are used, not reviewkit's dedup, so only the filling is measured.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

from benchmarks.bench_dedup import HELD_OUT, SETS, load_records, true_clusters
from reviewkit.dedup.merged_fields import PLACE, field_key, filled_record, is_empty, place_key

FIELDS = (
    *("title", "abstract_sections", "authors", "year", "journal"),
    *("volume", "issue", "pages", "doi", "pmid"),
)


def _place(rec) -> tuple:
    return tuple(field_key(getattr(rec, f)) for f in PLACE)


def measure_set(name: str) -> dict:
    ids, recs = load_records(name)
    index = {rid: i for i, rid in enumerate(ids)}
    clusters = [
        sorted({index[r] for r in c if r in index}) for c in true_clusters(name) if len(c) > 1
    ]
    clusters = [c for c in clusters if len(c) > 1]
    gained, by_field = 0, Counter()
    checked = 0
    right: Counter = Counter()  # (rule, how compared) -> places right
    for kept_i, *copy_is in clusters:
        kept = recs[kept_i]
        copies = [(i, recs[i]) for i in copy_is]
        filled = filled_record(kept, copies)
        new = [f for f in FIELDS if is_empty(getattr(kept, f)) and not is_empty(getattr(filled, f))]
        gained += bool(new)
        by_field.update(new)
        with_place = [(i, r) for i, r in copies if r.volume and r.pages]
        if kept.volume and kept.pages and len(with_place) >= 2:
            blank = dataclasses.replace(kept, volume="", issue="", pages="")
            checked += 1
            first = next(r for _i, r in copies if any(getattr(r, f) for f in PLACE))
            for rule, got in (("most copies", filled_record(blank, copies)), ("first copy", first)):
                right[rule, "as written"] += _place(got)[::2] == _place(kept)[::2]
                right[rule, "same place"] += place_key(got.volume, got.pages) == place_key(
                    kept.volume, kept.pages
                )
    return {
        "records": len(recs),
        "clusters": len(clusters),
        "kept_records_gaining_a_field": gained,
        "fields_gained": dict(sorted(by_field.items())),
        "place_left_out_checked": checked,
        "place_right": {f"{rule}, {how}": n for (rule, how), n in sorted(right.items())},
    }


def write_markdown(figures: dict, path: Path) -> None:
    lines = [
        "# A merged record's empty fields filled from its copies (bib-dedupe labelled sets)",
        "",
        (__doc__ or "").strip(),
        "",
        "Place right: volume and pages as the kept record writes them ('as written'), or the"
        " same volume number and first page ('same place': '69 (Suppl 1)' is volume 69)."
        " Issue is not compared (many exports leave it out). A wrong place is not always the"
        " fill's error: in the diabetes set the kept record often gives a supplement's number"
        " as its volume ('1', 'A163') where a copy gives '62', 'SUPPL. 1'.",
        "",
        "| set | records | clusters | kept records gaining a field | volume | issue | pages"
        " | doi | abstract | place checked | most copies: as written / same place"
        " | first copy: as written / same place |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, f in figures.items():
        g, r = f["fields_gained"], f["place_right"]
        lines.append(
            f"| {name} | {f['records']} | {f['clusters']} | {f['kept_records_gaining_a_field']}"
            f" | {g.get('volume', 0)} | {g.get('issue', 0)} | {g.get('pages', 0)}"
            f" | {g.get('doi', 0)} | {g.get('abstract_sections', 0)}"
            f" | {f['place_left_out_checked']}"
            f" | {r['most copies, as written']} / {r['most copies, same place']}"
            f" | {r['first copy, as written']} / {r['first copy, same place']} |"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(results_dir: Path) -> dict:
    figures = {name: measure_set(name) for name in (*SETS, *HELD_OUT)}
    write_markdown(figures, results_dir / "merged_fields.md")
    return figures
