"""A cluster's kept (canonical) record with its empty fields filled from the cluster's copies.

Databases index one article differently: PubMed's copy of an article in press may have no
volume or pages while the Embase and Scopus copies give 69(2):439-453. What a report or an
export writes of a study is its canonical record, so without this it drops what the copies
knew. The stored records stay as imported; only what is built for output is filled.

Rules:
- a field the canonical record has is never replaced, only an empty one is filled;
- volume, issue and pages are one citation place and come from one copy, which must agree
  with what the canonical record has of them (its volume 69 takes pages of a copy in volume
  69, never of a copy that says volume 70): pages of one place with the volume of another
  would cite an article that does not exist;
- when copies disagree, the value most copies give wins: the copies are the databases'
  independent transcriptions of one article, so a typo or an export's garbling in one is
  outvoted by two that agree (a place is counted by its volume number and first page, so
  '69 (Suppl 1)' / '69' and '439-53' / '439-453' agree); among the copies giving the winning
  value, and on a tie, the copy giving the more wins (the more fields of a place, the longer
  text: a cut abstract or author list loses to the whole one), then the copy imported first
  (the lowest id), so the result never depends on the order of a read;
- provenance (source, origin, position, raw text) stays the canonical record's own.

Reports of one study (``dedup studies``) are not filled from each other: they are different
publications, whose volume and pages differ rightly. (Their extraction values are another
matter: a study's table row takes each field from the first report that has one,
:func:`reviewkit.reports.tables.study_values`.)
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable

from reviewkit.dedup.pages import first_page
from reviewkit.records import AbstractSection, Record
from reviewkit.store import duplicates as links
from reviewkit.store import records as record_rows
from reviewkit.store.db import Store

# Each group is filled from one copy; a single field is a group of one. Every field a writer
# exports is here, but provenance (source, origin, position, raw) is not, nor the kind: it is
# the kept record's own (a journal's copy of a conference paper is an article, rightly).
PLACE = ("volume", "issue", "pages")
GROUPS: tuple[tuple[str, ...], ...] = (
    PLACE,
    *(
        (f,)
        for f in (
            *("title", "abstract_sections", "authors", "year", "journal", "doi", "pmid"),
            *("pmcid", "language", "publication_types", "keywords", "mesh_terms", "url"),
            "affiliations",
            # its own group, not the journal's: copies spell one journal differently
            # ('J Occup Rehabil', 'Journal of Occupational Rehabilitation'), and an empty
            # abbreviation is filled from any copy of the article, all in its one journal
            "journal_abbreviation",
            "vernacular_title",  # the original of a translated title (PubMed, MEDLINE)
        )
    ),
    ("publisher", "place"),  # one imprint: the place its publisher gave
)


def field_key(value: object) -> object:
    """A value as compared between copies: blanks and letter case do not count."""
    if isinstance(value, AbstractSection):
        return (field_key(value.label), field_key(value.text))
    if isinstance(value, list):
        return tuple(field_key(v) for v in value)
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    return value


def _part_key(name: str, value: object) -> object:
    """A field of a place as copies are compared on it: a volume by its number, pages by
    their first page ('69 (Suppl 1)' and '69' are one volume; '439-53' and '439-453' one first
    page); other fields by :func:`field_key`."""
    if name == "volume" and isinstance(value, str):
        number = re.match(r"\D*(\d+)", value)
        if number:
            return number[1].lstrip("0")
    if name == "pages" and isinstance(value, str) and first_page(value):
        return first_page(value)
    return field_key(value)


def place_key(volume: str, pages: str) -> tuple[object, object]:
    """A citation place as copies are counted for it: the volume's number and the first page,
    so that copies giving one place in two formats count as agreeing."""
    return (_part_key("volume", volume), _part_key("pages", pages))


def _offer_key(fields: list[str], values: tuple) -> tuple:
    """What a copy's values for the empty ``fields`` are counted as: a place by its volume
    number and first page (:func:`_part_key`); its issue only when the issue is all that is
    asked, since many exports leave the issue out of a place they give rightly."""
    asked = [(f, v) for f, v in zip(fields, values, strict=True) if f != "issue"] or list(
        zip(fields, values, strict=True)
    )
    return tuple(_part_key(f, v) for f, v in asked)


def is_empty(value: object) -> bool:
    """Whether a field has nothing in it (no text, no list items, no year)."""
    return value is None or value == "" or value == []


def _size(value: object) -> int:
    if isinstance(value, list):
        return sum(_size(v) for v in value) or len(value)
    if isinstance(value, AbstractSection):
        return len(value.text)
    return len(str(value)) if not is_empty(value) else 0


def _fill_group(kept: Record, copies: list[tuple[int, Record]], group: tuple[str, ...]) -> dict:
    """The values of ``group``'s empty fields in ``kept`` (field -> value) from the best copy."""
    empty = [f for f in group if is_empty(getattr(kept, f))]
    if not empty:
        return {}
    held = {f: _part_key(f, getattr(kept, f)) for f in group if f not in empty}
    offers: list[tuple[int, tuple]] = []  # (copy id, the values it gives the empty fields)
    for rid, rec in copies:
        # another place than the canonical record's (volume 70 against its 69), or a copy
        # that does not say (no volume): which place its pages are of cannot be told. A copy
        # without the issue still says the place: a volume and a first page fix it, and many
        # exports leave the issue out (as _offer_key reads it)
        if any(
            _part_key(f, getattr(rec, f)) != k
            for f, k in held.items()
            if not (f == "issue" and is_empty(getattr(rec, f)))
        ):
            continue
        values = tuple(getattr(rec, f) for f in empty)
        if not all(is_empty(v) for v in values):
            offers.append((rid, values))
    if not offers:
        return {}
    votes = Counter(_offer_key(empty, v) for _rid, v in offers)
    _rid, best = min(
        offers,
        key=lambda o: (
            -votes[_offer_key(empty, o[1])],
            -sum(not is_empty(v) for v in o[1]),
            -sum(_size(v) for v in o[1]),
            o[0],
        ),
    )
    return {f: v for f, v in zip(empty, best, strict=True) if not is_empty(v)}


