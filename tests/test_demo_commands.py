"""The demo's next commands run as the user types them: copied into a POSIX shell, each word is
one word, whatever folder the checkout or the demo projects are in."""

from __future__ import annotations

import os
import shlex
import site
import sys
from pathlib import Path

import pytest

from reviewkit.demo import summary


def fake_venv(root: Path) -> Path:
    """A virtual environment's bin folder under ``root``: its python and reviewkit."""
    bin_dir = root / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    for name in ("python", "reviewkit"):
        (bin_dir / name).write_text("#!/bin/sh\n")
        (bin_dir / name).chmod(0o755)
    return bin_dir


@pytest.mark.skipif(os.name == "nt", reason="a POSIX shell's words")
def test_a_checkout_in_a_folder_with_a_blank_gives_commands_that_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A checkout under 'My projects' (a home or a synced drive of that kind), the demo run from
    elsewhere: '/…/My projects/rk/.venv/bin/reviewkit screen --project …' split at the blank,
    'No such file or directory: /…/My'; the projects' folder (--work-dir) the same."""
    bin_dir = fake_venv(tmp_path / "My projects" / "rk")
    monkeypatch.setattr(sys, "executable", str(bin_dir / "python"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    program = summary.typed("reviewkit")
    assert shlex.split(program) == [str(bin_dir / "reviewkit")]
    project = tmp_path / "my demo" / "work-health"
    line = summary.command(
        program, "screen", "--project", summary.rel(project), "--reviewer", "you"
    )
    assert shlex.split(line) == [
        str(bin_dir / "reviewkit"), "screen", "--project", str(project), "--reviewer", "you"
    ]  # fmt: skip
    assert shlex.split(summary.afresh().split("(or ", 1)[1].rstrip(")"))[0] == str(
        bin_dir / "python"
    )


@pytest.mark.skipif(os.name == "nt", reason="a POSIX shell's words")
def test_the_program_in_the_current_folder_is_typed_with_its_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Run from the venv's bin folder itself, the path relative to it was the bare name, which
    a POSIX shell looks for on PATH only, not in the current folder: 'command not found'."""
    bin_dir = fake_venv(tmp_path)
    monkeypatch.setattr(sys, "executable", str(bin_dir / "python"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.chdir(bin_dir)
    assert summary.typed("reviewkit") == "./reviewkit"
    monkeypatch.chdir(tmp_path)
    assert summary.typed("reviewkit") == ".venv/bin/reviewkit"  # as the README shows it


@pytest.mark.skipif(os.name == "nt", reason="a POSIX shell's words")
def test_a_user_site_install_is_typed_from_its_scripts_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`pip install --user` puts reviewkit in the user base's bin (~/.local/bin), not beside
    the Python (/usr/bin): the demo said the bare 'reviewkit', 'command not found' when that
    folder is not on PATH."""
    system_bin = tmp_path / "usr" / "bin"
    system_bin.mkdir(parents=True)
    (system_bin / "python").write_text("#!/bin/sh\n")
    user_bin = tmp_path / "home" / ".local" / "bin"
    user_bin.mkdir(parents=True)
    (user_bin / "reviewkit").write_text("#!/bin/sh\n")
    (user_bin / "reviewkit").chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(system_bin / "python"))
    monkeypatch.setattr(site, "ENABLE_USER_SITE", True)
    monkeypatch.setattr(site, "USER_BASE", str(user_bin.parent))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.chdir(tmp_path / "usr")
    assert summary.typed("reviewkit") == str(user_bin / "reviewkit")
    monkeypatch.setenv("PATH", str(user_bin))  # on PATH, as ~/.local/bin mostly is
    assert summary.typed("reviewkit") == "reviewkit"
