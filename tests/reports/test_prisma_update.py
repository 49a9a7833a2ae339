"""PRISMA 2020's updated-review diagram (Page et al. 2021, fig. 1, "new and updated reviews"):
the boxes above "New studies included" count only the records found since the recorded
version. They counted the whole flow: "Reports assessed (n = 3)" above "New studies included
(n = 1)", the previous version's reports among them."""

from __future__ import annotations

import csv

from reports.update_versions import box_texts, run_report, search_run, versioned_update

from reviewkit.cli import main
from reviewkit.dedup.engine import run_dedup
from reviewkit.records import Record
from reviewkit.reports import prisma


def test_update_flow_counts_only_the_records_since_the_version(project_b, tmp_path, capsys):
    versioned_update(project_b, tmp_path)
    c = prisma.collect_counts(project_b)
    assert prisma.check(c) == []
    assert c.update and c.version == "v1" and c.new_records == 4
    assert c.databases == {"PubMed": 4} and c.searches == {"a1": 4}
    assert (c.duplicates_automatic, c.duplicates_manual) == (1, 0)  # 500 again, by its PMID
    f = c.flow
    assert (f.screened, sum(f.excluded_screening.values()), f.awaiting_screening) == (3, 1, 0)
    assert (f.sought, f.not_retrieved, f.assessed) == (2, 0, 2)
    assert (sum(f.excluded_full_text.values()), f.included) == (1, 1)
    # the total: the version's 500 still included, 501 (its record) since, 504 new
    assert (c.previous_included, c.still_included, c.since_included, c.included) == (1, 1, 1, 3)

    texts = box_texts(c)
    for box in (
        "Records identified since version v1 from: PubMed (n = 4) search a1 (n = 4) Total (n = 4)",
        "Duplicate records removed (n = 1) automatically (n = 1) by hand (n = 0)",
        "Records screened (n = 3)",
        "Reports sought for retrieval (n = 2)",
        "Reports assessed for eligibility (n = 2)",
        "New studies included in review (n = 1)",
        "Studies included in previous version of review (n = 1)"
        " Reports of studies included in previous version of review (n = 1)"
        " studies of its records included since (n = 1)",
        "Total studies included in review (n = 3)",
    ):
        assert box in texts, box

    out = tmp_path / "prisma"
    assert main(["prisma", "--project", str(project_b.folder), "--out", str(out)]) == 0
    with (out / "prisma.csv").open(encoding="utf-8") as f:
        items = {item: int(n) for _, item, n in list(csv.reader(f))[1:]}
    assert items["records identified"] == 4 and items["records screened"] == 3
    assert items["reports assessed for eligibility"] == 2 and items["new studies included"] == 1
    assert items["of the version's records, included since"] == 1
    assert items["studies included"] == 3


def test_update_other_methods_column_counts_the_update_only(project_b, store, tmp_path):
    """Snowballing before the version stays out of the update; snowballing since runs down the
    other methods' column of the update (its record of a study found before is removed)."""
    search_run(project_b, 2)
    old = Record(title="Old reference", doi="10.1000/old.1", year=2015)
    store(project_b, [old], "snowballing")
    assert run_report(project_b, tmp_path, "--format", "csv", "--new-version", "v1") == 0
    search_run(project_b, 1, first=2)
    store(
        project_b,
        [
            Record(title="New reference", year=2022),
            Record(title="Old reference", doi="10.1000/old.1", year=2015),
        ],
        "snowballing",
    )
    run_dedup(project_b.db)  # the old reference again: its DOI
    c = prisma.collect_counts(project_b)
    assert prisma.check(c) == []
    assert c.databases == {"PubMed": 1} and c.other_sources == {"snowballing": 2}
    databases, other = c.columns()
    assert (databases.screened, other.screened, other.removed) == (1, 1, 1)


