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
    if isinstance(elem[0].tag, str):  # its first child's start tag follows its own ('<a><b>')
        return element_line(elem[0])
    return line


def node_line(root: ET._Element, node: ET._Element) -> int:
    """The line ``node`` (an element, an entity reference, a comment) inside ``root`` starts on:
    ``root``'s line and the line breaks of the text before ``node``.

    libxml2 keeps no line of its own for an entity reference: it gives the line of the text
    before it, and with none there (the reference opens its element, or follows an element or
    another reference) its previous element's start, or its parent's, which past line 65,535
    looks for its first child, the reference itself, and gives 65,535. Counting from ``root``
    (an article, whose start :func:`element_line` finds) needs no line of libxml2's but its
    start's. A line break inside a tag (an attribute on a line of its own) is not counted:
    NLM's files and EndNote's write every tag on one line.
    """
    ancestors = set(node.iterancestors())
    breaks = 0
    for elem in root.iter():  # document order, comments and references too
        if elem is node:
            return element_line(root) + breaks
        if elem.tag is not ET.Entity:  # a reference's text is its name: '&eacute;'
            breaks += (elem.text or "").count("\n")
        if elem not in ancestors and elem is not root:  # an ancestor's tail follows ``node``
            breaks += (elem.tail or "").count("\n")
    return element_line(root)
