"""Round 28 of bad input: what real tools write, of shapes no round had tried (samples written
here in each tool's shape, with records of our own), through ``reviewkit import``.

A sheet opened in a spreadsheet and saved again holds an error value in every cell whose text
began with '-', '+', '=' or '@' ('#NAME?'), often a column of them: each is named now (the first
twenty, the rest counted), with the damage that stopped the reading, where the first was named
alone and each import again found the next. Apple Numbers' CSV export with 'Include table names'
puts the table's name on a line above the header ('Table 1'): 'cannot tell the format' before,
read now. Dimensions' 'Pagination' column, Zotero's CSV 'Extra' ('PMID: n'), ACM's and biblatex's
article numbers ('articleno', 'eid') and Scopus' BibTeX field names were left unread, and Scopus'
'[No abstract available]' was read as the abstract. The guards at the end (Mendeley's, JabRef's,
EndNote's, Web of Science's BibTeX, IEEE Xplore's CSV, RIS whose ER has no trailing space) were
read right before and after."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL, import_refused, imported_records

from reviewkit.cli import main
from reviewkit.errors import FormatError
from reviewkit.formats.csv_read import dict_rows

HEADER = "Title,Authors,Year,DOI,Abstract\r\n"


def _row(i: int, title: str = "", abstract: str = "") -> str:
    title = title or f"Return to work, part {i}"
    return f'"{title}","Berg, T",2019,10.1000/x{i},{abstract or "An abstract"}\r\n'


def test_every_error_value_of_a_sheet_is_named(tmp_path, capsys):
    rows = [
        _row(i, "#NAME?" if i % 3 == 0 else "", "#REF!" if i == 4 else "") for i in range(1, 11)
    ]
    path = tmp_path / "saved.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    err = import_refused(tmp_path, capsys, path)
    assert f"{path}:4: the 'Title' cell holds '#NAME?', an error value a spreadsheet" in err
    for line, column, value in [
        (5, "Abstract", "#REF!"),
        (7, "Title", "#NAME?"),
        (10, "Title", "#NAME?"),
    ]:
        assert f"also {path}:{line}: the {column!r} cell holds {value!r}, an error value too" in err
    assert err.count("also ") == 3
    assert "fix all 4 problems named" in err


def test_past_twenty_error_values_the_rest_are_counted(tmp_path, capsys):
    path = tmp_path / "saved.csv"
    path.write_text(HEADER + "".join(_row(i, "#NAME?") for i in range(1, 46)), encoding="utf-8")
    err = import_refused(tmp_path, capsys, path)
    assert err.count("also ") == 19
    assert "and 25 more: only the first 20 problems are named" in err
    assert "fix all 45 problems (the first 20 named)" in err


def test_error_values_are_named_with_the_damage_that_stops_the_reading(tmp_path, capsys):
    cut = 'Sick leave,"Lund, E",2020,10.1000/y1,"an abstract cut short\r\n'
    path = tmp_path / "saved.csv"
    path.write_text(
        HEADER + _row(1) + _row(2, "#NAME?") + _row(3, "", "#VALUE!") + cut, encoding="utf-8"
    )
    err = import_refused(tmp_path, capsys, path)
    assert f"{path}:3: the 'Title' cell holds '#NAME?'" in err
    assert f"also {path}:4: the 'Abstract' cell holds '#VALUE!'" in err
    assert f"also {path}:5: a quote opened in the row starting here is never closed" in err


def test_every_error_value_of_a_workbook_is_named_by_its_row(tmp_path, capsys):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Title", "Authors", "Year", "DOI"])
    sheet.append(["#NAME?", "Smith, J", 2019, "10.1000/x1"])  # openpyxl stores an error cell
    sheet.append(["Case management", "#REF!", 2020, "10.1000/x2"])
    sheet.append(["#N/A", "Lund, E", 2021, "10.1000/x3"])
    path = tmp_path / "saved.xlsx"
    book.save(path)
    err = import_refused(tmp_path, capsys, path)
    assert f"{path}:2: the 'Title' cell holds '#NAME?'" in err
    assert f"also {path}:3: the 'Authors' cell holds '#REF!'" in err
    assert f"also {path}:4: the 'Title' cell holds '#N/A'" in err


def test_a_filled_sheet_names_every_error_value_in_the_columns_read():
    text = "record,decision,reason\r\n1,#N/A,\r\n2,exclude,#REF!\r\n3,include,\r\n4,#N/A,#N/A\r\n"
    _, rows = dict_rows(text, "sheet.csv")
    with pytest.raises(FormatError) as caught:
        list(rows)
    assert caught.value.where == "sheet.csv:2"
    message = caught.value.message
    assert "'decision' cell holds '#N/A'" in message.splitlines()[0]
    assert [ln.split(": the ")[0] for ln in message.splitlines()[1:]] == [
        "  also sheet.csv:3",
        "  also sheet.csv:5",
        "  also sheet.csv:5",
    ]
    _, rows = dict_rows(text, "sheet.csv", used=["record"])
    assert [row["record"] for _, row in rows] == ["1", "2", "3", "4"]


# Apple Numbers' CSV export with 'Include table names': the table's name on a line of its own
TWO = (
    'Title,Authors,Year,DOI\nReturn to work after sick leave,"Berg, Tor",2019,10.1000/x1\n'
    'Sick leave and work,"Lund, Eva",2020,10.1000/x2\n'
)

TWO_SEMICOLONS = (
    'Title;Authors;Year;DOI\nReturn to work after sick leave;"Berg, Tor";2019;10.1000/x1\n'
    'Sick leave and work;"Lund, Eva";2020;10.1000/x2\n'
)


@pytest.mark.parametrize(
    "data",
    [
        ("Table 1\n" + TWO).encode(),
        ("\ufeffTable 1\r\n" + TWO.replace("\n", "\r\n")).encode(),
        ("Included studies (final)\n" + TWO).encode(),
        ("Tabelle 1\n" + TWO_SEMICOLONS).encode(),
    ],
    ids=["lf", "bom-crlf", "renamed", "semicolons"],
)
def test_a_numbers_table_name_above_the_header_is_read(tmp_path, capsys, data):
    path = tmp_path / "numbers.csv"
    path.write_bytes(data)
    records = imported_records(tmp_path, capsys, path)
    assert [(r.title, r.authors, r.year) for r in records] == [
        ("Return to work after sick leave", ["Berg, Tor"], 2019),
        ("Sick leave and work", ["Lund, Eva"], 2020),
    ]


FIXTURES = Path(__file__).parent.parent / "core" / "fixtures"


@pytest.mark.parametrize("fixture", ["scopus.csv", "covidence_export.csv", "embase_export.csv"])
def test_an_export_saved_by_numbers_reads_as_the_export(tmp_path, capsys, fixture):
    """Real exports' headers ('Art. No.', Covidence's, Embase.com's with its query rows below
    the table's name), opened in Numbers and exported with the table's name above them."""
    good = imported_records(tmp_path / "good", capsys, FIXTURES / fixture)
    path = tmp_path / f"numbers-{fixture}"
    path.write_bytes(b"Table 1\n" + (FIXTURES / fixture).read_bytes().removeprefix(b"\xef\xbb\xbf"))
    saved = imported_records(tmp_path / "saved", capsys, path)
    assert [(r.title, r.authors, r.year, r.doi) for r in saved] == [
        (r.title, r.authors, r.year, r.doi) for r in good
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a reference list typed under a heading: its lines are sentences, no header row
        "References\nBerg T, Lund E. Return to work after sick leave. J Occup Rehabil. 2019.\n",
        # short fragments of prose below a line (a .bib file holding no entry): no column named
        "Write to us @ example.org\nno entries here, only prose\n",
        # a one-column file whose values hold separators (bib-dedupe's matches lists)
        "case\nsource_1.bib/0000006604;source_2.bib/0000006605\n",
        "Paper\nReturn to work, sick leave and health\n",
    ],
)
def test_a_heading_above_text_is_still_no_table(tmp_path, capsys, text):
    """Guards: a line above text that is no header row is not taken for a table's name."""
    path = tmp_path / "notes.csv"
    path.write_text(text, encoding="utf-8")
    err = import_refused(tmp_path, capsys, path)
    assert "cannot tell the format from the content" in err


