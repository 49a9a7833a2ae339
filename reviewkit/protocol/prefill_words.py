"""How a prefill rule's words are written (read by :mod:`reviewkit.prefill_sentences`, checked
by :mod:`reviewkit.protocol.validate`): a word in double quotes is that word as written."""

from __future__ import annotations

from reviewkit.query import CURLY_QUOTES

# curly quotes, as a word processor types them ("“found”"), are read as straight ones, as a
# query's are (reviewkit.query): written so, the word was a word no abstract holds
_STRAIGHT = str.maketrans(dict.fromkeys(CURLY_QUOTES, '"'))


def straight(word: str) -> str:
    """``word`` stripped, with curly double quotes as straight ones."""
    return word.strip().translate(_STRAIGHT)


def quoted(word: str) -> str | None:
    """The word inside double quotes (``"found"`` -> 'found'), or None when ``word`` is not
    quoted: a prefill word so written is that word as written, not its forms nor its starts."""
    word = straight(word)
    return word[1:-1].strip() if len(word) > 2 and word[0] == word[-1] == '"' else None
