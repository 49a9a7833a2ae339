"""What a zip archive is, told by the names inside it: an Excel workbook, another spreadsheet,
a Word or PowerPoint file (Office Open XML: ECMA-376 names the main part word/document.xml,
ppt/presentation.xml), an OpenDocument file (its first, stored member 'mimetype': OASIS
OpenDocument 1.2, part 3, 3.3), an EndNote .enlx, or files zipped for download. An import
(:func:`reviewkit.formats.not_export.zip_refusal`) and every command reading a text file of
its own (:func:`text_refusal`: a decisions file, a filled sheet) name the kind from here:
'a zip archive (an Excel workbook, a Word document or another zip file)' left the user to
guess which, and what to do about it.
"""

from __future__ import annotations

import zipfile
from pathlib import PurePosixPath
from typing import NamedTuple

from reviewkit.errors import FormatError
from reviewkit.files import SAVE_AS_CSV, spreadsheet_kind
from reviewkit.wording import listed

# an Office Open XML document's main part -> its kind (a workbook is a spreadsheet_kind)
_OFFICE = (
    ("word/document.xml", "a Word document (.docx)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
)
_OPENDOCUMENT = b"application/vnd.oasis.opendocument."


class ZipInside(NamedTuple):
    """The member names of a zip archive and the first bytes of its 'mimetype' member."""

    names: list[str]
    mimetype: bytes

    def sheet(self) -> str:
        """The spreadsheet it is (files.XLSX_KIND, ODS_KIND, NUMBERS_KIND), or ''."""
        return spreadsheet_kind("\n".join(self.names).encode() + b"\n" + self.mimetype)

    def document(self) -> str:
        """'a Word document (.docx)', 'a PowerPoint presentation (.pptx)', 'an OpenDocument
        file (.odt)' … for a document (no spreadsheet), else ''."""
        found = next((kind for part, kind in _OFFICE if part in self.names), "")
        if found or not self.mimetype.startswith(_OPENDOCUMENT):
            return found or ("an OpenDocument file" if "content.xml" in self.names else "")
        sub = self.mimetype[len(_OPENDOCUMENT) :].decode("ascii", "replace")
        suffix = {"text": ".odt", "presentation": ".odp"}.get(sub.strip(), "")
        return f"an OpenDocument file ({suffix or sub})"

    def files(self, suffixes: set[str] | None = None) -> list[str]:
        """The names of the files it holds (not folders), those ending in ``suffixes`` only
        when given."""
        kept = [n for n in self.names if not n.endswith("/")]
        if suffixes is None:
            return kept
        return [n for n in kept if PurePosixPath(n).suffix.lower() in suffixes]


def inside(path: str) -> ZipInside | None:
    """What the zip archive at ``path`` holds; None when it is cut short or corrupt."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            mimetype = b""
            if "mimetype" in names:  # its first bytes only: a member may be a zip bomb
                with archive.open("mimetype") as member:
                    mimetype = member.read(100)
    except (zipfile.BadZipFile, OSError, EOFError):
        return None
    return ZipInside(names, mimetype)


def text_refusal(path: str, what: str) -> FormatError:
    """The FormatError for a zip archive given where a command reads a text file of its own
    (``what``: 'a CSV sheet', 'a text file'), naming what the archive is and what to do."""
    found = inside(path)
    if found is None:
        return FormatError(
            f"this is a zip archive cut short or corrupt, not {what}",
            where=path,
            hint="give the file the command asks for (download or save it again if it is the"
            " one); nothing was read",
        )
    if sheet := found.sheet():
        return FormatError(
            f"this is {sheet}, not {what}",
            where=path,
            hint=f"save the sheet as CSV ({SAVE_AS_CSV[sheet]}) and give that file; nothing was"
            " read",
        )
    if document := found.document():
        return FormatError(
            f"this is {document}, not {what}",
            where=path,
            hint="a table in a document cannot be read back: give the file the command wrote"
            " (or copy the table into a spreadsheet and save it as 'CSV UTF-8'); nothing was"
            " read",
        )
    held = found.files()
    if not held:
        return FormatError(
            f"this is a zip archive holding no file, not {what}",
            where=path,
            hint="give the file the command asks for; nothing was read",
        )
    return FormatError(
        f"this is a zip archive holding {listed(held)}, not {what}",
        where=path,
        hint="unzip it and give the file it holds; nothing was read",
    )
