"""Every environment variable is read in reviewkit/settings.py, listed in the README, and
shown by --help beside the option it can set."""

from __future__ import annotations

import ast
from pathlib import Path

import click
from conftest import all_commands

from reviewkit import settings
from reviewkit.cli import cli, main

ROOT = Path(__file__).resolve().parents[2]


def environment_reads(files: list[Path]) -> list[str]:
    """Places that read the environment: os.environ, os.getenv, or importing either."""
    found = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            name = ""
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb"):
                name = ast.unparse(node)
            elif isinstance(node, ast.ImportFrom) and node.module == "os":
                names = {a.name for a in node.names}
                if names & {"environ", "getenv", "environb"}:
                    name = "from os import environ/getenv"
            if name:
                found.append(f"{path.relative_to(ROOT).as_posix()}:{node.lineno}: {name}")
    return found


def test_only_settings_reads_the_environment() -> None:
    files = sorted(p for p in (ROOT / "reviewkit").rglob("*.py") if p.name != "settings.py")
    assert environment_reads(files) == []
    assert environment_reads([ROOT / "reviewkit" / "settings.py"])  # the check does find them


def test_the_readme_lists_every_variable() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `")]
    for variable in settings.VARIABLES:
        assert any(row.startswith(f"| `{variable.name}` |") for row in rows), variable.name


def _options():
    for name, command in [("", cli), *all_commands()]:
        for param in command.params:
            if isinstance(param, click.Option):
                yield f"reviewkit {name}".strip(), param


def test_options_set_by_a_variable_show_it_in_help() -> None:
    names = {v.name for v in settings.VARIABLES}
    used = set()
    for path, option in _options():
        envvars = option.envvar if isinstance(option.envvar, list | tuple) else [option.envvar]
        for envvar in filter(None, envvars):
            assert envvar in names, f"{path} {option.opts[0]}: {envvar} is not in settings"
            assert option.show_envvar, f"{path} {option.opts[0]}"
            used.add(envvar)
    assert {"REVIEWKIT_PROJECT", "REVIEWKIT_REVIEWER", "REVIEWKIT_RESOLVER"} <= used
    assert {"REVIEWKIT_EUTILS_URL", "NCBI_EMAIL"} <= used


def test_help_shows_the_variable(capsys) -> None:
    assert main(["conflicts", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "env var: REVIEWKIT_RESOLVER" in out and "env var: REVIEWKIT_PROJECT" in out


def test_an_empty_variable_counts_as_unset(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("REVIEWKIT_KEYS", "")
    assert settings.keymap_file() == Path.home() / ".config" / "reviewkit" / "keys.toml"
    monkeypatch.setenv("REVIEWKIT_KEYS", str(tmp_path / "k.toml"))
    assert settings.keymap_file() == tmp_path / "k.toml"
    monkeypatch.setenv("NCBI_EMAIL", "")
    monkeypatch.setenv("REVIEWKIT_EMAIL", "me@example.org")
    assert settings.ncbi_email() == "me@example.org"


def test_a_group_option_wins_over_the_variable(monkeypatch, tmp_path: Path, capsys) -> None:
    """'dedup --project X report' uses X even when $REVIEWKIT_PROJECT names another folder."""
    protocol = ROOT / "protocols" / "rtw-systematic-reviews.toml"
    folder = tmp_path / "review"
    assert main(["init", str(folder), "--protocol", str(protocol)]) == 0
    monkeypatch.setenv("REVIEWKIT_PROJECT", str(tmp_path / "elsewhere"))
    capsys.readouterr()
    assert main(["dedup", "--project", str(folder), "report"]) == 0, capsys.readouterr().err
