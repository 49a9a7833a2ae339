"""Every command's `--help` example runs as written in the demo project, the project the README
tells a new user to make first (`make demo`: build/demo/work-health, entered with `cd`).

They named Review A's scheme ids, labels and reasons (`diagnosis-group=mental`) and files no
project has (`embase.ris`), so a new user who tried one on the demo got an error naming other
values. Here the demo is built on the articles `make demo`'s project holds, cut from the offline
snapshot (tests/core/demo_pmids.py), and each command's examples run, in order, in a copy of
it: each must end with exit code 0. Its records are numbered as `make demo` numbers them (the
order the searches and the second source bring them in depends on the articles alone), so an
example naming a record in a state (`conflicts resolve 300`: an open conflict; `dedup split
64`: a duplicate) runs as written on the record it names there; the test gave such an
example another record in that state, since the demo it built on a slice of the snapshot
numbered its records otherwise, and a wrong id in a help went unseen.
Where an example opens a terminal screen the screen is not drawn (no terminal here): the
command runs up to it, so its names and values are checked; `pubmed serve` likewise stops where
it would serve. The examples of one command run one after the other, so an example may use a
file an earlier one wrote (`extract export`, then `extract import`; the lead fills in the
conflicts sheet between `conflicts --csv` and `conflicts import`, as the help says).
`simulate` is the one command left out: its input is no project but another review's labelled
set.
"""

from __future__ import annotations

import csv
import io
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from conftest import all_commands
from core.command_lines import ACTING, one_per_line
from core.demo_pmids import listed, write_demo_articles
from core.readme_walk import fill_the_sheet
from rich.console import Console

from reviewkit.cli import main
from reviewkit.demo.run import run_demo

# the one command whose input is no project: it replays another review's labelled set (the
# README's 'Screening prioritisation and simulation' names where those sets are)
NOT_ON_A_PROJECT = {"simulate"}
_EXAMPLE = re.compile(r"^\s*(?:Examples?:\s+)?(reviewkit .+)$", flags=re.MULTILINE)


def examples(name: str, command: click.Command) -> list[str]:
    """The command lines of a command's --help from its 'Example:' (or 'Examples:') on (one
    that goes on after a backslash, as a shell reads it)."""
    ctx = click.Context(command, info_name=f"reviewkit {name}", terminal_width=80)
    text = "\n".join(one_per_line(command.get_help(ctx)))
    start = re.search(r"^\s*Examples?\b", text, flags=re.MULTILINE)
    return [m.group(1).strip() for m in _EXAMPLE.finditer(text[start.start() :])] if start else []


COMMANDS = [
    (name, command)
    for name, command in all_commands()
    if examples(name, command) and name not in NOT_ON_A_PROJECT
]


def test_the_examples_are_found() -> None:
    """Every command that acts (not a group of commands) gives one; a lost one would pass the
    test below unseen. (tests/core/test_help_examples.py checks that each parses.)"""
    found = {name for name, _ in COMMANDS} | NOT_ON_A_PROJECT
    assert found == {name for name, _ in ACTING}


@pytest.mark.parametrize(("name", "command"), all_commands(), ids=[n for n, _ in all_commands()])
def test_a_help_says_its_examples_run_in_the_demo_where_they_do(
    name: str, command: click.Command
) -> None:
    """The note that ends a help says where its examples run: the demo project for those run
    below, and for simulate's (a labelled set of another review, not run here) what its input
    is; simulate's help said its example ran in the demo, where no such file is."""
    if not examples(name, command):
        return  # a group of commands: each of its commands says
    ctx = click.Context(command, info_name=f"reviewkit {name}", terminal_width=80)
    text = " ".join(command.get_help(ctx).split())
    says = "Examples run as written in the demo project" in text
    assert says == (name not in NOT_ON_A_PROJECT), text


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, Path]]:
    """The demo project, built on make demo's articles, and a local E-utilities server over them."""
    from reviewkit.pubmed.server import EutilsServer
    from reviewkit.pubmed.snapshot import Snapshot

    base = tmp_path_factory.mktemp("demo")
    snapshot = write_demo_articles(base / "demo-articles.xml")
    console = Console(file=io.StringIO(), width=200)
    run_demo(base / "build", base / "exports", snapshot_files=[snapshot], console=console)
    served = Snapshot.open([snapshot])
    server = EutilsServer(served, rate_limits=None).start()
    yield base / "build" / "work-health", server.base_url, snapshot
    server.stop()
    served.close()


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_the_help_examples_run_in_the_demo_project(
    name: str,
    command: click.Command,
    demo: tuple[Path, str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project, base_url, snapshot = demo
    copy = tmp_path / "build" / "demo" / "work-health"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("*.lock"))
    monkeypatch.chdir(copy)
    for name in ("REVIEWKIT_PROJECT", "REVIEWKIT_REVIEWER", "REVIEWKIT_RESOLVER"):
        monkeypatch.delenv(name, raising=False)  # a new user's shell names no one
    # as the README's walk-through sets them for a local server
    monkeypatch.setenv("REVIEWKIT_EUTILS_URL", base_url)
    monkeypatch.setenv("NCBI_EMAIL", "you@example.org")
    # no terminal to draw a screen in, no Ctrl-C to stop a server: each stops where it would
    monkeypatch.setattr("reviewkit.tui.app.run_screen", lambda screen: "(screen not drawn)")
    monkeypatch.setattr("reviewkit.pubmed.server.serve_forever", lambda *a, **k: None)
    monkeypatch.setattr("reviewkit.offline_data.pubmed_snapshot_files", lambda: [snapshot])
    # a question (dedup merge's, split's: screening would change) answered as the help says: n
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n" * 9))
    for line in examples(name, command):
        argv = shlex.split(line)[1:]
        if argv[:2] == ["conflicts", "import"]:  # the lead's part, as the help says
            fill_the_sheet(Path(argv[2]), "include")
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == 0 and "Traceback" not in err, f"{line}\n{out}\n{err}"


def test_the_demo_here_holds_make_demo_s_records(
    demo: tuple[Path, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """The demo built here stores a record of every listed article, and no other PMID: a list
    left behind by a change to the demo's searches or second source (an article they no longer
    find) shows here. (An article they now find and the list lacks shows when `make demo` is
    run and the list rewritten: only the whole snapshot holds it.)"""
    project, _, _ = demo
    out = project.parent / "records.csv"
    argv = ["export", "--format", "csv", "--all", "--out", str(out), "--project", str(project)]
    assert main(argv) == 0
    capsys.readouterr()
    with out.open(encoding="utf-8", newline="") as fh:
        stored = {int(row["pmid"]) for row in csv.DictReader(fh) if row.get("pmid")}
    assert stored == listed()
