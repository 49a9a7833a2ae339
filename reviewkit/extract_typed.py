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
from reviewkit.store import extraction as values_rows


@dataclass(frozen=True)
class TypedCell:
    line: int
    record_id: int
    field: str
    value: str


def typed_cells(project: Project, path: Path) -> list[TypedCell]:
    """The cells of the extraction sheet at ``path`` whose values the project has never held;
    [] when there is no file, or it is no extraction sheet (no ``record_id`` column: a file of
    another kind is written over, as every output is). A sheet that cannot be read is refused:
    whether it holds typed values cannot be told."""
    if not path.is_file():
        return []
    try:
        header, rows = csv_read.dict_rows(csv_read.read_sheet(path), str(path))
        if "record_id" not in header:
            return []
        cells = [
            (line, int(row["record_id"]), col, (value or "").strip())
            for line, row in rows
            if (row.get("record_id") or "").strip().isdigit()
            for col, value in row.items()
            if col not in EXTRACTION_SHEET_COLUMNS and (value or "").strip()
        ]
    except UserError as exc:
        raise UserError(
            "a file of this name is there and cannot be read to see whether it holds values"
            f" typed in ({exc.message})",
            where=exc.where or str(path),
            hint="write the new sheet to another file, or pass --force to write over this one",
        ) from None
    ever = values_rows.values_ever(project.db, {rid for _, rid, _, _ in cells})
    return [TypedCell(*c) for c in cells if c[1:] not in ever]


def refuse_typed(project: Project, path: Path) -> None:
    """Refuse to write an extraction sheet over one holding values typed in and not read back
    (:func:`typed_cells`), saying where they are and how to keep them."""
    typed = typed_cells(project, path)
    if not typed:
        return
    first = typed[0]
    more = f" and {len(typed) - 1} more" if len(typed) > 1 else ""
    raise UserError(
        "the sheet holds values typed in that the project does not have: record"
        f" {first.record_id}'s {first.field} {first.value!r}{more}; writing it again"
        " would lose them",
        where=f"{path}:{first.line}",
        hint=f"read them in first ('reviewkit extract import {path} --reviewer NAME'), write"
        " the new sheet to another file, or pass --force to write over it",
    )
