"""Project commands: init, import, status, protocol check, export of records."""

from __future__ import annotations

import shlex
from pathlib import Path

import click
from rich.table import Table

from reviewkit import formats, importer
from reviewkit import protocol as protocol_mod
from reviewkit.cli._common import WARNINGS_SHOWN, Given, console, progress_bar, say_warnings
from reviewkit.cli._project import Name, broken_link, load_project, project_option
from reviewkit.dedup.concerns_kept import keep_project_concerns
from reviewkit.errors import UserError, command_line
from reviewkit.project import init_project
from reviewkit.protocol.names import character_problem
from reviewkit.pubmed.search_checks import search_warnings
from reviewkit.status import (
    classification_line,
    counted_as,
    dedup_line,
    project_status,
    searches_lines,
)
from reviewkit.wording import plural, quantity, verb


def _named_folder(ctx: click.Context, param: click.Parameter, value: str) -> Path:
    """FOLDER as a Path; refused: '' (an unset shell variable: it became '.', and the project
    was made in the current folder), a control or invisible character, a symbolic link that
    leads nowhere, and a file."""
    if not value.strip():
        raise click.BadParameter("an empty name; give the folder to create, e.g. my-review")
    # the folder is named in every message about the project's files and typed after --project:
    # a line break there (a name pasted with its newline) splits those lines and cannot be typed
    if problem := character_problem(value, "folder name"):
        raise click.BadParameter(f"{problem}; give a name that can be typed, e.g. my-review")
    if problem := broken_link(Path(value)):  # mkdir said only 'File exists'
        raise click.BadParameter(problem)
    if Path(value).is_file():  # click said only "Directory '…' is a file."
        raise click.BadParameter(
            f"{value!r} is a file; give the name of a new folder for the project, e.g. my-review"
        )
    return Path(value)


@click.command("init")
@click.argument("folder", type=click.Path(), callback=_named_folder)
@click.option(
    "--protocol",
    "protocol_file",
    required=True,
    type=click.Path(path_type=Path),  # a folder: protocol.load says what to do
    help="Protocol TOML file (those that ship: protocols/*.toml).",
)
def init_command(folder: Path, protocol_file: Path) -> None:
    """Create a review project in FOLDER from a protocol file.

    \b
    Example:
      reviewkit init ../my-review --protocol protocol.toml
    """
    project = init_project(folder, protocol_file)
    p = project.protocol
    click.echo(f"created {folder}/ for '{p.title}'")
    click.echo(
        f"  {quantity(len(p.searches), 'stored search')}, "
        f"{quantity(len(p.schemes), 'classification scheme')}, "
        f"stages: {', '.join(p.stages)}"
    )
    # a new user was left at the prompt with a folder and no word of what to type in it
    imports = "reviewkit import FILE --source NAME (a database's export)"
    first = f"reviewkit search run --all (PubMed) and {imports}" if p.searches else imports
    click.echo(f"next: cd {shlex.quote(str(folder))}, then {first}; then reviewkit dedup")
    project.close()


