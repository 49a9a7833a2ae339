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
  reads them all. Those notices alone are found again, looking up what they name among every
  record by the keys kept of each (:mod:`~reviewkit.dedup.concerns_stored`), and the records
  they concerned or now concern are joined again from their own marks and the notices about
  them (what each notice concerns is kept too).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import NamedTuple

from reviewkit.dedup.concerns import (
    NOTICE_SIDE,
    Concern,
    NoticeTargets,
    concerning,
    concerns_and_targets,
    joined_concerns,
    notice_targets,
    own_marks,
)
from reviewkit.dedup.concerns_stored import record_keys, stored_lookups
from reviewkit.dedup.follow_on import notice_about_a_paper
from reviewkit.dedup.pages import first_page
from reviewkit.dedup.titles import match_title
from reviewkit.dedup.venue import volume_key
from reviewkit.records import Record
from reviewkit.store.concerns import (
    ConcernRow,
    KeptBase,
    KeyRow,
    TargetRow,
    kept_base,
    still_kept,
)
from reviewkit.store.db import Store
from reviewkit.store.records import get_records, ids_by_pmid, link_fields


class Finding(NamedTuple):
    """The notices about every record (:func:`~reviewkit.dedup.concerns.concerns_among`),
    the ids of the records that are notices, what each notice concerns, and the keys to keep
    (:func:`~reviewkit.dedup.concerns_stored.record_keys`): of every record that is no notice
    (``every_key``), else of those added, and the kept state it was brought up to date from
    (``based_on``, ``store.concerns.KeptBase.made_at``; '' where all were found again)."""

    found: dict[int, list[Concern]]
    notices: list[int]
    targets: dict[int, NoticeTargets]
    keys: list[KeyRow]
    every_key: bool
    based_on: str = ""

    def target_rows(self) -> list[TargetRow]:
        """What each notice concerns, as kept (``store.concerns.TargetRow``)."""
        return [
            (n, t, c.kind, c.pmid, c.how) for n, (c, ts) in sorted(self.targets.items()) for t in ts
        ]


# How often a reader brings what was kept up to date again from what another process kept
# meanwhile: each try begins from the newest kept state, so a keep that finished during the
# lookups (an import's, a screen's) leaves the next try only the records added since it
_TRIES = 3
_REWRITTEN = Finding({}, [], {}, [], every_key=False)  # what was kept changed while read


def concerns_with_added(db: Store, rules: str) -> Finding | None:
    """The notices about every record, from what was kept by these ``rules`` and the records
    added since (records are never changed nor removed); None when they must all be found
    again (nothing kept, other rules, so many new records at one place that reading them
    apart would cost more, or what was kept being rewritten by another process while read).
    Where another process finished keeping its own while they were looked up, what it kept
    is the base of another try: only the records added since it are read again, not every
    record (~7 CPU-s on 50,000 records)."""
    for _ in range(_TRIES):
        base = kept_base(db, rules)
        if base is None:
            return None
        finding = _from_base(db, rules, base)
        if finding is not _REWRITTEN:
            return finding
    return None


