"""What the notices' rules look records up by, kept in the store (migration 098).

A notice's rules (:mod:`reviewkit.dedup.concerns`) look its article up by PMID, DOI, folded
title, the first or last three words of that title, and place (year, volume, first page).
Finding them for one notice over every record used to mean folding every title (about 5 CPU
seconds on 50,000 records); with each record's keys kept (:func:`record_keys`, written with
the kept notices), :func:`stored_lookups` answers the same lookups from the store, joined to
those of the records added since the keys were kept, so that the notices of a batch, or the
kept ones naming a record of it, are found as over every record
(:mod:`reviewkit.dedup.concerns_added`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping
from typing import TypeVar

from reviewkit.dedup.concern_citations import Places
from reviewkit.dedup.concerns import Lookups, TitleIndex, title_ends
from reviewkit.dedup.venue import volume_key
from reviewkit.records import Record, normalise_doi
from reviewkit.store.concerns import KeyRow, keyed_ids, placed_ids
from reviewkit.store.db import Store
from reviewkit.store.records import ids_by_pmid, link_fields

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def record_keys(record_id: int, rec: Record, folded: str) -> KeyRow:
    """What the rules look a record that is no notice up by (``folded``: its title as
    :func:`~reviewkit.dedup.titles.match_title` folds it), as :class:`TitleIndex` and
    :class:`~reviewkit.dedup.concern_citations.Places` index it (its title's ends as
    :func:`~reviewkit.dedup.concerns.title_ends` reads them)."""
    doi = normalise_doi(rec.doi) if rec.doi else ""
    head, tail = title_ends(folded)
    return record_id, folded, head, tail, doi, rec.year, volume_key(rec.volume or "")


class _Asked(Mapping[K, V]):
    """A mapping read one key at a time (``ask``: its value, empty where none), each answer
    kept; it iterates over the keys asked so far."""

    def __init__(self, ask: Callable[[K], V]) -> None:
        self._ask = ask
        self._asked: dict[K, V] = {}

    def __getitem__(self, key: K) -> V:
        if key not in self._asked:
            self._asked[key] = self._ask(key)
        if not self._asked[key]:
            raise KeyError(key)
        return self._asked[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._asked)

    def __len__(self) -> int:
        return len(self._asked)


class _StoredPlaces(Places):
    """:class:`~reviewkit.dedup.concern_citations.Places` of the kept records and the added."""

    def __init__(self, db: Store, upto: int, added: Places) -> None:
        super().__init__()
        self._db, self._upto, self._added = db, upto, added

    def _index(self) -> Mapping[tuple[int, str], list[tuple[int, Record, str]]]:
        if self.at is None:
            self.at = _Asked(self._at)  # type: ignore[assignment]
        return self.at

    def _at(self, place: tuple[int, str]) -> list[tuple[int, Record, str]]:
        kept = placed_ids(self._db, *place, self._upto)
        records = link_fields(self._db, ids=[i for i, _ in kept])
        added = self._added._index().get(place, [])
        return [(i, records[i], title) for i, title in kept] + added


class _StoredTitles(TitleIndex):
    """:class:`TitleIndex` of the kept records (their keys in the store) and the added."""

    def __init__(self, db: Store, upto: int, added: TitleIndex) -> None:
        super().__init__()

        def exact(folded: str) -> list[int]:
            return [i for i, _ in keyed_ids(db, "title", folded, upto)] + added.exact.get(
                folded, []
            )

        def ends(key: tuple[str, str]) -> set[str]:
            column = "head" if key[0] == "^" else "tail"
            kept = {t for _, t in keyed_ids(db, column, key[1], upto)}
            return kept | added.ends.get(key, set())

        self.exact = _Asked(exact)  # type: ignore[assignment]
        self.ends = _Asked(ends)  # type: ignore[assignment]
        self.places = _StoredPlaces(db, upto, added.places)


def stored_lookups(db: Store, upto: int, added: Mapping[int, tuple[Record, str]]) -> Lookups:
    """The lookups of every record, from the keys kept of those up to ``upto`` and the
    ``added`` records (id -> record and folded title; none a notice) since."""
    index = TitleIndex()
    for i, (rec, folded) in added.items():
        index.add(i, rec, folded)

    def by_doi(doi: str) -> list[int]:
        kept = [i for i, _ in keyed_ids(db, "doi", doi, upto)]
        return kept + [i for i, (r, _) in added.items() if r.doi and normalise_doi(r.doi) == doi]

    years: dict[int, int | None] = {}

    def year(record_id: int) -> int | None:
        if record_id not in years:
            years[record_id] = link_fields(db, ids=[record_id])[record_id].year
        return years[record_id]

    return Lookups(
        # (a PMID left empty names no record: '' is stored for it)
        _Asked(lambda pmid: ids_by_pmid(db, [pmid]).get(pmid, []) if pmid else []),
        _Asked(by_doi),
        _StoredTitles(db, upto, index),
        year,
    )
