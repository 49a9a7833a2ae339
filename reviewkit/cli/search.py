"""Search commands: run and rerun stored searches, their history, log and diffs; test a query."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.table import Table

from reviewkit.cli._common import Given, OutputPath, Seconds, console, csv_option, progress_bar
from reviewkit.cli._eutils import base_url_option, email_option, eutils_client
from reviewkit.cli._project import load_project, project_option
from reviewkit.errors import Interrupted, UserError, command_line
from reviewkit.text_width import cut
from reviewkit.wording import listed, quantity

if TYPE_CHECKING:
    from reviewkit.searches import RunDiff, RunReport


@click.group("search")
def search_group() -> None:
    """Run the protocol's stored PubMed searches, rerun them, and compare runs."""


@search_group.command("run")
@click.argument("names", nargs=-1, type=Given("search name"))
@click.option("--all", "run_all", is_flag=True, help="Run every stored search of the protocol.")
@base_url_option
@email_option
@click.option(
    "--batch-size",
    default=500,
    show_default=True,
    type=click.IntRange(1, 10_000),
    help="Records per efetch request.",
)
@click.option(
    "--timeout",
    default=60.0,
    show_default=True,
    type=Seconds(0.1),
    help="Seconds per request.",
)
@project_option
def run_command(
    names: tuple[str, ...],
    run_all: bool,
    base_url: str | None,
    email: str | None,
    batch_size: int,
    timeout: float,
    project_dir: Path,
) -> None:
    """Run stored searches NAME ... (or --all); an interrupted run resumes where it stopped.

    \b
    Example:
      reviewkit search run --all

    Offline, as the README's walk-through does: 'reviewkit pubmed serve' in another terminal,
    and REVIEWKIT_EUTILS_URL set to the address it prints (or --base-url that address).
    """
    from reviewkit.dedup.concerns_kept import keep_project_concerns
    from reviewkit.pubmed.search_checks import search_warnings
    from reviewkit.searches import run_searches, searches_to_run

    project = load_project(project_dir)  # first: the hint's command names the project
    if bool(names) == run_all:
        raise UserError(
            "name the searches to run, or pass --all (not both)",
            hint=f"see the names with '{command_line('search history')}' or in the protocol",
        )
    # unknown names, or none stored, fail before any request and before an email is asked for
    for s in searches_to_run(project, list(names) or None):
        for warning in search_warnings(s):  # what `protocol check` says, said again here
            click.echo(f"warning: {project.protocol_path}: search {s.name}: {warning}", err=True)
    client = eutils_client(base_url, email, batch_size=batch_size, timeout=timeout)
    current: dict[str, object] = {}
    with progress_bar("searching") as update:

        def progress(name: str, done: int, total: int) -> None:
            if current.get("name") != name:
                current["name"] = name
                console.print(f"[bold]{name}[/]: fetching {quantity(total, 'record')}")
            update(done, total)

        try:
            reports = run_searches(
                project,
                list(names) or None,
                client,
                progress,
                warn=lambda text: click.echo(f"warning: {text}", err=True),
            )
        except KeyboardInterrupt:
            during = f" during search {current['name']}" if "name" in current else ""
            raise Interrupted(
                f"interrupted{during}; every batch fetched so far is stored",
                hint=f"run '{command_line(_resume_words(names, base_url))}' again to resume"
                " (searches already finished are not run again)",
            ) from None
    if any(r.stored for r in reports):  # records added: the notices about them, kept
        keep_project_concerns(project.db)
    said: dict[tuple[str, str], str] = {}  # each message printed this run: the search it came with
    for r in reports:
        if r.already_finished:
            click.echo(
                f"{r.search}: {quantity(r.count, 'record')} (run {r.run_id}), finished before the"
                " interruption; not run again"
            )
            continue
        resumed = ", resumed" if r.resumed else ""
        line = f"{r.search}: {quantity(r.count, 'record')} (run {r.run_id}{resumed}), {r.stored} stored"
        if r.previous_run is not None:
            line += f"; since run {r.previous_run}: " + _compared(r, r.previous_run, r.run_id)
        if r.unavailable:
            line += f"; {len(r.unavailable)} listed but not returned"
        click.echo(line)
        _echo_deleted(r.deleted)  # one line, not a message per PMID
        _echo_run_messages(r.search, r.messages, said)
    project.close()


