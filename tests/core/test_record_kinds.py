"""Record kinds and publishers (grey literature): every reader that names them keeps them, the
RIS and BibTeX writers give them back in their own types and fields, and search runs' stored
fingerprints stay valid."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.dedup.pair_queue import record_type
from reviewkit.formats.kinds import record_kind
from reviewkit.records import Record
from reviewkit.searches.run import fingerprint

# a grey report (Norway's labour and welfare directorate) as a reference manager exports it;
# tests/reports/test_grey_references.py imports the same file into a project
REPORT_RIS = (Path(__file__).parent / "fixtures" / "grey_report.ris").read_text(encoding="utf-8")


def read(tmp_path: Path, name: str, text: str) -> list[Record]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(formats.read_file(path))


def written(recs: list[Record], fmt: str) -> str:
    out = io.StringIO()
    formats.write(recs, fmt, out)
    return out.getvalue()


def test_a_report_from_ris_keeps_its_type_and_publisher_through_ris_and_bibtex(tmp_path):
    (rec,) = read(tmp_path, "grey.ris", REPORT_RIS)
    assert (rec.kind, rec.publisher, rec.place) == (
        "report",
        "Arbeids- og velferdsdirektoratet",
        "Oslo",
    )
    assert record_type(rec) == "report"  # what dedup review shows beside its id (was '—')
    ris = written([rec], "ris")
    assert "TY  - RPRT" in ris and "PB  - Arbeids- og velferdsdirektoratet" in ris
    assert "CY  - Oslo" in ris
    bib = written([rec], "bibtex")
    assert bib.startswith("@techreport{")
    assert "institution = {Arbeids- og velferdsdirektoratet}" in bib and "address = {Oslo}" in bib
    for fmt, text in (("ris", ris), ("bibtex", bib), ("csv", written([rec], "csv"))):
        (back,) = read(tmp_path, f"back.{fmt}", text)
        assert (back.kind, back.publisher, back.place) == (rec.kind, rec.publisher, rec.place)


@pytest.mark.parametrize(
    ("code", "kind", "bibtex"),
    [
        ("JOUR", "", "@article{"),
        ("THES", "thesis", "@phdthesis{"),
        ("CONF", "conference", "@inproceedings{"),
        ("CPAPER", "conference", "@inproceedings{"),
        ("GOVDOC", "report", "@techreport{"),
        ("BOOK", "book", "@book{"),
        ("CHAP", "chapter", "@incollection{"),
        ("ELEC", "web", "@online{"),
        ("GEN", "generic", "@misc{"),
        ("MAP", "generic", "@misc{"),  # a type no kind of ours says more of
    ],
)
def test_ris_types_map_to_kinds_and_bibtex_entry_types(tmp_path, code, kind, bibtex):
    (rec,) = read(tmp_path, "t.ris", REPORT_RIS.replace("TY  - RPRT", f"TY  - {code}"))
    assert rec.kind == kind
    assert written([rec], "bibtex").startswith(bibtex)
    (back,) = read(tmp_path, "t.bib", written([rec], "bibtex"))
    assert back.kind == kind


def test_bibtex_issuers_and_a_chapter_s_book(tmp_path):
    bib = (
        "@phdthesis{berg2020, title = {Return to work}, author = {Berg, Kari}, year = {2020},"
        " school = {University of Bergen}, address = {Bergen}}\n"
        "@inproceedings{lie2019, title = {Dialogue meetings}, author = {Lie, Anne}, year = {2019},"
        " booktitle = {Proceedings of the Nordic Work Conference}, organization = {NIVA},"
        " pages = {12--19}}\n"
    )
    thesis, paper = read(tmp_path, "g.bib", bib)
    assert (thesis.kind, thesis.publisher, thesis.place) == (
        "thesis",
        "University of Bergen",
        "Bergen",
    )
    assert (paper.kind, paper.publisher, paper.journal) == (
        "conference",
        "NIVA",
        "Proceedings of the Nordic Work Conference",
    )
    ris = written([thesis, paper], "ris")
    assert "TY  - THES" in ris and "PB  - University of Bergen" in ris and "TY  - CONF" in ris
    again = written([thesis, paper], "bibtex")
    assert "school = {University of Bergen}" in again
    assert "booktitle = {Proceedings of the Nordic Work Conference}" in again


def test_types_named_in_publication_types_give_the_kind(tmp_path):
    """MEDLINE PT, EndNote's ref-type name, a CSV's Document Type: kept as publication types,
    the kind read from them, and exported in RIS as their type."""
    nbib = (
        "PMID- 31000009\nTI  - Sickness absence in Norway\nDP  - 2019\n"
        "PT  - Technical Report\nPB  - Norwegian Institute of Public Health\nPL  - Oslo\n\n"
    )
    (medline,) = read(tmp_path, "r.nbib", nbib)
    assert record_kind(medline) == "report" and medline.kind == ""
    assert (medline.publisher, medline.place) == ("Norwegian Institute of Public Health", "Oslo")
    endnote = (
        '<?xml version="1.0" encoding="UTF-8" ?><xml><records><record>'
        '<ref-type name="Report">27</ref-type><titles><title>Work and health</title></titles>'
        "<dates><year>2021</year></dates><publisher>SINTEF</publisher>"
        "<pub-location>Trondheim</pub-location><urls><related-urls><url>https://sintef.no/r1</url>"
        "</related-urls></urls></record></records></xml>"
    )
    (en,) = read(tmp_path, "r.xml", endnote)
    assert record_kind(en) == "report" and (en.publisher, en.place) == ("SINTEF", "Trondheim")
    csv = (
        "Title,Year,Document Type,Publisher,URL\n"
        "Coordinated rehabilitation,2020,Book Chapter,Gyldendal,https://example.org/c\n"
    )
    (row,) = read(tmp_path, "s.csv", csv)
    assert record_kind(row) == "chapter" and row.publisher == "Gyldendal"
    ris = written([medline, en, row], "ris")
    assert [ln for ln in ris.splitlines() if ln.startswith("TY")] == [
        "TY  - RPRT",
        "TY  - RPRT",
        "TY  - CHAP",
    ]
    assert "PB  - SINTEF" in ris
    # written and read again, the record holds what it held (the kind the types say is not
    # stored a second time)
    (back,) = read(tmp_path, "back.ris", written([medline], "ris"))
    assert back.kind == "" and record_kind(back) == "report"


def test_a_journal_article_reads_and_writes_as_before(tmp_path):
    (rec,) = read(
        tmp_path,
        "a.ris",
        "TY  - JOUR\nTI  - A trial\nPY  - 2020\nJO  - BMJ\nDO  - 10.1/x\nER  - \n",
    )
    assert (rec.kind, rec.publisher, rec.place) == ("", "", "")
    assert "TY  - JOUR" in written([rec], "ris")
    assert written([rec], "bibtex").startswith("@article{")


def test_a_search_run_s_fingerprint_is_unchanged_by_the_new_fields():
    """Records stored by earlier runs were fingerprinted without kind, publisher and place: a
    record without them hashes as it did (else every record of the next run is 'changed')."""
    rec = Record(
        title="Return to work",
        authors=["Nilsen, Ola"],
        year=2018,
        journal="J Occup Rehabil",
        doi="10.1/ABC",
        pmid="123",
        publication_types=["Journal Article"],
        source="PubMed",
    )
    assert fingerprint(rec) == "8c9bdb96005bb6f818d6"  # as computed before the fields existed
    rec.publisher = "Springer"
    assert fingerprint(rec) != "8c9bdb96005bb6f818d6"


def test_a_book_s_bt_is_its_title_not_its_container(tmp_path):
    """RIS BT is a book's title when it has no TI, and a chapter's book otherwise."""
    book, chapter = read(
        tmp_path,
        "b.ris",
        "TY  - BOOK\nBT  - Arbeid og helse\nPY  - 2019\nPB  - Gyldendal\nER  -\n"
        "TY  - CHAP\nTI  - Dialogue meetings\nBT  - Arbeid og helse\nPY  - 2019\nER  -\n",
    )
    assert (book.title, book.journal, book.kind) == ("Arbeid og helse", "", "book")
    assert (chapter.title, chapter.journal, chapter.kind) == (
        "Dialogue meetings",
        "Arbeid og helse",
        "chapter",
    )


def test_a_csv_entrytype_column_names_the_kind(tmp_path):
    """CoLRev's and bib-dedupe's CSV give BibTeX's entry type in 'ENTRYTYPE'."""
    csv = (
        "ID,ENTRYTYPE,title,year,booktitle,journal,publisher\n"
        "a1,inproceedings,Dialogue meetings at work,2019,Proc Nordic Work Conf,,NIVA\n"
        "a2,techreport,Sick leave in Norway,2018,,,FHI\n"
        "a3,article,A trial,2020,,BMJ,\n"
    )
    paper, report, article = read(tmp_path, "colrev.csv", csv)
    assert [r.kind for r in (paper, report, article)] == ["conference", "report", ""]
    assert (report.publisher, paper.publisher) == ("FHI", "NIVA")


