"""Turning a file's bytes into text, with the errors users need (binary, empty, encoding, size).

Size limits (documented in the README): a text export read whole into memory (BibTeX, CSV
and the other text formats, and any read with --encoding) may hold at most MAX_TEXT_BYTES
once decompressed; 256 MiB is about 100,000 records with abstracts, ten times PubMed's
10,000-record export limit. A file read as a stream, one record held at a time, may
decompress to MAX_XML_BYTES: PubMed XML (eight times the largest NLM baseline file, 233 MB),
and RIS, MEDLINE and Web of Science text read line by line
(:mod:`~reviewkit.formats.text_stream`), whose memory no longer grows with the file (a 155 MB
RIS peaked at 53 MB): holding them to the limit of a file held whole only made a user split
an export the reader can take. A gzip file that would decompress past its limit (a "gzip
bomb") is refused before it is read.
"""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path
from typing import BinaryIO

from reviewkit import files
from reviewkit.errors import FormatError, UserError, os_error_hint
from reviewkit.files import GZIP, binary_kind, bom_encoding

MAX_TEXT_BYTES = 256 << 20
MAX_XML_BYTES = 2 << 30
_CHUNK = 1 << 20


def _mib(n: int) -> str:
    return f"{n >> 20:,} MiB"


def too_big(name: str, limit: int, compressed: bool) -> FormatError:
    what = "decompresses to more than" if compressed else "is larger than"
    return FormatError(
        f"the file {what} {_mib(limit)}, the limit for this format",
        where=name,
        hint="split the export into smaller files (see 'File limits' in the README)",
    )


# deflate cannot shrink data more than about 1032:1; a gzip trailer claiming more than that is
# not an honest size but the bytes of a file cut short (checked before trusting the trailer)
_MAX_DEFLATE_RATIO = 1100


def check_regular(path: Path) -> None:
    """FormatError unless ``path`` is a regular file (or a link to one). A folder, a named pipe
    (FIFO) or a device is refused before it is opened: opening a FIFO would wait forever."""
    try:
        files.check_regular(path)
    except files.NotAFile as exc:
        raise FormatError(exc.message, where=exc.where, hint=exc.hint) from None


def check_size(path: Path) -> None:
    """FormatError if ``path`` is larger on disk than any reader takes (MAX_XML_BYTES, the
    largest limit; a compressed file that large holds more than that too):
    refused before the file is hashed or read, which takes seconds at that size."""
    if path.stat().st_size > MAX_XML_BYTES:
        raise too_big(str(path), MAX_XML_BYTES, compressed=False)


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """A file's bytes, gunzipped when it is gzip; refuses more than ``limit`` bytes of content
    (default MAX_TEXT_BYTES), and anything but a regular file."""
    name = str(path)
    limit = MAX_TEXT_BYTES if limit is None else limit
    check_regular(path)
    with open(path, "rb") as fh:
        gzipped = fh.read(len(GZIP)) == GZIP
        refuse_too_big(fh, path, limit, gzipped=gzipped)
        if not gzipped:
            return fh.read()
        out = bytearray()  # the cap below holds when the trailer lies
        try:
            with gzip.GzipFile(fileobj=fh) as gz:
                while chunk := gz.read(_CHUNK):
                    out += chunk
                    if len(out) > limit:
                        raise too_big(name, limit, compressed=True)
        except (OSError, EOFError, zlib.error) as exc:
            raise gzip_cut(exc, name) from None
        return bytes(out)


def refuse_too_big(fh: BinaryIO, path: Path, limit: int, *, gzipped: bool) -> None:
    """FormatError when the file ``fh`` (opened at ``path``; at its start afterwards) holds
    more than ``limit`` bytes on disk, or, gzipped, when its trailer honestly claims more (a
    trailer that lies is caught by :class:`LimitedReader` or :func:`read_bytes`' cap)."""
    size = path.stat().st_size
    if not gzipped and size > limit:
        raise too_big(str(path), limit, compressed=False)
    if gzipped:
        fh.seek(-4, 2)  # gzip's trailer: the size of the content (of the last member, mod 4 GiB)
        claimed = int.from_bytes(fh.read(4), "little")
        if limit < claimed <= size * _MAX_DEFLATE_RATIO:
            raise too_big(str(path), limit, compressed=True)  # an honest big file fails at once
    fh.seek(0)


