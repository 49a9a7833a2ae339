"""Author lists as dedup compares them: folded surnames, or given names when a list put them
in the family-name field."""

from __future__ import annotations

import re

from reviewkit.records import fold_text

_INITIAL = re.compile(r"^(?:[A-Z]\.?){1,3}$|^(?:[A-Z]\.\s?)+$")
# 'et al.' / 'and others' where an export cut the list ('Smith J, et al.', RIS 'AU  - et al.'):
# not a name. Kept, it made two lists cut after different first authors look alike
# ('barowyetal' / 'brownetal') and two papers of one first author look the same list.
_ET_AL = re.compile(r"[\s,;]*\b(?:et\.?\s*al\.?|and\s+others|others)\s*$", re.I)


def _without_et_al(authors: list[str]) -> list[str]:
    """The list without 'et al.' entries and endings."""
    cut = (_ET_AL.sub("", a) for a in authors)
    return [a for a in cut if a.strip()]


def surname(author: str) -> str:
    """'Adeli, K.' / 'Adeli K' / 'van der Pol C. B.' -> the family-name part."""
    author = author.strip()
    if "," in author:
        return author.split(",", 1)[0]
    parts = author.split()
    while len(parts) > 1 and _INITIAL.match(parts[-1]):
        parts.pop()
    return " ".join(parts)


def author_key(authors: list[str], limit: int = 5) -> str:
    """Folded surnames of the first ``limit`` authors, without spaces or lone initials."""
    folded = fold_text(" ".join(surname(a) for a in _without_et_al(authors)[:limit]))
    return "".join(w for w in folded.split() if len(w) > 1)


def given_names_key(authors: list[str], limit: int = 5) -> str:
    """Folded given names of the first ``limit`` authors, without spaces or initials: what
    :func:`author_key` gives for a list that put each given name in the family-name field
    ('Carignani, Andrea' -> 'andrea', as in 'Andrea, C.'). '' unless every author is written
    'Family, Given'."""
    authors = _without_et_al(authors)
    given = [a.split(",", 1)[1] for a in authors[:limit] if "," in a]
    if not given or len(given) < len(authors[:limit]):
        return ""
    return "".join(w for w in fold_text(" ".join(given)).split() if len(w) > 1)
