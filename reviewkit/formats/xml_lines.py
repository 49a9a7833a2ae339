"""An XML element's line in its file, as the warnings and errors of the XML readers name it.

libxml2 keeps an element's line in 16 bits: past line 65,535 lxml's ``sourceline`` gives the
line of the element's first child instead (of its next sibling when it has none), and a text
node's line is the one its text ends on. An element whose text starts with a line break, as
every article of NLM's pretty-printed files does ('<PubmedArticle>' then '<MedlineCitation'
on the next line), was named a line below its own: read in one process, PubMed's 2021 update
file (4.4 million lines) named 5,914 of the 6,018 articles a warning could name (all those
past line 65,535) so, where the parallel reader's batches, a few thousand lines each, named
them right.
"""

from __future__ import annotations

from lxml import etree as ET

_LAST_KEPT = 65534  # libxml2 stores lines up to this one; from 65,535 on it looks elsewhere


def element_line(elem: ET._Element) -> int:
    """The line ``elem`` starts on (0 when lxml knows none)."""
    line = elem.sourceline or 0
    if line <= _LAST_KEPT:
        return line
    if elem.text is not None:  # its first child is its text, which ends below its start
        return line - elem.text.count("\n")
    if len(elem) == 0:  # no child: its next sibling's line, after its tail's line breaks
        return line - (elem.tail or "").count("\n")
    return line