class LimitedReader:
    """A binary stream that refuses to yield more than ``limit`` bytes (for gzip streams)."""

    def __init__(self, stream: BinaryIO, name: str, limit: int | None = None) -> None:
        self._stream, self._name, self._done = stream, name, 0
        self._limit = MAX_XML_BYTES if limit is None else limit

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size if size is not None and size >= 0 else _CHUNK)
        self._done += len(data)
        if self._done > self._limit:
            raise too_big(self._name, self._limit, compressed=True)
        return data

    def peek(self, size: int = 0) -> bytes:
        return self._stream.peek(size)  # type: ignore[attr-defined]

    def close(self) -> None:
        self._stream.close()


_WIDE = re.compile(r"utf[-_]?(16|32)", re.IGNORECASE)


def is_wide(encoding: str | None) -> bool:
    """Whether ``encoding`` (as the user names it) is UTF-16 or UTF-32."""
    return bool(encoding and _WIDE.match(encoding))


# what to do about an empty file (a save or download that failed, or the wrong file chosen)
# and a gzip file cut short (a download interrupted): the messages said only what was wrong
EMPTY_HINT = "the save or download failed, or this is the wrong file; export or save it again"


def gzip_cut(exc: BaseException, name: str) -> FormatError:
    """The FormatError for a gzip file that ends early or is corrupt (a download cut short)."""
    return FormatError(
        f"the compressed file is truncated or corrupt ({exc})",
        where=name,
        hint="the download was cut short; download or export the file again ('gzip -t FILE'"
        " checks it)",
    )


