"""Classification commands: classify, label, confirm, extract (export/import/edit/set), evidence-map."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from reviewkit.cli._common import Given, OutputPath, out_dir_option, out_folder, progress_bar
from reviewkit.cli._project import load_project, project_option, reviewer_option_with
from reviewkit.cli._written import no_records, nothing_included_all, written
from reviewkit.errors import UserError, command_line
from reviewkit.project import Project
from reviewkit.wording import quantity

if TYPE_CHECKING:
    from reviewkit.classify import ClassifyResult

all_option = click.option(
    "--all",
    "all_studies",
    is_flag=True,
    help="Every study, not only those included at the last screening stage.",
)


reviewer_option = reviewer_option_with(
    "Your name as the protocol lists it (a reviewer or a lead), recorded with each label"
    " or value you give."
)


def _studies(project, all_studies: bool) -> list[int]:
    from reviewkit.reports.studies import all_reports as every
    from reviewkit.reports.studies import included_reports

    return every(project) if all_studies else included_reports(project)


def _why_none(all_studies: bool) -> str:
    """Why :func:`_studies` found none, and what to do (with --all: the project has no records)."""
    return no_records() if all_studies else nothing_included_all()


def _counted(ids: list[int], study: dict[int, int]) -> str:
    """'6 studies', or '6 reports of 5 studies' when a person linked reports of one study
    (``study``: record id -> its study, :func:`reviewkit.classify.study_map`): classify and the
    extraction sheet take each report (as the study), and `status` counts the studies.
    The same with --all: the counts per label above the line count studies too."""
    studies = len({study.get(r, r) for r in ids})
    if studies == len(ids):
        return quantity(len(ids), "study")
    return f"{quantity(len(ids), 'report')} of {quantity(studies, 'study')}"


@click.command("classify")
@project_option
@click.option(
    "--scheme",
    "schemes",
    multiple=True,
    type=Given("scheme id"),
    help="Scheme id (repeatable; default: every scheme).",
)
@click.option(
    "--evaluate",
    "evaluate_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Score the rules and the learnt model on a labelled CSV (title, abstract, gold) instead of classifying.",
)
@click.option(
    "--protocol",
    "protocol_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With --evaluate: the protocol file to read the scheme from (no project needed).",
)
@click.option(
    "--gold",
    "gold_column",
    default=None,
    type=Given("column name"),
    help="With --evaluate: the CSV's gold column.",
)
@click.option(
    "--csv",
    "csv_out",
    type=OutputPath(dir_okay=False, writes="CSV", endings=(".csv",)),
    help="Also write the suggestions (or, with --evaluate, the confusion matrix) as CSV.",
)
@all_option
def classify_command(
    project_dir: Path,
    schemes: tuple[str, ...],
    evaluate_file: Path | None,
    protocol_file: Path | None,
    gold_column: str | None,
    csv_out: Path | None,
    all_studies: bool,
) -> None:
    """Suggest labels for the included studies, each with its score and evidence.

    Example: reviewkit classify --csv exports/suggestions.csv
    """
    from reviewkit import classify, extract, outputs
    from reviewkit.classify.stage import ROW_COLUMNS

    if csv_out is not None:  # before any work: the database is written only if the CSV can be
        outputs.check_output(csv_out)
    if evaluate_file is not None:
        _evaluate(project_dir, protocol_file, schemes, evaluate_file, gold_column, csv_out)
        return
    if protocol_file is not None:
        raise UserError("--protocol goes with --evaluate", hint="a project has its own protocol")
    project = load_project(project_dir)
    try:
        for s in schemes:
            project.protocol.scheme(s)
        ids = _studies(project, all_studies)
        if not ids:  # with --all the project has no records at all: import comes first
            why = _why_none(all_studies)
            if csv_out:  # the sheet's header alone (README: a file with nothing in it)
                outputs.write_csv(csv_out, ROW_COLUMNS, [])
                click.echo(written(f"0 suggestions written to {csv_out}", 0, why))
            else:
                click.echo(f"0 studies classified ({why})")
            return
        # one transaction: when the CSV cannot be written (a full disk), nothing is stored
        with project.db.transaction():
            with progress_bar("classifying") as update:
                result = classify.classify_project(project, ids, schemes or None, progress=update)
            filled = extract.prefill(project, ids)
            if csv_out:
                rows = result.rows()
                outputs.write_csv(csv_out, ROW_COLUMNS, ([r[c] for c in ROW_COLUMNS] for r in rows))
        for (sid, label), n in sorted(result.counts().items()):
            # the none answer's name after its id ('none' says nothing of "Other design"); a
            # label's line stays id and count, the id being what 'reviewkit label' takes
            scheme = project.protocol.scheme(sid)
            named = f"\t{scheme.none_label_name}" if label == scheme.none_id else ""
            click.echo(f"{sid}\t{label}\t{n}{named}")
        ties = _ties_waiting(project, result)
        if ties:
            click.echo(ties)
        for status in result.model_status.values():
            click.echo(status.describe())
        click.echo(
            f"{_counted(ids, result.study)} classified; {_renewed(result.renewed_studies())}; "
            f"{quantity(filled, 'extraction value')} prefilled"
        )
        if csv_out:
            click.echo(f"suggestions written to {csv_out}")
    finally:
        project.close()


def _ties_waiting(project: Project, result: ClassifyResult) -> str:
    """'ties waiting for a person: 1 of 2 (topic: 1 of 2); …', or '' when the rules found no
    tie. The 'SCHEME<tab>tie<tab>N' lines count the rules' ties, as the other lines count the
    rules' labels (a scheme's lines add up to its studies); a tie a person settled since (a
    confirmed label on any report of the study) no longer waits, and only this line says so."""
    from reviewkit import classify

    tied = result.tied_studies()
    if not tied:
        return ""
    waiting: dict[str, int] = {}
    for sid, studies in tied.items():
        confirmed = classify.confirmed_labels(project, sid)
        settled = {result.study.get(rid, rid) for rid, labels in confirmed.items() if labels}
        waiting[sid] = len(studies - settled)
    total, left = sum(len(s) for s in tied.values()), sum(waiting.values())
    if not left:
        return f"ties waiting for a person: none (all {total} settled by a confirmed label)"
    per_scheme = ", ".join(f"{sid}: {waiting[sid]} of {len(tied[sid])}" for sid in tied)
    return (
        f"ties waiting for a person: {left} of {total} ({per_scheme}); '{command_line('confirm')}'"
        " shows each with its evidence"
    )


def _renewed(renewed: dict[str, set[int]]) -> str:
    """'26 studies given new suggestions (model-type: 26, work: 20)', or that none changed
    (reports of one study count once)."""
    studies = set().union(*renewed.values()) if renewed else set()
    if not studies:
        return "no suggestion changed since the last run"
    per_scheme = ", ".join(f"{sid}: {len(rids)}" for sid, rids in renewed.items())
    return f"{quantity(len(studies), 'study')} given new suggestions ({per_scheme})"


def _evaluate(
    project_dir: Path,
    protocol_file: Path | None,
    schemes: tuple[str, ...],
    evaluate_file: Path,
    gold_column: str | None,
    csv_out: Path | None,
) -> None:
    """``classify --evaluate``: the rules and the model (leave-one-out) on a labelled CSV."""
    from reviewkit import classify, outputs
    from reviewkit import protocol as protocol_mod

    if len(schemes) != 1:
        raise UserError(
            "--evaluate needs exactly one --scheme",
            hint="name the scheme the CSV's gold labels belong to, e.g. --scheme model-type",
        )
    if csv_out:  # the gold set was replaced by the confusion matrix
        outputs.check_not_input(csv_out, evaluate_file, "--csv")
    if protocol_file is not None:
        protocol = protocol_mod.load(protocol_file)
    else:
        project = load_project(project_dir)
        protocol = project.protocol
        project.close()
    result = classify.evaluate(protocol, schemes[0], evaluate_file, gold_column, with_model=True)
    click.echo(result.format())
    if csv_out:
        outputs.write_text(csv_out, result.confusion_csv())
        click.echo(f"confusion matrix written to {csv_out}")


@click.command("label")
@project_option
@click.argument("record")
@click.argument("assignment", metavar="SCHEME=LABEL[,LABEL]")
@reviewer_option
def label_command(project_dir: Path, record: str, assignment: str, reviewer: str) -> None:
    """Confirm a study's label(s) in a scheme (RECORD: id, pmid:N or doi:10.…).

    Example: reviewkit label 12 SCHEME=LABEL --reviewer reviewer1
    """
    from reviewkit.classify import confirm

    project = load_project(project_dir, person=reviewer)
    try:
        # the example from this project's own schemes (it named Review B's, whatever the review)
        scheme, labels = _assignment(assignment, "SCHEME=LABEL", _label_example(project))
        rid = _study(project, record)
        chosen = list(dict.fromkeys(x.strip() for x in labels.split(",") if x.strip()))
        stored = confirm(project, rid, scheme.strip(), chosen, reviewer)
        said = f"study {rid}: {scheme.strip()} = {', '.join(chosen)}"
        if stored:
            click.echo(f"{said} (confirmed by {reviewer})")
        else:  # the same command run twice: nothing stored
            click.echo(f"{said} already (confirmed by {reviewer}); nothing changed")
        _warn_unless_included(project, rid, "the report tables and the evidence map show the label")
    finally:
        project.close()


def _warn_unless_included(project: Project, rid: int, shown: str) -> None:
    """A value or label stored for a study not included at the last stage (a typo in its id,
    or a study excluded since) is kept, but no report shows it yet: say so on stderr."""
    if rid not in _studies(project, False):
        click.echo(
            f"warning: study {rid} is not among the included studies; {shown} once it is included",
            err=True,
        )


def _label_example(project: Project) -> str:
    """'e.g. setting=workplace (schemes: setting, design)', from the project's protocol."""
    schemes = project.protocol.schemes
    first = next((s for s in schemes.values() if s.labels), None)
    if first is None:
        return "the protocol has no classification scheme"
    return f"e.g. {first.id}={first.labels[0].id} (schemes: {', '.join(schemes)})"


