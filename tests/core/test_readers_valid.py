"""Valid exports as the vendors write them are read, not refused (hand-made from their docs).

Each shape here was once refused or misread by a check meant for damaged files; every test
imports through the CLI into a fresh project (exit 0) and checks the fields read.
"""

from __future__ import annotations

from pathlib import Path

from reviewkit import formats
from reviewkit.cli import main
from reviewkit.records import Record

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
PROTOCOL = ROOT / "protocols" / "rtw-systematic-reviews.toml"


def imported(tmp_path: Path, path: Path, *args: str) -> list[Record]:
    """Import ``path`` into a fresh project through the CLI (must exit 0); its records."""
    folder = tmp_path / "review"
    if not folder.exists():
        assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(path), "--project", str(folder), *args]) == 0
    return list(formats.read_file(path))


def test_pubmed_nbib_ending_with_a_book_record(tmp_path: Path) -> None:
    # NCBI Bookshelf records (PT Book) have no SO line: they close with the bookaccession AID
    journal, ahead_of_print, book = imported(tmp_path, FIXTURES / "pubmed_book_last.nbib")
    assert journal.title.endswith("wraps onto a second line.")
    assert journal.authors == ["Smith, John A", "Doe, Jane", "RTW Study Group"]  # CN: a group
    assert (journal.year, journal.doi) == (2019, "10.1000/rtw.2019.1")
    assert journal.section("RESULTS") == "Return to work was faster."
    assert (ahead_of_print.doi, ahead_of_print.year, ahead_of_print.abstract) == (
        "10.1000/aop.2",
        2024,
        "",
    )
    assert book.title == "A Handbook of Work Disability"
    assert (book.authors, book.year, book.pmid) == (["Author, Bob"], 2010, "20000003")
    assert "Book" in book.publication_types


def test_bibtex_corporate_author_in_braces_is_one_author(tmp_path: Path) -> None:
    # Zotero and JabRef brace a corporate author; 'and' inside the braces does not split it,
    # and BibTeX's separator 'and' is matched in any case (btxdoc, "names")
    zotero, jabref = imported(tmp_path, FIXTURES / "exports.bib")
    assert zotero.authors == [
        "Agency for Healthcare Research and Quality",
        "Müller, Anna",
        "Smith, John",
    ]
    assert jabref.authors == ["Doe, Jane", "Lee, Kim"]  # 'and others' is 'et al.', no name
    assert zotero.title == "Return to work after COVID-19: the Norwegian experience"
    assert (zotero.year, zotero.doi, zotero.pages) == (2019, "10.1000/zot.1", "100-110")
    assert zotero.abstract.startswith("Background: x = y in 50% of cases.")


def test_bibtex_values_joined_with_hash_and_string_macros(tmp_path: Path) -> None:
    # '#' joins a value's parts; an @string may itself be joined from parts (btxdoc 2.1)
    _, jabref = imported(tmp_path, FIXTURES / "exports.bib")
    assert jabref.title == "Sick leave and Depression: a cohort"
    assert jabref.journal == "Journal of Occupational Rehabilitation (JOR)"
    assert (jabref.year, jabref.doi) == (2020, "10.1000/jab.2")


def test_scopus_csv_with_authors_separated_by_commas(tmp_path: Path) -> None:
    # Scopus CSV before semicolons: 'Smith J., Doe A.' and 'Gatica, G.N., Sequeira, F.A.'
    # (UTF-8 with a BOM, CRLF rows, an abstract over two lines in quotes)
    first, second = imported(tmp_path, FIXTURES / "scopus_comma_authors.csv")
    assert first.authors == ["Smith J.", "Doe A."]
    assert second.authors == ["Gatica, G.N.", "Sequeira, F.A."]
    assert first.title == "Sick leave, work and health"
    assert (first.year, first.doi, first.pages) == (2018, "10.1136/oem-2018-1", "250-258")
    assert first.section("RESULTS") == 'line "two".'
    assert (second.pages, second.doi) == ("e12", "10.1000/scp.2")


