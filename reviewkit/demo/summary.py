"""What the demo prints: each part as it runs, then what it made and the next three commands."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import site
import subprocess
import sys
import sysconfig
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from reviewkit import agreement, screening
from reviewkit.classify import assigned_labels
from reviewkit.demo.reviewers import HUMAN, LEAD, NOTE, REVIEWERS
from reviewkit.project import Project
from reviewkit.reader_gone import rich_console_gone
from reviewkit.reports import prisma
from reviewkit.reports.prisma import Flow
from reviewkit.wording import quantity

if TYPE_CHECKING:
    from reviewkit.demo.librarian import LibrarianResult
    from reviewkit.demo.review import BuildResult
    from reviewkit.demo.run import DemoResult


def snapshot_words(articles: int | None, default: bool = True) -> str:
    """What the snapshot is, with its number of articles as the local server counts them
    (``pubmed serve`` says "serving 50783 articles": the index's articles, a later record of an
    article replacing the earlier; the files hold 50,788 article records). ``articles`` None: not
    known (the index was not built); ``default``: the offline snapshot, not files given."""
    size = f"{articles:,} articles" if articles is not None else ""
    if default:
        what = "a random slice of PubMed (a 2021 update file and a 1976-80 baseline chunk"
        what += f": {size})" if size else ")"
    else:
        what = "the PubMed XML given with --snapshot" + (f" ({size})" if size else "")
    return (
        f"The offline PubMed snapshot is {what}, not all of PubMed: searches written for the "
        "whole of PubMed find little here."
    )


RESOLVER = "lead"  # the name suggested to a person resolving the conflicts left open


class _FilterConsole(Console):
    """rich's console, ending on a closed pipe as the commands do (see reviewkit.reader_gone)."""

    def on_broken_pipe(self) -> None:  # rich's exits 1, as if the demo had failed
        rich_console_gone(self)


def demo_console(**options: object) -> Console:
    """The console the demo prints on (``options``: rich's). In a terminal lines wrap at its
    width; into a file or a pipe (``make demo | tee demo.log``, a CI log) they are written
    whole: rich broke them at 80 columns there, a path cut in two and blanks left at the ends.
    Into a pipe its reader closed (``make demo | head``) it ends the demo as the commands end."""
    console = _FilterConsole(**options)  # type: ignore[arg-type]
    console.soft_wrap = not console.is_terminal
    return console


def bar(console: Console) -> Progress:
    """The index build's bar, in a terminal only: into a file or a pipe the build prints plain
    lines instead, and the bar's one frame rich wrote there at its end said them again."""
    return Progress(
        TextColumn("{task.description:<30}"),
        BarColumn(),
        TextColumn("{task.completed:,.0f}"),
        TimeElapsedColumn(),
        console=console,
        disable=not console.is_terminal,
    )


def rel(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return (
            os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd()) else str(path)
        )
    except ValueError:
        return str(path)


def scripts_folders() -> list[Path]:
    """Where this Python's installs put their programs, in the order its imports find the
    packages: beside this Python (a venv's bin, python itself), the user site's scripts when
    the user site is on (``pip install --user``: ~/.local/bin on Linux, outside the
    interpreter's folder; its packages come before the installation's on sys.path), then the
    installation's scripts (sysconfig's default scheme: /usr/local/bin for Debian's Python)."""
    folders = [Path(sys.executable).parent]
    if site.ENABLE_USER_SITE:
        scheme = sysconfig.get_preferred_scheme("user")
        folders.append(
            Path(sysconfig.get_path("scripts", scheme, {"userbase": site.getuserbase()}))
        )
    folders.append(Path(sysconfig.get_path("scripts")))
    return list(dict.fromkeys(folders))


def typed(name: str) -> str:
    """How a user types ``name``, a program this Python installed (``reviewkit``, ``python``;
    :func:`scripts_folders`): the bare name when the shell finds this very one by it, else its
    path, relative when under the current folder (``.venv/bin/reviewkit``), as one word of a
    command line (:func:`shell_word`). `make demo` installs into .venv without activating it, so
    the bare ``reviewkit`` of the demo's next commands was 'command not found' (or another
    install's) for a new user who copied them; a user-site install is not beside this Python."""
    here = next(
        (
            folder / name
            for folder in scripts_folders()
            if any((folder / (name + ext)).exists() for ext in ("", ".exe"))
        ),
        None,
    )
    if here is None:
        return name  # not installed where this Python puts programs: nothing better to say
    found = shutil.which(name)

    def key(path: str | Path) -> str:  # Windows: reviewkit.exe, any case
        return os.path.normcase(os.path.splitext(os.path.abspath(path))[0])

    if found and key(found) == key(here):
        return name
    # not rel(): it resolves links, and a venv's python is a link to the system's
    path, cwd = os.path.abspath(here), os.getcwd()
    if path.startswith(os.path.join(cwd, "")):
        path = os.path.relpath(path)
        if not os.path.dirname(path):  # a bare name is looked for on PATH, not here
            path = os.path.join(os.curdir, path)
    return shell_word(path)


