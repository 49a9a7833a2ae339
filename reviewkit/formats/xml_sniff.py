"""Byte-level sniffs of the XML formats, for :func:`reviewkit.formats.detect`.

They sit apart from their readers (:mod:`~reviewkit.formats.endnote_xml`,
:mod:`~reviewkit.formats.pubmed_xml`) so that telling a file's format imports no lxml: the
readers import it, and only a file read as XML needs them.
"""

from __future__ import annotations

import re

# what may come before EndNote's root, none of which EndNote writes: comments, and a DOCTYPE
# with its internal subset (where "billion laughs" and external entities are declared; a 4 KB
# comment in front of one made the file pass for PubMed XML, refused as 'the root element is
# <?>' instead of for its DTD)
_PROLOGUE = re.compile(rb"<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>", re.DOTALL | re.IGNORECASE)


def is_endnote_xml(head: bytes) -> bool:
    """EndNote's root: ``<xml><records>`` (after any declaration, comment or DOCTYPE)."""
    return re.search(rb"<xml\b[^>]*>\s*<records\s*/?>", _PROLOGUE.sub(b"", head)[:2000]) is not None


def is_pubmed_xml(head: bytes) -> bool:
    """PubMed's XML: markup first (after a BOM or blanks), and a PubmedArticle(Set) tag in the
    head or "pubmed" (any case) in its first 400 bytes, where PubMed's DOCTYPE names it."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"<") and (
        b"<PubmedArticleSet" in head or b"<PubmedArticle" in head or b"pubmed" in head.lower()[:400]
    )