def test_medline_export_gives_the_kind_as_nlm_s_type_and_the_imprint(tmp_path):
    (rec,) = read(tmp_path, "grey.ris", REPORT_RIS)
    nbib = written([rec], "medline")
    assert "PT  - Technical Report" in nbib
    assert "PB  - Arbeids- og velferdsdirektoratet" in nbib and "PL  - Oslo" in nbib
    (back,) = read(tmp_path, "back.nbib", nbib)
    assert record_kind(back) == "report"
    assert (back.publisher, back.place) == (rec.publisher, rec.place)


# Zotero's item types (its CSV export's 'Item Type') and the RIS type Zotero's RIS export
# writes for the same item (zotero/translators RIS.js), with the kind both are read as
ZOTERO_ITEMS = [
    ("journalArticle", "JOUR", ""),
    ("magazineArticle", "MGZN", ""),
    ("thesis", "THES", "thesis"),
    ("conferencePaper", "CONF", "conference"),
    ("report", "RPRT", "report"),
    ("bookSection", "CHAP", "chapter"),
    ("dataset", "DATA", "dataset"),
    ("manuscript", "MANSCPT", "unpublished"),
    ("letter", "PCOMM", "generic"),  # a letter sent, not a journal's letter to the editor
]


def test_a_zotero_csv_item_type_is_the_kind_its_ris_export_gives(tmp_path):
    """Zotero's 'Item Type' is its reference type, as RIS's TY is: the kind, not a publication
    type; the same items exported by Zotero as RIS are read as the same kinds."""
    csv = '"Key","Item Type","Publication Year","Author","Title","Abstract Note"\n' + "".join(
        f'"K{i}","{item}","2020","Lund, Eva","Return to work {i}","An abstract"\n'
        for i, (item, _, _) in enumerate(ZOTERO_ITEMS)
    )
    ris = "".join(
        f"TY  - {code}\nTI  - Return to work {i}\nAU  - Lund, Eva\nPY  - 2020\nER  - \n"
        for i, (_, code, _) in enumerate(ZOTERO_ITEMS)
    )
    zotero, exported = read(tmp_path, "zotero.csv", csv), read(tmp_path, "zotero.ris", ris)
    kinds = [kind for _, _, kind in ZOTERO_ITEMS]
    assert [r.kind for r in zotero] == kinds == [r.kind for r in exported]
    assert [r.publication_types for r in zotero] == [[]] * len(ZOTERO_ITEMS)
    assert [record_kind(r) for r in zotero] == kinds


