"""PubMed XML with the named entities PubMed's DTD defines: read as their letters.

Every PubMed DOCTYPE since 2019 names a DTD that takes in MathML 3's character entity sets
(mathml-in-pubmed.mod: isolat1, isogrk3 …, the HTML and MathML names), so ``&eacute;`` is valid
in a file that names it; PubMed's own files write letters as themselves, but a file re-written
by another tool against that DTD may not. The DTD is never read (no network, no files): the
names are the HTML5 ones, which are that set. A name outside it is refused, as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.errors import FormatError
from reviewkit.formats import pubmed_xml

DOCTYPE = (
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN"'
    ' "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">'
)


def _article(pmid: int, title: str) -> str:
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">\n'
        f'<PMID Version="1">{pmid}</PMID><Article PubModel="Print">\n'
        f"<ArticleTitle>{title}</ArticleTitle>\n"
        f"</Article></MedlineCitation></PubmedArticle>\n"
    )


def _file(tmp_path: Path, *titles: str) -> Path:
    path = tmp_path / "pubmed.xml"
    articles = "".join(_article(34000001 + i, t) for i, t in enumerate(titles))
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n{DOCTYPE}\n<PubmedArticleSet>\n{articles}'
        "</PubmedArticleSet>\n",
        encoding="utf-8",
    )
    return path


TITLES = ["Caf&eacute; workers", "&alpha;-blockers &amp; <i>work</i>&nbsp;ability", "Plain"]
READ = ["Café workers", "α-blockers & work ability", "Plain"]


def test_the_dtds_named_entities_are_read_as_their_letters(tmp_path: Path) -> None:
    path = _file(tmp_path, *TITLES)
    with path.open("rb") as fh:
        assert [r.title for r in pubmed_xml.read(fh, str(path))] == READ


def test_the_parallel_reader_reads_them_as_the_serial_one(tmp_path: Path) -> None:
    """Its batches are parsed without the file's head: they get its DOCTYPE, or an entity is
    'not defined' there (refused as malformed XML while the serial reader read it)."""
    path = _file(tmp_path, *TITLES)
    got = pubmed_xml.read_parallel(str(path), str(path), workers=2, batch=1)
    assert [r.title for r in got] == READ


def test_a_name_the_dtd_does_not_define_is_refused_at_its_line(tmp_path: Path) -> None:
    path = _file(tmp_path, "Plain", "Caf&nosuchentity; workers")
    with path.open("rb") as fh, pytest.raises(FormatError) as found:
        list(pubmed_xml.read(fh, str(path)))
    assert found.value.where == f"{path}:10" and "nosuchentity" in found.value.message
    assert found.value.hint


PAST = 70_000  # line breaks in a comment: the articles below start past line 65,535


def _refused_at(path: Path) -> str:
    with path.open("rb") as fh, pytest.raises(FormatError) as found:
        list(pubmed_xml.read(fh, str(path)))
    assert "nosuchentity" in found.value.message
    return found.value.where


def test_a_name_opening_its_element_past_line_65535_is_refused_at_its_line(tmp_path: Path) -> None:
    """libxml2 keeps no line of a reference's own: with no text before it in its element it
    gave its parent's, which past line 65,535 is 65,535. (The article's '<PubmedArticle>' and
    '<MedlineCitation>' share a line: its line was its first text's, one below, as well.)"""
    path = _file(tmp_path, "Plain", "&nosuchentity; workers")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("<PubmedArticleSet>\n", f"<PubmedArticleSet>\n<!--{chr(10) * PAST}-->\n")
    )
    assert _refused_at(path) == f"{path}:{11 + PAST}"


def test_a_name_after_an_element_of_several_lines_is_refused_at_its_own_line(
    tmp_path: Path,
) -> None:
    """After an element, libxml2 gave that element's first line."""
    path = _file(tmp_path, "Plain", "<i>Caf\n\ne</i>&nosuchentity; workers")
    assert _refused_at(path) == f"{path}:12"


def test_a_name_after_a_hundred_warnings_of_another_kind_is_read_as_its_letter(
    tmp_path: Path,
) -> None:
    """libxml2 reports at most 100 warnings a parse: after 100 of another kind (an 'xml:space'
    of no value XML names) the entity's warning was never logged and its title kept
    '&eacute;'."""
    other = 'Plain <i xml:space="bogus">work</i>'
    path = _file(tmp_path, *[other] * 100, "Caf&eacute; workers")
    with path.open("rb") as fh:
        assert [r.title for r in pubmed_xml.read(fh, str(path))][-1] == "Café workers"
