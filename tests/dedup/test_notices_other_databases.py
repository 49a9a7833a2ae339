"""Notices typed in another database's words (dedup48b, issue 14): Embase's and Scopus's
'Erratum', Web of Science's 'Correction' and 'Retraction', and Scopus's 'Retracted' on the
retracted article itself, read as PubMed's names are. An erratum whose title is its article's
own is a notice by its type alone: it is shown with its article (not as a comment) and is no
report of the article's study. Records are read by the import's own readers, in each export's
shape (Embase's RIS keeps the type in M3, Scopus's CSV in 'Document Type', Web of Science's
plain text in DT)."""

from __future__ import annotations

from dataclasses import replace

from dedup.helpers import outcome

from reviewkit.dedup.concerns import concerns_among, notice_kind
from reviewkit.dedup.follow_on import notice_about_a_paper
from reviewkit.formats import csv_format, ris, wos
from reviewkit.records import Record

TITLE = "Effect of early mobilisation on recovery after hip fracture: a randomised trial"


def embase(m3: str, title: str = TITLE, pages: str = "245-253") -> Record:
    first, _, last = pages.partition("-")
    lines = [
        "TY  - JOUR",
        f"TI  - {title}",
        "AU  - Lindqvist, Anna",
        "AU  - Berg, Johan",
        "JO  - Journal of Orthopaedic Trauma",
        "PY  - 2019",
        "VL  - 33",
        "IS  - 5",
        f"SP  - {first}",
        *([f"EP  - {last}"] if last else []),
        *([f"M3  - {m3}"] if m3 else []),
        "ER  - ",
    ]
    return next(ris.read("\n".join(lines) + "\n", "embase.ris"))


def scopus(document_type: str, title: str = TITLE, pages: tuple[str, str] = ("245", "253")):
    header = "Authors,Title,Year,Source title,Volume,Issue,Page start,Page end,Document Type"
    row = f'"Lindqvist A., Berg J.","{title}",2019,Journal of Orthopaedic Trauma,33,5,'
    row += f"{pages[0]},{pages[1]},{document_type}"
    return next(csv_format.read(f"{header}\n{row}\n", "scopus.csv"))


def web_of_science(document_type: str, title: str = TITLE, page: str = "245") -> Record:
    lines = [
        "FN Clarivate Analytics Web of Science",
        "VR 1.0",
        "PT J",
        "AU Lindqvist, A",
        "   Berg, J",
        f"TI {title}",
        "SO JOURNAL OF ORTHOPAEDIC TRAUMA",
        f"DT {document_type}",
        "PY 2019",
        "VL 33",
        "IS 5",
        f"BP {page}",
        "ER",
        "",
        "EF",
    ]
    return next(wos.read("\n".join(lines) + "\n", "savedrecs.txt"))


def test_an_embase_erratum_titled_as_its_article_is_shown_with_it_as_an_erratum():
    article = embase("Article")
    erratum = embase("Erratum", pages="1010")
    assert erratum.publication_types == ["Erratum"]
    assert notice_about_a_paper(erratum)  # no report of the trial's study
    assert notice_kind(erratum) == "erratum"
    found = concerns_among({1: article, 2: erratum})
    assert [(c.kind, c.notice, c.how) for c in found[1]] == [("erratum", 2, "its title")]
    assert not notice_about_a_paper(article)
    # what a reviewer is shown names no type the record does not carry (NLM's 'Published
    # Erratum' is PubMed's word, said with a PMID only)
    assert [c.line() for c in found[1]] == ["Erratum (record 2, by its title)"]


def test_a_scopus_erratum_and_a_retracted_article_in_scopus_words():
    article = scopus("Article")
    erratum = scopus("Erratum", pages=("1010", ""))
    assert erratum.publication_types == ["Erratum"]
    assert notice_about_a_paper(erratum)
    found = concerns_among({1: article, 2: erratum})
    assert [(c.kind, c.notice) for c in found[1]] == [("erratum", 2)]
    # Scopus types the retracted article itself 'Retracted': its own mark, no notice
    retracted = scopus("Retracted")
    assert not notice_about_a_paper(retracted)
    marks = concerns_among({1: retracted})[1]
    assert [(c.kind, c.how) for c in marks] == [("retraction", "publication type 'Retracted'")]


def test_another_databases_erratum_type_gives_way_to_a_heading_that_names_a_retraction():
    # Scopus types retraction notices 'Erratum' ('a report of an error, correction or
    # retraction'), Web of Science typed them 'Correction' before 2016: the heading says more
    notice = scopus("Erratum", title=f"Retraction notice to: {TITLE}", pages=("1010", ""))
    assert notice_kind(notice) == "retraction"
    assert notice_kind(web_of_science("Correction", f"Retraction: {TITLE}", "1010")) == "retraction"
    # NLM's type names one kind: it stands
    pubmed = Record(title=f"Retraction: {TITLE}", publication_types=["Published Erratum"])
    assert notice_kind(pubmed) == "erratum"


def test_web_of_science_correction_and_retraction_typed_only_by_their_document_type():
    article = web_of_science("Article")
    for document_type, kind in (("Correction", "erratum"), ("Retraction", "retraction")):
        notice = web_of_science(document_type, page="1010")
        assert notice.publication_types == [document_type]
        assert notice_about_a_paper(notice)
        assert notice_kind(notice) == kind
        found = concerns_among({1: article, 2: notice})
        assert [(c.kind, c.notice) for c in found[1]] == [(kind, 2)]


# --- one DOI: an erratum told by its type carries its article's DOI (rules_identifiers) ----

DOI = "10.1097/BOT.0000000000001450"


def test_an_erratum_told_by_its_type_and_its_article_sharing_a_doi_go_to_a_person():
    # titled as its article, on its own page: one DOI merged them (same_doi), read as a notice
    # by its title only
    article = replace(embase("Article"), doi=DOI)
    for erratum in (
        replace(embase("Erratum", pages="1010"), doi=DOI),
        Record(
            title=TITLE,
            authors=["Lindqvist, Anna", "Berg, Johan"],
            journal="Journal of Orthopaedic Trauma",
            year=2019,
            volume="33",
            issue="5",
            pages="1010",
            doi=DOI,
            publication_types=["Published Erratum"],
        ),
    ):
        assert outcome(article, erratum) == ("queued", "same_doi_notice")


def test_one_erratum_typed_in_one_database_titled_in_another_merges_on_its_doi():
    # the same erratum: one source types it, the other says so in its title; one page
    typed = replace(embase("Erratum", pages="1010"), doi=DOI)
    titled = replace(embase("", title=f"Erratum: {TITLE}", pages="1010"), doi=DOI)
    assert outcome(typed, titled)[0] == "merged"
