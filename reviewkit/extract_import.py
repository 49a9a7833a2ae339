"""Reading an edited extraction sheet back (``extract import``): the values a person changed,
stored as theirs; what the export wrote and the person left alone is no change.

The sheet's ``as_exported`` column says what each row showed (:mod:`reviewkit.sheet_mark`): a
cell still showing that is no change, one that differs is the person's value, and one that
differs where the project's value changed since the export too is refused (:func:`import_csv`).
A sheet without the mark (exported before it was written, or its column deleted) is read as
it always was: against the project's values now (:func:`unmarked_note` says so)."""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reviewkit.dedup.merged_fields import filled_records
from reviewkit.errors import UserError, command_line
from reviewkit.extract import MARK_COLUMN, READ_ONLY_COLUMNS
from reviewkit.formats.filled_sheet import sheet_rows
from reviewkit.formats.read_warnings import ReadWarning
from reviewkit.project import Project
from reviewkit.protocol.people import typed_name
from reviewkit.sheet_columns import extraction_cell_filled
from reviewkit.sheet_header import check_header
from reviewkit.sheet_mark import RowMark, check_last_cell, read_mark
from reviewkit.sheet_titles import refuse_other_title
from reviewkit.sheet_values import (
    Ambiguous,
    Locale,
    number_columns,
    read_cell,
    same_value,
    sheet_locale,
    stored_form,
)
from reviewkit.store import extraction as values_rows
from reviewkit.store.extraction import Value
from reviewkit.wording import listed, numbered, quantity, verb


@dataclass
class ImportResult:
    rows: int
    changed: int
    warnings: tuple[ReadWarning, ...] = ()  # of reading the sheet (its header below titles)
    # (record id, field) of the cells read as an old prefill left alone (:func:`_old_prefills`)
    old_prefills: tuple[tuple[int, str], ...] = ()
    marked: bool = True  # whether the sheet has the as_exported column
    unmarked: tuple[int, ...] = ()  # the lines of its rows without a mark there
    # (record id, field, cell, project's value) of the cells showing what the sheet showed
    # where the project's value changed since: read as left alone (:func:`kept_note`)
    kept: tuple[tuple[int, str, str, str], ...] = ()
    reviewer: str = ""  # who imported: the notes' 'extract set' lines record under that name


