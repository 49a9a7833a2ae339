"""`search log --csv`: the search log as a sheet, a row per run, for a review of one's own. The
demo wrote its search-log.csv and the README named it among the files a review yields, but no
command wrote one for a user's project."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pubmed.conftest import review_a_project

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.pubmed.server import EutilsServer
from reviewkit.searches import history, run_pmids

PILOT = '\n[[searches]]\nname = "pilot-pain"\nquery = "pain[ti] AND english[la]"\n'


def cli(*args: object) -> int:
    return main([str(a) for a in args])


def test_search_log_csv_writes_a_row_per_run(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    server: EutilsServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project_dir = review_a_project(tmp_path, monkeypatch, PILOT)
    url = server.base_url
    for _ in range(2):  # a run and a rerun: two rows
        assert cli("search", "run", "pilot-pain", "--base-url", url, "--project", project_dir) == 0
    sheet = tmp_path / "out" / "search-log.csv"
    capsys.readouterr()
    assert cli("search", "log", "--csv", sheet, "--project", project_dir) == 0
    assert f"wrote {sheet} (2 runs)" in capsys.readouterr().out
    with sheet.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with open_project(project_dir) as project:
        runs = history(project.db, "pilot-pain")
        pmids = [" ".join(run_pmids(project.db, run.id)) for run in runs]
    assert [(r["search"], r["run"], r["status"]) for r in rows] == [
        ("pilot-pain", str(run.id), "complete") for run in runs
    ]
    assert [r["query as written"] for r in rows] == ["pain[ti] AND english[la]"] * 2
    assert [r["count"] for r in rows] == [str(run.count) for run in runs]
    assert [r["PMIDs"] for r in rows] == pmids and pmids[0]
    # the Markdown log too, with both options
    log = tmp_path / "out" / "search-log.md"
    assert cli("search", "log", "--csv", sheet, "--out", log, "--project", project_dir) == 0
    assert "## pilot-pain" in log.read_text(encoding="utf-8")