def _resume_words(names: tuple[str, ...], base_url: str | None) -> str:
    """The words that resume these runs, with the --base-url typed: a URL from
    REVIEWKIT_EUTILS_URL stays set in the terminal the line is typed in."""
    from click.core import ParameterSource

    from reviewkit.searches.run import resume_words

    typed = click.get_current_context().get_parameter_source("base_url")
    return resume_words(names, base_url if typed == ParameterSource.COMMANDLINE else None)


def _compared(d: RunDiff | RunReport, run_a: int, run_b: int) -> str:
    """'N new, N gone (K deleted from PubMed), N changed' and why new and gone may be no
    change of PubMed's records: the query edited, or the same query translated differently."""
    from reviewkit.searches.diff import counts_text, translator

    text = counts_text(d)
    if d.query_edited:
        text += (
            f" ({d.edit.summary(f'between run {run_a} and run {run_b}')}; new and gone count"
            " the edit's too, not only what PubMed added or removed)"
        )
    elif d.translation_changed:
        who, whose, _why = translator(d)
        text += (
            f" ({who} translated the same query differently in run {run_b} than in run {run_a}:"
            f" new and gone may be {whose}; both translations: search history {d.search})"
        )
    return text


def _terminal_width() -> int | None:
    """The terminal's width when stdout is one; None when it is piped (a file, less, grep keep
    whole titles)."""
    import shutil
    import sys

    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


def _echo_deleted(deleted: list[str]) -> None:
    """The gone PMIDs PubMed no longer has, in one line (the log keeps each with its run)."""
    if deleted:
        click.echo(
            "  gone because PubMed deleted them (it deletes duplicate citations, keeping one"
            f" PMID of the article; no search finds them now): {' '.join(deleted)}"
        )


def _echo_run_messages(
    search: str, messages: list[tuple[str, str]], said: dict[tuple[str, str], str]
) -> None:
    """A run's messages: NCBI's and drift once (:func:`_echo_messages_once`), the records it
    gave NLM's categories in one line (:mod:`reviewkit.searches.categories`); the PMIDs PubMed
    deleted are said by :func:`_echo_deleted`; the rest one to a line, as the search log says
    them (:func:`reviewkit.pubmed.messages.one_per_line`)."""
    from reviewkit.pubmed.messages import one_per_line
    from reviewkit.searches.categories import completed_text

    if categories := completed_text(messages):
        click.echo(f"  {categories}")
    _echo_messages_once(search, one_per_line(messages), said)


def _echo_messages_once(
    search: str, messages: list[tuple[str, str]], said: dict[tuple[str, str], str]
) -> None:
    """A search's messages, those printed for an earlier search of this run only counted: the
    searches of a protocol share a block of terms and the local server's notes about itself,
    which said once per search buried the ones that differ. Every run keeps all its own."""
    _echo_messages([m for m in messages if m not in said])
    before = [said[m] for m in messages if m in said]
    if before:
        named = listed(dict.fromkeys(before), 3)
        click.echo(
            f"  and {quantity(len(before), 'message')} as for {named} above"
            f" (each run keeps its own: search history {search})"
        )
    for m in messages:
        said.setdefault(m, search)


