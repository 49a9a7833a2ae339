"""The kept notices brought up to date for added records (reviewkit.dedup.concerns_added) equal
the notices found again over every record, batch after batch: new articles with their own
marks, an old article's link to a notice that comes later, old notices naming a new record by
each rule (title, DOI, citation, PubMed link), a new notice about an old record."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reviewkit.dedup import concerns_kept
from reviewkit.dedup.concerns import concerns_among
from reviewkit.dedup.concerns_kept import (
    keep_project_concerns,
    kept_project_concerns,
    project_concerns,
)
from reviewkit.records import Correction, Record
from reviewkit.store.db import Store
from reviewkit.store.records import add_import, add_records, iter_records

TITLES = [
    "Graded activity and sick leave in workers with low back pain: a randomised trial",
    "Case management for workers on sick leave with depression: a cluster trial",
    "Workplace dialogue for return to work after breast cancer: a pilot study",
    "Early vocational rehabilitation after traumatic brain injury: a cohort study",
    "Collaborative care between occupational and primary care physicians: a trial",
]
LATER = [
    "Participatory ergonomics for neck pain in office workers: a randomised trial",
    "Telephone coaching for return to work after myocardial infarction in men",
    "Problem solving therapy for nurses on long term sick leave: a randomised trial",
]
CITED = "Correction to Lancet Oncol 2021; 22: 872-82"
CITED_TWICE = "Erratum in: J Occup Rehabil. 2019;29(2):456"
NAMED = "Workplace health promotion for older workers in home care"


def _base() -> list[Record]:
    """Articles, and notices some of whose articles come only later."""
    articles = [
        Record(title=t, year=2019, pmid=f"3100000{k}", doi=f"10.1000/base.{k}")
        for k, t in enumerate(TITLES)
    ]
    # an article linked to a retraction (PMID 32000001) that is not among the records yet
    articles[1].comments_corrections = [Correction("RetractionIn", pmid="32000001")]
    notices = [
        Record(title=f"Erratum to: {TITLES[0]}", year=2020),
        Record(title=f"Retraction: {LATER[0]}", year=2022),  # its article comes later
        Record(  # PubMed's link to an article that comes later
            title="Retraction notice",
            year=2022,
            publication_types=["Retraction of Publication"],
            comments_corrections=[Correction("RetractionOf", pmid="33000002")],
        ),
        Record(title="Correction to: 10.1000/later.3", year=2022),  # names a DOI yet unseen
        Record(title=CITED, year=2022),
        Record(title=CITED_TWICE, year=2020),  # its article here; two more at its place later
    ]
    cited = Record(
        title="Graded return to work for nurses after sick leave",
        journal="J Occup Rehabil",
        year=2019,
        volume="29",
        pages="456-60",
    )
    # a notice naming a title its article here has with a subtitle; the title word for word
    # comes later, on a record published after the notice (so it takes the notice from both)
    near = Record(title=f"{NAMED}: a cluster randomised trial", year=2018)
    # a notice linked to a PMID that comes later as another notice's: then its link names no
    # article (a notice concerns no notice), and its title's article is no longer its own
    linked_later = Record(
        title=f"Erratum to: {TITLES[4]}",
        year=2020,
        comments_corrections=[Correction("ErratumFor", pmid="36000001")],
    )
    return [
        *articles,
        cited,
        near,
        *notices,
        Record(title=f"Erratum to: {NAMED}", year=2019),
        linked_later,
    ]


def _add(db: Store, records: list[Record]) -> None:
    with db.transaction():
        made = add_import(db, source="x", path="x.ris", fmt="ris", sha256=str(len(records)))
        add_records(db, records, import_id=made)


def _all_again(db: Store) -> dict:
    return concerns_among(dict(iter_records(db)))


def _same_as_all_again(db: Store) -> None:
    """Read without keeping, kept, and read as kept: each what every record gives."""
    again = _all_again(db)
    assert project_concerns(db) == again
    assert keep_project_concerns(db) == again
    assert kept_project_concerns(db) == again


BATCHES = {
    "new articles with their own marks": [
        Record(title=f"RETRACTED: {LATER[1]}", year=2021),
        Record(title=LATER[2], year=2021, publication_types=["Retracted Publication"]),
        Record(  # linked to a notice among the records already (pmid of none: by type)
            title="Sit-stand desks and sickness absence in call centre staff",
            year=2021,
            comments_corrections=[Correction("ErratumIn", pmid="31000000")],
        ),
    ],
    "the record of an old article's notice": [
        Record(title="Graded activity in primary care: a reanalysis", pmid="32000001", year=2021)
    ],
    "an old notice's article by its title": [Record(title=LATER[0], year=2021)],
    "an old notice's article by its PubMed link": [
        Record(title="Job crafting intervention for teachers", pmid="33000002", year=2021)
    ],
    "an old notice's article by its DOI": [
        Record(title="Exercise at work for cleaners", doi="10.1000/later.3", year=2021)
    ],
    "an old notice's article by its citation": [
        Record(
            title="Return to work after treatment for lung cancer",
            journal="Lancet Oncol",
            year=2021,
            volume="22",
            pages="872-82",
        )
    ],
    "two articles at one cited place": [
        Record(
            title=f"Two articles at one place, number {k} of the pair",
            journal="J Occup Rehabil",
            year=2019,
            volume="29",
            pages="456-60",
        )
        for k in (1, 2)
    ],
    "the title an old notice names, published after it": [Record(title=NAMED, year=2023)],
    "a new notice about an old record": [Record(title=f"Correction to: {TITLES[2]}", year=2023)],
    "a new notice about a record of an earlier batch": [
        Record(title=f"Expression of concern: {LATER[0]}", year=2023),
        Record(title="Correction to: 10.1000/later.3", year=2023),  # a DOI an old one names
    ],
    "a notice and its article together, cited": [
        Record(
            title="Early mobilisation for sick-listed bus drivers",
            journal="Scand J Work Environ Health",
            year=2023,
            volume="49",
            pages="101-9",
        ),
        Record(title="Erratum in: Scand J Work Environ Health. 2023;49(2):101", year=2023),
        Record(title=f"Retraction: {LATER[2]}", pmid="34000001", year=2023),
    ],
    "a notice of the PMID an old notice links to": [
        Record(title="Erratum", pmid="36000001", publication_types=["Published Erratum"])
    ],
    "an article another new notice links to, and that notice": [
        Record(title="Return to work coordinators in the Dutch police force", pmid="35000001"),
        Record(
            title="Retraction notice",
            year=2024,
            publication_types=["Retraction of Publication"],
            comments_corrections=[Correction("RetractionOf", pmid="35000001")],
        ),
    ],
}


def test_each_batch_as_all_found_again(project_b, monkeypatch) -> None:
    """Batch after batch, each kept from what was kept before: never every record again."""
    db = project_b.db
    _add(db, _base())
    _same_as_all_again(db)
    find = concerns_kept._find
    monkeypatch.setattr(concerns_kept, "_find", _refused)
    for name, batch in BATCHES.items():
        _add(db, batch)
        _same_as_all_again(db)
        assert kept_project_concerns(db) is not None, name
    monkeypatch.setattr(concerns_kept, "_find", find)
    # each rule was met: a concern on every later article but the pair at one place
    found = _all_again(db)
    ids = {r.title: i for i, r in iter_records(db)}
    assert ids[LATER[0]] in found and ids["Exercise at work for cleaners"] in found
    assert ids["Return to work after treatment for lung cancer"] in found
    assert [c.notice for c in found[ids[TITLES[1]]]] == [
        ids["Graded activity in primary care: a reanalysis"]
    ]


@pytest.mark.parametrize("notice_first", [True, False])
def test_notice_and_article_in_two_batches(project_b, monkeypatch, notice_first) -> None:
    """A notice added in one batch about the article of another, in either order."""
    article = Record(title=TITLES[3], year=2019, doi="10.1000/x.1")
    notice = Record(title=f"Erratum to: {TITLES[3]}", year=2020)
    db = project_b.db
    _add(db, [Record(title=TITLES[4], year=2018)])
    keep_project_concerns(db)
    monkeypatch.setattr(concerns_kept, "_find", _refused)
    for batch in ([notice], [article]) if notice_first else ([article], [notice]):
        _add(db, batch)
        _same_as_all_again(db)
    assert len(_all_again(db)) == 1


def test_new_articles_named_by_no_notice_read_no_other_record(project_b, monkeypatch) -> None:
    """Ten articles added to a project with notices: their own marks are found, and what was
    kept is joined to them without reading every record again."""
    db = project_b.db
    _add(db, _base())
    keep_project_concerns(db)
    monkeypatch.setattr(concerns_kept, "_find", _refused)
    batch = [Record(title=f"RETRACTED: A new article number {k} on work") for k in range(10)]
    _add(db, batch)
    found = keep_project_concerns(db)
    monkeypatch.undo()
    assert found == _all_again(db)
    assert kept_project_concerns(db) == found


def _refused(db):
    raise AssertionError("every record was read again")


_IMPORT = """
import sys
from reviewkit.dedup.concerns_kept import keep_project_concerns
from reviewkit.records import Record
from reviewkit.store.db import Store
from reviewkit.store.records import add_import, add_records
db = Store.open(sys.argv[1])
for k in range(5):
    with db.transaction():
        made = add_import(db, source="x", path="x.ris", fmt="ris", sha256=sys.argv[2] + str(k))
        add_records(db, [Record(title=f"{sys.argv[2]}: RETRACTED: trial {k} of sick leave")],
                    import_id=made)
    keep_project_concerns(db)
