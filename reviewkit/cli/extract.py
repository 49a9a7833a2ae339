"""Extraction commands: extract export, import, edit and set (the report tables' fields)."""

from __future__ import annotations

from pathlib import Path

import click

from reviewkit.cli._common import csv_file, say_warnings
from reviewkit.cli._project import load_project, project_option
from reviewkit.cli._studies import (
    all_option,
    chosen_studies,
    counted,
    key_value,
    reviewer_option,
    study_named,
    warn_unless_included,
    why_none,
)
from reviewkit.cli._written import written
from reviewkit.errors import UserError, command_line
from reviewkit.protocol.people import typed_name
from reviewkit.wording import quantity


@click.group("extract")
def extract_group() -> None:
    """Extraction fields of the report tables: edit in the terminal, or export to CSV and import back."""


@extract_group.command("export")
@project_option
@click.argument("file", type=csv_file())
@all_option
@click.option(
    "--force",
    is_flag=True,
    help="Write over FILE even when it holds values typed in and not read back.",
)
def extract_export(project_dir: Path, file: Path, all_studies: bool, force: bool) -> None:
    """Write every study's extraction values (prefilled first) to FILE.csv; its last column,
    as_exported, marks what each row shows, for 'extract import': leave it in the sheet.

    A FILE holding values typed in that the project does not have (not read back with
    'extract import') is not written over without --force.

    Example: reviewkit extract export extraction.csv
    """
    from reviewkit import classify, extract, outputs
    from reviewkit.extract_typed import check_sheet, said_emptied
    from reviewkit.reports.snapshot import ProjectSnapshot

    outputs.check_output(file)
    project = load_project(project_dir)
    try:
        project.protocol.extraction_fields()  # none: a sheet with nothing to fill
        emptied = [] if force else check_sheet(project, file, lambda w: say_warnings(file, [w]))
        ids = chosen_studies(project, all_studies)
        # each study named as the report names it: a sheet whose two "Smith et al. (2019)"
        # rows the tables tell apart ("2019a", "2019b") would not say which is which
        labels = ProjectSnapshot.read(project).sheet_labels(ids)
        extract.export_csv(project, ids, file, labels=labels, prefill=True)
        said = f"{counted(ids, classify.study_map(project))} written to {file}"
        click.echo(written(said, len(ids), why_none(all_studies)))
        if warning := said_emptied(file, emptied):
            click.echo(f"warning: {warning}", err=True)
    finally:
        project.close()


@extract_group.command("import")
@project_option
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@reviewer_option
def extract_import(project_dir: Path, file: Path, reviewer: str) -> None:
    """Read an edited FILE.csv back (or the .xlsx workbook Excel saves it as, its first
    worksheet); nothing is written if any line is wrong. Leave its last column, as_exported,
    as it is: it says what each row showed, so a cell left alone is no change even where the
    project's value changed since the export, and a cell typed over a value changed since (with
    'extract set' or 'edit', or another reviewer's import) is refused. A cell typed back to
    what the sheet showed cannot be told from one left alone: the import names those where the
    project's value changed since, with the 'extract set' that stores the sheet's value.

    \b
    Example (the sheet 'extract export' wrote, edited):
      reviewkit extract export extraction.csv
      reviewkit extract import extraction.csv --reviewer you
    """
    from reviewkit.extract_import import import_csv, kept_note, old_prefills_note, unmarked_note

    project = load_project(project_dir, person=reviewer)
    try:
        project.protocol.extraction_fields()  # none: nothing to read back
        result = import_csv(project, file, chosen_studies(project, True), reviewer=reviewer)
        say_warnings(file, result.warnings)
        click.echo(
            f"{quantity(result.rows, 'row')} read, {quantity(result.changed, 'value')} changed"
        )
        for note in (unmarked_note(result), kept_note(result), old_prefills_note(result)):
            if note:
                click.echo(f"note: {note}")
    finally:
        project.close()


@extract_group.command("edit")
@project_option
@reviewer_option
@all_option
def extract_edit(project_dir: Path, reviewer: str, all_studies: bool) -> None:
    """Fill in the extraction fields study by study in the terminal (prefilled first).

    Example: reviewkit extract edit --reviewer you
    """
    from reviewkit import extract

    project = load_project(project_dir, person=reviewer)
    try:
        n_fields = len(project.protocol.extraction_fields())
        if n_fields > 9:
            back = command_line(f"extract import FILE --reviewer {typed_name(reviewer)}")
            raise UserError(
                f"the protocol has {n_fields} extraction fields; this screen edits 1 to 9 (a key each)",
                where=str(project.protocol_path),
                hint=f"edit them as CSV: '{command_line('extract export FILE')}', then '{back}'",
            )
        ids = chosen_studies(project, all_studies)
        if not ids:
            raise UserError("no studies to extract from", hint="finish screening, or pass --all")
        extract.prefill(project, ids)
        from reviewkit.tui.app import run_screen
        from reviewkit.tui.extract import ExtractScreen

        click.echo(run_screen(ExtractScreen(project, ids, reviewer)))
    finally:
        project.close()


@extract_group.command("set")
@project_option
@click.argument("record")
@click.argument("assignment", metavar="FIELD=VALUE")
@reviewer_option
def extract_set(project_dir: Path, record: str, assignment: str, reviewer: str) -> None:
    """Set one extraction value of a study (RECORD: id, pmid:N or doi:10.…).

    Example: reviewkit extract set pmid:34092692 country=Norway --reviewer you

    (the demo's field, as its protocol.toml names it; in yours, the id of an [[extraction]])
    """
    from reviewkit import extract

    field_id, value = key_value(
        assignment,
        "FIELD=VALUE",
        "write an extraction field's id (as the protocol's [[extraction]] gives it), '=' and"
        " the value, e.g. country=Norway",
    )
    project = load_project(project_dir, person=reviewer)
    try:
        rid = study_named(project, record)
        extract.set_value(project, rid, field_id.strip(), value, reviewer)
        click.echo(f"study {rid}: {field_id.strip()} set")
        warn_unless_included(project, rid, "the report tables show the value")
    finally:
        project.close()


COMMANDS = [extract_group]