DIMENSIONS = (
    '"About the data: Exported on Dec 07, 2026. Criteria: ""return to work"" in title and'
    ' abstract. © 2026 Digital Science & Research Solutions Inc."\n'
    "Rank,Publication ID,DOI,PMID,PMCID,Title,Abstract,Source title,PubYear,Volume,Issue,"
    "Pagination,Publication Type,Authors\n"
    "1,pub.1110000001,10.1000/rk.2019.01,31000001,,Return to work after sick leave,An abstract,"
    'J Occup Rehabil,2019,29,1,1-9,Article,"Berg, Tor; Lund, Eva"\n'
    "2,pub.1120000002,10.1000/rk.2020.02,,,Case management and sick leave,,Work,2020,65,2,"
    'e0239123,Article,"Lund, Eva"\n'
)


EMBASE_QUERY_ROWS = (
    '"SEARCH QUERY","\'return to work\'/exp AND [english]/lim"\n"-----"\n\n'
    '"TITLE","AUTHOR NAMES","PUBLICATION YEAR","DOI"\n'
    '"Return to work after sick leave","Berg T.","2019","10.1000/rk.2019.01"\n'
    '"Case management and sick leave","Lund E.","2020","10.1000/rk.2020.02"\n'
)


@pytest.mark.parametrize("export", [EMBASE_QUERY_ROWS, DIMENSIONS], ids=["embase", "dimensions"])
def test_a_numbers_table_name_above_an_exports_title_rows_is_read(tmp_path, capsys, export):
    """An export whose table opens with title rows above its header (Embase.com's search
    query, Dimensions' 'About the data'), saved by Numbers with the table's name above them:
    its header is looked for below them, as the CSV reader looks for it."""
    good = imported_records(tmp_path / "good", capsys, _written(tmp_path / "good.csv", export))
    saved = _written(tmp_path / "numbers.csv", "Table 1\n" + export)
    records = imported_records(tmp_path / "saved", capsys, saved)
    assert [(r.title, r.year, r.doi) for r in records] == [(r.title, r.year, r.doi) for r in good]
    assert len(records) == 2


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_dimensions_pagination_is_the_pages(tmp_path, capsys):
    path = tmp_path / "dimensions.csv"
    path.write_text(DIMENSIONS, encoding="utf-8")
    records = imported_records(tmp_path, capsys, path)
    assert [(r.title, r.pages, r.volume, r.pmid) for r in records] == [
        ("Return to work after sick leave", "1-9", "29", "31000001"),
        ("Case management and sick leave", "e0239123", "65", ""),
    ]


