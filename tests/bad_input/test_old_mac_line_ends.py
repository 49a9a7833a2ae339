"""Every import format with its lines ended by CR alone, as an old Mac (and Excel's 'CSV
(Macintosh)') writes them: read as with LF, record for record. Ovid's tagged export was told
by a pattern whose '^' sees LF only, and was read as a CSV with no title column (found by
benchmarks/bad_input_sweep.py's line endings)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main

FIXTURES = Path(__file__).parent.parent / "core" / "fixtures"
EXPORTS = [
    "sample.ris",
    "sample.nbib",
    "sample.bib",
    "scopus.csv",
    "wos_plain.txt",
    "refworks_export.txt",
    "cochrane_central.txt",
    "ovid_medline.txt",
    "ovid_no_final_newline.txt",
]


def _records(output: str) -> str:
    found = re.search(r": (\d+ records?) \((\w[\w-]*),", output)
    assert found, output
    return f"{found.group(1)} as {found.group(2)}"


@pytest.mark.parametrize("name", EXPORTS)
def test_lines_ended_by_cr_alone_read_as_with_lf(name: str, tmp_path: Path, capsys) -> None:
    text = (FIXTURES / name).read_bytes().replace(b"\r\n", b"\n")
    read = {}
    for ending, folder in ((b"\n", "lf"), (b"\r", "cr")):
        project = tmp_path / folder
        assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
        path = tmp_path / f"{folder}-{name}"
        path.write_bytes(text.replace(b"\n", ending))
        capsys.readouterr()
        code = main(["import", str(path), "--project", str(project)])
        output = capsys.readouterr()
        assert code == 0, output.err
        read[folder] = _records(output.out + output.err)
    assert read["cr"] == read["lf"]
