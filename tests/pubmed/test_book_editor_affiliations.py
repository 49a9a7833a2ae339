"""An editor's affiliation in a book's MEDLINE text: PubMed writes each name's AD lines below
the name they belong to (NLM's MEDLINE/PubMed Data Element Descriptions: AD, 'Author or
corporate author addresses'), so an AD below FED/ED is the editor's. The nbib reader took it
for an author's affiliation, which the XML reader of the same record never does (formats.
book_authors: a book's editors are no authors); an editor's address is the book's, not the
chapter's authors', and read as theirs it moved a chapter's country for classification."""

from __future__ import annotations

import io

from pubmed.conftest import book_article

from reviewkit.formats import medline, pubmed_xml
from reviewkit.pubmed.medline_text import medline_text

EDITOR_ADDRESS = b"Department of Pediatrics, University of Washington, Seattle, WA, USA"


def _with_editor_address() -> bytes:
    """metapub's real GeneReviews chapter (PMID 20301546), its first editor given an
    AffiliationInfo, as the PubMed DTD allows every Author of an AuthorList."""
    article = book_article()
    first_editor_end = article.index(b"</Author>", article.index(b'Type="editors"'))
    info = b"<AffiliationInfo><Affiliation>" + EDITOR_ADDRESS + b"</Affiliation></AffiliationInfo>"
    return article[:first_editor_end] + info + article[first_editor_end:]


def test_an_editor_s_address_is_no_affiliation_of_the_chapter_s_authors() -> None:
    article = _with_editor_address()
    text = medline_text([article]).decode("utf-8")
    editor = text.index("FED - Adam, Margaret P")
    assert text.index("AD  - " + EDITOR_ADDRESS.decode()) > editor  # below its editor
    (from_nbib,) = medline.read(text, "book.nbib")
    xml = b"<PubmedArticleSet>" + article + b"</PubmedArticleSet>"
    (from_xml,) = pubmed_xml.read(io.BytesIO(xml), "book.xml")
    assert from_nbib.affiliations == from_xml.affiliations
    assert len(from_nbib.affiliations) == 3, from_nbib.affiliations  # the 3 authors' own
    assert all("Canada" in a for a in from_nbib.affiliations), from_nbib.affiliations


def test_an_address_before_any_name_is_still_the_authors() -> None:
    """Records of before 2014 carry one AD, the first author's, above the names (NLM gave
    the first author's affiliation only); it is no editor's."""
    text = (
        "PMID- 10000001\nTI  - An older article.\nAD  - Department of Work, Oslo, Norway.\n"
        "FAU - Berg, Tor\nAU  - Berg T\nDP  - 1999\n"
    )
    (record,) = medline.read(text, "old.nbib")
    assert record.affiliations == ["Department of Work, Oslo, Norway."]


def test_an_address_below_an_entry_date_is_the_authors() -> None:
    """Ovid's tagged MEDLINE writes ED for the Entry Date: a date names no editor."""
    text = (
        "PMID- 10000002\nTI  - An article.\nFAU - Berg, Tor\nAU  - Berg T\nED  - 20190115\n"
        "AD  - Department of Work, Oslo, Norway.\nDP  - 2019\n"
    )
    (record,) = medline.read(text, "ovid.nbib")
    assert record.affiliations == ["Department of Work, Oslo, Norway."]