def test_a_new_report_of_an_earlier_study_comes_down_the_flow(project_b, include_all, tmp_path):
    """With reports grouped into studies, a report found since the version of a study the
    version included is screened and assessed in the update's flow; its study is not new."""

    from reports.conftest import ips_trial_reports, store_records

    from reviewkit.dedup.studies import decide_study_link, suggest_study_links

    protocol, main_paper, follow_up, *_ = ips_trial_reports()
    before = store_records(project_b, [protocol, main_paper], "PubMed")
    include_all(project_b, before)
    suggest_study_links(project_b.db)
    decide_study_link(project_b.db, before[0], before[1], True, "ann")
    assert run_report(project_b, tmp_path, "--format", "csv", "--new-version", "v1") == 0
    (since,) = store_records(project_b, [follow_up], "PubMed")
    include_all(project_b, [since])
    suggest_study_links(project_b.db)
    decide_study_link(project_b.db, before[1], since, True, "ann")
    c = prisma.collect_counts(project_b)
    assert prisma.check(c) == []
    assert (c.flow.screened, c.flow.assessed, c.flow.included, c.included) == (1, 1, 1, 3)
    assert (c.studies_included, c.still_studies, c.new_studies) == (1, 1, 0)
    assert c.new_reports_of_earlier == 1
    assert (
        "New studies included in review (n = 0) Reports of new included studies (n = 1)"
        " of which new reports of studies included before (n = 1)"
    ) in box_texts(c)


def test_previous_studies_have_their_column_and_arrow_into_the_total(project_b, tmp_path):
    """The update template (Page et al. 2021, fig. 1) puts the previous version's studies in a
    "Previous studies" column beside identification, with an arrow down into "Total studies
    included in review". They were a box beside "New studies included" with no arrow at all:
    a reader could not see that the total adds them."""
    from reviewkit.reports.prisma.layout import PREVIOUS_COL, previous_arrow

    versioned_update(project_b, tmp_path)
    boxes, _ = prisma.layout(prisma.collect_counts(project_b))
    (previous,) = [b for b in boxes if b.kind == "previous"]
    assert previous.text.startswith("Studies included in") and previous.col == PREVIOUS_COL
    heading = next(b for b in boxes if b.kind == "heading" and b.col == PREVIOUS_COL)
    assert " ".join(heading.text.split()) == "Previous studies" and heading.x == previous.x
    ident = next(b for b in boxes if b.text.startswith("Records identified"))
    total = next(b for b in boxes if b.text.startswith("Total studies included"))
    assert previous.x + previous.w < ident.x  # left of the flow, in the identification row
    assert previous.y < ident.y + ident.h and ident.y < previous.y + previous.h
    points = previous_arrow(boxes)
    assert points[0] == (previous.x + previous.w / 2, previous.y)  # from its lower edge...
    assert points[-1] == (total.x, total.y + total.h / 2)  # ...into the total's side
    (x, top), (_, y) = points[0], points[1]
    for b in boxes:  # the line down crosses no other box
        if b is not previous and b.kind != "heading":
            assert not (b.x <= x <= b.x + b.w and b.y < top and b.y + b.h > y), b.text
    assert previous_arrow(prisma.layout(prisma.PrismaCounts())[0]) == []
    from reviewkit.reports.prisma.figure import OPTIONAL_BOX  # the template's grey, as optional

    svg = prisma.draw(prisma.collect_counts(project_b), tmp_path / "u.svg").read_text("utf-8")
    assert svg.count(f"fill: {OPTIONAL_BOX}") == 1  # the previous version's box only


def _named_run(project, name: str, pmids: list[str]) -> None:
    """A complete run of stored search ``name`` in PubMed storing the records of ``pmids``."""
    from reviewkit.store import records as record_rows
    from reviewkit.store import searches as search_rows

    db = project.db
    run = search_rows.start_run(
        db, search_name=name, database="PubMed", interface="E-utilities", query="q",
        full_query="q", limits={},
    )  # fmt: skip
    with db.transaction():
        record_rows.add_records(
            db, [Record(title=f"Study {p}", pmid=p, year=2020) for p in pmids], search_run_id=run
        )
    search_rows.set_result(db, run, count=len(pmids), translation="q", pmids=pmids, slices=1)
    search_rows.finish_run(db, run, status="complete")


