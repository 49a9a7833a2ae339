"""How many terminal columns a text takes: the one place that pads and cuts text to a column.

A character of East Asian width 'W' or 'F' (CJK ideographs, kana, hangul, full-width forms, and
the emoji Unicode gives wide presentation) takes two columns of a terminal; a combining mark
(an accent after its letter), a zero-width joiner or another format character (Unicode category
Mn, Me, Cf) takes none; every other character one. Padding or cutting by ``len`` put a row with
a Chinese title two columns per character off from the rows around it, and cut it to a line
that wrapped. This is the rule of wcwidth's ``wcswidth`` for printable text, without its
tables (not a dependency): an emoji sequence a terminal draws as one picture (a family of
several people) may be counted wider than it is drawn.
"""

from __future__ import annotations

import unicodedata

_ZERO = frozenset({"Mn", "Me", "Cf"})


def char_width(char: str) -> int:
    """Columns one character takes: 0, 1 or 2."""
    if unicodedata.category(char) in _ZERO:
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal (``len`` for ASCII)."""
    if text.isascii():
        return len(text)
    return sum(char_width(c) for c in text)


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
    for c in text:
        w = char_width(c)
        if used + w > columns - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"
