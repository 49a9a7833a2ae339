"""Finding the local record of a decision log's portable key (PMID, DOI, title + year).

An exported entry names its record portably, never by local id (the other machine may have
imported its records in another order). :class:`RecordResolver` finds it again: by PMID, then
DOI, then normalised title and year; where one PMID or DOI is on several records that dedup kept
apart, the key's DOI and title narrow them, and a key that still fits two studies is refused by
its line rather than guessed (:mod:`reviewkit.decisions.exchange` reads the log).
"""

from __future__ import annotations

from reviewkit.errors import UserError
from reviewkit.records import normalise_doi, normalise_pmid, normalise_title
from reviewkit.store import Store, lookup
from reviewkit.store import records as record_rows
from reviewkit.store.duplicates import canonical_map, processed_ids

__all__ = ["STUDY_RECORDS", "RecordResolver", "key_problem", "portable_key"]

_KEY_FIELDS = {"pmid", "doi", "title", "year"}
STUDY_RECORDS = "study_records"  # a final's field: the records its study held in its copy


def portable_key(key: lookup.RecordKey) -> dict:
    """A record's (pmid, doi, title, year) as an exported line names it (the title
    normalised: the resolver compares it so)."""
    pmid, doi, title, year = key
    return {"pmid": pmid, "doi": doi, "title": normalise_title(title), "year": year}