def test_update_box_lists_only_the_searches_that_identified_records(project_b, tmp_path):
    """PRISMA 2020's box counts records identified; every search run, also one that found
    nothing new, is in the PRISMA-S search log. The update's box listed 'search b2 (n = 0)' for
    a search not run since the version, which a reader took for a search run in the update."""
    b1, b2 = "b1-collaboration-models", "b2-job-specialist"  # the protocol's stored searches
    _named_run(project_b, b1, ["600", "601"])
    _named_run(project_b, b2, ["700"])
    _named_run(project_b, "a3", ["800"])
    assert run_report(project_b, tmp_path, "--format", "csv", "--new-version", "v1") == 0
    _named_run(project_b, b1, ["602"])  # a rerun that found a record
    _named_run(project_b, "a3", [])  # a rerun that found nothing new; b2 not run since
    c = prisma.collect_counts(project_b)
    assert prisma.check(c) == [] and c.update
    assert c.databases == {"PubMed": 1} and c.searches == {b1: 1}
    texts = box_texts(c)
    assert f"Records identified since version v1 from: PubMed (n = 1) search {b1} (n = 1)" in texts
    assert b2 not in texts and "a3" not in texts and "(n = 0) Total" not in texts
    items = [item for _, item, _ in c.rows()]
    assert not [item for item in items if b2 in item or "a3" in item]
    assert run_report(project_b, tmp_path, "--format", "csv") == 0
    log = (tmp_path / "exports" / "search-log.md").read_text(encoding="utf-8")
    assert f"## {b2}" in log and "Not run yet" not in log  # every stored search is logged


def test_other_methods_removal_says_what_it_holds(project_b, store, tmp_path):
    """A record snowballed since the version of a study snowballed for it was counted as
    "Already identified via databases and registers": no database had found it. Those found
    before the version have a line of their own; the databases' line keeps the rest."""
    search_run(project_b, 1)
    store(project_b, [Record(title="Old reference", doi="10.1000/old.1", year=2015)], "snowballing")
    assert run_report(project_b, tmp_path, "--format", "csv", "--new-version", "v1") == 0
    search_run(project_b, 1, first=1)  # PMID 501, new since the version
    again = [
        Record(title="Old reference", doi="10.1000/old.1", year=2015),  # found before v1
        Record(title="Searched study 1", pmid="501", year=2020),  # the new search's record
        Record(title="New reference", year=2022),
    ]
    store(project_b, again, "snowballing")
    run_dedup(project_b.db)
    c = prisma.collect_counts(project_b)
    assert prisma.check(c) == []
    databases, other = c.columns()
    assert (other.also_in_databases, other.found_before, other.duplicates) == (1, 1, 0)
    assert (other.screened, databases.screened, databases.duplicates) == (1, 1, 0)
    assert (
        "Records removed before screening: Already identified via databases and registers"
        " (n = 1) Identified before version v1 (n = 1) Duplicate records removed (n = 0)"
    ) in box_texts(c)
    items = {(section, item): n for section, item, n in c.rows()}
    assert items["other methods", "records removed: identified before the version"] == 1
    assert items["other methods", "records removed: already identified via databases"] == 1


def test_the_report_finds_the_update_version_once(project_b, tmp_path, monkeypatch):
    """The flow's counts and the tables' "New since" column start from one version, read once
    (each asked for it: every version, and the records after each, read twice)."""
    from reviewkit.reports.prisma import update

    versioned_update(project_b, tmp_path)
    real, calls = update.version_to_update, []

    def counted(db):
        calls.append(db)
        return real(db)

    monkeypatch.setattr(update, "version_to_update", counted)
    assert run_report(project_b, tmp_path, "--format", "csv") == 0
    assert len(calls) == 1
    tables = "\n".join(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.csv"))
    assert "New since v1" in tables  # and the column is there, from that one version
