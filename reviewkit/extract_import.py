"""Reading an edited extraction sheet back (``extract import``): the values a person changed,
stored as theirs; what the export wrote and the person left alone is no change."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reviewkit.dedup.merged_fields import filled_records
from reviewkit.errors import UserError, command_line
from reviewkit.extract import READ_ONLY_COLUMNS, values
from reviewkit.formats.filled_sheet import sheet_rows
from reviewkit.formats.read_warnings import ReadWarning
from reviewkit.project import Project
from reviewkit.sheet_header import check_header
from reviewkit.sheet_titles import refuse_other_title
from reviewkit.sheet_values import (
    Ambiguous,
    number_columns,
    read_cell,
    same_value,
    sheet_locale,
    stored_form,
)
from reviewkit.store import extraction as values_rows
from reviewkit.wording import quantity


@dataclass
class ImportResult:
    rows: int
    changed: int
    warnings: tuple[ReadWarning, ...] = ()  # of reading the sheet (its header below titles)
    # (record id, field) of the cells read as an old prefill left alone (:func:`_old_prefills`)
    old_prefills: tuple[tuple[int, str], ...] = ()


def import_csv(
    project: Project, path: str | Path, study_ids: Iterable[int], *, reviewer: str = ""
) -> ImportResult:
    """Read an edited export back; writes only changed values, all in one transaction.

    Refuses the whole file, writing nothing, on an unknown or repeated column, a broken quote,
    a row without a valid record id, a record that is not one of ``study_ids`` or a record on
    two rows (which one would win is a guess); the error names the line.
    """
    path = Path(path)
    # a CSV sheet or the workbook Excel saves it as; field ids are matched in their own case
    found = sheet_rows(path, "the extraction sheet", ("record_id",), any_case=False)
    with found.refusing():  # the sheet's warnings said before a refusal
        header, rows = found.header, found.rows
        fields = [f.id for f in project.protocol.extraction]
        check_header(header, fields, READ_ONLY_COLUMNS, f"{path}:{found.header_line}")
        allowed = set(study_ids)
        wanted: list[tuple[int, str, str]] = []
        first_line: dict[int, int] = {}
        shown: dict[int, str] = {}  # record id -> the title its row shows
        for line, row in rows:
            raw = (row.get("record_id") or "").strip()
            if not raw.isdigit():
                raise UserError(
                    f"record_id {raw!r} is not a number",
                    where=f"{path}:{line}",
                    hint=f"keep the record ids '{command_line('extract export')}' wrote in the record_id column",
                )
            rid = int(raw)
            if rid not in allowed:
                raise UserError(
                    f"unknown record id {rid}",
                    where=f"{path}:{line}",
                    hint="only studies of this project's report can be imported",
                )
            if rid in first_line:
                raise UserError(
                    f"record id {rid} is on two rows (lines {first_line[rid]} and {line})",
                    where=f"{path}:{line}",
                    hint="keep one row per study; nothing was imported",
                )
            first_line[rid] = line
            if row.get("title"):
                shown[rid] = row["title"]
            for f in fields:
                if f in row and row[f] is not None:
                    wanted.append((rid, f, read_cell(row[f])))
        _refuse_other_titles(project, shown, first_line, path)
        current = values(project, {rid for rid, _, _ in wanted})
        left_alone = _old_prefills(project, {rid for rid, _, _ in wanted})
        # a value a spreadsheet rewrote on saving (1.5 for 1.50, a date in the locale's form) is
        # no change: the stored value is kept; one the sheet's locale would tell and the sheet does
        # not say ('1,5', '03/04/2020') is refused (reviewkit.sheet_values)
        locale = sheet_locale(found.separator, (v for *_, v in wanted))
        numbers = number_columns(((f, v) for _, f, v in wanted), locale)  # the form has no types
        changed, unclear, as_old = [], [], []
        for rid, f, v in wanted:
            try:
                if same_value(current[rid][f], v, locale):
                    continue
                if any(same_value(old, v, locale) for old in left_alone.get((rid, f), ())):
                    as_old.append((rid, f))  # left alone, or typed: the sheet cannot say
                    continue
                changed.append((rid, f, stored_form(v, locale, f in numbers)))  # stored as read
            except Ambiguous as exc:
                unclear.append((first_line[rid], f, v, exc))
        if unclear:  # all at once: a re-saved sheet has every date in the locale's form
            line, f, _, exc = unclear[0]
            more = "; ".join(f"line {no} ({col!r}: {cell!r})" for no, col, cell, _ in unclear[1:9])
            also = f"; {len(unclear) - 1} more such cell(s): {more}" if more else ""
            raise UserError(
                f"column {f!r}: {exc.message}{also}{', …' if len(unclear) > 9 else ''}",
                where=f"{path}:{line}",
                hint=f"{exc.hint}; nothing was imported",
            )
        values_rows.add_values(project.db, changed, method="csv", reviewer=reviewer)
    return ImportResult(len(first_line), len(changed), found.warnings, tuple(as_old))


def old_prefills_note(result: ImportResult) -> str:
    """What the import says of the cells it read as an old prefill left alone ('' for none): a
    person who typed that same text (into a sheet exported after the re-prefill) would
    otherwise lose it unseen, so it names the cells and the command that keeps a text."""
    cells = result.old_prefills
    if not cells:
        return ""
    named = ", ".join(f"record {rid} {f!r}" for rid, f in cells[:5]) + (", …" if cells[5:] else "")
    rid, f = cells[0]
    keep = command_line(f'extract set {rid} {f}="TEXT"')
    return (
        f"{quantity(len(cells), 'cell')} held a text the field was prefilled with before and"
        f" no longer is ({named}): read as an old sheet's cell left alone, not as your value;"
        f" to keep such a text: {keep}"
    )


def _old_prefills(project: Project, ids: set[int]) -> dict[tuple[int, str], list[str]]:
    """(record id, field) -> the values a prefill gave the field before, for the fields whose
    value is still a prefill's (rewritten or withdrawn since, no person or import has given
    one): a sheet exported before a re-prefill holds the old value where the person left it
    alone, and reading it back is no change, not the person's value. The extraction table is
    append-only, so the project knows every value a sheet's cell was prefilled with; a cell
    typed over holds another. A person who means to keep the old text gives it with
    ``extract set`` or ``extract edit``."""
    still = {
        (rid, f)
        for rid, fields in values_rows.current_values(project.db, ids).items()
        for f, value in fields.items()
        if value.method == "prefill"
    }
    out: dict[tuple[int, str], list[str]] = {}
    for rid, f, value in values_rows.values_ever(project.db, ids, method="prefill"):
        if (rid, f) in still and value:
            out.setdefault((rid, f), []).append(value)
    return out


def _refuse_other_titles(
    project: Project, shown: dict[int, str], first_line: dict[int, int], path: Path
) -> None:
    """Refuse a sheet whose title column shows another study's title than the record_id beside
    it (:mod:`reviewkit.sheet_titles`): a sheet of another project, or sorted in a spreadsheet
    apart from its ids, would put its values on other studies. The title is the one
    :func:`export_csv` wrote (the kept record's, filled from its duplicates)."""
    records = filled_records(project.db, list(shown))
    for rid, cell in shown.items():
        refuse_other_title(
            rid,
            cell,
            records[rid].title,
            f"{path}:{first_line[rid]}",
            f"export this project's sheet with '{command_line('extract export FILE')}' and fill that one",
        )