def _assignment(text: str, form: str, hint: str = "") -> tuple[str, str]:
    """'KEY=VALUE' as (KEY, VALUE); a UserError naming ``form`` when there is no '='."""
    if "=" not in text:
        raise UserError(f"{text!r} is not {form}", hint=hint)
    key, _, value = text.partition("=")
    return key, value


def _study(project: Project, record: str) -> int:
    """The study (canonical record id) a RECORD argument names: id, pmid:N or doi:10.…"""
    from reviewkit.reports.studies import canonical_id
    from reviewkit.screening import find_record

    return canonical_id(project, find_record(project.db, record))


@click.command("confirm")
@project_option
@reviewer_option_with(
    "Your name as the protocol lists it (a reviewer or a lead), recorded with each label.",
    typed=True,
)
@click.option(
    "--scheme",
    default=None,
    type=Given("scheme id"),
    help="Scheme id (default: the report scheme).",
)
@all_option
def confirm_command(
    project_dir: Path, reviewer: str, scheme: str | None, all_studies: bool
) -> None:
    """Confirm or change the suggested labels in the terminal, a key per label.

    Example: reviewkit confirm --reviewer reviewer1 --scheme SCHEME
    """
    project = load_project(project_dir, person=reviewer)
    try:
        proto = project.protocol
        scheme_id = scheme or (
            proto.report.scheme if proto.report else next(iter(proto.schemes), "")
        )
        proto.scheme(scheme_id)
        ids = _studies(project, all_studies)
        if not ids:
            raise UserError("no studies to label", hint="finish screening, or pass --all")
        from reviewkit.tui.app import run_screen
        from reviewkit.tui.classify import ConfirmScreen

        click.echo(run_screen(ConfirmScreen(project, scheme_id, ids, reviewer)))
    finally:
        project.close()


