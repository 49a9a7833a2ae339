"""Classification commands: classify, label, confirm, evidence-map (extract: cli/extract.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from reviewkit.cli._common import (
    Given,
    csv_option,
    out_dir_option,
    out_folder,
    progress_bar,
    say_warnings,
)
from reviewkit.cli._project import load_project, project_option, reviewer_option_with
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
from reviewkit.project import Project
from reviewkit.protocol.people import typed_name
from reviewkit.wording import quantity

if TYPE_CHECKING:
    from reviewkit.classify import ClassifyResult


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
@csv_option(
    "csv_out", "Also write the suggestions (or, with --evaluate, the confusion matrix) as CSV."
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
        ids = chosen_studies(project, all_studies)
        if not ids:  # with --all the project has no records at all: import comes first
            why = why_none(all_studies)
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
            f"{counted(ids, result.study)} classified; {_renewed(result.renewed_studies())}; "
            f"{quantity(filled.written, 'extraction value')} prefilled{_withdrawn(filled.withdrawn)}"
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
    # confirm takes no name by default (a confirmed label is never recorded under a guessed
    # one) and opens the report's scheme: the line names the first scheme with ties waiting
    # where the protocol has several, as status.after_screening does
    first = next(sid for sid in tied if waiting[sid])
    scheme = f" --scheme {first}" if len(project.protocol.schemes) > 1 else ""
    confirm = command_line(f"confirm --reviewer {typed_name('')}{scheme}")
    return (
        f"ties waiting for a person: {left} of {total} ({per_scheme}); '{confirm}'"
        " shows each with its evidence"
    )


def _withdrawn(n: int) -> str:
    """', 1 withdrawn (…)' after the prefilled count, or '' when none was: a value prefilled
    before, and never checked by a person, that the rules no longer give."""
    them = "it" if n == 1 else "them"
    return f", {n} withdrawn (the prefill rules no longer give {them})" if n else ""


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
    from reviewkit import classify, output_kinds, outputs
    from reviewkit import protocol as protocol_mod

    if len(schemes) != 1:
        raise UserError(
            "--evaluate needs exactly one --scheme",
            hint="name the scheme the CSV's gold labels belong to, e.g. --scheme model-type",
        )
    if csv_out:  # the gold set was replaced by the confusion matrix
        output_kinds.check_not_input(csv_out, evaluate_file, "--csv")
    if protocol_file is not None:
        protocol = protocol_mod.load(protocol_file)
    else:
        project = load_project(project_dir)
        protocol = project.protocol
        project.close()
    result = classify.evaluate(protocol, schemes[0], evaluate_file, gold_column, with_model=True)
    say_warnings(evaluate_file, result.warnings)
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

    Example: reviewkit label pmid:34092692 health=mental --reviewer you

    (the demo's scheme and label, as its protocol.toml names them; in yours, a [schemes.ID]
    and the id of one of its [[schemes.ID.labels]])
    """
    from reviewkit.classify import confirm

    project = load_project(project_dir, person=reviewer)
    try:
        # the example from this project's own schemes (it named Review B's, whatever the review)
        scheme, labels = key_value(assignment, "SCHEME=LABEL", _label_example(project))
        rid = study_named(project, record)
        chosen = list(dict.fromkeys(x.strip() for x in labels.split(",") if x.strip()))
        stored = confirm(project, rid, scheme.strip(), chosen, reviewer)
        said = f"study {rid}: {scheme.strip()} = {', '.join(chosen)}"
        if stored:
            click.echo(f"{said} (confirmed by {reviewer})")
        else:  # the same command run twice: nothing stored
            click.echo(f"{said} already (confirmed by {reviewer}); nothing changed")
        warn_unless_included(project, rid, "the report tables and the evidence map show the label")
    finally:
        project.close()


def _label_example(project: Project) -> str:
    """'e.g. setting=workplace (schemes: setting, design)', from the project's protocol."""
    schemes = project.protocol.schemes
    first = next((s for s in schemes.values() if s.labels), None)
    if first is None:
        return "the protocol has no classification scheme"
    return f"e.g. {first.id}={first.labels[0].id} (schemes: {', '.join(schemes)})"


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

    Example: reviewkit confirm --reviewer you --scheme health

    (the demo's scheme, as its protocol.toml names it; in yours, a [schemes.ID])
    """
    project = load_project(project_dir, person=reviewer)
    try:
        proto = project.protocol
        scheme_id = scheme or (
            proto.report.scheme if proto.report else next(iter(proto.schemes), "")
        )
        proto.scheme(scheme_id)
        ids = chosen_studies(project, all_studies)
        if not ids:
            raise UserError("no studies to label", hint="finish screening, or pass --all")
        from reviewkit.tui.app import run_screen
        from reviewkit.tui.classify import ConfirmScreen

        click.echo(run_screen(ConfirmScreen(project, scheme_id, ids, reviewer, every=all_studies)))
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

    Example: reviewkit evidence-map --rows health --cols work

    (the demo's schemes, as its protocol.toml names them; in yours, two [schemes.ID])
    """
    from reviewkit.evidence import build_map, write_map
    from reviewkit.reports.snapshot import ProjectSnapshot

    out_dir = out_folder(project_dir, out_dir, "evidence-map")
    project = load_project(project_dir)
    try:
        records = reports = labels = None
        if all_studies:  # build_map groups linked reports itself (the confirmed study links)
            ids = chosen_studies(project, True)
        else:  # the report's map: linked reports count once, each study named as it names it
            snap = ProjectSnapshot.read(project)
            ids, records, reports, labels = snap.included, snap.records, snap.reports, snap.labels
        emap = build_map(
            project, rows_scheme, cols_scheme, ids, records=records, reports=reports, labels=labels
        )
        paths = write_map(project, emap, out_dir, records=records)
        click.echo(emap.notes())
        for p in paths:
            click.echo(str(p))
        if not ids:  # the files are written, every cell 0 (README: a file with nothing in it)
            click.echo(written("0 studies in the map", 0, why_none(all_studies)))
    finally:
        project.close()


COMMANDS = [classify_command, label_command, confirm_command, evidence_map_command]
