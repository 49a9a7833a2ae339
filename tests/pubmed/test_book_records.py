"""A book chapter (``PubmedBookArticle``) in efetch's MEDLINE text and in esummary, over real
HTTP: written as PubMed's recorded record of a chapter lays it out (reviewkit.pubmed.
book_records: PMID 20301770, a GeneReviews chapter, kept by rbturnbull/pybtexnbib) and read
back by Biopython and reviewkit's nbib and XML readers. The book served is metapub's real efetch
reply for PMID 20301546, another GeneReviews chapter (conftest's ``book_server``)."""

from __future__ import annotations

import io
import re

from Bio import Entrez, Medline
from pubmed.conftest import BOOK_PMID, book_article
from pubmed.eutils_get import get, reply

from reviewkit.formats import medline, pubmed_xml
from reviewkit.pubmed.esummary import esummary_xml
from reviewkit.pubmed.medline_text import medline_text
from reviewkit.pubmed.server import EutilsServer

# the tags of PubMed's record of PMID 20301770, in its order (each tag once)
RECORDED_ORDER = [
    "PMID", "STAT", "DRDT", "CTDT", "PB", "DP", "TI", "BTI", "AB", "CI", "FED", "ED", "FAU",
    "AU", "AD", "LA", "PT", "PL", "OTO", "OT", "EDAT", "CRDT", "AID",
]  # fmt: skip


def _medline(server: EutilsServer, ids: str) -> str:
    status, body = reply(server, "efetch", db="pubmed", id=ids, rettype="medline", retmode="text")
    assert status == 200
    return body.decode("utf-8")


def test_a_book_chapter_s_medline_text_has_the_recorded_record_s_fields_in_order(
    book_server: EutilsServer,
) -> None:
    text = _medline(book_server, BOOK_PMID)
    tags = [line[:4].strip() for line in text.splitlines() if line[:1].strip()]
    assert list(dict.fromkeys(tags)) == [t for t in RECORDED_ORDER if t in tags]
    (found,) = Medline.parse(io.StringIO(text))
    assert (found["PMID"], found["STAT"], found["DP"]) == (BOOK_PMID, "Publisher", "1993")
    assert (found["DRDT"], found["CTDT"]) == (["20200917"], ["20060202"])  # Bio: lists
    assert found["PB"] == ["University of Washington, Seattle"] and found["PL"] == "Seattle (WA)"
    assert found["TI"].endswith("Agenesis of the Corpus Callosum.")  # ended as a sentence
    assert found["BTI"] == ["GeneReviews(®)"]  # <sup>®</sup> in parentheses, as recorded
    assert found["FED"][0] == "Adam, Margaret P" and found["ED"][0] == "Adam MP"
    assert len(found["ED"]) == 6 and found["AU"] == ["Gauvreau C", "Brisson JD", "Dupré N"]
    assert found["PT"] == ["Review", "Book Chapter"] and found["OTO"] == ["NLM"]
    assert found["AB"].startswith("CLINICAL CHARACTERISTICS: Hereditary motor")
    assert found["CI"][0].startswith("Copyright © 1993-2026, University of Washington")
    assert (found["EDAT"], found["CRDT"]) == ("2020/09/17 00:00", ["2020/09/17 00:00"])
    assert found["AID"] == ["NBK1372 [bookaccession]"]
    assert "OWN" not in found and "SO" not in found and "PHST" not in found  # none recorded


def test_reviewkit_s_readers_read_back_the_book_s_medline_text_as_its_xml(
    book_server: EutilsServer,
) -> None:
    ids = ",".join(str(p) for p in book_server.snapshot.all_pmids())
    text = _medline(book_server, ids)
    nbib = {r.pmid: r for r in medline.read(text, "efetch.nbib")}
    body = get(book_server, "efetch", db="pubmed", id=ids)
    xml = {r.pmid: r for r in pubmed_xml.read(io.BytesIO(body), "efetch.xml")}
    assert list(nbib) == ids.split(",")  # the articles and the book, in the order asked
    book, from_xml = nbib[BOOK_PMID], xml[BOOK_PMID]
    assert book.title == from_xml.title + "."
    assert (book.authors, book.year, book.language) == (
        from_xml.authors,
        from_xml.year,
        from_xml.language,
    )
    assert book.abstract == from_xml.abstract and book.keywords == from_xml.keywords
    assert book.publisher == from_xml.journal == "University of Washington, Seattle"
    assert book.place == "Seattle (WA)"