def _from_base(db: Store, rules: str, base: KeptBase) -> Finding | None:
    """:func:`concerns_with_added` from what was kept (``base``); :data:`_REWRITTEN` where
    another process kept another state while it was read."""
    new = link_fields(db, after=base.last_record)
    new_notices = {i for i, r in new.items() if notice_about_a_paper(r)}
    new.update(get_records(db, new_notices))  # a notice's whole record: its abstract may cite
    plain = {i: r for i, r in new.items() if i not in new_notices}
    notices = get_records(db, base.notices)
    groups = _apart_by_place(plain)
    # each group reads every kept notice, and a notice costs the rules about half what a
    # record costs a full find (on the 50,000 first records of the PubMed snapshot, 624
    # notices: 100 new records at one place took 4.1 CPU-s, 0.066 ms a notice a group, beside
    # 7.6 for all, 0.15 ms a record); so where the groups would read more than twice as many
    # notices as there are records (many at one place: an abstract book's page, a copied
    # citation), all are found again at once
    if len(groups) * len(notices) > 2 * base.last_record:
        return None
    # the kept notices whose articles may have changed: those naming a new record, and those
    # PubMed links to a new record's PMID (a link to a notice concerns no article: a new
    # notice of that PMID takes the notice's article away)
    new_pmids = {r.pmid for r in new.values() if r.pmid}
    again = _named_by_kept_notices(notices, groups) | {
        n
        for n, r in notices.items()
        if any(c.ref_type in NOTICE_SIDE and c.pmid in new_pmids for c in r.comments_corrections)
    }
    folded = {i: match_title(r.title or "") for i, r in plain.items()}
    lookups = stored_lookups(db, base.last_record, {i: (r, folded[i]) for i, r in plain.items()})
    every_notice = {*base.notices, *new_notices}
    redone = notice_targets(
        {**{n: notices[n] for n in again}, **{n: new[n] for n in new_notices}},
        every_notice,
        lookups,
    )
    if not still_kept(db, base, rules):  # another process kept others while read
        return _REWRITTEN
    kept = _as_targets(base.targets)
    targets = {**kept, **redone}
    touched = set(plain) | {t for n in redone for t in kept.get(n, (None, []))[1]}
    touched |= {t for _, ts in redone.values() for t in ts}
    # an old article's link to a notice no record was: the new record of that PMID is it
    by_new_pmid = ids_by_pmid(db, new_pmids)
    found = {
        rid: [
            replace(c, notice=min(by_new_pmid[c.pmid]))
            if c.notice is None and c.pmid in by_new_pmid
            else c
            for c in cs
        ]
        for rid, cs in as_found(base.rows).items()
    }
    # the records whose concerns may have changed, found again: their own marks, read with
    # every record of the PMIDs their links name, and the notices about them
    records = {**link_fields(db, ids=touched - set(plain)), **plain}
    linked = ids_by_pmid(
        db, {c.pmid for r in records.values() for c in r.comments_corrections if c.pmid}
    )
    about = concerning(targets)
    for t in touched:
        found.pop(t, None)
        if concerns := joined_concerns(own_marks(records[t], linked), about.get(t, [])):
            found[t] = concerns
    keys = [record_keys(i, r, folded[i]) for i, r in plain.items()]
    return Finding(
        found, sorted(every_notice), targets, keys, every_key=False, based_on=base.made_at
    )


def _as_targets(rows: Iterable[TargetRow]) -> dict[int, NoticeTargets]:
    """Kept rows of what each notice concerns, as :func:`notice_targets` gives them."""
    out: dict[int, NoticeTargets] = {}
    for n, t, kind, pmid, how in rows:
        out.setdefault(n, (Concern(kind, pmid, n, how), []))[1].append(t)
    return out


def _named_by_kept_notices(
    notices: Mapping[int, Record], groups: list[list[tuple[int, Record]]]
) -> set[int]:
    """The kept ``notices`` that name any new record (none a notice; in ``groups``,
    :func:`_apart_by_place`) by any of the rules, even where their choice between the records
    they name would leave the new one."""
    if not notices:
        return set()
    # the notices' years forgotten: a record published after its notice is named all the same
    # (its title may outrank a close one the notice was given to); the new records without
    # their own marks, so that every concern found is a notice's
    undated = {i: replace(r, year=None) for i, r in notices.items()}
    named: set[int] = set()
    for group in groups:
        plain = {i: replace(r, comments_corrections=[], publication_types=[]) for i, r in group}
        targets = concerns_and_targets({**undated, **plain}, undated)[1]
        named |= {n for n, (_, ts) in targets.items() if ts}
    return named


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


def as_found(rows: Iterable[ConcernRow]) -> dict[int, list[Concern]]:
    """Kept rows as :func:`~reviewkit.dedup.concerns.concerns_among` gives them: record id ->
    its concerns, in order."""
    found: dict[int, list[Concern]] = defaultdict(list)
    for rid, kind, pmid, notice, how in rows:
        found[rid].append(Concern(kind, pmid, notice, how))
    return dict(found)
