"""Turning a file's bytes into text, with the errors users need (binary, empty, encoding, size).

Size limits (documented in the README): a text export (RIS, nbib, BibTeX, CSV) is read whole
into memory, so it may hold at most MAX_TEXT_BYTES once decompressed; 256 MiB is about 100,000
records with abstracts, ten times PubMed's 10,000-record export limit. PubMed XML is streamed
and may decompress to MAX_XML_BYTES, eight times the largest NLM baseline file (233 MB). A
gzip file that would decompress past its limit (a "gzip bomb") is refused before it fills
memory.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from typing import BinaryIO

from reviewkit.errors import FormatError

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


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """A file's bytes, gunzipped when it is gzip; refuses more than ``limit`` bytes of content
    (default MAX_TEXT_BYTES)."""
    name = str(path)
    limit = MAX_TEXT_BYTES if limit is None else limit
    with open(path, "rb") as fh:
        if fh.read(2) != b"\x1f\x8b":
            if path.stat().st_size > limit:
                raise too_big(name, limit, compressed=False)
            fh.seek(0)
            return fh.read()
        fh.seek(-4, 2)  # gzip's trailer: the size of the content (of the last member, mod 4 GiB)
        if int.from_bytes(fh.read(4), "little") > limit:
            raise too_big(name, limit, compressed=True)  # an honest big file fails at once
        fh.seek(0)
        out = bytearray()  # the cap below holds when the trailer lies
        try:
            with gzip.GzipFile(fileobj=fh) as gz:
                while chunk := gz.read(_CHUNK):
                    out += chunk
                    if len(out) > limit:
                        raise too_big(name, limit, compressed=True)
        except (OSError, EOFError, zlib.error) as exc:
            raise FormatError(
                f"the compressed file is truncated or corrupt ({exc})", where=name
            ) from None
        return bytes(out)


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


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Bytes -> str. Refuses empty and binary files; names the line of a bad byte."""
    if not data.strip():
        raise FormatError("the file is empty", where=name)
    if b"\x00" in data[:8192]:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise FormatError(
            "this is a binary file, not a text export (a NUL byte near the start)",
            where=f"{name}:{line}",
            hint="export the references as RIS, MEDLINE/nbib, BibTeX, PubMed XML or CSV",
        )
    nul = data.find(b"\x00")
    if nul >= 0:  # anywhere, not only in the head: a NUL is never part of a reference export
        line = data.count(b"\n", 0, nul) + 1
        raise FormatError(
            "a NUL byte (0x00) in the text: the file is damaged or partly binary",
            where=f"{name}:{line}",
            hint="export the references again; nothing was imported",
        )
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise FormatError(f"cannot decode as {encoding}: {exc}", where=name) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FormatError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at byte {exc.start})",
            where=f"{name}:{line}",
            hint="re-save the file as UTF-8, or pass --encoding (e.g. --encoding latin-1 or cp1252)",
        ) from None


def read_text(path: str | Path, encoding: str | None = None) -> str:
    """A text file's content, with the same clear errors as :func:`decode` (missing, empty,
    binary, not UTF-8 with the line of the bad byte)."""
    path = Path(path)
    try:
        data = read_bytes(path)
    except FileNotFoundError:
        raise FormatError("no such file", where=str(path)) from None
    except IsADirectoryError:
        raise FormatError("this is a folder, not a file", where=str(path)) from None
    return decode(data, str(path), encoding)
