"""Curly double quotes, which a strategy or a word pasted from a word processor or a PDF carries,
read as the straight double quote: one place for the query reader (:mod:`reviewkit.query`), its
warnings of other databases' syntax and a prefill rule's quoted words."""

from __future__ import annotations

# PubMed Help documents only the straight double quote (") for phrases and says nothing of
# curly ones; they are read as straight quotes (what the librarian meant) and every reader of a
# query (protocol check, search test, the local server) says so.
CURLY_QUOTES = "\u201c\u201d\u201e\u201f\u2033"
_STRAIGHTEN = str.maketrans(dict.fromkeys(CURLY_QUOTES, '"'))


def straight_quotes(text: str) -> str:
    """``text`` with its curly double quotes made straight, one character for one (positions
    stay right)."""
    return text.translate(_STRAIGHTEN)
