"""The hint of a refused file fits the command that read it: a damaged decision log or
extraction CSV is not told to 'export the references as RIS' (that is the import's hint)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"


@pytest.mark.parametrize(
    ("command", "content"),
    [
        (["decisions", "import"], b'{"format": "reviewkit-decisions/1"}\n\x00\x00\x00'),
        (["extract", "import", "--reviewer", "ann"], b"record_id,country\n1,Nor\x00way\n"),
        (["decisions", "import"], b'{"format": "reviewkit-decisions/1"}\n' * 300 + b"\x00"),
    ],
    ids=["decisions-binary", "extract-binary", "decisions-nul-late"],
)
def test_damaged_file_hint_names_no_import(
    command: list[str], content: bytes, tmp_path: Path, capsys
) -> None:
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    bad = tmp_path / "bad.file"
    bad.write_bytes(content)
    capsys.readouterr()
    code = main([*command, str(bad), "--project", str(project)])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert str(bad) in out + err
    assert "references" not in out + err and "imported" not in out + err, out + err
    assert "nothing was read" in out + err
