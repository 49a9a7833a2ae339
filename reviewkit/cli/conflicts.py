"""The conflicts commands: resolve disagreements on the screen, list them, or resolve one by
its record (``conflicts resolve``: a lead over ssh, a script, a spreadsheet's decisions)."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING

import click

from reviewkit import settings
from reviewkit.cli._common import csv_option, say_warnings
from reviewkit.cli._project import Name, from_group, load_project, project_option
from reviewkit.cli._written import written
from reviewkit.errors import command_line
from reviewkit.project import Project
from reviewkit.protocol import STAGES
from reviewkit.protocol.people import typed_name
from reviewkit.text_width import cut
from reviewkit.wording import quantity

if TYPE_CHECKING:
    from reviewkit.screening import ConflictView, DerivedStages, Resolution


def _default_resolver() -> str:
    return settings.login_name()


resolver_option = click.option(
    "--resolver",
    type=Name("resolver name"),
    default=_default_resolver,
    envvar=settings.RESOLVER.name,
    show_envvar=True,
    show_default="your login",
    help=(
        "Who resolves the conflicts, as the protocol lists them: a lead, or a reviewer once"
        " the stage is screened (recorded with each final decision)."
    ),
)


@click.group(invoke_without_command=True)
@project_option
@click.option(
    "--stage",
    type=click.Choice(STAGES),
    default=None,
    show_default="the first stage with open conflicts",
    help="Screening stage.",
)
@resolver_option
@click.option(
    "--list", "as_list", is_flag=True, help="Print the conflicts instead of opening the screen."
)
@csv_option(
    "csv_out",
    "Write the open conflicts to this CSV file instead of opening the screen: fill its"
    " decision column (and reason, note) and read it back with 'conflicts import'.",
)
@click.pass_context
def conflicts(
    ctx: click.Context,
    project_dir: Path,
    stage: str | None,
    resolver: str,
    as_list: bool,
    csv_out: Path | None,
) -> None:
    """Resolve disagreements: both reviewers' labels, reasons and notes side by side.

    Without a terminal: 'reviewkit conflicts --resolver NAME --list' prints them (the name
    decides what blinding lets you see), and 'reviewkit conflicts resolve RECORD --decision
    include|exclude' gives a final decision; or '--csv FILE' writes them to a sheet, and
    'reviewkit conflicts import FILE' reads its decisions back.

    Example: reviewkit conflicts --resolver lead --stage full-text
    """
    if ctx.invoked_subcommand is not None:
        # they print or write the conflicts: dropped, the subcommand would write decisions
        given = ("--list", "prints") if as_list else ("--csv FILE", "writes") if csv_out else None
        if given:
            raise click.UsageError(
                f"{given[0]} {given[1]} the conflicts; it does not go with"
                f" '{ctx.invoked_subcommand}' (give 'reviewkit conflicts {given[0]}' first, then"
                f" '{ctx.invoked_subcommand}')"
            )
        return
    from reviewkit import screening

    project = load_project(project_dir, person=resolver)
    try:
        derived = screening.DerivedStages(project)  # the log read once for every stage
        chosen = stage is None
        if stage is None:
            stage = _first_open_stage(project, resolver, derived)
        # checks blinding first
        views = screening.conflicts(project, stage, resolver, derived=derived)
        if as_list:
            if chosen and stage != STAGES[0]:
                # the list's heading, on stdout before it: on stderr it arrived out of order
                # when piped (the screen's header and the sheet's line name the stage already)
                click.echo(f"{stage}: the first stage with open conflicts (--stage names another)")
            _print_list(project, stage, views)
        if csv_out:
            _write_sheet(project, stage, views, csv_out, resolver)
        if as_list or csv_out:
            return
        from reviewkit.tui.app import run_screen
        from reviewkit.tui.conflicts import ConflictsScreen

        click.echo(run_screen(ConflictsScreen(project, stage, resolver, views)))
    finally:
        project.close()


def _print_list(project: Project, stage: str, views: list[ConflictView]) -> None:
    """The conflicts as `--list` prints them: the record, open or resolved, the title, then
    each vote and the final decision (reasons in the protocol's words, as on screen)."""
    from reviewkit import screening

    rule = project.protocol.stage(stage)
    for view in views:
        rec = screening.read_record(project.db, view.study_id)
        state = "open" if view.open else "resolved"
        # cut by the columns it takes (text_width): a CJK title's characters take two
        click.echo(f"{view.study_id}\t{state}\t{cut(rec.title, 70)}")
        for name, label, reason, notes in view.votes:
            extra = f" ({rule.reason_label(reason)})" if reason else ""
            click.echo(f"\t{name}: {label}{extra}" + "".join(f"\n\t  note: {n}" for n in notes))
        if view.final:
            f = view.final
            words = screening.decision_words(rule, f.label.removeprefix("final-"), f.reason)
            note = f" — {f.note}" if f.note else ""
            click.echo(f"\tfinal by {f.reviewer}: {words}{note}")
            if view.reopened is not None and view.open:  # which opened it again, and when
                click.echo(f"\topen again: {view.reopened.words}")
    if not views:
        click.echo(f"no conflicts at the {stage} stage")


def _write_sheet(
    project: Project, stage: str, views: list[ConflictView], path: Path, resolver: str
) -> None:
    """`--csv FILE`: the stage's open conflicts as a sheet for `conflicts import`, whose command
    it names with the resolver (without it, the import's default, the login name, was refused)
    and the project when it is not the current folder."""
    from reviewkit import screening

    n = screening.write_conflicts_sheet(project, stage, views, path)
    said = f"wrote {quantity(n, 'open conflict')} at {stage} to {path}"
    # copied from another folder, it reaches this project (command_line's --project)
    then = command_line(
        f"conflicts import {shlex.quote(str(path))} --resolver {typed_name(resolver)}"
    )
    click.echo(
        f"{said} (fill the decision column, include or exclude, of those you settle; then '{then}')"
        if n
        else written(said, n, "no conflict is open at this stage; --stage names another")
    )


def _first_open_stage(project: Project, resolver: str, derived: DerivedStages) -> str:
    """The first stage with an open conflict, else the first stage. A lead who resolved the
    title-abstract conflicts and types `reviewkit conflicts` again after full text came to
    resolve the full-text ones: opening on a stage with none left looked like "nothing to do"."""
    from reviewkit import screening
    from reviewkit.errors import UserError

    for stage in STAGES:
        try:
            if screening.conflicts(
                project, stage, resolver, include_resolved=False, derived=derived
            ):
                return stage
        except UserError:  # a stage still open to this resolver: the chosen one says why
            return stage
    return STAGES[0]


@conflicts.command("resolve")
@project_option
@click.argument("record")
@click.option(
    "--decision",
    type=click.Choice(["include", "exclude"]),
    required=True,
    help="The final decision.",
)
@click.option(
    "--reason",
    default="",
    help="The exclusion reason's code, as the protocol's stage lists it (required where the"
    " stage requires one).",
)
@click.option("--note", default="", help="Why, recorded with the decision.")
@click.option(
    "--stage",
    type=click.Choice(STAGES),
    default=None,
    show_default="the stage where the record's conflict is open",
    help="Screening stage.",
)
@resolver_option
@click.option(
    "--replace",
    is_flag=True,
    help="Replace a final decision another resolver made (read it first with --list).",
)
@click.pass_context
def resolve_command(
    ctx: click.Context,
    project_dir: Path,
    record: str,
    decision: str,
    reason: str,
    note: str,
    stage: str | None,
    resolver: str,
    replace: bool,
) -> None:
    """Give the final decision on RECORD's conflict (id, pmid:N or doi:…), as the screen's key.

    \b
    Examples:
      reviewkit conflicts resolve 300 --decision include --resolver lead
      reviewkit conflicts resolve 307 --decision exclude \\
        --reason no-work-outcome --resolver lead
    """
    from reviewkit import screening
    from reviewkit.status import then_line

    resolver = from_group(ctx, "resolver", resolver)
    project = load_project(from_group(ctx, "project_dir", project_dir), person=resolver)
    try:
        record_id = screening.find_record(project.db, record)
        done = screening.resolve_record(
            project,
            record_id,
            resolver,
            decision,
            reason,
            note.strip(),
            stage=from_group(ctx, "stage", stage),
            replace=replace,
        )
        # where work waits now, as 'conflicts import' and the screen's quit line say
        then = then_line(project, resolver, done.decision.stage)
        click.echo(f"{_stored(project, done)}; {_open_at(done)}{then}")
    finally:
        project.close()


def _stored(project: Project, done: Resolution) -> str:
    """'record 13: final exclude (Long-term) at title-abstract by lead', with what it replaced
    (the record as given, and its study where dedup merged it into another)."""
    from reviewkit import screening

    d = done.decision
    rule = project.protocol.stage(d.stage)
    label = d.label.removeprefix("final-")
    replaced = screening.replaced_final_words(rule, done.replaced, label, d.reason)
    words = screening.decision_words(rule, label, d.reason)
    again = "" if done.written else " (given before: nothing written)"
    return f"{done.record_words}: final {words} at {d.stage} by {d.reviewer}{replaced}{again}"


def _open_at(done: Resolution) -> str:
    """'6 conflicts open at title-abstract', as they stand after ``done``."""
    return f"{quantity(done.still_open, 'conflict')} open at {done.decision.stage}"


@conflicts.command("import")
@project_option
@click.argument("sheet", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--stage",
    type=click.Choice(STAGES),
    default=None,
    show_default="each record's stage where its conflict is open",
    help="Screening stage of the rows without a 'stage' column.",
)
@resolver_option
@click.option(
    "--replace",
    is_flag=True,
    help="Replace final decisions another resolver made (read them first with --list).",
)
@click.pass_context
def import_command(
    ctx: click.Context,
    project_dir: Path,
    sheet: Path,
    stage: str | None,
    resolver: str,
    replace: bool,
) -> None:
    """Give the final decisions of a CSV or TSV sheet or an Excel workbook (.xlsx, its first
    worksheet), all or none, as 'resolve' gives one.

    Columns: record, decision (include or exclude), and reason (its code), note and stage if
    wanted; a row refused is named by its line (a workbook's: its row, as Excel numbers it),
    and nothing is written. A row with the vote columns 'conflicts --csv' wrote is refused
    when those votes changed since: write the sheet again.

    \b
    Example (the sheet 'conflicts --csv' wrote; its decision cells filled in):
      reviewkit conflicts --csv conflicts.csv --resolver lead
      reviewkit conflicts import conflicts.csv --resolver lead
    """
    from reviewkit import screening
    from reviewkit.status import then_line

    resolver = from_group(ctx, "resolver", resolver)
    project = load_project(from_group(ctx, "project_dir", project_dir), person=resolver)
    try:
        done = screening.resolve_sheet(
            project,
            sheet,
            resolver,
            stage=from_group(ctx, "stage", stage),
            replace=replace,
            warn=lambda said: say_warnings(sheet, [said]),  # a refusal carries them instead
        )
        for one in done:
            click.echo(_stored(project, one))
        last = {one.decision.stage: one for one in done}  # the count after the sheet's last
        opened = "; ".join(_open_at(one) for one in last.values())
        before = sum(not one.written for one in done)
        given = f" ({before} given before: nothing written for them)" if before else ""
        # where work waits now, as the conflicts screen's quit line says (it had no 'next')
        then = then_line(project, resolver, done[-1].decision.stage) if done else ""
        click.echo(f"{quantity(len(done), 'final decision')} from {sheet}{given}; {opened}{then}")
    finally:
        project.close()


COMMANDS = [conflicts]
