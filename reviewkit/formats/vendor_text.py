"""Text exports of the databases and reference managers that no reader reads, named with the
export to make instead (the vendor's RIS export, and the menu path where the vendor documents
one).

Each is told by what its vendor writes at the start of the file, and only after every reader's
sniff said no (:func:`reviewkit.formats.detection.detect` calls :func:`refuse` then), so a real
export is never taken for one. Without this they were "cannot tell the format" (ProQuest's and
Scopus' text, a refer file opening with '%T'), a CSV with "no title column" (a refer file whose
first line holds a comma: '%A Larsen, Mette') or "not PubMed XML: the root element is <?>"
(Ovid's display, whose records open with '<1>').
"""

from __future__ import annotations

import re

from reviewkit.errors import FormatError
from reviewkit.formats.text import split_lines

# EndNote's tagged "refer" format (.enw: Google Scholar's 'EndNote' link, EndNote's 'EndNote
# Export' and 'Refer Export' styles, bibutils' 'end'): every line a '%' and one character of
# refer's field set (letters, digits and @!#$&()*+^|~?]) then a space. EndNote opens each record
# with '%0 Journal Article'; a refer file of other tools opens with any field ('%A', '%T').
_REFER_LINE = re.compile(r"%[0-9A-Za-z@!#$&()*+^|~?\]] \S")
# Ovid's display and 'txt' export with field labels: records numbered '<1>', '<2>' … on a line
# of their own, each field a label line ('Title', 'Accession Number') and its value indented
_OVID_NUMBER = re.compile(r"<\d{1,6}>")
_OVID_LABEL = re.compile(r"[A-Z][A-Za-z /()-]{1,40}")
# the search history an Ovid export holds before its records when the export includes it
# ('Database: Ovid MEDLINE(R) ALL <1946 to …>', 'Search Strategy:', the numbered searches, a
# rule of asterisks), as before the records of its tagged export (formats.medline)
_OVID_HISTORY = re.compile(r"Database: \S")
# ProQuest's 'Text only' download: a rule of 60 underscores, then 'Report Information from
# ProQuest' and the day (as ProQuest writes it; metaknowledge's ProQuest reader keys on it)
_PROQUEST = re.compile(r"_{60}\n\s*\nReport Information from ProQuest\b")
# Scopus' 'Plain text' export: a line 'Scopus', then 'EXPORT DATE: 06 December 2026'; the
# words and the colon are the mark, not the spacing (a copy edited or pasted by hand may lose
# the space after the colon, or gain spaces after 'Scopus'; it was 'cannot tell the format').
# Scopus writes the same two lines atop its BibTeX export, which the BibTeX reader takes first.
_SCOPUS = re.compile(r"Scopus[ \t]*\nEXPORT DATE:")
# EBSCOhost's 'Citations in XML format': <records> of <rec resultID="1"> (EndNote XML is
# <xml><records><record>, told before this runs)
_EBSCO_XML = re.compile(r"(?:<\?xml[^>]*\?>\s*)?<records\b[^>]*>\s*<rec\b")

# kind -> (what it is, what to do)
_KINDS = {
    "refer": (
        "EndNote's tagged format (.enw or refer: lines '%0 Journal Article', '%A author',"
        " '%T title'), which reviewkit does not read",
        "export RIS instead: in EndNote, File > Export… with the output style 'RefMan (RIS)"
        " Export' (or save as XML); in Google Scholar, Settings > Bibliography manager >"
        " 'Show links to import citations into' RefMan, then each 'Import into RefMan' link",
    ),
    "ovid": (
        "Ovid's display text (records numbered '<1>', each field a label such as 'Title' on a"
        " line of its own), which reviewkit does not read",
        "in Ovid, export the records again with the format 'RIS' (or 'Reference Manager')",
    ),
    "proquest": (
        "ProQuest's 'Text only' download, written to read, not records",
        "in ProQuest, save the records as 'RIS (works with EndNote, Citavi, etc.)' instead",
    ),
    "scopus": (
        "Scopus' 'Plain text' export, written to read, not records",
        "in Scopus, Export the records as 'RIS' or 'CSV' instead",
    ),
    "ebsco": (
        "EBSCOhost's XML export ('Citations in XML format'), which reviewkit does not read",
        "in EBSCOhost, Export the records with 'Direct Export in RIS Format' (or 'Download CSV')",
    ),
}


def _kind(text: str) -> str:
    """The kind of vendor text ``text`` (a file's head, decoded) is, or ''."""
    lines = [ln.strip() for ln in split_lines(text[:4000].lstrip("\ufeff")) if ln.strip()][:6]
    if not lines:
        return ""
    if _REFER_LINE.match(lines[0]) and sum(bool(_REFER_LINE.match(ln)) for ln in lines) >= 2:
        return "refer"
    if _ovid_display(text):
        return "ovid"
    head = "\n".join(split_lines(text[:4000].lstrip("\ufeff").lstrip("\r\n")))
    if _PROQUEST.match(head):
        return "proquest"
    if _SCOPUS.match(head):
        return "scopus"
    if _EBSCO_XML.match(text.lstrip("\ufeff \t\r\n")[:2000]):
        return "ebsco"
    return ""


def _ovid_display(text: str) -> bool:
    """Whether ``text`` opens with Ovid's labelled display: a record number '<1>' on a line of
    its own, then a label ('Accession Number'), after Ovid's search history if it has one."""
    lines = [ln.strip() for ln in split_lines(text[:20000].lstrip("\ufeff")) if ln.strip()]
    if lines and _OVID_HISTORY.match(lines[0]):  # the records start at the first '<n>'
        lines = lines[next((i for i, ln in enumerate(lines) if _OVID_NUMBER.fullmatch(ln)), 0) :]
    return (
        len(lines) > 2
        and bool(_OVID_NUMBER.fullmatch(lines[0]))
        and bool(_OVID_LABEL.fullmatch(lines[1]))
    )


def refuse(text: str, name: str) -> None:
    """FormatError when ``text`` (the head of a file no reader took) is a database's or
    reference manager's text export that no reader reads: what it is and what to export."""
    kind = _kind(text)
    if kind:
        what, hint = _KINDS[kind]
        raise FormatError(f"this is {what}", where=name, hint=hint)
