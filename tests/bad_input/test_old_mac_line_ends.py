"""Files with their lines ended by CR alone, as an old Mac (and Excel's 'CSV (Macintosh)')
writes them: every import format is read as with LF, record for record, and every file the
corpus refuses is refused so too. Ovid's tagged export was told by a pattern whose '^' sees LF
only, and was read as a CSV with no title column; an nbib record cut short and a BibTeX entry
closed early by an extra brace were imported (the readers split at LF); found by
benchmarks/bad_input_sweep.py's line endings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bad_input.corpus_cases import CASE_ROWS, CASES, command
from bad_input.protocol_helpers import PROTOCOL
from conftest import dump_database

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


# --- every refused case of the corpus is refused with CR ends too ------------------------------

# a case whose fault is its mix of line ends: with CR ends throughout it is whole, and read
LINE_END_CASES = {"protocol/b19_lone-cr-line-end.toml"}
TEXT_CASES = [
    case_id
    for case_id, _, _ in CASE_ROWS
    if case_id not in LINE_END_CASES
    and case_id.split("/")[0].removeprefix("csv25_") not in ("cli", "output", "database", "keymap")
    and b"\n" in (CASES / case_id).read_bytes()
    and not (CASES / case_id).read_bytes().startswith((b"PK", b"\x1f\x8b"))
]


@pytest.mark.parametrize("case_id", TEXT_CASES)
def test_a_refused_file_is_refused_with_cr_ends_too(
    case_id: str,
    corpus: dict[str, str],
    tmp_path: Path,
    capsys,
    monkeypatch,
) -> None:
    case = CASES / case_id
    folder = tmp_path / case.parent.name  # the folder names the command that reads the case
    folder.mkdir()
    cr = folder / case.name
    cr.write_bytes(case.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    argv, env = command(cr, corpus)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    one = case.parent.name == "decisions-one-reviewer"
    db = Path(corpus["project_one" if one else "project"]) / "review.sqlite"
    before = dump_database(db)
    code = main(argv)
    output = "".join(capsys.readouterr())
    assert code == 2, f"{case_id} with CR line ends: exit {code}\n{output}"
    assert dump_database(db) == before


# --- a refusal names the line where the file's own lines put it --------------------------------

RIS_LINES = [b"TY  - JOUR", b"TI  - Return to work", b"AU  - M\xf8ller, A", b"ER  - "]


@pytest.mark.parametrize(
    ("bad", "argv", "said"),
    [
        (b"M\xf8ller", [], "not UTF-8 text"),  # Latin-1's o-slash: no UTF-8 byte
        (b"M\x00ller", [], "a NUL byte"),
        (b"M\xc3\xb8ller", ["--encoding", "cp1252"], "the file is UTF-8, not cp1252"),
        (b"M\x81ller", ["--encoding", "cp1252"], "cannot decode as cp1252"),
    ],
    ids=["not-utf8", "nul", "utf8-read-as-cp1252", "not-cp1252"],
)
@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b"\r"], ids=["lf", "crlf", "cr"])
def test_a_bad_byte_is_named_on_its_line_whatever_ends_the_lines(
    tmp_path: Path, bad: bytes, argv: list[str], said: str, ending: bytes, capsys
) -> None:
    """A 'not UTF-8' error in a CR-only file named line 1: lines were counted at LF alone,
    where the decoder (and every reader after it) ends them at CR too."""
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    path = tmp_path / "moller.ris"
    lines = [line.replace(b"M\xf8ller", bad) for line in RIS_LINES]
    path.write_bytes(ending.join(lines) + ending)
    capsys.readouterr()
    code = main(["import", str(path), *argv, "--project", str(project)])
    err = capsys.readouterr().err
    assert code == 2 and said in err, err
    assert f"{path}:3" in err, err


def test_a_protocol_of_cr_line_ends_is_read_as_with_lf(tmp_path: Path, capsys) -> None:
    """A protocol saved with CR line ends (an old Mac's editor, BBEdit's 'Classic Mac'): TOML
    ends lines with LF or CRLF only, so tomllib read one line and refused its first CR (line
    1, column 89); it is the same protocol, and a project is made from it."""
    text = PROTOCOL.read_text(encoding="utf-8")
    mac = tmp_path / "protocol.toml"
    mac.write_bytes(text.replace("\n", "\r").encode())
    assert main(["protocol", "check", str(PROTOCOL)]) == 0
    as_shipped = capsys.readouterr().out.replace(str(PROTOCOL), "P")
    assert main(["protocol", "check", str(mac)]) == 0
    assert capsys.readouterr().out.replace(str(mac), "P") == as_shipped
    assert main(["init", str(tmp_path / "p"), "--protocol", str(mac)]) == 0


def test_an_error_in_a_protocol_of_cr_line_ends_names_its_line(tmp_path: Path, capsys) -> None:
    text = PROTOCOL.read_text(encoding="utf-8").replace(
        "reason_required = true", "reason_required = 1", 1
    )
    line = text[: text.index("reason_required = 1")].count("\n") + 1
    mac = tmp_path / "protocol.toml"
    mac.write_bytes(text.replace("\n", "\r").encode())
    assert main(["protocol", "check", str(mac)]) == 2
    assert f"{mac}:{line}: " in capsys.readouterr().err
