"""The head of a PubMed XML file, checked before it is parsed: its root element, and no DTD
of its own (an internal subset, where entities that expand without limit or read other files
are declared; PubMed's files never have one)."""

from __future__ import annotations

import re

from lxml import etree as ET

from reviewkit.errors import FormatError
from reviewkit.formats import not_export
from reviewkit.formats.text import bom_encoding, looks_utf16

ROOTS = ("PubmedArticleSet", "PubmedBookArticleSet", "eFetchResult")
# a DOCTYPE with an internal subset: '<!DOCTYPE name [' (PUBLIC/SYSTEM ids may come between)
INTERNAL_SUBSET = re.compile(r"<!DOCTYPE\s[^>\[]*\[")
DECLARES_DTD = (
    "the XML declares its own DTD entries (<!DOCTYPE … [ … ]>), which PubMed files never do: "
    "refused, as its entities could expand without limit or read other files"
)
AGAIN = "download the file from PubMed again (efetch or the NLM FTP site)"


def head_text(head: bytes) -> str:
    """The head as text: UTF-16/32 by its byte-order mark, else bytes read as Latin-1 (enough
    to find tag names, which are ASCII)."""
    wide = bom_encoding(head)
    if wide in ("utf-16", "utf-32"):
        return head.decode(wide, errors="replace")
    return head.decode("latin-1")


def root_tag(head: bytes) -> str:
    """Name of the first element in the document head (after the XML declaration and DOCTYPE)."""
    for m in re.finditer(r"<([!?]?)([A-Za-z_][\w.:-]*)", head_text(head)):
        if not m.group(1):
            return m.group(2)
    return ""


def refuse_declarations(root: ET._Element, name: str) -> None:
    """FormatError when the document's DOCTYPE declares entities or elements. check_head finds
    such an internal subset in the first 4 KB; this catches one further on (after a long
    comment), read by the parser but before any content that could use its entities."""
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and (next(dtd.iterentities(), None) is not None or dtd.elements()):
        raise FormatError(DECLARES_DTD, where=name, hint=AGAIN)


def check_head(head: bytes, name: str) -> None:
    """FormatError unless the head is PubMed XML without an internal DTD subset.

    PubMed's files name their DTD by its public id and never declare anything inline. An
    internal subset (``<!DOCTYPE PubmedArticleSet [ … ]>``) is where entity declarations live:
    entities that expand to gigabytes ("billion laughs") or that read a local file or a URL
    (XXE). The parser is not asked to expand them; such a file is refused before parsing.
    """
    if bom_encoding(head) == "utf-32":
        # libxml2 (lxml) reads XML in UTF-8 and UTF-16 only: a UTF-32 file failed with
        # "Start tag expected, '<' not found". PubMed and reference managers write UTF-8;
        # refusing costs a re-save, where reading would need a transcoding stream for a form
        # no tool produces.
        raise FormatError(
            "PubMed XML in UTF-32 is not read (the XML reader takes UTF-8 or UTF-16)",
            where=name,
            hint="re-save the file as UTF-8, as PubMed delivers it; nothing was imported",
        )
    text = head_text(head)
    if subset := INTERNAL_SUBSET.search(text):
        line = text.count("\n", 0, subset.start()) + 1
        raise FormatError(
            DECLARES_DTD,
            where=f"{name}:{line}",
            hint=AGAIN,
        )
    root = root_tag(head)
    if not root and (wide := looks_utf16(head)):  # XML in UTF-16 must start with a BOM
        raise FormatError(
            f"this looks like {wide.upper()} XML without a byte-order mark",
            where=name,
            hint="download the file again, or re-save it as UTF-8 (the XML reader reads the "
            "encoding from the file, not from --encoding)",
        )
    if root not in ROOTS:
        raise not_export.xml_refusal(root, name)
