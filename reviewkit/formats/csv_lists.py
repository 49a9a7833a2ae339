"""Author and other list cells of CSV and spreadsheet exports, split into their items.

Authors are separated by ';' (Scopus now, Covidence, Rayyan, Zotero), '|' or ' and '; older
Scopus exports and PubMed's CSV separate them by commas only, which :func:`_comma_authors`
tells apart from one 'Surname, Given' name.
"""

from __future__ import annotations

import re

_INITIALS = r"(?:[^\W\d_]{1,2}\.-?)+"  # 'G.', 'G.N.', 'J.-P.', 'Th.'
_NAME_INITIALS = re.compile(rf"\S.*\s{_INITIALS}")  # 'Gatica G.N.'
_ONLY_INITIALS = re.compile(_INITIALS)
# a generational suffix after a surname, which the initials pattern would read as initials
_SUFFIX = re.compile(r"\s(?:Jr|Sr)\.$")
_AND = re.compile(r"^and\s+(?=\S)")
_MEDLINE_NAME = re.compile(r"\S.*\s[A-Z]{1,3}")  # 'Smith JA', MEDLINE's short form
# a comma between keywords, not one inside parentheses: Embase.com's CSV writes an Emtree term
# with its subheadings, 'colonic duplication cyst (diagnosis, surgery)', as one keyword
_KEYWORD_COMMA = re.compile(r",(?![^()]*\))")


def _comma_authors(value: str) -> list[str] | None:
    """Authors of a list separated by commas only, as Scopus CSV exports wrote them before
    they took semicolons: 'Smith J., Doe A.' or 'Gatica, G.N., Sequeira, F.A.' (surname and
    initials each a part), and as PubMed's CSV writes them: 'Smith JA, Doe J, Lee K.' (the
    list ends with a full stop). None when the value is not such a list: 'Smith, John' is
    one author in 'Surname, Given' form, and a comma alone cannot tell more of them apart."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) < 2 or not all(parts):
        return None
    if len(parts) == 2 and _SUFFIX.search(parts[0]):
        return None  # 'West Jr., Lawrence A.': 'Jr.' is a suffix, not initials; one author
    if all(_NAME_INITIALS.fullmatch(p) for p in parts):
        return parts
    undotted = [*parts[:-1], parts[-1].removesuffix(".")]
    if all(_MEDLINE_NAME.fullmatch(p) for p in undotted):
        return undotted
    surnames, initials = parts[0::2], parts[1::2]
    paired = len(parts) % 2 == 0 and all(_ONLY_INITIALS.fullmatch(i) for i in initials)
    if paired and not any(_ONLY_INITIALS.fullmatch(s) for s in surnames):
        return [f"{s}, {i}" for s, i in zip(surnames, initials, strict=True)]
    return None


def _and_names(item: str) -> list[str]:
    """One item of a ';' list, split at BibTeX's ' and ' when every part is a 'Surname, Given'
    name ('Garrido, C.; Martinez, R. and Strobel, S.', separators mixed by a merge of
    exports). A group name ('Society for Surgery and Medicine') has no comma and stays whole."""
    parts = [p.strip() for p in item.split(" and ")]
    if len(parts) > 1 and all(p.count(",") == 1 and not p.endswith(",") for p in parts):
        return parts
    return [item]


def split_list(field: str, value: str) -> list[str]:
    """The items of a list ``field``'s cell (authors, keywords, affiliations, ...)."""
    if not value.strip():
        return []
    if field == "affiliations" and "\n" in value:
        return [v.strip() for v in value.split("\n") if v.strip()]
    if field == "authors" and not any(sep in value for sep in (";", "|", " and ")):
        found = _comma_authors(value)
        if found:
            return found
    for sep in (";", "|") if field != "authors" else (";", "|", " and "):
        if sep in value:
            items = [v.strip() for v in value.split(sep) if v.strip()]
            # 'Chiang, Y.; and Jane, W.': a list whose last name follows a serial 'and' (as a
            # BibTeX author list turned into one cell writes it); no name begins with 'and '
            if field != "authors":
                return items
            return [n for v in items for n in _and_names(_AND.sub("", v))]
    if field == "keywords" and "," in value:
        return [v.strip() for v in _KEYWORD_COMMA.split(value) if v.strip()]
    return [value.strip()]