def import_csv(
    project: Project, path: str | Path, study_ids: Iterable[int], *, reviewer: str = ""
) -> ImportResult:
    """Read an edited export back; writes only changed values, all in one transaction.

    Refuses the whole file, writing nothing, on an unknown or repeated column, a broken quote,
    a row without a valid record id, a record that is not one of ``study_ids`` or a record on
    two rows (which one would win is a guess); the error names the line. So it does a cell
    typed over where the project's value changed since the sheet was written (its mark says):
    the whole file, not the cell alone, as every other refusal, so that the sheet read again
    once that cell is settled gives the same values, and nothing is half read.
    """
    path = Path(path)
    # a CSV sheet or the workbook Excel saves it as; field ids are matched in their own case
    # a file cut inside its last row's mark is refused (its cut row would read as typed over)
    found = sheet_rows(
        path,
        "the extraction sheet",
        ("record_id",),
        any_case=False,
        last_cell=check_last_cell,
        filled=extraction_cell_filled,  # a spreadsheet's error value refused in these only
    )
    with found.refusing():  # the sheet's warnings said before a refusal
        header, rows = found.header, found.rows
        fields = [f.id for f in project.protocol.extraction]
        own = (*READ_ONLY_COLUMNS, MARK_COLUMN)
        check_header(header, fields, own, f"{path}:{found.header_line}")
        read = _read_rows(rows, fields, set(study_ids), path)
        wanted, first_line, marks = read.wanted, read.first_line, read.marks
        _refuse_other_titles(project, read.shown, first_line, path)
        current = values_rows.current_values(project.db, {rid for rid, _, _ in wanted})
        # the guess of an old prefill left alone only where no mark says what the cell showed
        unsure = {rid for rid, f, _ in wanted if not ((m := marks[rid]) and m.covers(f))}
        left_alone = _old_prefills(project, unsure)
        # a value a spreadsheet rewrote on saving (1.5 for 1.50, a date in the locale's form) is
        # no change: the stored value is kept; one the sheet's locale would tell and the sheet does
        # not say ('1,5', '03/04/2020') is refused (reviewkit.sheet_values)
        locale = sheet_locale(found.separator, (v for *_, v in wanted))
        numbers = number_columns(((f, v) for _, f, v in wanted), locale)  # the form has no types
        changed, unclear, as_old, clashes, kept = [], [], [], [], []
        for rid, f, v in wanted:
            try:
                mark, now = marks[rid], current.get(rid, {}).get(f)
                if mark is not None and mark.covers(f):
                    new = _marked_cell(mark, f, now, v, locale, reviewer)
                    if new is None:
                        clashes.append((first_line[rid], rid, f, now.value if now else "", v))
                    elif not new and _moved_since(now, v, locale):
                        kept.append((rid, f, v, now.value if now else ""))  # kept_note
                    if not new:
                        continue
                elif same_value(now.value if now else "", v, locale):
                    continue
                elif any(same_value(old, v, locale) for old in left_alone.get((rid, f), ())):
                    as_old.append((rid, f))  # left alone, or typed: an unmarked sheet cannot say
                    continue
                changed.append((rid, f, stored_form(v, locale, f in numbers)))  # stored as read
            except Ambiguous as exc:
                unclear.append((first_line[rid], f, v, exc))
        _refuse_unclear(unclear, path)
        _refuse_clashes(clashes, path, reviewer)
        values_rows.add_values(project.db, changed, method="csv", reviewer=reviewer)
    unmarked = tuple(sorted(first_line[rid] for rid, mark in marks.items() if mark is None))
    marked = MARK_COLUMN in header
    return ImportResult(
        len(first_line),
        len(changed),
        found.warnings,
        tuple(as_old),
        marked,
        unmarked,
        tuple(kept),
        reviewer,
    )


@dataclass
class _Rows:
    """A sheet's rows as read: (record id, field, cell) of each field's cell, and by record id
    its row's line, the title it shows and its mark of what it showed (None: no mark)."""

    wanted: list[tuple[int, str, str]]
    first_line: dict[int, int]
    shown: dict[int, str]
    marks: dict[int, RowMark | None]


def _read_rows(
    rows: Iterable[tuple[int, dict[str, str]]], fields: list[str], allowed: set[int], path: Path
) -> _Rows:
    """The sheet's ``rows`` read; a row without a record id of ``allowed`` or a record on two
    rows is refused, naming its line."""
    out = _Rows([], {}, {}, {})
    wanted, first_line, shown, marks = out.wanted, out.first_line, out.shown, out.marks
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
        marks[rid] = read_mark(rid, row.get(MARK_COLUMN))
        _refuse_foreign(marks[rid], line, allowed, path)
        if row.get("title"):
            shown[rid] = row["title"]
        for f in fields:
            if f in row and row[f] is not None:
                wanted.append((rid, f, read_cell(row[f])))
    return out


def _refuse_foreign(mark: RowMark | None, line: int, ids: set[int], path: Path) -> None:
    """Refuse a row whose mark was written for another record's row: its cells were pasted
    from that row, or sorted apart from their record id and title (Excel's 'continue with the
    current selection'); which, and so whose values they are, cannot be told."""
    if mark is None or not mark.foreign():
        return
    owner = mark.written_for(sorted(ids))
    whose = f"record {owner}'s" if owner is not None else "no record's of this project"
    raise UserError(
        f"the row of record {mark.record_id} carries {whose} {MARK_COLUMN!r} mark: its cells"
        " were pasted from another row, or sorted apart from their record ids and titles",
        where=f"{path}:{line}",
        hint="if a sort moved them, undo it and sort with whole rows selected; if you pasted"
        f" them on purpose, empty that row's {MARK_COLUMN} cell (its cells are then read as"
        " yours); nothing was imported",
    )


