"""A large PubMed XML file cut into batches of whole articles, for the parallel reader's worker
processes (:func:`reviewkit.formats.pubmed_xml.read_parallel`): a regex over the decompressed
bytes, no parsing, each batch with the file line it starts on, so that the workers' warnings
and errors keep the file's lines. A second document joined after the root's closing tag, an
article cut short and a missing closing tag are refused here, as the serial reader refuses
them."""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from reviewkit.errors import FormatError
from reviewkit.formats.joined import after_root
from reviewkit.formats.pubmed_head import ROOTS
from reviewkit.formats.text import gzip_cut

_ELEMENT_START = re.compile(rb"<(PubmedArticle|PubmedBookArticle|DeleteCitation)[\s>]")
NEWLINE = b"\n"
_ROOT_END = re.compile(rb"</(" + "|".join(ROOTS).encode() + rb")>")


def batches(stream: BinaryIO, name: str, size: int) -> Iterator[tuple[int, int, bytes]]:
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
