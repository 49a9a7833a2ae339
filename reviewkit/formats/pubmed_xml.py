"""PubMed XML (efetch replies and NLM baseline/update files), read by streaming.

``iterparse`` keeps memory flat: each PubmedArticle is turned into a Record and then cleared.
We use lxml's iterparse rather than the standard library's: it filters by tag in C and
serialises the original text in C (measured on the update file's 20,788 article records: 6 s
against 26 s with ``xml.etree``). Gzipped files are read transparently. ``DeleteCitation`` blocks (update
files) are reported by :func:`deleted_pmids`, not as records. Its sniff is
:func:`reviewkit.formats.xml_sniff.is_pubmed_xml` (no lxml).
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
from reviewkit.formats import corrections, elocation
from reviewkit.formats.book_authors import book_authors
from reviewkit.formats.cr_line_ends import CrAsLf, cr_line_ends
from reviewkit.formats.findable import tell_untitled
from reviewkit.formats.joined import after_root
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
from reviewkit.formats.read_warnings import ReadWarning, Warn, check_year
from reviewkit.formats.text import EMPTY_HINT, LimitedReader, bom_encoding, gzip_cut
from reviewkit.records import AbstractSection, Record, normalise_pmid

FORMAT = "pubmed-xml"
ARTICLE_TAGS = ("PubmedArticle", "PubmedBookArticle")
# a record's opening tag in the raw bytes (not <PubmedArticleSet>), with or without attributes
RECORD_START = re.compile(rb"<Pubmed(?:Book)?Article[\s>]")


def _journal_fields(article: ET._Element, base: ET._Element) -> dict[str, str]:
    """The journal, its abbreviation, volume and issue (a book's: its publisher as the journal).
    The abbreviation is NLM's, the one MEDLINE's TA gives (PubMed's DTD: MedlineJournalInfo/
    MedlineTA, 'the standard abbreviation for the journal title'); failing it, the journal's
    ISO 4 abbreviation (Journal/ISOAbbreviation), which is most often the same."""
    journal = article.find("Journal")
    if journal is None:
        return {"journal": _text(article.find("Book/Publisher/PublisherName"))}
    return {
        "journal": _text(journal.find("Title")),
        "journal_abbreviation": _text(base.find("MedlineJournalInfo/MedlineTA"))
        or _text(journal.find("ISOAbbreviation")),
        "volume": journal.findtext("JournalIssue/Volume") or "",
        "issue": journal.findtext("JournalIssue/Issue") or "",
    }


def _text(elem: ET._Element | None) -> str:
    """All text inside an element (titles and abstracts carry <i>, <sup> …), spaces folded."""
    if elem is None:
        return ""
    if len(elem) == 0:  # no child elements: skip the itertext machinery
        return " ".join((elem.text or "").split())
    return " ".join("".join(elem.itertext()).split())


def _author(a: ET._Element) -> str:
    parts: dict = {}
    for child in a:  # one pass over the children instead of four findtext searches
        parts.setdefault(child.tag, child.text or "")
    collective = parts.get("CollectiveName")
    if collective:
        return " ".join(collective.split())
    last = parts.get("LastName") or ""
    fore = parts.get("ForeName") or parts.get("Initials") or ""
    return f"{last}, {fore}".strip(", ") if last else fore


# the year: the first of these elements that holds text. Each holds a year by NLM's DTD (Year
# four digits; MedlineDate '1998 Dec-1999 Jan', '2000 Spring'), so one that holds none is warned
# of (formats.read_warnings). The searches run under MedlineCitation / BookDocument only:
# PubmedData holds the reference list, and searching it cost a tenth of the import time.
_YEAR_PATHS = (
    ".//Journal/JournalIssue/PubDate/Year",
    ".//Journal/JournalIssue/PubDate/MedlineDate",
    ".//ArticleDate/Year",
    ".//Book/PubDate/Year",
)


def _year(elem: ET._Element, base: ET._Element, origin: str, warn: Warn | None) -> str:
    """The publication year's text (_YEAR_PATHS), else the year PubMed added the record; a
    text holding no year told to ``warn``, by the element's line in file ``origin``."""
    found = next((e for p in _YEAR_PATHS if (e := base.find(p)) is not None and e.text), None)
    if found is None:
        found = elem.find("PubmedData/History/PubMedPubDate[@PubStatus='pubmed']/Year")
    if found is None:
        return ""
    if warn is not None:
        field = f"element {found.getparent().tag}/{found.tag}"
        check_year(found.text or "", field, f"{origin}:{found.sourceline}", warn)
    return found.text or ""


def article_to_record(
    elem: ET._Element,
    *,
    source: str,
    origin: str,
    position: int,
    raw: str,
    warn: Warn | None = None,
) -> Record:
    """One <PubmedArticle> or <PubmedBookArticle> element as a Record (``warn``: see _year)."""
    citation = elem.find("MedlineCitation")
    book = elem.find("BookDocument")
    base = citation if citation is not None else book
    if base is None:
        raise ValueError("neither MedlineCitation nor BookDocument")
    article = base.find("Article") if citation is not None else book
    if article is None:  # every MedlineCitation has one (the PubMed DTD requires it)
        raise ValueError("its MedlineCitation has no <Article> (no title, journal or authors)")

    vernacular = _text(article.find("VernacularTitle"))
    title = _text(article.find("ArticleTitle")) or vernacular
    if not title and book is not None:
        title = _text(book.find("Book/BookTitle"))
    sections = [  # NLM's category of each label kept (extract reads a section by it)
        AbstractSection(
            (t.get("Label") or "").strip(), _text(t), (t.get("NlmCategory") or "").strip().upper()
        )
        for t in article.findall("Abstract/AbstractText")
        if _text(t)
    ]
    listed = book_authors(book) if book is not None else article.findall("AuthorList/Author")
    authors = [_author(a) for a in listed]
    affiliations = list(
        dict.fromkeys(
            aff.text.strip()
            for a in listed
            for aff in a.iterfind("AffiliationInfo/Affiliation")
            if aff.text
        )
    )
    ids, doi = _ids_and_doi(elem, article)
    pmid = (base.findtext("PMID") or ids.get("pubmed", "")).strip()
    if pmid and not normalise_pmid(pmid):  # the one PMID rule; anything else: a damaged file
        raise ValueError(f"its PMID {pmid[:40]!r} is not a number of 1 to 8 digits")
    return Record(
        title=title,
        # the original beside its English translation; when it is the only title, it is that
        # and Record keeps no vernacular title equal to the title
        vernacular_title=vernacular,
        abstract_sections=sections,
        authors=[a for a in authors if a],
        year=_year(elem, base, origin, warn),
        **_journal_fields(article, base),
        pages=elocation.xml_pages(article),  # MedlinePgn, else the e-locator PubMed cites
        doi=doi,
        pmid=pmid,
        pmcid=ids.get("pmc", ""),
        language=article.findtext("Language") or "",
        publication_types=[  # a BookDocument holds its PublicationType elements bare
            _text(p)
            for p in article.findall("PublicationTypeList/PublicationType")
            + article.findall("PublicationType")
        ],
        keywords=[t for k in base.iterfind("KeywordList/Keyword") if (t := _text(k))],
        mesh_terms=[_text(m) for m in base.findall("MeshHeadingList/MeshHeading/DescriptorName")],
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid else "",
        affiliations=affiliations,
        comments_corrections=corrections.from_xml(citation),
        source=source,
        origin=origin,
        position=position,
        raw=raw,
    )


def _ids_and_doi(elem: ET._Element, article: ET._Element) -> tuple[dict[str, str], str]:
    """The record's ArticleIds by IdType, and its DOI (an ArticleId, else an ELocationID)."""
    # a book's ids are in BookDocument and PubmedBookData (PubMed's DTD), an article's in
    # PubmedData; the later list wins, as it does for articles
    ids = {
        aid.get("IdType"): (aid.text or "").strip()
        for path in ("BookDocument", "PubmedBookData", "PubmedData")
        for aid in elem.findall(f"{path}/ArticleIdList/ArticleId")
    }
    doi = ids.get("doi", "")
    if not doi:
        for loc in article.findall("ELocationID"):
            if loc.get("EIdType") == "doi":
                doi = loc.text or ""
    return ids, doi


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
        yield tell_untitled(read_record, f"{name}:{elem.sourceline or 1}", warn)


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
# parse batches of articles with the same streaming reader as above, each batch wrapped in its
# own <PubmedArticleSet>. Records come back in file order; errors keep their file line.

PARALLEL_MIN_BYTES = 8 << 20  # compressed or not: below this, one process is faster
_ELEMENT_START = re.compile(rb"<(PubmedArticle|PubmedBookArticle|DeleteCitation)[\s>]")
NEWLINE = b"\n"
_ROOT_END = re.compile(rb"</(PubmedArticleSet|PubmedBookArticleSet|eFetchResult)>")


def ends_whole(data: bytes) -> bool:
    """Whether a document's last 200 bytes hold its root's closing tag (a cheap check that a
    reply was not cut short, without parsing it)."""
    return _ROOT_END.search(data[-200:]) is not None


def _batches(stream: BinaryIO, name: str, size: int) -> Iterator[tuple[int, int, bytes]]:
    """(file line of the batch, articles before it, bytes) for batches of ``size`` elements."""
    buf = b""  # bytes not yet handed out
    line = 1  # file line of buf[0]
    scan = 0  # where the next element is searched for in buf
    elements: list[tuple[int, int]] = []  # (start, stop) in buf of the batch being collected
    articles = before = closed = 0  # closed: the line of the root's closing tag, once seen
    eof = False

    def cut_batch() -> tuple[int, int, bytes]:
        nonlocal buf, line, scan, elements
        first, last = elements[0][0], elements[-1][1]
        out = (line + buf.count(b"\n", 0, first), before, buf[first:last])
        line += buf.count(b"\n", 0, last)
        buf, scan, elements = buf[last:], 0, []
        return out

    while True:
        m = _ELEMENT_START.search(buf, scan)
        if m is not None and (closed or _ROOT_END.search(buf, scan, m.start())):  # a 2nd file
            after_root(
                buf[scan : m.end()], closed, line + buf.count(NEWLINE, 0, scan), name, _ROOT_END
            )
        end = buf.find(b"</" + m.group(1) + b">", m.end()) if m else -1
        if m is None or end < 0:
            if eof:
                break
            try:
                block = stream.read(1 << 20)
            except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as exc:
                raise gzip_cut(exc, name) from None
            eof = not block
            if elements:
                keep = elements[0][0]
            elif m is not None:
                keep = m.start()
            else:  # nothing open: keep a tail in case a start tag is split between blocks
                keep = max(scan, len(buf) - 64)
                if (lt := buf.rfind(b"<", scan, keep)) > buf.rfind(b">", scan, keep):
                    keep = lt  # nor cut inside a tag (the root's closing one)
                closed = after_root(
                    buf[scan:keep], closed, line + buf.count(NEWLINE, 0, scan), name, _ROOT_END
                )
            line += buf.count(b"\n", 0, keep)
            buf = buf[keep:] + block
            elements = [(a - keep, b - keep) for a, b in elements]
            scan = max(0, scan - keep)
            continue
        if not elements:
            before = articles
        stop = end + len(m.group(1)) + 3
        elements.append((m.start(), stop))
        articles += m.group(1) != b"DeleteCitation"
        scan = stop
        if len(elements) >= size:
            yield cut_batch()
    if elements:
        yield cut_batch()
    rest = buf[scan:]
    open_element = _ELEMENT_START.search(rest)
    if open_element is not None:
        at = line + buf.count(NEWLINE, 0, scan + open_element.start())
        raise FormatError(
            "the file ends inside an article: it is truncated",
            where=f"{name}:{at}",
            hint="download or export the file again",
        )
    if not after_root(rest, closed, line + buf.count(NEWLINE, 0, scan), name, _ROOT_END):
        at = line + buf.count(NEWLINE)
        raise FormatError(
            "the file ends before its closing </PubmedArticleSet>: it is truncated",
            where=f"{name}:{at}",
            hint="download or export the file again",
        )


def _parse_batch(
    payload: bytes,
    name: str,
    source: str,
    first_line: int,
    before: int,
    prepare: Callable[[Record], Any] | None,
    doctype: bytes = b"",
) -> tuple[list[Any], list[ReadWarning]]:
    """Worker: the Records of one batch (or ``prepare`` of each), with file positions and
    lines, and the batch's warnings (read's ``warn``) with file lines. ``doctype``: the file's
    DOCTYPE on one line, so the batch is read as the file is (the entities its DTD defines)."""
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
    return (records if prepare is None else [prepare(rec) for rec in records]), notes


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
    workers too. ``warn`` is told of a year that is none, as :func:`read` tells it.
    """
    import concurrent.futures as cf
    import os
    from collections import deque

    from reviewkit.workers import process_pool

    workers = workers or max(2, os.cpu_count() or 2)
    with open(path, "rb") as raw:
        stream = open_binary(io.BufferedReader(raw))
        head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
        root = root_tag(head)
        wide = bom_encoding(head) in ("utf-16", "utf-32")  # the batch cutter reads bytes
        doctype = _DOCTYPE.search(head)  # no internal subset: refused below
        doctype = b" ".join(doctype.group(0).split()) if doctype else b""
        if root not in ROOTS or wide or INTERNAL_SUBSET.search(head_text(head)):
            with open(path, "rb") as again:  # the serial reader names the problem
                records = read(again, name, source=source, warn=warn)
                yield from records if prepare is None else map(prepare, records)
            return
        with process_pool(workers) as pool:
            pending: deque[cf.Future] = deque()
            try:
                for first_line, before, payload in _batches(stream, name, batch):
                    pending.append(
                        pool.submit(
                            _parse_batch,
                            *(payload, name, source, first_line, before, prepare, doctype),
                        )
                    )
                    while len(pending) > workers + 1:
                        yield from _told(pending.popleft().result(), warn)
                while pending:
                    yield from _told(pending.popleft().result(), warn)
            finally:
                for future in pending:
                    future.cancel()


def _told(batch: tuple[list[Any], list[ReadWarning]], warn: Warn | None) -> list[Any]:
    """A parsed batch's records, its warnings told to ``warn`` first."""
    records, notes = batch
    for note in notes if warn is not None else ():
        warn(note)
    return records