def test_an_item_type_column_of_type_names_keeps_them(tmp_path):
    """Guard: an 'Item Type' column of another tool's type names (not Zotero's, its case too)
    is read as publication types, the kind from them, as before."""
    csv = (
        "Title,Year,Item Type\n"
        "Coordinated rehabilitation,2020,Book Chapter\n"
        "Sick leave in Norway,2019,Book\n"
        "A trial,2021,Journal Article\n"
    )
    chapter, book, article = read(tmp_path, "other.csv", csv)
    assert [r.publication_types for r in (chapter, book, article)] == [
        ["Book Chapter"],
        ["Book"],
        ["Journal Article"],
    ]
    assert [record_kind(r) for r in (chapter, book, article)] == ["chapter", "book", ""]


SCOPUS_ENTRY = (
    "@{entry}{{Berg2019{n},\n\tauthor = {{Berg, Tor}},\n\ttitle = {{Return to work {n}}},\n"
    "\tyear = {{2019}},\n\tjournal = {{J Occup Rehabil}},\n\tdoi = {{10.1000/rk.{n}}},\n"
    "\ttype = {{{type}}},\n\tpublication_stage = {{Final}},\n\tsource = {{Scopus}}\n}}\n"
)


def test_scopus_bibtex_type_is_its_document_type_as_in_its_csv(tmp_path):
    """Scopus' BibTeX writes each record's document type in 'type', as its CSV's 'Document
    Type': the same publication types, and the kind they name, from either export."""
    types = [("ARTICLE", "Article"), ("ARTICLE", "Review"), ("CONFERENCE", "Conference paper")]
    bib = "".join(
        SCOPUS_ENTRY.format(entry=entry, type=type_, n=n) for n, (entry, type_) in enumerate(types)
    )
    csv = "Title,Year,DOI,Document Type,Source\n" + "".join(
        f"Return to work {n},2019,10.1000/rk.{n},{type_},Scopus\n"
        for n, (_, type_) in enumerate(types)
    )
    from_bib, from_csv = read(tmp_path, "scopus.bib", bib), read(tmp_path, "scopus.csv", csv)
    assert [r.publication_types for r in from_bib] == [
        ["Article"],
        ["Review"],
        ["Conference paper"],
    ]
    assert [r.publication_types for r in from_bib] == [r.publication_types for r in from_csv]
    assert [record_kind(r) for r in from_bib] == ["", "", "conference"]


