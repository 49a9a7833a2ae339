"""Values typed into an extraction sheet and not read back yet: what ``extract export`` must not
write over.

A sheet is written to be filled in a spreadsheet and read back with ``extract import``; a
second export to the same name (to refresh it, or by habit) would otherwise throw away every
value typed since. A cell is typed work when it holds a value its record's field has never had
in the project (the extraction table is append-only, so every value an export wrote, a person
set or an import read is there): a sheet exported, imported and exported again, or one whose
values a person changed since in ``extract edit``, is written over as before. A cell is
compared as ``extract import`` reads it (:func:`reviewkit.sheet_values.same_value`): a value a
spreadsheet rewrote on saving (``1.5`` for ``1.50``, ``01/03/2020`` for ``2020-03-01``,
``TRUE`` for ``true``) is the project's value. Where the row's mark (``as_exported``:
:mod:`reviewkit.sheet_mark`) says what the cell showed, it decides: a cell showing that is no
typed work, and one that differs is, unless the project holds it now (read back), though the
field held it once (an old value pasted back on purpose would be lost).

A column a person added (``notes``) is typed work too, though ``extract import`` will not read
it (it refuses a column that is no field): a person's notes are lost just the same by writing
over them, and a new sheet cannot carry them (its columns are the protocol's fields). The
refusal names the column and says that import will not read it.

A cell a person emptied is not typed work (no text is lost), but the new sheet shows the
project's value there again, and the export says so after writing (:func:`check_sheet` names
them). Where the row's mark covers the field it tells for sure: an empty cell whose sheet showed
a value was emptied there (whenever the project's value was set); one whose sheet showed it
empty was not, though the project holds a value now (filled in since the export). A row
without the mark (or a foreign one), or a column added for a field the protocol gained after the
export, does not say what it showed nor when it was exported, so there a cell empty in
the sheet whose field held a value before the file was last saved (its modification time) is
named, as either emptied there or filled in the project between the export and that save (the
warning says it is a guess); a value stored after the file was saved is new to the sheet, not
emptied, and is not named.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from reviewkit.errors import UserError, command_line
from reviewkit.formats.filled_sheet import sheet_rows
from reviewkit.formats.read_warnings import Warn
from reviewkit.project import Project
from reviewkit.sheet_columns import (
    EXTRACTION_MARK_COLUMN,
    EXTRACTION_SHEET_COLUMNS,
    extraction_cell_filled,
)
from reviewkit.sheet_mark import read_mark
from reviewkit.sheet_values import Ambiguous, Locale, read_cell, same_value, sheet_locale
from reviewkit.store import extraction as values_rows
from reviewkit.wording import numbered, quantity, verb


@dataclass(frozen=True)
class TypedCell:
    line: int
    record_id: int
    field: str
    value: str
    unclear: str = ""  # why the cell may be the project's value and may not (sheet_values)
    # whether the cell shows what its row showed when exported (the sheet's as_exported
    # mark: reviewkit.sheet_mark); None where no mark covers it
    shown: bool | None = None


def _typed_cells(project: Project, cells: list[TypedCell], locale: Locale) -> list[TypedCell]:
    """The sheet's filled ``cells`` whose values the project has never held (as
    :func:`reviewkit.sheet_values.same_value` compares them in the sheet's ``locale``; a cell
    that depends on a locale the sheet does not say counts as typed), and every one of a
    column that is no extraction field. Where the row's mark says what the cell showed, a cell
    showing it is not typed, and one that differs is unless the project holds it now (read
    back): an old value of the field pasted back on purpose is typed work too."""
    filled = [c for c in cells if c.value and not c.shown]
    ids = {c.record_id for c in filled}
    ever: dict[tuple[int, str], list[str]] = {}
    for rid, field, value in values_rows.values_ever(project.db, ids):
        ever.setdefault((rid, field), []).append(value)
    now = values_rows.current_values(project.db, ids)
    typed = []
    for c in filled:
        unclear: list[str] = []
        held = ever.get((c.record_id, c.field), [])
        if c.shown is False:  # changed in the sheet: typed unless read back
            held = [v.value] if (v := now.get(c.record_id, {}).get(c.field)) else []
        if not any(_same(v, c.value, locale, unclear) for v in held):
            typed.append(replace(c, unclear=unclear[0]) if unclear else c)
    return typed


def _same(stored: str, cell: str, locale: Locale, unclear: list[str]) -> bool:
    """same_value; a cell it cannot tell without the sheet's locale is not the same (kept, not
    written over: 'extract import' says what to do with it), its reason added to ``unclear``."""
    try:
        return same_value(stored, cell, locale)
    except Ambiguous as exc:
        unclear.append(exc.message)
        return False


def _emptied_cells(project: Project, path: Path, cells: list[TypedCell]) -> list[TypedCell]:
    """The empty field cells of the extraction sheet at ``path`` (of its ``cells``) that the new
    sheet fills with the project's value (now the cell's ``value``) and that were emptied
    there: by the row's mark (``shown`` False: the sheet showed a value), else, for a cell no
    mark covers, by the file's time (its field held the value before the file was last saved:
    emptied, or filled in the project after the export and before that save; ``shown`` None)."""
    empty = [c for c in cells if not c.value and c.shown is not True]
    if not empty:
        return []
    saved = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    fields = {f.id for f in project.protocol.extraction}
    current = values_rows.current_values(project.db, {c.record_id for c in empty})
    named = []
    for c in empty:
        value = current.get(c.record_id, {}).get(c.field)
        if c.field not in fields or value is None or not read_cell(value.value):
            continue  # the new sheet shows it empty too
        if c.shown is None and not ((at := _stored_at(value.created_at)) and at < saved):
            continue  # no mark: a value stored after the save is new to the sheet
        named.append(replace(c, value=value.value))
    return named


def _stored_at(stamp: str) -> datetime | None:
    """A value's ``created_at`` (UTC, ISO 8601: :func:`reviewkit.store.db.now`) as a time to
    compare with a file's; None when it cannot be read (the value is then not named)."""
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _sheet_cells(path: Path, warn: Warn | None) -> tuple[list[TypedCell], Locale]:
    """Every cell but the read-only columns' of the extraction sheet at ``path`` (empty ones
    too), as ``extract import`` reads it, and the locale the sheet says; no cells when there is
    no file or no ``record_id`` column. A sheet that cannot be read is refused: whether it
    holds typed values cannot be told."""
    if not path.is_file():
        return [], Locale()
    try:
        found = sheet_rows(
            path,
            "the extraction sheet",
            ("record_id",),
            any_case=False,
            filled=extraction_cell_filled,  # a spreadsheet's error value refused in these only
        )
        header, rows, separator = found.header, found.rows, found.separator
        found.tell(warn)
        if "record_id" not in header:
            return [], Locale()
        own = (*EXTRACTION_SHEET_COLUMNS, EXTRACTION_MARK_COLUMN)
        rows = [(line, row) for line, row in rows if read_cell(row.get("record_id")).isdigit()]
        values = (read_cell(v) for _, row in rows for col, v in row.items() if col not in own)
        locale = sheet_locale(separator, values)  # a mark reads a date by it (sheet_mark)
        cells = [
            _cell(line, row, col, value, locale)
            for line, row in rows
            for col, value in row.items()
            if col not in own
        ]
        return cells, locale
    except UserError as exc:
        raise UserError(
            "a file of this name is there and cannot be read to see whether it holds values"
            f" typed in ({exc.message})",
            where=exc.where or str(path),
            hint="write the new sheet to another file, or pass --force to write over this one",
        ) from None


