"""Turning a file's bytes into text, with the errors users need (binary, empty, encoding)."""

from __future__ import annotations

from pathlib import Path

from reviewkit.errors import FormatError


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Bytes -> str. Refuses empty and binary files; names the line of a bad byte."""
    if not data.strip():
        raise FormatError("the file is empty", where=name)
    if b"\x00" in data[:8192]:
        raise FormatError(
            "this is a binary file, not a text export",
            where=name,
            hint="export the references as RIS, MEDLINE/nbib, BibTeX, PubMed XML or CSV",
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
        data = path.read_bytes()
    except FileNotFoundError:
        raise FormatError("no such file", where=str(path)) from None
    except IsADirectoryError:
        raise FormatError("this is a folder, not a file", where=str(path)) from None
    return decode(data, str(path), encoding)