ZOTERO = (
    '\ufeff"Key","Item Type","Publication Year","Author","Title","Publication Title","DOI",'
    '"Abstract Note","Pages","Extra"\n'
    '"AB12CD34","journalArticle","2019","Berg, Tor; Lund, Eva","Return to work after sick leave",'
    '"J Occup Rehabil","10.1000/rk.2019.01","An abstract","1-9","PMID: 31000001 PMCID: PMC6000001"\n'
    '"EF56GH78","journalArticle","2020","Lund, Eva","Case management and sick leave","Work",'
    '"10.1000/rk.2020.02","","311-320","Publisher: Nordic Press"\n'
)


def test_zotero_extra_gives_the_pmid_and_pmcid(tmp_path, capsys):
    path = tmp_path / "zotero.csv"
    path.write_text(ZOTERO, encoding="utf-8")
    records = imported_records(tmp_path, capsys, path)
    assert [(r.pmid, r.pmcid) for r in records] == [("31000001", "PMC6000001"), ("", "")]


def test_a_pmid_column_comes_before_zotero_extra(tmp_path, capsys):
    """Guard: the row's own PMID column is its PMID; 'Extra' only fills a row that has none."""
    path = tmp_path / "zotero.csv"
    text = ZOTERO.replace('"Extra"\n', '"Extra","PMID"\n', 1).replace(
        'PMC6000001"\n', 'PMC6000001","32000009"\n'
    )
    path.write_text(text.replace('Nordic Press"\n', 'Nordic Press",""\n'), encoding="utf-8")
    records = imported_records(tmp_path, capsys, path)
    assert [r.pmid for r in records] == ["32000009", ""]


BIB = "@{kind}{{{key},\n  title = {{{title}}},\n  author = {{Lund, Eva}},\n  year = {{2021}},\n{more}}}\n"


