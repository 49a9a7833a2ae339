"""`reviewkit agreement` at a stage where nobody compared anything: it named two protocol
reviewers as if they had been compared ('demo-reviewer-1 vs you', n = 0); it now says who voted
there and that no study was screened by two reviewers, in the text, the CSV and the report."""

from __future__ import annotations

import csv

from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.reports.report import agreement_table

TA = "title-abstract"


def cli(project, *args):
    return main([args[0], "--project", str(project.folder), *args[1:]])


def test_no_overlap_says_who_voted_not_a_pair(project_b, tmp_path, capsys):
    ids = add_records(project_b, make_records(5))
    for study in ids[:3]:  # reviewer1 three studies, reviewer2 two others: no study has both
        scr.decide(project_b.db, study, TA, "reviewer1", "include")
    for study in ids[3:]:
        scr.decide(project_b.db, study, TA, "reviewer2", "include")
    out_csv = tmp_path / "agreement.csv"
    assert cli(project_b, "agreement", "--csv", str(out_csv)) == 0
    out = capsys.readouterr().out
    assert "reviewer1 (rows) vs" not in out and "n = 0" not in out
    assert "title-abstract: no study was screened by two reviewers" in out
    assert "voted here: reviewer1 (3 studies), reviewer2 (2 studies)" in out
    assert "Stage full-text: nobody has voted at this stage yet" in out
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert [(r["stage"], r["reviewer_a"], r["reviewer_b"]) for r in rows] == [
        (TA, "", ""),
        ("full-text", "", ""),
    ]
    assert "voted here: reviewer1 (3 studies)" in rows[0]["note"]
    assert "nobody has voted" in rows[1]["note"]
    table = agreement_table(project_b)
    assert all(row[1] == row[2] == "" for row in table.rows)
    assert "voted here: reviewer1 (3 studies), reviewer2 (2 studies)." in table.note
    assert " vs " not in table.note


def test_single_screening_says_the_compared_studies_are_the_ones_sent_on(project_a, capsys):
    """Review A: one reviewer per record at title/abstract, 'uncertain' sends a record to a
    second. The studies with two votes are that selection; kappa on them was printed as if it
    were the stage's agreement. Full text (two reviewers per record) has no such note."""
    ids = add_records(project_a, make_records(6))
    for study in ids[:4]:
        scr.decide(project_a.db, study, TA, "reviewer1", "exclude")
    for study in ids[4:]:  # sent on as uncertain, then decided by the second reviewer
        scr.decide(project_a.db, study, TA, "reviewer1", "uncertain")
        scr.decide(project_a.db, study, TA, "reviewer2", "include")
    for study in ids[4:]:
        scr.decide(project_a.db, study, "full-text", "reviewer1", "include")
        scr.decide(project_a.db, study, "full-text", "reviewer2", "include")
    assert cli(project_a, "agreement") == 0
    out = capsys.readouterr().out
    ta, ft = out.split("Stage full-text")
    assert "n = 2" in ta
    assert "these 2 studies are the ones sent on" in ta
    assert "sent on" not in ft


def test_one_study_sent_on_is_said_in_the_singular(project_a, capsys):
    """Review A's first year: one record sent on as uncertain, excluded by the first reviewer.
    The notes said 'these 1 studies are the ones sent on' and 'for all 1 studies'."""
    (study,) = add_records(project_a, make_records(1))
    scr.decide(project_a.db, study, TA, "reviewer2", "uncertain")
    scr.decide(project_a.db, study, TA, "reviewer1", "exclude")
    assert cli(project_a, "agreement", "--stage", TA) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "so this study is the one sent on; agreement on it is not" in out
    assert "answered 'uncertain' for the one study, so kappa is 0" in out
    assert "1 studies" not in out
