"""Importing a file into a fresh project through the CLI, as the import tests do: the records read,
or what the import said."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.cli import main
from reviewkit.records import Record

PROTOCOL = Path(__file__).resolve().parents[2] / "protocols" / "rtw-systematic-reviews.toml"


def imported(tmp_path: Path, path: Path) -> list[Record]:
    """Import ``path`` into a fresh project through the CLI (must exit 0); its records."""
    folder = tmp_path / "review"
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(path), "--project", str(folder)]) == 0
    return list(formats.read_file(path))


def import_said(
    tmp_path: Path, path: Path, capsys: pytest.CaptureFixture[str], code: int = 0
) -> str:
    """Import ``path`` into a fresh project (``tmp_path / "review"``) through the CLI (must exit
    ``code``); what the import wrote to stderr."""
    folder = tmp_path / "review"
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(folder)]) == code
    return capsys.readouterr().err


def refused(tmp_path: Path, path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Import ``path`` into a fresh project through the CLI (must exit 2); what it said."""
    return import_said(tmp_path, path, capsys, code=2)


def imported_text(tmp_path: Path, name: str, text: str, *, encoding: str = "utf-8") -> list[Record]:
    """Write ``text`` as ``name`` in ``tmp_path`` and import it as :func:`imported` does."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return imported(tmp_path, path)
