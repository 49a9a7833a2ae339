"""Final decisions settled in a spreadsheet, read from its CSV or TSV or the Excel workbook it
was saved as (``reviewkit conflicts import``): every row given as ``conflicts resolve`` gives
one, and all of them or none.

Columns by name in the header row: ``record`` (an id as ``conflicts --list`` names it,
``pmid:N`` or ``doi:…``) and ``decision`` (include or exclude), and if wanted ``reason`` (the
exclusion reason's code), ``note`` and ``stage`` (else the stage where the record's conflict is
open). Other columns (a title copied from ``--list``) are left alone. Imports are all-or-nothing:
the rows are resolved in one transaction, a row refused is named by its line (a workbook's: its
worksheet row) with every other refused row, and then nothing is written. A row whose decision,
reason and note are all empty is left open: :func:`write_conflicts_sheet` (``conflicts --csv
FILE``) writes the open conflicts with those columns empty, and the lead fills the rows they
have settled.
"""

from __future__ import annotations

from pathlib import Path

from reviewkit import outputs
from reviewkit.errors import UserError
from reviewkit.formats.filled_sheet import FilledSheet, sheet_rows
from reviewkit.formats.read_warnings import Warn
from reviewkit.project import Project
from reviewkit.screening.conflict_views import ConflictView, ConflictViews, Votes
from reviewkit.screening.final_decisions import Resolution, resolve_in
from reviewkit.screening.lookup import find_record, read_record
from reviewkit.wording import listed_lines

_NEEDED = ("record", "decision")
_SHOWN = 10  # refused rows named in the error; a sheet wrong throughout is not listed whole
# what the lead fills: the import's columns, in the order it names them (stage written: the
# conflict's, so that a row names its conflict where a study has one at each stage)
_FILLED = ("record", "decision", "reason", "note", "stage")
# what the lead reads to decide without the screen: the record as the screen shows it (the
# abstract last, the longest cell), then each vote (_VOTE_COLUMNS, numbered)
_RECORD_COLUMNS = ("title", "authors", "year", "journal", "pmid", "doi")
# a vote's reason as its code, the one the reason column takes; notes joined by '; ' as the
# other sheets join a list (``dedup review --csv``'s authors)
_VOTE_COLUMNS = ("reviewer", "label", "reason", "notes")


def write_conflicts_sheet(
    project: Project, stage: str, views: list[ConflictView], path: str | Path
) -> int:
    """Write the open conflicts among ``views`` (of ``stage``) to the CSV at ``path``, one row
    each: the import's columns (record and stage given, decision, reason and note empty), the
    record's title, authors, year, journal, PMID and DOI, every reviewer's vote, reason code and
    notes (as many vote columns as the most votes of a conflict: a merged study may carry three),
    and its abstract; returns the number of rows."""
    open_ones = [v for v in views if v.open]
    most = max((len(v.votes) for v in open_ones), default=2)
    header = [
        *_FILLED,
        *_RECORD_COLUMNS,
        *(f"{c}_{i}" for i in range(1, most + 1) for c in _VOTE_COLUMNS),
        "abstract",
    ]
    rows = []
    for view in open_ones:
        rec = read_record(project.db, view.study_id)
        shown = {
            "title": rec.title,
            "authors": "; ".join(rec.authors),
            "year": "" if rec.year is None else str(rec.year),
            "journal": rec.journal,
            "pmid": rec.pmid,
            "doi": rec.doi,
        }
        votes = [
            [name, label, reason, "; ".join(notes)] for name, label, reason, notes in view.votes
        ]
        votes += [["", "", "", ""]] * (most - len(votes))
        rows.append(
            [
                view.study_id,
                "",
                "",
                "",
                stage,
                *(shown[c] for c in _RECORD_COLUMNS),
                *(cell for vote in votes for cell in vote),
                rec.abstract,
            ]
        )
    outputs.write_csv(path, header, rows)  # atomic; formula-looking cells neutralised
    return len(rows)