def key_problem(record: object, name: str = "record") -> str:
    """What is wrong with a record key as a log line gives it (``name``: where in the line),
    or '' when nothing is: an object of pmid, doi, title and year, with one to find it by."""
    if not isinstance(record, dict):
        return f"{name} must be an object with pmid, doi, title and year"
    unknown = sorted(set(record) - _KEY_FIELDS)
    if unknown:
        return f"unknown {name} field {unknown[0]!r}"
    for key in ("pmid", "doi", "title"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return f"{name}.{key} must be a string or null, not {record[key]!r}"
    pmid = (record.get("pmid") or "").strip()
    if pmid and not normalise_pmid(pmid):  # '3123-4567' is no PMID; its digits are another's
        return f'{name}.pmid {pmid[:40]!r} is not a PMID (a number, e.g. "34000001")'
    year = record.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        return f"{name}.year must be a whole number or null, not {year!r}"
    if not any((record.get(k) or "").strip() for k in ("pmid", "doi", "title")):
        return f"the {name} has no PMID, DOI or title to find it by"
    return ""


def _normalised(key: lookup.RecordKey) -> lookup.RecordKey:
    """A record's key with each part normalised as a log line's is compared."""
    pmid, doi, title, year = key
    return normalise_pmid(pmid), normalise_doi(doi), normalise_title(title or ""), year


class RecordResolver:
    """Finds the local record of a portable key: PMID, then DOI, then title + year.

    One resolver serves one read of a log (the records do not change meanwhile): what it
    looked up for one line (a PMID's records, their keys) serves the next lines and the
    :meth:`disagreement` check of the same line."""

    def __init__(self, db: Store) -> None:
        self.db = db
        self._titles: dict[tuple[str, int | None], list[int]] | None = None
        self._canon: dict[int, int] | None = None
        self._pmid_hits: dict[str, list[int]] = {}  # PMID -> its records' ids
        self._keys: dict[int, lookup.RecordKey] = {}  # record id -> (pmid, doi, title, year)

    def __call__(self, key: dict, where: str = "", field: str = "record") -> int | None:
        """The local record of ``key`` (None where none is); ``field``: where in the line the
        key is ('record', 'study_records[2]'), named where it is refused."""
        pmid = normalise_pmid(key.get("pmid"))
        doi = normalise_doi(key.get("doi"))
        title = normalise_title(key.get("title") or "")
        if pmid:
            hits = self._by_pmid(pmid)
            if hits:  # one PMID on two records dedup kept apart: an erratum, a copied PMID
                return self._one(self._narrow(hits, doi, title), pmid, where, field)
        if doi:
            hits = lookup.ids_by_doi(self.db, doi)
            hits = self._narrow(hits, "", title)  # one DOI on two records dedup kept apart
            if hits:
                return hits[0]
        if title:
            return next(iter(self._with_title(title, key.get("year"))), None)
        return None

    def same_key(self, key: dict) -> list[int]:
        """Every record here whose key is ``key`` (PMID, DOI, title and year, each as
        normalised): records another copy could not have told apart from the one it named.
        Two databases' copies of one article share a DOI or a title, so the one record
        :meth:`__call__` returns for the key of one of them may be the other."""
        pmid, doi = normalise_pmid(key.get("pmid")), normalise_doi(key.get("doi"))
        title, year = normalise_title(key.get("title") or ""), key.get("year")
        if pmid:
            hits = self._by_pmid(pmid)
        elif doi:
            hits = lookup.ids_by_doi(self.db, doi)
        else:
            hits = self._with_title(title, year)
        wanted = (pmid, doi, title, year)
        return [r for r, k in self._keys_of(hits).items() if _normalised(k) == wanted]

    def _with_title(self, title: str, year: int | None) -> list[int]:
        """The records whose normalised title and year are these, in id order (every
        record's read once, on the first call)."""
        if self._titles is None:
            self._titles = {}
            for rid, _pmid, _doi, t, y in lookup.all_record_keys(self.db):
                self._titles.setdefault((normalise_title(t), y), []).append(rid)
        return self._titles.get((title, year), [])

    def _narrow(self, hits: list[int], doi: str, title: str) -> list[int]:
        """The records among ``hits`` whose DOI, then whose title, is the key's (each step
        only when it leaves some: a record without the DOI may still be the one)."""
        if len(hits) < 2:
            return hits
        keys = self._keys_of(hits)
        if doi:
            hits = [r for r in hits if normalise_doi(keys[r][1]) == doi] or hits
        if title and len(hits) > 1:
            hits = [r for r in hits if normalise_title(keys[r][2]) == title] or hits
        return hits

    def _one(self, hits: list[int], pmid: str, where: str, field: str) -> int:
        """The record of ``hits`` when they are one study; a UserError when the key (the
        line's ``field``) could put the vote, or what a final's study held, on either of two
        studies (the first would be a guess)."""
        if len(hits) > 1:
            if self._canon is None:
                self._canon = canonical_map(self.db)
            studies = {self._canon.get(r, r) for r in hits}
            if len(studies) > 1:
                shown = ", ".join(str(r) for r in hits[:-1]) + f" and {hits[-1]}"
                said, meant = f"the entry's PMID {pmid} is", "the decision is for"
                if field != "record":  # a key of a final's study_records
                    said = f"the entry's {field} has PMID {pmid}, which is"
                    meant = "the final's study held"
                raise UserError(
                    f"{said} on records {shown}, and neither its DOI nor its title tells"
                    f" which one {meant}",
                    where=where,
                    hint=self._two_studies_hint(hits, field),
                )
        return hits[0]

    def _two_studies_hint(self, hits: list[int], field: str) -> str:
        """What to do about a key on records of two studies. Records a search rerun or an
        import added since the last dedup run are studies of their own until dedup compares
        them: a copy of the key's record among them is joined by `reviewkit dedup` (a log
        exported from this very project was refused before it)."""
        new = [r for r in hits if r not in processed_ids(self.db)]
        if new:
            shown = ", ".join(map(str, new))
            return (
                f"dedup has not compared {'record' if len(new) == 1 else 'records'} {shown} yet"
                " (stored by a search rerun or an import since its last run): type `reviewkit"
                " dedup`, which joins copies of one article into one study, then import the"
                " file again; nothing was written"
            )
        if field == "record":
            leave = "or leave the line out"
        else:  # what the final's study held: without the key it held neither record
            leave = (
                f"or take that key out of the line's {STUDY_RECORDS} (neither record then"
                " counts as held by the final's study: a lead resolves it again where one was"
                " decided otherwise)"
            )
        return (
            f'put the DOI or title of the record it is for in the line\'s "{field}" (as this'
            f" project's record writes it), {leave}; nothing was written"
        )

    def disagreement(self, key: dict, record_id: int) -> str:
        """Why the key's DOI names another article than the records its PMID found ('' when
        it does not). An exported key is one record's own PMID and DOI, so a PMID whose records
        all carry another DOI means an edited key or a mistyped PMID: the vote would land on
        another study. A record without a DOI (one database left it out) says nothing."""
        pmid, doi = normalise_pmid(key.get("pmid")), normalise_doi(key.get("doi"))
        if not pmid or not doi:
            return ""
        dois = {normalise_doi(k[1]) for k in self._keys_of(self._by_pmid(pmid)).values()} - {""}
        if not dois or doi in dois:
            return ""
        return (
            f"the entry's PMID {pmid} is record {record_id}, whose DOI is {min(dois)}, but the"
            f" entry's DOI is {doi}: the key names two articles"
        )

    def _by_pmid(self, pmid: str) -> list[int]:
        """The ids of the records with this PMID, each PMID read once."""
        if pmid not in self._pmid_hits:
            self._pmid_hits[pmid] = record_rows.ids_by_pmid(self.db, [pmid]).get(pmid) or []
        return self._pmid_hits[pmid]

    def _keys_of(self, record_ids: list[int]) -> dict[int, lookup.RecordKey]:
        """record id -> its key, each record's read once."""
        missing = [r for r in record_ids if r not in self._keys]
        if missing:
            self._keys.update(lookup.record_keys(self.db, missing))
        return {r: self._keys[r] for r in record_ids if r in self._keys}
