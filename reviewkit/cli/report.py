"""Report commands: report (everything), export (included studies), prisma (the flow diagram)."""

from __future__ import annotations

from pathlib import Path

import click

from reviewkit import outputs, text_width
from reviewkit.cli._common import OutputPath, out_dir_option, out_folder
from reviewkit.cli._project import Name, load_project, project_option
from reviewkit.cli._written import no_records, nothing_included, nothing_to_stdout, written
from reviewkit.errors import UserError, command_line
from reviewkit.wording import quantity


@click.command("report")
@project_option
@out_dir_option("Folder for the report files.")
@click.option(
    "--format",
    "formats",
    default="csv,xlsx,md,docx",
    show_default=True,
    help="Comma-separated: csv, xlsx, md, docx.",
)
@click.option(
    "--new-version",
    "new_version",
    metavar="NAME",
    type=Name("version name"),
    help="Record this report's review as a version named NAME (e.g. '2021 review'): after "
    "later search runs or imports, PRISMA draws the update diagram with its counts.",
)
@click.option(
    "--authors-columns",
    is_flag=True,
    help="Report tables in the protocol's columns only (no Reports, Label status or Prefilled, "
    "not checked columns); a study's reports are listed in its Reference cell.",
)
def report_command(
    project_dir: Path,
    out_dir: Path | None,
    formats: str,
    new_version: str | None,
    authors_columns: bool,
) -> None:
    """Write the report: tables per label, evidence map, PRISMA 2020, agreement, exports.

    Example: reviewkit report --format md,docx --out exports/2021
    """
    from reviewkit.project import PROTOCOL_FILE
    from reviewkit.reports.report import evidence_schemes, write_report
    from reviewkit.reports.studies import included_export

    chosen = [f.strip().lower() for f in formats.split(",") if f.strip()]
    if not chosen:  # '--format ""' (an unset shell variable) wrote no table and said nothing
        raise click.BadParameter(
            "no format named; give one or more of csv, xlsx, md, docx", param_hint="'--format'"
        )
    out_dir = out_folder(project_dir, out_dir)
    project = load_project(project_dir)
    try:
        paths = write_report(
            project,
            out_dir,
            chosen,
            new_version=new_version or "",
            authors_columns=authors_columns,
        )
        click.echo(f"{quantity(len(paths), 'file')} written to {out_dir}/")
        for p in paths:
            click.echo(f"  {p}")
        if evidence_schemes(project) is None:  # the README's list names a map: say why not
            n = sum(1 for s in project.protocol.schemes.values() if s.kind == "scheme")
            click.echo(
                "no evidence map: a map crosses two classification schemes, and "
                f"{PROTOCOL_FILE} has {'one' if n == 1 else 'none'} (a [schemes.NAME] table each)"
            )
        if not included_export(project).reports:  # the files are there, their tables empty
            click.echo(
                written("0 included studies in the tables and exports", 0, nothing_included())
            )
        if new_version:
            from reviewkit.reports.versions import latest, unsettled

            v = latest(project)
            if v is not None:
                click.echo(
                    f"recorded version {v.name!r}: "
                    f"{quantity(v.included_studies, 'study', 'studies')} included"
                    f" ({quantity(v.included_reports, 'report')}); a later report after new"
                    " records draws PRISMA's update diagram from it"
                )
                open_work = unsettled(project)
                if open_work:
                    click.echo(
                        f"warning: screening was not finished when {v.name!r} was recorded"
                        f" ({'; '.join(open_work)}): a later update diagram's flow counts"
                        " only records stored after the version, so these studies are left out"
                        " of it (a version is never changed; record the one you publish once"
                        " screening is done)",
                        err=True,
                    )
    finally:
        project.close()


@click.command("export")
@project_option
@click.option(
    "--included",
    is_flag=True,
    help="Export the included studies: what export always writes (kept so scripts that pass it"
    " still run).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ris", "bibtex", "csv"]),
    required=True,
    help="File format for the reference manager.",
)
@click.option(
    "--all",
    "every_record",
    is_flag=True,
    help="With --format csv: every record, duplicates too, with its fate (duplicate of, each"
    " stage's outcome and exclusion reason): one sheet of the whole review.",
)
@click.option(
    "--new",
    "since_version",
    is_flag=True,
    help="Only the reports included since the version recorded with 'report --new-version'"
    " that the PRISMA update diagram counts from: what an update adds to the previous"
    " version's library.",
)
@click.option(
    "--out",
    "out_file",
    type=OutputPath(dir_okay=False, writes="RIS, BibTeX or CSV", endings=(".ris", ".bib", ".csv")),
    default=None,
    help="Output file (default: standard output).",
)
def export_command(
    project_dir: Path,
    included: bool,
    fmt: str,
    every_record: bool,
    since_version: bool,
    out_file: Path | None,
) -> None:
    """Export the included studies for a reference manager (CSV: with their screening outcomes).

    The studies included at the last screening stage, with or without --included; with --new,
    those included since the previous version; with --format csv --all, every record
    and its fate.

    Example: reviewkit export --format ris --out included.ris
    """
    from reviewkit.reports.exporter import export_every_record, export_records, export_to_file
    from reviewkit.reports.studies import included_export

    del included  # the included studies are what export writes, with or without the flag
    # --new with --all first: '--new --all --format ris' is told the two do not go together,
    # not sent to '--format csv --all', after which it would be refused again
    if every_record and since_version:
        raise UserError(
            "--all writes every record and --new the studies included since the last version;"
            " give one of them",
            hint="--format csv --all has each record's fate; --new --format ris what the update"
            " adds",
        )
    if every_record and fmt != "csv":  # a fate has no place in a reference manager's file
        raise UserError(
            f"--all writes every record with its screening outcomes, which {fmt} has no place for",
            hint="use --format csv --all for the sheet of every record; --format"
            f" {fmt} writes the included studies",
        )
    if out_file is not None:
        outputs.check_output(out_file)
    project = load_project(project_dir)
    try:
        if every_record:
            text, n = export_every_record(project, out_file)
            if out_file is None:
                click.echo(text.encode("utf-8"), nl=False)
                nothing_to_stdout("records", n, no_records())
            else:
                said = f"{quantity(n, 'record')} and their fates written to {out_file}"
                click.echo(written(said, n, no_records()), err=True)
            return
        if since_version:
            ids, noun, (said, after), why = _since_version(project, fmt)
        else:
            chosen = included_export(project)
            ids, noun, why = chosen.reports, "included studies", _why_empty(fmt)
            said, after = _exported(len(ids), chosen.studies), ""
        if out_file is None:
            # UTF-8 bytes, as the --out file is, whatever the locale's encoding (bytes go to
            # the binary stream under stdout)
            click.echo(export_records(project, ids, fmt).encode("utf-8"), nl=False)
            nothing_to_stdout(noun, len(ids), why)
        else:
            export_to_file(project, ids, fmt, out_file)
            # the words around the file's name: a version's name is the team's text, never a
            # format string ('2022 {draft}' failed here)
            said = f"{said} written to {out_file}{after}"
            click.echo(written(said, len(ids), why), err=True)
    finally:
        project.close()