def shell_word(word: str) -> str:
    """``word`` as one word of a command line: quoted when it holds a blank or a character
    the shell reads (a checkout or a projects' folder under 'My projects')."""
    return subprocess.list2cmdline([word]) if os.name == "nt" else shlex.quote(word)


def command(program: str, *args: str) -> str:
    """A command line to copy: ``program`` as :func:`typed` gives it, each of ``args`` one word."""
    return " ".join([program, *(shell_word(a) for a in args)])


def afresh(options: Sequence[str] = ()) -> str:
    """How to rebuild the demo projects, as the user types it. ``options``: those of this run
    besides --fresh (its --work-dir, --out, --snapshot, --seed where not the default); with
    any, only the module's command line rebuilds the same folders (`make demo FRESH=1` builds
    build/demo), so it alone is named, with them."""
    if options:
        return command(typed("python"), "-m", "reviewkit.demo", "--fresh", *options)
    return f"make demo FRESH=1 (or {typed('python')} -m reviewkit.demo --fresh)"


def intro(console: Console, result: DemoResult, kept: bool) -> None:
    if not kept and result.index_by_other:
        console.print(
            f"snapshot index: {rel(result.snapshot_index)} (built by another process meanwhile, "
            "reused)"
        )
    elif not kept and result.index_seconds is None:
        console.print(f"snapshot index: {rel(result.snapshot_index)} (built before, reused)")
    elif not kept:
        console.print(
            f"snapshot index built in {result.index_seconds:.0f} s: {rel(result.snapshot_index)} "
            "(once; later runs reuse it)"
        )
    console.print(snapshot_words(result.articles, result.default_snapshot))
    if kept:
        console.print(
            f"kept the demo projects from an earlier run ({rel(result.review_a)}, "
            f"{rel(result.demo)}); the report is rewritten from them as they stand."
        )
        # a command line to copy: never broken at the console's width
        console.print(
            f"Start afresh with {afresh(result.options)}.",
            soft_wrap=True,
            highlight=False,
            markup=False,
        )


def librarian_part(console: Console, result: LibrarianResult) -> None:
    table = Table("search", "records", "rerun: new", "gone", title="Review A's stored searches")
    for first, again in zip(result.first, result.rerun, strict=True):
        table.add_row(first.search, str(first.count), str(len(again.new)), str(len(again.gone)))
    console.print(table)
    console.print(
        f"Review A (the librarian's part): {quantity(sum(r.count for r in result.first), 'record')} from "
        f"{len(result.first)} searches; the rerun found {result.new} new, {result.gone} gone and "
        f"{result.changed} changed records."
    )


def review_part(console: Console, project: Project, built: BuildResult) -> None:
    counts = ", ".join(f"{r.search} {r.count}" for r in built.searches)
    console.print(f"Demo review searches: {counts}")
    dedup = built.dedup
    console.print(
        f"Second source: {rel(built.source_file)} — {built.imported} records "
        f"({built.source_overlap} also found by the searches, without PMIDs; "
        f"{built.source_new} only here)"
    )
    if dedup is not None:
        console.print(
            f"Dedup: {dedup.records} records -> {dedup.studies} studies "
            f"({dedup.duplicates} duplicate links by rule, {dedup.questions} pairs for a person)"
        )
    flow = prisma.collect_counts(project).flow  # the diagram's numbers, as finish() prints
    for i, s in enumerate(built.stages):
        console.print(
            f"Screening {s.stage}: {s.votes} votes by {' and '.join(REVIEWERS)} (simulated); "
            f"{s.conflicts} conflicts, {s.resolved} resolved by {LEAD} (simulated); "
            + stage_outcome(flow, full_text=i > 0)
        )
    console.print(
        f"Classification: {built.suggestions} suggestions for {len(built.included)} included "
        f"studies, {built.confirmed} confirmed by {LEAD} (simulated); "
        f"extraction: {built.prefilled} values prefilled"
    )


