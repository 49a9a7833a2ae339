"""A tagged export whose byte-order mark is no longer at the file's start, below a blank line
or a blank header row of tabs (a line put on top of it: 'echo; cat savedrecs.txt'). The
readers drop such a mark (formats.text.decode); detection sniffed the text with it, saw no
export at the top, and its stray-line check took the export's own header lines for stray ones:
'a Web of Science export starts on line 4, below lines 1-3 ... (FN Clarivate …)', telling the
user to delete the export's header. A line of text above it is still refused by its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main

FIXTURES = Path(__file__).parent.parent / "core" / "fixtures"
EXPORTS = {"wos": "wos_plain.txt", "ris": "sample.ris", "refworks": "refworks_export.txt"}
BOM = "\ufeff".encode()


def _import(tmp_path: Path, capsys, data: bytes) -> tuple[int, str]:
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    path = tmp_path / "export.txt"
    path.write_bytes(data)
    capsys.readouterr()
    code = main(["import", str(path), "--project", str(project)])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize(
    "above", [b"\n", b"\t\t\t\t\r\n", b"   \n"], ids=["blank", "tabs", "spaces"]
)
@pytest.mark.parametrize("fmt", EXPORTS)
def test_a_blank_line_above_an_export_with_its_mark_is_read(
    tmp_path: Path, capsys, above: bytes, fmt: str
) -> None:
    export = (FIXTURES / EXPORTS[fmt]).read_bytes().removeprefix(BOM)
    code, said = _import(tmp_path / "plain", capsys, export)
    assert code == 0, said
    records = said.split(": ", 1)[1].split(" (")[0]  # '3 records'
    code, said = _import(tmp_path / "marked", capsys, above + BOM + export)
    assert code == 0, said
    assert f": {records} ({fmt}," in said, said


def test_a_header_row_above_an_export_with_its_mark_is_refused(tmp_path: Path, capsys) -> None:
    export = (FIXTURES / "wos_plain.txt").read_bytes().removeprefix(BOM)
    code, said = _import(tmp_path, capsys, b"Title,Authors,Year,Journal\n" + BOM + export)
    assert code == 2
    assert "a Web of Science export starts on line 2, below line 1" in said, said
