"""PRISMA: one line per database (searches and file imports together) and an "other methods"
box for sources that are not databases."""

from __future__ import annotations

import csv

from reviewkit.records import Record
from reviewkit.reports import prisma
from reviewkit.store import records as record_rows
from reviewkit.store import searches as search_rows


def _search_run(project, n: int) -> None:
    db = project.db
    run = search_rows.start_run(
        db,
        search_name="a1",
        database="PubMed",
        interface="E-utilities",
        query="q",
        full_query="q",
        limits={},
    )
    recs = [Record(title=f"Searched study {i}", pmid=str(500 + i), year=2020) for i in range(n)]
    with db.transaction():
        record_rows.add_records(db, recs, search_run_id=run)
    search_rows.set_result(
        db, run, count=n, translation="q", pmids=[r.pmid for r in recs], slices=1
    )
    search_rows.finish_run(db, run, status="complete")


def test_one_line_per_database_and_other_methods_apart(project_b, store, tmp_path):
    _search_run(project_b, 7)
    store(project_b, [Record(title=f"Imported {i}", year=2019) for i in range(4)], "PubMed")
    store(project_b, [Record(title=f"Embase {i}", year=2019) for i in range(3)], "Embase")
    store(project_b, [Record(title=f"Ref {i}", year=2018) for i in range(2)], "snowballing")
    store(project_b, [Record(title=f"Web {i}", year=2018) for i in range(5)], "Google Scholar")
    c = prisma.collect_counts(project_b)
    assert c.databases == {"PubMed": 11, "Embase": 3}
    assert c.other_sources == {"snowballing": 2, "Google Scholar": 5}
    assert prisma.check(c) == []
    rows = list(csv.reader(prisma.write_csv(c, tmp_path / "p.csv").open(encoding="utf-8")))
    items = {item: int(n) for _, item, n in rows[1:]}
    assert items["database: PubMed"] == 11 and "database: PubMed (n" not in items
    assert items["other method: snowballing"] == 2
    boxes, _ = prisma.layout(c)
    (other,) = [b for b in boxes if b.kind == "other"]
    assert other.text.startswith("Records identified via other methods:")
    assert "snowballing (n = 2)" in other.text and "PubMed" not in other.text
    databases = next(b for b in boxes if b.text.startswith("Records identified from databases"))
    assert databases.text.count("PubMed (n = 11)") == 1 and "snowballing" not in databases.text
    # each stored search is listed under the database it ran in, not under the last database
    lines = [line.strip() for line in databases.text.splitlines()]
    assert lines[lines.index("PubMed (n = 11)") + 1] == "search a1 (n = 7)"
    assert lines.index("Embase (n = 3)") > lines.index("search a1 (n = 7)")
    assert any(b.text.startswith("Records from all sources (n = 21)") for b in boxes)
    prisma.draw(c, tmp_path / "prisma.png")  # the extra box and its arrow draw


def test_which_sources_are_other_methods():
    from reviewkit.reports.prisma.counts import is_other_method

    for name in (
        "citation searching",
        "Snowballing",
        "reference lists",
        "Google Scholar",
        "NAV website",
        "contacting experts",
        "hand-searching",
        "grey literature",
        "other sources",
    ):
        assert is_other_method(name), name
    for name in ("PubMed", "Embase", "RIS import", "JSTOR", "Cochrane CENTRAL", "PsycINFO"):
        assert not is_other_method(name), name


def test_a_database_line_adds_up_with_its_imported_files(project_b, store, tmp_path):
    """PubMed's line counts its searches and a PubMed file imported beside them: the lines under
    it say so, or a reader finds 11 under 'PubMed (n = 12)' and no record of the other one."""
    _search_run(project_b, 7)
    store(project_b, [Record(title=f"From nbib {i}", year=2019) for i in range(5)], "pubmed")
    store(project_b, [Record(title=f"Embase {i}", year=2019) for i in range(3)], "Embase")
    c = prisma.collect_counts(project_b)
    boxes, _ = prisma.layout(c)
    databases = next(b for b in boxes if b.text.startswith("Records identified from"))
    lines = [line.strip() for line in databases.text.splitlines()]
    at = lines.index("PubMed (n = 12)")
    assert lines[at + 1 : at + 3] == ["search a1 (n = 7)", "imported files (n = 5)"]
    # a database with no stored search is its imports alone: no breakdown under it
    assert lines[lines.index("Embase (n = 3)") + 1] == "Total (n = 15)"
    rows = list(csv.reader(prisma.write_csv(c, tmp_path / "p.csv").open(encoding="utf-8")))
    items = {item: int(n) for _, item, n in rows[1:]}
    assert items["database: PubMed (imported files)"] == 5
    assert "database: Embase (imported files)" not in items
