"""The agreement table's "Studies both screened" against PRISMA's "Records screened": the
studies only one of the two reviewers has screened yet (a missing rating) are left out, and the
table's note now says how many (demo review: 346 beside the diagram's 356, the 10 unexplained in the
agreement's notes; a reader checking the report's counts against each other found 10 missing)."""

from __future__ import annotations

import csv

from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main

TA = "title-abstract"


def test_studies_screened_by_one_reviewer_only_are_counted_in_the_note(project_b, tmp_path):
    ids = add_records(project_b, make_records(7))
    for rid in ids[:4]:  # both reviewers
        scr.decide(project_b.db, rid, TA, "reviewer1", "include")
        scr.decide(
            project_b.db,
            rid,
            TA,
            "reviewer2",
            "include" if rid != ids[3] else "exclude",
            "" if rid != ids[3] else "long-term",
        )
    for rid in ids[4:]:  # the first reviewer only: the second's vote awaited
        scr.decide(project_b.db, rid, TA, "reviewer1", "include")
    out = tmp_path / "out"
    args = ["report", "--project", str(project_b.folder), "--out", str(out), "--format", "csv"]
    assert main(args) == 0
    with (out / "agreement.csv").open(encoding="utf-8") as fh:
        (row,) = [r for r in csv.DictReader(fh) if r["Stage"] == TA]
    with (out / "prisma.csv").open(encoding="utf-8") as fh:
        screened = next(int(n) for s, item, n in csv.reader(fh) if item == "records screened")
    assert (int(row["Studies both screened"]), screened) == (4, 7)
    notes = " ".join((out / "agreement.notes.txt").read_text(encoding="utf-8").split())
    # in the agreement literature's words: a missing rating, left out (listwise deletion); the
    # pair named once, as the table names it after each note (it said 'only one of reviewer1
    # and reviewer2 … (reviewer1 vs reviewer2)')
    said = (
        "title-abstract: 3 studies screened by only one of the two reviewers (a missing"
        " rating) are left out, as kappa is computed by listwise deletion over the studies"
        " both rated (reviewer1 vs reviewer2)."
    )
    assert said in notes
    assert "only one of reviewer1 and reviewer2" not in notes
    # `agreement --csv` gathers the notes away from their rows too: it names the pair alike
    args = ["agreement", "--project", str(project_b.folder), "--csv", str(tmp_path / "a.csv")]
    assert main(args) == 0
    assert said in " ".join((tmp_path / "a.notes.txt").read_text(encoding="utf-8").split())
