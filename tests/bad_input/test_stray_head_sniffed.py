"""A header row (or a title) above a RIS or MEDLINE (nbib) export: the file is still sniffed as
its format, since its TY or PMID line is among the first lines, and its reader refused the
first line ("expected 'TY  - ' to start a record, found 'Title,…'"), naming the line but not
what it is. It is now told as a stray line above a tagged export, as one above a Web of
Science, Cochrane Library or RefWorks export is. A genuine small RIS file, whose lines after
its TY line look like a MEDLINE file's, is read as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.store import records as record_rows

FIXTURES = Path(__file__).parent.parent / "core" / "fixtures"
EXPORTS = {"ris": ("sample.ris", "RIS"), "medline": ("sample.nbib", "MEDLINE/nbib")}


def _import(tmp_path: Path, capsys, data: bytes) -> tuple[int, str, Path]:
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    path = tmp_path / "export.txt"
    path.write_bytes(data)
    capsys.readouterr()
    code = main(["import", str(path), "--project", str(project)])
    out = capsys.readouterr()
    return code, out.out + out.err, project


@pytest.mark.parametrize(
    "above, lines",
    [
        (b"Title,Authors,Year,Journal\n", "line 1"),
        (b"My search of 3 May\n\nTitle\tAuthors\tYear\n", "lines 1-3"),
    ],
    ids=["header-row", "title-and-header"],
)
@pytest.mark.parametrize("fmt", EXPORTS)
def test_a_line_above_a_sniffed_export_is_named_as_stray(
    tmp_path: Path, capsys, fmt: str, above: bytes, lines: str
) -> None:
    fixture, kind = EXPORTS[fmt]
    export = (FIXTURES / fixture).read_bytes()
    start = above.count(b"\n") + 1
    code, said, project = _import(tmp_path, capsys, above + export)
    assert code == 2, said
    assert f"a {kind} export starts on line {start}, below {lines}" in said, said
    assert f"delete {lines}" in said, said
    with open_project(project) as p:
        assert record_rows.record_count(p.db) == 0


@pytest.mark.parametrize("fmt", EXPORTS)
def test_a_small_export_is_read_as_before(tmp_path: Path, capsys, fmt: str) -> None:
    """Guard: one record, its first line a tag line (what follows its TY line alone would be
    sniffed as a MEDLINE file) or a line its reader takes ('Provider: …' above a RIS record)."""
    fixture, _kind = EXPORTS[fmt]
    record = (FIXTURES / fixture).read_bytes().split(b"\n\n")[0].strip() + b"\n"
    if fmt == "ris":
        record = record.split(b"ER  -")[0] + b"ER  - \n"
    for head in (b"", b"Provider: Cochrane\n" if fmt == "ris" else b"\n"):
        code, said, _project = _import(tmp_path / str(len(head)), capsys, head + record)
        assert code == 0, said
        assert f": 1 record ({fmt}," in said, said
