"""A web page (a library's sign-in page) saved in the export's place under the export's name
(.bib, .csv, .nbib, .ris) is named for what it is, without 'not PubMed XML': the user exported
BibTeX or RIS, and was told of a format they never chose. A file named as XML keeps it (it
says what that file is not), and 'pubmed serve' still says what --snapshot takes, whatever
the snapshot file's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main

PAGE = (Path(__file__).parent / "cases" / "import" / "r26_html-login.bib").read_bytes()


def _import_error(tmp_path: Path, capsys, name: str) -> str:
    path = tmp_path / name
    path.write_bytes(PAGE)
    project = tmp_path / "p"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    return capsys.readouterr().err


@pytest.mark.parametrize("name", ["login.bib", "login.csv", "login.nbib", "login.ris"])
def test_a_web_page_named_as_an_export_is_no_pubmed_xml_refusal(
    tmp_path: Path, capsys, name: str
) -> None:
    err = _import_error(tmp_path, capsys, name)
    assert f"{name}: this is a web page (HTML), not an export" in err, err
    assert "PubMed XML" not in err and "sign in and export again" in err


def test_a_web_page_named_as_xml_is_still_no_pubmed_xml(tmp_path: Path, capsys) -> None:
    err = _import_error(tmp_path, capsys, "pubmed.xml")
    assert "pubmed.xml: not PubMed XML: this is a web page (HTML)" in err, err


def test_serve_says_what_it_takes_of_a_web_page_of_any_name(tmp_path: Path, capsys) -> None:
    snapshot = tmp_path / "snapshot.html"
    snapshot.write_bytes(PAGE)
    assert main(["pubmed", "serve", "--snapshot", str(snapshot), "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert "this is a web page (HTML)" in err and "--snapshot takes NLM PubMed XML" in err, err
    assert "sign in and export again" not in err
