"""Every extraction prefill of every shipped protocol over the offline snapshot's abstracts,
written as JSON (PMID -> "protocol:field" -> value), so that two versions of the prefill rules
can be compared cell by cell: run it once on each (``PYTHONPATH`` naming the version) and
``--compare`` the two files.

    python -m benchmarks.prefill_moves --out before.json   # PYTHONPATH=an older checkout,
                                     # --protocols its protocols/ folder
    python -m benchmarks.prefill_moves --out after.json
    python -m benchmarks.prefill_moves --compare before.json after.json [--field demo-work-health:aim]

``--heldout``: the held-out sets' abstracts (``tests/reports/fixtures/heldout_*.csv``, hand-made
in other reviews' style and real records) instead of the snapshot's, keyed "file:id".
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT_FILES = ("pubmed20n0014.xml.gz", "pubmed21n1298.xml.gz")
HELDOUT = ROOT / "tests" / "reports" / "fixtures"


def _snapshot_dir() -> Path:
    from reviewkit.offline_data import data_root  # the REVIEWKIT_DATA folder

    return data_root() / "pubmed-snapshot" / "data"


def _snapshot_records():
    """(key, record) of the snapshot's records with an abstract."""
    from reviewkit.formats import pubmed_xml

    for name in SNAPSHOT_FILES:
        with gzip.open(_snapshot_dir() / name, "rb") as fh:
            for rec in pubmed_xml.read(fh, name, keep_raw=False):
                if rec.abstract_sections:
                    yield rec.pmid, rec


def _heldout_records():
    """("file:id", record) of the held-out sets' abstracts, each one unlabelled section (the
    prefill splits it at the headings run into it, as a record read from a CSV file)."""
    from reviewkit.records import AbstractSection, Record

    for path in sorted(HELDOUT.glob("heldout_*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("abstract", "").strip():
                    rec = Record(
                        title=row["title"], abstract_sections=[AbstractSection("", row["abstract"])]
                    )
                    yield f"{path.stem}:{row['id']}", rec


def prefill_all(out: Path, folder: Path, *, heldout: bool = False) -> None:
    """Write every prefill of every protocol in ``folder`` for the snapshot's records (the
    held-out sets' with ``heldout``)."""
    from reviewkit import extract, protocol

    protocols = {p.stem: protocol.load(p) for p in sorted(folder.glob("*.toml"))}
    cells: dict[str, dict[str, str]] = {}
    for key, rec in _heldout_records() if heldout else _snapshot_records():
        row = cells.setdefault(key, {})
        parts = extract.sections(rec)  # once for every protocol, as prefill_values does
        for stem, proto in protocols.items():
            values = extract.prefill_values(rec, proto.extraction, abstract_sections=parts)
            row.update((f"{stem}:{fid}", value) for fid, value in values.items())
    out.write_text(json.dumps(cells, ensure_ascii=False), encoding="utf-8")
    print(f"{len(cells)} abstracts, {len(protocols)} protocols -> {out}")


def compare(before: Path, after: Path, field: str | None, show: int) -> None:
    """Count the cells that differ by protocol and field; print ``show`` of ``field``'s."""
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    moved: Counter[str] = Counter()
    shown = 0
    for pmid, row in new.items():
        for key, value in row.items():
            if old.get(pmid, {}).get(key, "") != value:
                moved[key] += 1
                if key == field and shown < show:
                    shown += 1
                    print(
                        f"--- {pmid}\n  before: {old[pmid].get(key, '')[:300]}\n  after:  {value[:300]}"
                    )
    for key, n in sorted(moved.items()):
        print(f"{n:6d}  {key}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path)
    ap.add_argument("--protocols", type=Path, default=ROOT / "protocols", help="their folder")
    ap.add_argument("--compare", nargs=2, type=Path)
    ap.add_argument("--field", help="protocol:field whose moved cells to print")
    ap.add_argument("--show", type=int, default=20)
    ap.add_argument("--heldout", action="store_true", help="the held-out sets' abstracts")
    args = ap.parse_args(argv)
    if args.compare:
        compare(*args.compare, args.field, args.show)
    elif args.out:
        prefill_all(args.out, args.protocols, heldout=args.heldout)
    else:
        ap.error("give --out or --compare")
    return 0


if __name__ == "__main__":
    sys.exit(main())
