"""Ovid's Institution (IN) lines: the record's affiliations, without the authors' names Ovid
writes before them.

IN is Ovid's name for the affiliation in every database it serves (its database guides list
'Institution (IN)': MEDLINE, Embase, BIOSIS, the Nursing Database); PubMed's MEDLINE has no IN
tag (its affiliation is AD). BIOSIS writes an address alone ('IN  - Department of
Biochemistry, University of Southern Denmark, Odense M, Denmark.', Zotero's OVID Tagged
translator's test records). Ovid MEDLINE writes a record's addresses of after 2014 each after
its author's whole name and a full stop ('Smith, John A. Department of ...'; no such record of
Ovid's is in our tests' sources: the shape of its display, a second address taken to be on a
line of its own as Embase's). Embase writes each address after its authors' surnames in
parentheses, a second address of the same IN on a line of its own, which the reader joins to
the first ('(Behan, Rubbo, Lucas) NIHR Southampton ..., United Kingdom (Behan, Galvin) School
of Applied Psychology, ...': knh11545/commandline4expertsearchers,
test/data/Embase_citavi_r3001-3002.ovd); Embase.com writes its names with initials ('(Lee K.;
Doe A.B.)', formats.embase_addresses). The names are the record's authors already: each
address is kept without them. A name is taken off only when it is one of the record's, so an
address whose first words end in a full stop ('St. Olav's Hospital. ...') or that opens with a
parenthesis of its own ('(WHO Collaborating Centre) ...')
stays whole.

Embase also writes the corresponding author's address in AD beside its IN lines, after that
author's name as initials and surname and a comma ('AD  - L. Behan, NIHR Southampton ...' for
'AU  - Behan L.', the same .ovd file): the address is one of the IN's, and kept once without
the name (:func:`corresponding_address`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# a parenthesis at the value's start or after a space: Embase's names when every item of it
# is one of the record's names (or an e-mail, as Embase.com writes the corresponding author's)
_GROUP = re.compile(r"(?:^|(?<=\s))\(([^()]*)\)\s*")
_ITEM_SEPARATOR = re.compile(r"[;,]")


def _name_forms(names: Iterable[str]) -> set[str]:
    """Each author's name as written ('Behan L.', 'Smith, John A') and its surname alone (the
    part before the comma, or before the initials of a name without one)."""
    forms: set[str] = set()
    for name in (n.strip() for n in names):
        if not name:
            continue
        forms.add(name)
        surname = name.split(",")[0] if "," in name else name.rpartition(" ")[0]
        if surname.strip():
            forms.add(surname.strip())
    return forms


def _names_only(group: str, forms: set[str]) -> bool:
    """Whether a parenthesis holds the record's authors alone."""
    items = [i.strip() for i in _ITEM_SEPARATOR.split(group) if i.strip()]
    return bool(items) and all(i in forms or "@" in i for i in items)


def institution_addresses(value: str, names: Iterable[str]) -> list[str]:
    """The addresses of one IN value (its lines joined), each without the names of the
    record's authors (``names``: its AU/FA values) that Ovid writes before it."""
    names = {n.strip() for n in names if n.strip()}
    forms = _name_forms(names)
    groups = [m for m in _GROUP.finditer(value) if _names_only(m.group(1), forms)]
    if not groups:  # Ovid MEDLINE's: each address after an author's whole name, a full stop
        groups = list(_whole_name_heads(names).finditer(value)) if names else []
    if not groups:
        return [value.strip()] if value.strip() else []
    ends = [g.start() for g in groups[1:]] + [len(value)]
    pieces = [
        value[: groups[0].start()],
        *(value[g.end() : e] for g, e in zip(groups, ends, strict=True)),
    ]
    return [p.strip(" ;") for p in pieces if p.strip(" ;")]


def corresponding_address(value: str, names: Iterable[str]) -> str:
    """An AD value without the corresponding author's name that Ovid's Embase writes first
    ('L. Behan, NIHR ...' -> 'NIHR ...'), when the text before its first comma is one of the
    record's authors (``names``, 'Behan L.') with the initials first; any other value whole."""
    head, comma, address = value.partition(",")
    if comma and address.strip() and head.strip() in _initials_first(names):
        return address.strip()
    return value


def _initials_first(names: Iterable[str]) -> set[str]:
    """Embase's names ('Lucas J.S.': the surname, then the initials) with the initials first
    ('J.S. Lucas'), as its AD writes the corresponding author's."""
    turned: set[str] = set()
    for name in names:
        surname, _, initials = name.strip().rpartition(" ")
        if surname and "," not in name and initials.endswith("."):
            turned.add(f"{initials} {surname}")
    return turned


def _whole_name_heads(names: set[str]) -> re.Pattern[str]:
    """An author's whole name, then a full stop and an address, at the value's start or after
    the address before it (a line of its own in the IN, joined by a space)."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=\s))(?:{alternatives})\.\s+(?=\S)")
