"""PMIDs a rerun no longer finds that PubMed no longer has: deleted, not just unmatched.

Between two runs of a stored search a PMID can leave its results for two reasons a librarian
must tell apart: the record is still in PubMed but the query no longer finds it (its indexing
changed, PubMed's automatic term mapping translated the query differently, the query was
edited), or PubMed deleted the citation. NLM deletes citations, above all duplicates (one
article entered twice keeps one PMID; the other is deleted), and lists them in the update
files' ``DeleteCitation`` blocks (NLM, "MEDLINE/PubMed Baseline and Update Files"); a deleted
PMID is found by no search, its own ``[pmid]`` included. PubMed's search results say neither,
so after a rerun the PMIDs of the previous complete run that this run did not find are looked
up by ``[pmid]`` (one esearch per :data:`CHUNK`); those PubMed no longer has are stored with
the run as ``deleted`` messages, one per PMID, and shown beside "gone" wherever runs are
compared. Which PMID a deleted duplicate was merged into PubMed does not say through
E-utilities: when this run found the kept PMID as a new record, deduplication pairs it with
the deleted one's stored record (same DOI, title, authors).
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewkit.pubmed.client import EntrezRefused, PubMedClient
from reviewkit.pubmed.messages import DELETED, NOT_CHECKED
from reviewkit.store import Store
from reviewkit.store import searches as rows

CHUNK = 200  # PMIDs ORed in one esearch: ~3,600 characters (~4,400 encoded), which the client posts


def deleted_from_pubmed(client: PubMedClient, pmids: Sequence[str]) -> list[str]:
    """Those of ``pmids`` PubMed no longer has (no ``[pmid]`` search finds them), in order."""
    missing: list[str] = []
    for start in range(0, len(pmids), CHUNK):
        chunk = list(pmids[start : start + CHUNK])
        term = " OR ".join(f"{p}[pmid]" for p in chunk)
        found = set(client.esearch(term, retmax=len(chunk), usehistory=False).ids)
        missing += [p for p in chunk if p not in found]
    return missing


def note_deleted(db: Store, search_name: str, run_id: int, client: PubMedClient) -> None:
    """Store as ``deleted`` messages of run ``run_id`` the PMIDs of the search's previous
    complete run that this run did not find and PubMed no longer has (once: a resumed run
    that stored them already asks nothing). When PubMed refuses the look-up, its words are
    stored instead (:data:`NOT_CHECKED`) and the run ends as it would have: gone PMIDs are
    then not told apart, and the log says why."""
    if any(kind in (DELETED, NOT_CHECKED) for kind, _ in rows.run_messages(db, run_id)):
        return
    previous = rows.previous_complete_run(db, search_name, run_id)
    if previous is None:
        return
    found = set(rows.run_pmids(db, run_id))
    gone = [p for p in rows.run_pmids(db, previous.id) if p not in found]
    if not gone:
        return
    try:
        deleted = deleted_from_pubmed(client, gone)
    except EntrezRefused as exc:  # a refusal no retry mends must not keep the run from ending
        rows.add_messages(db, run_id, [(NOT_CHECKED, exc.text)])
        return
    rows.add_messages(db, run_id, [(DELETED, p) for p in deleted])


def deleted_between(
    db: Store, search_name: str, run_a: int, run_b: int, gone: Sequence[str]
) -> list[str]:
    """Of the PMIDs ``gone`` from run A to run B of the search ``search_name``, those PubMed no
    longer had at the last word on them in the runs after A up to B: a run that named one
    deleted, with no later run finding it (PubMed may restore a citation, and a run that finds
    it again, or looks it up and finds it, outdates the older word)."""
    if not gone:  # nothing gone: no run's PMIDs need reading
        return []
    wanted, deleted = set(gone), set()
    for run in rows.list_runs(db, search_name):
        if not run_a < run.id <= run_b:
            continue
        deleted -= wanted & set(rows.run_pmids(db, run.id))  # in PubMed again: found
        deleted |= {t for k, t in rows.run_messages(db, run.id) if k == DELETED and t in wanted}
    return [p for p in gone if p in deleted]
