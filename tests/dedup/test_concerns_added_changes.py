"""The kept notices brought up to date (reviewkit.dedup.concerns_added) equal a full find in
every way a project's records change: records are never updated nor removed (the records
table's triggers refuse it), so a record re-imported with changed fields, a notice imported
twice, an article from another database without its PMID, are records added; two processes
may add them at once. And the kept keys' 32-bit hashes, shared by two values, look up the
value asked, not the other."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from reviewkit.dedup import concerns_kept
from reviewkit.dedup.concerns import concerns_among
from reviewkit.dedup.concerns_kept import (
    keep_project_concerns,
    kept_project_concerns,
    project_concerns,
)
from reviewkit.dedup.titles import match_title
from reviewkit.records import Correction, Record, normalise_doi
from reviewkit.store.db import Store
from reviewkit.store.records import add_import, add_records, iter_records

ARTICLE = "Graded activity and sick leave in workers with low back pain: a randomised trial"
OTHER = "Case management for workers on sick leave with depression: a cluster trial"
# two folded titles, and two DOIs, of one CRC-32 (found by a search over random word lists)
TITLE_A = "after leave for cleaners activity for pilot pain workers"
TITLE_B = "work police leave cohort on study and workers for"
DOI_A, DOI_B = "10.1000/trial.680898548", "10.1000/trial.622220009"


def _add(db: Store, records: list[Record]) -> None:
    with db.transaction():
        made = add_import(db, source="x", path="x.ris", fmt="ris", sha256=repr(records))
        add_records(db, records, import_id=made)


def _all_again(db: Store) -> dict:
    return concerns_among(dict(iter_records(db)))


def _batches_as_all_found_again(db: Store, monkeypatch, batches: list[list[Record]]) -> dict:
    """Keep what the project holds, then add each batch and check, refusing a full find, that
    what is read, kept and read as kept is every record's full find; returns the last."""
    keep_project_concerns(db)
    monkeypatch.setattr(concerns_kept, "_find", _refused)
    for k, batch in enumerate(batches):
        _add(db, batch)
        again = _all_again(db)
        assert project_concerns(db) == again, k
        assert keep_project_concerns(db) == again, k
        assert kept_project_concerns(db) == again, k
    monkeypatch.undo()
    return _all_again(db)


def _refused(db):
    raise AssertionError("every record was read again")


def test_the_records_table_refuses_a_change_or_a_removal(project_b) -> None:
    """What the incremental path rests on: a record once stored is never changed nor
    removed, so a kept finding's records are those up to its highest id."""
    db = project_b.db
    _add(db, [Record(title=ARTICLE, year=2019)])
    with pytest.raises(sqlite3.DatabaseError):
        db.conn.execute("UPDATE records SET title = 'x'")
    with pytest.raises(sqlite3.DatabaseError):
        db.conn.execute("DELETE FROM records")


def test_records_reimported_with_changed_fields(project_b, monkeypatch) -> None:
    """An article imported again (a search rerun, another database) with its fields changed:
    now retracted, another title, a DOI; and its notice imported again naming another."""
    db = project_b.db
    _add(
        db,
        [
            Record(title=ARTICLE, year=2019, pmid="31000001"),
            Record(title=OTHER, year=2019, pmid="31000002", doi="10.1000/other"),
            Record(title=f"Erratum to: {ARTICLE}", year=2020),
            Record(
                title="Retraction notice",
                year=2021,
                pmid="32000001",
                publication_types=["Retraction of Publication"],
                comments_corrections=[Correction("RetractionOf", pmid="31000001")],
            ),
        ],
    )
    batches = [
        # PubMed's record of the article updated: retracted, linked to its notice, its title
        # with a stop, its DOI given
        [
            Record(
                title=f"{ARTICLE}.",
                year=2019,
                pmid="31000001",
                doi="10.1000/article",
                publication_types=["Journal Article", "Retracted Publication"],
                comments_corrections=[Correction("RetractionIn", pmid="32000001")],
            )
        ],
        # the erratum again, from another database, naming the other article by its DOI
        [Record(title="Erratum to: 10.1000/other", year=2020)],
        # the retraction notice again, now linked to the other article as well
        [
            Record(
                title="Retraction notice",
                year=2021,
                pmid="32000001",
                publication_types=["Retraction of Publication"],
                comments_corrections=[
                    Correction("RetractionOf", pmid="31000001"),
                    Correction("RetractionOf", pmid="31000002"),
                ],
            )
        ],
        # the article once more without its PMID (Embase), titled as the erratum names it
        [Record(title=ARTICLE, year=2019, doi="10.1000/article")],
    ]
    found = _batches_as_all_found_again(db, monkeypatch, batches)
    ids = {r.title: i for i, r in iter_records(db)}
    assert {c.pmid for c in found[ids[OTHER]]} >= {"32000001"}


# The Lancet's 'Department of Error.' as PubMed holds it (tests/dedup/test_concern_citations.py):
# its article named only by PubMed's link and that link's citation
DEPARTMENT_OF_ERROR = Record(
    title="Department of Error.",
    journal="Lancet (London, England)",
    journal_abbreviation="Lancet",
    year=2021,
    volume="397",
    issue="10290",
    pages="2150",
    pmid="34090604",
    publication_types=["Published Erratum"],
    comments_corrections=[
        Correction("ErratumFor", "Lancet. 2021 Mar 27;397(10280):1195-1203", "33773631")
    ],
)
CORRECTED = (
    "Discontinuing beta-lactam treatment after 3 days for patients with community-acquired"
    " pneumonia in non-critical care wards (PTC): a double-blind, randomised trial"
)