def test_a_bibtex_type_elsewhere_is_no_publication_type(tmp_path):
    """Guard: outside Scopus' entries 'type' is a thesis' or report's own type (BibTeX's
    field), not read as a publication type; the entry type gives the kind, as before."""
    bib = (
        "@phdthesis{a,\n  title = {Return to work},\n  author = {Lund, Eva},\n  year = {2020},\n"
        "  school = {University of Oslo},\n  type = {PhD thesis}\n}\n"
        "@techreport{b,\n  title = {Sick leave},\n  author = {Berg, Tor},\n  year = {2019},\n"
        "  institution = {FHI},\n  type = {Working paper},\n  source = {FHI}\n}\n"
    )
    thesis, report = read(tmp_path, "other.bib", bib)
    assert (thesis.publication_types, report.publication_types) == ([], [])
    assert (thesis.kind, report.kind) == ("thesis", "report")


# how a Zotero CSV's row was stored before q45b: its Item Type as the one publication type
STORED_BEFORE_Q45B = [
    ("preprint", "", "JOUR", "@article"),  # a preprint is a journal article from every source
    ("presentation", "generic", "GEN", "@misc"),
    ("standard", "report", "RPRT", "@techreport"),
    ("audioRecording", "generic", "GEN", "@misc"),
    ("thesis", "thesis", "THES", "@phdthesis"),  # read so before too (a type name)
    ("journalArticle", "", "JOUR", "@article"),
]


