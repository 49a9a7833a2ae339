"""PRISMA 2020: the sums on hand-made counts, the layout, the drawing, and the counts from a project."""

from __future__ import annotations

import csv
from pathlib import Path

from reports.conftest import review_a_counts

from reviewkit import screening
from reviewkit.records import Record
from reviewkit.reports import prisma
from reviewkit.reports.report import prisma_table
from reviewkit.reports.writers import write_csv
from reviewkit.store import duplicates as dup


def test_hand_made_counts_add_up():
    assert prisma.check(review_a_counts()) == []


def test_check_fails_when_numbers_do_not_add_up():
    assert prisma.check(review_a_counts(included=66)) == [
        "assessed = excluded + awaiting + included: 110 != 109"
    ]
    assert prisma.check(review_a_counts(duplicates=26))[0].startswith(
        "identified - duplicates = screened"
    )
    # an update's flow ends in its new studies (67 here); the total is the previous version's
    # still included and the new
    bad = review_a_counts(update=True, total_included=126, previous_included=60, still_included=60)
    assert prisma.check(bad) == ["included = previous still included + new: 126 != 127"]


def test_csv_gives_the_previous_versions_studies_as_the_diagram_does():
    """Counts that give a version's reports only (previous_studies 0): the diagram's box says
    its reports' number for its studies too; prisma.csv said 0 studies when reports were linked
    (the linked rows were a near copy of the others, and had lost that rule)."""
    for linked in (None, 60):
        c = review_a_counts(
            update=True,
            version="v1",
            previous_included=2,
            still_included=2,
            total_included=69,
            studies_included=linked,
        )
        rows = {item: n for _, item, n in c.rows()}
        assert rows["studies included in previous version"] == 2
        words = " ".join(
            " ".join(b.text.replace("\u00a0", " ").split()) for b in prisma.layout(c)[0]
        )
        assert "Studies included in previous version of review (n = 2)" in words


def test_layout_boxes_never_overlap_and_fit_a4_width():
    many = review_a_counts(
        other_sources={"snowballing": 5, "Google Scholar": 7},
        excluded_screening={f"reason-{i}": 1 for i in range(9)},
        update=True,
        previous_included=60,
        still_included=60,
        total_included=127,
        new_records=30,
    )
    for counts in (review_a_counts(), many, prisma.PrismaCounts()):
        boxes, height = prisma.layout(counts)
        assert height > 0
        for i, a in enumerate(boxes):
            assert a.x >= 0 and a.x + a.w <= prisma.PAGE_W and a.y >= 0 and a.y + a.h <= height
            for b in boxes[i + 1 :]:
                if a.kind != "phase" and b.kind != "phase":
                    assert not a.overlaps(b), (a.text, b.text)
            if a.kind == "phase":
                assert a.h >= prisma.phase_label_height(a.text)
        # every text line fits its box's wrap width (a heading over both columns: twice that)
        for b in boxes:
            if b.kind == "heading":
                columns = 1 if b.w < prisma.PAGE_W / 2 else 2
                assert max(len(line) for line in b.text.splitlines()) <= prisma.WRAP_LEFT * columns
            elif b.kind != "phase":
                assert max(len(line) for line in b.text.splitlines()) <= prisma.WRAP_LEFT


