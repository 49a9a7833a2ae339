"""The warnings of the XML readers name a record's own line past line 65,535 too
(formats.xml_lines): libxml2 keeps an element's line in 16 bits, and past it lxml gave the
line its first child ends on, one below a record's start in a pretty-printed file (NLM's: each
article's '<PubmedArticle>' then '<MedlineCitation' on the next line). A file read in one
process named the line below; the parallel reader's batches, a few thousand lines each, named
the right one. A comment of 70,000 line breaks stands in for the articles before."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main

PAST = 70_000  # line breaks in the comment: the records below start past line 65,535
PUBMED = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN"'
    ' "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>\n'
    f"<!--{chr(10) * PAST}-->\n"
    "  <PubmedArticle>\n"  # line 5 + PAST
    '    <MedlineCitation Status="MEDLINE" Owner="NLM">\n'
    '      <PMID Version="1">1001</PMID>\n'
    '      <Article PubModel="Print">\n'
    "        <Journal>\n"
    "          <JournalIssue>\n"
    "            <PubDate>\n"
    "              <Year>n.d.</Year>\n"  # line 12 + PAST
    "            </PubDate>\n"
    "          </JournalIssue>\n"
    "        </Journal>\n"
    "        <Abstract><AbstractText>Workers on sick leave.</AbstractText></Abstract>\n"
    "      </Article>\n"
    "    </MedlineCitation>\n"
    "  </PubmedArticle>\n"
    "</PubmedArticleSet>\n"
)


def _import(tmp_path: Path, capsys, name: str, text: str) -> tuple[int, str, Path]:
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    code = main(["import", str(path), "--project", str(project)])
    out, err = capsys.readouterr()
    return code, out + err, path


@pytest.mark.parametrize("parallel", [False, True], ids=["serial", "parallel"])
def test_a_pubmed_article_past_line_65535_is_named_by_its_line(
    tmp_path: Path, capsys, monkeypatch, parallel: bool
) -> None:
    from reviewkit.formats import pubmed_xml

    monkeypatch.setattr(pubmed_xml, "PARALLEL_MIN_BYTES", 0 if parallel else 1 << 40)
    code, said, path = _import(tmp_path, capsys, "pubmed.xml", PUBMED)
    assert code == 0, said
    assert f"{path}: record at line {5 + PAST} (PMID 1001) has no title" in said, said
    assert f"{path}:{12 + PAST}: element PubDate/Year: 'n.d.' is no year" in said, said


def test_an_endnote_record_past_line_65535_is_named_by_its_line(tmp_path: Path, capsys) -> None:
    record = (
        "  <record>\n"  # line 4 + PAST
        '    <ref-type name="Journal Article">17</ref-type>\n'
        "    <abstract>Workers on sick leave were followed for a year.</abstract>\n"
        "    <dates><year>n.d.</year></dates>\n"  # line 7 + PAST
        "  </record>\n"
    )
    text = f'<?xml version="1.0"?>\n<xml><records>\n<!--{chr(10) * PAST}-->\n{record}</records></xml>\n'
    code, said, path = _import(tmp_path, capsys, "library.xml", text)
    assert code == 0, said
    assert f"{path}: record at line {4 + PAST} has no title" in said, said
    assert f"{path}:{7 + PAST}: element dates/year: 'n.d.' is no year" in said, said