def test_pubmed_xml_book_article_keeps_its_types_and_doi(tmp_path: Path) -> None:
    # efetch output with PubMed's DOCTYPE (never fetched), markup inside titles and abstracts,
    # and a PubmedBookArticle, whose PublicationType and ArticleIdList sit in BookDocument
    article, book = imported(tmp_path, FIXTURES / "efetch_book.xml")
    assert article.title == "Effect of Lactobacillus on CO2 and Ca2+ at work."
    assert article.authors == ["Smith, John A", "The RTW Study Group"]
    assert article.section("RESULTS") == "p < 0.05 for 103 workers."
    assert (article.year, article.doi) == (2019, "10.1000/xml.1")
    assert (book.title, book.year, book.pmid) == ("Some Syndrome", 1993, "20000003")
    assert book.authors == ["Author, Bob"]
    assert book.publication_types == ["Review"]
    assert book.doi == "10.1000/book.3"


def test_ovid_tagged_export_is_read_as_medline(tmp_path: Path) -> None:
    # Ovid's tagged text: a search history first, '<1. >' before each record, Ovid's tags
    # (UI = PMID in Ovid MEDLINE, FA, YR, JN, VO, LG, DO), no SO line closing a record, CRLF
    medline, embase = imported(tmp_path, FIXTURES / "ovid_medline.txt")
    assert medline.title.endswith("a long title that wraps onto a second line")
    assert medline.authors == ["Smith, John A", "Doe, Jane"]
    assert (medline.year, medline.doi, medline.pmid) == (2019, "10.1000/ovid.1", "31000001")
    assert (medline.journal, medline.volume, medline.language) == (
        "Journal of Occupational Rehabilitation",
        "10",
        "English",
    )
    assert medline.section("RESULTS") == "Return to work was faster."
    assert medline.mesh_terms == ["Sick Leave", "Humans"]
    assert medline.keywords == ["return to work", "sick leave"]
    assert (embase.title, embase.authors, embase.pmid) == (
        "Sick leave and depression in Embase",
        ["Lee K."],
        "",  # Embase's accession number is no PMID
    )
    assert (embase.year, embase.doi) == (2019, "10.1093/occmed/kqz002")


def test_ris_with_publisher_header_lines_before_each_record(tmp_path: Path) -> None:
    # the Cochrane Library writes 'Record #n of N', 'Provider:' and 'Content:' before every
    # record (Springer and Wiley downloads before the first): not RIS, skipped between records
    first, second = imported(tmp_path, FIXTURES / "cochrane_central.ris")
    assert first.title == "Exercise for sick-listed workers"
    assert (first.authors, first.year) == (["Smith, J", "Doe, A"], 2019)
    assert first.doi == "10.1002/14651858.CD000001"
    assert (second.year, second.volume, second.abstract) == (2021, "2", "A trial abstract.")


def test_web_of_science_tab_delimited_utf16_with_quotes_in_text(tmp_path: Path) -> None:
    # Web of Science's 'Tab-delimited' export (UTF-16LE with a BOM here) does not quote its
    # cells: a title that starts with a quote is text, not a quoted cell
    first, second = imported(tmp_path, FIXTURES / "wos_utf16.txt")
    assert first.title == '"Back to work": a qualitative study'
    assert first.authors == ["Larsen, Mette", "Ødegård, Kari"]  # AF, the full names
    assert first.abstract == 'Workers said "it helped".'
    assert (first.year, first.doi, first.pmid, first.pages) == (
        2017,
        "10.1007/s10926-017-0001-1",
        "28000001",
        "401-412",
    )
    assert (second.title, second.year, second.doi) == ("Second title", 2019, "")


def test_pubmed_csv_authors_separated_by_commas(tmp_path: Path) -> None:
    # PubMed's 'Save as CSV': 'Smith JA, Doe J, Lee K.' (MEDLINE short names, a full stop
    # closing the list)
    first, second = imported(tmp_path, FIXTURES / "pubmed_export.csv")
    assert first.authors == ["Smith JA", "Doe J", "Lee K"]
    assert second.authors == ["Ødegård K."]  # one name: its full stop cannot be told apart
    assert (first.pmid, first.year, first.doi) == ("31000001", 2019, "10.1000/rtw.2019.1")
    assert first.title == "Return to work after sick leave: a trial."
