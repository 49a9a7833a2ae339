"""What `search run --all` and `pubmed serve` print in the terminal: a message shared by the
searches of one run is printed once, and Ctrl-C on the server says that it stopped."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reviewkit.cli import main
from reviewkit.project import init_project
from reviewkit.pubmed.evaluate import NO_ATM
from reviewkit.pubmed.server import EutilsServer

from ..conftest import PROTOCOL_A
from .conftest import write_set


@pytest.fixture
def project_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Review A's eight searches: one block of untagged terms each, AND one topic."""
    init_project(tmp_path / "p", PROTOCOL_A).close()
    monkeypatch.setenv("NCBI_EMAIL", "librarian@example.org")
    monkeypatch.delenv("NCBI_API_KEY", raising=False)
    return tmp_path / "p"


def run(*args: object) -> int:
    return main([str(a) for a in args])


def test_run_all_prints_a_message_the_searches_share_once(
    project_dir: Path, server: EutilsServer, capsys: pytest.CaptureFixture
) -> None:
    url = server.base_url
    assert run("search", "run", "--all", "--base-url", url, "--project", project_dir) == 0
    out = capsys.readouterr().out
    assert out.count(NO_ATM) == 1  # the local server's note about itself: once, not eight times
    lines = out.splitlines()
    a2 = next(i for i, line in enumerate(lines) if line.startswith("a2-musculoskeletal: "))
    assert any(
        line.startswith("  and ") and "as for a1-mental-health above" in line
        for line in lines[a2 + 1 :]
    )  # a later search says it had them too
    assert run("search", "history", "a8-implementation", "--project", project_dir) == 0
    assert NO_ATM in capsys.readouterr().out  # each run keeps its own messages


def test_ctrl_c_on_the_server_says_it_stopped(
    nlm_articles: dict[str, list[bytes]], tmp_path: Path
) -> None:
    """Ctrl-C is how the local server ends: it said 'aborted', as if something had failed."""
    snapshot = write_set(tmp_path / "part.xml", nlm_articles["update"][:20])
    argv = [sys.executable, "-m", "reviewkit", "pubmed", "serve", "--port", "0"]
    proc = subprocess.Popen([*argv, "--snapshot", str(snapshot)], stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    for line in proc.stderr:  # until it serves (or ends)
        if line.startswith("serving "):
            break
    proc.send_signal(signal.SIGINT)
    rest = proc.stderr.read()
    assert proc.wait(timeout=60) == 130  # as every command interrupted by Ctrl-C
    assert "stopped the local server at http://127.0.0.1:" in rest and "aborted" not in rest
