"""Every protocol's every scheme on every held-out file and Review B's rows: each row's label
scores and suggestion, to compare before and after a change to the rules or a protocol (what
moved, and on which set). Not a benchmark of its own: ``python -m benchmarks.classify_cells
before.json`` on the old code, ``... after.json`` on the new, then ``python -m
benchmarks.classify_cells --compare before.json after.json`` lists the rows that moved."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.classify_review_b import data_path
from reviewkit import protocol as protocol_mod
from reviewkit.classify import choose, score_labels
from reviewkit.classify.evaluate import cell_labels, gold_column, text_record
from reviewkit.formats.filled_sheet import sheet_rows
from reviewkit.protocol import Scheme
from reviewkit.records import Record

ROOT = Path(__file__).resolve().parents[1]


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """A labelled file's header and rows as ``classify --evaluate`` reads them (names in lower
    case, a header below title rows)."""
    found = sheet_rows(path, "the labelled studies", ("title",))
    return found.header, [row for _, row in found.rows]


def _gold(header: list[str], rows: list[dict[str, str]], scheme: Scheme) -> str:
    """The column left out of the rows' text as ``scheme``'s gold ('' for none): the one
    ``classify --evaluate`` reads as its gold (evaluate.gold_column) when a cell of it names
    labels of the scheme (evaluate.cell_labels): the gold, or the authors' own coding in part
    (Review B's 'design': 'RCT', 'qualitative' beside 'cohort'), whose labels would be their
    own evidence. One whose cells name none is a description (Review B's 'intervention', each
    arm in the authors' words; --evaluate refuses it as gold) and is read, as a file's
    'intervention' column is for every other scheme."""
    gold = gold_column(header, scheme)
    if gold and any(
        (row.get(gold) or "").strip() and not cell_labels(scheme, row.get(gold))[1] for row in rows
    ):
        return gold
    return ""


def cells(
    files: list[Path] | None = None, protocols: list[Path] | None = None
) -> dict[str, object]:
    """'protocol|scheme|file|row' -> [[label, score], ..., ["->", suggested]] (or the error),
    of ``protocols`` (every one in protocols/) on ``files`` (the held-out sets and Review B's
    rows). A row's text is read as ``classify --evaluate`` reads it for the scheme: every
    column but the scheme's gold column (evaluate.gold_column), also one named like a section
    ('setting', 'design'), unless no cell of it names a label of the scheme (:func:`_gold`)."""
    files = files or [*sorted((ROOT / "tests/reports/fixtures").glob("heldout_*.csv")), data_path()]
    sheets = {f.name: _read(f) for f in files}
    records: dict[tuple[str, str], list[Record]] = {}  # (file, gold column) -> rows' records
    out: dict[str, object] = {}
    for path in protocols or sorted((ROOT / "protocols").glob("*.toml")):
        protocol = protocol_mod.load(path)
        for scheme_id in protocol.schemes:
            scheme = protocol.scheme(scheme_id)
            for name, (header, rows) in sheets.items():
                gold = _gold(header, rows, scheme)
                if (name, gold) not in records:
                    records[name, gold] = [text_record(row, gold) for row in rows]
                for i, record in enumerate(records[name, gold], 1):
                    key = f"{path.stem}|{scheme_id}|{name}|{i}"
                    try:
                        scores = score_labels(record, scheme)
                        got = [[s.label, round(s.score, 3)] for s in scores if s.score]
                        out[key] = [*got, ["->", [c.label for c in choose(scheme, scores)]]]
                    except Exception as exc:  # noqa: BLE001 - a crash is a cell too
                        out[key] = f"error: {type(exc).__name__}: {exc}"
    return out


def compare(before: dict, after: dict) -> list[str]:
    """The rows whose scores or suggestion moved, each with its before and after."""
    return [
        f"{k}\n    {before[k]}\n -> {after.get(k)}" for k in before if before[k] != after.get(k)
    ]


def main(argv: list[str]) -> None:
    if argv[:1] == ["--compare"]:
        before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in argv[1:3])
        moved = compare(before, after)
        print("\n".join(moved) + f"\n{len(moved)} of {len(before)} row score lists moved")
        return
    out = cells()
    Path(argv[0]).write_text(json.dumps(out, indent=0), encoding="utf-8")
    print(f"{len(out)} row score lists -> {argv[0]}")


if __name__ == "__main__":
    main(sys.argv[1:])
