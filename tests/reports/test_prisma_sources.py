"""PRISMA: one line per database (searches and file imports together) and an "other methods"
box for sources that are not databases."""

from __future__ import annotations

import csv

from reports.update_versions import search_run

from reviewkit.records import Record
from reviewkit.reports import prisma
from reviewkit.reports.report import prisma_table
from reviewkit.reports.writers import write_csv


def test_one_line_per_database_and_other_methods_apart(project_b, store, tmp_path):
    search_run(project_b, 7)
    store(project_b, [Record(title=f"Imported {i}", year=2019) for i in range(4)], "PubMed")
    store(project_b, [Record(title=f"Embase {i}", year=2019) for i in range(3)], "Embase")
    store(project_b, [Record(title=f"Ref {i}", year=2018) for i in range(2)], "snowballing")
    store(project_b, [Record(title=f"Web {i}", year=2018) for i in range(5)], "Google Scholar")
    c = prisma.collect_counts(project_b)
    assert c.databases == {"PubMed": 11, "Embase": 3}
    assert c.other_sources == {"snowballing": 2, "Google Scholar": 5}
    assert prisma.check(c) == []
    rows = list(csv.reader(write_csv([prisma_table(c)], tmp_path)[0].open(encoding="utf-8")))
    items = {item: int(n) for _, item, n in rows[1:]}
    assert items["database: PubMed"] == 11 and "database: PubMed (n" not in items
    assert items["other method: snowballing"] == 2
    boxes, _ = prisma.layout(c)
    (other,) = [b for b in boxes if b.text.startswith("Records identified from:") and b.col == 2]
    assert "snowballing (n = 2)" in other.text and "PubMed" not in other.text
    databases = next(b for b in boxes if b.text.startswith("Records identified from:"))
    assert databases.col == 0
    assert databases.text.count("PubMed (n = 11)") == 1 and "snowballing" not in databases.text
    # each stored search is listed under the database it ran in, not under the last database
    lines = [line.strip() for line in databases.text.splitlines()]
    assert lines[lines.index("PubMed (n = 11)") + 1] == "search a1 (n = 7)"
    assert lines.index("Embase (n = 3)") > lines.index("search a1 (n = 7)")
    assert databases.text.endswith("Total (n = 14)") and other.text.endswith("Total (n = 7)")
    prisma.draw(c, tmp_path / "prisma.png")  # the extra column and its arrows draw


def test_other_methods_run_down_their_own_column(project_b, store, tmp_path):
    """PRISMA 2020's template (Page et al. 2021, fig. 1) gives other methods a column of their
    own, down to reports assessed, joining the databases' at "Studies included". They had one
    box whose records joined the databases' flow: a reader could not tell what snowballing
    added. A snowballed record of a study a database found too is removed before screening."""
    search_run(project_b, 4)
    ids = store(project_b, [Record(title=f"Ref {i}", year=2018) for i in range(3)], "snowballing")
    ids += store(
        project_b, [Record(title="Searched study 0", pmid="500", year=2020)], "NAV website"
    )
    from reviewkit.dedup.engine import run_dedup

    run_dedup(project_b.db)  # record 500 of the website is the search's first: a PMID match
    c = prisma.collect_counts(project_b)
    assert prisma.check(c) == []
    databases, other = c.columns()
    assert (other.also_in_databases, other.duplicates, other.screened) == (1, 0, 3)
    assert (databases.duplicates, databases.screened) == (0, 4)
    boxes, _ = prisma.layout(c)
    by_col = {col: [b for b in boxes if b.col == col and b.kind != "heading"] for col in range(4)}
    assert [b.text.split("\n")[0] for b in by_col[2]] == [
        "Records identified from:",
        "Records screened (n = 3)",
        "Reports sought for",
        "Reports assessed for",
    ]
    assert " ".join(by_col[3][0].text.split()) == (
        "Records removed before screening: Already identified via databases and registers"
        " (n = 1) Duplicate records removed (n = 0)"
    )
    rows = list(csv.reader(write_csv([prisma_table(c)], tmp_path)[0].open(encoding="utf-8")))
    items = {(section, item): int(n) for section, item, n in rows[1:]}
    assert items["other methods", "records screened"] == 3
    assert items["databases and registers", "records screened"] == 4
    assert (
        "databases and registers",
        "records removed: already identified via databases",
    ) not in items
    assert items["other methods", "records removed: already identified via databases"] == 1
    assert items["screening", "records screened"] == 7  # all sources, as before


