"""Readers: each format reads every field right, with its provenance; real PubMed data reads too."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import formats, offline_data
from reviewkit.errors import FormatError
from reviewkit.formats import pubmed_xml
from reviewkit.records import AbstractSection, Record

FIXTURES = Path(__file__).parent / "fixtures"
METAPUB = offline_data.dataset_dir("metapub-fixtures") / "tests/fixtures/pmid_xml"


def read(name: str | Path, **kwargs: object) -> list[Record]:
    return list(formats.read_file(FIXTURES / name if isinstance(name, str) else name, **kwargs))


def sections(rec: Record) -> list[tuple[str, str]]:
    return [(s.label, s.text) for s in rec.abstract_sections]


# --- hand-made fixtures ------------------------------------------------------------------


def test_ris_reads_every_field() -> None:
    first, second = read("sample.ris")
    assert (
        first.title
        == "Return to work after sick leave for common mental disorders: a systematic review"
    )
    assert sections(first) == [
        ("BACKGROUND", "Common mental disorders cause long sick leave."),
        ("METHODS", "We searched PubMed and Embase."),
        ("CONCLUSIONS", "Collaboration with the employer helps."),
    ]
    assert first.abstract.startswith("BACKGROUND: Common mental disorders")
    assert first.authors == ["Nieuwenhuijsen, Karen", "Ørsted, Hans Christian"]
    assert (first.year, first.journal, first.volume, first.issue) == (
        2020,
        "Journal of Occupational Rehabilitation",
        "30",
        "2",
    )
    assert first.pages == "123-129"  # SP 123 / EP 9 expanded
    assert first.doi == "10.1007/S10926-019-09999-X"  # resolver prefix dropped, case as written
    assert (first.pmid, first.pmcid, first.language) == ("31234567", "PMC7654321", "English")
    assert first.publication_types == ["Journal Article", "Systematic Review"]
    assert first.keywords == ["return to work", "sick leave"]
    assert first.mesh_terms == ["Sick Leave", "Mental Disorders"]
    assert first.url == "https://link.example.org/article/123"
    assert first.affiliations == ["University of Oslo, Norway"]
    assert (first.source, first.origin, first.position) == (
        "RIS import",
        str(FIXTURES / "sample.ris"),
        1,
    )
    assert first.raw.startswith("TY  - JOUR\nTI  - Return to work") and first.raw.endswith("ER  - ")

    # T1 / A1 / Y1 / T2 alternatives, a wrapped line, an e-locator and N2 for the abstract
    assert second.title == "Vocational rehabilitation in Norway"
    assert second.authors == ["Berg, Åse"]
    assert (second.year, second.journal, second.pages) == (
        2015,
        "Handbook of Work Disability",
        "e0123",
    )
    assert sections(second) == [("", "An unstructured abstract that runs over one line only.")]
    assert (second.doi, second.pmid, second.position) == ("", "", 2)
    assert "T1  - Vocational rehabilitation in\n      Norway" in second.raw


def test_medline_reads_every_field() -> None:
    first, second = read("sample.nbib")
    assert (
        first.title
        == "Professional rehabilitation and return to work in mental health: a systematic review."
    )
    assert [s.label for s in first.abstract_sections] == [
        "BACKGROUND",
        "METHODS",
        "RESULTS",
        "CONCLUSIONS",
    ]
    assert first.section("CONCLUSION") == "Coordinated services help people return to work."
    assert first.authors == ["Hansen, Kari", "Olsen, Per Ivar"]  # FAU preferred to AU
    assert (first.year, first.journal, first.volume, first.issue, first.pages) == (
        2021,
        "BMC public health",
        "21",
        "1",
        "45-49",
    )
    assert first.doi == "10.1186/S12889-021-10000-1"  # as written
    assert (first.pmid, first.pmcid, first.language) == ("33000001", "PMC8000001", "eng")
    assert first.publication_types == ["Journal Article", "Systematic Review"]
    assert first.keywords == ["return to work", "sick leave"]
    assert first.mesh_terms == [
        "Humans",
        "Mental Disorders",
        "Return to Work",
    ]  # '*' and '/subheading' dropped
    assert first.affiliations == [
        "Department of Public Health, University of Bergen, Norway."
    ]  # once, not per author
    assert first.source == "PubMed" and first.position == 1
    assert first.raw.startswith("PMID- 33000001") and first.raw.endswith(
        "SO  - BMC Public Health. 2021 Mar;21(1):45-9."
    )

    assert (second.pmid, second.title, second.authors, second.year) == (
        "33000002",
        "A second record without an abstract.",
        ["Berg, Åse"],
        2019,
    )
    assert second.abstract_sections == [] and second.language == "nor" and second.position == 2
    assert second.raw.startswith("PMID- 33000002") and "PMID- 33000001" not in second.raw


_TWO_RECORDS = (
    "PMID- 1\nTI  - Return to work.\nSO  - BMC Public Health. 2021 Mar;21(1):45-9.\n\n"
    "PMID- 2\nTI  - Sick leave.\nSO  - Occup Med. 2024 Jan 5. doi: 10.1000/aop.2. Online ahead\n"
    "      of print"
)


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        (_TWO_RECORDS + ".\n", False),
        (_TWO_RECORDS + ".", False),  # whole, only the final line break missing: still read
        (_TWO_RECORDS, True),  # the last SO (wrapped) stops before its period: cut short
        (_TWO_RECORDS.replace("Online ahead\n      of print", "Onl"), True),
    ],
)
def test_medline_a_last_so_line_cut_mid_line_is_refused(text: str, cut: bool) -> None:
    if not cut:
        assert [r.pmid for r in formats.medline.read(text, "x.nbib")] == ["1", "2"]
        return
    with pytest.raises(FormatError, match="middle of the last record's 'SO  - ' line"):
        list(formats.medline.read(text, "x.nbib"))


def test_bibtex_reads_every_field() -> None:
    first, second = read("sample.bib")
    assert (
        first.title == "Return to Work after sick leave: Österreich & Norway compared"
    )  # LaTeX decoded
    assert first.authors == ["Hansen, Kari", "Ørsted, Hans Christian", "Müller, Jörg"]
    assert sections(first) == [
        ("OBJECTIVE", "To compare 50% of cases."),
        ("RESULTS", "Fewer days of sick leave."),
    ]
    assert (first.year, first.journal, first.volume, first.issue, first.pages) == (
        2021,
        "Scandinavian Journal of Public Health",
        "49",
        "3",
        "301-309",
    )
    assert (first.doi, first.pmid, first.language) == (
        "10.1177/1403494820000001",
        "33000003",
        "english",
    )
    assert first.keywords == ["return to work", "sick leave", "collaboration"]
    assert first.url == "https://example.org/paper"
    assert (first.source, first.position) == ("BibTeX import", 1)
    assert first.raw.startswith("@article{hansen2021,") and '{\\"O}sterreich' in first.raw

    # quoted values, a booktitle as the journal, eprinttype = pubmed for the PMID
    assert (second.title, second.authors, second.year) == (
        "Workplace dialogue meetings",
        ["Berg, Åse"],
        2019,
    )
    assert (second.journal, second.pmid, second.position) == (
        "Proceedings of the Nordic Work Health Conference",
        "30999999",
        2,
    )
    assert second.raw.startswith("@inproceedings{berg2019,")


def test_bibtex_fields_without_a_comma_between_are_refused(tmp_path: Path) -> None:
    """'=' inside braces or quotes, @string names and '#' are values; 'name =' after a value
    without a comma is a missing comma, which bibtexparser would merge into that value."""
    good = tmp_path / "good.bib"
    good.write_text(
        '@string{sjweh = "Scand J Work Environ Health"}\n'
        "@article{a2020,\n"
        "  title = {Sick leave when n = 500 {and {k = 3}}},\n"
        '  note = "x = 1" # sjweh,\n'
        "  journal = sjweh,\n"
        "  year = 2020\n"
        "}\n",
        encoding="utf-8",
    )
    (rec,) = read(good)
    assert (rec.title, rec.journal, rec.year) == (
        "Sick leave when n = 500 and k = 3",
        "Scand J Work Environ Health",
        2020,
    )
    bad = tmp_path / "bad.bib"
    bad.write_text(
        "@article{a2020,\n  title = {Sick leave},\n  year = 2020\n  journal = {BMJ}\n}\n",
        encoding="utf-8",
    )
    with pytest.raises(FormatError) as caught:
        read(bad)
    assert caught.value.where == f"{bad}:4"
    assert "no comma between field 'year' and field 'journal'" in caught.value.message


def test_csv_scopus_export() -> None:
    first, second = read("scopus.csv")
    assert first.title == "Sick leave, work and health: a cohort study"
    assert first.authors == ["Smith J.", "Doe A."]
    assert (first.year, first.journal, first.volume, first.issue) == (
        2018,
        "Occupational and Environmental Medicine",
        "75",
        "4",
    )
    assert first.pages == "250-258"  # 'Page start' and 'Page end' columns
    assert (first.doi, first.pmid, first.language) == (
        "10.1136/oemed-2017-104000",
        "29000001",
        "English",
    )
    assert sections(first) == [
        ("BACKGROUND", "Sick leave is common."),
        ("RESULTS", "It fell."),
    ]  # inline labels
    assert first.keywords == ["sick leave", "cohort"]  # 'Author Keywords'
    assert first.publication_types == ["Article"]
    assert first.url.startswith("https://www.scopus.com/")
    assert (first.source, first.position) == ("CSV import", 1)
    assert first.raw.startswith(
        '"Smith J.; Doe A.","Smith, John (1)'
    )  # the row as written in the file
    assert second.pages == "e033000"  # no page range: the article number
    assert sections(second) == [("", 'An abstract about "dialogue" meetings.')]
    assert second.pmid == "" and second.issue == "" and second.position == 2


def test_csv_web_of_science_tab_export() -> None:
    (rec,) = read("wos.txt")
    assert rec.title == "Coordinated return to work in Denmark"
    assert rec.authors == ["Larsen, Mette", "Nilsen, Tor"]  # AF, full names, as in plain text
    assert (rec.year, rec.volume, rec.issue, rec.language) == (2017, "27", "3", "English")
    assert rec.pages == "401-412"  # BP/EP, not PG (which is Web of Science's page count)
    assert (rec.doi, rec.pmid) == ("10.1007/s10926-016-9999-1", "27700001")
    assert rec.publication_types == ["Article"]  # DT, not PT ('J')
    assert rec.keywords == ["return to work", "coordination"]
    assert rec.affiliations == [
        "[Larsen, M] Univ Copenhagen, Copenhagen, Denmark",
        "[Nilsen, T] Univ Oslo, Oslo, Norway",
    ]
    assert rec.raw.startswith("J\tLarsen, M; Nilsen, T\t")  # the original tab-separated line


def test_csv_asreview_export() -> None:
    first, second = read("asreview.csv", source="ASReview")
    assert first.title == "Individual placement and support for people with depression"
    assert sections(first) == [("OBJECTIVE", "To test IPS."), ("RESULTS", "More people worked.")]
    assert first.authors == ["Hellström, L", "Bech, P"]
    assert (first.doi, first.year, first.keywords) == (
        "10.1016/j.jad.2017.01.001",
        2017,
        ["IPS", "depression"],
    )
    assert first.source == "ASReview"
    assert first.raw.count("\n") == 1  # a quoted cell over two lines stays in the record's raw text
    assert (second.title, second.authors, second.doi, second.position) == (
        "Unrelated cardiology trial",
        ["Jones, A"],
        "",
        2,
    )


def test_pubmed_xml_reads_every_field() -> None:
    first, second = read("sample.xml")
    assert (
        first.title == "Return to work after common mental disorders: a systematic review."
    )  # <i> flattened
    assert sections(first) == [
        ("OBJECTIVES", "To review return-to-work interventions."),
        ("METHODS", "We searched PubMed and Embase."),
        ("CONCLUSIONS", "Work-focused care with the employer helps."),
    ]
    assert first.authors == ["Nieuwenhuijsen, Karen", "Ørsted, HC", "The RTW Study Group"]
    assert (first.year, first.journal) == (
        2021,
        "Scandinavian journal of work, environment & health",
    )
    assert (first.volume, first.issue, first.pages) == ("47", "5", "345-356")
    assert (first.doi, first.pmid, first.pmcid, first.language) == (
        "10.5271/sjweh.3960",
        "34000001",
        "PMC8300001",
        "eng",
    )
    assert first.publication_types == ["Journal Article", "Systematic Review"]
    assert first.keywords == ["return to work", "sick leave"]
    assert first.mesh_terms == ["Humans", "Mental Disorders"]
    assert first.url == "https://pubmed.ncbi.nlm.nih.gov/34000001/"
    assert first.affiliations == ["Amsterdam UMC, Netherlands."]
    assert (first.source, first.position) == ("PubMed", 1)
    assert (
        first.raw.startswith("<PubmedArticle>") and '<PMID Version="1">34000001</PMID>' in first.raw
    )
    assert "34000002" not in first.raw

    assert second.title == "[Sick leave certification by general practitioners]."
    assert (second.year, second.language, second.position) == (
        2019,
        "nor",
        2,
    )  # MedlineDate '2019 Nov-Dec'
    assert sections(second) == [("", "An unstructured abstract.")]
    assert second.doi == "" and second.authors == []


def test_pubmed_xml_reports_deleted_citations() -> None:
    with open(FIXTURES / "sample.xml", "rb") as fh:
        assert pubmed_xml.deleted_pmids(fh, "sample.xml") == ["11111111", "22222222"]
    assert len(read("sample.xml")) == 2  # a DeleteCitation is not a record


# --- real data ---------------------------------------------------------------------------


def test_biopython_medline_files() -> None:
    (one,) = read(offline_data.path("biopython-tests", "Tests/Medline/pubmed_result1.txt"))
    assert one.title == "The Bio* toolkits--a brief overview."
    assert (one.pmid, one.year, one.journal, one.pages) == (
        "12230038",
        2002,
        "Briefings in bioinformatics",
        "296-302",
    )
    assert one.authors == ["Mangalam, Harry"]
    assert "Software" in one.mesh_terms and one.language == "eng"

    two = read(offline_data.path("biopython-tests", "Tests/Medline/pubmed_result2.txt"))
    assert [r.pmid for r in two] == ["16403221", "16377612", "14871861", "14630660"]
    first = two[0]
    assert first.title == "A high level interface to SCOP and ASTRAL implemented in python."
    assert [s.label for s in first.abstract_sections] == ["BACKGROUND", "RESULTS", "CONCLUSION"]
    assert first.doi == "10.1186/1471-2105-7-10" and first.pmcid == "PMC1373603"
    assert first.authors == ["Casbon, James A", "Crooks, Gavin E", "Saqi, Mansoor A S"]
    assert first.mesh_terms[:2] == ["Database Management Systems", "Databases, Protein"]
    assert [r.position for r in two] == [1, 2, 3, 4]

    (three,) = read(offline_data.path("biopython-tests", "Tests/Medline/pubmed_result3.txt"))
    assert three.pmid == "23039619" and three.doi == "10.1118/1.4748329"
    assert three.section("PURPOSE").startswith("High-intensity focused ultrasound")
    assert three.publication_types == ["Journal Article", "Research Support, Non-U.S. Gov't"]


def test_every_metapub_efetch_reply_reads() -> None:
    """216 real efetch replies, some without a DOCTYPE line: every one reads without error."""
    files = sorted(METAPUB.glob("*.xml"))
    assert len(files) == 216
    without_doctype = [f for f in files if b"<!DOCTYPE" not in f.read_bytes()[:500]]
    assert without_doctype  # the set really holds such files
    counts = {}
    for path in files:
        assert formats.detect(path) == "pubmed-xml", path.name
        recs = list(formats.read_file(path))
        counts[path.stem] = len(recs)
        for rec in recs:
            assert rec.title and rec.pmid and rec.raw.startswith("<Pubmed")
    # one reply is an empty PubmedArticleSet (the PMID was withdrawn); all others hold their article
    assert [name for name, n in counts.items() if n != 1] == ["37909814"]


@pytest.mark.parametrize(
    ("pmid", "title", "year", "doi", "first_author"),
    [
        (
            "1234567",
            "The effect of castration and peroral estrogen therapy on some psychological functions.",
            1975,
            "10.1159/000398269",
            "Rauramo, L",
        ),
        (
            "11636720",
            "Anaxagoras' theory of sex differentiation and heredity.",
            1973,
            "10.1163/156852873x00014",
            "Kember, O",
        ),
    ],
)
def test_metapub_known_values(
    pmid: str, title: str, year: int, doi: str, first_author: str
) -> None:
    (rec,) = read(METAPUB / f"{pmid}.xml")
    assert (rec.pmid, rec.title, rec.year, rec.doi, rec.authors[0]) == (
        pmid,
        title,
        year,
        doi,
        first_author,
    )


def test_pubmed_snapshot_single_article() -> None:
    (rec,) = read(offline_data.path("pubmed-snapshot", offline_data.PUBMED_SAMPLE))
    assert rec.title == "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma."
    assert rec.pmid == "29768149" and rec.doi == "10.1056/NEJMoa1715274"
    assert (rec.year, rec.journal, rec.volume, rec.issue, rec.pages) == (
        2018,
        "The New England journal of medicine",
        "378",
        "20",
        "1865-1876",
    )
    assert [s.label for s in rec.abstract_sections] == [
        "BACKGROUND",
        "METHODS",
        "RESULTS",
        "CONCLUSIONS",
    ]
    assert rec.authors[:2] == ["O'Byrne, Paul M", "FitzGerald, J Mark"]
    assert "Randomized Controlled Trial" in rec.publication_types
    assert "Asthma" in rec.mesh_terms


def test_record_round_trips_through_json() -> None:
    rec = read("sample.xml")[0]
    again = Record.from_json(rec.to_json(), raw=rec.raw)
    assert again == rec
    assert isinstance(again.abstract_sections[0], AbstractSection)


def test_csv_short_rows_throughout_without_final_line_break(tmp_path: Path) -> None:
    """Rows that leave out their trailing empty cells all through the file are the file's style:
    its last row, short too and with no line break after it, is read, not called cut short."""
    path = tmp_path / "typed.csv"
    path.write_text("title,year,journal,doi\nFirst study,2019\nSecond study,2020", "utf-8")
    assert [(r.title, r.year) for r in read(path)] == [
        ("First study", 2019),
        ("Second study", 2020),
    ]


def test_csv_last_row_short_after_whole_rows_is_cut(tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_text("title,year,journal\nFirst study,2019,BMJ\nSecond st", "utf-8")
    with pytest.raises(FormatError, match="cut short|no line break") as caught:
        read(path)
    # a row typed in by hand without its empty cells looks the same: the message says how to
    # keep it (Notepad ends a file without a line break)
    assert "end the file with a line break" in (caught.value.hint or "")
    path.write_text("title,year,journal\nFirst study,2019,BMJ\nSecond study,2020\n", "utf-8")
    assert [r.title for r in read(path)] == ["First study", "Second study"]


def test_bibtex_bare_comment_command_is_not_a_cut_entry(tmp_path: Path) -> None:
    """BibTeX skips '@comment' without braces (btxdoc): such a file is valid, and its entries
    are read; an '@type' with no brace after it is still refused on its own line."""
    path = tmp_path / "refs.bib"
    path.write_text(
        "@comment Exported from the group library, 2024-03-01\n"
        "@article{a2020, title = {Sick leave}, year = 2020}\n"
        "\n@COMMENT checked by KB\n",
        encoding="utf-8",
    )
    assert [r.title for r in read(path)] == ["Sick leave"]
    path.write_text(path.read_text(encoding="utf-8") + "@misc\n", encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read(path)
    assert caught.value.where == f"{path}:5"


def test_a_csv_cell_line_starting_with_at_word_brace_is_no_bibtex_entry(tmp_path: Path) -> None:
    """A line of a quoted CSV cell may start '@home {x}' (a handle, a tweet): BibTeX's entries
    are '@type{key,' or one of its three commands, so the file is still a CSV (it was taken
    for BibTeX; found by the round-trip property test)."""
    path = tmp_path / "refs.txt"
    path.write_text('title,affiliations\n"Sick leave","Oslo\n@home {x}"\n', encoding="utf-8")
    assert formats.detect(path) == "csv"
    path.write_text("% exported\n@misc{,\n  title = {Sick leave}\n}\n", encoding="utf-8")
    assert formats.detect(path) == "bibtex"  # a key-less entry is still an entry


def test_a_note_with_a_link_between_bibtex_entries_is_no_table_row(tmp_path: Path) -> None:
    """Text between entries is a comment to BibTeX; a note there holding a link whose query
    has commas ('ids=1,2,3,4') is no CSV row joined to the file (it was refused as one)."""
    path = tmp_path / "refs.bib"
    path.write_text(
        "@article{a1,\n  title = {Return to work},\n}\n\n"
        "See also: https://example.org/list?ids=1,2,3,4\n\n"
        "@article{a2,\n  title = {Sick leave},\n}\n",
        encoding="utf-8",
    )
    assert [r.title for r in formats.read_file(path)] == ["Return to work", "Sick leave"]
