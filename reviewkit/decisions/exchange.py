"""Exchanging decision logs between machines as JSON lines.

Each line is one log entry with its stable id and the record named portably (PMID, DOI and
normalised title + year), never by local id: the other machine may have imported its records
in another order; a final decision also names the records its study held when it was given
(``study_records``: :mod:`reviewkit.decisions.studies`), links not being exchanged. Importing is all or nothing and idempotent: entries already present are
skipped; an entry whose id is present with different content refuses the whole file.

Each line is read and checked before anything is written (:mod:`reviewkit.decisions.lines`).

With the protocol, a vote is also refused when its record no longer waited for it, by the
rule the screening app applies to a key press (``screening.decide``): replayed in time order
with the project's log, each vote must come from a reviewer who has voted on the record
already or whom it still waits for. So a second reviewer's vote in a one-reviewer stage is
refused (unless the first vote was 'uncertain', which calls in a second reviewer). The rule is
the record's, not its duplicate cluster's: a vote is logged on the record its copy showed as a
study of its own, and a merge made on this machine since (the lead settling dedup's queue
while the reviewers screen) keeps it, as it keeps votes cast here before a merge
(``screening.merges``: a disagreement is a conflict for the lead).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from reviewkit import outputs
from reviewkit.decisions.keys import RecordResolver, portable_key
from reviewkit.decisions.lines import FORMAT, read_lines
from reviewkit.decisions.replay import (
    CONTENT,
    check_held,
    check_repeat,
    check_second_copy,
    check_vote_slots,
    file_key,
    votes_after_final,
)
from reviewkit.decisions.studies import (
    STUDY_RECORDS,
    held_first_time,
    held_in_copies,
    resolve_study_records,
    study_records,
)
from reviewkit.errors import UserError, command_line
from reviewkit.protocol import Protocol
from reviewkit.protocol.people import check_person
from reviewkit.protocol_in_use import logged_leads
from reviewkit.store import Store, lookup
from reviewkit.store import decisions as decision_rows
from reviewkit.store.decisions import Decision
from reviewkit.store.duplicates import canonical_map, held_in_copy


@dataclass(frozen=True)
class ImportResult:
    added: int
    already_present: int
    # (stage, study) where the file added a vote on a study that had a final decision there:
    # those the lead may be asked again (``screening.outcomes.reopened_studies`` says which are)
    after_final: frozenset[tuple[str, int]] = frozenset()
    added_ids: frozenset[str] = frozenset()  # the ids of the entries added
    # finals here already whose study_records this file gave first, changing what they settle
    resettled: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        new: list[Decision],
        already_present: int,
        after_final: frozenset[tuple[str, int]],
        resettled: frozenset[str] = frozenset(),
    ) -> ImportResult:
        """The result of adding the entries ``new``."""
        added = frozenset(d.id for d in new)
        return cls(len(new), already_present, after_final, added, resettled)


def check_exporter(protocol: Protocol, db: Store, reviewer: str) -> None:
    """UserError unless ``reviewer`` is a protocol reviewer or lead or has entries in the log
    (a resolver who is not a reviewer may export too). A blank name is refused: the log's
    reviewer filter takes '' as no filter, so every reviewer's entries would be exported."""
    if not reviewer.strip():
        raise UserError("a reviewer name is needed", hint="pass --reviewer NAME")
    if reviewer not in protocol.reviewers and not decision_rows.list_decisions(
        db, reviewer=reviewer
    ):  # a lead without decisions passes, to be told they have none
        check_person(protocol, reviewer)


def export_decisions(db: Store, reviewer: str, path: Path) -> int:
    """Write every log entry by ``reviewer`` to ``path`` (JSON lines, each with the review id
    recorded in the database); returns how many."""
    log = decision_rows.list_decisions(db, reviewer=reviewer)
    if not log:  # an empty file is what `decisions import` refuses as a failed copy
        raise UserError(
            f"{reviewer} has no decisions in this project; nothing was written",
            hint=f"export after screening ('{command_line('status')}' counts the votes of each stage)",
        )
    held = study_records(db, log)  # what each final's study held here
    keys = lookup.record_keys(db, {d.record_id for d in log}.union(*held.values()))
    review_id = db.review_id()
    review = {"review": review_id} if review_id else {}
    lines = []
    for d in log:
        entry = {"format": FORMAT, **review, **{k: getattr(d, k) for k in ("id", *CONTENT)}}
        entry["record"] = portable_key(keys[d.record_id])
        if d.id in held:
            entry[STUDY_RECORDS] = [portable_key(keys[r]) for r in held[d.id]]
        lines.append(json.dumps(entry, ensure_ascii=False, sort_keys=True))
    outputs.write_text(path, "".join(line + "\n" for line in lines))
    return len(lines)


