"""Exports as the databases write them (round 27): each sample is a made-up record in the shape
of a real export of that system (asreview/citation-file-formatting's Datasets/, the same records
exported from each; knh11545/commandline4expertsearchers' Ovid Embase files), imported through
the CLI into a fresh project; every field checked where it must land."""

from __future__ import annotations

from pathlib import Path

from core.cli_imports import imported_text
from core.vendor_exports import CENTRAL_RIS, EBSCO_RIS, EMBASE_CSV, OVID_EMBASE, SCOPUS_RIS


def test_scopus_ris_pmid_in_c2_and_article_number_in_c7(tmp_path: Path) -> None:
    first, second = imported_text(tmp_path, "scopus.ris", SCOPUS_RIS)
    assert first.authors == ["Hansen, P.", "Berg, O.", "Lie, K.M."]
    assert (first.journal, first.volume, first.issue) == ("BMC Public Health", "21", "1")
    assert (first.pages, first.pmid, first.doi) == (
        "1432",
        "34270000",
        "10.1186/s12889-021-11432-1",
    )
    assert (first.year, first.language) == (2021, "English")
    assert first.keywords == ["return to work", "sick leave"]
    assert (second.pages, second.pmid) == ("210-218", "")
    # EndNote's RIS writes the PMCID in C2: a number there outside a Scopus record is no PMID
    text = SCOPUS_RIS.split("\nER  -")[0].replace("DB  - Scopus", "DB  - Other") + "\nER  - \n"
    text = text.replace("https://www.scopus.com/inward/record.uri?", "https://example.org/?")
    (other,) = imported_text(tmp_path / "other", "other.ris", text)
    assert (other.pmid, other.pages) == ("", "1432")


WOS_RIS = """\ufeffTY  - JOUR
AU  - Hansen, P
AU  - Berg, O
TI  - Work-focused healthcare for musculoskeletal pain
T2  - PLOS ONE
LA  - English
AB  - Background: Back pain keeps people off work.
   Methods: A cohort of 400 workers.
   Conclusions: Early contact helps.
C3  - University of Bergen
SN  - 1932-6203
J9  - PLOS ONE
JI  - PLoS One
PY  - 2020
VL  - 15
IS  - 9
C7  - e0239123
DO  - 10.1371/journal.pone.0239123
AN  - WOS:000572000000001
ER  -
"""


def test_web_of_science_ris_article_number_and_organisations_not_pmid(tmp_path: Path) -> None:
    (record,) = imported_text(tmp_path, "savedrecs.ris", WOS_RIS)
    assert (record.journal, record.volume, record.issue) == ("PLOS ONE", "15", "9")
    assert (record.pages, record.pmid, record.year) == ("e0239123", "", 2020)
    # the abstract whole, its wrapped lines folded into one text, its sections kept
    assert record.abstract == (
        "Background: Back pain keeps people off work.\nMethods: A cohort of 400 workers.\n"
        "Conclusions: Early contact helps."
    )


def test_cochrane_ris_selection_is_read_with_its_pmid(tmp_path: Path) -> None:
    # records chosen from a result list keep their numbers there: not a file cut short
    first, second = imported_text(tmp_path, "central.ris", CENTRAL_RIS)
    assert (first.title, first.authors) == (
        "Coordinated return to work: a randomised trial",
        ["Hansen, P", "Berg, O"],
    )
    assert (first.journal, first.volume, first.issue, first.pages) == (
        "Journal of occupational rehabilitation",
        "29",
        "1",
        "100-110",
    )
    assert (first.pmid, first.doi, first.year) == ("30937721", "10.1007/s10926-018-9999-1", 2019)
    assert (second.pmid, second.doi) == ("", "")  # Embase's accession number is no PMID


