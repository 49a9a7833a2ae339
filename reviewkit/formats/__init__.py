"""Readers and writers of reference formats, and format detection from content.

Readers: PubMed XML, MEDLINE/nbib, RIS, BibTeX, CSV, Web of Science plain text, the Cochrane
Library's plain text, EndNote XML, RefWorks tagged, Excel workbooks (.xlsx). Writers: RIS, BibTeX, CSV, MEDLINE.
:func:`read_file` picks the reader from the file's content (``fmt`` forces one) and yields
Records (or what its ``prepare`` makes of each); every problem is a
:class:`~reviewkit.errors.FormatError` naming the file and line.

Each format's module is imported the first time that format is asked for (:func:`module`;
``reviewkit.formats.ris`` and the package's other modules load on first use too). :func:`detect`
(:mod:`~reviewkit.formats.detection`, the one place a file's kind is told) loads no reader.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TextIO, TypeVar, overload

from reviewkit.errors import FormatError
from reviewkit.formats import joined
from reviewkit.formats.detection import detect, head_of, refuse_empty
from reviewkit.formats.text import check_line_lengths, check_regular, decode, read_bytes
from reviewkit.formats.text_sniff import is_ovid, sniff

if TYPE_CHECKING:  # loaded with the readers: importing the package loads none of them
    from reviewkit.formats.read_warnings import Warn
    from reviewkit.formats.text_stream import Lines
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
        refuse_empty(path, head_of(path))
    fmt = normalise_format(fmt) if fmt else detect(path, encoding)
    name = str(path)
    if fmt == "pubmed-xml" and path.stat().st_size >= module(fmt).PARALLEL_MIN_BYTES:
        yield from module(fmt).read_parallel(
            str(path), name, source=source or "PubMed", prepare=prepare, warn=warn
        )
        return
    from reviewkit.formats import control_chars  # with the readers: the package loads neither

    # PubMed XML's parallel reader needs no cleaning (XML 1.0 allows no control character);
    # its workers count text decoded in a wrong encoding, warned of as cleaned warns of it
    records = control_chars.cleaned(
        partial(_read_serial, path, fmt, name, source, mapping, encoding), name, warn, fmt
    )
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
    if fmt in STREAMED and (lines := _streamed(path, fmt, name, encoding)) is not None:
        default = _DEFAULT_SOURCE[fmt]
        yield from module(fmt).read_lines(lines, name, source=source or default, warn=warn)
        return
    text = decode(read_bytes(path), name, encoding)
    check_line_lengths(text, name)  # before a reader holds a line of megabytes as one value
    found = None  # a second export appended: its lines blank, each named with the rest
    if fmt in joined.WHOLE_FILE and sniff(fmt, text):  # its own format's file, not forced
        text, found = joined.blanked(text, fmt, name)
    kwargs = {"mapping": mapping} if fmt == "csv" else {}
    # Ovid's tagged text is read as MEDLINE, but its records come from Ovid (Embase, PsycINFO,
    # Ovid MEDLINE), not PubMed: the PRISMA diagram names the database a file came from
    default = "Ovid" if fmt == "medline" and is_ovid(text) else _DEFAULT_SOURCE[fmt]
    told = None if found else warn  # no warnings of records never stored
    read = partial(module(fmt).read, text, name, source=source or default, warn=told, **kwargs)
    if found is None:
        yield from read()
        return
    from reviewkit.formats.read_problems import refuse_with  # with the readers

    refuse_with(found, read)


# the formats read line by line, one record held at a time (formats.text_stream): a file read
# whole was held three times over (bytes, text, lines), 2.6 times a 200 MB RIS file's size;
# BibTeX a chunk of entries at a time (formats.bibtex_split), its lines read again for each
# of its passes
STREAMED = frozenset({"ris", "medline", "wos", "bibtex"})


def _streamed(path: Path, fmt: str, name: str, encoding: str | None) -> Lines | None:
    """The file's lines, read and checked as they are given (text_stream.Lines) and, for a
    file of its own format, refused at a line opening another format's record; None for a
    file read whole: --encoding, UTF-16/32, and Ovid's tagged text (formats.ovid_cut judges
    its last record from all the others)."""
    from reviewkit.formats import text_stream  # with the readers: the package loads neither

    head = head_of(path)
    if not text_stream.streamable(head, encoding):
        return None
    text = head.decode("utf-8", errors="replace").removeprefix("\ufeff")
    if fmt == "medline" and is_ovid(text):
        return None
    own = fmt in joined.WHOLE_FILE and sniff(fmt, text)  # its own format's file, not forced
    return text_stream.Lines(path, name, fmt if own else None)


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
