"""Markdown as GitHub-flavoured Markdown (CommonMark) reads it: the one place a value is made
text that renders as written, for every Markdown file reviewkit writes (the report's
report.md, the search log's search-log.md).

A title, a note, a search's name, description or limits, a file's name: any of them may hold
what Markdown reads as markup (a search string's ``|``, ``*``, ``_``, ``<``); written bare it
would render otherwise (emphasis, a hidden tag, a cut table cell). Each is escaped with a
backslash (CommonMark escapes any ASCII punctuation), which renders as nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# what Markdown reads as markup inside a line of text: a backslash (an escape; one before a
# pipe, 'a\\|b', had escaped the pipe's escape and been lost), emphasis (*, _), code (`),
# strikethrough (~), an HTML tag (<: the PRISMA note's 'database: <name>' was read as a tag and
# hidden), a pipe (a table's cell ends at one) and an '&' that spells out an entity whole
# ('R&amp;D', '&#38;': read as '&'; a title as an HTML-minded export wrote it). Left as they
# are: [ and ] (a link needs '](' or a definition, see _BLOCK_START; PubMed's '[translated
# title].' is text, as is a query's '[tiab]'), any other & and an underscore inside a word
# (CommonMark's rule: '_' between letters or digits neither opens nor closes emphasis), so a
# key such as adapted_from or a rule such as same_pmid reads as written in the file and on a
# terminal too.
_MARKUP = re.compile(r"([\\`*~<|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|&(?=#?[A-Za-z0-9]+;))")
# what makes a line a block other than a paragraph when it begins one: a heading (#), a quote
# (>), a list item (-, +, '1.', '1)'), a setext underline or thematic break (=, -), a link's
# definition ('[tiab]: title/abstract' shows nothing: a bracketed label and a colon)
_BLOCK_START = re.compile(r"^([#>+=-]|\[(?=[^\]]*\]:)|\d+(?=[.)]))")
# a heading's closing sequence: '#'s at its end, after a space, are dropped ('Shift work ##');
# escaped wherever they end it ('C\#' shows as 'C#' too)
_CLOSING = re.compile(r"#+$")


class Written(str):
    """Markdown reviewkit wrote itself, its own markup meant (a command the user types as
    `code`) and any value in it escaped with :func:`text`: :func:`paragraph` passes it on as
    it is (escaped whole, the command showed as \\`reviewkit dedup\\`)."""


def text(value: object) -> str:
    """``value`` as Markdown text inside a line that renders as written (markup escaped)."""
    return _MARKUP.sub(r"\\\1", str(value))


def cell(value: object) -> str:
    """A table cell's text: :func:`text`, a line break as <br> (a table row holds one line)."""
    return text(value).replace("\r", "").replace("\n", "<br>")


def paragraph(value: object) -> str:
    """``value`` as one line of a paragraph (or a list item's text): white space folded, as
    Markdown folds it, markup escaped, and a first character that would begin another kind of
    block (a description '1. Sick leave …' read as a list, '# …' as a heading) escaped;
    :class:`Written` Markdown as it is."""
    if isinstance(value, Written):
        return str(value)
    line = text(" ".join(str(value).split()))
    if m := _BLOCK_START.match(line):
        return line[: m.end()] + "\\" + line[m.end() :] if line[0].isdigit() else "\\" + line
    return line


def heading(level: int, value: object) -> str:
    """A heading line (``level`` '#'s) whose text renders as written (a '#' at its end too)."""
    line = text(" ".join(str(value).split()))
    return "#" * level + " " + _CLOSING.sub(r"\\\g<0>", line)


def code_block(lines: Iterable[str]) -> list[str]:
    """An indented code block: each line shown as written (nothing in a code block is markup),
    a line holding a line break kept inside the block rather than ending it."""
    return ["    " + part for line in lines for part in (str(line).splitlines() or [""])]
