"""Vendors' exports not covered before (round 2): EBSCOhost, ProQuest, Cochrane Library, Embase.com,
Google Scholar, Rayyan, Covidence, EndNote XML, RefWorks. Files hand-made from the vendors'
documented layouts; each imported through the CLI into a fresh project."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from core.cli_imports import imported, refused

from reviewkit import formats
from reviewkit.cli import main
from reviewkit.errors import FormatError

FIXTURES = Path(__file__).parent / "fixtures"


def test_covidence_csv_published_year_is_the_year(tmp_path: Path) -> None:
    first, second = imported(tmp_path, FIXTURES / "covidence_export.csv")
    assert (first.year, second.year) == (2019, 2020)
    assert first.title == "Return to work after sick leave"
    assert first.authors == ["Smith, J.", "Doe, A."]
    assert (first.doi, first.journal, first.pages) == (
        "10.1007/s10926-018-9999-1",
        "Journal of Occupational Rehabilitation",
        "100-110",
    )
    assert first.abstract.startswith("Background: x.")


def test_embase_csv_first_last_page_and_medline_pmid(tmp_path: Path) -> None:
    (rec,) = imported(tmp_path, FIXTURES / "embase_export.csv")
    assert (rec.pages, rec.pmid) == ("200-208", "30000002")
    assert rec.journal == "Journal of Rehabilitation Medicine"  # SOURCE TITLE, not SOURCE
    assert (rec.year, rec.doi, rec.authors) == (
        2019,
        "10.2340/16501977-2500",
        ["Smith J.", "Doe A.B."],
    )


def test_ebsco_accession_number_of_another_database_is_no_pmid(tmp_path: Path) -> None:
    # EBSCOhost writes its database's accession number in AN and names the database in DB
    # (ccm CINAHL, a9h Academic Search): an 8-digit Academic Search number is not a PMID
    cinahl, academic = imported(tmp_path, FIXTURES / "ebsco_export.ris")
    assert (cinahl.pmid, academic.pmid) == ("", "")
    assert cinahl.title == "Graded return to work after sick leave for common mental disorders"
    assert cinahl.authors == ["Smith, John A.", "Doe, Jane"]
    assert (cinahl.year, cinahl.doi, cinahl.journal) == (
        2019,
        "10.1007/s10926-018-9999-1",
        "Journal of Occupational Rehabilitation",
    )
    assert cinahl.abstract.endswith("Results: Faster return.")  # EBSCO writes it in N2
    assert (academic.year, academic.doi, academic.pages) == (2020, "10.3233/WOR-203001", "301-309")


def test_ris_accession_number_is_the_pmid_in_medline_or_unnamed(tmp_path: Path) -> None:
    text = "TY  - JOUR\nTI  - T\nAN  - 30000001\nDB  - {db}\nER  - \n"
    for db, pmid in (("mdc", "30000001"), ("Ovid MEDLINE(R) ALL", "30000001"), ("psyh", "")):
        path = tmp_path / f"{db[:3]}.ris"
        path.write_text(text.format(db=db))
        assert [r.pmid for r in formats.read_file(path)] == [pmid]
    path = tmp_path / "zotero.ris"
    path.write_text("TY  - JOUR\nTI  - T\nAN  - 30000001\nER  - \n")
    assert [r.pmid for r in formats.read_file(path)] == ["30000001"]


def test_cochrane_library_plain_text_export_is_read(tmp_path: Path) -> None:
    # CENTRAL's 'Plain text' export: 'Record #1 of N', then 'TAG: value' lines
    trial, protocol = imported(tmp_path, FIXTURES / "cochrane_central.txt")
    assert trial.title == "Graded return to work for sick-listed workers: a randomised trial"
    assert (trial.authors, trial.year, trial.pmid) == (["Smith J", "Doe A"], 2019, "30000001")
    assert (trial.doi, trial.journal) == (
        "10.1007/s10926-018-9999-1",
        "Journal of occupational rehabilitation",
    )
    assert (trial.volume, trial.issue, trial.pages) == ("29", "1", "100-110")
    assert trial.section("RESULTS") == "Return to work was faster."
    # its MeSH, the major heading starred ('*Return to Work'): the heading is the keyword
    assert trial.keywords == ["Adult", "Humans", "Return to Work"]
    assert trial.source == "Cochrane Library"
    assert (protocol.title, protocol.year, protocol.doi, protocol.pages) == (
        "Workplace dialogue meeting trial",
        2020,
        "",
        "55",
    )


def test_cochrane_plain_text_cut_before_its_last_record_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (FIXTURES / "cochrane_central.txt").read_text()
    cut = tmp_path / "cut.txt"
    cut.write_text(text.replace("of 2\n", "of 3\n"))
    assert "ends after record #2 of its 3" in refused(tmp_path, cut, capsys)


def test_endnote_xml_export_is_read(tmp_path: Path) -> None:
    # EndNote's XML: <xml><records><record>, text wrapped in <style> elements
    first, second = imported(tmp_path, FIXTURES / "endnote_export.xml")
    assert first.title == "Graded return to work: a cohort"
    assert first.authors == ["Smith, John A.", "Ødegård, Kari"]
    assert (first.year, first.doi, first.pmid) == (2019, "10.1007/s10926-018-9999-1", "30000001")
    assert (first.journal, first.volume, first.issue, first.pages) == (
        "Journal of Occupational Rehabilitation",
        "29",
        "1",
        "100-110",
    )
    assert first.section("RESULTS") == "Return to work was faster."
    assert first.keywords == ["Return to Work", "Sick Leave"]
    assert first.source == "EndNote XML"
    # no <periodical>: the journal is the secondary title; an EBSCOhost number is no PMID
    assert (second.journal, second.pmid, second.doi) == ("Work", "", "10.3233/WOR-203001")


def test_endnote_xml_cut_short_is_refused_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (FIXTURES / "endnote_export.xml").read_text()
    cut = tmp_path / "cut.xml"
    cut.write_text(text[: text.index("<record><rec-number>2")])
    err = refused(tmp_path, cut, capsys)
    assert "broken XML" in err and "cut.xml:" in err


def test_refworks_tagged_format_is_read(tmp_path: Path) -> None:
    # 'RT Journal Article' opens a record; two-character tags, a space, the value
    first, second = imported(tmp_path, FIXTURES / "refworks_export.txt")
    assert first.title == "Graded return to work"
    assert first.authors == ["Smith, John A.", "Doe, Jane"]
    assert (first.year, first.doi, first.pages) == (2019, "10.1007/s10926-018-9999-1", "100-110")
    assert (first.journal, first.volume, first.issue) == (
        "Journal of Occupational Rehabilitation",
        "29",
        "1",
    )
    assert [(s.label, s.text) for s in first.abstract_sections] == [
        ("Background", "x."),
        ("Results", "y."),
    ]
    assert (second.title, second.authors, second.year) == ("Second record", ["Lee, Kim"], 2020)


# shapes read as they are (guards against checks for damaged files refusing them): file,
# then the first record's title, first author, year, DOI, journal, pages, PMID
READ_AS_THEY_ARE = [
    # ProQuest: SP holds the whole range, DO a doi.org link, blank lines after the last ER
    (
        "proquest_export.ris",
        "Sickness absence and return to work: a register study",
        "Hansen, Per",
        2019,
        "10.1186/s12889-019-1234-5",
        "BMC Public Health",
        "1-12",
        "",
    ),
    # EBSCOhost PsycINFO: CRLF, T1/A1/Y1/N2/JO, an APA accession number
    (
        "ebsco_psycinfo_crlf.ris",
        "Return to work in PsycINFO",
        "Berg, Ola",
        2018,
        "10.1111/sjop.12345",
        "Scandinavian Journal of Psychology",
        "1-9",
        "",
    ),
    # Embase.com: A1 'Smith J.', Y1 '2019//', two DB lines, the DOI also as an L2 link, the
    # MEDLINE PMID in C5
    (
        "embase_export.ris",
        "Return to work after stroke: a cohort study",
        "Smith J.",
        2019,
        "10.2340/16501977-2500",
        "Journal of Rehabilitation Medicine",
        "200-208",
        "30000002",
    ),
    # Google Scholar: one @article per file, title={...}, no line break after the last brace
    (
        "google_scholar.bib",
        "Graded return to work",
        "Smith, John A",
        2019,
        "",
        "Work",
        "",
        "",
    ),
    # Rayyan: 'key' column, authors joined with ' and ', its decisions in 'notes'
    (
        "rayyan_export.csv",
        "Return to work after sick leave",
        "Smith, J.",
        2019,
        "10.1007/s10926-018-9999-1",
        "Journal of Occupational Rehabilitation",
        "100-110",
        "",
    ),
    (
        "rayyan_export.ris",
        "Return to work after sick leave",
        "Smith, J.",
        2019,
        "10.1007/s10926-018-9999-1",
        "Journal of Occupational Rehabilitation",
        "100-110",
        "",
    ),
    # Ovid MEDLINE tagged text (CRLF) ending without a line break after its last field
    (
        "ovid_no_final_newline.txt",
        "Return to work after sick leave: a randomised trial of a long title that wraps onto a"
        " second line",
        "Smith, John A",
        2019,
        "10.1000/ovid.1",
        "Journal of Occupational Rehabilitation",
        "100-110",
        "31000001",
    ),
    # PubMed nbib without a final line break, its last SO whole but wrapped over two lines
    (
        "pubmed_no_final_newline.nbib",
        "Return to work after sick leave: a trial.",
        "Smith, John A",
        2019,
        "10.1000/rtw.2019.1",
        "Journal of occupational rehabilitation",
        "",
        "30000001",
    ),
]


@pytest.mark.parametrize(
    ("name", "title", "author", "year", "doi", "journal", "pages", "pmid"), READ_AS_THEY_ARE
)
def test_vendor_export_read_as_it_is(
    tmp_path: Path,
    name: str,
    title: str,
    author: str,
    year: int,
    doi: str,
    journal: str,
    pages: str,
    pmid: str,
) -> None:
    rec = imported(tmp_path, FIXTURES / name)[0]
    assert (rec.title, rec.authors[0], rec.year, rec.doi) == (title, author, year, doi)
    assert (rec.journal, rec.pages, rec.pmid) == (journal, pages, pmid)


def test_csv_accession_number_of_another_database_is_no_pmid(tmp_path: Path) -> None:
    # an 'Accession Number' column with a 'Database' column beside it (EBSCOhost's result
    # lists): CINAHL's 9-digit and Academic Search's 8-digit numbers are not PMIDs; MEDLINE's is
    path = tmp_path / "ebsco.csv"
    path.write_text(
        "Title,Author,Publication Date,Accession Number,Database\n"
        'A,"Smith, J.",2019-03-01,123456789,CINAHL Complete\n'
        'B,"Doe, J.",2020,12345678,Academic Search Complete\n'
        'C,"Lee, K.",2021,30000001,MEDLINE\n'
    )
    records = imported(tmp_path, path)
    assert [r.pmid for r in records] == ["", "", "30000001"]
    assert [r.year for r in records] == [2019, 2020, 2021]


def test_cochrane_plain_text_exports_joined_are_read_and_mixed_numbers_refused(
    tmp_path: Path,
) -> None:
    text = (FIXTURES / "cochrane_central.txt").read_text()
    joined = tmp_path / "joined.txt"
    joined.write_text(text + "\n" + text)  # numbering starts again at #1: a second export
    assert len(imported(tmp_path, joined)) == 4
    # (a gap in the numbers is a selection from the result list: test_exporter_variants)
    mixed = tmp_path / "mixed.txt"
    mixed.write_text(text.replace("Record #2 of 2", "Record #2 of 3"))
    with pytest.raises(FormatError, match="'Record #2 of 3' follows record #1 of 2"):
        list(formats.read_file(mixed))


def test_excel_workbook_export_is_read(tmp_path: Path) -> None:
    # Embase.com's Excel export: numbers stored as numbers (year, PMID, pages), a date cell,
    # an abstract with a line break; read through the CSV reader's column names
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["TITLE", "AUTHOR NAMES", "SOURCE TITLE", "PUBLICATION YEAR", "FIRST PAGE"])
    sheet["F1"], sheet["G1"], sheet["H1"] = "LAST PAGE", "DOI", "MEDLINE PMID"
    sheet["I1"], sheet["J1"] = "ABSTRACT", "ENTRY DATE"
    sheet.append(["Return to work after stroke", "Smith J., Doe A.B.", "J Rehabil Med", 2019.0])
    sheet["E2"], sheet["F2"], sheet["G2"], sheet["H2"] = 200, 208, "10.2340/16501977-2500", 30000002
    sheet["I2"], sheet["J2"] = "Background: Stroke.\nConclusion: Possible.", dt.datetime(2019, 3, 1)
    path = tmp_path / "embase.xlsx"
    book.save(path)
    (rec,) = imported(tmp_path, path)
    assert (rec.title, rec.authors, rec.year) == (
        "Return to work after stroke",
        ["Smith J.", "Doe A.B."],
        2019,
    )
    assert (rec.pages, rec.pmid, rec.doi) == ("200-208", "30000002", "10.2340/16501977-2500")
    assert (rec.journal, rec.source) == ("J Rehabil Med", "Excel import")
    # its Title-case NLM labels make two sections (the prefill's section:CONCLUSION finds one)
    assert rec.abstract == "Background: Stroke.\nConclusion: Possible."


def test_old_excel_workbook_is_refused_with_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "embase.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    err = refused(tmp_path, path, capsys)
    assert "Excel 97-2003 workbook (.xls)" in err and "CSV UTF-8" in err


def test_endnote_xml_every_records_element_is_read(tmp_path: Path) -> None:
    # two exports pasted into one <xml>: the second <records> was dropped silently
    text = (FIXTURES / "endnote_export.xml").read_text()
    start, end = text.index("<records>"), text.index("</records>") + len("</records>")
    joined = tmp_path / "joined.xml"
    joined.write_text(text[:end] + text[start:end] + text[end:])
    assert len(imported(tmp_path, joined)) == 4


def test_endnote_xml_in_utf16_or_with_an_attribute_on_its_root_is_detected(
    tmp_path: Path,
) -> None:
    text = (FIXTURES / "endnote_export.xml").read_text()
    body = text[text.index("<xml>") :]
    wide = tmp_path / "wide.xml"
    wide.write_bytes(('<?xml version="1.0" encoding="UTF-16"?>\n' + body).encode("utf-16"))
    assert formats.detect(wide) == "endnote-xml"
    assert len(imported(tmp_path, wide)) == 2
    attr = tmp_path / "attr.xml"
    attr.write_text(body.replace("<xml>", '<xml xmlns:xi="http://www.w3.org/2001/XInclude">', 1))
    assert formats.detect(attr) == "endnote-xml"
    empty = tmp_path / "empty.xml"
    empty.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<xml><records/></xml>\n')
    assert formats.detect(empty) == "endnote-xml"


def test_cochrane_export_whose_first_record_is_short_is_detected(tmp_path: Path) -> None:
    # a record of one field: the third line is already the next 'Record #2 of N'
    short = tmp_path / "short.txt"
    short.write_text("Record #1 of 2\nTI: A trial\n\nRecord #2 of 2\nID: CN-01234568\nTI: B\n")
    assert formats.detect(short) == "cochrane"
    assert [r.title for r in imported(tmp_path, short)] == ["A trial", "B"]


def test_excel_formula_is_read_as_its_value_and_refused_without_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Title", "Year"])
    book.active.append(["Return to work after sick leave", 1])
    made = io.BytesIO()
    book.save(made)
    path = tmp_path / "saved.xlsx"
    with zipfile.ZipFile(made) as good, zipfile.ZipFile(path, "w") as out:
        for info in good.infolist():  # B2 as Excel saves a formula: with its value
            data = good.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<v>1</v>", b"<f>2000+19</f><v>2019</v>")
            out.writestr(info.filename, data)
    (record,) = imported(tmp_path, path)
    assert record.year == 2019
    # as openpyxl and pandas write a formula: no value, which was read as an empty cell
    book.active["B2"] = "=2000+19"
    book.save(path)
    assert main(["import", str(path), "--project", str(tmp_path / "review")]) == 2
    assert "cell B2 holds a formula without the value" in capsys.readouterr().err
