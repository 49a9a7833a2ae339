"""A protocol key that names a label the scheme lacks: the hint lists the scheme's labels (the
general 'correct it as the message says' leaves the user to look them up)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.cli import main

PROTOCOLS = Path(__file__).parent.parent.parent / "protocols"


@pytest.mark.parametrize(
    ("protocol", "old", "new", "labels"),
    [
        (
            "rtw-systematic-reviews.toml",
            'fallback_label = "mixed"',
            'fallback_label = "mixd"',
            "mental, musculoskeletal, mixed",
        ),
        (
            "rtw-cmd-psychological.toml",
            'combines = ["psychological", "workplace"]',
            'combines = ["psychological", "workplce"]',
            "psychological",
        ),
    ],
    ids=["fallback_label", "combines"],
)
def test_a_label_the_scheme_lacks_is_answered_with_its_labels(
    tmp_path: Path, capsys, protocol: str, old: str, new: str, labels: str
) -> None:
    text = (PROTOCOLS / protocol).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / protocol
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    capsys.readouterr()
    assert main(["protocol", "check", str(path)]) == 2
    said = capsys.readouterr().err
    hint = said.split("hint:", 1)[1]
    assert "no label" in said and "the scheme's labels:" in hint and labels in hint, said
