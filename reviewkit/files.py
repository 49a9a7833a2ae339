"""Files the user names, checked before anything opens them: one check for every reader, the
byte-order marks that name a text file's encoding, and the signatures that name a file's kind.

A folder, a named pipe (FIFO), a socket or a device is refused before it is opened (opening a
FIFO would wait forever for a writer), and so is a path that is missing or cannot be read. The
readers of import files (:mod:`reviewkit.formats`) and of protocols (:mod:`reviewkit.protocol`)
may not import each other, so the check lives below both; each re-raises :class:`NotAFile` as
its own error (FormatError, ProtocolError).
"""

from __future__ import annotations

import codecs
import re
import stat
from pathlib import Path

from reviewkit.errors import UserError, os_error_hint


class NotAFile(UserError):
    """A path that is not a regular file this process can look at."""


def check_regular(path: Path, what: str = "file", *, missing: str = "no such file") -> None:
    """NotAFile unless ``path`` is a regular file (or a link to one); ``what`` names the file
    in the messages ("protocol file"), ``missing`` is the message for a path that is not there."""
    where = str(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise NotAFile(missing, where=where, hint="check the path and its spelling") from None
    except OSError as exc:
        raise NotAFile(
            f"cannot read the file ({exc.strerror})", where=where, hint=os_error_hint(exc)
        ) from None
    if stat.S_ISDIR(mode):
        raise NotAFile(
            f"this is a folder, not a {what}",
            where=where,
            hint=f"name a {what} in the folder (FOLDER/NAME), not the folder",
        )
    if not stat.S_ISREG(mode):
        raise NotAFile(
            f"this is a pipe, socket or device, not a {what}",
            where=where,
            hint="save the data to a file first and name that file",
        )


# Byte-order marks, longest first (UTF-32-LE's starts with UTF-16-LE's). A BOM names its
# encoding for sure, so such a file is read in it (EndNote and Windows tools save UTF-16).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` names, or None."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    return None


# Signatures (magic numbers) that the specifications of these kinds put at the start of a file:
# the one place they are written; readers test a file's first bytes with ``head.startswith``.
SQLITE = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite 3 database
PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"
GIF = b"GIF8"
PDF = b"%PDF-"
ZIP = b"PK\x03\x04"  # a zip's local file header: .xlsx, .docx and every other zip archive
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE2 compound file: .xls, .doc, encrypted .xlsx
GZIP = b"\x1f\x8b"

# Files of another kind that users name by mistake where a text file is read (an import, a
# protocol, a decision log, a sheet), by their signature: a message that names the kind says
# what went wrong ('a binary file' did not).
_KINDS = (
    (SQLITE, "an SQLite database (a project's review.sqlite?)"),
    (PNG, "a PNG image"),
    (JPEG, "a JPEG image"),
    (GIF, "a GIF image"),
    (PDF, "a PDF document"),
    (ZIP, "a zip archive (an Excel workbook, a Word document or another zip file)"),
    (OLE2, "an Office 97-2003 file (.xls or .doc)"),
    (GZIP, "a gzip-compressed file"),
)


# a web page as a browser or a download saves it: after a UTF-8 byte-order mark (a server's
# page often starts with one), an XML declaration (XHTML) and comments (Internet Explorer's and
# Edge's 'Save as' write '<!-- saved from url=(0054)https://… -->' first), its doctype or <html>
# (or <head>, which HTML lets a page open with): in place of a PDF (attach) or a CSV sheet
_WEB_PAGE = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype html|html|head)\b",
    re.I | re.S,
)


def is_web_page(head: bytes) -> bool:
    """Whether a file starting with ``head`` is a web page as a browser or a download saves it."""
    return _WEB_PAGE.match(head) is not None


# Spreadsheets are zip archives that name their kind inside: Excel's workbook part (ECMA-376,
# xl/workbook.xml), OpenDocument's 'mimetype' member, stored first and uncompressed (OASIS
# OpenDocument 1.2, part 3, 3.3), and the IWork Archive parts Apple Numbers keeps its tables in.
# Each one's hint says how its program saves a CSV, what every sheet reader here reads.
XLSX_KIND = "an Excel workbook (.xlsx)"
ODS_KIND = "an OpenDocument spreadsheet (.ods)"
NUMBERS_KIND = "an Apple Numbers spreadsheet (.numbers)"
_SHEETS = (
    (b"xl/workbook.xml", XLSX_KIND),
    (b"application/vnd.oasis.opendocument.spreadsheet", ODS_KIND),
    (b"Index/Document.iwa", NUMBERS_KIND),
)
# what to do with a document (Word, OpenDocument, RTF) given as an export: a reference list
# written to read has no fields to read back
DOCUMENT_HINT = (
    "a list written into a document cannot be read back; export the references as RIS,"
    " MEDLINE/nbib, BibTeX, PubMed XML or CSV from the database or reference manager the list"
    " came from"
)
SAVE_AS_CSV = {
    XLSX_KIND: "in Excel, File > Save As… 'CSV UTF-8 (Comma delimited)'",
    ODS_KIND: "in LibreOffice Calc, File > Save As… 'Text CSV' (or 'Excel 2007-365')",
    NUMBERS_KIND: "in Numbers, File > Export To > CSV… (or Excel…)",
}


def not_a_sheet(data: bytes) -> tuple[str, str] | None:
    """(message, hint) for a file given as a CSV sheet that is a spreadsheet's own file (the
    sheet opened and saved in Excel) or a web page (a sign-in or error page saved in its
    place, or a sheet saved 'as Web Page'); None for any other file."""
    if data.startswith(ZIP) and (kind := spreadsheet_kind(data)):
        hint = f"save the sheet as CSV ({SAVE_AS_CSV[kind]}) and give that file"
        return f"this is {kind}, not a CSV sheet", f"{hint}; nothing was read"
    if is_web_page(data[:8192]):  # its header would be '<!DOCTYPE html>'
        return (
            "this is a web page (HTML), not a CSV sheet: a sign-in or error page saved in the"
            " sheet's place, or a sheet saved 'as Web Page'",
            "open the sheet in a spreadsheet and save it as 'CSV UTF-8' (or as .xlsx), and give"
            " that file; nothing was read",
        )
    return None


def spreadsheet_kind(data: bytes) -> str:
    """Which spreadsheet a zip archive is, from its bytes (or its member names, one a line,
    and its 'mimetype'): one of XLSX_KIND, ODS_KIND, NUMBERS_KIND; '' for none of them."""
    return next((kind for marker, kind in _SHEETS if marker in data), "")


def binary_kind(head: bytes) -> str:
    """'a PNG image', 'an SQLite database (…)' … for a file starting with ``head``; '' when
    the start is no signature known here."""
    if head.startswith(ZIP) and (sheet := spreadsheet_kind(head)):
        return sheet
    return next((kind for magic, kind in _KINDS if head.startswith(magic)), "")
