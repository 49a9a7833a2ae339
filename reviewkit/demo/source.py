"""The demo's second source: a RIS file written at demo time from snapshot records.

Real reviews import records from other databases and from reference lists; their exports carry
no PubMed ids and print titles their own way. To stand in for one, the demo fetches real
records from the local E-utilities server and writes them with reviewkit's own RIS writer:

* a seeded share of the records the stored searches found, so dedup must match them across
  sources without a PMID (by DOI where the export keeps one, by title, year and journal where
  it does not — every third record loses its DOI, as in many exports);
* records on work and health that the stored searches missed (found with a query of terms the
  searches do not use), which only this source contributes.

The titles of the overlapping records are printed in title case, as some databases do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from reviewkit import formats
from reviewkit.demo.reviewers import unit
from reviewkit.pubmed.client import PubMedClient
from reviewkit.records import Record

SOURCE_NAME = "Other database (demo RIS)"
FILE_NAME = "other-database.ris"
OVERLAP_SHARE = 0.15  # of the stored searches' records, also in the other database
EXTRA_MAX = 30
# Terms of work and health that none of the stored searches uses, so these records are new.
EXTRA_QUERY = (
    '("job strain"[tiab] OR "work stress"[tiab] OR "work-related"[tiab] OR ergonomic*[tiab] OR '
    '"supported employment"[tiab] OR "work engagement"[tiab] OR "occupational therap*"[tiab]) '
    "AND english[la]"
)
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}


def title_case(title: str) -> str:
    """'Sick leave and work' -> 'Sick Leave and Work' (small words stay lower case)."""
    words = title.split(" ")
    return " ".join(
        w if (i and w.lower() in _SMALL_WORDS) or not w[:1].islower() else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def as_exported(record: Record, keep_doi: bool, retitle: bool) -> Record:
    """A record as another database would export it: no PubMed ids, maybe no DOI."""
    return replace(
        record,
        pmid="",
        pmcid="",
        doi=record.doi if keep_doi else "",
        title=title_case(record.title) if retitle else record.title,
        mesh_terms=[],
        source="",
        origin="",
        position=0,
        raw="",
    )


def choose_overlap(pmids: Iterable[str], seed: int) -> list[str]:
    """A seeded share of the stored searches' PMIDs (the same ones every run)."""
    return sorted(p for p in set(pmids) if unit(seed, "overlap", p) < OVERLAP_SHARE)


def write_source(
    client: PubMedClient, found_pmids: Iterable[str], folder: Path, seed: int = 1
) -> tuple[Path, int, int]:
    """Write the RIS file into ``folder``; returns (path, overlapping records, new records)."""
    found = set(found_pmids)
    overlap = choose_overlap(found, seed)
    extra_ids = [p for p in client.search(EXTRA_QUERY).pmids if p not in found]
    extra_ids = sorted(extra_ids, key=lambda p: unit(seed, "extra", p))[:EXTRA_MAX]
    records: list[Record] = []
    for i, rec in enumerate(client.efetch_ids(overlap) if overlap else []):
        records.append(as_exported(rec, keep_doi=i % 3 != 2, retitle=i % 2 == 0))
    n_overlap = len(records)
    for rec in client.efetch_ids(extra_ids) if extra_ids else []:
        records.append(as_exported(rec, keep_doi=True, retitle=False))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        formats.write(records, "ris", fh)
    return path, n_overlap, len(records) - n_overlap
