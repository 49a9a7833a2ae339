"""`reviewkit report` on a protocol with one classification scheme: the README's list of what a
report holds names an evidence map, and none was written without a word of why."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.cli import main
from reviewkit.project import init_project

PROTOCOLS = Path(__file__).resolve().parents[2] / "protocols"


@pytest.mark.parametrize(
    ("protocol", "said"),
    [("rtw-systematic-reviews.toml", True), ("demo-work-health.toml", False)],
)
def test_report_says_why_it_wrote_no_evidence_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], protocol: str, said: bool
) -> None:
    init_project(tmp_path / "p", PROTOCOLS / protocol).close()
    capsys.readouterr()
    assert main(["report", "--project", str(tmp_path / "p"), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    line = "no evidence map: a map crosses two classification schemes, and protocol.toml has one"
    assert (line in out) is said
    assert any((tmp_path / "out").rglob("evidence-map*")) is not said
