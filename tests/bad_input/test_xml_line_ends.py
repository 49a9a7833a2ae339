"""The XML readers name the same line for an error whatever the file's line ends: LF, CRLF or
CR alone (an old Mac's file). libxml2 counts lines at LF only, so a CR-only file's error was
on line 1 (PubMed XML and EndNote XML alike); a good CR-only file reads as with LF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main

FIXTURES = Path(__file__).parent.parent / "core" / "fixtures"
ENDS = {"lf": b"\n", "crlf": b"\r\n", "cr": b"\r"}


def _import(tmp_path: Path, name: str, data: bytes, capsys) -> tuple[int, str]:
    project = tmp_path / f"p-{name}"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    path = tmp_path / name
    path.write_bytes(data)
    capsys.readouterr()
    code = main(["import", str(path), "--project", str(project)])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize("fixture", ["sample.xml", "endnote_export.xml"])
def test_an_error_names_one_line_for_every_line_end(fixture: str, tmp_path: Path, capsys) -> None:
    lines = (FIXTURES / fixture).read_bytes().replace(b"\r\n", b"\n").split(b"\n")
    at = 20 if len(lines) > 20 else 1  # inside the articles; EndNote's file is two lines
    lines.insert(at, b"<!-- a comment --><broken")  # never closed: stops at the next '<'
    named = {}
    for end, sep in ENDS.items():
        code, said = _import(tmp_path, f"{end}-{fixture}", sep.join(lines), capsys)
        assert code == 2, said
        found = re.search(rf"{end}-{re.escape(fixture)}:(\d+):", said)
        assert found, said
        named[end] = int(found.group(1))
    assert named["cr"] == named["crlf"] == named["lf"] > 1, named


@pytest.mark.parametrize("fixture", ["sample.xml", "endnote_export.xml"])
def test_a_cr_only_file_reads_as_with_lf(fixture: str, tmp_path: Path, capsys) -> None:
    text = (FIXTURES / fixture).read_bytes().replace(b"\r\n", b"\n")
    said = {}
    for end in ("lf", "cr"):
        code, out = _import(tmp_path, f"{end}-{fixture}", text.replace(b"\n", ENDS[end]), capsys)
        assert code == 0, out
        said[end] = re.sub(r"\S*-" + re.escape(fixture), "FILE", out.splitlines()[0])
    assert said["cr"] == said["lf"]
