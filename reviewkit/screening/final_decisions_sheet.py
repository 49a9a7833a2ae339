"""Final decisions settled in a spreadsheet, read from its CSV or TSV (``reviewkit conflicts
import``): every row given as ``conflicts resolve`` gives one, and all of them or none.

Columns by name in the header row: ``record`` (an id as ``conflicts --list`` names it,
``pmid:N`` or ``doi:…``) and ``decision`` (include or exclude), and if wanted ``reason`` (the
exclusion reason's code), ``note`` and ``stage`` (else the stage where the record's conflict is
open). Other columns (a title copied from ``--list``) are left alone. Imports are all-or-nothing:
the rows are resolved in one transaction, a row refused is named by its line with every other
refused row, and then nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from reviewkit.errors import UserError
from reviewkit.formats import csv_read
from reviewkit.project import Project
from reviewkit.screening.final_decisions import ConflictViews, Resolution, resolve_in
from reviewkit.screening.lookup import find_record

_NEEDED = ("record", "decision")
_SHOWN = 10  # refused rows named in the error; a sheet wrong throughout is not listed whole


def resolve_sheet(
    project: Project,
    path: str | Path,
    resolver: str,
    *,
    stage: str | None = None,
    replace: bool = False,
) -> list[Resolution]:
    """Give the final decision of every row of the sheet at ``path``, as
    :func:`~reviewkit.screening.final_decisions.resolve_record` gives one, on one read of the conflicts (``stage`` for rows
    without their own; ``replace`` for every row); a UserError naming each refused row's line,
    and nothing written, when any is refused."""
    name = str(path)
    header, rows = csv_read.dict_rows(csv_read.read_sheet(path), name)
    missing = [c for c in _NEEDED if c not in header]
    if missing:
        raise UserError(
            f"no {' or '.join(repr(c) for c in missing)} column in the header row",
            where=f"{name}:1",
            hint="columns: record, decision (include or exclude), and reason, note, stage if wanted",
        )
    done: list[Resolution] = []
    refused: list[str] = []
    lines: dict[tuple[int, str], int] = {}  # (study, stage) -> the line that resolved it
    with project.db.transaction():  # every row or none: a refusal rolls back the rows before it
        views = ConflictViews(project, resolver)  # read once: each row resolves another study
        for line, row in rows:
            try:
                one = _resolve_row(views, row, stage, replace)
            except UserError as exc:
                refused.append(
                    f"{name}:{line}: {exc.message}" + (f" ({exc.hint})" if exc.hint else "")
                )
                continue
            key = (one.decision.record_id, one.decision.stage)
            if key in lines:  # the second would replace the first unseen: which one is meant?
                refused.append(
                    f"{name}:{line}: record {key[0]} at {key[1]} is given at line {lines[key]} too"
                    " (one row a conflict: delete the other)"
                )
            lines.setdefault(key, line)
            done.append(one)
        if refused:
            more = len(refused) - _SHOWN
            listed = refused[:_SHOWN] + ([f"… and {more} more"] if more > 0 else [])
            raise UserError(
                f"{len(refused)} of the sheet's rows refused, nothing written:\n  "
                + "\n  ".join(listed),
                where=name,
                hint="mend the rows named and import the sheet again",
            )
    if not done:
        raise UserError("no decisions in the sheet", where=name, hint="one row a conflict")
    return done


def _resolve_row(
    views: ConflictViews, row: dict[str, str], stage: str | None, replace: bool
) -> Resolution:
    """One row's final decision, as ``conflicts resolve`` gives it from its options."""
    label = row["decision"].strip().lower()
    if label not in ("include", "exclude"):
        raise UserError(
            f"the decision is include or exclude, not {row['decision'].strip()!r}",
            hint="write include or exclude; a row not decided yet: delete it until it is",
        )
    return resolve_in(
        views,
        find_record(views.project.db, row["record"]),
        label,
        (row.get("reason") or "").strip(),
        (row.get("note") or "").strip(),
        stage=(row.get("stage") or "").strip() or stage,
        replace=replace,
    )
