"""BibTeX cross-references: an entry's ``crossref`` names the entry it takes missing fields from.

DBLP's 'with crossref' BibTeX, and many .bib files kept by hand, give a conference paper or a
chapter only its own fields (title, authors, pages) and put the volume's (year, booktitle,
publisher) on an @proceedings or @book entry that the paper's ``crossref`` names; BibTeX fills
the paper's missing fields from it (Patashnik, BibTeXing, "Cross references"). Without this the
papers were stored without their year or venue, silently.

Where we differ from BibTeX: only the fields that say where and when the work appeared are
taken (:data:`INHERITED`): a volume's DOI, ISBN, URL, abstract or keywords are the volume's,
not the paper's, and a DOI shared by every paper of a volume would make dedup join them. The
parent's title becomes the child's booktitle when the parent has no booktitle, as biblatex's
default inheritance does for a proceedings or a book (biblatex manual, appendix B). The parent
may come before or after the child (BibTeX wants it after), and the key is matched without
case, as BibTeX matches it (it warns about a case mismatch, and still uses the entry). A
crossref naming no entry of the file is refused, where BibTeX warns and goes on: the year and
venue would be lost. An entry some other entry's crossref names is the volume (a proceedings, a
book) lending its fields, not a record of its own (:func:`volumes`): DBLP adds one to its export
for the papers the user chose. BibTeX lists such a volume only when it is cited itself or two
entries cross-reference it (min-crossrefs); in an export it is there for its papers, so here it
is never a record (where we differ).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bibtexparser.model import Entry

from reviewkit.errors import FormatError
from reviewkit.formats.bibtex_values import field_line

# the fields of the volume a paper or chapter takes when it lacks them
INHERITED = (
    "year",
    "date",
    "booktitle",
    "journal",
    "journaltitle",
    "volume",
    "number",
    "issue",
    "series",
    "publisher",
    "institution",
    "organization",
    "school",
    "address",
    "location",
)


def resolve(
    entry: Entry, values: Mapping[str, str], by_key: Mapping[str, Mapping[str, str]], name: str
) -> dict[str, str]:
    """``values`` (the fields of ``entry`` of file ``name``, field names in lower case) with
    the fields its ``crossref`` entry lends it; ``by_key`` maps every entry's key, lower case,
    to its fields."""
    key = values.get("crossref", "").strip()
    if not key:
        return dict(values)
    parent = by_key.get(key.lower())
    if parent is None:
        raise FormatError(
            f"crossref {key!r} names no entry in this file (the year and venue it would"
            " give this entry would be lost)",
            where=field_line(entry, ("crossref",), name),
            hint="export the entries together with the volumes they cross-reference (DBLP:"
            " 'BibTeX with crossref'), or write the year and booktitle into this entry",
        )
    lent = {field: parent[field] for field in INHERITED if parent.get(field)}
    if "booktitle" not in lent and parent.get("title"):
        lent["booktitle"] = parent["title"]
    return {**lent, **{k: v for k, v in values.items() if v}}


def volumes(keys: Sequence[str], fields: Sequence[Mapping[str, str]]) -> set[str]:
    """The keys, lower case, of the entries another entry's crossref names (``keys`` and
    ``fields``: every entry's key and fields, in the same order): volumes, not records."""
    named = (v.get("crossref", "").strip().lower() for v in fields)
    return {
        parent for key, parent in zip(keys, named, strict=True) if parent not in ("", key.lower())
    } & {key.lower() for key in keys}