@click.group("extract")
def extract_group() -> None:
    """Extraction fields of the report tables: edit in the terminal, or export to CSV and import back."""


@extract_group.command("export")
@project_option
@click.argument("file", type=OutputPath(dir_okay=False, writes="CSV", endings=(".csv",)))
@all_option
@click.option(
    "--force",
    is_flag=True,
    help="Write over FILE even when it holds values typed in and not read back.",
)
def extract_export(project_dir: Path, file: Path, all_studies: bool, force: bool) -> None:
    """Write every study's extraction values (prefilled first) to FILE.csv.

    A FILE holding values typed in that the project does not have (not read back with
    'extract import') is not written over without --force.

    Example: reviewkit extract export extraction.csv
    """
    from reviewkit import classify, extract, outputs
    from reviewkit.extract_typed import check_sheet, said_emptied

    outputs.check_output(file)
    project = load_project(project_dir)
    try:
        emptied = [] if force else check_sheet(project, file)
        ids = _studies(project, all_studies)
        extract.export_csv(project, ids, file, prefill=True)
        said = f"{_counted(ids, classify.study_map(project))} written to {file}"
        click.echo(written(said, len(ids), _why_none(all_studies)))
        if warning := said_emptied(file, emptied):
            click.echo(f"warning: {warning}", err=True)
    finally:
        project.close()


