"""Dedup commands: find duplicates, review uncertain pairs, split a cluster, report counts."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import click
from click.core import ParameterSource

from reviewkit.cli._common import load_project, progress_bar, project_option, run_app


def _project_dir(ctx: click.Context, project_dir: Path) -> Path:
    """The subcommand's --project, else the one given to the group ('dedup --project X report')."""
    if (
        ctx.get_parameter_source("project_dir") is ParameterSource.DEFAULT
        and ctx.parent is not None
    ):
        return ctx.parent.params.get("project_dir", project_dir)
    return project_dir


def _default_reviewer() -> str:
    return os.environ.get("REVIEWKIT_REVIEWER") or getpass.getuser()


reviewer_option = click.option(
    "--reviewer",
    default=_default_reviewer,
    show_default="$REVIEWKIT_REVIEWER or your login",
    help="Your name; every verdict and split records it.",
)


@click.group(invoke_without_command=True)
@project_option
@click.pass_context
def dedup(ctx: click.Context, project_dir: Path) -> None:
    """Find duplicate records and link them into clusters (incremental; nothing is deleted).

    Pairs that are close but not sure go to a review queue: 'reviewkit dedup review'.
    """
    if ctx.invoked_subcommand is not None:
        return
    from reviewkit.dedup.engine import run_dedup

    project = load_project(project_dir)
    try:
        with progress_bar("Comparing pairs") as update:
            result = run_dedup(project.db, progress=update)
    finally:
        project.close()
    if result.run_id is None:
        click.echo(
            f"nothing new: all {result.records} records were already compared ({result.studies} studies)"
        )
        return
    click.echo(
        f"{result.new_records} new records, {result.pairs_compared} pairs compared: "
        f"{result.duplicates} duplicate links, {result.uncertain} pairs to review"
        + (f" ({result.refused} held back by the chaining guard)" if result.refused else "")
    )
    click.echo(f"{result.records} records → {result.studies} studies")
    if result.uncertain:
        click.echo("review the uncertain pairs with: reviewkit dedup review")


@dedup.command()
@project_option
@reviewer_option
@click.pass_context
def review(ctx: click.Context, project_dir: Path, reviewer: str) -> None:
    """Decide uncertain pairs side by side (s same, d different, k skip, z undo, ? help)."""
    from reviewkit.dedup.engine import person_id

    person_id(reviewer)  # refuse an empty name before the screen opens
    project = load_project(_project_dir(ctx, project_dir))
    try:
        from reviewkit.tui.dedup_review import DedupReviewApp

        run_app(DedupReviewApp(project.db, reviewer))
    finally:
        project.close()


@dedup.command("split")
@project_option
@reviewer_option
@click.argument("record_id", type=int)
@click.pass_context
def split_cmd(ctx: click.Context, project_dir: Path, reviewer: str, record_id: int) -> None:
    """Take RECORD_ID out of its duplicate cluster (undoes its merges; logged, never deleted)."""
    from reviewkit.dedup.engine import split

    project = load_project(_project_dir(ctx, project_dir))
    try:
        n = split(project.db, record_id, reviewer)
    finally:
        project.close()
    click.echo(
        f"record {record_id} split from its cluster ({n} link{'s' if n != 1 else ''} broken)"
    )


@dedup.command("report")
@project_option
@click.option(
    "--csv",
    "csv_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the clusters (one row per record) to this CSV file.",
)
@click.pass_context
def report_cmd(ctx: click.Context, project_dir: Path, csv_file: Path | None) -> None:
    """Counts for PRISMA: duplicates removed automatically and by hand, pairs left to review."""
    from reviewkit.dedup.engine import dedup_report, write_clusters_csv

    project = load_project(_project_dir(ctx, project_dir))
    try:
        rep = dedup_report(project.db)
        clusters = write_clusters_csv(project.db, csv_file) if csv_file else None
    finally:
        project.close()
    click.echo(f"records:                          {rep.records}")
    click.echo(f"duplicates removed automatically: {rep.removed_automatically}")
    click.echo(f"duplicates removed by hand:       {rep.removed_by_hand}")
    click.echo(f"studies after dedup:              {rep.studies}")
    click.echo(f"clusters (2+ records):            {rep.clusters}")
    click.echo(f"pairs waiting for review:         {rep.pending_review}")
    if csv_file is not None:
        click.echo(f"wrote {clusters} clusters to {csv_file}")


COMMANDS = [dedup]