def _kappas(project: Project) -> str:
    parts = []
    for a in agreement.agreement(project):
        if a.n and set(REVIEWERS) == {a.reviewer_a, a.reviewer_b}:
            kappa = "n/a" if a.kappa is None else f"{a.kappa:.2f}"
            parts.append(f"{a.stage} kappa {kappa} ({a.percent:.0f}% of {a.n})")
    return "; ".join(parts)


def _awaiting(n: int) -> str:
    """', 3 awaiting a decision' (the diagram's line in its excluded box), '' for none."""
    return f", {n} awaiting a decision" if n else ""


def stage_outcome(flow: Flow, *, full_text: bool) -> str:
    """A stage's decisions in the PRISMA diagram's numbers (``flow``: the counts' Flow): the
    screening lines and the closing PRISMA line both say them, so neither counts a report not
    retrieved among the full-text exclusions while the diagram counts it apart, and both say
    the studies awaiting a decision (a second vote, an open conflict) that the diagram says."""
    if not full_text:
        said = f"{flow.sought} included, {sum(flow.excluded_screening.values())} excluded"
        return said + _awaiting(flow.awaiting_screening)
    return (
        f"{flow.included} included, {sum(flow.excluded_full_text.values())} excluded,"
        f" {flow.not_retrieved} not retrieved{_awaiting(flow.awaiting_full_text)}"
    )


def prisma_line(c: prisma.PrismaCounts) -> str:
    """The closing line: the diagram's boxes in its order, awaiting decisions included, so
    that each box's number is the next ones' sum as in the diagram."""
    f = c.flow
    return (
        f"[bold]PRISMA 2020[/]: {c.identified} records identified, {c.duplicates} duplicates "
        f"removed, {f.screened} screened, {sum(f.excluded_screening.values())} excluded"
        f"{_awaiting(f.awaiting_screening)}, {f.sought} full texts sought, {f.not_retrieved} not"
        f" retrieved, {f.assessed} assessed, {sum(f.excluded_full_text.values())} excluded"
        f"{_awaiting(f.awaiting_full_text)}, [bold]{c.included} included[/]"
    )


def finish(console: Console, project: Project, result: DemoResult) -> None:
    """The flow as it stands, the files made and the next three commands."""
    console.print("\n" + prisma_line(prisma.collect_counts(project)))
    console.print(f"Agreement of {' and '.join(REVIEWERS)}: {_kappas(project)}")
    console.print(f"[italic]{NOTE}[/]")
    out = result.out_dir / "work-health"
    shown = [
        "search-log.csv",
        "report.md",
        "report.docx",
        "report.xlsx",
        "prisma.png",
        "agreement.csv",
        "evidence-map/evidence-map.png",
        "included.ris",
        "included.bib",
        "tables/",
    ]
    console.print(f"\nMade in {result.seconds:.0f} s:")
    console.print(f"  {rel(result.search_log)}  (Review A: PRISMA-S log of every run)")
    console.print(f"  {rel(out)}/  ({len(result.report)} files: " + ", ".join(shown) + ")")
    console.print(
        f"  {rel(result.demo)}/  (the demo project; Review A's is {rel(result.review_a)}/)"
    )
    _next(console, project, result.demo, result.options)


def _next(console: Console, project: Project, folder: Path, options: Sequence[str]) -> None:
    waiting = screening.ReviewerQueue(project, "title-abstract", HUMAN).remaining
    open_conflicts = len(
        screening.conflicts(project, "full-text", RESOLVER, include_resolved=False)
    )
    included = screening.included(project)
    scheme = project.protocol.report.scheme
    unconfirmed = sum(
        1 for a in assigned_labels(project, scheme, included).values() if not a.confirmed
    )
    p, reviewkit = rel(folder), typed("reviewkit")
    steps = [
        (
            f"{waiting} studies wait for a second reviewer: screen them as '{HUMAN}'",
            command(reviewkit, "screen", "--project", p, "--reviewer", HUMAN),
        ),
        (
            f"{open_conflicts} full-text conflicts were left open by {LEAD}: resolve them",
            command(
                reviewkit,
                "conflicts",
                "--project",
                p,
                "--stage",
                "full-text",
                "--resolver",
                RESOLVER,
            ),
        ),
        (
            f"{unconfirmed} '{scheme}' labels are still suggestions: confirm or change them",
            command(reviewkit, "confirm", "--project", p, "--reviewer", HUMAN),
        ),
    ]
    console.print("\n[bold]Next, try:[/]")
    for why, line in steps:
        console.print(f"  # {why}", soft_wrap=True, highlight=False)
        console.print(f"  {line}", soft_wrap=True, highlight=False, markup=False)
    console.print(f"Start afresh: {afresh(options)}", soft_wrap=True, highlight=False, markup=False)


