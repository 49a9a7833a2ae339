"""`export` writes the included studies without `--included`, which had no alternative yet was
required, and still accepts it; `search diff --help` names no review's search (fx28 item 8)."""

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


def test_search_diff_help_uses_a_placeholder(capsys):
    assert main(["search", "diff", "--help"]) == 0
    out = capsys.readouterr().out
    assert "a1-mental-health" not in out and "SEARCH-NAME" in out
