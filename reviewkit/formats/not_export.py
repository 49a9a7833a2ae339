"""Files that are no reference export, named for what they are, so the message says what to do.

Without this a PDF saved under a .ris name, a bzip2 archive or a list of PMIDs was "a binary
file (a NUL byte)" or "cannot tell the format", and an E-utilities error reply saved as .nbib
was "broken CSV row". Each kind is told by its own signature at the start of the file (the
magic numbers their specifications define), never by its name, and only before any reader is
chosen; a file that is none of these goes on to format detection as before.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import PurePosixPath

from reviewkit.errors import FormatError
from reviewkit.files import GZIP, PDF

_EXPORT = "export the references as RIS, MEDLINE/nbib, BibTeX, PubMed XML or CSV"
# compressed formats other than gzip (the only one read), by their magic numbers: bzip2
# ('BZh' and the block size 1-9), xz, Zstandard, 7-Zip, RAR (4 and 5)
_COMPRESSED = (
    (re.compile(rb"BZh[1-9]"), "a bzip2 (.bz2)"),
    (re.compile(rb"\xfd7zXZ\x00"), "an xz (.xz)"),
    (re.compile(rb"\x28\xb5\x2f\xfd"), "a Zstandard (.zst)"),
    (re.compile(rb"7z\xbc\xaf\x27\x1c"), "a 7-Zip (.7z)"),
    (re.compile(rb"Rar!\x1a\x07"), "a RAR (.rar)"),
)
# JSON: an object, or an array of objects or strings (CSL-JSON, Zotero's export, or the JSON
# error reply E-utilities sends, '{"error":"API rate limit exceeded",...}'); no reference
# export starts so (a CSV header cell does not start with '{"')
_JSON = re.compile(r'\s*(?:\{\s*"|\[\s*(?:\{|"|\]))')
_JSON_ERROR = re.compile(r'"error"\s*:\s*"([^"]{1,200})"')
# PubMed's 'PMID' save format: one PMID a line, nothing else
PMID_LIST_HINT = (
    "in PubMed, save the records with Format 'PubMed' (a .nbib file), or 'Send to: Citation"
    " manager', and import that file"
)
_PMID_LINE = re.compile(r"\s*\d{1,8}\s*")


def refuse(head: bytes, name: str) -> None:
    """FormatError when the file's first bytes (gzip already undone) show it is a PDF, a
    compressed archive, a gzip file inside a gzip file, JSON, or a bare list of PMIDs."""
    if head.startswith(PDF):
        raise FormatError(
            "this is a PDF document (a full text or a printed list), not a reference export",
            where=name,
            hint=f"{_EXPORT}; a study's full text is added with 'reviewkit attach'",
        )
    if head.startswith(GZIP):
        raise FormatError(
            "this is a gzip file inside a gzip file (compressed twice)",
            where=name,
            hint="decompress it once (gunzip) and import the file it holds",
        )
    for magic, kind in _COMPRESSED:
        if magic.match(head):
            raise FormatError(
                f"this is {kind} compressed file; only gzip (.gz) files are read compressed",
                where=name,
                hint="decompress it and import the file it holds",
            )
    text = head[:4096].decode("utf-8", errors="replace").lstrip("\ufeff")
    if _JSON.match(text):
        error = _JSON_ERROR.search(text)
        what = f"an error reply ({error.group(1)!r})" if error else "JSON"
        raise FormatError(
            f"this is {what}, not a reference export reviewkit reads",
            where=name,
            hint="fetch the records again"
            if error
            else f"{_EXPORT} (Zotero and Mendeley: export RIS or BibTeX)",
        )
    lines = [ln for ln in text.splitlines()[:-1] or text.splitlines() if ln.strip()]
    if lines and all(_PMID_LINE.fullmatch(ln) for ln in lines):
        raise FormatError(
            "this is a list of PMIDs (PubMed's 'PMID' save format), not the records",
            where=name,
            hint=PMID_LIST_HINT,
        )


# what a zip archive that is no Excel workbook holds, by the names inside it: a Word document
# (a reference list typed or pasted into a document: Office Open XML's word/document.xml), an
# OpenDocument text, or exports zipped for download (databases zip large exports)
_EXPORT_SUFFIXES = {".ris", ".nbib", ".txt", ".bib", ".xml", ".csv", ".tsv", ".xlsx", ".enw"}


def zip_refusal(path: str) -> FormatError:
    """The FormatError for a zip archive that is not an Excel workbook, naming what it is."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return FormatError(
            "this is a binary file: a zip archive (an Excel workbook?) cut short or corrupt",
            where=path,
            hint="download or save the file again; nothing was imported",
        )
    if "word/document.xml" in names or "content.xml" in names:
        kind = "a Word document (.docx)" if "word/document.xml" in names else "an OpenDocument file"
        return FormatError(
            f"this is {kind}, not a reference export",
            where=path,
            hint=f"a list typed into a document cannot be read; {_EXPORT} from the database or"
            " reference manager the list came from",
        )
    inside = [n for n in names if PurePosixPath(n).suffix.lower() in _EXPORT_SUFFIXES]
    if inside:
        shown = ", ".join(inside[:5]) + (f" and {len(inside) - 5} more" if len(inside) > 5 else "")
        return FormatError(
            f"this is a zip archive holding {shown}",
            where=path,
            hint="unzip it and import the files it holds; nothing was imported",
        )
    return FormatError(
        "this is a zip archive that holds no reference export (nor an Excel workbook)",
        where=path,
        hint=_EXPORT,
    )
