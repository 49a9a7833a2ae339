"""A file of no records is refused with one message, naming the file, however it is read: an
export of a byte-order mark and blank lines (as EndNote saves an export of no records) under
every --format, where each reader said something else of it (no EF line, a root element '<?>',
a list of PMIDs, not cp1252) or 'holds no records'."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import imported_project

from reviewkit.cli import main
from reviewkit.formats import READ_FORMATS

BLANK_EXPORTS = {
    "utf-8 mark": b"\xef\xbb\xbf\r\n\r\n",
    "utf-16 mark": "\ufeff\r\n\r\n".encode("utf-16-le"),
    "blank lines": b"\r\n \r\n\t\n",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return imported_project(tmp_path_factory.mktemp("empty") / "project")


def _run(argv: list[str], capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(argv)
    got = capsys.readouterr()
    return code, got.out + got.err


@pytest.mark.parametrize("fmt", ["", *READ_FORMATS])
@pytest.mark.parametrize("kind", BLANK_EXPORTS)
def test_a_blank_export_is_empty_under_every_format(project, tmp_path, capsys, fmt, kind):
    path = tmp_path / "endnote.ris"
    path.write_bytes(BLANK_EXPORTS[kind])
    given = ["--format", fmt] if fmt else []
    code, said = _run(["import", str(path), *given, "--project", str(project)], capsys)
    assert code == 2, said
    assert f"{path}: the file is empty" in said
