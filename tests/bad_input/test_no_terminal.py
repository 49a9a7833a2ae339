"""A terminal screen opened where nobody can see or answer it: standard input not a terminal
(ssh without -t, a job, a pipe), or a terminal that cannot draw (TERM=dumb, an editor's shell
buffer). The screen was drawn into the pipe or as text and waited for keys for ever; now the
command says so and what to do, exit 2, before the screen opens. Real processes: the terminal
is the process's own (Textual reads sys.__stdin__ and draws on sys.__stderr__)."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
SAMPLE = REPO / "tests" / "core" / "fixtures" / "sample.ris"
# each screen's way round without a terminal; {p}: the --project of the commands it names
COMMANDS = {
    "screen": (["screen", "--reviewer", "reviewer1"], "'reviewkit decisions import{p}' here"),
    # the lines name the person the screen was opened for: resolve, import, label and extract
    # set take $REVIEWKIT_REVIEWER or the login name by default (another's, copied as printed)
    "conflicts": (
        ["conflicts", "--resolver", "lead"],
        "--list and resolve each with 'reviewkit conflicts resolve RECORD --resolver lead"
        " --decision include|exclude{p}', or write them to a sheet with --csv FILE, fill its"
        " decision column and read it back with 'reviewkit conflicts import FILE --resolver"
        " lead{p}'",
    ),
    "dedup-review": (["dedup", "review", "--reviewer", "lead"], "--csv FILE"),
    # before screening ends (--all): the sample's studies are not included yet
    "confirm": (
        ["confirm", "--reviewer", "lead", "--all"],
        "'reviewkit label RECORD SCHEME=LABEL --reviewer lead{p}'",
    ),
    "extract-edit": (
        ["extract", "edit", "--reviewer", "lead", "--all"],
        "'reviewkit extract import FILE --reviewer lead{p}', or set one value with"
        " 'reviewkit extract set RECORD FIELD=VALUE --reviewer lead{p}'",
    ),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("no-terminal") / "project"
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(SAMPLE), "--project", str(folder)]) == 0
    return folder


def _argv(name: str, project: Path) -> list[str]:
    return [sys.executable, "-m", "reviewkit", *COMMANDS[name][0], "--project", str(project)]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_screen_without_a_terminal_is_refused(name: str, project: Path) -> None:
    """Standard input from /dev/null, as in a job or 'ssh HOST reviewkit screen …'."""
    proc = subprocess.run(
        _argv(name, project), stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert "opens a screen in the terminal, but standard input is not a terminal" in proc.stderr
    assert "hint: run it in a terminal window" in proc.stderr and "ssh -t" in proc.stderr
    # the commands it names carry the --project given (the test runs in another folder)
    assert COMMANDS[name][1].format(p=f" --project {project}") in proc.stderr
    assert "\x1b[" not in proc.stdout + proc.stderr  # no screen drawn


def test_a_dumb_terminal_is_refused(project: Path) -> None:
    """A terminal (a pseudo-terminal here) whose TERM is 'dumb': the screen's escape codes were
    written into it as text, and the command waited for keys."""
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "dumb"}
    proc = subprocess.Popen(
        _argv("screen", project), stdin=follower, stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    output, deadline = b"", time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if select.select([leader], [], [], 0.2)[0]:
                try:
                    output += os.read(leader, 65536)
                except OSError:  # the follower side closed: the process ended
                    break
        code = proc.wait(timeout=max(deadline - time.monotonic(), 1))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(leader)
    text = output.decode("utf-8", "replace")
    assert code == 2, text
    assert "reviewkit screen opens a screen in the terminal, but this terminal cannot draw" in text
    assert "TERM=dumb" in text and "hint: " in text
