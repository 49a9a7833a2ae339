"""Files in an encoding other than plain UTF-8, and characters that are not line breaks.

A byte-order mark names its encoding for sure, so such a file is read (EndNote saves RIS as
UTF-16; Notepad puts a BOM before UTF-8); UTF-16 without a mark is refused with a message
that names the encoding. Only CR and LF end a line: a form feed or U+2028 inside an abstract
or a JSON string is text. Found by a mutation fuzzer over the importers' fixtures.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit import protocol as protocol_mod
from reviewkit.cli import main
from reviewkit.errors import FormatError, ProtocolError

FIXTURES = Path(__file__).parent / "fixtures"
PROTOCOL = Path(__file__).parents[2] / "protocols" / "work-health-collaboration.toml"


def titles(path: Path, **kwargs: object) -> list[str]:
    return [r.title for r in formats.read_file(path, **kwargs)]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_ris_with_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    text = (FIXTURES / "sample.ris").read_text(encoding="utf-8")
    path = tmp_path / "endnote.ris"
    data = text.encode(encoding)
    path.write_bytes(data if encoding != "utf-16-be" else b"\xfe\xff" + data)
    assert titles(path) == titles(FIXTURES / "sample.ris")


def test_utf16_without_a_mark_is_read_when_named(tmp_path: Path) -> None:
    path = tmp_path / "refs.nbib"
    path.write_bytes((FIXTURES / "sample.nbib").read_text(encoding="utf-8").encode("utf-16-le"))
    with pytest.raises(FormatError, match="UTF-16-LE text without a byte-order mark"):
        titles(path)
    assert titles(path, encoding="utf-16-le") == titles(FIXTURES / "sample.nbib")


def test_pubmed_xml_in_utf16_is_read(tmp_path: Path) -> None:
    text = (FIXTURES / "sample.xml").read_text(encoding="utf-8")
    path = tmp_path / "pubmed.xml"
    path.write_bytes(text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    assert titles(path) == titles(FIXTURES / "sample.xml")


def test_a_form_feed_inside_an_abstract_is_text(tmp_path: Path) -> None:
    text = (FIXTURES / "sample.nbib").read_text(encoding="utf-8")
    path = tmp_path / "pasted.nbib"
    path.write_text(text.replace("searched five", "searched\x0cfive"), encoding="utf-8")
    assert titles(path) == titles(FIXTURES / "sample.nbib")


def test_a_truncated_gzip_read_as_a_named_format_says_truncated(tmp_path: Path) -> None:
    data = gzip.compress((FIXTURES / "sample.ris").read_bytes())
    path = tmp_path / "cut.ris.gz"
    path.write_bytes(data[: len(data) // 2])  # the last 4 bytes are no longer the size
    with pytest.raises(FormatError, match="truncated or corrupt"):
        titles(path, fmt="ris")


def _note(text: str) -> str:
    entry = {
        "format": "reviewkit-decisions/1",
        "id": "n1",
        "record": {"pmid": "31234567", "doi": None, "title": None, "year": None},
        "stage": "title-abstract",
        "reviewer": "reviewer1",
        "label": "note",
        "note": text,
        "reason": None,
        "undoes": None,
        "created_at": "2021-01-01T00:00:00.000000+00:00",
    }
    return json.dumps(entry, ensure_ascii=False)  # as 'decisions export' writes it


def test_a_line_separator_inside_a_json_note_is_text(cli_project: Path, tmp_path: Path) -> None:
    path = tmp_path / "r1.jsonl"
    path.write_text(_note("first line\u2028second line") + "\n", encoding="utf-8")
    assert main(["decisions", "import", str(path), "--project", str(cli_project)]) == 0


def test_a_deeply_nested_json_line_is_refused(
    cli_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    assert main(["decisions", "import", str(path), "--project", str(cli_project)]) == 2
    assert f"{path}:1: not a decision line: nested too deeply" in capsys.readouterr().err


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_protocol_with_a_byte_order_mark_loads(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "protocol.toml"
    path.write_bytes(PROTOCOL.read_text(encoding="utf-8").encode(encoding))
    assert protocol_mod.load(path).id == protocol_mod.load(PROTOCOL).id


def test_a_protocol_that_is_a_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    path = tmp_path / "protocol.toml"
    os.mkfifo(path)
    with pytest.raises(ProtocolError, match="a pipe, socket or device"):
        protocol_mod.load(path)


@pytest.mark.parametrize("name", ["scopus.csv", "wos.txt", "sample.bib"])
def test_cr_line_ends_are_read(tmp_path: Path, name: str) -> None:
    """Excel for Mac saves CSV with CR alone at the end of each line."""
    text = (FIXTURES / name).read_text(encoding="utf-8-sig")
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    assert titles(path) == titles(FIXTURES / name)


def test_a_command_without_encoding_option_does_not_offer_one(
    cli_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r1.jsonl"
    path.write_bytes(_note("Ørsted").encode("latin-1"))
    assert main(["decisions", "import", str(path), "--project", str(cli_project)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:1: not UTF-8 text" in err
    assert "--encoding" not in err  # 'decisions import' has no such option


def test_pubmed_xml_in_utf16_without_a_mark_names_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "pubmed.xml"
    path.write_bytes((FIXTURES / "sample.xml").read_text(encoding="utf-8").encode("utf-16-le"))
    with pytest.raises(FormatError, match="UTF-16-LE XML without a byte-order mark"):
        titles(path, fmt="pubmed-xml")


def test_a_pubmed_xml_pmid_that_is_not_a_number_is_refused(tmp_path: Path) -> None:
    text = (FIXTURES / "sample.xml").read_text(encoding="utf-8")
    path = tmp_path / "pubmed.xml"
    path.write_text(text.replace(">34000001</PMID>", ">34OOOOO1</PMID>", 1), encoding="utf-8")
    with pytest.raises(FormatError, match="PMID '34OOOOO1' is not a number") as err:
        titles(path)
    assert err.value.where == f"{path}: record 1"
