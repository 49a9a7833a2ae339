"""Readers and writers of reference formats, and format detection from content.

Readers: PubMed XML, MEDLINE/nbib, RIS, BibTeX, CSV, Web of Science plain text, the Cochrane
Library's plain text, EndNote XML, RefWorks tagged, Excel workbooks (.xlsx). Writers: RIS, BibTeX, CSV, MEDLINE.
:func:`read_file` picks the reader from the file's content (``fmt`` forces one) and yields
Records (or what its ``prepare`` makes of each); every problem is a
:class:`~reviewkit.errors.FormatError` naming the file and line.

Each format's module is imported the first time that format is asked for (:func:`module`;
``reviewkit.formats.ris`` and the package's other modules load on first use too). :func:`detect`
tells XML from its bytes (:mod:`~reviewkit.formats.xml_sniff`) and the text formats from their
first lines (:mod:`~reviewkit.formats.text_sniff`) and workbooks by their zip parts' names
(:mod:`~reviewkit.formats.workbook_sniff`), so it loads no reader:
the readers (lxml, bibtexparser, pylatexenc, rispy, the record model) cost more CPU to import
than ``reviewkit simulate``'s run on a small set.
"""

from __future__ import annotations

import gzip
import importlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TextIO, TypeVar, overload

from reviewkit.errors import FormatError
from reviewkit.files import GZIP
from reviewkit.formats import joined, not_export
from reviewkit.formats.text import (
    EMPTY_HINT,
    bom_encoding,
    check_line_lengths,
    check_regular,
    decode,
    gzip_cut,
    is_wide,
    looks_utf16,
    read_bytes,
    refuse_binary,
    utf16_without_bom,
)
from reviewkit.formats.text_sniff import TEXT_FORMATS, is_ovid, sniff
from reviewkit.formats.workbook_sniff import is_workbook, is_zip, refuse_xls
from reviewkit.formats.xml_sniff import is_endnote_xml, is_pubmed_xml

if TYPE_CHECKING:  # loaded with the readers: importing the package loads none of them
    from reviewkit.formats.read_warnings import Warn
    from reviewkit.records import Record

# a format's name: the module of this package that reads it (and writes it, for WRITE_FORMATS)
_MODULES = {
    "pubmed-xml": "pubmed_xml",
    "medline": "medline",
    "ris": "ris",
    "bibtex": "bibtex",
    "csv": "csv_format",
    "wos": "wos",
    "cochrane": "cochrane",
    "endnote-xml": "endnote_xml",
    "refworks": "refworks",
    "xlsx": "xlsx",
}
READ_FORMATS = tuple(_MODULES)
WRITE_FORMATS = ("ris", "bibtex", "csv", "medline")
ALIASES = {
    "xml": "pubmed-xml",
    "pubmed": "pubmed-xml",
    "nbib": "medline",
    "bib": "bibtex",
    "tsv": "csv",
}


def module(fmt: str) -> ModuleType:
    """The module that reads (and writes) format ``fmt`` (a name of READ_FORMATS), imported now
    if it was not yet."""
    return importlib.import_module(f"{__name__}.{_MODULES[fmt]}")


def __getattr__(name: str) -> ModuleType:
    """``reviewkit.formats.ris`` (any module of the package), imported on first use."""
    if not name.startswith("_"):
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":  # a module it imports is missing: not ours
                raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def normalise_format(fmt: str) -> str:
    name = ALIASES.get(fmt.lower(), fmt.lower())
    if name not in READ_FORMATS and name not in WRITE_FORMATS:
        raise FormatError(f"unknown format {fmt!r}", hint=f"formats: {', '.join(READ_FORMATS)}")
    return name


def _head(path: Path) -> bytes:
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


def _refuse_empty(path: Path, head: bytes) -> None:
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


def detect(path: Path, encoding: str | None = None) -> str:
    """Format of a file, from its content (not its name); ``encoding`` as given by the user."""
    check_regular(path)
    head = _head(path)
    _refuse_empty(path, head)
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
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    for name in TEXT_FORMATS:
        if sniff(name, text):
            return name
    not_export.refuse_text(text, str(path))  # PubMed's Summary text, EndNote's .enw
    if text.lstrip().startswith("<"):
        return "pubmed-xml"  # some XML: the PubMed reader names what is wrong with it
    if sniff("csv", text):
        return "csv"
    raise FormatError(
        "cannot tell the format from the content",
        where=str(path),
        hint=f"pass --format {'|'.join(READ_FORMATS)}",  # the readers' names, one list
    )