def _cell(line: int, row: dict[str, str], column: str, value: str, locale: Locale) -> TypedCell:
    """The cell of ``column`` in ``row`` (at ``line``), with whether its row's mark says it
    shows what the sheet showed (read in the sheet's ``locale``; None where the mark does not
    say, or the locale would tell and the sheet does not: the field's history decides)."""
    rid, cell = int(read_cell(row["record_id"])), read_cell(value)
    mark = read_mark(rid, row.get(EXTRACTION_MARK_COLUMN))
    try:
        covered = mark and not mark.foreign() and mark.covers(column)
        shown = mark.showed(column, cell, locale) if mark and covered else None
    except Ambiguous:
        shown = None
    return TypedCell(line, rid, column, cell, shown=shown)


def said_emptied(path: Path, emptied: list[TypedCell]) -> str:
    """The warning for the emptied cells :func:`check_sheet` gives, once the sheet is written
    again ('' for none): for sure where the row's mark said, a guess by the file's time where
    no mark did (the first cell named is a sure one where there is one)."""
    if not emptied:
        return ""
    first = min(emptied, key=lambda c: c.shown is None)  # a sure one first
    more = f" (and {quantity(len(emptied) - 1, 'more cell')})" if len(emptied) > 1 else ""
    guessed = sum(c.shown is None for c in emptied)  # cells, not rows: a mark covers fields
    was = "was emptied" if first.shown is False else "was empty"
    how = (
        f"; {'' if len(emptied) == 1 else f'for {guessed} of them '}the sheet's"
        f" {EXTRACTION_MARK_COLUMN!r} mark did not say what it showed there (a row without it"
        " or with another row's, or a column added after the export), so whether it was"
        " emptied there or the value was set in the project after the export is a guess by the"
        " file's time"
        if guessed
        else ""
    )
    return (
        f"{path}:{first.line}: record {first.record_id}'s {first.field} {was} in the sheet"
        f" written over{more} and shows the project's value {first.value!r} again{how}: if you"
        " emptied it there, empty it again with 'reviewkit extract set' or 'extract edit' (an"
        " emptying is kept only once read back with 'extract import')"
    )


