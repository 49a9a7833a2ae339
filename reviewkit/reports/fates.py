"""What became of each record, in the CSV export's first columns: its id, the record it is a
duplicate of, where it was found, and each screening stage's outcome with its exclusion reason.

`export --format csv` writes them for the included studies; `export --format csv --all` for
every record, so a lead has one sheet of the whole review. A duplicate's stage cells are
empty and its `duplicate of` names the record kept for its study, which carries the study's
decisions: counted in a spreadsheet, the rows then give PRISMA's numbers (records identified:
every row; duplicates removed: rows with `duplicate of`; screened and excluded per reason: the
stage columns), where repeating the study's outcome on each copy would count a study once per
database that found it.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path

from reviewkit import outputs
from reviewkit.formats import csv_format
from reviewkit.project import Project
from reviewkit.records import Record
from reviewkit.screening import DerivedStages, stage_names
from reviewkit.store import records as record_rows

# an outcome as the sheet says it (the screening log's words are include/exclude/…); a stage
# a study has not reached (excluded before it, or still pending at the one before) is empty
OUTCOME_WORDS = {
    "include": "included",
    "exclude": "excluded",
    "pending": "pending",
    "conflict": "in conflict",
}
# not 'source' or 'database': the CSV reader takes 'Source' for the journal (Embase.com) and
# 'Database' for the database an accession number belongs to, and the export is read back
FOUND_IN = "found in"


def _fate_header(project: Project) -> list[str]:
    """The fate columns: record_id, duplicate of, found in, then a column and a reason column
    per screening stage, named by the protocol's stage ids."""
    header = ["record_id", "duplicate of", FOUND_IN]
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
    buf = io.StringIO()
    writer = outputs.csv_writer(buf, lineterminator="\n")
    writer.writerow([*_fate_header(project), *csv_format.WRITE_COLUMNS])
    for rid in ids:
        rec = records[rid]
        kept = derived.canon.get(rid, rid)
        found = _found_in(rec, searches.get(rid), project.folder)
        row = [str(rid), "" if kept == rid else str(kept), found]
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


def every_record(project: Project) -> tuple[dict[int, Record], list[int]]:
    """Every record of the project as it was found (not filled from its duplicates), by id."""
    records = dict(record_rows.iter_records(project.db))
    return records, sorted(records)


def _found_in(rec: Record, search: str | None, folder: Path) -> str:
    """'PubMed search run 1 (d1-sick-leave)': the run and the stored search it ran (the run's
    number alone names no search), or 'Embase: sources/embase.ris' (the source, then the file)."""
    if search is not None:
        return f"{rec.origin} ({search})"
    origin = _shared_path(rec.origin, folder)
    if not origin or rec.origin.startswith(rec.source):
        return origin or rec.source
    return f"{rec.source}: {origin}" if rec.source else origin


def _shared_path(origin: str, folder: Path) -> str:
    """An imported file as the sheet names it: imports store the absolute path, and the sheet
    is shared with the team, so a file in the project's folder is named from there and one
    elsewhere by its name ('/home/anna/Downloads/embase.ris' told a colleague whose disk it was
    on, and nothing they could open)."""
    path = Path(origin)
    if not path.is_absolute():
        return origin
    try:
        return path.relative_to(folder.resolve()).as_posix()
    except ValueError:
        return path.name
