"""`search history NAME` and the PRISMA-S search log give a run's limits in words, the ones set
only: they printed the stored JSON, `{"date_from": "", "date_to": "", "languages": [], …}`,
to a librarian reading the log (found walking the README, task walk)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pubmed.conftest import review_a_project

from reviewkit.cli import main
from reviewkit.pubmed.server import EutilsServer

SEARCHES = """
[[searches]]
name = "limited"
query = "english[la]"
[searches.limits]
date_from = "1976/01/01"
languages = ["english"]
publication_types = ["Journal Article"]

[[searches]]
name = "open"
query = "english[la]"
"""


def test_the_limits_of_a_run_read_as_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: EutilsServer, capsys
) -> None:
    project = review_a_project(tmp_path, monkeypatch, SEARCHES)
    args = ["--project", str(project)]
    url = ["--base-url", server.base_url]
    assert main(["search", "run", "limited", "open", *url, *args]) == 0
    capsys.readouterr()
    assert main(["search", "history", "limited", *args]) == 0
    out = capsys.readouterr().out
    assert (
        "limits:              publication date from 1976/01/01; languages: english;"
        " publication types: Journal Article"
    ) in out
    assert "date_from" not in out and "{" not in out
    log = tmp_path / "log.md"
    assert main(["search", "log", "--out", str(log), *args]) == 0
    text = log.read_text(encoding="utf-8")
    assert "limits:              publication date from 1976/01/01" in text
    assert "limits:              none" in text and '"date_to"' not in text
