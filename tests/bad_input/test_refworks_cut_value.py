"""A RefWorks file cut inside a value (a download that stopped mid-line): a record has no
closing line, so the cut cannot be told from a value that ends there; it is warned of, naming
the line and the field (it was imported silently, exit 0). A whole file is not."""

from __future__ import annotations

from pathlib import Path

from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main

FIXTURE = Path(__file__).parent.parent / "core" / "fixtures" / "refworks_export.txt"


def _import(tmp_path: Path, data: bytes, capsys) -> tuple[int, str, Path]:
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    path = tmp_path / "refworks.txt"
    path.write_bytes(data)
    capsys.readouterr()
    code = main(["import", str(path), "--project", str(project)])
    got = capsys.readouterr()
    return code, got.out + got.err, path


def test_a_file_cut_inside_a_value_is_warned_of(tmp_path: Path, capsys) -> None:
    data = FIXTURE.read_bytes()
    cut = data[: data.index(b"Results: y") + len(b"Resu")]  # inside the first record's AB
    code, said, path = _import(tmp_path, cut, capsys)
    assert code == 0, said
    assert f"warning: {path}:13: the file ends without a line break, inside field AB" in said
    assert "export the file again" in said


def test_a_whole_file_is_not(tmp_path: Path, capsys) -> None:
    code, said, _ = _import(tmp_path, FIXTURE.read_bytes(), capsys)
    assert code == 0 and "warning" not in said, said
