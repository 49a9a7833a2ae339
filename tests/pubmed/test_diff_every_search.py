"""'What is new since the last run' for the whole protocol: `search diff` without a name gives
every search's diff between its last two complete runs (it needed one command per search), and
says which searches have not been rerun; run numbers typed without the search's name are named
as such (it said "1 run number given" and suggested `search diff 3 3 7`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pubmed.conftest import review_a_project

from reviewkit.cli import main
from reviewkit.pubmed.server import EutilsServer


def test_diff_without_a_name_compares_every_rerun_search(
    tmp_path: Path, server: EutilsServer, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = str(review_a_project(tmp_path, monkeypatch))
    run = ["search", "run", "--base-url", server.base_url, "--project", folder]
    assert main([*run, "a1-mental-health", "a2-musculoskeletal"]) == 0
    assert main([*run, "a1-mental-health", "a2-musculoskeletal"]) == 0  # the rerun
    capsys.readouterr()

    assert main(["search", "diff", "--project", folder]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("a1-mental-health: run 1 -> run 3: ")
    assert lines[1].startswith("a2-musculoskeletal: run 2 -> run 4: ")
    assert lines[-1].startswith("not rerun yet (one complete run or none, nothing to compare): ")
    assert "a3-chronic-pain" in lines[-1] and "a1-mental-health" not in lines[-1]

    assert main(["search", "diff", "1", "3", "--project", folder]) == 2
    err = capsys.readouterr().err
    assert "'1' is a run number, not a search name" in err and "SEARCH-NAME 1 3" not in err
    assert "hint: name the search first" in err
