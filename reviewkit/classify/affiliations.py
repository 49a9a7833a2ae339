"""The authors' affiliations in an abstract's text are no evidence: they name the authors'
workplaces ("Department of General Practice", "Occupational Health Services, Helsinki"), not
what the study did, whom it included or what it is about.

PubMed's abstract display, and text copied from it, opens with them: "Author information:
(1)Department of ..., (2)...", then the abstract. That block is left out up to the end of the
sentence of its last numbered affiliation (of its first sentence when none is numbered); a
section headed as affiliations (a CSV column "affiliation") is left out whole. Records read
from PubMed's or a database's export keep affiliations in their own field, never searched.
"""

from __future__ import annotations

import re

_OPENING = re.compile(r"\s*author\s+information\s*:", re.IGNORECASE)
_NUMBERED = re.compile(r"\(\d+\)")
_SENTENCE_END = re.compile(r"\.(?:\s|$)")
HEADINGS = frozenset({"AFFILIATION", "AFFILIATIONS", "AUTHOR INFORMATION", "AUTHOR AFFILIATIONS"})


def is_affiliations(label: str) -> bool:
    """Whether an abstract section's heading names the authors' affiliations."""
    return label.strip().upper() in HEADINGS


def without_affiliations(text: str) -> str:
    """``text`` without the "Author information:" block it opens with (see the module
    docstring); ``text`` itself when it opens otherwise."""
    m = _OPENING.match(text)
    if m is None:
        return text
    rest = text[m.end() :]
    marks = list(_NUMBERED.finditer(rest))
    at = marks[-1].end() if marks else 0
    end = _SENTENCE_END.search(rest, at)
    return rest[end.end() :].lstrip() if end else ""
