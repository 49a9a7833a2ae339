"""The PRISMA-S search log holds every run in the store, not only the runs of the searches the
protocol has now: a search renamed or removed after it ran keeps its runs under its old name,
and PRISMA-S asks for every search as it was run."""

from __future__ import annotations

from pathlib import Path

import pytest
from pubmed.conftest import review_a_project

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.pubmed.server import EutilsServer
from reviewkit.searches import history

OLD = '\n[[searches]]\nname = "pilot-pain"\nquery = "pain[ti] AND english[la]"\n'
NEW = '\n[[searches]]\nname = "pain-v2"\nquery = "pain[tiab] AND english[la]"\n'


def cli(*args: object) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def project_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return review_a_project(tmp_path, monkeypatch, OLD)


def test_a_renamed_search_keeps_its_runs_in_the_log(
    project_dir: Path, server: EutilsServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.base_url
    assert cli("search", "run", "pilot-pain", "--base-url", url, "--project", project_dir) == 0
    log = project_dir / "search-log.md"
    assert cli("search", "log", "--out", log, "--project", project_dir) == 0
    assert "no longer in the protocol" not in log.read_text()  # every run is the protocol's
    # the librarian renames and edits the search in the project's protocol, then runs it again
    protocol = project_dir / "protocol.toml"
    protocol.write_text(protocol.read_text().replace(OLD, NEW))
    assert cli("search", "run", "pain-v2", "--base-url", url, "--project", project_dir) == 0
    with open_project(project_dir) as project:
        (old_run,) = history(project.db, "pilot-pain")
        (new_run,) = history(project.db, "pain-v2")
    capsys.readouterr()
    assert cli("search", "log", "--out", log, "--project", project_dir) == 0
    text = log.read_text()
    assert "## pain-v2" in text and f"run {new_run.id} (complete)" in text
    assert "## Runs of searches no longer in the protocol" in text
    old_part = text.split("## Runs of searches no longer in the protocol", 1)[1]
    assert "### pilot-pain" in old_part
    assert f"run {old_run.id} (complete): PubMed via" in old_part
    assert "query as written:    pain[ti] AND english[la]" in old_part
    assert f"records found:       {old_run.count}" in old_part
    assert old_part.count("run ") == old_part.count(f"run {old_run.id} ")  # only the old run


def test_a_removed_search_is_logged_and_the_protocol_searches_stay_first(
    project_dir: Path, server: EutilsServer
) -> None:
    url = server.base_url
    assert cli("search", "run", "pilot-pain", "--base-url", url, "--project", project_dir) == 0
    protocol = project_dir / "protocol.toml"
    protocol.write_text(protocol.read_text().replace(OLD, ""))
    log = project_dir / "search-log.md"
    assert cli("search", "log", "--out", log, "--project", project_dir) == 0
    text = log.read_text()
    first_stored = text.index("## a1-")  # Review A's stored searches, not run: listed as before
    assert first_stored < text.index("## Runs of searches no longer in the protocol")
    assert "### pilot-pain" in text and "Not run yet." in text


def test_the_history_of_a_removed_search_is_listed_and_an_unknown_name_refused(
    project_dir: Path, server: EutilsServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.base_url
    assert cli("search", "run", "pilot-pain", "--base-url", url, "--project", project_dir) == 0
    protocol = project_dir / "protocol.toml"
    protocol.write_text(protocol.read_text().replace(OLD, ""))
    capsys.readouterr()
    assert cli("search", "history", "pilot-pain", "--project", project_dir) == 0
    out = capsys.readouterr().out
    assert "pilot-pain" in out and "query as written:    pain[ti] AND english[la]" in out
    assert cli("search", "history", "no-such-search", "--project", project_dir) == 2
    assert "no-such-search" in capsys.readouterr().err
