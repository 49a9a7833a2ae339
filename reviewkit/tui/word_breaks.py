"""Text wrapped for a narrow area at its spaces and, within a word, where a word breaks best.

Rich and Textual wrap at spaces only and fold a word longer than the row at the row's edge,
whatever its letters: on a split terminal the confirm screen's label names read 'Workplace-cen'
| 'tred' and 'rehabilitatio' | 'n', an evidence term 'specialist*@abstract:METH' | 'ODS'.
Here a word may also break after a hyphen or a dash, a slash or a colon, or before an '@' (an
evidence term's place, 'specialist*@abstract:METHODS'), as typesetting breaks compound words
and paths; a link or a DOI, where none of those fits a row, before a dot (:data:`_LINK`);
and mid-word only where a piece is still wider than the row. Where the Chicago Manual
breaks a URL otherwise (14.18, 17th ed.: after '//' or ':', but *before* a single slash or
a hyphen, the slash or hyphen starting the next row), we differ: a slash and a hyphen end a
row in every word, a link's too ('https://example.org/' | 'trials/…'), one rule for all
text, as Unicode's line breaking has it (UAX #14: no break before a '/' or a hyphen, 'and/or'
never leaving '/or' to start a row), and in a link a row that ends in '/' says the link goes
on as well as a row that starts with one; a terminal adds no hyphen of its own, so one at a
row's end is the text's. A word breaks only where it alone is wider than a row (where Rich
folds it): a term stays whole on a row of its own rather than
split to fill the row before ('employment' | 'specialist*@abstract:METHODS,'). Widths are
terminal columns (:func:`reviewkit.text_width.width`: a CJK name takes two a character).
"""

from __future__ import annotations

import re

from rich.text import Text

from reviewkit.text_width import width as columns

# a compound word's hyphen or dash ('Mann–Whitney', '18–65', 'work—life', as Unicode's line
# breaking allows after an en or em dash), a path's or DOI's slash, a term's 'place:'
_BREAK_AFTER = "-\u2010\u2013\u2014/:"
_BREAK_BEFORE = "@"  # an evidence term's place: 'term' | '@abstract'
_WORD = re.compile(r"\S+")
# a link or a DOI ('https://…', 'doi:…', '10.1016/j.…'; Crossref's DOIs start '10.' and a
# registrant's 4-9 digits): breaks before a dot too, as the Chicago Manual breaks a URL (14.18),
# the dot starting the next row (a row ending in one reads as a sentence's end), where it
# had been folded inside a number ('j.jpsychores.2' | '019.109784'). Not in other words: a
# dot in '0.83' or 'e.g.' is no place to break
_LINK = re.compile(r"://|\bdoi:|\b10\.\d{4,9}/", re.IGNORECASE)


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
    is broken at its last break point that fits, folded at the edge where none does. Each
    row of a long word looks at that row's characters only (a value of 8,000 characters in
    one word had taken 125-250 ms a wrap, each row reading the rest of the word again)."""
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
        # a word that fits a row alone (nearly all) is not read again character by character
        # (half the time of finding a 5,000-word abstract's breaks)
        link = None
        while columns(plain[row:b]) > width and (fits := _fitting(plain, row, b, width)) < b:
            link = bool(_LINK.search(plain, a, b)) if link is None else link
            dot = link and _last_dot(plain, row, fits, b)  # where no other break point fits
            row = _last_break(plain, row, fits) or dot or max(fits, row + 1)
            breaks.append(row)
        filled = True
    return breaks


def _last_break(plain: str, a: int, end: int) -> int | None:
    """The last offset in ``plain[a + 1:end + 1]`` where the word from ``a`` may break (module
    doc): after a hyphen, dash, slash or colon not at its start nor before another, or before
    an '@'."""
    for i in range(end, a, -1):
        after = plain[i - 1] in _BREAK_AFTER and i - 1 > a and plain[i] not in _BREAK_AFTER
        if after or plain[i] in _BREAK_BEFORE:
            return i
    return None


def _last_dot(plain: str, a: int, end: int, b: int) -> int | None:
    """The last offset in ``plain[a + 1:end + 1]`` before a dot of the link or DOI ``plain[:b]``
    (:data:`_LINK`) that neither ends it (a sentence's full stop) nor follows another."""
    for i in range(end, a, -1):
        if plain[i] == "." and i + 1 < b and plain[i - 1] != ".":
            return i
    return None


def _fitting(plain: str, a: int, b: int, width: int) -> int:
    """The offset where the characters of ``plain[a:b]`` that fit ``width`` columns end."""
    used = 0
    for i in range(a, b):
        used += columns(plain[i])
        if used > width:
            return i
    return b
