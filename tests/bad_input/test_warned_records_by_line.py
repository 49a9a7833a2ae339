"""The import's warnings of records holding what was lost or is no text name the first such
record by the line it starts at, as the untitled warning does (formats.read_warnings.record_at):
text decoded in a wrong encoding, control characters, U+FFFD. They named 'record 2', a count
no one finds in a file of thousands. Also a citation judged as the import keeps it: a journal
of control characters only is none (formats.findable.has_citation)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main

XML_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN"'
    ' "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>\n'
)


def _article(pmid: int, title: str) -> str:
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">\n'
        f'<PMID Version="1">{pmid}</PMID><Article PubModel="Print">\n'
        f"<ArticleTitle>{title}</ArticleTitle>\n"
        f"</Article></MedlineCitation></PubmedArticle>\n"
    )


# each file's second record holds {title}; the line it starts at
FILES = {
    "ris": (
        "TY  - JOUR\nTI  - Return to work\nPY  - 2020\nER  - \n\n"
        "TY  - JOUR\nTI  - {title}\nPY  - 2021\nER  - \n",
        6,
    ),
    "nbib": (
        "PMID- 1001\nTI  - Return to work\nDP  - 2020\n\nPMID- 1002\nTI  - {title}\nDP  - 2021\n",
        5,
    ),
    "bib": (
        "@article{a,\n  title = {Return to work},\n  year = {2020}\n}\n\n"
        "@article{b,\n  title = {{title}},\n  year = {2021}\n}\n",
        6,
    ),
    "csv": ('title,year\n"Return to work",2020\n"{title}",2021\n', 3),
    "xml": (
        XML_HEAD
        + _article(1001, "Return to work")
        + _article(1002, "{title}")
        + "</PubmedArticleSet>\n",
        8,
    ),
}


def _import(tmp_path: Path, capsys, ext: str, title: str) -> tuple[int, str, Path, int]:
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    text, line = FILES[ext]
    path = tmp_path / f"export.{ext}"
    path.write_text(text.replace("{title}", title), encoding="utf-8")
    capsys.readouterr()
    code = main(["import", str(path), "--project", str(project)])
    return code, capsys.readouterr().err, path, line


@pytest.mark.parametrize("ext", ["ris", "nbib", "bib", "csv", "xml"])
def test_text_decoded_wrongly_names_the_records_line(tmp_path: Path, capsys, ext: str) -> None:
    code, err, path, line = _import(tmp_path, capsys, ext, "CafÃ© workers")
    assert code == 0, err
    assert f"warning: {path}: 1 record held text decoded in a wrong encoding" in err, err
    assert f"'Ã©' for 'é'; first: record at line {line})" in err, err
    assert "record 2" not in err, err


@pytest.mark.parametrize("ext", ["ris", "nbib", "bib", "csv"])  # XML 1.0 holds none
def test_control_characters_name_the_records_line(tmp_path: Path, capsys, ext: str) -> None:
    code, err, path, line = _import(tmp_path, capsys, ext, "Return\x01 to\x02 work")
    assert code == 0, err
    assert f"warning: {path}: 1 record held control characters" in err, err
    assert f"U+0002 ×1; first: record at line {line})" in err, err
    assert "record 2" not in err, err


@pytest.mark.parametrize("ext", ["ris", "nbib", "bib", "csv", "xml"])
def test_replacement_character_names_the_records_line(tmp_path: Path, capsys, ext: str) -> None:
    code, err, path, line = _import(tmp_path, capsys, ext, "Sykefrav\ufffdr")
    assert code == 0, err
    title_line = line + {"xml": 2, "csv": 0}.get(ext, 1)  # the line holding it
    assert f"warning: {path}:{title_line}: 1 record holds U+FFFD" in err, err
    assert f"(first: record at line {line});" in err, err
    assert "record 2" not in err, err


def test_records_sharing_a_line_are_named_by_their_number_too(tmp_path: Path, capsys) -> None:
    """An EndNote XML export is written on one line: every record starts at line 1, which
    alone finds none of them."""
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    record = (
        '<record><ref-type name="Journal Article">17</ref-type>'
        "<titles><title>{}</title></titles><dates><year>2020</year></dates></record>"
    )
    records = record.format("Return to work") + record.format("CafÃ© workers")
    path = tmp_path / "library.xml"
    path.write_text(f'<?xml version="1.0"?><xml><records>{records}</records></xml>\n')
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 0
    err = capsys.readouterr().err
    assert "'Ã©' for 'é'; first: record 2 (at line 1))" in err, err


def test_an_untitled_record_sharing_a_line_is_named_by_its_number_too(
    tmp_path: Path, capsys
) -> None:
    """The untitled warning names a record of a one-line EndNote XML export as the other
    warnings do: 'record at line 1' alone finds none of them."""
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    titled = (
        '<record><ref-type name="Journal Article">17</ref-type>'
        "<titles><title>Return to work</title></titles><dates><year>2020</year></dates></record>"
    )
    untitled = (
        '<record><ref-type name="Journal Article">17</ref-type>'
        "<abstract>Workers on sick leave were followed for a year.</abstract>"
        "<dates><year>2021</year></dates></record>"
    )
    path = tmp_path / "library.xml"
    path.write_text(f'<?xml version="1.0"?><xml><records>{titled}{untitled}</records></xml>\n')
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 0
    err = capsys.readouterr().err
    assert "record 2 (at line 1) has no title" in err, err


def test_a_journal_of_control_characters_is_no_citation(tmp_path: Path, capsys) -> None:
    """Kept without its control characters, the journal is empty: the record, with no
    title, identifier or abstract, holds nothing to find it by, and is refused (it was
    imported as a citation when its journal was judged with .strip(), which keeps them)."""
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    path = tmp_path / "export.ris"
    path.write_text(
        "TY  - JOUR\nJO  - \x01\x02\nVL  - 3\nSP  - 1\nEP  - 9\nPY  - 2020\nER  - \n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:1: record 1 has neither a title nor an identifier" in err, err
    assert "nothing was imported" in err, err
    path.write_text(path.read_text().replace("\x01\x02", "J Occup Rehabil"), encoding="utf-8")
    assert main(["import", str(path), "--project", str(project)]) == 0  # a journal's name is