@pytest.mark.parametrize(("item", "kind", "code", "entry"), STORED_BEFORE_Q45B)
def test_a_zotero_item_type_stored_before_q45b_reads_as_a_fresh_import(item, kind, code, entry):
    """Records are immutable: one stored by the reader before q45b keeps its Item Type as its
    one publication type, and is read as the kind a fresh import of the row gives, in every
    export."""
    stored = Record.from_json(
        f'{{"title": "Return to work", "year": 2020, "publication_types": ["{item}"]}}'
    )
    assert stored.kind == ""
    assert record_kind(stored) == kind
    ris, bib = io.StringIO(), io.StringIO()
    formats.write([stored], "ris", ris)
    formats.write([stored], "bibtex", bib)
    assert ris.getvalue().startswith(f"TY  - {code}")
    assert bib.getvalue().lstrip().startswith(entry + "{")


@pytest.mark.parametrize(
    "types",
    [["Preprint"], ["Letter"], ["letter", "Journal Article"], ["Presentation"]],
)
def test_type_names_of_databases_are_no_zotero_item_types(types):
    """Guard: NLM's 'Preprint', Web of Science's 'Letter' (a journal's), a type among others:
    the kind their names give ('' for these), never Zotero's reading of its own spelling."""
    assert record_kind(Record(title="Return to work", publication_types=types)) == ""


@pytest.mark.parametrize("word", ["letter", "interview"])
def test_a_lower_case_journal_type_is_no_zotero_personal_communication(word):
    """A database's type written in lower case (OpenAlex's 'letter', Lens.org's publication
    types) is a journal's letter or interview, kept as one in the exports; Zotero's item types
    of those words are personal communications, which a review's import seldom holds."""
    stored = Record(title="Return to work", publication_types=[word])
    assert record_kind(stored) == ""
    ris = io.StringIO()
    formats.write([stored], "ris", ris)
    assert ris.getvalue().startswith("TY  - JOUR")


def test_a_preprint_is_the_journal_kind_from_every_source(tmp_path):
    """Zotero's item type 'preprint' (its RIS export writes GEN) is read as a preprint is read
    from PubMed (NLM's 'Preprint'), OpenAlex and the servers' own RIS ('TY  - JOUR',
    'JF  - medRxiv'): a journal article, its repository the journal, 'Preprint' its type."""
    title = "Return to work after COVID-19"
    zotero = read(
        tmp_path,
        "zotero.csv",
        '"Key","Item Type","Publication Year","Author","Title","Publication Title","Publisher"\n'
        f'"AB23CD45","preprint","2021","Lund, Eva","{title}","","medRxiv"\n',
    )
    server = read(
        tmp_path,
        "server.ris",
        f"TY  - JOUR\nT1  - {title}\nJF  - medRxiv\nAU  - Lund, Eva\nY1  - 2021\nER  - \n",
    )
    nlm = Record(title=title, journal="medRxiv", publication_types=["Preprint"])
    (fresh,) = zotero
    assert (fresh.journal, fresh.publisher, fresh.publication_types) == (
        "medRxiv",
        "",
        ["Preprint"],
    )
    assert record_kind(fresh) == record_kind(server[0]) == record_kind(nlm) == ""
    ris = written(zotero, "ris")
    assert ris.startswith("TY  - JOUR") and "T2  - medRxiv" in ris  # the journal, as written


@pytest.mark.parametrize("types", [["Standard"], ["standard"], ["Pamphlet"]])
def test_a_standard_is_a_report_whichever_source_named_it(types):
    """EndNote's reference types 'Standard' and 'Pamphlet' (RIS STAND and PAMP), OpenAlex's
    type 'standard' (read as 'Standard') and Zotero's item type: one kind, a report."""
    assert record_kind(Record(title="Ergonomics of office work", publication_types=types)) == (
        "report"
    )
