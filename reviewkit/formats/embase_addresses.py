"""Embase.com's affiliations: every author's address, each after the names of its authors in
parentheses, as its RIS writes one a line in M1 and its CSV all in one 'Author Addresses' cell:
'(Smith J.; Doe A.B.) Department of Rehabilitation, Oslo, Norway. (Berg K.,
k.berg@inserm.fr) Inserm (UMR 1027), Toulouse, France.' Both are kept as the addresses
alone, without the names: the names are the record's authors already, and an affiliation is
a place (the country prefill, the report tables).
"""

from __future__ import annotations

import re

# the authors before an address: names of a surname and initials, each initial with its full
# stop ('Smith J.; Doe A.B.'; 'Jr.'), and perhaps an e-mail last ('Adler D.G.,
# douglas.adler@hsc.utah.edu'); a parenthesis of an address ('(UMR 1027)', '(KI)') ends
# otherwise
_NAMES = r"\([^()]*?(?:[^\W\d_]\.|@[^()\s]+)\)"
# one address of an M1 line: the bracket before it is taken as the names whatever it holds
# (the line holds one address, so nothing else can stand first)
_AUTHORS_FIRST = re.compile(r"\(([^()]*)\)\s*(\S.*)", re.DOTALL)
# a cell of several is cut before each group of names after the full stop (or ';') ending the
# address before it, and at a line break, as a spreadsheet may keep: not at every ';' or full
# stop, which may be inside a group or a name ('St. Olav's Hospital', 'Dept. (Psychiatry)')
_NEXT_ADDRESS = re.compile(rf"(?<=[.;])\s+(?={_NAMES}\s*\S)|\s*\n\s*")

AUTHOR_ADDRESSES = "author addresses"  # the CSV's column, as csv_format names columns


def without_authors(address: str) -> str:
    """One address of Embase.com's M1, or of its 'Author Addresses', without the authors'
    names in parentheses before it."""
    m = _AUTHORS_FIRST.fullmatch(address.strip())
    return m.group(2) if m else address.strip()


def author_addresses(cell: str) -> list[str]:
    """The addresses of an Embase.com 'Author Addresses' cell, each without its authors."""
    addresses = (without_authors(a).rstrip("; ") for a in _NEXT_ADDRESS.split(cell))
    return [a for a in addresses if a]
