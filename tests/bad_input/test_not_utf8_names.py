"""A file name, an argument or a variable whose bytes are not UTF-8 (a file from a Latin-1
disk). Python hands them over as lone surrogates, which SQLite refuses: import, label and
attach ended with a UnicodeEncodeError traceback. Now: exit 2, the name shown with its bad
byte escaped, the database unchanged. (The corpus's argument files are UTF-8 text, so these
cases cannot be written there.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import dump_database

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
RIS = "TY  - JOUR\nTI  - Return to work after sick leave\nPY  - 2020\nER  - \n"
BAD = os.fsdecode(b"Troms\xf8")  # 'Tromsø' in Latin-1: the byte F8 is not UTF-8


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    (tmp_path / "one.ris").write_text(RIS, encoding="utf-8")
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(tmp_path / "one.ris"), "--project", str(folder)]) == 0
    return folder


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "argv",
    [
        lambda t: ["import", _file(t, f"{BAD}.ris", RIS.replace("2020", "2021"))],
        lambda t: ["import", _file(t, "two.ris", RIS.replace("2020", "2022")), "--source", BAD],
        lambda t: ["label", "1", "model-type=workplace", "--reviewer", BAD],
        lambda t: ["attach", "1", _file(t, f"{BAD}.pdf", "%PDF-1.4\n%%EOF\n")],
    ],
    ids=["import-file-name", "import-source", "label-reviewer", "attach-file-name"],
)
def test_name_not_utf8_is_refused(argv, project: Path, tmp_path: Path, capsys) -> None:
    db = project / "review.sqlite"
    before = dump_database(db)
    capsys.readouterr()
    code = main([*argv(tmp_path), "--project", str(project)])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert "Traceback" not in out + err
    assert "Troms\\xf8" in err and "not UTF-8" in err, err
    assert dump_database(db) == before
