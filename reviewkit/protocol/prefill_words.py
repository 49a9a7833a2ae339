"""How a prefill rule's words are written (read by :mod:`reviewkit.prefill_sentences`, checked
by :mod:`reviewkit.protocol.validate`): a word in double quotes is that word as written."""

from __future__ import annotations

from reviewkit.quote_marks import straight_quotes

# curly quotes, as a word processor types them ("“found”"), are read as straight ones, as a
# query's are (reviewkit.quote_marks): written so, the word was a word no abstract holds


def straight(word: str) -> str:
    """``word`` stripped, with curly double quotes as straight ones."""
    return straight_quotes(word.strip())


def quoted(word: str) -> str | None:
    """The word inside double quotes (``"found"`` -> 'found'), or None when ``word`` is not
    quoted: a prefill word so written is that word as written, not its forms nor its starts."""
    word = straight(word)
    return word[1:-1].strip() if len(word) > 2 and word[0] == word[-1] == '"' else None