def _parse_mapping(values: tuple[str, ...]) -> dict[str, str]:
    mapping = {}
    for item in values:
        field, sep, column = item.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise UserError(
                f"--map {item!r} is not FIELD=COLUMN", hint='e.g. --map title="Article Name"'
            )
        previous = mapping.setdefault(field.strip(), column.strip())
        if previous != column.strip():  # which column was meant cannot be guessed
            raise UserError(
                f"--map gives {field.strip()!r} two columns: {previous!r} and {column.strip()!r}",
                hint="keep one --map per field",
            )
    return mapping


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--source",
    type=Name("source name"),
    help="Where the records come from, e.g. Embase, 'Google Scholar', snowballing.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*formats.READ_FORMATS, "nbib", "xml", "bib", "tsv"]),
    help="Force a reader instead of detecting the format from the content.",
)
@click.option(
    "--map",
    "mapping",
    multiple=True,
    metavar="FIELD=COLUMN",
    type=Given("FIELD=COLUMN pair"),
    help="CSV only: which column holds a field (title, abstract, authors, year, doi, pmid …).",
)
@click.option(
    "--encoding",
    type=Given("encoding"),
    help="Text encoding when the file is not UTF-8, e.g. latin-1 or cp1252.",
)
@click.option(
    "--again", is_flag=True, help="Import a file even if the same file was imported before."
)
@project_option
def import_command(
    files: tuple[Path, ...],
    source: str | None,
    fmt: str | None,
    mapping: tuple[str, ...],
    encoding: str | None,
    again: bool,
    project_dir: Path,
) -> None:
    """Import reference files into the project: RIS, nbib, BibTeX, PubMed XML, CSV, Excel … (see --format).

    All files are imported in one transaction: if one fails, nothing is stored.

    \b
    Example:
      reviewkit import sources/other-database.ris --source "other databases"
    """
    mapping_fields = _parse_mapping(mapping)
    with load_project(project_dir) as project, progress_bar("importing") as update:
        summaries = importer.import_files(
            project.db,
            files,
            source=source,
            fmt=fmt,
            mapping=mapping_fields,
            encoding=encoding,
            again=again,
            progress=update,
        )
        if any(s.import_id is not None for s in summaries):  # records added
            keep_project_concerns(project.db)  # read by status and the screen (dedup.concerns)
    # each file as typed (`../embase.ris`), not as stored: an absolute path (importer)
    for typed, s in zip(files, summaries, strict=True):
        shown = str(typed)
        if s.import_id is None:
            click.echo(f"{shown}: skipped, {s.skipped_reason} (use --again to import it anyway)")
        else:
            click.echo(
                f"{shown}: {quantity(s.records, 'record')} ({s.format}, source '{s.source}', "
                f"import #{s.import_id})"
            )
            for label in s.untitled[:WARNINGS_SHOWN]:
                click.echo(f"warning: {shown}: {label} has no title (imported as is)", err=True)
            if s.replaced:  # text lost before the file was saved (importer._replaced)
                where = f"{shown}:{s.replaced_lines[0]}" if s.replaced_lines else shown
                click.echo(
                    f"warning: {where}: {quantity(len(s.replaced), 'record')}"
                    f" {verb(len(s.replaced), 'holds', 'hold')} U+FFFD"
                    f" (\ufffd), the mark a program leaves for a character it could not read"
                    f" (first: {s.replaced[0]}); that text was lost"
                    " before this file was"
                    " saved and is imported as is: check those records in the source",
                    err=True,
                )
            if len(s.untitled) > WARNINGS_SHOWN:  # a file of thousands printed one line each
                more = len(s.untitled) - WARNINGS_SHOWN
                click.echo(
                    f"warning: {shown}: {quantity(more, 'more record')} without a title "
                    "(imported as is)",
                    err=True,
                )
            say_warnings(shown, s.warnings)


@click.command("status")
@project_option
def status_command(project_dir: Path) -> None:
    """Show what the project holds: records per source, studies after dedup, decisions.

    Example: reviewkit status
    """
    with load_project(project_dir) as project:
        s = project_status(project)
    click.echo(f"{s.title} [{s.protocol_id}]")
    table = Table("source", "records", box=None)
    for source, n in s.by_source:
        table.add_row(source, str(n))
    if s.by_source:
        console.print(table)
    else:
        click.echo("no records yet")
    click.echo(f"records: {s.records}  imports: {s.imports}  stored searches: {s.searches}")
    if s.searches_run is not None:
        for line in searches_lines(s.searches_run):
            click.echo(line)
    click.echo(dedup_line(s))
    unit = counted_as(s)  # 'record' until dedup has run: records are not studies yet
    for st in s.stages:  # decisions in force: no notes, undos or undone entries
        finals = f", {st.finals} final" if st.finals else ""
        # 'in conflict' is the reviewers' disagreements; conflicts' 'open' counts merged
        # records that disagree and votes that came after the final too (changed after it, or
        # cast before it in a reviewer's copy and imported after it): the words say which
        again = [
            f"{quantity(st.disagree, 'merged study', 'merged studies')} whose records disagree"
            if st.disagree
            else "",
            f"{quantity(st.reopened, 'study', 'studies')} whose votes came after the final"
            if st.reopened
            else "",
        ]
        open_ = st.conflicts + st.disagree + st.reopened
        merged = (
            f" (and {', '.join(a for a in again if a)}:"
            f" {quantity(open_, 'conflict')} open for the lead, {command_line('conflicts')})"
            if st.disagree or st.reopened
            else ""
        )
        click.echo(
            f"{st.stage}: {quantity(st.decisions, 'decision')} ({quantity(st.votes, 'vote')}"
            f"{finals}) · {quantity(st.studies, unit)}: {st.included} included, "
            f"{st.excluded} excluded, "
            f"{st.pending} pending, {st.conflicts} in conflict{merged}"
        )
    if s.included_studies is None:
        click.echo(f"included {plural(unit)}: {s.included}")
    else:  # several reports of one study, linked by a person
        click.echo(f"included studies: {s.included_studies} ({quantity(s.included, 'report')})")
    if s.notices:  # the Cochrane Handbook's check of included studies (dedup.concerns)
        click.echo(
            f"included with a retraction, erratum or expression of concern: {len(s.notices)}"
        )
        for report, said in s.notices:
            click.echo(f"  record {report}: {said}")
    for scheme in s.classification:  # counted per report: what `confirm` walks and confirms
        click.echo(classification_line(scheme, unit if s.included_studies is None else "report"))
    # the versions a later report's PRISMA update diagram compares with
    for name, day, studies in s.versions:
        click.echo(f"review version {name!r} recorded {day}: {quantity(studies, 'study')} included")