def test_a_book_chapter_s_esummary_is_a_docsum_biopython_reads(book_server: EutilsServer) -> None:
    body = get(book_server, "esummary", db="pubmed", id=BOOK_PMID)
    assert b"<ERROR>" not in body
    (summary,) = Entrez.read(io.BytesIO(body))
    article = get(book_server, "esummary", db="pubmed", id=str(book_server.snapshot.all_pmids()[0]))
    # the same items as an article's (the book has no DOI)
    assert list(summary) == [k for k in Entrez.read(io.BytesIO(article))[0] if k != "DOI"]
    assert summary["Title"].startswith("Hereditary Motor and Sensory Neuropathy")
    assert summary["Source"] == "GeneReviews(®)" and summary["PubDate"] == "1993"
    assert list(summary["AuthorList"]) == ["Gauvreau C", "Brisson JD", "Dupré N"]
    assert summary["LastAuthor"] == "Dupré N" and list(summary["LangList"]) == ["English"]
    assert summary["ArticleIds"]["bookaccession"] == "NBK1372"
    assert summary["ArticleIds"]["pubmed"] == [BOOK_PMID]  # Biopython's list, as recorded
    assert summary["RecordStatus"] == "PubMed - as supplied by publisher"
    assert summary["HasAbstract"] == 1 and summary["FullJournalName"] == ""


def test_a_whole_book_s_medline_text_is_read_back_by_biopython_and_reviewkit() -> None:
    """A whole book (a BookDocument without ArticleTitle; here the chapter with its title taken
    out, as no real whole-book record is recorded): no TI, the book's title in BTI, 'Book' for
    'Book Chapter' (book_records' docstring), and both readers still find its title."""
    chapter = book_article()
    whole = re.sub(rb"<ArticleTitle[^>]*>.*?</ArticleTitle>", b"", chapter, flags=re.S)
    assert whole != chapter
    text = medline_text([whole]).decode("utf-8")
    (found,) = Medline.parse(io.StringIO(text))
    assert (
        "TI" not in found
        and found["BTI"] == ["GeneReviews(®)"]
        and found["PT"] == ["Review", "Book"]
    )
    (record,) = medline.read(text, "book.nbib")
    assert (record.pmid, record.title, record.publisher) == (
        BOOK_PMID,
        "GeneReviews(®)",
        "University of Washington, Seattle",
    )
    assert record.authors == ["Gauvreau, Claudie", "Brisson, Jean-Denis", "Dupré, Nicolas"]


def test_a_chapter_s_author_list_without_its_type_is_its_authors() -> None:
    """PubMed's DTD leaves AuthorList's Type implied (``Type (authors | editors) #IMPLIED``):
    a BookDocument's list without it holds the chapter's authors, as reviewkit's XML reader
    reads it, in MEDLINE text and in esummary alike (the book's editors stay FED/ED)."""
    chapter = book_article()
    untyped = chapter.replace(b'<AuthorList Type="authors"', b"<AuthorList")
    assert untyped != chapter
    (from_xml,) = pubmed_xml.read(
        io.BytesIO(b"<PubmedArticleSet>%s</PubmedArticleSet>" % untyped), "x"
    )
    text = medline_text([untyped]).decode("utf-8")
    (record,) = medline.read(text, "book.nbib")
    assert (
        record.authors
        == from_xml.authors
        == [
            "Gauvreau, Claudie",
            "Brisson, Jean-Denis",
            "Dupré, Nicolas",
        ]
    )
    assert "FED - Adam, Margaret P" in text
    (summary,) = Entrez.read(io.BytesIO(esummary_xml([int(BOOK_PMID)], {int(BOOK_PMID): untyped})))
    assert list(summary["AuthorList"]) == ["Gauvreau C", "Brisson JD", "Dupré N"]


