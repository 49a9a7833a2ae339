"""How a prefill rule's words are written (read by :mod:`reviewkit.prefill_sentences`, checked
by :mod:`reviewkit.protocol.validate`): a word in double quotes is that word as written."""

from __future__ import annotations


def quoted(word: str) -> str | None:
    """The word inside double quotes (``"found"`` -> 'found'), or None when ``word`` is not
    quoted: a prefill word so written is that word as written, not its forms nor its starts."""
    word = word.strip()
    return word[1:-1].strip() if len(word) > 2 and word[0] == word[-1] == '"' else None
