"""`export` writes the included studies without `--included`, which had no alternative yet was
required, and still accepts it; `search diff --help` names no review's search."""

from __future__ import annotations

from pathlib import Path

import rispy

from reviewkit.cli import main


def test_export_needs_no_included_flag_and_still_takes_it(b_included, tmp_path: Path, capsys):
    project, _ids = b_included
    folder = str(project.folder)
    plain, flagged = tmp_path / "plain.ris", tmp_path / "flagged.ris"
    assert main(["export", "--project", folder, "--format", "ris", "--out", str(plain)]) == 0
    args = ["export", "--project", folder, "--included", "--format", "ris", "--out", str(flagged)]
    assert main(args) == 0
    assert len(rispy.load(plain.open(encoding="utf-8"))) == 3
    assert plain.read_bytes() == flagged.read_bytes()
    capsys.readouterr()
    assert main(["export", "--help"]) == 0
    assert "(required)" not in capsys.readouterr().out


def test_search_diff_help_says_whose_search_its_example_names(capsys):
    """The help named Review A's search as if every project had it; a placeholder
    (SEARCH-NAME) was no example that runs (a new user's walk), so the example names Review A's
    search and says whose it is and where a project's names come from; since reports39 the
    demo's, whose project every help example runs in (tests/core/test_help_examples_run.py)."""
    assert main(["search", "diff", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "a name of [[searches]] in the protocol, the demo's first" in out