@pytest.mark.parametrize(
    ("more", "pages"),
    [
        # ACM Digital Library: numbered papers, 'numpages' and no 'pages'
        (
            "  journal = {Proc. ACM Hum.-Comput. Interact.},\n  articleno = {112},\n  numpages = {24},\n",
            "112",
        ),
        # biblatex's electronic identifier of an article (NASA ADS, APS)
        ("  journal = {Phys. Rev. E},\n  eid = {012345},\n", "012345"),
        # pages, where both are given, are the pages
        ("  journal = {J},\n  pages = {5--9},\n  articleno = {3},\n", "5-9"),
    ],
    ids=["acm-articleno", "biblatex-eid", "pages-first"],
)
def test_an_article_number_is_the_pages_of_an_entry_without_them(tmp_path, capsys, more, pages):
    path = tmp_path / "acm.bib"
    path.write_text(
        BIB.format(
            kind="article",
            key="10.1145/3411764.3445002",
            title="Case dashboards",
            more=more + "  doi = {10.1145/3411764.3445002},\n",
        ),
        encoding="utf-8",
    )
    (record,) = imported_records(tmp_path, capsys, path)
    assert record.pages == pages


SCOPUS_RIS = (
    "TY  - JOUR\nAU  - Lund, E.\nTI  - Case management and sick leave\nPY  - 2020\nT2  - Work\n"
    "DO  - 10.1000/rk.2020.02\nAB  - [No abstract available]\nDB  - Scopus\nER  - \n"
)
SCOPUS_CSV = (
    "\ufeffAuthors,Title,Year,Source title,DOI,Abstract,Source,EID\n"
    '"Lund E.",Case management and sick leave,2020,Work,10.1000/rk.2020.02,[No abstract available],'
    "Scopus,2-s2.0-85080000002\n"
)