CENTRAL_TXT = """Record #2 of 40
ID: CN-02100001
AU: Hansen P
TI: Coordinated return to work: a randomised trial
SO: Journal of occupational rehabilitation
YR: 2019
VL: 29
NO: 1
PG: 100-110
PM: PUBMED 30937721
DOI: 10.1007/s10926-018-9999-1
US: https://www.cochranelibrary.com/central/doi/10.1002/central/CN-02100001/full

Record #7 of 40
ID: CN-02100002
AU: Lie K
TI: Graded sick leave: trial protocol
SO: Trials
YR: 2020
US: https://www.cochranelibrary.com/central/doi/10.1002/central/CN-02100002/full
"""


def test_cochrane_plain_text_selection_is_read(tmp_path: Path) -> None:
    first, second = imported_text(tmp_path, "central.txt", CENTRAL_TXT)
    assert (first.pmid, first.pages, second.title) == (
        "30937721",
        "100-110",
        "Graded sick leave: trial protocol",
    )


def test_ebscohost_ris_doi_in_l3_and_no_copyright_notice_in_the_abstract(tmp_path: Path) -> None:
    (record,) = imported_text(tmp_path, "ebsco.ris", EBSCO_RIS)
    assert record.doi == "10.3233/WOR-210001"
    assert record.abstract == (
        "Background: Back pain keeps people off work.\nObjective: To follow them."
    )
    assert (record.journal, record.pages, record.year) == ("Work", "1001-1012", 2022)


def test_embase_csv_with_its_search_query_rows_above_the_header(tmp_path: Path) -> None:
    (record,) = imported_text(tmp_path, "embase.csv", EMBASE_CSV)
    assert (record.title, record.authors) == (
        "Coordinated return to work",
        ["Hansen P.", "Berg O."],
    )
    assert (record.journal, record.pages, record.pmid) == (
        "Journal of Occupational Rehabilitation",
        "100-110",
        "30937721",
    )
    assert record.language == "English"  # the article's, not its summary's


def test_embase_excel_csv_with_semicolons_and_title_rows(tmp_path: Path) -> None:
    # Excel's 'CSV' of the same export: semicolons, the title rows padded with empty cells
    rows = [
        "SEARCH QUERY;'sick leave':ti;;",
        "-------------------------------------;;;",
        ";;;",
        "Title;Author Names;Publication Year;Medline PMID",
        "Coordinated return to work;Hansen P., Berg O.;2019;30937721",
    ]
    (record,) = imported_text(tmp_path, "embase-excel.csv", "\ufeff" + "\r\n".join(rows) + "\r\n")
    assert (record.title, record.year, record.pmid) == (
        "Coordinated return to work",
        2019,
        "30937721",
    )


def test_lens_openalex_refworks_and_scholar_columns(tmp_path: Path) -> None:
    lens = (
        "Lens ID,Title,Publication Year,Source Title,Author/s,Volume,Issue Number,Start Page,"
        "End Page,PMID,DOI\n"
        "000-111-222-333-444,Coordinated return to work,2019,Journal of Occupational "
        "Rehabilitation,Per Hansen; Ola Berg,29,1,100,110,30937721,10.1007/s10926-018-9999-1\n"
    )
    (record,) = imported_text(tmp_path, "lens.csv", lens)
    assert (record.authors, record.issue, record.pages) == (
        ["Per Hansen", "Ola Berg"],
        "1",
        "100-110",
    )
    openalex = (
        "id,doi,title,publication_year,language,primary_location.source.display_name,"
        "biblio.volume,biblio.issue,biblio.first_page,biblio.last_page,"
        "authorships.author.display_name,keywords.display_name\n"
        "https://openalex.org/W1,https://doi.org/10.1007/s10926-018-9999-1,Coordinated return"
        " to work,2019,en,Journal of Occupational Rehabilitation,29,1,100,110,"
        "Per Hansen|Ola Berg,Return to work|Sick leave\n"
    )
    (record,) = imported_text(tmp_path / "oa", "openalex.csv", openalex)
    assert (record.authors, record.journal) == (
        ["Per Hansen", "Ola Berg"],
        "Journal of Occupational Rehabilitation",
    )
    assert (record.volume, record.issue, record.pages) == ("29", "1", "100-110")
    assert record.keywords == ["Return to work", "Sick leave"]
    refworks = (
        "Reference Type\tAuthors, Primary\tTitle Primary\tPeriodical Full\tPub Year\tVolume\tDOI\n"
        "Journal Article\tHansen,Per;Berg,Ola\tCoordinated return to work\tWork\t2019\t29\t"
        "10.1/x\n"
    )
    (record,) = imported_text(tmp_path / "rw", "refworks.tsv", refworks)
    assert (record.title, record.journal, record.year, record.authors) == (
        "Coordinated return to work",
        "Work",
        2019,
        ["Hansen,Per", "Berg,Ola"],
    )
    scholar = (
        "Authors,Title,Publication,Volume,Number,Pages,Year,Publisher\n"
        '"Hansen, Per; Berg, Ola; ",Coordinated return to work,Work,29,1,100-110,2019,IOS\n'
    )
    (record,) = imported_text(tmp_path / "gs", "scholar.csv", scholar)
    assert (record.journal, record.authors) == ("Work", ["Hansen, Per", "Berg, Ola"])


