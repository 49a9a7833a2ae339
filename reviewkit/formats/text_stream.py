"""A text export read line by line, never held whole: RIS, MEDLINE/nbib and Web of Science's
plain text, whose records are read one after another (the readers' ``read_lines``).

Read whole, a 200 MB RIS export (113,000 records) was held three times over: its bytes, its
text and its list of lines, a peak of 531 MB (benchmarks/results/import.md). Here the file is
read in pieces of 1 MiB cut after their last line break, each decoded on its own (a line
break is never inside a UTF-8 sequence) and split into lines, with every check
:func:`~reviewkit.formats.text.decode` and :func:`~reviewkit.formats.text.check_line_lengths`
make of the whole text, naming the same line: binary or UTF-16 text at the head, a NUL byte,
a byte that is not UTF-8 (with the same hint: Mac Roman when lines end in CR alone), a line
longer than any export writes, a file of blank lines; lines end at LF, CRLF or CR alone, and
a joined file's byte-order mark at a line start is dropped, as is a page break there
(formats.text.unpaged).
What is not streamed is read whole as before (:func:`streamable`): a file read with
``--encoding`` (a text in UTF-8 declared another is refused by a look at all of it) or in
UTF-16/32. An import stays all or nothing: an error found on the last line rolls back the
records read before it (the store's staging).
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from reviewkit.errors import FormatError
from reviewkit.files import GZIP, bom_encoding
from reviewkit.formats.cr_line_ends import cr_line_ends
from reviewkit.formats.read_problems import Problems
from reviewkit.formats.text import (
    EMPTY_HINT,
    MAX_LINE_CHARS,
    MAX_XML_BYTES,
    PAGE_BREAKS,
    LimitedReader,
    gzip_cut,
    line_at,
    long_line,
    looks_utf16,
    not_utf8,
    nul_byte,
    refuse_binary,
    refuse_too_big,
    utf16_without_bom,
    zero_filled,
)

PIECE = 1 << 20
# the bytes of a line held before it is given to _lines unended, to be refused as too long:
# more than MAX_LINE_CHARS characters (of at most 4 bytes each) past the piece it began in, so a
# file of one line (its breaks lost, or no text) is refused holding a few MiB, not all of it (a
# 200 MB line held 836 MB), and the Mac Roman hint's look past a bad byte (_cr_only) as little
_HELD_MAX = 4 * MAX_LINE_CHARS + 2 * PIECE
_BOM = b"\xef\xbb\xbf"
_ENDS = re.compile(r"\r\n|\r|\n")
_BREAKS = ("\n", "\r")


def streamable(head: bytes, encoding: str | None) -> bool:
    """Whether a file whose first bytes are ``head`` (gunzipped) is read line by line: UTF-8,
    the default, with no --encoding and no UTF-16/32 byte-order mark."""
    return encoding is None and bom_encoding(head) in (None, "utf-8-sig", "utf-8")


@contextmanager
def _opened(path: Path, name: str) -> Iterator[BinaryIO]:
    """The file's bytes as a stream (gunzipped when gzip), refusing more than MAX_XML_BYTES
    of content, the limit of a file streamed (not MAX_TEXT_BYTES, of one held whole: the
    module docstring of :mod:`~reviewkit.formats.text`)."""
    with open(path, "rb") as fh:
        gzipped = fh.read(len(GZIP)) == GZIP
        refuse_too_big(fh, path, MAX_XML_BYTES, gzipped=gzipped)
        if not gzipped:
            yield fh
            return
        with gzip.GzipFile(fileobj=fh) as gz:
            yield LimitedReader(gz, name, MAX_XML_BYTES)  # type: ignore[misc]


def _read(stream: BinaryIO, name: str) -> bytes:
    try:
        return stream.read(PIECE)
    except (OSError, EOFError, zlib.error) as exc:  # a gzip file cut short or corrupt
        raise gzip_cut(exc, name) from None


def _pieces(stream: BinaryIO, name: str) -> Iterator[bytes]:
    """The stream's bytes in pieces that end after a line break (LF, or a CR not followed by
    LF), the last one at the end of the stream; a line is never split between two, but for one
    longer than :data:`_HELD_MAX` bytes, cut there (at a character) for _lines to refuse."""
    held: list[bytes] = []  # bytes of a line longer than a piece, so far
    while chunk := _read(stream, name):
        cut = chunk.rfind(b"\n") + 1
        if not cut:  # lines ended by CR alone; a CR at the chunk's end may be CRLF's half
            cut = chunk.rfind(b"\r", 0, len(chunk) - 1) + 1
        if not cut:
            held.append(chunk)
            if sum(map(len, held)) > _HELD_MAX:  # no export's line: _lines refuses it unended
                at = _char_start(chunk)
                yield b"".join([*held[:-1], chunk[:at]])
                held = [chunk[at:]]
            continue
        yield b"".join([*held, chunk[:cut]])
        held = [chunk[cut:]]
    if rest := b"".join(held):
        yield rest


def _char_start(data: bytes) -> int:
    """Where ``data`` may be cut without splitting a UTF-8 sequence: at its last byte that is
    no continuation byte (0x80-0xBF), among its last four (UTF-8's longest sequence)."""
    last = range(len(data) - 1, max(len(data) - 5, -1), -1)
    return next((i for i in last if data[i] >> 6 != 2), len(data))  # none: no UTF-8 anyway


class Lines:
    """The lines of the UTF-8 text file at ``path`` (gunzipped), without their line ends,
    checked as the module docstring says: a FormatError names the file and the line. Each
    iteration reads the file again; after one to its end, :attr:`ends_with_break` says whether
    the last line ended with a line break (a MEDLINE file cut mid-line does not).
    ``one_format``: the format of a file sniffed as its own, whose lines opening a record of
    another are named in :attr:`problems` and given blank, with that export's lines after them
    (:func:`~reviewkit.formats.joined.checked_lines`), for the reader to name with its own
    (formats.read_problems.of)."""

    def __init__(self, path: Path, name: str, one_format: str | None = None) -> None:
        self.path, self.name, self.one_format = path, name, one_format
        self.ends_with_break = True
        self.problems = Problems()

    def __iter__(self) -> Iterator[str]:
        lines = self._read()
        if self.one_format is None:
            return lines
        from reviewkit.formats import joined

        return joined.checked_lines(lines, self.one_format, self.name, self.problems)

    def unchecked(self) -> Lines:
        """The same lines, read without looking for another format's records: a pass before
        the reader's (formats.medline_cut.check_end), which would name them a second time."""
        return Lines(self.path, self.name)

    def _read(self) -> Iterator[str]:
        with _opened(self.path, self.name) as stream:
            yield from _lines(_pieces(stream, self.name), self.name, self)


def _lines(pieces: Iterator[bytes], name: str, into: Lines) -> Iterator[str]:
    before = 0  # lines in the pieces before this one
    offset = 0  # bytes before this piece (after a byte-order mark)
    text_seen = False
    ends = b""  # the pieces before held a CR (b"\r"), or an LF (b"\n": looked for no more)
    for index, piece in enumerate(pieces):
        if index == 0:
            if wide := looks_utf16(piece):
                raise utf16_without_bom(wide, name)
            refuse_binary(piece, name)
            piece = piece.removeprefix(_BOM)
        if (nul := piece.find(b"\x00")) >= 0:
            line = before + line_at(piece, nul)
            # NULs to the end: the rest of the file is read to tell (it is refused anyway)
            if (
                (before or piece[:nul].strip())
                and not piece[nul:].strip(b"\x00")
                and all(not rest.strip(b"\x00") for rest in pieces)
            ):
                raise zero_filled(f"{name}:{line}", line, option=True)
            raise nul_byte(f"{name}:{line}", option=True)
        try:
            text = piece.decode("utf-8")
        except UnicodeDecodeError as exc:
            where = f"{name}:{before + line_at(piece, exc.start)}"
            cr_only = _cr_only(ends, piece, pieces)
            raise not_utf8(piece[exc.start], offset + exc.start, where, cr_only=cr_only) from None
        if b"\n" not in ends:
            ends = b"\n" if b"\n" in piece else b"\r" if b"\r" in piece or ends else b""
        if not text_seen:
            text_seen = bool(text.strip())
        found = _ENDS.split(text)
        if found[-1] == "":
            found.pop()
        for number, line in enumerate(found, start=before + 1):
            if len(line) > MAX_LINE_CHARS:  # the last, unended, may be cut (_pieces)
                last = number == before + len(found) and not text.endswith(_BREAKS)
                raise long_line(name, number, len(line), "at least " if last else "")
            line = line.removeprefix("\ufeff") if number > 1 else line
            yield line.lstrip(PAGE_BREAKS) or line  # one of page breaks alone is kept
        before += len(found)
        offset += len(piece)
        into.ends_with_break = text.endswith(_BREAKS)
    if not text_seen:
        raise FormatError("the file is empty", where=name, hint=EMPTY_HINT)


def _cr_only(ends: bytes, piece: bytes, rest: Iterator[bytes]) -> bool:
    """Whether the file's lines end in CR alone, as :func:`~reviewkit.formats.text.decode` asks
    of a file read whole (its Mac Roman hint): ``ends`` the line ends of the pieces before
    (_lines), ``piece`` the bad byte's (no NUL: refused first), not copied, ``rest`` the pieces
    after, read until an LF, each held alone (the file is refused anyway)."""
    seen = ends + b"\r" if b"\r" in piece else ends
    return b"\n" not in piece and cr_line_ends(seen) and not any(b"\n" in p for p in rest)
