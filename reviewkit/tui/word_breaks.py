"""Text wrapped for a narrow area at its spaces and, within a word, where a word breaks best.

Rich and Textual wrap at spaces only and fold a word longer than the row at the row's edge,
whatever its letters: on a split terminal the confirm screen's label names read 'Workplace-cen'
| 'tred' and 'rehabilitatio' | 'n', an evidence term 'specialist*@abstract:METH' | 'ODS'. Here
a word may also break after a hyphen, a slash or a colon, or before an '@' (an evidence term's
place, 'specialist*@abstract:METHODS'), as typesetting breaks compound words and paths, and
mid-word only where a piece is still wider than the row. A word breaks only where it alone is
wider than a row (where Rich folds it): a term stays whole on a row of its own rather than
split to fill the row before ('employment' | 'specialist*@abstract:METHODS,'). Widths are
terminal columns (:func:`reviewkit.text_width.width`: a CJK name takes two a character).
"""

from __future__ import annotations

import re

from rich.text import Text

from reviewkit.text_width import width as columns

_BREAK_AFTER = "-/:"  # a compound word's hyphen, a path's or DOI's slash, a term's 'place:'
_BREAK_BEFORE = "@"  # an evidence term's place: 'term' | '@abstract'
_WORD = re.compile(r"\S+")


def wrap_text(text: Text, width: int) -> list[Text]:
    """``text`` (styled) as rows of at most ``width`` columns, broken at its spaces (dropped
    at a row's end) and newlines, a long word at its break points (module doc)."""
    rows = text.divide(_breaks(text.plain, max(1, width)))
    for row in rows:
        row.rstrip()
    return list(rows)


def wrap_words(text: str, width: int) -> list[str]:
    """:func:`wrap_text` for plain text."""
    return [row.plain for row in wrap_text(Text(text), width)]


def _breaks(plain: str, width: int) -> list[int]:
    """The offsets in ``plain`` where its rows start, its first row's left out."""
    breaks: list[int] = []
    start = 0
    for line in plain.split("\n"):
        if start:
            breaks.append(start)  # the newline ends the row before (stripped with it)
        breaks += _line_breaks(plain, start, start + len(line), width)
        start += len(line) + 1
    return breaks


def _line_breaks(plain: str, start: int, end: int, width: int) -> list[int]:
    """Where the rows of one line (``plain[start:end]``) start, its first left out: each word
    goes on the row while the row still fits, else starts the next; a word wider than a row
    is broken at its last break point that fits, folded at the edge where none does."""
    breaks: list[int] = []
    row, filled = start, False
    for word in _WORD.finditer(plain, start, end):
        a, b = word.span()
        if columns(plain[row:b]) <= width:
            filled = True
            continue
        if filled:  # the word starts the next row (the spaces before it end this one)
            breaks.append(a)
            row = a
        while columns(plain[row:b]) > width:
            fits = [p for p in _break_points(plain, row, b) if columns(plain[row:p]) <= width]
            row = fits[-1] if fits else row + _fitting(plain[row:b], width)
            breaks.append(row)
        filled = True
    return breaks


def _break_points(plain: str, a: int, b: int) -> list[int]:
    """Where the word ``plain[a:b]`` may break (module doc), in order."""
    return [
        i
        for i in range(a + 1, b)
        if (plain[i - 1] in _BREAK_AFTER and i - 1 > a and plain[i] not in _BREAK_AFTER)
        or plain[i] in _BREAK_BEFORE
    ]


def _fitting(text: str, width: int) -> int:
    """How many of ``text``'s first characters fit ``width`` columns (one at least)."""
    used = 0
    for n, char in enumerate(text):
        used += columns(char)
        if used > width:
            return max(1, n)
    return len(text)