@click.group("protocol")
def protocol_group() -> None:
    """Work with protocol files."""


@protocol_group.command("check")
@click.argument("file", type=click.Path(path_type=Path))  # a folder: protocol.load says what to do
@click.option(
    "--project",
    "project_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Also check FILE against this project's logs (default: the project FILE is the"
    " protocol.toml of, if it is one).",
)
def protocol_check(file: Path, project_dir: Path | None) -> None:
    """Validate a protocol file and summarise it; for a project's protocol (or with
    --project), also refuse an edit that loses what the project's logs use.

    Example: reviewkit protocol check protocol.toml
    """
    p = protocol_mod.load(file)
    _check_against_project(p, file, project_dir)
    click.echo(f"{file}: valid — '{p.title}'")
    click.echo(f"  reviewers: {', '.join(p.reviewers)}")
    if p.leads:  # who resolve, confirm and extract but do not screen
        click.echo(f"  leads: {', '.join(p.leads)}")
    for s in p.searches:
        click.echo(f"  search {s.name}: {_shortened(s.query)}")
        if limits := s.limits.as_query_terms():
            click.echo(f"    limits: {' AND '.join(limits)}")
        for warning in search_warnings(s):
            click.echo(f"  warning: {file}: search {s.name}: {warning}")
    for name, stage in p.stages.items():
        click.echo(
            f"  stage {name}: {quantity(stage.reviewers_per_record, 'reviewer')} per record, "
            f"{quantity(len(stage.exclusion_reasons), 'exclusion reason')}"
        )
    for sid, scheme in p.schemes.items():
        click.echo(f"  scheme {sid}: {', '.join(scheme.label_ids)}")
    if p.extraction:  # the ids `extract set` and the extraction CSV take
        click.echo(f"  extraction fields: {', '.join(f.id for f in p.extraction)}")


def _shortened(query: str, width: int = 100) -> str:
    """QUERY in at most WIDTH characters: its start and its end around '…'. Searches that
    share a long common block and AND one topic onto it (Review A's eight) differ only at
    the end, so a summary that cut the end off showed eight identical lines."""
    if len(query) <= width:
        return query
    head = width * 2 // 5
    tail = len(query) - (width - head - 3)
    start, end = query[:head], query[tail:]
    # cut between words: a word shown in part read as another ('… D (employment' for AND)
    if query[head] != " " and " " in start:
        start = start.rsplit(" ", 1)[0]
    if query[tail - 1] != " " and " " in end:
        end = end.split(" ", 1)[1]
    return f"{start.rstrip()} … {end.lstrip()}"


def _check_against_project(p: protocol_mod.Protocol, file: Path, project_dir: Path | None) -> None:
    """With --project, or for a project's own protocol.toml: the checks every command makes
    when it opens the project (the same review id; nothing the logs use is gone), so an edit
    is refused here, before the next command meets it."""
    from reviewkit.errors import ProtocolError
    from reviewkit.project import DATABASE_FILE, PROTOCOL_FILE, open_project
    from reviewkit.protocol_in_use import check_protocol_keeps_what_is_used

    if project_dir is None:
        if file.name != PROTOCOL_FILE or not (file.parent / DATABASE_FILE).is_file():
            return
        project_dir = file.parent
    with open_project(project_dir) as project:
        if project.protocol.id != p.id:
            raise ProtocolError(
                f"review.id: {p.id!r}, but {project.database_path} holds review"
                f" {project.protocol.id!r}",
                where=str(file),
                hint=f'keep id = "{project.protocol.id}" (the rest may change)',
            )
        check_protocol_keeps_what_is_used(project, p)


COMMANDS = [init_command, import_command, status_command, protocol_group]
