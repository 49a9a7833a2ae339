"""What became of each record, in the CSV export's first columns: its id, the record it is a
duplicate of, the study it reports and that study's other reports (confirmed study links), where
it was found, and each screening stage's outcome with its exclusion reason.

`export --format csv` writes them for the included studies; `export --format csv --all` for
every record, so a lead has one sheet of the whole review. A duplicate's stage cells are
empty and its `duplicate of` names the record kept for its study, which carries the study's
decisions: counted in a spreadsheet, the rows then give PRISMA's numbers (records identified:
every row; duplicates removed: rows with `duplicate of`; screened and excluded per reason: the
stage columns), where repeating the study's outcome on each copy would count a study once per
database that found it. The study is the same kind of count for PRISMA's studies beside its
reports: a kept record's `study` is its study's first report (its own id when no confirmed link
joins it to another), so the distinct values count the studies; a duplicate's is empty, as its
stage cells are.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path

from reviewkit import safe_csv
from reviewkit.dedup.studies import linked_reports
from reviewkit.formats import csv_format
from reviewkit.project import Project
from reviewkit.records import Record
from reviewkit.screening import DerivedStages, stage_names
from reviewkit.shared_path import shared_path
from reviewkit.store import records as record_rows

# an outcome as the sheet says it (the screening log's words are include/exclude/…); a stage
# a study has not reached (excluded before it, or still pending at the one before) is empty
OUTCOME_WORDS = {
    "include": "included",
    "exclude": "excluded",
    "pending": "pending",
    "conflict": "in conflict",
}
# the study columns: the study's id (its lowest kept record, as the report tables name it) and
# its other reports, the kept records a person linked to this one (`dedup study-link --same`)
STUDY, OTHER_REPORTS = "study", "other reports of the study"
# not 'source' or 'database': the CSV reader takes 'Source' for the journal (Embase.com) and
# 'Database' for the database an accession number belongs to, and the export is read back
FOUND_IN = "found in"


def _fate_header(project: Project) -> list[str]:
    """The fate columns: record_id, duplicate of, the study and its other reports, found in,
    then a column and a reason column per screening stage, named by the protocol's stage ids."""
    header = ["record_id", "duplicate of", STUDY, OTHER_REPORTS, FOUND_IN]
    for stage in stage_names(project.protocol):
        header += [stage, f"{stage} reason"]
    return header


def fate_csv(project: Project, records: Mapping[int, Record], ids: Sequence[int]) -> str:
    """The CSV of ``ids`` (in that order; ``records``: their records as written): the fate
    columns, then the reference columns of :data:`~reviewkit.formats.csv_format.WRITE_COLUMNS`."""
    derived = DerivedStages(project)
    names = stage_names(project.protocol)
    outcomes = {stage: derived.outcomes(stage) for stage in names}
    searches = record_rows.search_names(project.db)
    study_of = linked_reports(project.db, derived.canon)
    reports: dict[int, list[int]] = {}
    for report, study in sorted(study_of.items()):
        reports.setdefault(study, []).append(report)
    buf = io.StringIO()
    writer = safe_csv.csv_writer(buf, lineterminator="\n")
    writer.writerow([*_fate_header(project), *csv_format.WRITE_COLUMNS])
    for rid in ids:
        rec = records[rid]
        kept = derived.canon.get(rid, rid)
        found = _found_in(rec, searches.get(rid), project.folder)
        duplicate_of = "" if kept == rid else str(kept)
        row = [str(rid), duplicate_of, *_study_cells(rid, kept, study_of, reports), found]
        for stage in names:
            outcome = outcomes[stage].get(rid) if kept == rid else None
            if outcome is None:  # a duplicate, or a study that did not reach the stage
                row += ["", ""]
                continue
            reason = ""
            if outcome.status == "exclude" and outcome.reason:
                reason = project.protocol.stages[stage].reason_label(outcome.reason)
            row += [OUTCOME_WORDS.get(outcome.status, outcome.status), reason]
        writer.writerow([*row, *csv_format.row_of(rec)])
    return buf.getvalue()


def _study_cells(
    rid: int, kept: int, study_of: Mapping[int, int], reports: Mapping[int, list[int]]
) -> list[str]:
    """The study column and its other reports ('7; 12') for a kept record; empty for a
    duplicate (its kept record's row carries its study, as its outcomes)."""
    if kept != rid:
        return ["", ""]
    study = study_of.get(rid, rid)
    others = [str(r) for r in reports.get(study, []) if r != rid]
    return [str(study), "; ".join(others)]


def every_record(project: Project) -> tuple[dict[int, Record], list[int]]:
    """Every record of the project as it was found (not filled from its duplicates), by id."""
    records = dict(record_rows.iter_records(project.db))
    return records, sorted(records)


def _found_in(rec: Record, search: str | None, folder: Path) -> str:
    """'PubMed search run 1 (d1-sick-leave)': the run and the stored search it ran (the run's
    number alone names no search), or 'Embase: sources/embase.ris' (the source, then the file)."""
    if search is not None:
        return f"{rec.origin} ({search})"
    origin = shared_path(rec.origin, folder)
    if not origin or rec.origin.startswith(rec.source):
        return origin or rec.source
    return f"{rec.source}: {origin}" if rec.source else origin
