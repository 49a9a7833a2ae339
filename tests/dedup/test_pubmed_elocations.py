"""An online-only article without pagination: PubMed gives its article number as an
ELocationID (MEDLINE's LID '... [pii]') and cites it in place of the pages; other exports
write it as the pages (RIS SP). Imported as the pages, it tells two case reports of one
volume apart and matches one article across the two exports."""

from __future__ import annotations

import pytest

from reviewkit.cli import main
from reviewkit.formats import read_file
from reviewkit.project import Project

TITLE = (
    "Recurrent syncope and ventricular tachycardia from a large cardiac fibroma treated by"
    " surgical resection in a young adult"
)
AUTHORS = ("Hansen", "Kari"), ("Olsen", "Per")
XML_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN"'
    ' "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>\n'
)


def _pubmed_xml(number: str, volume: str = "12") -> str:
    authors = "".join(
        f"<Author><LastName>{last}</LastName><ForeName>{first}</ForeName></Author>"
        for last, first in AUTHORS
    )
    return (
        XML_HEAD + '<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">'
        '<PMID Version="1">31000001</PMID><Article PubModel="Electronic">'
        "<Journal><JournalIssue>"
        + (f"<Volume>{volume}</Volume><Issue>3</Issue>" if volume else "")  # none ahead of print
        + "<PubDate><Year>2019</Year>"
        "</PubDate></JournalIssue><Title>BMJ case reports</Title>"
        "<ISOAbbreviation>BMJ Case Rep</ISOAbbreviation></Journal>"
        f"<ArticleTitle>{TITLE}.</ArticleTitle>"
        f'<ELocationID EIdType="pii" ValidYN="Y">{number}</ELocationID>'
        f'<AuthorList CompleteYN="Y">{authors}</AuthorList>'
        "</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n"
    )


def _nbib(number: str, volume: str = "12") -> str:
    return (
        f"PMID- 31000001\nTI  - {TITLE}.\nDP  - 2019\n"
        + (f"VI  - {volume}\nIP  - 3\n" if volume else "")
        + f"LID - {number} [pii]\nAU  - Hansen K\nFAU - Hansen, Kari\nAU  - Olsen P\n"
        "FAU - Olsen, Per\nJT  - BMJ case reports\nTA  - BMJ Case Rep\n"
    )


def _ris(title: str, pages: str) -> str:
    return (
        f"TY  - JOUR\nTI  - {title}\nAU  - Hansen, Kari\nAU  - Olsen, Per\nPY  - 2019\n"
        f"T2  - BMJ Case Reports\nVL  - 12\nIS  - 3\nSP  - {pages}\nER  - \n"
    )


def _dedup(project: Project, tmp_path, capsys, pubmed: tuple[str, str], ris: str) -> str:
    folder = str(project.folder)
    project.close()
    for name, text in (pubmed, ("embase.ris", ris)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert main(["import", str(path), "--project", folder]) == 0
    capsys.readouterr()
    assert main(["dedup", "--project", folder]) == 0
    return capsys.readouterr().out


PUBMED = [("pubmed.xml", _pubmed_xml), ("pubmed.nbib", _nbib)]


@pytest.mark.parametrize("pubmed", PUBMED)
def test_pubmeds_article_number_matches_the_same_number_as_pages(
    project_a, tmp_path, capsys, pubmed
):
    name, make = pubmed
    out = _dedup(project_a, tmp_path, capsys, (name, make("e228092")), _ris(TITLE, "e228092"))
    assert "1 duplicate link" in out, out


@pytest.mark.parametrize("pubmed", PUBMED)
def test_another_article_number_keeps_a_case_report_a_word_apart_from_merging(
    project_a, tmp_path, capsys, pubmed
):
    # one team's second case report in the volume: its own number, a word added to the title;
    # without PubMed's number as the page the two merged on title, authors, journal and volume
    other = _ris(TITLE.replace("syncope", "exertional syncope"), "e229004")
    out = _dedup(project_a, tmp_path, capsys, (pubmed[0], pubmed[1]("e228092")), other)
    assert "0 duplicate links, 1 pair to review" in out, out


@pytest.mark.parametrize("pubmed", PUBMED)
def test_only_an_article_number_is_read_as_the_pages(tmp_path, pubmed):
    # Elsevier's pii names a manuscript (its digits had read as page 190) and a DOI no page:
    # such a record keeps no pages, as PubMed cites none for it
    name, make = pubmed
    read = {}
    for pii in ("e228092", "2003300", "S0190-9622(18)30721-7", "10.1136/bcr-2018-228092"):
        path = tmp_path / name
        path.write_text(make(pii), encoding="utf-8")
        read[pii] = [r.pages for r in read_file(path)]
    assert read == {
        "e228092": ["e228092"],
        "2003300": ["2003300"],
        "S0190-9622(18)30721-7": [""],
        "10.1136/bcr-2018-228092": [""],
    }


@pytest.mark.parametrize("pubmed", PUBMED)
def test_a_pii_online_ahead_of_print_is_no_page(project_a, tmp_path, capsys, pubmed):
    # no volume yet: Portland's, Oxford's pii is the manuscript's id, the printed pages come
    # later; read as pages ('BCJ20210158' as a section page) it had queued the printed copy
    name, make = pubmed
    for pii in ("BCJ20210158", "ehab223", "e228092"):
        path = tmp_path / name
        path.write_text(make(pii, volume=""), encoding="utf-8")
        assert [r.pages for r in read_file(path)] == [""], pii
    printed = _ris(TITLE, "2345-2360")
    out = _dedup(project_a, tmp_path, capsys, (name, make("BCJ20210158", volume="")), printed)
    assert "1 duplicate link" in out, out
