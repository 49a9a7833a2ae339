"""The kept notices brought up to date when records were only added (issue 14).

Finding the notices about a project's records reads every title (about 7 CPU seconds on
50,000 records), and an import, a search rerun or a dedup run asked for it again for ten new
records. Where records were only added since the notices were kept, what the new records can
change is found from them, the kept notices' records and the few records their PubMed links
name, and joined to what was kept; the result is what :func:`~reviewkit.dedup.concerns.
concerns_among` finds over every record (``tests/dedup/test_concerns_added.py`` compares them):

- a new article's own marks (PubMed's links to its notices, 'Retracted Publication',
  'RETRACTED:'), read with the records of the PMIDs its links name;
- an old article's link to a notice's PMID that no record had, now a new record's: that record
  is the notice's (the only change a new record that is no notice makes to an old article, its
  PMID being new to the project);
- an old notice naming a new record (its PubMed link, the DOI or the title or citation it
  gives), or a new notice: the article it concerns may be any record, its choice between them
  (a PubMed link first, one article at a cited place, a title word for word before a close one)
  reads them all, so every notice is found again, as before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace

from reviewkit.dedup.concerns import Concern, as_found, concerns_among
from reviewkit.dedup.follow_on import notice_about_a_paper
from reviewkit.dedup.pages import first_page
from reviewkit.dedup.venue import volume_key
from reviewkit.records import Record
from reviewkit.store.concerns import kept_base
from reviewkit.store.db import Store
from reviewkit.store.records import get_records, ids_by_pmid, link_fields


def concerns_with_added(db: Store, rules: str) -> tuple[dict[int, list[Concern]], list[int]] | None:
    """The notices about every record and the ids of the records that are notices, from what
    was kept by these ``rules`` and the records added since (records are never changed nor
    removed); None when they must all be found again (nothing kept, other rules, a notice
    among the new records or one naming them, or so many new records at one place that
    reading them apart would cost more)."""
    base = kept_base(db, rules)
    if base is None:
        return None
    new = link_fields(db, after=base.last_record)
    if any(notice_about_a_paper(r) for r in new.values()):
        return None
    notices = get_records(db, base.notices)
    groups = _apart_by_place(new)
    # each group reads every kept notice, and a notice costs the rules about half what a
    # record costs a full find (on the 50,000 first records of the PubMed snapshot, 624
    # notices: 100 new records at one place took 4.1 CPU-s, 0.066 ms a notice a group, beside
    # 7.6 for all, 0.15 ms a record); so where the groups would read more than twice as many
    # notices as there are records (many at one place: an abstract book's page, a copied
    # citation), all are found again at once
    if len(groups) * len(notices) > 2 * base.last_record:
        return None
    if _named_by_kept_notices(notices, groups):
        return None
    # (a PMID left empty names no record: '' is stored for it)
    by_pmid = ids_by_pmid(db, {r.pmid for r in new.values() if r.pmid})
    # an old article's link to a notice no record was: the new record of that PMID is it
    found = {
        rid: [
            replace(c, notice=min(by_pmid[c.pmid])) if c.notice is None and c.pmid in by_pmid else c
            for c in cs
        ]
        for rid, cs in as_found(base.rows).items()
    }
    # what is found for a new record is its own marks (no notice names it: above), read with
    # every record of the PMIDs its links name (a notice's record id is the lowest of its
    # PMID's); every notice is read too, so that each chooses among the records it names as
    # over every record (one linked to a notice concerns no article)
    linked = ids_by_pmid(
        db, {c.pmid for r in new.values() for c in r.comments_corrections if c.pmid}
    )
    around = get_records(db, [i for ids in linked.values() for i in ids])
    own = concerns_among({**notices, **around, **new})
    found.update({i: own[i] for i in new if i in own})
    return found, base.notices


def _named_by_kept_notices(
    notices: Mapping[int, Record], groups: list[list[tuple[int, Record]]]
) -> bool:
    """Whether any of the kept ``notices`` names any new record (none a notice; in
    ``groups``, :func:`_apart_by_place`) by any of the rules, even where its choice between
    the records it names would leave the new one."""
    if not notices:
        return False
    # the notices' years forgotten: a record published after its notice is named all the same
    # (its title may outrank a close one the notice was given to); the new records without
    # their own marks, so that every concern found is a notice's
    undated = {i: replace(r, year=None) for i, r in notices.items()}
    for group in groups:
        plain = {i: replace(r, comments_corrections=[], publication_types=[]) for i, r in group}
        found = concerns_among({**undated, **plain})
        if any(c.notice is not None for cs in found.values() for c in cs):
            return True
    return False


def _apart_by_place(new: Mapping[int, Record]) -> list[list[tuple[int, Record]]]:
    """The new records in groups of which no two share a place (year, volume, first page): a
    notice citing a place where two articles are names neither (``concern_citations``), so two
    new records at one place, read together, would hide that it names them."""
    groups: list[list[tuple[int, Record]]] = []
    seen: dict[tuple[int | None, str, str], int] = defaultdict(int)
    for i, r in new.items():
        place = (r.year, volume_key(r.volume or ""), first_page(r.pages or ""))
        # a citation names no record without all three (concern_citations.Places)
        k = seen[place] if r.year is not None and place[1] and place[2] else 0
        seen[place] += 1
        if k == len(groups):
            groups.append([])
        groups[k].append((i, r))
    return groups