def mark_exports(paths: Sequence[Path], out_dir: Path, snapshot: str) -> Path:
    """Say in the exported references that simulated reviewers included them, and add a README
    that says so and what the snapshot is (``snapshot``: :func:`snapshot_words`); returns the
    README's path."""
    for path in paths:
        if path.name == "included.ris":
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"(?m)^ER  -", lambda _m: f"N1  - {NOTE}\nER  -", text)
            path.write_text(text, encoding="utf-8")
        elif path.name == "included.bib":
            text = path.read_text(encoding="utf-8")
            path.write_text(f"@comment{{{NOTE}}}\n\n{text}", encoding="utf-8")
    readme = out_dir / "README.txt"
    shown = {p.name + ("/" if p.is_dir() else "") for p in out_dir.iterdir()} | {readme.name}
    listing = [
        textwrap.fill(
            f"{name:<20}{what}" + (f": {file_kinds(out_dir / name)}" if name.endswith("/") else ""),
            100,
            initial_indent="  ",
            subsequent_indent=" " * 22,
            break_on_hyphens=False,
        )
        for name, what in EXPORT_FILES
        if name in shown
    ]
    readme.write_text(
        "The report of the reviewkit demo review (make demo).\n\n"
        + NOTE
        + "\n\n"
        + snapshot
        + "\n\nIn this folder:\n"
        + "\n".join(listing)
        + "\n",
        encoding="utf-8",
    )
    return readme


# What a reviewer opening the demo's export folder finds, in the order they would read it: two
# search logs and a file per format of one report left them guessing which to open. A folder's
# line ends with the kinds of file in it (file_kinds), read from what was written: typed here,
# evidence-map/'s said "figure, CSV, sheet" when it held Markdown, SVG and GraphML too.
EXPORT_FILES = (
    ("report.docx", "the report to read and print: its tables, the PRISMA diagram, the map"),
    ("report.xlsx", "the same tables, a sheet each, to sort and filter"),
    ("report.md", "the same report as Markdown (for a repository or a wiki)"),
    ("tables/", "each table, its title and notes beside it"),
    ("prisma.png", "the PRISMA 2020 flow diagram (prisma.svg: the same, to scale)"),
    ("prisma.csv", "the diagram's numbers (prisma.notes.txt: how they add up)"),
    ("agreement.csv", "the two reviewers' agreement at each stage (agreement.notes.txt)"),
    ("evidence-map/", "the evidence map, health problem by work topic"),
    ("included.ris", "the included studies for a reference manager (included.bib: BibTeX)"),
    ("search-log.md", "the PRISMA-S search log: its checklist, then every run and its PMIDs"),
    ("search-log.csv", "the same runs, one row each, for a spreadsheet"),
    ("README.txt", "this file"),
)


# A file's kind by its ending, in the order a folder's line names them (a table's notes by
# their whole ending, .notes.txt: a file's last suffix alone would say TXT).
FILE_KINDS = (
    (".png", "figure (PNG)"),
    (".svg", "figure to scale (SVG)"),
    (".csv", "CSV"),
    (".notes.txt", "notes (.notes.txt)"),
    (".xlsx", "sheet (XLSX)"),
    (".md", "Markdown"),
    (".graphml", "graph of the studies and their labels (GraphML)"),
)


def file_kinds(folder: Path) -> str:
    """The kinds of file in ``folder`` as a README line names them ('figure (PNG), CSV, …'):
    each kind of :data:`FILE_KINDS` it holds, in that order, then any other ending upper-cased,
    so a file written there later is named without a word added here. Hidden files (the
    writers' own mark that they own the folder, ``.written-by-reviewkit``) are not the reader's."""
    endings = {_ending(p.name) for p in folder.iterdir() if p.is_file() and p.name[0] != "."}
    known = [what for ending, what in FILE_KINDS if ending in endings]
    other = sorted(e.lstrip(".").upper() or "no ending" for e in endings - dict(FILE_KINDS).keys())
    return ", ".join(known + other)


def _ending(name: str) -> str:
    """``name``'s ending as :data:`FILE_KINDS` has it (.notes.txt), else its last suffix."""
    return next((e for e, _ in FILE_KINDS if name.endswith(e)), Path(name).suffix)