"""


def test_two_processes_importing_at_once(project_b) -> None:
    """Two processes adding records and keeping the notices at once: what is kept last is
    every concern once, as found over every record."""
    db = project_b.db
    _add(db, _base())
    keep_project_concerns(db)
    path = str(project_b.folder / "review.sqlite")
    procs = [
        subprocess.Popen([sys.executable, "-c", _IMPORT, path, name], cwd=Path.cwd())
        for name in ("first", "second")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    # what the two left kept, where it is for the records as they are, before any find here
    left = kept_project_concerns(db)
    assert left is None or left == _all_again(db)
    keep_project_concerns(db)
    assert kept_project_concerns(db) == _all_again(db)
    rows = db.conn.execute("SELECT record_id, kind FROM record_concerns").fetchall()
    assert len(rows) == len(set(rows))
    assert len(rows) == sum(len(cs) for cs in _all_again(db).values())


def test_many_new_records_at_one_place_are_found_again_at_once(project_b, monkeypatch) -> None:
    """New records at one place (year, volume, first page: an abstract book's, a copied
    citation) are each read apart with every kept notice; where that would read the notices
    more often than a full find reads records, every notice is found again at once."""
    from reviewkit.dedup import concerns_added

    db = project_b.db
    _add(db, _base())
    keep_project_concerns(db)
    reads = []
    real = concerns_added.concerns_and_targets
    monkeypatch.setattr(
        concerns_added,
        "concerns_and_targets",
        lambda *args: reads.append(1) or real(*args),
    )
    at_one_place = [
        Record(
            title=f"Abstract {k} on sickness absence in a cohort of workers",
            journal="Occup Environ Med",
            year=2019,
            volume="76",
            pages="A1",
        )
        for k in range(8)
    ]
    _add(db, at_one_place)
    assert keep_project_concerns(db) == _all_again(db)
    # 8 apart, 7 kept notices, 14 records kept: one read of every record instead
    assert reads == []


def test_records_without_pmid_added_to_a_marked_article(project_b) -> None:
    """An article known retracted by its own mark (no notice, no PMID) stays so when
    records without a PMID are added: a PMID left empty names no notice's record."""
    db = project_b.db
    _add(db, [Record(title=f"RETRACTED: {TITLES[0]}", year=2019)])
    keep_project_concerns(db)
    _add(db, [Record(title=TITLES[1], year=2020), Record(title=TITLES[2], year=2021)])
    _same_as_all_again(db)
    assert [c.notice for cs in _all_again(db).values() for c in cs] == [None]
