"""Exchanging decision logs between machines as JSON lines.

Each line is one log entry with its stable id and the record named portably (PMID, DOI and
normalised title + year), never by local id: the other machine may have imported its records
in another order. Importing is all or nothing and idempotent: entries already present are
skipped; an entry whose id is present with different content refuses the whole file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from reviewkit import outputs
from reviewkit.errors import UserError
from reviewkit.formats.text import read_text
from reviewkit.protocol import STAGES
from reviewkit.records import normalise_doi, normalise_pmid, normalise_title
from reviewkit.screening import FINAL, NOTE, UNDO, VOTES
from reviewkit.store import Store, lookup
from reviewkit.store import decisions as decision_rows
from reviewkit.store import records as record_rows
from reviewkit.store.decisions import Decision
from reviewkit.store.duplicates import canonical_map

FORMAT = "reviewkit-decisions/1"
LABELS = (*VOTES, NOTE, UNDO, *FINAL)
_CONTENT = ("stage", "reviewer", "label", "reason", "note", "undoes", "created_at")


@dataclass(frozen=True)
class ImportResult:
    added: int
    already_present: int


def export_decisions(db: Store, reviewer: str, path: Path) -> int:
    """Write every log entry by ``reviewer`` to ``path`` (JSON lines); returns how many."""
    log = decision_rows.list_decisions(db, reviewer=reviewer)
    keys = lookup.record_keys(db, {d.record_id for d in log})
    lines = []
    for d in log:
        pmid, doi, title, year = keys[d.record_id]
        entry = {"format": FORMAT, **{k: getattr(d, k) for k in ("id", *_CONTENT)}}
        entry["record"] = {"pmid": pmid, "doi": doi, "title": normalise_title(title), "year": year}
        lines.append(json.dumps(entry, ensure_ascii=False, sort_keys=True))
    outputs.write_text(path, "".join(line + "\n" for line in lines))
    return len(lines)


class _Resolver:
    """Finds the local record of a portable key: PMID, then DOI, then title + year."""

    def __init__(self, db: Store) -> None:
        self.db = db
        self._titles: dict[tuple[str, int | None], int] | None = None

    def __call__(self, key: dict) -> int | None:
        pmid = normalise_pmid(key.get("pmid"))
        if pmid:
            hits = record_rows.ids_by_pmid(self.db, [pmid]).get(pmid)
            if hits:
                return hits[0]
        doi = normalise_doi(key.get("doi"))
        if doi:
            hits = lookup.ids_by_doi(self.db, doi)
            if hits:
                return hits[0]
        title = normalise_title(key.get("title") or "")
        if title:
            if self._titles is None:
                self._titles = {}
                for rid, _pmid, _doi, t, year in lookup.all_record_keys(self.db):
                    self._titles.setdefault((normalise_title(t), year), rid)
            return self._titles.get((title, key.get("year")))
        return None


def _parse(path: Path) -> list[tuple[int, dict]]:
    text = read_text(path)
    entries = []
    for no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{no}"
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UserError(f"not a JSON line ({exc.msg})", where=where) from None
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            raise UserError(
                "not a reviewkit decision line",
                where=where,
                hint="use a file from 'decisions export'",
            )
        missing = [
            k
            for k in ("id", "record", "stage", "reviewer", "label", "created_at")
            if not entry.get(k)
        ]
        if missing or not isinstance(entry["record"], dict):
            raise UserError(f"missing fields: {', '.join(missing) or 'record'}", where=where)
        if entry["label"] not in LABELS:
            raise UserError(f"unknown label {entry['label']!r}", where=where)
        if entry["stage"] not in STAGES:
            raise UserError(f"unknown stage {entry['stage']!r}", where=where)
        if entry["label"] == UNDO and not entry.get("undoes"):
            raise UserError("an undo entry must name the entry it undoes", where=where)
        entries.append((no, entry))
    return entries


def import_decisions(db: Store, path: Path) -> ImportResult:
    """Add the file's entries to the log in one transaction; idempotent; refuses conflicts."""
    path = Path(path)
    entries = _parse(path)
    resolve = _Resolver(db)
    existing = decision_rows.get_decisions(db, [e["id"] for _, e in entries])
    canon: dict[int, int] | None = None
    new: list[Decision] = []
    seen: dict[str, Decision] = {}
    skipped = 0
    for no, e in entries:
        where = f"{path}:{no}"
        record_id = resolve(e["record"])
        if record_id is None:
            rec = e["record"]
            raise UserError(
                "no record in this project matches the entry's record "
                f"(pmid {rec.get('pmid') or '-'}, doi {rec.get('doi') or '-'}, title {rec.get('title', '')[:60]!r})",
                where=where,
                hint="import the same records on this machine first; nothing was written",
            )
        d = Decision(
            record_id=record_id,
            stage=e["stage"],
            reviewer=e["reviewer"],
            label=e["label"],
            reason=e.get("reason") or "",
            note=e.get("note") or "",
            undoes=e.get("undoes") or None,
            id=e["id"],
            created_at=e["created_at"],
        )
        before = existing.get(d.id) or seen.get(d.id)
        if before is not None:
            if canon is None:
                canon = canonical_map(db)
            same = all(getattr(before, k) == getattr(d, k) for k in _CONTENT) and canon.get(
                before.record_id, before.record_id
            ) == canon.get(d.record_id, d.record_id)
            if not same:
                raise UserError(
                    f"decision {d.id} is already in this project with different content",
                    where=where,
                    hint="the file conflicts with the log here; nothing was written",
                )
            skipped += 1
            continue
        if d.undoes and d.undoes not in seen and decision_rows.get_decision(db, d.undoes) is None:
            raise UserError(
                f"the entry undoes {d.undoes}, which is neither here nor earlier in the file",
                where=where,
            )
        seen[d.id] = d
        new.append(d)
    decision_rows.add_decisions(db, new)
    return ImportResult(len(new), skipped)