def _since_version(project, fmt: str) -> tuple[list[int], str, tuple[str, str], str]:
    """``export --new``: the reports included since the update's version, what to call them,
    the line said after writing them (before and after the file's name) and why the file may
    be empty."""
    from reviewkit.reports.versions import included_since

    since = included_since(project)
    noun = f"reports included since version {since.version!r}"
    said = f"{quantity(len(since.reports), 'report')} included since version {since.version!r}"
    # told apart as the update diagram tells them, so the file's count reconciles with it
    parts = []
    if since.of_earlier:
        reports = "a new report" if since.of_earlier == 1 else "new reports"
        parts.append(f"{since.of_earlier} of them {reports} of a study included before")
    if since.of_version:
        parts.append(
            f"{len(since.of_version)} of the version's own records, included since it was recorded"
        )
    after = f" ({'; '.join(parts)})" if parts else ""
    nothing = (
        f"nothing was included since version {since.version!r}: screen the update's records"
        f" ('{command_line('status')}' shows what waits)"
    )
    return since.reports, noun, (said, after), _why_empty(fmt, nothing)


def _why_empty(fmt: str, nothing: str = "") -> str:
    """Why an export of the included studies is empty (``nothing``); RIS and BibTeX have no
    header, so their empty file is 0 bytes, in which a reference manager finds nothing to
    import."""
    nothing = nothing or nothing_included()
    if fmt == "csv":
        return nothing
    named = {"ris": "RIS", "bibtex": "BibTeX"}[fmt]
    return f"{nothing}; a reference manager imports nothing from an empty {named} file"


def _exported(reports: int, studies: int | None) -> str:
    """'4 included studies', or '4 reports of 3 included studies' when a person linked reports
    of one study (``studies``; None: one study per report): the file has a reference per
    report (README, section 7), `status` counts the studies, and the two numbers must not read
    as one."""
    if studies is None:
        return quantity(reports, "included study")
    return f"{quantity(reports, 'report')} of {quantity(studies, 'included study')}"


@click.command("prisma")
@project_option
@out_dir_option("Folder for prisma.png, prisma.svg, prisma.csv and prisma.notes.txt.")
def prisma_command(project_dir: Path, out_dir: Path | None) -> None:
    """Draw the PRISMA 2020 flow diagram (PNG, SVG) and write its numbers (CSV).

    Example: reviewkit prisma --out exports
    """
    from reviewkit.reports import prisma
    from reviewkit.reports.report import prisma_table
    from reviewkit.reports.writers import notes_path, write_csv

    out_dir = out_folder(project_dir, out_dir)
    # all four, or none replaced; the notes too, as `report` writes them: a notes file left
    # by an earlier report beside a new prisma.csv would speak of other numbers
    for path in (out_dir / "prisma.png", out_dir / "prisma.svg", out_dir / "prisma.csv"):
        outputs.check_output(path)
    outputs.check_output(notes_path(out_dir / "prisma.csv"))
    project = load_project(project_dir)
    try:
        counts = prisma.collect_counts(project)
        problems = prisma.check(counts)
        rows = counts.rows()
        # names vary in length, and a source's name may hold characters two columns wide
        width = max((text_width.width(item) for _, item, _ in rows), default=0) + 2
        heading = ""
        for section, item, n in rows:
            if section != heading:  # the columns repeat items ('records screened'): name each
                click.echo(f"{section}:")
                heading = section
            click.echo(f"{text_width.pad(item, width)}{n:>6}")
        if problems:
            raise UserError("the PRISMA numbers do not add up: " + "; ".join(problems))
        for p in (
            prisma.draw(counts, out_dir / "prisma.png"),
            prisma.draw(counts, out_dir / "prisma.svg"),
            *write_csv([prisma_table(counts)], out_dir),  # prisma.csv and its notes, as `report`
        ):
            click.echo(str(p))
    finally:
        project.close()


COMMANDS = [report_command, export_command, prisma_command]
