"""PubMed XML (efetch replies and NLM baseline/update files), read by streaming.

``iterparse`` keeps memory flat: each PubmedArticle is turned into a Record and then cleared.
We use lxml's iterparse rather than the standard library's: it filters by tag in C and
serialises the original text in C (measured on the update file's 20,788 article records: 6 s
against 26 s with ``xml.etree``). Gzipped files are read transparently. ``DeleteCitation``
blocks (update files) are reported by :func:`deleted_pmids`, not as records. Its sniff is
:func:`reviewkit.formats.xml_sniff.is_pubmed_xml` (no lxml); an article's element is read as a
Record by :mod:`reviewkit.formats.pubmed_article`; a large file is cut into batches for worker
processes by :mod:`reviewkit.formats.pubmed_batches`.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from lxml import etree as ET

from reviewkit.errors import FormatError
from reviewkit.files import GZIP
from reviewkit.formats.control_chars import Garbled, cleaned
from reviewkit.formats.cr_line_ends import CrAsLf, cr_line_ends
from reviewkit.formats.findable import tell_untitled
from reviewkit.formats.pubmed_article import article_to_record
from reviewkit.formats.pubmed_batches import batches
from reviewkit.formats.pubmed_entities import entities_as_letters, names_an_entity
from reviewkit.formats.pubmed_head import (
    AGAIN,
    DECLARES_DTD,
    INTERNAL_SUBSET,
    ROOTS,
    check_head,
    head_text,
    refuse_declarations,
    root_tag,
)
from reviewkit.formats.read_warnings import Placed, ReadWarning, Warn
from reviewkit.formats.text import EMPTY_HINT, LimitedReader, bom_encoding, gzip_cut
from reviewkit.formats.xml_lines import element_line
from reviewkit.records import Record

FORMAT = "pubmed-xml"
ARTICLE_TAGS = ("PubmedArticle", "PubmedBookArticle")
# a record's opening tag in the raw bytes (not <PubmedArticleSet>), with or without attributes
RECORD_START = re.compile(rb"<Pubmed(?:Book)?Article[\s>]")


def open_binary(stream: BinaryIO) -> BinaryIO:
    """Decompress transparently when the stream is gzipped."""
    head = stream.peek(len(GZIP))[: len(GZIP)] if hasattr(stream, "peek") else b""
    if head == GZIP:  # decompressed size capped: a gzip bomb is refused, not expanded
        gz = io.BufferedReader(gzip.GzipFile(fileobj=stream))  # type: ignore[arg-type]
        return LimitedReader(gz, getattr(stream, "name", "") or "the file")  # type: ignore[return-value]
    return stream


def iter_elements(stream: BinaryIO, name: str) -> Iterator[tuple[str, ET._Element]]:
    """(tag, element) for each article and DeleteCitation, cleared after the caller is done."""
    stream = open_binary(stream if hasattr(stream, "peek") else io.BufferedReader(stream))
    try:
        head = stream.peek(4096)[:4096]
    except (OSError, EOFError, zlib.error) as exc:
        raise gzip_cut(exc, name) from None
    if not head.strip():
        raise FormatError("the file is empty", where=name, hint=EMPTY_HINT)
    check_head(head, name)
    parser = ET.iterparse(
        CrAsLf(stream) if cr_line_ends(head) else stream,
        events=("start", "end"),  # the root's start: its DOCTYPE is read, no content yet
        tag=(*ARTICLE_TAGS, "DeleteCitation", *ROOTS),
        resolve_entities=False,
        load_dtd=False,  # a DTD named by a SYSTEM id (a URL, a local file) is never read
        no_network=True,
        huge_tree=True,
    )
    named = False  # the file uses a named entity: from then on each article is looked through
    try:
        for event, elem in parser:
            if event == "start" or elem.tag in ROOTS:
                if elem.getparent() is None:
                    refuse_declarations(elem, name)
                continue
            named = named or names_an_entity(parser)
            if named:
                entities_as_letters(elem, name)
            yield elem.tag, elem
            elem.clear(keep_tail=True)
            while elem.getprevious() is not None:
                del elem.getparent()[0]
    except ET.XMLSyntaxError as exc:
        msg, line = exc.msg, exc.lineno or 0
        if line <= 0 and exc.error_log:  # lxml's summary ('no element found', line 0) hides
            last = exc.error_log[-1]  # the error libxml2 logged, with its line (the log is
            msg, line = last.message, last.line  # per thread: earlier files' errors come first)
        # one line of text; the position is in ``where`` (libxml2 appends it, sometimes after
        # a line break, and the parallel reader's batches would give it batch-relative)
        msg = _TRAILING_POSITION.sub("", " ".join(msg.split()))
        if "amplification" in msg:  # libxml2's limit on entities that expand ("billion laughs")
            raise FormatError(DECLARES_DTD, where=name, hint=AGAIN) from None
        if "declaration allowed only at the start" in msg:  # libxml2's words, no advice
            raise FormatError(
                "the XML declaration (<?xml …?>) does not start the file: XML allows nothing"
                " before it (NLM's files start with it)",
                where=f"{name}:{line}" if line > 0 else name,
                hint="delete the blank lines or text before '<?xml', or download the file again",
            ) from None
        if "Excessive depth" in msg:  # its "use XML_PARSE_HUGE" is advice to programmers
            msg = "elements nested thousands deep (PubMed articles are a few levels deep)"
        raise FormatError(
            f"malformed XML: {msg}",
            where=f"{name}:{line}" if line > 0 else name,
            hint="the file may be truncated or damaged; export or download it again",
        ) from None
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise gzip_cut(exc, name) from None


# a DOCTYPE without an internal subset (one with is refused), for the parallel reader's batches
_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*>")
# the XML declaration, which XML allows first in the file only (after a UTF-8 byte-order mark)
_XML_DECLARATION = re.compile(rb"<\?xml\s[^>]*\?>")
_UTF8_BOM = b"\xef\xbb\xbf"
_TRAILING_POSITION = re.compile(r"\s*,?\s*line \d+, column \d+$")
_LINE_IN_MESSAGE = re.compile(r"\bline (\d+)")


def read(
    stream: BinaryIO,
    name: str,
    *,
    source: str = "PubMed",
    keep_raw: bool = True,
    warn: Warn | None = None,
    before: int = 0,
) -> Iterator[Record]:
    """Records of a PubMed XML stream, in file order (after ``before`` articles: a parallel
    reader's batch); ``warn`` is told of a year that is none."""
    position = before
    for tag, elem in iter_elements(stream, name):
        if tag == "DeleteCitation":
            continue
        position += 1
        raw = ET.tostring(elem, encoding="unicode").strip() if keep_raw else ""
        try:
            read_record = article_to_record(
                elem, source=source, origin=name, position=position, raw=raw, warn=warn
            )
        except (ValueError, AssertionError) as exc:
            raise FormatError(
                f"article {position} is incomplete or damaged: {exc}",
                where=f"{name}: record {position}",
                hint="download the file from PubMed again, or delete this article from it",
            ) from None
        yield tell_untitled(read_record, f"{name}:{element_line(elem) or 1}", warn)


def deleted_pmids(stream: BinaryIO, name: str) -> list[str]:
    """PMIDs listed in the file's DeleteCitation blocks (NLM update files)."""
    out = []
    for tag, elem in iter_elements(stream, name):
        if tag == "DeleteCitation":
            out.extend((p.text or "").strip() for p in elem.findall("PMID"))
    return out


# --- parallel reading of large files ---------------------------------------------------------
#
# One NLM file is 20-30 thousand articles and about 230 MB of XML; parsing it is CPU-bound
# (lxml plus building Records, about 0.5 ms an article). For large files the main process cuts
# the decompressed byte stream at article boundaries (a regex, no parsing) and worker processes
# parse batches of articles (formats.pubmed_batches) with the same streaming reader as above,
# each batch wrapped in its own <PubmedArticleSet> after the file's XML declaration (its
# encoding) and DOCTYPE. Records come back in file order; errors and warnings keep their file
# line; text decoded in a wrong encoding is counted in each batch and warned of once, as the
# serial reader's records are (formats.control_chars.Garbled).

PARALLEL_MIN_BYTES = 8 << 20  # compressed or not: below this, one process is faster


def _parse_batch(
    payload: bytes,
    name: str,
    source: str,
    first_line: int,
    before: int,
    prepare: Callable[[Record], Any] | None,
    doctype: bytes = b"",
) -> tuple[list[Any], list[ReadWarning], Garbled]:
    """Worker: the Records of one batch (or ``prepare`` of each), with file positions and
    lines, the batch's warnings (read's ``warn``) with file lines, and its records holding
    text decoded in a wrong encoding. ``doctype``: the file's XML declaration and DOCTYPE on
    one line, so the batch is read as the file is (its encoding, the entities its DTD
    defines)."""
    wrapped = io.BytesIO(doctype + b"<PubmedArticleSet>" + payload + b"</PubmedArticleSet>")
    notes: list[ReadWarning] = []
    try:
        records = list(read(wrapped, name, source=source, warn=notes.append, before=before))
    except FormatError as exc:
        where = _in_file(exc.where, first_line)
        message = _LINE_IN_MESSAGE.sub(  # 'tag mismatch: X line 12 and Y': a file line too
            lambda m: f"line {first_line + int(m.group(1)) - 1}", exc.message
        )
        raise FormatError(message, where=where, hint=exc.hint) from None
    notes = [type(n)(_in_file(n.where, first_line), n.message) for n in notes]  # kind kept
    placed = {int(n.message): n.where for n in notes if isinstance(n, Placed)}
    garbled = Garbled()
    for rec in records:
        garbled.see(rec, placed.get(rec.position, ""), FORMAT)
    return (records if prepare is None else [prepare(rec) for rec in records]), notes, garbled


def _in_file(where: str, first_line: int) -> str:
    """'name:line' of a batch as the file's line (the batch starts on ``first_line``)."""
    head, _, tail = where.rpartition(":")
    return f"{head}:{first_line + int(tail) - 1}" if tail.isdigit() else where


def read_parallel(
    path: str,
    name: str,
    *,
    source: str = "PubMed",
    workers: int | None = None,
    batch: int = 200,
    prepare: Callable[[Record], Any] | None = None,
    warn: Warn | None = None,
) -> Iterator[Any]:
    """Records of a large PubMed XML file, parsed by worker processes, in file order.

    ``prepare`` (a module-level function): yield ``prepare(record)`` instead, computed in the
    workers too. ``warn`` is told of a year that is none, as :func:`read` tells it, and of
    text decoded in a wrong encoding, as :func:`reviewkit.formats.read_file` tells it.
    """
    import concurrent.futures as cf
    import os
    from collections import deque

    from reviewkit.workers import process_pool

    workers = workers or max(2, os.cpu_count() or 2)
    with open(path, "rb") as raw:
        stream = open_binary(io.BufferedReader(raw))
        head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
        doctype = _declarations(head)
        if _read_serially(head):
            with open(path, "rb") as again:  # naming the problem, or reading it as it is
                records = cleaned(
                    lambda told: read(again, name, source=source, warn=told), name, warn, FORMAT
                )
                yield from records if prepare is None else map(prepare, records)
            return
        garbled = Garbled()
        with process_pool(workers) as pool:
            pending: deque[cf.Future] = deque()
            try:
                for first_line, before, payload in batches(stream, name, batch):
                    pending.append(
                        pool.submit(
                            _parse_batch,
                            *(payload, name, source, first_line, before, prepare, doctype),
                        )
                    )
                    while len(pending) > workers + 1:
                        yield from _told(pending.popleft().result(), warn, garbled)
                while pending:
                    yield from _told(pending.popleft().result(), warn, garbled)
            finally:
                for future in pending:
                    future.cancel()
        if warn is not None:
            garbled.tell(name, warn)


def _read_serially(head: bytes) -> bool:
    """Whether a file is read by the serial reader, which names what is wrong with it or reads
    what the batch cutter does not: no PubMed root, an internal DTD subset, UTF-16 or UTF-32
    (the cutter reads bytes), lines ending in CR alone (the cutter counts LFs: the warnings'
    lines would be wrong), or an XML declaration after something else (white space, a comment:
    XML allows nothing before it, NLM's files start with it, and the serial reader refuses it;
    the batches would be read without it, as UTF-8)."""
    declared = _XML_DECLARATION.search(head)
    return (
        root_tag(head) not in ROOTS
        or bom_encoding(head) in ("utf-16", "utf-32")
        or INTERNAL_SUBSET.search(head_text(head)) is not None
        or cr_line_ends(head)
        or (declared is not None and head[: declared.start()] not in (b"", _UTF8_BOM))
    )


def _declarations(head: bytes) -> bytes:
    """The file's XML declaration (its encoding: ISO-8859-1, Windows-1252 …; without one, XML
    is UTF-8) and DOCTYPE (no internal subset: refused by the serial reader), each on one line,
    for the workers' batches."""
    declared, doctype = _XML_DECLARATION.search(head), _DOCTYPE.search(head)
    found = (declared.group(0) if declared else b"", doctype.group(0) if doctype else b"")
    return b"".join(b" ".join(d.split()) for d in found)


def _told(
    batch: tuple[list[Any], list[ReadWarning], Garbled], warn: Warn | None, garbled: Garbled
) -> list[Any]:
    """A parsed batch's records, its warnings told to ``warn`` first, its garbled records
    counted into ``garbled``."""
    records, notes, found = batch
    for note in notes if warn is not None else ():
        warn(note)
    garbled.add(found)
    return records
