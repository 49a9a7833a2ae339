"""Files whose lines end in CR alone (an old Mac's), for the XML readers: libxml2 counts lines at
LF only, so every error in such a file was on line 1. XML reads CR, CRLF and LF as one line
end, so the file with its CRs as LFs is the same document, and its errors name their lines."""

from __future__ import annotations

from typing import BinaryIO


def cr_line_ends(head: bytes) -> bool:
    """Whether a byte file's lines end in CR alone (an old Mac's file): CRs and no LF in its
    head, and no NUL (in UTF-16 a CR byte can be half of another letter)."""
    return b"\r" in head and b"\n" not in head and b"\x00" not in head


class CrAsLf:
    """A binary stream whose CR bytes read as LF (see :func:`cr_line_ends`)."""

    _TABLE = bytes.maketrans(b"\r", b"\n")

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream

    def read(self, size: int = -1) -> bytes:
        return self.stream.read(size).translate(self._TABLE)
