"""A large PubMed XML file (read by worker processes: formats.pubmed_xml.read_parallel) holding
text decoded in a wrong encoding is warned of as a small one is (formats.control_chars): the
parallel reader bypassed the check, and said nothing. And a file declaring its encoding
(ISO-8859-1, Windows-1252, as a tool re-saving PubMed's XML may write it) is read by the
workers in that encoding, as the serial reader reads it: the batches were parsed as UTF-8,
refusing a right Latin-1 file ('Invalid bytes') and reading a wrongly declared one otherwise
than a small file of the same bytes.

A file whose head the batch cutter cannot take as it stands is read by the serial reader,
whatever its size: white space before the XML declaration (refused, as XML and the serial
reader refuse it; the batches were read without the declaration, as UTF-8), lines ending in CR
alone (the batches' lines counted LFs: a warning named the wrong line).

The threshold is lowered to 0 so that a small file takes the large files' path."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main


def _article(pmid: int, title: str, year: str = "") -> str:
    issue = (
        f"<Journal><JournalIssue><PubDate><Year>{year}</Year></PubDate></JournalIssue></Journal>"
    )
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">\n'
        f'<PMID Version="1">{pmid}</PMID><Article PubModel="Print">\n'
        f"{issue * bool(year)}<ArticleTitle>{title}</ArticleTitle>\n"
        f"</Article></MedlineCitation></PubmedArticle>\n"
    )


def _file(encoding: str, titles: list[str]) -> str:
    articles = "".join(_article(1001 + i, t) for i, t in enumerate(titles))
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n'
        '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN"'
        ' "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>\n'
        f"{articles}</PubmedArticleSet>\n"
    )


def _import(tmp_path: Path, capsys, data: bytes, parallel: bool, monkeypatch) -> tuple:
    from reviewkit.formats import pubmed_xml

    monkeypatch.setattr(pubmed_xml, "PARALLEL_MIN_BYTES", 0 if parallel else 1 << 40)
    project = tmp_path / ("parallel" if parallel else "serial")
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    path = tmp_path / "pubmed.xml"
    path.write_bytes(data)
    capsys.readouterr()
    code = main(["import", str(path), "--project", str(project)])
    out, err = capsys.readouterr()
    with sqlite3.connect(project / "review.sqlite") as db:
        titles = [t for (t,) in db.execute("SELECT title FROM records ORDER BY id")]
    return code, out + err, path, titles


# 250 articles: the second batch of 200 holds the garbled ones, so the count adds up batches
TITLES = [f"Return to work, cohort {i}" for i in range(250)]
TITLES[210] = "CafÃ© workers"
TITLES[240] = "Workersâ€™ voice"


@pytest.mark.parametrize("parallel", [False, True], ids=["serial", "parallel"])
def test_text_decoded_wrongly_in_a_large_file_is_warned_of(
    tmp_path: Path, capsys, monkeypatch, parallel: bool
) -> None:
    data = _file("UTF-8", TITLES).encode("utf-8")
    code, said, path, _ = _import(tmp_path, capsys, data, parallel, monkeypatch)
    assert code == 0, said
    line = 4 + 4 * 210  # the 211th article's first line, below the declaration, DOCTYPE, root
    assert f"warning: {path}: 2 records held text decoded in a wrong encoding" in said, said
    assert f"('Ã©' for 'é'; first: record at line {line})" in said, said


@pytest.mark.parametrize("parallel", [False, True], ids=["serial", "parallel"])
@pytest.mark.parametrize(
    ("encoding", "title"),
    [("ISO-8859-1", "Åland's workers"), ("windows-1252", "Workers’ voice – a cohort")],
)
def test_a_declared_encoding_is_read_by_the_workers(
    tmp_path: Path, capsys, monkeypatch, parallel: bool, encoding: str, title: str
) -> None:
    titles = ["Return to work in São Paulo", title]
    data = _file(encoding, titles).encode(encoding)
    code, said, _, stored = _import(tmp_path, capsys, data, parallel, monkeypatch)
    assert code == 0, said
    assert stored == titles and "warning" not in said, said


@pytest.mark.parametrize("parallel", [False, True], ids=["serial", "parallel"])
def test_utf8_declared_latin1_reads_as_a_small_file_does(
    tmp_path: Path, capsys, monkeypatch, parallel: bool
) -> None:
    """UTF-8 bytes declared ISO-8859-1 are read as declared (libxml2 honours the declaration)
    and warned of as garbled, whatever the file's size."""
    data = _file("ISO-8859-1", ["Return to work", "Café workers"]).encode("utf-8")
    code, said, _, stored = _import(tmp_path, capsys, data, parallel, monkeypatch)
    assert code == 0, said
    assert stored == ["Return to work", "CafÃ© workers"], said
    assert "1 record held text decoded in a wrong encoding" in said, said


@pytest.mark.parametrize("parallel", [False, True], ids=["serial", "parallel"])
def test_white_space_before_the_declaration_is_refused_whatever_the_size(
    tmp_path: Path, capsys, monkeypatch, parallel: bool
) -> None:
    """NLM's files start with the declaration; XML allows nothing before it. The parallel
    reader imported such a file, its batches read as UTF-8 whatever it declared."""
    data = b"\n  " + _file("ISO-8859-1", ["Return to work", "Åland's workers"]).encode("latin-1")
    code, said, path, stored = _import(tmp_path, capsys, data, parallel, monkeypatch)
    assert code != 0 and stored == [], said
    assert f"{path}:2: the XML declaration (<?xml …?>) does not start the file" in said, said
    assert "delete the blank lines or text before '<?xml'" in said, said


@pytest.mark.parametrize("parallel", [False, True], ids=["serial", "parallel"])
def test_a_warning_in_a_file_of_cr_line_ends_names_its_line(
    tmp_path: Path, capsys, monkeypatch, parallel: bool
) -> None:
    """An old Mac's line ends (CR alone): the serial reader reads them as LFs; the batch cutter
    counted LFs only, and named line 1 for every batch's first article."""
    articles = _article(1001, "Return to work") + _article(1002, "Sick leave", year="n.d.")
    head = _file("UTF-8", []).replace("</PubmedArticleSet>\n", "")
    data = (head + articles + "</PubmedArticleSet>\n").replace("\n", "\r").encode()
    code, said, path, stored = _import(tmp_path, capsys, data, parallel, monkeypatch)
    assert code == 0 and stored == ["Return to work", "Sick leave"], said
    assert f"warning: {path}:10: element PubDate/Year: 'n.d.' is no year" in said, said
