"""Screening commands: screen, agreement, decisions export/import, attach (conflicts: .conflicts)."""

from __future__ import annotations

from pathlib import Path

import click

from reviewkit import outputs
from reviewkit.cli._common import OutputPath, csv_option
from reviewkit.cli._project import (
    Name,
    load_project,
    project_option,
    reviewer_option_with,
    typed_reader,
)
from reviewkit.protocol import STAGES
from reviewkit.wording import quantity, verb

stage_option = click.option(
    "--stage",
    type=click.Choice(STAGES),
    default="title-abstract",
    show_default=True,
    help="Screening stage.",
)


@click.command()
@project_option
@reviewer_option_with("Your name, as listed in the protocol's reviewers.", typed=True)
@stage_option
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Seed of your queue's random order (with --no-rank, and among records the terms tie).",
)
@click.option(
    "--rank/--no-rank",
    default=True,
    show_default=True,
    help="Likely includes first: by the protocol's terms until you have 5 includes and 5 "
    "excludes, then by a model of your own votes only. --no-rank: the seeded random order.",
)
def screen(project_dir: Path, reviewer: str, stage: str, seed: int, rank: bool) -> None:
    """Screen records one at a time in the terminal (blinded; every key commits at once).

    Example: reviewkit screen --reviewer you --stage full-text
    """
    from reviewkit.ranking.queue import QueueRanker
    from reviewkit.screening import ReviewerQueue
    from reviewkit.tui.actions import load_keymap

    load_keymap()  # a keymap that would lock the reviewer out stops here, before any work
    project = load_project(project_dir)
    ranking = None
    try:
        queue = ReviewerQueue(project, stage, reviewer, seed=seed)
        ranking = QueueRanker(queue) if rank else None
        from reviewkit.tui.app import run_screen
        from reviewkit.tui.screening import ScreeningScreen

        click.echo(run_screen(ScreeningScreen(queue, ranking=ranking)))
    finally:
        if ranking is not None:
            ranking.close()
        project.close()


@click.command()
@project_option
@click.option(
    "--stage", type=click.Choice(STAGES), default=None, help="One stage (default: every stage)."
)
@csv_option(
    "csv_file", "Also write a CSV file, its title and notes beside it (a.csv: a.notes.txt)."
)
def agreement(project_dir: Path, stage: str | None, csv_file: Path | None) -> None:
    """Inter-rater agreement: counts table, percent agreement, Cohen's kappa (95% CI), PABAK.

    \b
    Kappa and PABAK are over the answers the two reviewers gave: include /
    exclude / uncertain, a 3x3 table when either used 'uncertain' (2x2 when
    neither did). 'uncertain' against 'include' counts as a disagreement, as
    against 'exclude'. Kappa for include vs exclude alone is given too:
    'uncertain' counts as include where the stage sends it on (advance_on), as
    Covidence counts a 'maybe' as 'yes'; elsewhere the studies with an
    'uncertain' vote are left out, and counted.

    Example: reviewkit agreement --csv exports/agreement-counts.csv
    """
    from reviewkit.reports.writers import Table, notes_path, write_notes

    if csv_file:  # before the work: a path that cannot be written fails at once (and its notes)
        outputs.check_output(csv_file)
        outputs.check_output(notes_path(csv_file))
    from reviewkit import agreement as ag
    from reviewkit import agreement_tables as tables

    project = load_project(project_dir)
    try:
        results = ag.agreement(project, stage)
        click.echo(tables.to_text(results), nl=False)
        if csv_file:
            tables.write_csv(results, csv_file)
            # its title and notes beside it, as every CSV reviewkit writes (reports.writers)
            table = Table(
                "agreement",
                tables.CSV_TITLE,
                list(tables.CSV_COLUMNS),
                note=tables.csv_note(results),
            )
            click.echo(f"wrote {csv_file} and {write_notes(table, csv_file)}", err=True)
    finally:
        project.close()


@click.group()
def decisions() -> None:
    """Exchange decision logs between machines (JSON lines)."""