def test_diagram_has_the_templates_column_headings_and_removal_lines(tmp_path: Path):
    """PRISMA 2020's template (Page et al. 2021, fig. 1): a heading over each column and the
    three kinds of records removed before screening, 0 for those reviewkit never removes."""
    boxes, _ = prisma.layout(review_a_counts())
    (heading,) = [b for b in boxes if b.kind == "heading"]
    assert heading.text == "Identification of studies via databases and registers"
    assert heading.y > max(b.y + b.h for b in boxes if b.kind != "heading")  # above the flow
    removed = next(b for b in boxes if b.text.startswith("Records removed before screening:"))
    assert " ".join(removed.text.split()) == (
        "Records removed before screening: Duplicate records removed (n = 27) automatically"
        " (n = 19) by hand (n = 8) Records marked as ineligible by automation tools (n = 0)"
        " Records removed for other reasons (n = 0)"
    )
    other = review_a_counts(databases={"PubMed": 182}, other_sources={"snowballing": 12})
    boxes, _ = prisma.layout(other)
    headings = [b for b in boxes if b.kind == "heading"]
    assert [" ".join(b.text.split()) for b in headings] == [
        "Identification of studies via databases and registers",
        "Identification of studies via other methods",
    ]
    (box,) = [b for b in boxes if b.text.startswith("Records identified from:") and b.col == 2]
    assert headings[1].x == box.x  # over the other methods' column
    svg = prisma.draw(other, tmp_path / "prisma.svg").read_text(encoding="utf-8")
    assert ">other methods</text>" in svg
    assert "Records removed for" in svg and "other reasons</text>" in svg  # wrapped in a column
    rows = list(csv.reader(write_csv([prisma_table(other)], tmp_path)[0].open(encoding="utf-8")))
    items = {item: int(n) for _, item, n in rows[1:]}
    assert items["duplicate records removed"] == 27
    assert items["records marked as ineligible by automation tools"] == 0
    assert items["records removed for other reasons"] == 0