T = TypeVar("T")


@overload
def read_file(
    path: str | Path,
    *,
    fmt: str | None = ...,
    source: str | None = ...,
    mapping: dict[str, str] | None = ...,
    encoding: str | None = ...,
    prepare: None = ...,
    warn: Warn | None = ...,
) -> Iterator[Record]: ...
@overload
def read_file(
    path: str | Path,
    *,
    fmt: str | None = ...,
    source: str | None = ...,
    mapping: dict[str, str] | None = ...,
    encoding: str | None = ...,
    prepare: Callable[[Record], T],
    warn: Warn | None = ...,
) -> Iterator[T]: ...
def read_file(
    path: str | Path,
    *,
    fmt: str | None = None,
    source: str | None = None,
    mapping: dict[str, str] | None = None,
    encoding: str | None = None,
    prepare: Callable[[Record], T] | None = None,
    warn: Warn | None = None,
) -> Iterator[Record] | Iterator[T]:
    """Records of one file. ``source`` defaults to the format's name (e.g. 'PubMed' for XML).

    With ``prepare`` (a module-level function), ``prepare(record)`` is yielded instead of each
    record, computed where the record is read: in the worker processes for large XML files.
    ``warn`` is told of each value read as none (formats.read_warnings: a year field or cell
    that holds no year, in every format).
    """
    path = Path(path)
    check_regular(path)
    if fmt:  # detect refuses an empty file too
        _refuse_empty(path, _head(path))
    fmt = normalise_format(fmt) if fmt else detect(path, encoding)
    name = str(path)
    if fmt == "pubmed-xml" and path.stat().st_size >= module(fmt).PARALLEL_MIN_BYTES:
        yield from module(fmt).read_parallel(
            str(path), name, source=source or "PubMed", prepare=prepare, warn=warn
        )
        return
    records = _read_serial(path, fmt, name, source, mapping, encoding, warn)
    yield from records if prepare is None else map(prepare, records)


def _read_serial(
    path: Path,
    fmt: str,
    name: str,
    source: str | None,
    mapping: dict[str, str] | None,
    encoding: str | None,
    warn: Warn | None = None,
) -> Iterator[Record]:
    if fmt == "pubmed-xml":
        with open(path, "rb") as fh:
            yield from module(fmt).read(fh, name, source=source or "PubMed", warn=warn)
        return
    if mapping and fmt not in ("csv", "xlsx"):
        raise FormatError(
            f"--map applies to CSV and Excel files only; this is read as {fmt}",
            where=name,
            hint="leave --map out for this file (import it on its own), or pass --format csv",
        )
    if fmt == "endnote-xml":  # XML: its declaration names the encoding, not --encoding
        endnote = source or "EndNote XML"
        yield from module(fmt).read(read_bytes(path), name, source=endnote, warn=warn)
        return
    if fmt == "xlsx":  # a zip of XML parts: no text encoding to choose
        data = read_bytes(path)
        excel = source or "Excel import"
        yield from module(fmt).read(data, name, source=excel, mapping=mapping, warn=warn)
        return
    text = decode(read_bytes(path), name, encoding)
    check_line_lengths(text, name)  # before a reader holds a line of megabytes as one value
    if sniff(fmt, text):  # a file of this format (not one forced on another's text)
        joined.check_one_format(text, fmt, name)  # a second export appended: refused by line
    kwargs = {"mapping": mapping} if fmt == "csv" else {}
    # Ovid's tagged text is read as MEDLINE, but its records come from Ovid (Embase, PsycINFO,
    # Ovid MEDLINE), not PubMed: the PRISMA diagram names the database a file came from
    default = "Ovid" if fmt == "medline" and is_ovid(text) else _DEFAULT_SOURCE[fmt]
    yield from module(fmt).read(text, name, source=source or default, warn=warn, **kwargs)


_DEFAULT_SOURCE = {
    "medline": "PubMed",
    "ris": "RIS import",
    "bibtex": "BibTeX import",
    "csv": "CSV import",
    "wos": "Web of Science",
    "cochrane": "Cochrane Library",
    "refworks": "RefWorks import",
}


def write(records: Iterable[Record], fmt: str, out: TextIO) -> None:
    """Write records in one of WRITE_FORMATS to a text stream."""
    fmt = normalise_format(fmt)
    if fmt not in WRITE_FORMATS:
        raise FormatError(
            f"cannot write {fmt}", hint=f"writable formats: {', '.join(WRITE_FORMATS)}"
        )
    module(fmt).write(records, out)
