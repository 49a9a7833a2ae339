"""`search history` piped (not a terminal) prints a header row first, as the terminal's table
does, and the same columns: its tab-separated rows were read without knowing what they held."""

from __future__ import annotations

from pathlib import Path

import pytest
from pubmed.conftest import review_a_project

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.pubmed.server import EutilsServer
from reviewkit.searches import history
from reviewkit.store.searches import reopen_run


def test_history_has_a_header_row_and_the_tables_columns(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    server: EutilsServer,
    capsys: pytest.CaptureFixture,
) -> None:
    english = '\n[[searches]]\nname = "english"\nquery = "english[la]"\n'
    project = str(review_a_project(tmp_path, monkeypatch, english))
    url = server.base_url
    assert main(["search", "run", "english", "--base-url", url, "--project", project]) == 0
    capsys.readouterr()
    assert main(["search", "history", "--project", project]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = ["run", "search", "started (UTC)", "ended", "status", "count", "interface"]
    assert lines[0].split("\t") == header
    row = dict(zip(header, lines[1].split("\t"), strict=True))
    assert row["search"] == "english" and row["status"] == "complete"
    assert row["ended"] >= row["started (UTC)"] and row["count"].isdigit()


def test_a_run_left_running_reads_the_same_in_the_table_and_in_the_log(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    server: EutilsServer,
    capsys: pytest.CaptureFixture,
) -> None:
    """A run killed without a chance to write (kill -9) stays 'running' in the store: the table
    must not call it a bare 'running' (a search still going) while the log words it otherwise."""
    english = '\n[[searches]]\nname = "english"\nquery = "english[la]"\n'
    project = str(review_a_project(tmp_path, monkeypatch, english))
    url = server.base_url
    assert main(["search", "run", "english", "--base-url", url, "--project", project]) == 0
    with open_project(Path(project)) as opened:
        (run,) = history(opened.db, "english")
        reopen_run(opened.db, run.id)  # as a killed run leaves it: never finished
    capsys.readouterr()
    assert main(["search", "history", "english", "--project", project]) == 0
    lines = capsys.readouterr().out.splitlines()
    status = lines[1].split("\t")[4]
    assert status.startswith("running, or stopped without a word")
    assert f"run {run.id} ({status}): " in "\n".join(lines)
