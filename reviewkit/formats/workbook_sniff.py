"""Byte-level checks of workbooks, for :func:`reviewkit.formats.detect` and ``reviewkit
simulate``: a zip archive that is an Excel workbook, and the Excel files that are refused
(97-2003 .xls, a workbook or a Word document saved with a password, and a Word .doc, an OLE2
file as an .xls is).

They sit apart from the reader (:mod:`~reviewkit.formats.xlsx`), as
:mod:`~reviewkit.formats.xml_sniff` does for XML, so that telling a CSV or RIS file from a
workbook imports neither the reader nor the CSV reader and record model it reads through.
"""

from __future__ import annotations

import zipfile

from reviewkit.errors import FormatError
from reviewkit.files import DOCUMENT_HINT, OLE2, ZIP

# what to do with a workbook that cannot be read (an .xls, a broken or odd .xlsx)
SAVE_AGAIN_HINT = (
    "open it in Excel and save it again as .xlsx or 'CSV UTF-8', or export RIS instead"
)


def is_zip(head: bytes) -> bool:
    """Whether a file starting with ``head`` is a zip archive (a workbook is one)."""
    return head.startswith(ZIP)


def is_workbook(path: str) -> bool:
    """Whether the zip archive at ``path`` is an Excel workbook (it holds xl/workbook.xml)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


# an .xlsx saved with a password is not a zip but an OLE2 compound file holding the streams
# 'EncryptionInfo' and 'EncryptedPackage' (MS-OFFCRYPTO 2.3.4.4); a stream's name is stored
# in UTF-16LE in the file's directory
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
# a Word 97-2003 document (.doc) holds the stream 'WordDocument' (MS-DOC 2.1.1); an .xls holds
# 'Workbook' (or Excel 5's 'Book') instead
_WORD = "WordDocument".encode("utf-16-le")


def _directory(head: bytes, name: str) -> bytes:
    """The first entries of the OLE2 file's directory, at the sector the header names
    (MS-CFB 2.2), where its streams are named (b'' when they cannot be read)."""
    size = 1 << int.from_bytes(head[30:32], "little")  # sector size: 512 or 4096 bytes
    first = int.from_bytes(head[48:52], "little")  # first directory sector
    if size not in (512, 4096) or first >= 0xFFFFFFFA:
        return b""
    try:
        with open(name, "rb") as fh:
            fh.seek((first + 1) * size)
            return fh.read(4 * size)
    except OSError:
        return b""


# Word's and PowerPoint's files saved with a password are the same container as Excel's: the
# kind of document is inside the encrypted package, which cannot be read without the password
# (MS-OFFCRYPTO 2.3.4.4: 'EncryptionInfo' names the cipher, not the application), so only the
# file's name tells them apart. A Word document was called a protected workbook.
_WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".doc")
_SLIDES_SUFFIXES = (".pptx", ".pptm", ".ppt")


def _refuse_encrypted(name: str) -> None:
    """FormatError for an Office file saved with a password, named by its name's ending."""
    suffix = name.lower()
    if suffix.endswith(_WORD_SUFFIXES + _SLIDES_SUFFIXES):
        what = "Word document" if suffix.endswith(_WORD_SUFFIXES) else "PowerPoint file"
        raise FormatError(
            f"this {what} is protected by a password (encrypted), and a document is not a"
            " reference export either",
            where=name,
            hint=DOCUMENT_HINT,
        )
    raise FormatError(
        "this workbook is protected by a password (encrypted), so it cannot be read",
        where=name,
        hint="open it in Excel and save a copy without the password (File > Info >"
        " Protect Workbook > Encrypt with Password: clear it), or save it as 'CSV UTF-8'",
    )


def refuse_xls(head: bytes, name: str) -> None:
    """FormatError for an Excel 97-2003 workbook (.xls), which is not read: it names the fix;
    for a workbook saved with a password, which cannot be read without it; and a Word 97-2003
    document (.doc, the same kind of file) is named as one.
    (Any other zip archive than a workbook is refused as a binary file by the caller.)"""
    if not head.startswith(OLE2):
        return
    streams = head + _directory(head, name)  # a stream's name may be in either
    if _ENCRYPTED in streams:
        _refuse_encrypted(name)
    if _WORD in streams:
        raise FormatError(
            "this is a Word 97-2003 document (.doc), not a reference export",
            where=name,
            hint=DOCUMENT_HINT,
        )
    raise FormatError(
        "this is a binary file: an Excel 97-2003 workbook (.xls) or another old Office"
        " file, which reviewkit does not read",
        where=name,
        hint=SAVE_AGAIN_HINT,
    )