@search_group.command("history")
@click.argument("name", required=False, type=Given("search name"))
@project_option
def history_command(name: str | None, project_dir: Path) -> None:
    """List the runs of every search, or of NAME (the PRISMA-S log).

    Example: reviewkit search history d1-sick-leave

    (a name of [[searches]] in the protocol: the demo's first)
    """
    from reviewkit.searches import history

    project = load_project(project_dir)
    runs = history(project.db, name)
    # A search renamed or removed after it ran keeps its runs under its old name (the search
    # log lists them too); only a name with neither a search nor runs is refused.
    if name and not runs:
        project.protocol.search(name)
    if not runs:
        click.echo(f"no search runs yet; start with '{command_line('search run --all')}'")
        return
    rows = [_history_row(r) for r in runs]
    if console.is_terminal:
        table = Table(*HISTORY_COLUMNS)
        for row in rows:
            table.add_row(*row)
        console.print(table)
    else:  # piped: tab-separated, the same columns, the header row first as in the terminal
        for row in [list(HISTORY_COLUMNS), *rows]:
            click.echo("\t".join(row))
    if name:
        from reviewkit.searches import run_log

        for entry in run_log(project.db, runs):
            click.echo("")
            click.echo("\n".join(entry))
    project.close()


HISTORY_COLUMNS = ("run", "search", "started (UTC)", "ended", "status", "count", "interface")


def _history_row(r) -> list[str]:  # r: a search run (its type lives in store/)
    """One run as the cells of HISTORY_COLUMNS."""
    from reviewkit.searches import status_text  # the log's words for it, killed runs' too

    count = "" if r.count is None else str(r.count)
    ended = (r.ended_at or "")[:19]
    status = status_text(r.status)
    return [str(r.id), r.search_name, r.started_at[:19], ended, status, count, r.interface]


@search_group.command("log")
@click.option(
    "--out",
    type=OutputPath(dir_okay=False, writes="Markdown", endings=(".md",)),
    help="Write the log to this Markdown file (default: print it).",
)
@csv_option(
    "csv_out",
    "Write every run as a row of this CSV file instead (query as written, sent and "
    "translated, limits, dates, count, status, PMIDs), for a spreadsheet.",
)
@click.option("--markdown", is_flag=True, help="Print the Markdown to a terminal too.")
@project_option
def log_command(out: Path | None, csv_out: Path | None, markdown: bool, project_dir: Path) -> None:
    """The PRISMA-S search log: every run of every search, NCBI's messages, filters cited.

    Printed to a terminal it is shown as Markdown renders (the text as written); to a pipe or
    a file, or with --markdown, it is the Markdown --out writes. --csv writes a row per run
    instead (the demo's search-log.csv).

    Example: reviewkit search log --out exports/search-log.md
    """
    from reviewkit import outputs
    from reviewkit.searches import LOG_COLUMNS, search_log, search_log_rows

    with load_project(project_dir) as project:
        if csv_out is not None:
            runs = search_log_rows(project.db)
            outputs.write_csv(csv_out, LOG_COLUMNS, runs)  # atomic; never over the database
            click.echo(f"wrote {csv_out} ({len(runs)} runs)")
            if out is None:
                return
        text = search_log(project.db, project.protocol)
    if out is None and console.is_terminal and not markdown:
        # as Markdown renders, as 'search history' draws its table there: the file's escapes
        # ('\|', '\*' in a person's text) are Markdown's, not the text as written
        from rich.markdown import Markdown

        console.print(Markdown(text))
    elif out is None:  # piped or redirected: the Markdown, as --out writes it
        click.echo(text)
    else:
        outputs.write_text(out, text + "\n")  # its folder created; atomic; never over the database
        click.echo(f"wrote {out}")