def test_an_article_a_kept_notices_link_cites_added_later(project_b, monkeypatch) -> None:
    """A kept notice whose PubMed link names no record: its article added later from another
    database (no PMID) is found by the link's citation; a second article at that place
    takes it away; PubMed's record of the article, with the link's PMID, is the one."""
    db = project_b.db
    _add(db, [DEPARTMENT_OF_ERROR, Record(title=ARTICLE, year=2021)])
    embase = Record(
        title=CORRECTED, journal="The Lancet", year=2021, volume="397", pages="1195-203"
    )
    batches = [
        [embase],
        [
            Record(
                title="Another article printed at that page of the volume",
                journal="The Lancet",
                year=2021,
                volume="397",
                pages="1195",
            )
        ],
        [Record(title=CORRECTED, journal="Lancet", year=2021, pmid="33773631")],
    ]
    keep_project_concerns(db)
    _add(db, batches[0])
    found = project_concerns(db)
    ids = {r.title: i for i, r in iter_records(db)}
    assert [c.how for c in found[ids[CORRECTED]]] == ["the citation it gives"]
    _batches_as_all_found_again(db, monkeypatch, batches[1:])


def test_two_values_of_one_hash_are_told_apart(project_b, monkeypatch) -> None:
    """The kept keys are looked up by a CRC-32 of their value: a new notice naming a title, or
    a DOI, whose hash another record's title or DOI shares names that record all the same
    only where a full find would."""
    assert match_title(TITLE_A) == TITLE_A and match_title(TITLE_B) == TITLE_B
    assert zlib.crc32(TITLE_A.encode()) == zlib.crc32(TITLE_B.encode())
    assert zlib.crc32(normalise_doi(DOI_A).encode()) == zlib.crc32(normalise_doi(DOI_B).encode())
    db = project_b.db
    _add(db, [Record(title=TITLE_B, year=2019), Record(title=OTHER, year=2019, doi=DOI_B)])
    found = _batches_as_all_found_again(
        db,
        monkeypatch,
        [
            [Record(title=f"Erratum to: {TITLE_A}", year=2020)],
            [Record(title=f"Correction to: {DOI_A}", year=2020)],
            [Record(title=f"Retraction: {TITLE_B}", year=2020)],  # the title itself: found
        ],
    )
    assert [len(cs) for cs in found.values()] == [1]


_IMPORT = """
import sys
from reviewkit.dedup.concerns_kept import keep_project_concerns
from reviewkit.records import Record
from reviewkit.store.db import Store
from reviewkit.store.records import add_import, add_records
db = Store.open(sys.argv[1])
titles = [f"Return to work after sick leave for {w} in a cohort of {n} workers"
          for w, n in (("burnout", "Dutch"), ("back pain", "Danish"), ("depression", "Swedish"))]
for k, title in enumerate(titles):
    record = (Record(title=title, year=2019, doi=f"10.1000/w.{k}") if sys.argv[2] == "articles"
              else Record(title=f"Erratum to: {title}", year=2020))
    with db.transaction():
        made = add_import(db, source="x", path="x.ris", fmt="ris", sha256=sys.argv[2] + str(k))
        add_records(db, [record], import_id=made)
    keep_project_concerns(db)
"""


def test_two_processes_importing_notices_and_their_articles_at_once(project_b) -> None:
    """One process imports articles while another imports the notices about them, each
    keeping the notices (and the keys) after each import: what is kept for the records as
    they are is their full find."""
    db = project_b.db
    _add(db, [Record(title=ARTICLE, year=2019), Record(title=f"Erratum to: {ARTICLE}")])
    keep_project_concerns(db)
    path = str(project_b.folder / "review.sqlite")
    procs = [
        subprocess.Popen([sys.executable, "-c", _IMPORT, path, name], cwd=Path.cwd())
        for name in ("articles", "notices")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    left = kept_project_concerns(db)
    assert left is None or left == _all_again(db)
    assert keep_project_concerns(db) == _all_again(db)
    assert len(_all_again(db)) == 4
    # and what is kept goes on serving further batches as a full find would
    _add(db, [Record(title=f"Expression of concern: {OTHER}"), Record(title=OTHER)])
    assert keep_project_concerns(db) == _all_again(db) == kept_project_concerns(db)


def test_records_merged_by_dedup_then_a_notice_added(project_b, monkeypatch) -> None:
    """Dedup merges the article's two records (PubMed's and another database's) and leaves the
    notice apart; its links change no record, so what is kept stands, and a notice added
    after is kept as a full find would find it, on both records of the article."""
    from reviewkit.dedup.engine import run_dedup
    from reviewkit.store.duplicates import canonical_map

    db = project_b.db
    article = Record(
        title=ARTICLE,
        year=2019,
        journal="J Occup Rehabil",
        volume="29",
        pages="456-65",
        doi="10.1000/graded",
    )
    _add(db, [article, Record(title=ARTICLE.upper(), year=2019, doi="10.1000/graded")])
    _add(db, [Record(title=f"Retraction: {ARTICLE}", year=2021)])
    run_dedup(db)
    canon = canonical_map(db)
    ids = [i for i, _ in iter_records(db)]
    assert canon.get(ids[0], ids[0]) == canon.get(ids[1], ids[1]) != canon.get(ids[2], ids[2])
    found = _batches_as_all_found_again(
        db, monkeypatch, [[Record(title=f"Expression of concern: {ARTICLE}", year=2022)]]
    )
    assert [len(found[i]) for i in ids[:2]] == [2, 2]