def test_ovid_embase_tagged_text_cites_from_so_and_keeps_column_zero_abstract_lines(
    tmp_path: Path, capsys
) -> None:
    first, second = imported_text(tmp_path, "embase.ovd", OVID_EMBASE)
    assert "source 'Ovid'" in capsys.readouterr().out  # not PubMed's records
    assert (first.authors, first.year, first.language) == (
        ["Hansen P.", "Berg O."],
        2019,
        "English",
    )
    assert (first.journal, first.volume, first.issue, first.pages) == (
        "Journal of Occupational Rehabilitation",
        "29",
        "1",
        "100-110",
    )
    assert first.doi == "10.1007/s10926-018-9999-1"
    assert first.pmid == ""  # an Embase accession number, not a PMID
    assert "Method(s): A trial of 400 workers." in first.abstract
    assert "Conclusion(s): Early contact helps." in first.abstract
    assert (second.journal, second.volume, second.issue, second.pages) == (
        "BMC Proceedings",
        "12",
        "Supplement 3",
        "55",
    )


def test_ovid_medline_and_psycinfo_sources_when_no_journal_field(tmp_path: Path) -> None:
    text = (
        "<1. >\nVN  - Ovid Technologies\nDB  - APA PsycInfo\nUI  - 2019-00001-001\n"
        "TI  - Return to work.\nAU  - Hansen, Per\n"
        "SO  - Journal of Occupational Rehabilitation. Vol.29(1), 2019, pp. 100-110.\n"
        "YR  - 2019\n\n"
        "<2. >\nVN  - Ovid Technologies\nDB  - Ovid MEDLINE(R) ALL\nUI  - 30937721\n"
        "TI  - Sick leave.\nAU  - Berg O\n"
        "SO  - Journal of Occupational Rehabilitation. 29(1):100-110, 2019 Mar.\nYR  - 2019\n\n"
    )
    psyc, medline = imported_text(tmp_path, "ovid.txt", text)
    for record in (psyc, medline):
        assert (record.journal, record.volume, record.issue, record.pages) == (
            "Journal of Occupational Rehabilitation",
            "29",
            "1",
            "100-110",
        )
    assert (psyc.pmid, medline.pmid) == ("", "30937721")


def test_cochrane_pages_with_a_unicode_hyphen(tmp_path: Path) -> None:
    # the Cochrane Library writes page ranges with U+2010 (HYPHEN): '43‐58' is pages 43-58, as
    # PsycINFO gives the same article
    text = CENTRAL_RIS.replace("SP  -  100\nEP  -  110", "SP  -  43\u201058")
    first, _second = imported_text(tmp_path, "central.ris", text)
    assert first.pages == "43-58"