@decisions.command("export")
@project_option
@reviewer_option_with("Whose decisions to export, as the protocol lists them.", typed=True)
@click.argument("file", type=OutputPath(dir_okay=False, writes="JSON lines", endings=(".jsonl",)))
def export_cmd(project_dir: Path, reviewer: str, file: Path) -> None:
    """Write one reviewer's (or resolver's) decision log to FILE.

    Example: reviewkit decisions export --reviewer demo-reviewer-2 r2.jsonl
    """
    from reviewkit.decisions.exchange import check_exporter, export_decisions

    outputs.check_output(file)
    project = load_project(project_dir)
    try:
        check_exporter(project.protocol, project.db, reviewer)
        n = export_decisions(project.db, reviewer, file)
        click.echo(f"exported {quantity(n, 'entry')} of {reviewer} to {file}")
    finally:
        project.close()


@decisions.command("import")
@project_option
@click.option(
    "--allow-missing-reasons",
    is_flag=True,
    help="Accept exclusions without a reason in a stage that now requires one "
    "(made before the protocol changed).",
)
@reviewer_option_with(
    "Who imports, as the protocol lists them (a name it does not list is refused): of the"
    " conflicts the file opens again (votes after a final; finals on studies merged here), a"
    " lead is told what to do, anyone else that a lead does it and sees them in 'conflicts'."
    " Left out, anyone may import, told as a reviewer unless the name read is a lead's."
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def import_cmd(
    ctx: click.Context, project_dir: Path, allow_missing_reasons: bool, reviewer: str, file: Path
) -> None:
    """Add the entries of FILE to this project's log (idempotent; refuses conflicting files).

    \b
    Example (the log 'decisions export' wrote, read back: nothing new):
      reviewkit decisions export --reviewer demo-reviewer-2 r2.jsonl
      reviewkit decisions import r2.jsonl --reviewer demo-lead
    """
    from reviewkit.decisions.exchange import import_decisions
    from reviewkit.protocol_in_use import leads
    from reviewkit.screening.imported_finals import taken_by_time, told, what_to_do, where_resolved

    project = load_project(project_dir, person=typed_reader(ctx, reviewer))

    def lead() -> bool:  # who imports is told what to do only as a lead (both sentences)
        return reviewer in leads(project)

    try:
        result = import_decisions(
            project.db, file, project.protocol, allow_missing_reasons=allow_missing_reasons
        )
        said = f"added {quantity(result.added, 'entry')}, {result.already_present} already present"
        if result.after_final:  # the whole log is derived only then
            from reviewkit.screening.outcomes import reopened_studies

            # a final the lead gave without votes the file brought (cast after it, or before
            # it in the copy): the lead is told now, not at the next status. Only those this
            # import opened: a study open again before it (an earlier file's vote) that the
            # file adds a vote to was counted too; the log without the file's entries is the
            # log before the import (it is append-only)
            now = reopened_studies(project) & result.after_final
            if n := len(now - reopened_studies(project, without=result.added_ids)):
                them = verb(n, "it", "them")
                by = reviewer if lead() else ""  # a lead types the line: it names them
                where = where_resolved(by)
                todo = what_to_do(bool(by), ("resolve", "resolves"), them, them, where)
                said += (
                    f"; {quantity(n, 'conflict')} settled before {verb(n, 'is', 'are')} open"
                    f" again: this file's votes came after {verb(n, 'its', 'their')} final"
                    f" decision; {todo}"
                )
        click.echo(said)
        # told by the final's clock; a final here whose study_records came only now, where
        # they change what it settles (else nothing new is said)
        taken = taken_by_time(project, result.added_ids, result.resettled)
        for sentence in told(taken, lead=reviewer if taken and lead() else ""):
            click.echo(sentence)
    finally:
        project.close()


@click.command()
@project_option
@click.argument("record")
@click.argument("target")
@click.option(
    "--by",
    "added_by",
    type=Name(),
    default=None,
    help="Who attaches it, as the protocol lists them (no name without it).",
)
def attach(project_dir: Path, record: str, target: str, added_by: str | None) -> None:
    """Attach a full text to RECORD (id, pmid:N or doi:…): a PDF path or an http(s) URL.

    \b
    Example:
      reviewkit attach pmid:34092692 https://example.org/full-text.pdf --by you
    """
    from reviewkit import screening

    project = load_project(project_dir, person=added_by)  # anyone, when --by is not given
    try:
        record_id = screening.find_record(project.db, record)
        before = screening.study_attachment(project.db, record_id)
        att = screening.attach(
            project.db, record_id, target, added_by=added_by or "", protocol=project.protocol
        )
        replaced = screening.replaced_words(before, att)
        click.echo(f"record {record_id}: attached {att.kind} {att.target}{replaced}")
    finally:
        project.close()


COMMANDS = [screen, agreement, decisions, attach]
