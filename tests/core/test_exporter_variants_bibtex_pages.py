"""Exports as the databases write them (round 27), continued from test_exporter_variants.py
(split to keep files under 500 lines): Web of Science's and Scopus' BibTeX, one pages value for
one article from every export, and two DOIs glued in one cell."""

from __future__ import annotations

from pathlib import Path

from core.cli_imports import imported_text

WOS_BIB = """@article{ WOS:000461234500012,
Author = {Hansen, Per and Berg, Ola and
   Lie, Kari M.},
Title = {{Return to work after sick leave for common mental disorders: a
   randomised trial}},
Journal = {{JOURNAL OF OCCUPATIONAL REHABILITATION}},
Year = {{2019}},
Volume = {{29}},
Number = {{1}},
Pages = {{100-110}},
DOI = {{10.1007/s10926-018-9999-1}},
Language = {{English}},
PubMed-ID = {{30937721}},
Unique-ID = {{WOS:000461234500012}},
}

@article{ WOS:000572000000001,
Author = {Hansen, Per},
Title = {{Work-focused healthcare}},
Journal = {{PLOS ONE}},
Year = {{2020}},
Volume = {{15}},
Number = {{9}},
Article-Number = {{e0239123}},
DOI = {{10.1371/journal.pone.0239123}},
Unique-ID = {{WOS:000572000000001}},
}
"""


def test_web_of_science_bibtex_pubmed_id_and_article_number(tmp_path: Path) -> None:
    first, second = imported_text(tmp_path, "savedrecs.bib", WOS_BIB)
    assert first.authors == ["Hansen, Per", "Berg, Ola", "Lie, Kari M."]
    assert first.title == (
        "Return to work after sick leave for common mental disorders: a randomised trial"
    )
    assert (first.pmid, first.pages, first.language) == ("30937721", "100-110", "English")
    assert (second.pages, second.pmid) == ("e0239123", "")


def test_scopus_bibtex_article_number_when_no_pages(tmp_path: Path) -> None:
    text = (
        "Scopus\nEXPORT DATE: 05 December 2026\n\n"
        "@ARTICLE{Hansen2021,\n\tauthor = {Hansen, P. and Berg, O.},\n"
        "\ttitle = {Coordinated return to work},\n\tyear = {2021},\n"
        "\tjournal = {BMC Public Health},\n\tvolume = {21},\n\tnumber = {1},\n"
        "\tdoi = {10.1186/s12889-021-11432-1},\n\tart_number = {1432},\n"
        "\tpmid = {34270000},\n\tsource = {Scopus}\n}\n"
    )
    (record,) = imported_text(tmp_path, "scopus.bib", text)
    assert (record.pages, record.pmid, record.authors) == (
        "1432",
        "34270000",
        ["Hansen, P.", "Berg, O."],
    )


def test_one_article_gets_one_pages_value_from_every_export(tmp_path: Path) -> None:
    # the same articles from three systems: Lens/Zotero RIS write an article number as SP and
    # EP alike, EBSCOhost's CSV a first page and a page count, RefWorks' tab-delimited export
    # its end page or an e-locator alone in 'Other Pages'
    ris = "TY  - JOUR\nTI  - Coordinated return to work\nSP  - 636959\nEP  - 636959\nER  -\n"
    (lens,) = imported_text(tmp_path / "lens", "lens.ris", ris)
    ebsco = (
        "Article Title,Author,Journal Title,Publication Date,First Page,Page Count,DOI\n"
        'Coordinated return to work,"Hansen, Per",Work,2022,924,11,10.1/x\n'
    )
    (cinahl,) = imported_text(tmp_path / "ebsco", "cinahl.csv", ebsco)
    refworks = (
        "Reference Type\tTitle Primary\tPub Year\tStart Page\tOther Pages\n"
        "Journal Article\tCoordinated return to work\t2020\t69\t79\n"
        "Journal Article\tGraded sick leave\t2015\t \te0144626\n"
    )
    ranged, elocator = imported_text(tmp_path / "rw", "refworks.tsv", refworks)
    assert (lens.pages, cinahl.pages) == ("636959", "924-934")
    assert (ranged.pages, elocator.pages) == ("69-79", "e0144626")


def test_two_dois_glued_in_one_cell_give_the_first(tmp_path: Path) -> None:
    # a DOI cell holding two DOIs ('…-1;10.…-2'): one DOI, not both glued; a SICI DOI keeps
    # its own ';'
    sici = "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O"
    text = (
        "Title,Year,DOI\n"
        "Coordinated return to work,2019,10.1007/s10926-018-9999-1;10.1007/s10926-018-9999-2\n"
        "Graded sick leave,2020,10.1007/s10926-018-9999-3|10.1007/s10926-018-9999-4\n"
        f"Work ability,1998,{sici}\n"
    )
    records = imported_text(tmp_path, "dois.csv", text)
    assert [r.doi for r in records] == [
        "10.1007/s10926-018-9999-1",
        "10.1007/s10926-018-9999-3",
        sici,
    ]