def check_sheet(project: Project, path: Path, warn: Warn | None = None) -> list[TypedCell]:
    """Refuse to write an extraction sheet over the one at ``path`` when it holds values typed
    in and not read back, saying where they are and how to keep them; else its emptied cells,
    for :func:`said_emptied` ([] when there is no file, or it is no extraction sheet: a file of
    another kind is written over, as every output is). The sheet is read once for both;
    ``warn`` is told the warnings of reading it (a header below title rows)."""
    cells, locale = _sheet_cells(path, warn)
    _refuse_typed(project, path, _typed_cells(project, cells, locale))
    return _emptied_cells(project, path, cells)


def _refuse_typed(project: Project, path: Path, typed: list[TypedCell]) -> None:
    """Refuse the export when the sheet holds ``typed`` cells (:func:`_typed_cells`)."""
    if not typed:
        return
    fields = {f.id for f in project.protocol.extraction}
    added = sorted({c.field for c in typed if c.field not in fields})
    in_fields = [c for c in typed if c.field in fields]
    first = in_fields[0] if in_fields else typed[0]
    if in_fields:
        n = len(in_fields)  # one cell is told in the singular ('values … them' of one)
        more = f" and {n - 1} more" if n > 1 else ""
        values = verb(n, "a value", "values")
        what = (
            f"the sheet holds {values} typed in that the project does not have: record"
            f" {first.record_id}'s {first.field} {first.value!r}{more}"
            if not first.unclear
            else f"the sheet holds {values} the project may not have: record"
            f" {first.record_id}'s {first.field} {first.unclear}{more}"
        )
        # the line as the export's terminal takes it: the path one word, the project named
        back = command_line(f"extract import {shlex.quote(str(path))} --reviewer NAME")
        hint = f"read {verb(n, 'it', 'them')} in first ('{back}'),"
    else:
        what = "the sheet holds values typed in"
        hint = ""
    if added:
        n, columns = len(added), numbered("column", [repr(a) for a in added])
        what += (
            f"{';' if in_fields else ':'} {columns} added to the sheet"
            f" {verb(n, 'holds', 'hold')} values, and 'extract import' will not read"
            f" {verb(n, 'it', 'them')} (no extraction field of {verb(n, 'that name', 'those names')})"
        )
        own = verb(n, "its", "their")  # several columns go together, to one file
        hint += f"{' ' if hint else ''}move {columns} to a file of {own} own" + (
            " before importing," if in_fields else ","
        )
    raise UserError(
        f"{what}; writing the sheet again would lose {verb(len(typed), 'it', 'them')}",
        where=f"{path}:{first.line}",
        hint=f"{hint} write the new sheet to another file, or pass --force to write over it",
    )
