"""A file of zero bytes and blanks (a download or copy cut off where its space was set aside)
holds no text: one message under every --format, as an empty file gets, where it was 'a binary
file', a corrupt workbook (xlsx) or a root element '<?>' (pubmed-xml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "work-health-collaboration.toml"


@pytest.mark.parametrize("content", [b"\0\n  \n", b" \t\n\0", b"\0" * 200_000])
@pytest.mark.parametrize("fmt", [None, "ris", "csv", "xlsx", "pubmed-xml", "endnote-xml"])
def test_zero_bytes_and_blanks_hold_no_text(
    tmp_path: Path, capsys, content: bytes, fmt: str | None
) -> None:
    project = tmp_path / "review"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    path = tmp_path / "export.ris"
    path.write_bytes(content)
    capsys.readouterr()
    argv = ["import", str(path), "--project", str(project)]
    code = main([*argv, "--format", fmt] if fmt else argv)
    err = capsys.readouterr().err
    assert code == 2
    assert "the file holds no text, only zero bytes" in err, err
    assert "export or save it again" in err and "Traceback" not in err
