"""A request's value that names one of a utility's choices (db, retmode, rettype, version …:
:data:`reviewkit.pubmed.params.CHOICES`), compared trimmed and in lower case and quoted as typed."""

from __future__ import annotations

# White space around a choice's value (``version=2.0 ``, ``retmode= json`` from a hand-edited URL
# or a ``+`` at its end) is dropped: NCBI documents no rule for it and no recorded reply shows
# one; a choice's values hold no space (sort's "pub date" is read with its inner space kept), so
# the trimmed value is the one meant. Our decision, said in pubmed-fidelity.md (pubfid15).


class Choice(str):
    """A choice's value as the checks compare it (trimmed, lower case), remembering how it was
    typed: ``repr`` (the ``{value!r}`` of every refusal) and :func:`typed` quote it as typed,
    so ``retmode=JSONX`` is refused as ``'JSONX'``, not ``'jsonx'``."""

    typed: str

    def __new__(cls, value: str) -> Choice:
        choice = super().__new__(cls, value.strip().lower())
        choice.typed = value
        return choice

    def __repr__(self) -> str:
        return repr(self.typed)


def typed(value: str) -> str:
    """``value`` as the request wrote it (a :class:`Choice`'s spelling; other values as they are)."""
    return value.typed if isinstance(value, Choice) else value