def filled_record(kept: Record, copies: Iterable[tuple[int, Record]]) -> Record:
    """``kept`` with its empty fields filled from ``copies`` ((record id, record) of the other
    records of its cluster); ``kept`` itself is not changed. See the module's rules."""
    others = sorted(copies, key=lambda c: c[0])
    changes: dict = {}
    for group in GROUPS:
        changes.update(_fill_group(kept, others, group))
    return dataclasses.replace(kept, **changes) if changes else kept


def copies_of(db: Store, canonical_id: int) -> list[int]:
    """The other records of a canonical record's cluster that are copies of it: followed link
    by link from it, but not across a version rule's link (a Cochrane review's .pub2 and its
    .pub3 are one study of two versions, whose volume, year and pages differ rightly)."""
    return sorted(links.members_of(db, [canonical_id], across_versions=False) - {canonical_id})


def filled_records(db: Store, canonical_ids: Iterable[int]) -> dict[int, Record]:
    """The records of ``canonical_ids`` (canonical ids of clusters; unknown ids left out), each
    filled from its copies (:func:`copies_of`), as reports and exports write them. The records
    of all the clusters are read at once; the links one record at a time (a cluster is a few
    records, and only the chosen studies' are read, not the whole project's)."""
    wanted = list(dict.fromkeys(canonical_ids))
    copies = {c: copies_of(db, c) for c in wanted}
    recs = record_rows.get_records(db, [*wanted, *(r for m in copies.values() for r in m)])
    return {
        c: filled_record(recs[c], ((r, recs[r]) for r in copies[c] if r in recs))
        for c in wanted
        if c in recs
    }
