"""How many terminal columns a text takes: the one place that pads and cuts text to a column.

A character of East Asian width 'W' or 'F' (CJK ideographs, kana, hangul, full-width forms, and
the emoji Unicode gives wide presentation) takes two columns of a terminal; a combining mark
(an accent after its letter), a zero-width joiner or another format character (Unicode category
Mn, Me, Cf) takes none; every other character one. Padding or cutting by ``len`` put a row with
a Chinese title two columns per character off from the rows around it, and cut it to a line
that wrapped. This is the rule of wcwidth's ``wcswidth`` for printable text, without its
tables (not a dependency), with its rules for emoji sequences (wcwidth 0.2.9 and 0.2.10): a
symbol after a zero-width joiner joins the picture before it and takes no column of its own
(a family, '👨‍👩‍👧', takes two; wcwidth skips any character after a joiner, where we count a
letter, as Indic scripts join letters so), and variation selector 16 (U+FE0F) asks for the
emoji picture of the symbol before it ('⚠️', '❤️', '1️⃣'): two columns where the symbol alone
takes one. Without wcwidth's table of the symbols that have an emoji picture, a U+FE0F after a
symbol (category So) or a keycap's digit, '#' or '*' counts; after a letter it changes
nothing, as Unicode defines no emoji picture for one. A skin-tone modifier (U+1F3FB-U+1F3FF)
after a symbol joins it ('👍🏽' takes two). Where we differ from wcwidth too: a control
character (a tab) counts one column where wcswidth gives -1 (no width); titles and names reach
here with their whitespace made spaces (records.clean_space).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

_ZERO = frozenset({"Mn", "Me", "Cf"})
_ZWJ = "\u200d"
_VS16 = "\ufe0f"
_KEYCAP_BASES = frozenset("0123456789#*")


def _char_width(char: str) -> int:
    """Columns one character takes alone, out of any sequence: 0, 1 or 2."""
    if unicodedata.category(char) in _ZERO:
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _columns(text: str) -> Iterator[tuple[str, int]]:
    """Each character of ``text`` with the columns it adds where it stands: a character
    joined to the picture before it adds none, a U+FE0F that widens its symbol the one more."""
    before, before_cols = "", 0
    for char in text:
        if before == _ZWJ and _emoji_base(char):  # a letter after one (Indic scripts) is drawn
            cols = 0
        elif char == _VS16:  # only a symbol drawn in one column so far: '👩‍⚕️' stays two
            cols = int(_emoji_base(before) and before_cols == 1)
        elif "\U0001f3fb" <= char <= "\U0001f3ff" and _emoji_base(before):
            cols = 0
        else:
            cols = _char_width(char)
        before, before_cols = char, cols
        yield char, cols


def _emoji_base(char: str) -> bool:
    """A character an emoji selector or modifier after it belongs to."""
    return bool(char) and (char in _KEYCAP_BASES or unicodedata.category(char) == "So")


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal (``len`` for ASCII)."""
    if text.isascii():
        return len(text)
    return sum(cols for _, cols in _columns(text))


def pad(text: str, columns: int, align: str = "<") -> str:
    """``text`` padded with spaces to ``columns`` (left-aligned, or right with ``align='>'``);
    as ``f'{text:<{columns}}'``, counting columns, not characters."""
    fill = " " * max(columns - width(text), 0)
    return fill + text if align == ">" else text + fill


def cut(text: str, columns: int | None) -> str:
    """``text`` cut with '…' to take at most ``columns`` (None: whole); a wide character that
    would straddle the edge is left out whole."""
    if columns is None or width(text) <= columns:
        return text
    out, used = [], 0
    for c, w in _columns(text):
        if used + w > columns - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"