@search_group.command("diff")
@click.argument("name", required=False, type=Given("search name"))
@click.argument("runs", nargs=-1, type=int)
@click.option(
    "--pmids",
    "bare",
    is_flag=True,
    help="The new and gone PMIDs bare, on one line each kind (for scripts), without titles.",
)
@project_option
def diff_command(name: str | None, runs: tuple[int, ...], bare: bool, project_dir: Path) -> None:
    """What changed between two runs of NAME (default: its last two complete runs); without
    NAME, of every stored search between its last two complete runs: what is new since the
    last run.

    \b
    Example (a second run first: the demo ran each search once):
      reviewkit search run d1-sick-leave
      reviewkit search diff d1-sick-leave

    (a name of [[searches]] in the protocol, the demo's first; two run numbers after it, from
    'search history', compare those runs)
    """
    from reviewkit.searches import complete_runs, diff_runs, stored_titles

    with load_project(project_dir) as project:
        names = [s.name for s in project.protocol.searches]
        if name is not None and name.isdigit() and name not in names:  # 'search diff 3 7'
            raise UserError(
                f"{name!r} is a run number, not a search name: runs are compared within one search",
                hint="name the search first, e.g."
                f" '{command_line('search diff SEARCH-NAME 3 7')}' (the runs and their searches:"
                f" '{command_line('search history')}'); '{command_line('search diff')}' alone"
                " compares every search's last two runs",
            )
        if len(runs) not in (0, 2):  # one number: a diff against which run? (it said no more)
            raise UserError(
                f"{quantity(len(runs), 'run number')} given; a diff compares"
                " two runs (RUN_A RUN_B), or with none the last two complete runs",
                hint=f"e.g. '{command_line(f'search diff {name} 3 7')}', the run numbers from"
                f" '{command_line(f'search history {name}')}'",
            )
        if name is not None:
            project.protocol.search(name)
            d = diff_runs(project.db, name, *(runs or (None, None)))
            _echo_diff(d, None if bare else stored_titles(project.db, [*d.new, *d.gone]))
            return
        # every search the protocol stores, in its order; one run alone has nothing to compare
        rerun = [n for n in names if len(complete_runs(project.db, n)) >= 2]
        for n in rerun:
            d = diff_runs(project.db, n)
            _echo_diff(d, None if bare else stored_titles(project.db, [*d.new, *d.gone]))
        once = [n for n in names if n not in rerun]
        if once:
            click.echo(
                f"not rerun yet (one complete run or none, nothing to compare): {', '.join(once)}"
            )


def _echo_diff(d: RunDiff, titles: dict[str, str] | None) -> None:
    """One search's diff: the counts line, then the new and gone PMIDs, one a line with its
    stored record's title (``titles``; None: bare, on one line each kind, for scripts), and the
    changed ones."""
    click.echo(f"{d.search}: run {d.run_a} -> run {d.run_b}: {_compared(d, d.run_a, d.run_b)}")
    width = _terminal_width()
    for label, pmids in (("new", d.new), ("gone", d.gone)):
        if titles is None:
            if pmids:
                click.echo(f"  {label}: {' '.join(pmids)}")
            continue
        for pmid in pmids:
            # cut by the columns it takes: a CJK title's characters take two each
            click.echo(cut(f"  {label}: {pmid}  {titles.get(pmid, '')}".rstrip(), width))
    _echo_deleted(d.deleted)
    for pmid, fields in d.changed.items():
        click.echo(f"  changed: {pmid} ({', '.join(fields)})")


@search_group.command("test")
@click.argument("query", type=Given("query"))
@base_url_option
@email_option
def test_command(query: str, base_url: str | None, email: str | None) -> None:
    """Count and PubMed's translation of QUERY; nothing is stored.

    Example: reviewkit search test '"return to work" AND systematic[sb]'
    """
    from reviewkit.protocol import Search
    from reviewkit.pubmed.evaluate import parse_or_fail
    from reviewkit.pubmed.search_checks import search_warnings
    from reviewkit.searches import test_query

    parse_or_fail(query)  # a syntax error is shown with its position before any request
    for warning in search_warnings(Search("test", "PubMed", query)):
        click.echo(f"warning: {warning}")
    result = test_query(eutils_client(base_url, email), query)
    click.echo(f"count: {result.count}")
    click.echo(f"translation: {result.translation}")
    _echo_messages([(m.kind, m.text) for m in result.messages])


def _echo_messages(messages: list[tuple[str, str]], indent: str = "  ") -> None:
    """NCBI's messages, each with what it means for the search."""
    from reviewkit.pubmed.client import Message

    for kind, text in messages:
        click.echo(f"{indent}{Message(kind, text).describe()}")


COMMANDS = [search_group]
