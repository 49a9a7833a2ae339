"""The review queue as a spreadsheet: write the open pairs, read the settled ones back.

:func:`write_queue_csv` writes one row per open pair with both records' fields side by side
and an empty ``verdict`` column. A reviewer fills it with ``same`` or ``different`` (rows
left empty stay in the queue) and :func:`read_queue_csv` reads the file back: every row is
checked first (file, line, what is wrong), then all verdicts are written in one transaction
under the reviewer's name, as if given in ``dedup review``; a merge that a person's
'different' forbids is refused with its line, and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reviewkit import outputs
from reviewkit.dedup.review import PAIR_FIELDS, merge_refusal, person_id, review_queue
from reviewkit.errors import UserError
from reviewkit.formats import csv_format
from reviewkit.formats.text import read_text
from reviewkit.records import Record
from reviewkit.store import duplicates as links
from reviewkit.store import records as record_rows
from reviewkit.store.db import Store

PAIR_COLUMNS = ("record_a", "record_b", "score", "rule", "verdict")
VERDICT_WORDS = {
    "same": "duplicate",
    "duplicate": "duplicate",
    "different": "not_duplicate",
    "not_duplicate": "not_duplicate",
}


def _value(rec: Record, name: str) -> str:
    value = getattr(rec, name)
    if isinstance(value, list):
        return "; ".join(value)
    return "" if value is None else str(value)


def write_queue_csv(db: Store, path: Path) -> int:
    """Write the open pairs (strongest first) with both records' fields; returns the count."""
    queue = review_queue(db)
    recs = record_rows.get_records(db, [x for q in queue for x in (q.a, q.b)])
    header = [*PAIR_COLUMNS, *(f"a_{f}" for f in PAIR_FIELDS), *(f"b_{f}" for f in PAIR_FIELDS)]
    rows = (
        [
            q.a,
            q.b,
            "" if q.score is None else f"{q.score:.2f}",
            q.rule,
            "",
            *(_value(recs[q.a], f) for f in PAIR_FIELDS),
            *(_value(recs[q.b], f) for f in PAIR_FIELDS),
        ]
        for q in queue
    )
    outputs.write_csv(path, header, rows)  # atomic; formula-looking titles neutralised
    return len(queue)


@dataclass
class CsvVerdicts:
    applied: int  # verdicts written
    left_open: int  # rows without a verdict
    already_settled: int  # rows whose pair is no longer in the queue (settled since)


def _rows(path: Path) -> list[tuple[int, int, int, str]]:
    """(line, a, b, verdict or '') of every row, checked; a UserError on the first bad one."""
    # read strictly: broken quotes, NUL bytes, repeated columns are refused with lines
    fieldnames, reader = csv_format.dict_rows(read_text(path), str(path))
    missing = [c for c in ("record_a", "record_b", "verdict") if c not in fieldnames]
    if missing:
        raise UserError(
            f"missing column(s) {', '.join(missing)}",
            where=str(path),
            hint="read back the file 'dedup review --csv' wrote, with its header",
        )
    out = []
    for line, row in reader:
        word = (row.get("verdict") or "").strip().lower()
        if word and word not in VERDICT_WORDS:
            raise UserError(
                f"verdict {word!r} is not 'same' or 'different'",
                where=f"{path}:{line}",
                hint="write same, different, or leave the cell empty",
            )
        try:
            a, b = int(row.get("record_a", "")), int(row.get("record_b", ""))
        except (TypeError, ValueError):
            raise UserError(
                "record_a and record_b must be record ids",
                where=f"{path}:{line}",
                hint="keep the ids as 'dedup review --csv' wrote them (whole numbers);"
                " nothing was written",
            ) from None
        out.append((line, a, b, VERDICT_WORDS.get(word, "")))
    _refuse_conflicts(out, path)
    return out


def _refuse_conflicts(rows: list[tuple[int, int, int, str]], path: Path) -> None:
    """Refuse a pair given two different verdicts (rows copied in a spreadsheet, in either
    order of the records): which one the reviewer meant cannot be guessed."""
    first: dict[tuple[int, int], tuple[int, str]] = {}
    for line, a, b, verdict in rows:
        if not verdict:
            continue
        key = (min(a, b), max(a, b))
        seen = first.setdefault(key, (line, verdict))
        if seen[1] != verdict:
            raise UserError(
                f"records {a} and {b} are 'same' here but 'different' on line {seen[0]}"
                if verdict == "duplicate"
                else f"records {a} and {b} are 'different' here but 'same' on line {seen[0]}",
                where=f"{path}:{line}",
                hint="keep one verdict per pair (delete or empty the other row); nothing was written",
            )


def read_queue_csv(db: Store, path: Path, person: str) -> CsvVerdicts:
    """Write the verdicts of a filled-in queue CSV as ``person``'s, all or nothing."""
    made_by = person_id(person)
    rows = _rows(path)
    known = record_rows.get_records(db, [x for _l, a, b, _v in rows for x in (a, b)])
    for line, a, b, _v in rows:
        missing = [str(x) for x in (a, b) if x not in known]
        if missing or a == b:
            what = f"no record with id {', '.join(missing)}" if missing else "a pair of one record"
            raise UserError(what, where=f"{path}:{line}")
    open_pairs = {(q.a, q.b) for q in review_queue(db)}
    result = CsvVerdicts(0, 0, 0)
    with db.transaction():
        for line, a, b, verdict in rows:
            if not verdict:
                result.left_open += 1
                continue
            if (min(a, b), max(a, b)) not in open_pairs:
                result.already_settled += 1
                continue
            why = merge_refusal(db, a, b) if verdict == "duplicate" else None
            if why:
                raise UserError(
                    why[0] + "; nothing was written", where=f"{path}:{line}", hint=why[1]
                )
            links.add_link(db, a, b, verdict, made_by=made_by, reason="review csv")
            open_pairs.discard((min(a, b), max(a, b)))  # a repeated row is not written twice
            result.applied += 1
    return result
