"""What `search run --all` prints in the terminal: a message shared by the searches of one run
is printed once (Ctrl-C on `pubmed serve`: test_cli.py, beside the other server runs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pubmed.conftest import review_a_project

from reviewkit.cli import main
from reviewkit.pubmed.fields import NO_ATM
from reviewkit.pubmed.server import EutilsServer


@pytest.fixture
def project_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Review A's eight searches: one block of untagged terms each, AND one topic."""
    return review_a_project(tmp_path, monkeypatch)


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