def test_a_book_with_a_doi_after_its_bookshelf_id_is_read_as_a_whole_record() -> None:
    """A Bookshelf record with a DOI (NIHR Journals Library's reports carry one) has its ids
    written as AIDs in its ArticleIdList's order, the DOI after the NBK accession: as a file's
    last record it ends with PubMed's closing run of AID lines, not cut short, and its DOI is
    read."""
    chapter = book_article()
    accession = b'<ArticleId IdType="bookaccession">NBK1372</ArticleId>'
    with_doi = chapter.replace(
        accession, accession + b'<ArticleId IdType="doi">10.3310/hta00000</ArticleId>', 1
    )
    text = medline_text([with_doi]).decode("utf-8")
    assert text.endswith("AID - NBK1372 [bookaccession]\nAID - 10.3310/hta00000 [doi]\n")
    (record,) = medline.read(text, "book.nbib")
    assert (record.pmid, record.doi) == (BOOK_PMID, "10.3310/hta00000")


def test_a_group_editor_of_a_book_is_no_corporate_author() -> None:
    """A book edited by a group (an editor ``<CollectiveName>``): NLM's CN is the Corporate
    Author, so the group is written among the editors (ED, our reading: no record of one) and
    the nbib import has the chapter's authors alone, as the XML import has."""
    chapter = book_article()
    group = b"<Author><CollectiveName>GeneReviews Editorial Board</CollectiveName></Author>"
    edited = chapter.replace(
        b'<AuthorList Type="editors" CompleteYN="Y">',
        b'<AuthorList Type="editors" CompleteYN="Y">' + group,
        1,
    )
    assert edited != chapter
    text = medline_text([edited]).decode("utf-8")
    assert "CN  - " not in text and "ED  - GeneReviews Editorial Board" in text
    (record,) = medline.read(text, "book.nbib")
    (from_xml,) = pubmed_xml.read(
        io.BytesIO(b"<PubmedArticleSet>%s</PubmedArticleSet>" % edited), "x"
    )
    assert (
        record.authors
        == from_xml.authors
        == ["Gauvreau, Claudie", "Brisson, Jean-Denis", "Dupré, Nicolas"]
    )


def test_a_whole_book_s_authors_in_its_book_element_are_its_authors() -> None:
    """A whole book's authors may sit in its ``<Book>``'s AuthorList of Type 'authors' (PubMed's
    DTD allows it there; metapub, reading real records, takes a book's authors from both
    places): they are the record's authors in MEDLINE text, esummary and the XML import."""
    chapter = book_article()
    authors = re.search(rb'<AuthorList Type="authors".*?</AuthorList>', chapter, re.S)
    assert authors
    whole = re.sub(rb"<ArticleTitle[^>]*>.*?</ArticleTitle>", b"", chapter, flags=re.S)
    whole = whole.replace(authors.group(0), b"").replace(
        b"<Medium>", authors.group(0) + b"<Medium>"
    )
    names = ["Gauvreau, Claudie", "Brisson, Jean-Denis", "Dupré, Nicolas"]
    (from_xml,) = pubmed_xml.read(
        io.BytesIO(b"<PubmedArticleSet>%s</PubmedArticleSet>" % whole), "x"
    )
    (record,) = medline.read(medline_text([whole]).decode("utf-8"), "book.nbib")
    assert record.authors == from_xml.authors == names
    (summary,) = Entrez.read(io.BytesIO(esummary_xml([int(BOOK_PMID)], {int(BOOK_PMID): whole})))
    assert list(summary["AuthorList"]) == ["Gauvreau C", "Brisson JD", "Dupré N"]
