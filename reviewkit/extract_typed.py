"""Values typed into an extraction sheet and not read back yet: what ``extract export`` must not
write over.

A sheet is written to be filled in a spreadsheet and read back with ``extract import``; a
second export to the same name (to refresh it, or by habit) would otherwise throw away every
value typed since. A cell is typed work when it holds a value its record's field has never had
in the project (the extraction table is append-only, so every value an export wrote, a person
set or an import read is there): a sheet exported, imported and exported again, or one whose
values a person changed since in ``extract edit``, is written over as before. A cell a person
emptied is not counted: an exported sheet has empty cells of its own, and losing an emptying
loses no typed text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reviewkit.errors import UserError
from reviewkit.formats import csv_read
from reviewkit.outputs import EXTRACTION_SHEET_COLUMNS
from reviewkit.project import Project
from reviewkit.sheet_values import read_cell, same_value
from reviewkit.store import extraction as values_rows


@dataclass(frozen=True)
class TypedCell:
    line: int
    record_id: int
    field: str
    value: str


def typed_cells(project: Project, path: Path) -> list[TypedCell]:
    """The cells of the extraction sheet at ``path`` whose values the project has never held
    (as :func:`reviewkit.sheet_values.same_value` compares them), and every filled cell of a
    column that is no extraction field; [] when there is no file, or it is no extraction sheet
    (no ``record_id`` column: a file of another kind is written over, as every output is). A
    sheet that cannot be read is refused: whether it holds typed values cannot be told."""
    if not path.is_file():
        return []
    try:
        header, rows = csv_read.dict_rows(csv_read.read_sheet(path), str(path))
        if "record_id" not in header:
            return []
        cells = [
            TypedCell(line, int(row["record_id"]), col, read_cell(value))
            for line, row in rows
            if read_cell(row.get("record_id")).isdigit()
            for col, value in row.items()
            if col not in EXTRACTION_SHEET_COLUMNS and read_cell(value)
        ]
    except UserError as exc:
        raise UserError(
            "a file of this name is there and cannot be read to see whether it holds values"
            f" typed in ({exc.message})",
            where=exc.where or str(path),
            hint="write the new sheet to another file, or pass --force to write over this one",
        ) from None
    ever: dict[tuple[int, str], list[str]] = {}
    for rid, field, value in values_rows.values_ever(project.db, {c.record_id for c in cells}):
        ever.setdefault((rid, field), []).append(value)
    return [
        c
        for c in cells
        if not any(same_value(v, c.value) for v in ever.get((c.record_id, c.field), ()))
    ]


def refuse_typed(project: Project, path: Path) -> None:
    """Refuse to write an extraction sheet over one holding values typed in and not read back
    (:func:`typed_cells`), saying where they are and how to keep them."""
    typed = typed_cells(project, path)
    if not typed:
        return
    fields = {f.id for f in project.protocol.extraction}
    added = sorted({c.field for c in typed if c.field not in fields})
    in_fields = [c for c in typed if c.field in fields]
    first = in_fields[0] if in_fields else typed[0]
    if in_fields:
        more = f" and {len(in_fields) - 1} more" if len(in_fields) > 1 else ""
        what = (
            "the sheet holds values typed in that the project does not have: record"
            f" {first.record_id}'s {first.field} {first.value!r}{more}"
        )
        hint = f"read them in first ('reviewkit extract import {path} --reviewer NAME'),"
    else:
        what = "the sheet holds values typed in"
        hint = ""
    if added:
        names = ", ".join(repr(a) for a in added)
        what += (
            f"{';' if in_fields else ':'} column{'s' if len(added) > 1 else ''} {names} added"
            " to the sheet hold"
            f"{'' if len(added) > 1 else 's'} values, and 'extract import' will not read"
            f" {'them' if len(added) > 1 else 'it'} (no extraction field of that name)"
        )
        hint += f"{' ' if hint else ''}move column {names} to a file of its own" + (
            " before importing," if in_fields else ","
        )
    raise UserError(
        f"{what}; writing the sheet again would lose them",
        where=f"{path}:{first.line}",
        hint=f"{hint} write the new sheet to another file, or pass --force to write over it",
    )