@extract_group.command("import")
@project_option
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@reviewer_option
def extract_import(project_dir: Path, file: Path, reviewer: str) -> None:
    """Read an edited FILE.csv back; nothing is written if any line is wrong.

    Example: reviewkit extract import extraction.csv --reviewer reviewer1
    """
    from reviewkit import extract

    project = load_project(project_dir, person=reviewer)
    try:
        result = extract.import_csv(project, file, _studies(project, True), reviewer=reviewer)
        click.echo(
            f"{quantity(result.rows, 'row')} read, {quantity(result.changed, 'value')} changed"
        )
    finally:
        project.close()


@extract_group.command("edit")
@project_option
@reviewer_option
@all_option
def extract_edit(project_dir: Path, reviewer: str, all_studies: bool) -> None:
    """Fill in the extraction fields study by study in the terminal (prefilled first).

    Example: reviewkit extract edit --reviewer reviewer1
    """
    from reviewkit import extract

    project = load_project(project_dir, person=reviewer)
    try:
        ids = _studies(project, all_studies)
        if not ids:
            raise UserError("no studies to extract from", hint="finish screening, or pass --all")
        n_fields = len(project.protocol.extraction)
        if not 1 <= n_fields <= 9:
            raise UserError(
                f"the protocol has {n_fields} extraction fields; this screen edits 1 to 9 (a key each)",
                where=str(project.protocol_path),
                hint="use 'reviewkit extract export' and 'extract import' to edit them as CSV",
            )
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

    Example: reviewkit extract set 12 FIELD=VALUE --reviewer reviewer1
    """
    from reviewkit import extract

    field_id, value = _assignment(
        assignment,
        "FIELD=VALUE",
        "write an extraction field's id (as the protocol's [[extraction]] gives it), '=' and"
        " the value, e.g. country=Norway",
    )
    project = load_project(project_dir, person=reviewer)
    try:
        rid = _study(project, record)
        extract.set_value(project, rid, field_id.strip(), value, reviewer)
        click.echo(f"study {rid}: {field_id.strip()} set")
        _warn_unless_included(project, rid, "the report tables show the value")
    finally:
        project.close()


@click.command("evidence-map")
@project_option
@click.option(
    "--rows", "rows_scheme", required=True, type=Given("scheme id"), help="Scheme id for the rows."
)
@click.option(
    "--cols",
    "cols_scheme",
    required=True,
    type=Given("scheme id"),
    help="Scheme id for the columns.",
)
@out_dir_option("Folder for the map (CSV, XLSX, Markdown, PNG, SVG, GraphML).", "evidence-map")
@all_option
def evidence_map_command(
    project_dir: Path,
    rows_scheme: str,
    cols_scheme: str,
    out_dir: Path | None,
    all_studies: bool,
) -> None:
    """The matrix of one scheme against another: CSV, XLSX, Markdown, PNG, SVG and GraphML.

    Example: reviewkit evidence-map --rows SCHEME --cols OTHER-SCHEME
    """
    from reviewkit.evidence import build_map, write_map
    from reviewkit.reports.snapshot import ProjectSnapshot

    out_dir = out_folder(project_dir, out_dir, "evidence-map")
    project = load_project(project_dir)
    try:
        records = reports = None
        if all_studies:  # build_map groups linked reports itself (the confirmed study links)
            ids = _studies(project, True)
        else:  # the included studies as the report's map has them: linked reports count once
            snap = ProjectSnapshot.read(project)
            ids, records, reports = snap.included, snap.records, snap.reports
        emap = build_map(project, rows_scheme, cols_scheme, ids, records=records, reports=reports)
        paths = write_map(project, emap, out_dir, records=records)
        click.echo(emap.notes())
        for p in paths:
            click.echo(str(p))
        if not ids:  # the files are written, every cell 0 (README: a file with nothing in it)
            why = _why_none(all_studies)
            click.echo(written("0 studies in the map", 0, why))
    finally:
        project.close()


COMMANDS = [classify_command, label_command, confirm_command, extract_group, evidence_map_command]