def _refuse_unclear(unclear: list[tuple[int, str, str, Ambiguous]], path: Path) -> None:
    """Refuse the cells (line, field, cell, why) whose reading the sheet's locale would tell
    and the sheet does not say: all at once, as a re-saved sheet has every date in the
    locale's form."""
    if not unclear:
        return
    line, f, _, exc = unclear[0]
    others = [f"line {no} ({col!r}: {cell!r})" for no, col, cell, _ in unclear[1:]]
    raise UserError(
        f"column {f!r}: {exc.message}{_others(others)}",
        where=f"{path}:{line}",
        hint=f"{exc.hint}; nothing was imported",
    )


def _marked_cell(
    mark: RowMark, field: str, now: Value | None, cell: str, locale: Locale, reviewer: str
) -> bool | None:
    """Whether the ``cell`` of a row whose ``mark`` covers ``field`` is a new value: False for
    no change (the cell shows what the sheet showed, whatever it was, or the project's value
    ``now``), True for the person's value (it differs, and the project's value is still the
    one the sheet showed, or a prefill's: a prefill never replaces a person's value, and one
    rewritten or withdrawn since the export is no one's choice against theirs; or one this
    ``reviewer``'s own import stored: a sheet imported, typed in further and imported again),
    None when a person or another's import changed the value since the export too (refused)."""
    value = now.value if now else ""
    if mark.showed(field, cell, locale) or same_value(value, cell, locale):
        return False
    if now is None or now.method == "prefill" or mark.showed(field, value):
        return True
    return True if now.method == "csv" and now.reviewer == reviewer else None


def _moved_since(now: Value | None, cell: str, locale: Locale) -> bool:
    """Whether the project's value ``now`` is not the ``cell`` a row's mark says was left alone
    (:func:`kept_note` names it); a cell that may be that value in a notation the sheet's
    locale would tell ('1,5' for 1.5) is not named, and never refused: the mark said."""
    try:
        return not same_value(now.value if now else "", cell, locale)
    except Ambiguous:
        return False


def _refuse_clashes(
    clashes: list[tuple[int, int, str, str, str]], path: Path, reviewer: str
) -> None:
    """Refuse the sheet when cells (line, record id, field, project's value, cell) were typed
    over where the project's value changed since the export: which one the person means cannot
    be told. Names the first with both values and how to keep either, and the others' places."""
    if not clashes:
        return
    line, rid, f, now, cell = clashes[0]
    also = _others([f"line {no} (record {r} {col!r})" for no, r, col, *_ in clashes[1:]])
    keep = _set_line(rid, shlex.quote(f"{f}={cell}"), reviewer)
    raise UserError(
        f"record {rid}'s {f!r} was changed in the project since this sheet was written (it"
        f" holds {now!r} now) and the sheet's cell was changed too ({cell!r}): which one is"
        f" meant cannot be told{also}",
        where=f"{path}:{line}",
        hint=f"to keep the project's value, write it in the cell (or export a new sheet and type"
        f" into that); to keep the sheet's, give it with '{keep}' and import again; nothing was"
        " imported",
    )


def _set_line(rid: int, assignment: str, reviewer: str) -> str:
    """'reviewkit extract set RID FIELD=VALUE --reviewer NAME' for a refusal or note to give:
    the importing ``reviewer``'s name, for the line typed as given would record the value under
    $REVIEWKIT_REVIEWER or the login name, not the person whose sheet it was (NAME for '', an
    import that named no one: the person types their own, as every other line's NAME)."""
    return command_line(f"extract set {rid} {assignment} --reviewer {typed_name(reviewer)}")