def looks_utf16(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when ``data`` (no BOM) looks like UTF-16 text: most bytes at
    odd (LE) or even (BE) positions are NUL, as for Latin text, and few at the others; and
    'utf-32-le' or 'utf-32-be' for UTF-32 text (three NUL bytes of every four: it was called a
    binary file, 'a NUL byte near the start')."""
    head = data[:4096]
    half = len(head) // 2
    if half < 8:
        return None
    if wide := _looks_utf32(head):
        return wide
    even = head[0::2].count(0) / half
    odd = head[1::2].count(0) / half
    if odd > 0.5 and even < 0.1:
        return "utf-16-le"
    if even > 0.5 and odd < 0.1:
        return "utf-16-be"
    return None


def _looks_utf32(head: bytes) -> str | None:
    """'utf-32-le' or 'utf-32-be' when the bytes at three of every four positions are nearly
    all NUL and those at the fourth (the low byte of Latin text) nearly none."""
    quarter = len(head) // 4
    nul = [head[i::4][:quarter].count(0) / quarter for i in range(4)]
    if min(nul[1:]) > 0.9 and nul[0] < 0.1:
        return "utf-32-le"
    if min(nul[:3]) > 0.9 and nul[3] < 0.1:
        return "utf-32-be"
    return None


def utf16_without_bom(wide: str, name: str, *, option: bool = True) -> FormatError:
    """The error for text :func:`looks_utf16` found to be ``wide`` ('utf-16-le'/'-be');
    ``option``: whether the command has an --encoding option for the hint to suggest."""
    return FormatError(
        f"this looks like {wide.upper()} text without a byte-order mark",
        where=name,
        hint=f"re-save the file as UTF-8, or pass --encoding {wide}"
        if option
        else "re-save the file as UTF-8",
    )


# the longest line a text export holds is an abstract on one line (RIS's AB, a CSV row), a few
# thousand characters, tens of thousands at most; a line of a million characters is a file
# whose line breaks were lost, or no export at all. Read on, it became one record's 50 MB
# abstract, or a CSV header of millions of cells (85 s and 2 GB before 'no records').
MAX_LINE_CHARS = 1 << 20
# a line start (after LF, after CR, or the text's start), then MAX_LINE_CHARS more characters
# without a line break: tried at line starts only, so the scan reads each character once
_LONG_LINE = re.compile(rf"(?:^|(?<=[\r\n]))[^\r\n]{{{MAX_LINE_CHARS + 1}}}")


def line_at(text: str | bytes, at: int) -> int:
    """The number of the line holding position ``at``, lines ended by LF, CRLF or CR alone, as
    :func:`split_lines` and :func:`decode` read them: counting LF alone named line 1 for every
    place in a file whose lines end in CR (an old Mac's, Excel's 'CSV (Macintosh)')."""
    if isinstance(text, str):
        lf, cr, crlf = text.count("\n", 0, at), text.count("\r", 0, at), text.count("\r\n", 0, at)
    else:
        lf, cr, crlf = (
            text.count(b"\n", 0, at),
            text.count(b"\r", 0, at),
            text.count(b"\r\n", 0, at),
        )
    # a CR just before ``at`` whose LF is at ``at`` counts once, as CR: its line ended there
    return lf + cr - crlf + 1


def check_line_lengths(text: str, name: str) -> None:
    """FormatError naming the first line longer than MAX_LINE_CHARS characters."""
    if len(text) <= MAX_LINE_CHARS or not (m := _LONG_LINE.search(text)):
        return
    line = line_at(text, m.start())
    ends = [i for c in "\r\n" if (i := text.find(c, m.start())) >= 0]
    raise long_line(name, line, min(ends, default=len(text)) - m.start())


def long_line(name: str, line: int, length: int, more: str = "") -> FormatError:
    """The FormatError for line ``line`` of ``length`` characters (``more``: 'more than ')."""
    return FormatError(
        f"line {line} is {more}{length:,} characters long, more than any reference export"
        f" writes on one line ({MAX_LINE_CHARS:,} at most): its line breaks were lost, or this"
        " is not an export",
        where=f"{name}:{line}",
        hint="export the references again; nothing was imported",
    )


def split_lines(text: str) -> list[str]:
    """Lines split at \\n, \\r\\n and \\r only. ``str.splitlines`` also splits at form feeds,
    vertical tabs, U+0085, U+2028 and U+2029, which occur inside abstracts pasted from PDFs and
    inside JSON strings; splitting there breaks fields and shifts every line number after it."""
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _decode_wide(data: bytes, name: str, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise FormatError(
            f"cannot decode as {encoding}: {exc}",
            where=name,
            hint="the file may be cut short or damaged; save it again as UTF-8",
        ) from None
    return text.removeprefix("\ufeff")


_JOINED_BOM = re.compile(r"(?<=[\r\n])\ufeff")


def unjoined(text: str) -> str:
    """``text`` without the byte-order marks at the start of its lines: files joined into one
    ('cat part1.ris part2.ris', the way around a database's export limit) carry each part's
    mark there, where it is no text (U+FEFF as a zero-width space is deprecated since Unicode
    3.2) but made the reader see '\ufeffTY  - JOUR' and refuse a good line."""
    return _JOINED_BOM.sub("", text) if "\ufeff" in text else text


# a page break (U+000C) at a line's start: a file printed to disk (a 'Print to file', a
# library system's report) opens each page with one, before the page's first line, where it is
# no text; a tag behind it was read as a wrapped line of the field above ('AU  - Berg, Tor
# PY  - 2019': the year lost). A page break alone on its line is kept: a blank line to a reader
# that strips its lines, and one the MEDLINE reader tells apart (medline._records: inside a
# record it ends none)
PAGE_BREAKS = "\f"
_PAGE_BREAK = re.compile(r"(?:^|(?<=[\r\n]))\f+(?=[^\f\r\n])")


def unpaged(text: str) -> str:
    """``text`` without the page breaks at the start of its lines of text."""
    return _PAGE_BREAK.sub("", text) if "\f" in text else text


_LONE_CR = re.compile(r"\r(?!\n)")


def _tidied(text: str) -> str:
    """``text`` without joined files' byte-order marks (:func:`unjoined`) and the page breaks
    at its lines' starts (:func:`unpaged`), its lines ended by
    CR alone (an old Mac's file, Excel's 'CSV (Macintosh)') ended by LF instead, as XML's
    parsers do: a pattern's (?m)^ or a split at '\n' saw such a file as one line, and a
    record cut short or an entry closed early was imported (line numbers stay: one end for
    one). CRLF stays as it is: every reader takes it."""
    text = unpaged(unjoined(text))
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def decode(data: bytes, name: str, encoding: str | None = None, *, option: bool = True) -> str:
    """Bytes -> str. Refuses empty and binary files; names the line of a bad byte.

    A file that starts with a byte-order mark (UTF-8, UTF-16, UTF-32) is read in the encoding
    the mark names; so is a file whose ``encoding`` is UTF-16 or UTF-32. UTF-16 without a mark
    is refused with a message that says so (it cannot be told from binary data for sure).
    ``option``: whether the command has an --encoding option for the hints to suggest.
    """
    if not data.strip():
        raise FormatError("the file is empty", where=name, hint=EMPTY_HINT)
    bom = bom_encoding(data)
    if is_wide(encoding) or (not encoding and bom in ("utf-16", "utf-32")):
        text = _decode_wide(data, name, encoding or bom or "")
        if not text.strip():
            raise FormatError("the file is empty", where=name, hint=EMPTY_HINT)
        nul = text.find("\x00")
        if nul >= 0:
            raise FormatError(
                "a NUL character in the text: the file is damaged or partly binary",
                where=f"{name}:{line_at(text, nul)}",
                hint=_damaged_hint(option),
            )
        return _tidied(text)
    if not encoding and (wide := looks_utf16(data)):
        raise utf16_without_bom(wide, name, option=option)
    refuse_binary(data, name, option=option)
    nul = data.find(b"\x00")
    if nul >= 0:  # anywhere, not only in the head: a NUL is never part of a reference export
        line = line_at(data, nul)
        if _zero_filled(data, nul):
            raise zero_filled(f"{name}:{line}", line, option=option)
        raise nul_byte(f"{name}:{line}", option=option)
    if encoding:
        from reviewkit.formats import declared_encoding  # with --encoding only

        try:
            # first: an option the bytes say is wrong is named, not "cannot decode"
            declared_encoding.refuse_wrong(data, name, encoding)
            return _tidied(data.decode(encoding))
        except UnicodeDecodeError as exc:
            line = line_at(data, exc.start)
            raise FormatError(
                f"cannot decode as {encoding}: {exc.reason} (byte 0x{data[exc.start]:02x})",
                where=f"{name}:{line}",
                hint="the file is in another encoding: try another --encoding, or leave it out",
            ) from None
        except (LookupError, UnicodeError) as exc:  # 'idna', 'undefined': codecs that refuse
            raise FormatError(  # any text or error handling (UnicodeError, not a decode error)
                f"cannot decode as {encoding}: {exc}",
                where=name,
                hint="name an encoding Python knows, e.g. cp1252, latin-1, utf-16-le"
                " (or leave --encoding out for UTF-8)",
            ) from None
    try:
        return _tidied(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        where = f"{name}:{line_at(data, exc.start)}"
        from reviewkit.formats.cr_line_ends import cr_line_ends  # a refusal's: not at import

        cr_only = cr_line_ends(data)  # the streamed readers ask the same of the whole file
        raise not_utf8(data[exc.start], exc.start, where, option=option, cr_only=cr_only) from None


def nul_byte(where: str, *, option: bool = True) -> FormatError:
    """The FormatError for a NUL byte at ``where`` ('file:line') of a text file."""
    return FormatError(
        "a NUL byte (0x00) in the text: the file is damaged or partly binary",
        where=where,
        hint=_damaged_hint(option),
    )


def not_utf8(
    byte: int, at: int, where: str, *, option: bool = True, cr_only: bool = False
) -> FormatError:
    """The FormatError for ``byte``, at byte ``at`` of the text, that is not UTF-8.
    ``cr_only``: the file's lines end in CR alone (formats.cr_line_ends, of the whole file), as
    the Mac's programs wrote before OS X and Excel for Mac still writes its 'CSV (Macintosh)'
    (Mac Roman text): its encoding named. The one hint of a file read whole or streamed."""
    hint = "re-save the file as UTF-8, or pass --encoding (e.g. --encoding latin-1 or cp1252)"
    if cr_only:
        hint = (
            "pass --encoding mac-roman (its lines end in CR alone, as Excel's 'CSV (Macintosh)'"
            " and the Mac's programs before OS X write, in Mac Roman), or re-save it as UTF-8"
        )
    return FormatError(
        f"not UTF-8 text (byte 0x{byte:02x} at byte {at})",
        where=where,
        hint=hint
        if option
        else "re-save the file as UTF-8 (in a spreadsheet: Save As, 'CSV UTF-8')",
    )


def refuse_binary(data: bytes, name: str, *, option: bool = True) -> None:
    """FormatError when ``data`` is binary: a NUL byte in its first 8 KB (a PNG image, a JPEG
    named as such). The one test for every text reader and for telling an import's format
    (``formats.detect``); a NUL further on is a damaged text file (:func:`decode`).
    ``option``: an import (its hint: the formats to export), else a command's own text file."""
    if b"\x00" not in data[:8192]:
        return
    first = data.index(b"\x00")
    line = line_at(data, first)
    kind = binary_kind(data)
    what = "a reference export" if option else "a text file"
    if not kind and _zero_filled(data, first):
        raise zero_filled(f"{name}:{line}", line, option=option)
    raise FormatError(
        f"this is {kind}: a binary file, not {what}"
        if kind
        else f"this is a binary file, not {what} (a NUL byte near the start)",
        where=f"{name}:{line}",
        hint="export the references as RIS, MEDLINE/nbib, BibTeX, PubMed XML or CSV"
        if option
        else "name the text file this command reads; nothing was read",
    )


def zero_filled(where: str, line: int, *, option: bool = True) -> FormatError:
    """The FormatError for a text file whose text stops on ``line`` and NUL bytes fill the
    rest (:func:`_zero_filled`)."""
    return FormatError(
        f"the text stops on line {line} and NUL bytes (0x00) fill the rest of the file: it"
        " was not written to its end (a save, download, copy or sync that stopped, or a disk"
        " fault), so records after that point are missing",
        where=where,
        hint="export or download the file again (or copy it again from where it was saved);"
        " nothing was imported"
        if option
        else "make or copy the file again; nothing was read",
    )


def _zero_filled(data: bytes, first: int) -> bool:
    """Whether ``data`` is lines of text whose end, from its first NUL at ``first``, is NUL
    bytes alone: a file whose space was set aside (its size known) and only partly written, as a
    download or a sync stopped, or a program ended, leaves it; a binary file has bytes
    between its NULs."""
    if b"\n" not in data[:first] and b"\r" not in data[:first]:
        return False
    try:
        data[:first].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not data[first:].strip(b"\x00")


def _damaged_hint(option: bool) -> str:
    """What to do about a damaged file: an import's references are exported again; the other
    readers (decisions, extraction, dedup queue, keymap) read a file the user made or edited."""
    if option:
        return "export the references again; nothing was imported"
    return "make or export the file again (it is damaged or partly binary); nothing was read"


def read_text(path: str | Path, encoding: str | None = None, *, sheet: bool = False) -> str:
    """A text file's content, with the same clear errors as :func:`decode` (missing, empty,
    binary, not UTF-8 with the line of the bad byte). For commands without an --encoding
    option (decisions, extraction, evaluation and dedup-queue files): hints do not offer one.
    ``sheet``: the file is a CSV sheet, so a spreadsheet's own file (the sheet opened and saved
    in Excel) is told to be saved as CSV. A zip archive is named by what it holds
    (:func:`~reviewkit.formats.zip_contents.text_refusal`)."""
    path = Path(path)
    try:
        data = read_bytes(path)
    except FileNotFoundError:  # removed after check_regular (which says a missing path and a
        # folder, with what to do) looked at it
        raise FormatError("no such file", where=str(path)) from None
    except PermissionError as exc:
        raise FormatError(
            "no permission to read the file", where=str(path), hint=os_error_hint(exc)
        ) from None
    if sheet and (refused := files.not_a_sheet(data)):
        raise FormatError(refused[0], where=str(path), hint=refused[1])
    if data.startswith(files.ZIP):  # a workbook, a Word document, a download's zip: named
        from reviewkit.formats import zip_contents  # only for a zip: rare

        raise zip_contents.text_refusal(str(path), "a CSV sheet" if sheet else "a text file")
    return decode(data, str(path), encoding, option=False)


REPLACEMENT = "\ufffd"  # U+FFFD, what a decoder writes for bytes it could not read


def lines_holding(
    path: str | Path, char: str, encoding: str | None = None, most: int = 5
) -> list[int]:
    """The numbers of the first ``most`` lines of a text file that hold ``char`` (for a
    warning); [] when the file cannot be read as text (an Excel workbook, a damaged file)."""
    try:
        text = decode(read_bytes(Path(path)), str(path), encoding)
    except (OSError, UserError):
        return []
    found: list[int] = []
    for number, line in enumerate(split_lines(text), start=1):
        if char in line:
            found.append(number)
            if len(found) == most:
                break
    return found
