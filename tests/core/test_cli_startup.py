"""CLI start-up: ``reviewkit --help`` lists every command without importing the command modules,
and ``reviewkit simulate`` imports only what a simulation needs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewkit.cli import COMMAND_TABLE, cli
from reviewkit.cli.lazy_group import module_commands

# What a command's module pulls in; none of it is needed to list the commands.
HEAVY = ("textual", "pandas", "rich", "networkx", "rapidfuzz", "lxml", "sklearn", "matplotlib")


def _modules_after(argv: list[str], entry: str = "reviewkit.cli") -> tuple[str, list[str]]:
    """Run ``entry``'s ``main(argv)`` in a fresh interpreter: its output and the modules it
    imported."""
    code = (
        "import json, sys\n"
        f"from {entry} import main\n"
        f"code = main({argv!r})\n"
        "print(json.dumps([code, sorted(sys.modules)]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    *output, last = result.stdout.strip().splitlines()
    exit_code, modules = json.loads(last)
    assert exit_code == 0
    return "\n".join(output), modules


@pytest.mark.parametrize("argv", [["--help"], ["--version"]])
def test_top_level_help_imports_no_command_module(argv: list[str]) -> None:
    output, modules = _modules_after(argv)
    assert output
    loaded = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert loaded == []
    cli_modules = {m for m in modules if m.startswith("reviewkit.cli.")}
    # the group's machinery, no command: the lazy table, and how a closed pipe ends a command
    assert cli_modules <= {"reviewkit.cli.lazy_group"}


def test_top_level_help_lists_every_command_with_its_line() -> None:
    output, _ = _modules_after(["--help"])
    for name, entry in COMMAND_TABLE.items():
        line = next((row for row in output.splitlines() if row.split()[:1] == [name]), None)
        assert line is not None, f"{name} missing from reviewkit --help"
        shown = line.split(None, 1)[1].removesuffix("...")
        assert entry.summary.startswith(shown)


def test_one_command_loads_only_its_own_module() -> None:
    _, modules = _modules_after(["prisma", "--help"])
    assert "reviewkit.cli.report" in modules
    assert "reviewkit.cli.screen" not in modules and "reviewkit.cli.search" not in modules


# What a simulation on a CSV never uses: the TUI, a project (its store, protocol, dedup graph),
# pandas-era libraries, the readers of other formats (XML, BibTeX, MEDLINE, RIS ...), and rich
# (a progress bar is drawn on a terminal only).
NOT_FOR_SIMULATE = (
    *("textual", "pandas", "networkx", "rapidfuzz", "sklearn", "matplotlib", "openpyxl"),
    *("lxml", "bibtexparser", "pylatexenc", "rispy", "rich"),
)
NOT_FOR_SIMULATE_OURS = (
    "reviewkit.store",
    "reviewkit.project",
    "reviewkit.protocol",
    "reviewkit.cli._project",
    "reviewkit.formats.bibtex",
    "reviewkit.formats.medline",
    "reviewkit.formats.pubmed_xml",
    "reviewkit.formats.endnote_xml",
    "reviewkit.formats.ris",
    "reviewkit.formats.xlsx",
    "reviewkit.formats.csv_format",  # the CSV reader of records (simulate reads the sheet only)
    "reviewkit.records",
    "reviewkit.query",  # PubMed queries: a protocol's searches, for --from-zero --protocol
)


def _labelled_csv(folder: Path) -> Path:
    """A small labelled set: three includes about one topic, nine excludes about others."""
    rows = ["title,abstract,label_included"]
    rows += [f"Aspirin trial {i},aspirin for pain in adults {i},1" for i in range(3)]
    rows += [f"Soil survey {i},nitrogen in field soil {i},0" for i in range(9)]
    path = folder / "set.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("help_only", [False, True])
def test_simulate_imports_only_what_a_simulation_needs(tmp_path: Path, help_only: bool) -> None:
    argv = ["simulate", str(_labelled_csv(tmp_path))] + (["--help"] if help_only else [])
    output, modules = _modules_after(argv)
    assert ("Simulate screening" if help_only else "WSS@95") in output
    assert sorted(m for m in modules if m.split(".")[0] in NOT_FOR_SIMULATE) == []
    ours = [m for m in modules if m.startswith(NOT_FOR_SIMULATE_OURS)]
    assert ours == []
    if help_only:  # the ranker is imported when the simulation runs, not for its help
        assert "numpy" not in modules and "reviewkit.ranking.simulate" not in modules


def test_the_benchmarks_simulation_imports_only_what_it_needs(tmp_path: Path) -> None:
    """``python -m reviewkit.ranking.simulate`` (the process bench_ranking times against ASReview)."""
    out = tmp_path / "run.json"
    _, modules = _modules_after(
        [str(_labelled_csv(tmp_path)), "0", str(out)], "reviewkit.ranking.simulate"
    )
    assert json.loads(out.read_text())["n_records"] == 12
    assert sorted(m for m in modules if m.split(".")[0] in (*NOT_FOR_SIMULATE, "click")) == []
    assert [m for m in modules if m.startswith((*NOT_FOR_SIMULATE_OURS, "reviewkit.cli"))] == []


def test_table_and_modules_agree() -> None:
    """Every command a module lists has a table row naming it, with its docstring's first line."""
    commands = {command.name: command for command in module_commands("reviewkit.cli")}
    assert sorted(commands) == sorted(COMMAND_TABLE)
    for name, command in commands.items():
        entry = COMMAND_TABLE[name]
        assert command.callback is not None
        assert command.callback.__module__ == f"reviewkit.cli.{entry.module}"
        assert entry.summary == command.get_short_help_str(limit=1000), name


def test_a_command_missing_from_the_table_still_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A command added to a module's COMMANDS without a table row is found by its name."""
    monkeypatch.delitem(cli.lazy, "prisma")  # type: ignore[attr-defined]
    monkeypatch.setattr(cli, "commands", {})
    result = CliRunner().invoke(cli, ["prisma", "--help"], prog_name="reviewkit")
    assert result.exit_code == 0, result.output
    assert "PRISMA 2020 flow diagram" in result.output