@pytest.mark.parametrize(("name", "text"), [("scopus.ris", SCOPUS_RIS), ("scopus.csv", SCOPUS_CSV)])
def test_scopus_no_abstract_placeholder_is_no_abstract(tmp_path, capsys, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (record,) = imported_records(tmp_path, capsys, path)
    assert record.abstract == ""


@pytest.mark.parametrize("placeholder", ["No abstract available.", "no abstract available"])
def test_the_placeholder_written_without_brackets_is_no_abstract(tmp_path, capsys, placeholder):
    """The same words without Scopus' brackets (a copy retyped, a tool that wrote the field
    for a record it had none for) say the same: the whole field is no abstract."""
    path = tmp_path / "copied.ris"
    path.write_text(SCOPUS_RIS.replace("[No abstract available]", placeholder), encoding="utf-8")
    (record,) = imported_records(tmp_path, capsys, path)
    assert record.abstract == ""


def test_an_abstract_that_says_more_is_kept(tmp_path, capsys):
    """Guard: only the whole field is the placeholder."""
    path = tmp_path / "scopus.ris"
    abstract = "[No abstract available] Letter on case management in Norway."
    path.write_text(SCOPUS_RIS.replace("[No abstract available]", abstract), encoding="utf-8")
    (record,) = imported_records(tmp_path, capsys, path)
    assert record.abstract == abstract


SCOPUS_BIB = """Scopus
EXPORT DATE: 07 December 2026

@ARTICLE{Berg2019,
\tauthor = {Berg, Tor and Lund, Eva},
\ttitle = {Return to work after sick leave},
\tyear = {2019},
\tjournal = {Journal of Occupational Rehabilitation},
\tpages = {1 – 9},
\tdoi = {10.1000/rk.2019.01},
\taffiliations = {University of Oslo, Oslo, Norway; Karolinska Institutet, Stockholm, Sweden},
\tauthor_keywords = {Return to work; Sick leave},
\tkeywords = {Humans; Sick Leave},
\tabbrev_source_title = {J. Occup. Rehabil.},
\ttype = {Article},
\tsource = {Scopus},
\tnote = {Cited by: 4}
}
"""


def test_scopus_bibtex_reads_as_its_csv(tmp_path, capsys):
    path = tmp_path / "scopus.bib"
    path.write_text(SCOPUS_BIB, encoding="utf-8")
    (record,) = imported_records(tmp_path, capsys, path)
    assert record.keywords == ["Return to work", "Sick leave"]  # the authors', as its CSV's
    assert record.journal_abbreviation == "J. Occup. Rehabil."
    assert record.affiliations == [
        "University of Oslo, Oslo, Norway",
        "Karolinska Institutet, Stockholm, Sweden",
    ]
    assert record.pages == "1-9"


OVID_RIS = (
    "1. \r\nTY  - JOUR\r\nDB  - Ovid MEDLINE(R) ALL <1946 to December 05, 2026>\r\n"
    "ID  - 31000001\r\nT1  - Return to work after sick leave.\r\nA1  - Berg, Tor\r\nY1  - 2019//\r\n"
    "JF  - Journal of Occupational Rehabilitation\r\nER  -  \r\n\r\n \r\n\r\n"
    "2. \r\nTY  - JOUR\r\nDB  - Embase <1974 to 2026 December 05>\r\nID  - 20345678\r\n"
    "T1  - Case management and sick leave.\r\nA1  - Lund, Eva\r\nY1  - 2020//\r\nER  -  \r\n\r\n"
)


def test_ovid_medline_ris_id_is_the_pmid(tmp_path, capsys):
    """Ovid's RIS: the database in DB with its coverage, the accession number in ID: the PMID
    in Ovid MEDLINE, Embase's own number in Embase (not a PMID, though of 8 digits)."""
    path = tmp_path / "ovid.ris"
    path.write_text(OVID_RIS, encoding="utf-8")
    assert [r.pmid for r in imported_records(tmp_path, capsys, path)] == ["31000001", ""]


def test_a_reference_id_is_no_pmid(tmp_path, capsys):
    """Guard: RIS's ID is a reference's own id elsewhere (EndNote's record number), though the
    record names PubMed (EndNote's 'DP  - NLM')."""
    path = tmp_path / "endnote.ris"
    text = "TY  - JOUR\nID  - 12\nTI  - Return to work\nAU  - Berg, Tor\nPY  - 2019\nDP  - NLM\nER  - \n"
    path.write_text(text, encoding="utf-8")
    (record,) = imported_records(tmp_path, capsys, path)
    assert record.pmid == ""


def test_endnotes_record_number_under_an_ovid_database_is_no_pmid(tmp_path, capsys):
    """EndNote keeps the DB an Ovid record came with (its Name of Database) and writes its own
    record number in ID, below every other field (asreview's _baseline_endnote.ris, 'ID  -
    889'): taken as the PMID, records of two libraries with the same number were one."""
    path = tmp_path / "endnote.ris"
    path.write_text(
        "TY  - JOUR\nAU  - Berg, Tor\nDB  - Ovid MEDLINE(R) ALL <1946 to December 05, 2026>\n"
        "PY  - 2019\nT2  - J Occup Rehabil\nTI  - Return to work after sick leave\nID  - 12\n"
        "ER  - \n",
        encoding="utf-8",
    )
    (record,) = imported_records(tmp_path, capsys, path)
    assert record.pmid == ""


# Excel for Mac's 'CSV (Macintosh)': CR line ends, Mac Roman text ('ö' is 0x9a)
MAC_CSV = b'Title,Authors,Year\rReturn to work in Malm\x9a,"Sj\x9agren, Eva",2019\r'


def test_a_mac_roman_csv_is_refused_naming_its_encoding(tmp_path, capsys):
    path = tmp_path / "mac.csv"
    path.write_bytes(MAC_CSV)
    err = import_refused(tmp_path, capsys, path)
    assert f"{path}:2: not UTF-8 text" in err
    assert "pass --encoding mac-roman" in err


def test_a_mac_roman_csv_reads_with_its_encoding(tmp_path, capsys):
    """Guard: with --encoding mac-roman it was read right before too."""
    path = tmp_path / "mac.csv"
    path.write_bytes(MAC_CSV)
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(path), "--project", str(project), "--encoding", "mac-roman"]) == 0
    from reviewkit.project import open_project
    from reviewkit.store import records as record_rows

    with open_project(project) as p:
        (record,) = [r for _, r in record_rows.iter_records(p.db)]
    assert (record.title, record.authors) == ("Return to work in Malmö", ["Sjögren, Eva"])


