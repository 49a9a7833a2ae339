"""A PubMed Bookshelf record's authors (``<PubmedBookArticle>``): one rule for reviewkit's XML
reader and the local server's MEDLINE text and esummary (:mod:`reviewkit.pubmed.book_records`)."""

from __future__ import annotations

from lxml import etree as ET


def book_authors(doc: ET._Element) -> list[ET._Element]:
    """The ``<Author>`` elements of a ``<BookDocument>``: its own AuthorLists but the editors'
    (PubMed's DTD leaves AuthorList's Type implied: a list without it is authors); else, for a
    whole book whose authors sit in its ``<Book>``, the Book's list of Type 'authors' (the DTD
    allows an AuthorList there; metapub, reading real records, takes a book's authors from both
    places). The Book's editors are never authors."""
    own = [a for a in doc.findall("AuthorList") if a.get("Type") != "editors"]
    lists = own or doc.findall("Book/AuthorList[@Type='authors']")
    return [author for authors in lists for author in authors.findall("Author")]
