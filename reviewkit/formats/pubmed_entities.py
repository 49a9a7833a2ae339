"""Named entities in PubMed XML (``&eacute;``), read with the DTD never loaded: libxml2 warns
of each one and keeps it as an entity node; the article reader turns those its DTD defines into
their letters (:mod:`reviewkit.formats.pubmed_xml`)."""

from __future__ import annotations

from html.entities import html5
from typing import Any

from lxml import etree as ET

from reviewkit.errors import FormatError
from reviewkit.formats.xml_lines import node_line

# libxml2 reports at most 100 warnings a parse (XML_MAX_ERRORS; measured): past 100 of another
# kind (an 'xml:space' of no value the XML spec names, each one warned of), an entity's warning
# is never logged, and its article kept '&eacute;' as text
_LOG_FULL = 100


def names_an_entity(parser: Any) -> bool:
    """Whether the parser met an entity the file does not declare (``&eacute;``): with the DTD
    not read, libxml2 only warns and keeps it as an entity node; or whether its log is full, so
    that it may have met one unlogged. The log is a copy, empty for a file without one: asked
    once an article until it says so. It may say so an article early (lxml parses ahead)."""
    log = parser.error_log
    return len(log) >= _LOG_FULL or any(
        entry.type_name in ("WAR_UNDECLARED_ENTITY", "ERR_UNDECLARED_ENTITY") for entry in log
    )


def entities_as_letters(elem: ET._Element, name: str) -> None:
    """The named entities in an article as their letters. Every PubMed DOCTYPE since 2019 names
    a DTD that takes in MathML 3's character entity sets (mathml-in-pubmed.mod: ISO Latin 1,
    Greek …, the HTML and MathML names), so ``&eacute;`` is valid in such a file, though PubMed
    writes each letter as itself or ``&#233;``. The DTD is never read (no network, no local
    file); its names are the HTML5 ones (W3C's one list for HTML and MathML), taken from
    Python's table. A name outside it is refused: its text would be lost."""
    for entity in list(elem.iter(ET.Entity)):
        letters = html5.get(f"{entity.name};")
        if letters is None:
            raise FormatError(
                f"&{entity.name}; is no entity PubMed's DTD defines (letters are written as"
                " themselves, as numbers such as &#233;, or by their HTML names such as"
                " &eacute;), so its text would be lost",
                where=f"{name}:{node_line(elem, entity)}",  # libxml2's is 65,535 past it
                hint="write the letter itself in its place (or &#NNN;), or export the file"
                " again from PubMed",
            )
        parent, before = entity.getparent(), entity.getprevious()
        text = letters + (entity.tail or "")
        if before is not None:
            before.tail = (before.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(entity)  # its tail with it: moved above
