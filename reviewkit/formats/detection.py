"""Which reader a file is for, told from its content (never its name): the one place a file's
kind is decided.

:func:`detect` tries, in this order: a file of no text (:func:`refuse_empty`); a file that is no
reference export, by its first bytes (:func:`~reviewkit.formats.not_export.refuse`: a PDF, a
database, an archive, JSON, RTF); the XML formats (:mod:`~reviewkit.formats.xml_sniff`); a
zip archive (a workbook, by its parts' names, :mod:`~reviewkit.formats.workbook_sniff`, or named
for what it holds); an old Office file; the text formats, by their first lines
(:mod:`~reviewkit.formats.text_sniff`); text exports no reader reads, named with the export to
make instead (:func:`~reviewkit.formats.not_export.refuse_text`); CSV last, since its sniff
takes any line with a comma. The kinds it names are defined beside it (``not_export``,
``vendor_text``, the sniffs), never in a reader; a folder given to ``import`` is named, with the
exports in it, by :func:`~reviewkit.formats.not_export.refuse_folder` before a file is opened.
It loads no reader (lxml, bibtexparser and the record model cost more CPU to import than
``reviewkit simulate``'s run on a small set).
"""

from __future__ import annotations

import gzip
from pathlib import Path

from reviewkit.errors import FormatError
from reviewkit.files import GZIP
from reviewkit.formats import joined, not_export
from reviewkit.formats.text import (
    EMPTY_HINT,
    bom_encoding,
    check_regular,
    gzip_cut,
    is_wide,
    looks_utf16,
    refuse_binary,
    split_lines,
    unjoined,
    utf16_without_bom,
)
from reviewkit.formats.text_sniff import TEXT_FORMATS, sniff, stray_above, stray_head
from reviewkit.formats.workbook_sniff import is_workbook, is_zip, refuse_xls
from reviewkit.formats.xml_sniff import is_endnote_xml, is_pubmed_xml


def head_of(path: Path) -> bytes:
    """The file's first 64 KiB, gunzipped when it is gzip (what detection reads)."""
    with open(path, "rb") as fh:
        head = fh.read(65536)
    if head.startswith(GZIP):
        try:
            with gzip.open(path, "rb") as fh:
                head = fh.read(65536)
        except (OSError, EOFError) as exc:
            raise gzip_cut(exc, str(path)) from None
    return head


def _wide_head(head: bytes, encoding: str | None) -> str | None:
    """The head as text when it is UTF-16/32 (by its BOM, or by ``encoding``), else None."""
    wide = bom_encoding(head)
    if is_wide(encoding):
        wide = encoding
    if wide not in (None, "utf-8-sig"):
        try:
            return head.decode(wide, errors="replace").lstrip("\ufeff")
        except LookupError:
            return None
    return None


def _without_bom(head: bytes) -> bytes:
    """The head without its byte-order mark (a file of a BOM alone is empty, as Notepad
    saves an empty file in UTF-8 or UTF-16)."""
    bom = bom_encoding(head)
    if bom is None:
        return head
    return head.decode(bom, errors="replace").lstrip("\ufeff").encode("utf-8")


def refuse_empty(path: Path, head: bytes) -> None:
    """The one rule for a file of no text (nothing, blank lines, a byte-order mark and blank
    lines, as EndNote or Notepad save an empty export), whether its format is detected or
    named with --format: every reader would say something else of it (no EF line, a root
    element '<?>', a list of PMIDs). A file of zero bytes, with blanks or not (a download or
    copy cut off where its space was set aside: zeros to its full size), holds no text either,
    whatever its size: it was told 'a binary file' or, under --format xlsx or pubmed-xml, a
    corrupt workbook or a root element '<?>'. Only its first 64 KiB are read: no export starts
    with that much of nothing."""
    text = _without_bom(head)
    if not text.strip():
        raise FormatError("the file is empty", where=str(path), hint=EMPTY_HINT)
    if not text.replace(b"\0", b"").strip():
        raise FormatError(
            "the file holds no text, only zero bytes (and blanks)", where=str(path), hint=EMPTY_HINT
        )


def refuse_stray_head(text: str, path: Path) -> None:
    """FormatError when the head ``text`` is a tagged export with a few stray lines above it
    (:func:`~reviewkit.formats.text_sniff.stray_head`), naming them and the export's kind.
    Refused, not read past: what the lines are (a header row, a title, the end of another
    file joined on top) is for the user to judge, and the tagged readers take no line
    before their first record."""
    found = stray_head(text)
    if found is None:
        return
    start, fmt = found
    lines, are = ("line 1", "is") if start == 2 else (f"lines 1-{start - 1}", "are")
    first = next(ln for ln in split_lines(text.lstrip("\ufeff")) if ln.strip())
    shown = first if len(first) <= 60 else first[:57] + "..."
    raise FormatError(
        f"a {joined.format_name(fmt)} export starts on line {start}, below {lines}, which {are} "
        f"no part of it ({shown!r}: a spreadsheet's header row, or text typed above the export?)",
        where=f"{path}:1",
        hint=f"delete {lines} and import the file again (or pass --format csv if it really is "
        "a table)",
    )


def detect(path: Path, encoding: str | None = None) -> str:
    """Format of a file, from its content (not its name); ``encoding`` as given by the user."""
    check_regular(path)
    head = head_of(path)
    refuse_empty(path, head)
    not_export.refuse(head, str(path))  # a PDF, a database, an archive, JSON, a list of PMIDs
    if is_endnote_xml(head):
        return "endnote-xml"
    if is_zip(head):
        if is_workbook(str(path)):
            return "xlsx"
        raise not_export.zip_refusal(str(path))
    refuse_xls(head, str(path))
    if is_pubmed_xml(head):
        return "pubmed-xml"
    wide = _wide_head(head, encoding)
    if wide is not None:
        head = wide.encode("utf-8", errors="replace")  # sniffed as text below
        if is_endnote_xml(head):
            return "endnote-xml"
        if is_pubmed_xml(head):
            return "pubmed-xml"
    elif not encoding and (utf16 := looks_utf16(head)):
        raise utf16_without_bom(utf16, str(path))
    refuse_binary(head, str(path))  # a PNG image, a JPEG: named, as every text reader does
    # as the readers see it (formats.text.decode): a mark at a line's start is a joined file's
    # ('\n\ufeffFN …' was taken for a title above a Web of Science export by stray_head)
    text = unjoined(head.decode("utf-8", errors="replace").lstrip("\ufeff"))
    for name in TEXT_FORMATS:
        if sniff(name, text):
            if stray_above(name, text):  # a header row above RIS or nbib, within the sniff's reach
                refuse_stray_head(text, path)
            return name
    not_export.refuse_text(text, str(path))  # PubMed's Summary text, EndNote's .enw
    refuse_stray_head(text, path)  # a header row above a tagged export
    if text.lstrip().startswith("<"):
        return "pubmed-xml"  # some XML: the PubMed reader names what is wrong with it
    if sniff("csv", text):
        return "csv"
    from reviewkit.formats import READ_FORMATS  # the readers' names, kept beside the readers

    raise FormatError(
        "cannot tell the format from the content",
        where=str(path),
        hint=f"pass --format {'|'.join(READ_FORMATS)}",
    )