def resolve_sheet(
    project: Project,
    path: str | Path,
    resolver: str,
    *,
    stage: str | None = None,
    replace: bool = False,
    warn: Warn | None = None,
) -> list[Resolution]:
    """Give the final decision of every row of the sheet at ``path``, as
    :func:`~reviewkit.screening.final_decisions.resolve_record` gives one, on one read of the conflicts (``stage`` for rows
    without their own; ``replace`` for every row); a UserError naming each refused row's line,
    and nothing written, when any is refused. ``warn`` is told the warnings of reading the
    sheet (a header below title rows) once it is read; a refusal carries them instead
    (:func:`~reviewkit.formats.read_warnings.said_first`), as every sheet's does."""
    name = str(path)
    # names in any case ('Record', 'Reason' as a lead heads a sheet in Excel): a 'Reason'
    # column was left out unseen, the exclude stored without its reason
    # a spreadsheet's error value refused in what the lead fills, not in the record or votes
    # shown beside it (a title or a note the project holds as '#N/A')
    found = sheet_rows(path, "the decisions", _NEEDED, filled=_FILLED.__contains__)
    with found.refusing():  # a refusal carries the sheet's warnings: the CLI says them first
        done = _resolved(project, name, found, resolver, stage, replace)
    found.tell(warn)  # a sheet read: its warnings told once, not before a refusal too
    return done


def _resolved(
    project: Project,
    name: str,
    found: FilledSheet,
    resolver: str,
    stage: str | None,
    replace: bool,
) -> list[Resolution]:
    """The final decisions of the sheet ``found`` at ``name``, as :func:`resolve_sheet` says."""
    header, rows = found.header, found.rows
    missing = [c for c in _NEEDED if c not in header]
    if missing:
        raise UserError(
            f"no {' or '.join(repr(c) for c in missing)} column in the header row",
            where=f"{name}:{found.header_line}",
            hint=found.hint(
                "the decisions",
                "columns: record, decision (include or exclude), and reason, note, stage if wanted",
            ),
        )
    done: list[Resolution] = []
    refused: list[str] = []
    lines: dict[tuple[int, str], int] = {}  # (study, stage) -> the line that resolved it
    with project.db.transaction():  # every row or none: a refusal rolls back the rows before it
        views = ConflictViews(project, resolver)  # read once: each row resolves another study
        for line, row in rows:
            if not any((row.get(c) or "").strip() for c in ("decision", "reason", "note")):
                continue  # a conflict the lead has not settled yet: left open
            try:
                one = _resolve_row(views, row, stage, replace)
            except UserError as exc:
                refused.append(
                    f"{name}:{line}: {exc.message}" + (f" ({exc.hint})" if exc.hint else "")
                )
                continue
            key = (one.study, one.decision.stage)
            if key in lines:  # the second would replace the first unseen: which one is meant?
                refused.append(
                    f"{name}:{line}: record {key[0]} at {key[1]} is given at line {lines[key]} too"
                    " (one row a conflict: delete the other)"
                )
            lines.setdefault(key, line)
            done.append(one)
        if refused:
            raise UserError(
                f"{len(refused)} of the sheet's rows refused, nothing written:\n  "
                + "\n  ".join(listed_lines(refused, _SHOWN)),
                where=name,
                hint="mend the rows named and import the sheet again",
            )
    if not done:
        raise UserError(
            "no decisions in the sheet",
            where=name,
            hint="fill the decision column (include or exclude) of the conflicts you settled",
        )
    return done


def _resolve_row(
    views: ConflictViews, row: dict[str, str], stage: str | None, replace: bool
) -> Resolution:
    """One row's final decision, as ``conflicts resolve`` gives it from its options."""
    label = row["decision"].strip().lower()
    if label not in ("include", "exclude"):
        raise UserError(
            f"the decision is include or exclude, not {row['decision'].strip()!r}",
            hint="write include or exclude; a row not decided yet: empty its reason and note"
            " too, and it is left open",
        )
    return resolve_in(
        views,
        find_record(views.project.db, row["record"]),
        label,
        (row.get("reason") or "").strip(),
        (row.get("note") or "").strip(),
        stage=(row.get("stage") or "").strip() or stage,
        replace=replace,
        shown=_votes_shown(row),
        sheet=True,
    )


def _votes_shown(row: dict[str, str]) -> Votes | None:
    """The votes the row showed the lead, as :func:`write_conflicts_sheet` wrote them
    (``reviewer_1``, ``label_1``, ``reason_1``, …; notes decide nothing, left out); None
    where it has none (a row typed by hand: nothing tells what its writer read)."""
    votes = []
    i = 1
    while f"reviewer_{i}" in row:
        name, label, reason = ((row.get(f"{c}_{i}") or "").strip() for c in _VOTE_COLUMNS[:3])
        if name:
            votes.append((name, label, reason, ()))
        i += 1
    return tuple(votes) or None
