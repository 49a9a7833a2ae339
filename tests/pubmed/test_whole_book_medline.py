"""A whole book (a ``BookDocument`` without ``ArticleTitle``) in efetch's MEDLINE text over real
HTTP, against NCBI's MEDLINE element list (PubMed Help, "PubMed Format": TI "The title of the
article", BTI "Book Title", VTI "Book Volume Title", EN "Book edition", CTI "Collection Title",
ISBN) and the recorded chapter (reviewkit.pubmed.book_records: PMID 20301770). A whole book has
no article title: its title is BTI, as MEDLINE readers built on PubMed's records take it (Zotero's
MEDLINE/nbib translator: a record of type Book takes its title from BTI); its type "Book" is
added as a chapter's "Book Chapter" is. No whole-book record is recorded, so the book here is the
real GeneReviews chapter (metapub's efetch reply, PMID 20301546) with its chapter title taken
out and a volume, volume title, edition, collection and ISBN put in its <Book>, in the DTD's
order (pubmed_250101.dtd: Volume, VolumeTitle, Edition, CollectionTitle, Isbn, Medium)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from Bio import Medline
from pubmed.conftest import BOOK_PMID, ServerFactory, book_article, write_set
from pubmed.eutils_get import reply

from reviewkit.formats import medline
from reviewkit.pubmed.server import EutilsServer
from reviewkit.pubmed.snapshot import Snapshot

BOOK_PARTS = (
    b"<Volume>2</Volume><VolumeTitle>Neuropathies</VolumeTitle><Edition>2nd</Edition>"
    b"<CollectionTitle>Genetic Disorders</CollectionTitle><Isbn>9780000000002</Isbn>"
)


def whole_book() -> bytes:
    chapter = book_article()
    whole = re.sub(rb"<ArticleTitle[^>]*>.*?</ArticleTitle>", b"", chapter, flags=re.S)
    whole = whole.replace(b"<Medium>", BOOK_PARTS + b"<Medium>", 1)
    assert whole.count(b"<Volume>") == 1 and b"<ArticleTitle" not in whole
    return whole


@pytest.fixture(scope="module")
def whole_book_snapshot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Snapshot]:
    path = write_set(tmp_path_factory.mktemp("whole-book") / "book.xml", [whole_book()])
    snapshot = Snapshot.open([Path(path)])
    yield snapshot
    snapshot.close()


def test_a_whole_book_s_title_is_its_bti_and_its_book_fields_come_in_the_dtd_s_order(
    make_server: ServerFactory, whole_book_snapshot: Snapshot
) -> None:
    server: EutilsServer = make_server(whole_book_snapshot)
    status, body = reply(
        server, "efetch", db="pubmed", id=BOOK_PMID, rettype="medline", retmode="text"
    )
    assert status == 200
    text = body.decode("utf-8")
    tags = [line[:4].strip() for line in text.splitlines() if line[:1].strip()]
    assert "TI" not in tags  # no article title: the element list's TI is the article's
    start = tags.index("BTI")
    assert tags[start : start + 6] == ["BTI", "VI", "VTI", "EN", "CTI", "ISBN"]
    (found,) = Medline.parse(io.StringIO(text))
    assert found["BTI"] == ["GeneReviews(®)"] and found["VTI"] == ["Neuropathies"]
    assert (found["EN"], found["CTI"], found["ISBN"]) == (
        ["2nd"],
        ["Genetic Disorders"],
        ["9780000000002"],
    )  # Biopython keeps these tags as lists
    assert found["PT"] == ["Review", "Book"]  # as a chapter's types end with 'Book Chapter'
    (record,) = medline.read(text, "book.nbib")
    assert record.title == "GeneReviews(®)"