def test_which_sources_are_other_methods():
    from reviewkit.reports.prisma.collect import is_other_method

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
    search_run(project_b, 7)
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
    rows = list(csv.reader(write_csv([prisma_table(c)], tmp_path)[0].open(encoding="utf-8")))
    items = {item: int(n) for _, item, n in rows[1:]}
    assert items["database: PubMed (imported files)"] == 5
    assert "database: Embase (imported files)" not in items


def test_long_search_names_stay_whole_in_the_four_column_layout():
    """'search d5-musculoskeletal-work' broke at its hyphens ('d5-' / 'musculoskeletal-' /
    'work') in the narrow columns: lines wrap at spaces only, and a box with a name too long for
    its column is set smaller so the name stays whole (a name too long even then breaks after a
    hyphen, and only that name)."""
    from reviewkit.reports.prisma.layout import FONT_PT, MIN_FONT_PT, WRAP_NARROW

    names = {"d5-musculoskeletal-work": 12, "d4-mental-health-work": 7, "a1": 3}
    c = prisma.PrismaCounts(
        databases={"PubMed": 22},
        searches=names,
        search_databases=dict.fromkeys(names, "PubMed"),
        other_sources={"citation searching": 2},
        reason_labels={"x": "Wrong population, not on sick leave"},
        flow=prisma.Flow(excluded_screening={"x": 1}),
    )
    boxes, _ = prisma.layout(c)
    ident = next(b for b in boxes if b.text.startswith("Records identified from:") and b.col == 0)
    lines = [line.strip() for line in ident.text.splitlines()]
    for name in names:
        assert any(name in line.split() for line in lines), lines
    assert not any(line.endswith("-") for b in boxes for line in b.text.splitlines())
    assert MIN_FONT_PT <= ident.font < FONT_PT  # set smaller, not cut
    for b in boxes:
        if b.kind not in ("phase", "heading"):  # every line fits its column at its font
            assert all(len(line) * b.font <= WRAP_NARROW * FONT_PT for line in b.text.splitlines())
    assert all(b.font == FONT_PT for b in boxes if "Wrong population" in b.text)
    c.searches = {"d6-general-practice-and-primary-care-gp-and-employer": 1}
    c.search_databases = {"d6-general-practice-and-primary-care-gp-and-employer": "PubMed"}
    boxes, _ = prisma.layout(c)
    ident = next(b for b in boxes if b.text.startswith("Records identified from:"))
    assert ident.font == MIN_FONT_PT
    lines = [line.strip() for line in ident.text.splitlines()]
    assert "search d6-general-" in lines and "and-employer (n = 1)" in lines


def test_other_methods_boxes_are_the_templates_grey(project_b, store, tmp_path):
    """The template greys its optional boxes (Page et al. 2021, fig. 1: "The boxes in grey should
    only be completed if applicable"): other methods' column is grey, the databases' flow white."""
    from reviewkit.reports.prisma.figure import OPTIONAL_BOX

    search_run(project_b, 4)
    store(project_b, [Record(title=f"Ref {i}", year=2018) for i in range(3)], "snowballing")
    c = prisma.collect_counts(project_b)
    boxes, _ = prisma.layout(c)
    other = [b for b in boxes if b.kind == "box" and b.col in (2, 3)]
    svg = prisma.draw(c, tmp_path / "prisma.svg").read_text(encoding="utf-8")
    assert len(other) >= 4 and svg.count(f"fill: {OPTIONAL_BOX}") == len(other)
    svg = prisma.draw(prisma.PrismaCounts(), tmp_path / "plain.svg").read_text(encoding="utf-8")
    assert OPTIONAL_BOX not in svg  # without other methods nothing is grey


def test_norwegian_source_names_of_other_methods():
    """Review B's users name their sources in Norwegian (DOMAIN.md): the welfare agency NAV,
    a directorate's website, grey literature, reference lists. They were read as databases,
    so the diagram put them in the databases' column and the search log under item 1."""
    from reviewkit.searches.source_kinds import is_other_method

    for name in (
        "NAV",
        "nav.no",
        "NAVs nettsider",
        "Helsedirektoratet",
        "Arbeids- og velferdsdirektoratet",
        "Arbeids- og inkluderingsdepartementet",
        "grå litteratur",
        "referanselister",
        "snøballmetoden",
        "håndsøk",
        "kontakt med eksperter",
        "hjemmeside",
    ):
        assert is_other_method(name), name
    for name in ("Navigator database", "SveMed+", "Idunn", "ClinicalTrials.gov", "WHO ICTRP"):
        assert not is_other_method(name), name
