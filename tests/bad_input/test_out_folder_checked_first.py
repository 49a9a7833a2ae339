"""An --out folder that cannot be written into is refused before the command loads what it
draws or computes with: prisma and report imported matplotlib and scikit-learn (8 s for a user
whose font cache was not built yet) and only then found the folder unwritable (found by
benchmarks/bad_input_sweep.py's 'unwritable' value)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"


@pytest.mark.parametrize(
    ("argv", "module"),
    [
        (["prisma"], "reviewkit.reports.prisma"),
        (["report"], "reviewkit.reports.report"),
        (["evidence-map", "--rows", "model-type", "--cols", "diagnosis"], "reviewkit.evidence"),
    ],
    ids=["prisma", "report", "evidence-map"],
)
def test_an_out_folder_below_a_file_is_refused_before_the_work(
    tmp_path: Path, argv: list[str], module: str, capsys, monkeypatch
) -> None:
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    in_the_way = tmp_path / "figures"
    in_the_way.write_text("a file where a folder is meant", encoding="utf-8")
    out = in_the_way / "prisma"
    # the work's module cannot be loaded: a command that reached it would fail otherwise
    monkeypatch.setitem(sys.modules, module, None)
    capsys.readouterr()
    code = main([*argv, "--out", str(out), "--project", str(project)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"error: {out}: " in err and "a part of this path is a file" in err, err
    assert "\n  hint: " in err, err
