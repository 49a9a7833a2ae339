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
from reviewkit.protocol import Search
from reviewkit.pubmed.client import PubMedClient
from reviewkit.records import Record

SOURCE_NAME = "Other database (demo RIS)"
FILE_NAME = "other-database.ris"
OVERLAP_SHARE = 0.15  # of the stored searches' records, also in the other database
EXTRA_MAX = 30
DEMO_SEED = 1  # `make demo`'s: which records overlap, which extra ones, the reviewers' votes
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


def extra_pmids(client: PubMedClient, found: set[str], seed: int = DEMO_SEED) -> list[str]:
    """The records only this source brings: up to EXTRA_MAX of EXTRA_QUERY's that the stored
    searches did not find (``found``), a seeded choice (the same ones every run)."""
    extra_ids = [p for p in client.search(EXTRA_QUERY).pmids if p not in found]
    return sorted(extra_ids, key=lambda p: unit(seed, "extra", p))[:EXTRA_MAX]


def demo_pmids(client: PubMedClient, searches: Iterable[Search], seed: int = DEMO_SEED) -> set[str]:
    """The PMIDs of every record the demo stores, without building it: its stored searches'
    (each query as ``search run`` sends it) and this source's new ones (its overlapping records
    are the searches' own). One esearch a search, no efetch: tests/core/test_demo_pmids.py
    checks tests/core/fixtures/demo-pmids.txt with it, and rewrites it."""
    found = {p for s in searches for p in client.search(s.full_query()).pmids}
    return found | set(extra_pmids(client, found, seed))


def write_source(
    client: PubMedClient, found_pmids: Iterable[str], folder: Path, seed: int = DEMO_SEED
) -> tuple[Path, int, int]:
    """Write the RIS file into ``folder``; returns (path, overlapping records, new records)."""
    found = set(found_pmids)
    overlap = choose_overlap(found, seed)
    extra_ids = extra_pmids(client, found, seed)
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
