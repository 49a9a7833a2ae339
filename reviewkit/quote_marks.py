"""Curly double quotes, which a strategy or a word pasted from a word processor or a PDF carries,
read as the straight double quote: one place for the query reader (:mod:`reviewkit.query`), its
warnings of other databases' syntax and a prefill rule's quoted words. And PubMed's quoted
phrases (and [field tags]) masked, so that a warning of pasted text never matches inside them:
one place for the warnings of a pasted search history and of other databases' syntax."""

from __future__ import annotations

import re

# PubMed Help documents only the straight double quote (") for phrases and says nothing of
# curly ones; they are read as straight quotes (what the librarian meant) and every reader of a
# query (protocol check, search test, the local server) says so.
CURLY_QUOTES = "\u201c\u201d\u201e\u201f\u2033"
_STRAIGHTEN = str.maketrans(dict.fromkeys(CURLY_QUOTES, '"'))


def straight_quotes(text: str) -> str:
    """``text`` with its curly double quotes made straight, one character for one (positions
    stay right)."""
    return text.translate(_STRAIGHTEN)


_PHRASE = re.compile(r'"[^"]*"')
_PHRASE_OR_TAG = re.compile(r'"[^"]*"|\[[^\]]*\]')


def masked_phrases(query: str, *, tags: bool = False) -> str:
    """``query`` with the insides of its double-quoted phrases (and with ``tags`` of its
    [field tags]) made spaces, their delimiters kept, one character for one (positions stay
    right): PubMed's own syntax, where no warning of pasted text may match ("Search:" in a
    phrase is a word searched; ``"a b"[tiab:~3]`` holds no other database's syntax)."""
    found = _PHRASE_OR_TAG if tags else _PHRASE
    return found.sub(lambda m: m[0][0] + " " * (len(m[0]) - 2) + m[0][-1], query)
