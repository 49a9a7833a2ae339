"""A MEDLINE/nbib file cut short (a broken download, a copy that ran out of space), told from
its last two records: PubMed closes every record with its SO line (a book's with its
accession), and ends the file with a line break. Read from the whole text
(:func:`check_complete`) or, for a file read line by line, from one pass over its lines
(:func:`check_end`) before its records are read; Ovid's tagged text has no closing line
(:mod:`~reviewkit.formats.ovid_cut`)."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from reviewkit.errors import FormatError
from reviewkit.formats.text import line_at, split_lines
from reviewkit.formats.text_sniff import MEDLINE_LINE

if TYPE_CHECKING:
    from reviewkit.formats.text_stream import Lines


def check_complete(text: str, name: str) -> None:
    """Refuse a file cut short (a broken download, a copy that ran out of space).

    PubMed writes SO (the citation) as the last line of every journal record and ends the
    file with a line break; a book or book chapter (PT Book, from the NCBI Bookshelf) has no
    SO and closes with its 'AID - NBK… [bookaccession]' line. The last record is taken as cut
    when it lacks the closing line that the record before it has, or when the file stops in
    the middle of a line of a record without one, or in the middle of its SO line: PubMed's
    SO (the NLM citation, 'Journal. Date;Vol(Issue):Pages.' and any 'doi: … Epub … .') ends
    with a period, so a last SO without one in a file without its final line break is cut.
    A record that carries PubMed's own fields (:func:`_from_pubmed`) is cut without its closing
    line even as the file's only record: a file of one book chapter cut after its 'PL' line
    was read. A cut just after a period inside SO cannot be told: every other field of the
    record is whole then, and SO itself is not read into the record.
    """
    # records are split at blank lines, but not at a blank line inside a field (_records)
    blocks = [b for b in re.split(r"\n[ \t\r]*\n(?! {6}\S)", text.strip("\n")) if b.strip()]
    cut_mid_line = not text.endswith(("\n", "\r"))
    _judge_end(blocks[-2:], cut_mid_line, lambda: _last_line(text), name)


def check_end(lines: Lines, name: str) -> None:
    """:func:`check_complete` of a file read line by line: one pass over its lines keeps its
    last two records, split as there (a blank line ends one unless a continuation follows),
    and the number of its last line with text."""
    blocks: deque[str] = deque(maxlen=2)  # the last two with text
    block: list[str] = []
    blank: str | None = None  # a blank line after text, ending the block or not
    last = 0
    for no, line in enumerate(lines, start=1):
        last = no if line else last
        if line.strip(" \t"):
            if blank is not None and not _CONTINUED.match(line):
                blocks.append("\n".join(block))
                block = []
            elif blank is not None:
                block.append(blank)
            block.append(line)
            blank = None
        elif blank is not None:  # a second blank line: the first ended the block
            blocks.append("\n".join(block))
            block, blank = [], None
        elif block:
            blank = line
    if block:
        blocks.append("\n".join(block))
    _judge_end(list(blocks), not lines.ends_with_break, lambda: last, name)


_CONTINUED = re.compile(r" {6}\S")  # a continuation line with text, after a blank one


def _judge_end(
    blocks: list[str], cut_mid_line: bool, last_line: Callable[[], int], name: str
) -> None:
    """FormatError when the file's last record (``blocks``: it and the one before it) is cut
    (:func:`check_complete`); ``last_line``: the number of the file's last line with text."""
    if not blocks:
        return
    closed = [_closed(b) for b in blocks]
    hint = "the file looks cut short; download or export it again"
    if closed[-1]:
        # PubMed's own records end SO with its period at the end of a line too (a cut after
        # a wrapped line's 'doi:'); another program's MEDLINE text is judged only when it
        # stops mid-line
        if (cut_mid_line or _from_pubmed(blocks[-1])) and _cut_source(blocks[-1]):
            raise FormatError(
                "the file ends in the middle of the last record's 'SO  - ' line (without the "
                "period that ends it)",
                where=f"{name}:{last_line()}",
                hint=hint,
            )
        return
    closes_before = len(blocks) > 1 and closed[-2]
    if cut_mid_line or closes_before or _from_pubmed(blocks[-1]):
        closing = (
            "'AID - NBK… [bookaccession]' line, which closes a PubMed book record"
            if _is_book(blocks[-1])
            else "'SO  - ' line"
        )
        raise FormatError(
            f"the file ends in the middle of a record (it has no closing {closing})",
            where=f"{name}:{last_line()}",
            hint=hint,
        )


def _last_line(text: str) -> int:
    """The number of the file's last line with text (counted only for an error), its lines
    ended by LF, CRLF or CR (:func:`~reviewkit.formats.text.line_at`), as :func:`check_end`
    counts them: a count of LF alone took a blank CRLF line's CR for text."""
    text = text.rstrip("\r\n")
    return line_at(text, len(text))


def _cut_source(block: str) -> bool:
    """Whether the record's last field is an SO whose text (continuations joined) does not
    end with the period PubMed always ends it with."""
    lines = split_lines(block.rstrip("\n\r"))
    tags = [(i, m.group(1)) for i, ln in enumerate(lines) if (m := MEDLINE_LINE.match(ln))]
    if not tags or tags[-1][1] != "SO":
        return False
    return not " ".join(ln.strip() for ln in lines[tags[-1][0] :]).endswith(".")


# PubMed's own fields, written in every record it exports (its status in the record's head,
# its history dates near the end) and by no other program that writes MEDLINE text (Ovid's
# records carry none; nor does reviewkit's writer, which writes no closing line either)
_PUBMED_FIELDS = re.compile(r"^(?:STAT|EDAT|CRDT)-", re.M)
# a Bookshelf record (a book or a chapter): PubMed gives it the book's title (BTI) or the
# publication type Book / Book Chapter, and closes it with its NBK accession instead of an SO
_BOOK = re.compile(r"^(?:BTI - |PT  - Book(?: Chapter)?\r?$)", re.M)


def _from_pubmed(block: str) -> bool:
    """Whether a record carries PubMed's own fields, so PubMed closed it (SO, or a book's
    accession AID)."""
    return bool(_PUBMED_FIELDS.search(block))


def _is_book(block: str) -> bool:
    """Whether a record is one of PubMed's Bookshelf records (a book or a book chapter)."""
    return bool(_BOOK.search(block))


def _closed(block: str) -> bool:
    """Whether a record ends with PubMed's closing line: SO, or a book's run of AID lines
    holding its accession (a book's ids are written in its ArticleIdList's order, so a DOI
    may follow the NBK accession: reviewkit.pubmed.book_records)."""
    for line in reversed(split_lines(block)):
        m = MEDLINE_LINE.match(line)
        if not m:
            continue
        tag, value = m.group(1), m.group(2).rstrip()
        if tag != "AID":
            return tag == "SO"
        if value.endswith("[bookaccession]"):
            return True
    return False
