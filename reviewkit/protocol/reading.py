"""Reading a protocol file's text: a regular file, not too large, not binary, UTF-8 (or the
encoding its byte-order mark names), not empty; each refused with a ProtocolError."""

from __future__ import annotations

from pathlib import Path

from reviewkit.errors import ProtocolError
from reviewkit.files import NotAFile, binary_kind, bom_encoding, check_regular

_MAX_BYTES = 16 << 20  # the shipped protocols are 20-25 KB; more is not a protocol


def read_text(path: Path) -> str:
    """The protocol's text; a missing file, a folder, a FIFO (opening it would wait forever),
    a huge or binary file and bytes that are not UTF-8 are refused with a ProtocolError."""
    try:
        check_regular(path, "protocol file", missing="protocol file not found")
    except NotAFile as exc:
        raise ProtocolError(exc.message, where=exc.where, hint=exc.hint) from None
    if path.stat().st_size > _MAX_BYTES:
        raise ProtocolError("the file is larger than 16 MiB: not a protocol", where=str(path))
    data = path.read_bytes()
    # TOML is UTF-8; a byte-order mark (Notepad's UTF-8, or UTF-16 from Windows tools) names
    # the encoding for sure, so such a file is read (the formats layer does the same for imports)
    encoding = bom_encoding(data) or "utf-8"
    nul = data.find(b"\x00")
    if encoding == "utf-8" and nul >= 0:  # valid UTF-8, but never in a TOML file
        kind = binary_kind(data)
        line = data.count(b"\n", 0, nul) + 1
        raise ProtocolError(
            f"this is {kind}, not a protocol"
            if kind
            else "a NUL byte: this is a binary file, or UTF-16 text without a byte-order mark",
            where=f"{path}:{line}",
            hint="name the protocol's .toml file" if kind else "save the protocol as UTF-8",
        )
    try:
        text = data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ProtocolError(
            f"not {encoding.upper()} text ({exc.reason} at byte {exc.start})",
            where=f"{path}:{line}",
            hint="save the protocol as UTF-8",
        ) from None
    if "\r" in text and "\n" not in text:
        # every line ended by CR alone, as an old Mac's editors save (and BBEdit's 'Classic
        # Mac' line ends): TOML ends lines with LF or CRLF, so tomllib read one line and
        # refused its first CR; the imports read such files too (formats.cr_line_ends)
        text = text.replace("\r", "\n")
    if not text.strip():  # an editor's failed save, or a new file never filled in
        raise ProtocolError(
            "the file is empty",
            where=str(path),
            hint="copy a protocol that ships with reviewkit (protocols/*.toml) and edit it",
        )
    return text
