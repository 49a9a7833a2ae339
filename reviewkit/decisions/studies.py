"""What a final decision's study held in the copy it was given in, carried by the exchange.

Duplicate links are not exchanged, so a final brought in by ``decisions import`` was judged by
its time (that machine's clock) against the links of the project it came into: in a reviewer's
copy taken after the lead merged two records, the lead's finals made there were said to be
"taken to settle" a record the copy already held. So ``decisions export`` writes, on each final
decision, the records its study held when it was given (``study_records``: the others than its
own, by their portable keys, as ``record`` names its own; ``[]`` for a study of one record),
and ``decisions import`` keeps them for the final (migration 100): what it settled is then
what its copy held (:func:`reviewkit.store.duplicates.cluster_when_logged`), whatever the
clocks. A line without the field (an export from before it) is judged by its time, as before.
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewkit.decisions.keys import STUDY_RECORDS, RecordResolver, key_problem
from reviewkit.screening.rules import FINAL
from reviewkit.store import Store
from reviewkit.store import duplicates as links
from reviewkit.store.decisions import Decision


def study_records(db: Store, log: Iterable[Decision]) -> dict[str, list[int]]:
    """For each final decision of ``log``, the other records its study held when it was given
    (:func:`~reviewkit.store.duplicates.cluster_when_logged`), in id order."""
    return {
        d.id: sorted(links.cluster_when_logged(db, d) - {d.record_id})
        for d in log
        if d.label in FINAL
    }


def study_records_problem(entry: dict) -> str:
    """What is wrong with a line's ``study_records`` ('' for nothing, or none given): a list
    of record keys, on a final decision only."""
    if STUDY_RECORDS not in entry:
        return ""
    given = entry[STUDY_RECORDS]
    if entry.get("label") not in FINAL:
        return f"{STUDY_RECORDS} go with a final decision only, not with {entry.get('label')!r}"
    if not isinstance(given, list):
        return f"{STUDY_RECORDS} must be a list of records (pmid, doi, title, year)"
    for i, key in enumerate(given):
        if problem := key_problem(key, f"{STUDY_RECORDS}[{i}]"):
            return problem
    return ""


def resolve_study_records(resolve: RecordResolver, entry: dict, where: str) -> set[int] | None:
    """The records of this project that a final's ``study_records`` name (one this project
    does not hold is in no study here, and is left); None where the line gives none. A key
    is every record here that has it (:meth:`RecordResolver.same_key`: two databases' copies
    of one article, the pair a lead merges, may share all but the PMID, and the one record the
    resolver finds for one of them may be the other), else the record it is found by."""
    if STUDY_RECORDS not in entry:
        return None
    found: set[int] = set()
    for i, key in enumerate(entry[STUDY_RECORDS]):
        named = f"{STUDY_RECORDS}[{i}]"
        found.update(resolve.same_key(key) or {resolve(key, where, named)} - {None})
    return found


def held_in_copies(db: Store, held: dict[str, set[int]]) -> None:
    """Keep what each final just logged held in its copy (entry id -> records here)."""
    if held:
        links.keep_held_in_copy(db, held)


def held_first_time(
    db: Store, finals: dict[str, Decision], held: dict[str, set[int]], canon: dict[int, int]
) -> frozenset[str]:
    """Keep what each final of ``held`` (entry id -> records here) held in its copy where it
    was not known (brought in from an export that did not say, and judged by its time: a
    second import of a newer export counted it as present, and kept nothing); the ids of
    those whose study here it changes the records of that they settle (``finals``: the
    entries by id; ``canon``: each record's study)."""
    held = {i: copy for i, copy in held.items() if links.held_in_copy(db, i) is None}
    if not held:  # none, or each known already (under the write lock): the first word stands
        return frozenset()
    records: dict[int, set[int]] = {}  # study -> its records here
    for rid, study in canon.items():
        records.setdefault(study, set()).add(rid)
    changed = set()
    for entry_id, copy in held.items():
        final = finals[entry_id]
        mine = records.get(canon.get(final.record_id, final.record_id), {final.record_id})
        if (links.cluster_when_logged(db, final) ^ copy) & mine:
            changed.add(entry_id)
    held_in_copies(db, held)
    return frozenset(changed)