def test_draw_png_svg_and_csv(tmp_path: Path):
    counts = review_a_counts()
    png = prisma.draw(counts, tmp_path / "prisma.png")
    svg = prisma.draw(counts, tmp_path / "prisma.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and text.count("<path") > 10
    rows = list(csv.reader(write_csv([prisma_table(counts)], tmp_path)[0].open(encoding="utf-8")))
    as_dict = {item: int(n) for _, item, n in rows[1:]}
    assert as_dict["records identified"] == 194 and as_dict["studies included"] == 67
    assert (
        as_dict["duplicates removed automatically"] == 19
        and as_dict["excluded: wrong-outcome"] == 30
    )


def test_counts_from_a_project_add_up(project_b, store):
    """Through the real functions: imports, dedup links by rule and by hand, both screening stages."""
    recs = [Record(title=f"Study number {i}", year=2015 + i % 5) for i in range(12)]
    ids = store(project_b, recs[:8], "PubMed file") + store(project_b, recs[8:], "snowballing")
    db = project_b.db
    with db.transaction():
        dup.add_link(db, ids[0], ids[1], "duplicate", made_by="rule:doi")
        dup.add_link(db, ids[0], ids[2], "duplicate", made_by="rule:title")
        dup.add_link(db, ids[3], ids[9], "duplicate", made_by="person:ann")
        dup.add_link(db, ids[4], ids[5], "duplicate", made_by="rule:title")
        dup.add_link(db, ids[4], ids[5], "not_duplicate", made_by="person:ann")  # undone by hand
    proto = project_b.protocol
    studies = sorted(set(dup.canonical_map(db).values()))
    assert len(studies) == 9
    ta, ft = "title-abstract", "full-text"
    for n, sid in enumerate(studies):
        if n < 3:  # excluded at title-abstract, by both
            for r in proto.reviewers:
                screening.decide(db, sid, ta, r, "exclude", "wrong-population", protocol=proto)
        elif n == 3:  # conflict, not resolved
            screening.decide(db, sid, ta, "reviewer1", "include", protocol=proto)
            screening.decide(
                db, sid, ta, "reviewer2", "exclude", "no-collaboration", protocol=proto
            )
        elif n == 4:  # only one vote so far
            screening.decide(db, sid, ta, "reviewer1", "include", protocol=proto)
        else:
            for r in proto.reviewers:
                screening.decide(db, sid, ta, r, "include", protocol=proto)
    full = studies[5:]
    for r in proto.reviewers:
        screening.decide(db, full[0], ft, r, "exclude", "no-full-text", protocol=proto)
        screening.decide(db, full[1], ft, r, "exclude", "health-only", protocol=proto)
        screening.decide(db, full[2], ft, r, "include", protocol=proto)
    c = prisma.collect_counts(project_b)
    assert prisma.check(c) == []
    assert c.databases == {"PubMed file": 8} and c.other_sources == {"snowballing": 4}
    assert (c.duplicates_automatic, c.duplicates_manual) == (2, 1)
    f = c.flow
    assert (
        f.screened == 9
        and f.excluded_screening == {"wrong-population": 3}
        and f.awaiting_screening == 2
    )
    assert (f.sought, f.not_retrieved, f.assessed) == (4, 1, 3)
    assert (
        f.excluded_full_text == {"health-only": 1} and f.awaiting_full_text == 1 and c.included == 1
    )
    assert c.update is False
    # PRISMA 2020's two columns: the studies found by snowballing only run down their own
    # (record 9 is record 3's duplicate, linked by hand: found by a database too)
    databases, other = c.columns()
    assert other == prisma.Flow(
        also_in_databases=1,
        screened=3,
        sought=3,
        assessed=3,
        excluded_full_text={"health-only": 1},
        awaiting_full_text=1,
        included=1,
    )
    assert (databases.duplicates, databases.screened, databases.awaiting_screening) == (2, 6, 2)
    assert (databases.sought, databases.not_retrieved, databases.included) == (1, 1, 0)
    boxes, _ = prisma.layout(c)
    text = {b.col: " ".join(b.text.split()) for b in boxes if b.text.startswith("Records excl")}
    assert text == {
        1: "Records excluded (n = 3): Wrong population / diagnosis (n = 3) Awaiting a decision"
        " (n = 2)",
        3: "Records excluded (n = 0)",
    }
    assert any(
        b.col == 3
        and " ".join(b.text.split()).endswith(
            "Work focus inside health care only (n = 1) Awaiting a decision (n = 1)"
        )
        for b in boxes
    )


def test_svg_keeps_its_words_as_text(tmp_path: Path):
    """The SVG drew every letter as an outline: nothing in it could be searched, copied or
    reworded in an editor, as teams do to fit a journal's template."""
    c = prisma.PrismaCounts(
        databases={"PubMed": 5}, flow=prisma.Flow(screened=5, sought=5, assessed=5, included=5)
    )
    svg = prisma.draw(c, tmp_path / "prisma.svg").read_text(encoding="utf-8")
    assert ">Records screened (n = 5)</text>" in svg.replace("\u00a0", " ")
    # the lines under a heading keep their indent: SVG collapses spaces unless told not to
    assert '<svg xml:space="preserve" ' in svg and ">  PubMed (n = 5)</text>" in svg


def test_the_flow_is_held_once(tmp_path: Path):
    """PrismaCounts held the flow twice, as its own fields and as a Flow built from them: a
    number changed in one was not in the other. Now the diagram, the CSV and the check all
    read the one Flow."""
    c = review_a_counts()
    c.flow.assessed, c.flow.included = 111, 68  # one report more, assessed and included
    c.flow.sought, c.flow.excluded_screening["wrong-question"] = 113, 24
    assert prisma.check(c) == []
    databases, other = c.columns()
    assert databases is c.flow and other is None
    items = {item: int(n) for _, item, n in c.rows()}
    assert (items["reports assessed for eligibility"], items["studies included"]) == (111, 68)
    texts = [" ".join(b.text.split()) for b in prisma.layout(c)[0]]
    assert "Reports assessed for eligibility (n = 111)" in texts
    assert "Studies included in review (n = 68) Reports of included studies (n = 68)" in texts
    c.flow.duplicates = 28  # a duplicate more, by hand
    assert (c.duplicates, c.duplicates_manual) == (28, 9)
    assert prisma.check(c)[0] == "identified - duplicates = screened: 166 != 167"