def _others(places: list[str]) -> str:
    """'; 2 more such cells: line 3 (…) and line 4 (…)' after the first cell a refusal names,
    eight named and the rest counted ('' for none)."""
    if not places:
        return ""
    return (
        f"; {quantity(len(places), 'more such cell')}: {listed(places, 8, sep='; ', quote=False)}"
    )


def unmarked_note(result: ImportResult) -> str:
    """What the import says of rows read without a mark of what the sheet showed ('' for
    none): a sheet exported before the mark was written, or whose mark was deleted, has each
    cell that differs from the project's value read as the person's, so a value changed in the
    project since its export is replaced by the sheet's, older one."""
    if not result.unmarked:
        return ""
    read = (
        "each cell that differs from the project's value is read as yours, so a value changed"
        " in the project since the sheet was written is replaced by the sheet's"
    )
    if not result.marked:
        return (
            f"the sheet has no {MARK_COLUMN!r} column (exported before reviewkit wrote one, or"
            f" deleted): {read}; export a new sheet ('{command_line('extract export FILE')}') and"
            f" type into that one to have such changes told apart"
        )
    lines = numbered("line", result.unmarked)  # 'line 2', 'lines 2 and 3', '… and 4 more'
    return (
        f"{quantity(len(result.unmarked), 'row')} ({lines}) had no mark in the"
        f" {MARK_COLUMN!r} column (emptied or typed over): {read}; leave that column as"
        " 'extract export' wrote it"
    )


def kept_note(result: ImportResult) -> str:
    """What the import says of the marked cells that show what the sheet showed where the
    project's value changed since the export ('' for none): read as left alone, the project's
    value kept. A cell typed back to exactly what the sheet showed is the same text as one left
    alone, and the mark (a hash of what was shown) cannot tell them apart; so the note names
    the cells and the command that stores such a value."""
    cells = result.kept
    if not cells:
        return ""
    named = ", ".join(
        f"record {rid} {f!r} ({cell!r}; the project holds {now!r})"
        for rid, f, cell, now in cells[:3]
    ) + (", …" if cells[3:] else "")
    rid, f, cell, _ = cells[0]
    keep = _set_line(rid, shlex.quote(f"{f}={cell}"), result.reviewer)
    return (
        f"{quantity(len(cells), 'cell')} still {verb(len(cells), 'shows', 'show')} what the sheet showed where the project's"
        f" value changed since it was written ({named}): read as left alone, the project's"
        " value kept (a cell typed back to what the sheet showed cannot be told from one left"
        f" alone); to store the sheet's value instead: {keep}"
    )


def old_prefills_note(result: ImportResult) -> str:
    """What the import says of the cells it read as an old prefill left alone ('' for none;
    only cells no mark covers: :func:`_old_prefills`): a person who typed that same text (into
    a sheet exported after the re-prefill) would otherwise lose it unseen, so it names the
    cells and the command that keeps a text."""
    cells = result.old_prefills
    if not cells:
        return ""
    named = ", ".join(f"record {rid} {f!r}" for rid, f in cells[:5]) + (", …" if cells[5:] else "")
    rid, f = cells[0]
    keep = _set_line(rid, f'{f}="TEXT"', result.reviewer)
    return (
        f"{quantity(len(cells), 'cell')} held a text the field was prefilled with before and"
        f" no longer is ({named}): read as an old sheet's cell left alone, not as your value;"
        f" to keep such a text: {keep}"
    )


def _old_prefills(project: Project, ids: set[int]) -> dict[tuple[int, str], list[str]]:
    """(record id, field) -> the values a prefill gave the field before, for the fields whose
    value is still a prefill's (rewritten or withdrawn since, no person or import has given
    one): the guess for a cell no mark covers (a sheet exported before ``as_exported`` was
    written; a marked cell is read by its mark, which knows). A sheet exported before a
    re-prefill holds the old value where the person left it
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