GUARDS = {
    # Mendeley Desktop's .bib: lines of text above the first entry, a file path with '$\backslash$'
    "mendeley.bib": (
        "Automatically generated by Mendeley Desktop 1.19.8\n"
        "Any changes to this file will be lost if it is overwritten.\n\n"
        "For more information, please visit: https://www.mendeley.com/guides/bibtex\n\n"
        "@article{Berg2019,\nauthor = {Berg, Tor and Lund, Eva},\ndoi = {10.1000/rk.2019.01},\n"
        "file = {:C$\\backslash$:/Users/tor/Mendeley/Berg - 2019.pdf:pdf},\n"
        "mendeley-groups = {Review},\npmid = {31000001},\n"
        "title = {{Return to work after sick leave}},\nyear = {2019}\n}\n"
    ),
    # JabRef: its encoding comment, and its meta data as @Comment entries at the end
    "jabref.bib": (
        "% Encoding: UTF-8\n\n@Article{Berg2019,\n  author    = {Berg, Tor and Lund, Eva},\n"
        "  title     = {Return to work after sick leave},\n  year      = {2019},\n"
        "  doi       = {10.1000/rk.2019.01},\n  pmid      = {31000001},\n"
        "  groups    = {included},\n}\n\n@Comment{jabref-meta: databaseType:bibtex;}\n\n"
        "@Comment{jabref-meta: grouping:\n0 AllEntriesGroup:;\n1 StaticGroup:included\\;0\\;1\\;;\n}\n"
    ),
    # EndNote's 'BibTeX Export' style: capitalised field names, its '<Go to ISI>://' link
    "endnote.bib": (
        "@article{RN12,\n   author = {Berg, Tor and Lund, Eva},\n"
        "   title = {Return to work after sick leave},\n   year = {2019},\n"
        "   DOI = {10.1000/rk.2019.01},\n   url = {<Go to ISI>://WOS:000456000000001},\n"
        "   type = {Journal Article}\n}\n\n"
    ),
    # Web of Science: a blank line first, a space before the key, 'PubMed-ID'
    "wos.bib": (
        "\n@article{ WOS:000456000000001,\nAuthor = {Berg, Tor and Lund, Eva},\n"
        "Title = {Return to work after sick leave},\nYear = {2019},\n"
        "DOI = {10.1000/rk.2019.01},\nPubMed-ID = {31000001},\nUnique-ID = {WOS:000456000000001},\n}\n"
    ),
    # IEEE Xplore's CSV: 'Document Title', names as 'T. Berg'
    "ieee.csv": (
        '"Document Title","Authors","Publication Year","DOI","PubMed ID"\n'
        '"Return to work after sick leave","Tor Berg; Eva Lund","2019","10.1000/rk.2019.01","31000001"\n'
    ),
    # RIS whose 'ER  -' has no trailing space (Mendeley Reference Manager, CRLF)
    "mendeley.ris": (
        "TY  - JOUR\r\nTI  - Return to work after sick leave\r\nAU  - Berg, Tor\r\nAU  - Lund, Eva\r\n"
        "PY  - 2019\r\nDO  - 10.1000/rk.2019.01\r\nER  -\r\n"
    ),
}


@pytest.mark.parametrize("name", GUARDS)
def test_a_real_tools_shape_read_right_before_is_read_right(tmp_path, capsys, name):
    """Guards: shapes of real tools this round tried that were read right already."""
    path = tmp_path / name
    path.write_text(GUARDS[name], encoding="utf-8")
    (record,) = imported_records(tmp_path, capsys, path)
    assert record.title == "Return to work after sick leave"
    assert record.year == 2019
    assert record.doi == "10.1000/rk.2019.01"
    assert len(record.authors) == 2
    if name != "mendeley.ris" and name != "endnote.bib":
        assert record.pmid == "31000001"


def test_a_one_column_sheet_keeps_its_header_line(tmp_path, capsys):
    """A one-column sheet whose values hold a separator: its first line is its header, not a
    table's name above a header row of values (the refusal named line 2's values)."""
    path = tmp_path / "ids.csv"
    path.write_text("case\nsource_1.bib/0000006604;source_2.bib/0000006605\n", encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(path), "--project", str(project), "--format", "csv"]) == 2
    assert f"{path}:1: no title column among the headers: case" in capsys.readouterr().err


def test_numbers_csv_reads_with_format_csv_as_before(tmp_path, capsys):
    """Guard: with --format csv the file was read before, its table-name line left out."""
    path = tmp_path / "numbers.csv"
    path.write_text("Table 1\n" + TWO, encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(path), "--project", str(project), "--format", "csv"]) == 0
    assert "2 records" in capsys.readouterr().out