def _decision(e: dict, record_id: int) -> Decision:
    """The log entry of a checked line ``e``, on the local record ``record_id``."""
    return Decision(
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


def _record_here(resolve: RecordResolver, e: dict, where: str) -> int:
    """The record here that an entry's record names, or a refusal saying what to do."""
    record_id = resolve(e["record"], where)
    if record_id is None:
        raise UserError(
            "no record in this project matches the entry's record"
            f" ({file_key(e['record'], every=True)} in the file)",
            where=where,
            hint="import the same records on this machine first; nothing was written",
        )
    if mismatch := resolve.disagreement(e["record"], record_id):
        raise UserError(
            mismatch,
            where=where,
            hint="re-export the file from its project; nothing was written",
        )
    return record_id


def import_decisions(
    db: Store,
    path: Path,
    protocol: Protocol | None = None,
    *,
    allow_missing_reasons: bool = False,
) -> ImportResult:
    """Add the file's entries to the log in one transaction; idempotent; refuses conflicts and,
    before anything is written, any line that does not check out (against ``protocol``).
    ``allow_missing_reasons`` accepts exclusions without a reason in a stage whose protocol now
    requires one (made before it did); every other check stays."""
    path = Path(path)
    review = db.review_id() or (protocol.id if protocol is not None else None)
    entries = read_lines(path, protocol, review, allow_missing_reasons, logged_leads(protocol, db))
    resolve = RecordResolver(db)
    existing = decision_rows.get_decisions(db, [e["id"] for _, e in entries])
    new: list[Decision] = []
    seen: dict[str, Decision] = {}
    lines: dict[str, str] = {}  # entry id -> 'file:line'
    keys: dict[str, str] = {}  # entry id -> its record as the file names it, for a refusal
    held: dict[str, set[int]] = {}  # a final's id -> what its study held in its copy
    held_again: dict[str, set[int]] = {}  # the same, of a final here already
    repeats: list[tuple[Decision, Decision, str]] = []  # (entry here, the file's, where)
    for no, e in entries:
        where = f"{path}:{no}"
        record_id = _record_here(resolve, e, where)
        d = _decision(e, record_id)
        before = existing.get(d.id) or seen.get(d.id)
        if before is not None:
            repeats.append((before, d, where))  # checked against the studies as they are
            # brought in before from an export that did not say what its study held: this
            # one does (study_records are no part of a final's identity, as an older
            # reviewkit's export lacks them); one known already is not read again
            if STUDY_RECORDS in e and d.id in existing and held_in_copy(db, d.id) is None:
                copy = resolve_study_records(resolve, e, where) or set()
                held_again[d.id] = {before.record_id, record_id, *copy}
            continue
        if d.undoes and d.undoes not in seen and decision_rows.get_decision(db, d.undoes) is None:
            raise UserError(  # a log cut or filtered by hand: the undone vote left out
                f"the entry undoes {d.undoes}, which is neither here nor earlier in the file",
                where=where,
                hint="import the whole log as 'decisions export' wrote it (the entry it undoes"
                " comes before it), or delete this line",
            )
        if (copy := resolve_study_records(resolve, e, where)) is not None:
            held[d.id] = {record_id, *copy}
        seen[d.id] = d
        new.append(d)
        lines[d.id] = where
        keys[d.id] = file_key(e["record"])
    with db.transaction():  # the checks and the write are one, as for a key press
        # which study each record is in, read once, with the write lock held
        canon = canonical_map(db)
        for before, d, where in repeats:
            check_repeat(before, d, where, canon)
        # the project's log of the file's studies, every record of each (the held check
        # judges what an entry changes by its record, what holds it by its study): the checks
        # replay these only (canon holds every record, so the file's own are among them)
        studies = {canon[d.record_id] for d in new}
        mine = {rid for rid, study in canon.items() if study in studies}
        past = decision_rows.list_decisions(db, record_ids=mine)
        check_held(canon, past, new, lines)
        check_second_copy(past, new, lines, keys, {*lines, *(d.id for _, d, _ in repeats)})
        if protocol is not None:
            check_vote_slots(past, protocol, new, lines, keys)
        decision_rows.add_decisions(db, new)
        held_in_copies(db, held)
        resettled = held_first_time(db, existing, held_again, canon)
    after_final = votes_after_final(canon, past, new)
    return ImportResult.of(new, len(repeats), after_final, resettled)
