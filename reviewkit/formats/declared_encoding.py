"""An encoding given with --encoding that the file's bytes say is wrong, refused before they
are decoded with it (:func:`~reviewkit.formats.text.decode`): UTF-8 text declared another
encoding, and Windows text (cp1252, cp1250 …) declared the ISO-8859 part of its letters.
Read as declared, each would be stored garbled, and records are never changed afterwards."""

from __future__ import annotations

import codecs
import re

from reviewkit.errors import FormatError
from reviewkit.formats.text import line_at


def refuse_wrong(data: bytes, name: str, encoding: str) -> None:
    """FormatError when ``data``, declared ``encoding``, is UTF-8 text or Windows text of the
    ISO-8859 part declared (the module docstring). First UTF-8: its text often holds bytes
    cp1252 leaves undefined ('Á' is C3 81), and "cannot decode" would hide that the option is
    what is wrong."""
    _refuse_utf8_read_as(data, name, encoding)
    _refuse_windows_read_as_iso(data, name, encoding)


_NON_ASCII_WORD = re.compile(r"\S{0,20}[^\x00-\x7f]\S{0,20}")  # for the message


def _refuse_utf8_read_as(data: bytes, name: str, encoding: str) -> None:
    """FormatError when a file declared to be in a non-UTF encoding is valid UTF-8 with
    characters beyond ASCII: read in the declared one, each of them would be stored garbled
    ('ø' as 'Ã¸' in cp1252 or Latin-1), and records are never changed afterwards. Refused, not
    warned: a warning scrolls past while the garbled records stay. Real Latin-1 or cp1252 text
    is almost never valid UTF-8 (an accented capital followed by a symbol from 0x80-0xBF, as in
    'Ã¸', is itself what garbled text looks like), so a file that is, is UTF-8."""
    if codecs.lookup(encoding).name.startswith("utf") or data.isascii():
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # not UTF-8: the declared encoding is the file's
    found = _NON_ASCII_WORD.search(text)
    if found is None:  # cannot be: the bytes are not ASCII
        return
    word = found.group(0)
    garbled = word.encode("utf-8").decode(encoding, errors="replace")
    raise FormatError(
        f"the file is UTF-8, not {encoding}: read as {encoding}, '{word}' would be stored "
        f"as '{garbled}'",
        where=f"{name}:{line_at(text, found.start())}",
        hint="leave out --encoding (UTF-8 is read by default); nothing was imported",
    )


_C1_BYTE = re.compile(rb"[\x80-\x9f]")
# an ISO-8859 part -> the Windows code page of the same letters (Windows' 'ANSI' for that
# language, what Notepad and older reference managers save), which puts its quotes, dashes,
# '€' and '…' at 0x80-0x9F, where every ISO-8859 part has only the C1 control codes
_WINDOWS_OF_ISO = {
    "iso8859-1": ("Latin-1", "cp1252", "Windows-1252"),  # Western
    "iso8859-15": ("ISO-8859-15", "cp1252", "Windows-1252"),  # Western, with '€'
    "iso8859-2": ("ISO-8859-2", "cp1250", "Windows-1250"),  # Central European
    "iso8859-4": ("ISO-8859-4", "cp1257", "Windows-1257"),  # Baltic
    "iso8859-13": ("ISO-8859-13", "cp1257", "Windows-1257"),  # Baltic
    "iso8859-5": ("ISO-8859-5", "cp1251", "Windows-1251"),  # Cyrillic
    "iso8859-6": ("ISO-8859-6", "cp1256", "Windows-1256"),  # Arabic
    "iso8859-7": ("ISO-8859-7", "cp1253", "Windows-1253"),  # Greek
    "iso8859-8": ("ISO-8859-8", "cp1255", "Windows-1255"),  # Hebrew
    "iso8859-9": ("ISO-8859-9", "cp1254", "Windows-1254"),  # Turkish
}


def _refuse_windows_read_as_iso(data: bytes, name: str, encoding: str) -> None:
    """FormatError when a file declared an ISO-8859 part (Latin-1, Latin-2, ISO-8859-5 …)
    holds a byte 0x80-0x9F that the Windows code page of the same letters reads as a
    character: the ISO part gives those bytes no character, only the C1 control codes, which
    no text holds; Windows-1252 (1250, 1251 …) puts its curly quotes, dashes, '€' and '…'
    there. Read as declared, every such character would be stored as an invisible control
    code."""
    found = _WINDOWS_OF_ISO.get(codecs.lookup(encoding).name)
    if found is None:
        return
    iso, windows, windows_name = found
    for m in _C1_BYTE.finditer(data):
        try:
            char = m.group().decode(windows)
        except UnicodeDecodeError:  # a byte the code page leaves undefined (cp1252's 0x81 …)
            continue
        raise FormatError(
            f"byte 0x{data[m.start()]:02x} is no character in {iso} but '{char}' in"
            f" {windows_name}: the file is {windows_name} text",
            where=f"{name}:{line_at(data, m.start())}",
            hint=f"pass --encoding {windows} instead; nothing was imported",
        )
