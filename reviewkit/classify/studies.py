"""A study is classified as a study: its reports share their evidence and a confirmed label.

Reports of one study (a main paper, its follow-ups, its economic evaluation) belong in the same
class: review authors label a follow-up as they label its trial, though a follow-up's title
often names only "two-year follow-up". Reports count as one study once a person confirmed the
link between them (``reviewkit dedup studies``; suggested or rejected links count for nothing).
Then:

* the rules score each report on the evidence of all its study's reports together (each
  distinct term once, at its best place; the evidence names the report it came from), so the
  reports of a study get one suggestion;
* a label a person confirmed on one report is offered for its sibling reports that nobody has
  confirmed yet (method ``study``, evidence "confirmed on record N"): a person's word outranks
  the rules. Siblings confirmed differently offer every label they were given, as a tie.

Study links live in the dedup stage, which groups them once for every reader
(:func:`reviewkit.dedup.studies.linked_reports`, through the current duplicate clusters). Counting, the reports of one study are one study
(:func:`study_of`): in ``classify``'s counts, ``confirm``'s status line and the learnt model's
training and cross-validation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from reviewkit.classify.evidence import STUDY, Evidence
from reviewkit.classify.rules import Suggestion
from reviewkit.dedup.studies import linked_reports
from reviewkit.store import duplicates as duplicate_rows
from reviewkit.store import labels as label_rows
from reviewkit.store.db import Store


def sibling_reports(db: Store) -> dict[int, tuple[int, ...]]:
    """canonical record id -> the other reports of its study (canonical ids, ascending), for
    the reports with a confirmed study link only (through the current duplicate clusters)."""
    groups: dict[int, list[int]] = {}
    for rid, study in linked_reports(db, duplicate_rows.canonical_map(db)).items():
        groups.setdefault(study, []).append(rid)
    return {r: tuple(sorted(o for o in g if o != r)) for g in groups.values() for r in g}


def study_of(siblings: Mapping[int, Sequence[int]]) -> dict[int, int]:
    """record id -> its study, named by its lowest report id, for the reports with siblings
    (:func:`sibling_reports`); a record not in it is a study of its own."""
    return {rid: min(rid, *sibs) for rid, sibs in siblings.items()}


def report_name(record_id: int) -> str:
    """How evidence names another report of the study."""
    return f"record {record_id}"


def offer_from_siblings(
    scheme_id: str,
    siblings: Sequence[int],
    confirmed: Mapping[int, Sequence[tuple[str, str]]],
) -> list[Suggestion]:
    """The labels persons confirmed on a report's sibling reports, offered for the report
    (empty when no sibling is confirmed). ``confirmed``: record id -> (label, reviewer) rows."""
    answers: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for sib in siblings:
        rows = confirmed.get(sib) or ()
        if rows:
            key = tuple(sorted({lab for lab, _ in rows}))
            answers.setdefault(key, []).append((sib, rows[0][1]))
    tie = len(answers) > 1
    out: list[Suggestion] = []
    for labels, sources in answers.items():
        for lab in labels:
            evidence = [
                Evidence(
                    lab, f"confirmed on {report_name(s)}", STUDY, who, 1.0, report=report_name(s)
                )
                for s, who in sources
            ]
            if not any(o.label == lab for o in out):
                out.append(Suggestion(scheme_id, lab, 1.0, evidence, method="study", tie=tie))
    return out


def confirmed_rows(
    db: Store, scheme_id: str, record_ids: Iterable[int] | None = None
) -> dict[int, list[tuple[str, str]]]:
    """record id -> (label, reviewer) of the labels a person confirmed last, for one scheme
    (every record, or those of ``record_ids``)."""
    rows = label_rows.current(db, scheme_id, "person", record_ids)
    return {
        rid: [(r.label, r.reviewer) for r in batch if r.status == "confirmed"]
        for rid, batch in rows.items()
    }


def confirmed_by(db: Store, scheme_id: str, record_id: int) -> str:
    """Who made a study's confirmation for one scheme ('' when none): one reviewer's word,
    the newest replacing the one before (DOMAIN: a suggestion until *a* reviewer confirms)."""
    batch = confirmed_rows(db, scheme_id, [record_id]).get(record_id)
    return batch[0][1] if batch else ""
