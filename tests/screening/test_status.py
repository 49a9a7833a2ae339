"""`status` counts decisions in force per stage, not log entries, and says how many are included."""

from __future__ import annotations

from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.status import project_status

TA, FT = "title-abstract", "full-text"


def test_status_counts_live_decisions_per_stage_and_included_studies(project_a, capsys):
    a, b, c, d = add_records(project_a, make_records(4))
    p = project_a.protocol

    def vote(study, reviewer, label, reason="", stage=TA):
        scr.decide(project_a.db, study, stage, reviewer, label, reason, protocol=p)

    vote(a, "reviewer1", "include")
    vote(b, "reviewer1", "exclude", "wrong-outcome")
    vote(c, "reviewer1", "include")
    scr.undo(project_a.db, TA, "reviewer1")  # c's include is undone: not a decision
    vote(c, "reviewer1", "exclude", "wrong-outcome")
    vote(c, "reviewer1", "include")  # a changed vote is one decision
    scr.add_note(project_a.db, d, TA, "reviewer1", "ask the librarian")  # a note is not one
    vote(a, "reviewer1", "include", stage=FT)
    vote(a, "reviewer2", "include", stage=FT)
    vote(c, "reviewer1", "exclude", "wrong-outcome", stage=FT)

    status = project_status(project_a)
    ta, ft = status.stages
    assert (ta.stage, ta.decisions, ta.included, ta.excluded, ta.pending) == (TA, 3, 2, 1, 1)
    assert (ft.stage, ft.decisions, ft.studies, ft.included, ft.pending) == (FT, 3, 2, 1, 1)
    assert status.decisions == 6 and status.included == 1

    project_a.close()
    assert main(["status", "--project", str(project_a.folder)]) == 0
    out = capsys.readouterr().out
    assert "title-abstract: 3 decisions (3 votes)" in out
    assert "2 included, 1 excluded, 1 pending" in out
    # no dedup has run: the stage counts are of records, not yet studies
    assert "full-text: 3 decisions (3 votes) · 2 records: 1 included" in out
    assert "included records: 1" in out


def test_status_says_dedup_has_not_run_then_counts_studies_after_it(project_a, capsys, monkeypatch):
    """Before `dedup` has run, the record count is not a count of studies after dedup."""
    monkeypatch.chdir(project_a.folder)  # the commands named need no --project there
    recs = make_records(3)
    add_records(project_a, recs + [recs[0]])  # four records, one a copy: three studies
    folder = str(project_a.folder)
    project_a.close()

    assert main(["status", "--project", folder]) == 0
    out = capsys.readouterr().out
    assert "dedup has not run yet (type `reviewkit dedup`)" in out
    assert "studies after dedup: 4" not in out
    # nor are the stages' counts studies: they said "4 studies" of four records, one a copy
    assert "title-abstract: 0 decisions (0 votes) · 4 records: 0 included" in out
    assert "included records: 0\n" in out and "studies:" not in out

    assert main(["dedup", "--project", folder]) == 0
    capsys.readouterr()
    assert main(["status", "--project", folder]) == 0
    out = capsys.readouterr().out
    assert "studies after dedup: 3\n" in out and "not run" not in out
    assert "· 3 studies: 0 included" in out and "included studies: 0\n" in out

    with open_project(project_a.folder) as again:  # a later import, not compared yet
        add_records(again, make_records(2, prefix="Later"), source="late")
    assert main(["status", "--project", folder]) == 0
    out = capsys.readouterr().out
    assert "studies after dedup: 5 (2 records imported since the last dedup run" in out


def test_status_counts_one_record_not_compared_in_the_singular(project_a, capsys):
    """One record imported since the last dedup run is '1 record', not '1 records'."""
    add_records(project_a, make_records(2))
    folder = str(project_a.folder)
    project_a.close()
    assert main(["dedup", "--project", folder]) == 0
    with open_project(project_a.folder) as again:
        add_records(again, make_records(1, prefix="Later"), source="late")
    capsys.readouterr()
    assert main(["status", "--project", folder]) == 0
    out = capsys.readouterr().out
    assert "studies after dedup: 3 (1 record imported since the last dedup run is not" in out


def test_status_shows_classification_per_scheme_of_the_included(project_a, capsys, monkeypatch):
    """Once studies are included: per scheme, how many labels a person confirmed, how many are
    the tool's suggestions, and how many `classify` has not seen yet (what to type)."""
    monkeypatch.chdir(project_a.folder)  # the commands named need no --project there
    a, b, c = add_records(project_a, make_records(3))
    p = project_a.protocol
    for study in (a, b, c):
        scr.decide(project_a.db, study, TA, "reviewer1", "include", protocol=p)
    for study in (a, b):  # c is left pending at full text: not included, not counted
        for reviewer in ("reviewer1", "reviewer2"):
            scr.decide(project_a.db, study, FT, reviewer, "include", protocol=p)
    folder = str(project_a.folder)
    project_a.close()

    assert main(["status", "--project", folder]) == 0
    out = capsys.readouterr().out
    line = "classification diagnosis-group (Diagnosis group): 0 confirmed, 0 suggested of 2"
    assert line + " included records, 2 not classified yet (type `reviewkit classify`)" in out

    assert main(["classify", "--project", folder]) == 0
    assert main(["label", str(a), "diagnosis-group=mental", "--project", folder,
                 "--reviewer", "lead"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["status", "--project", folder]) == 0
    out = capsys.readouterr().out
    assert "(Diagnosis group): 1 confirmed, 1 suggested of 2 included records\n" in out


def test_status_after_a_persons_merge_with_no_dedup_run_counts_studies(
    project_a, capsys, monkeypatch
):
    """A person's `dedup merge` is dedup work: status counts the studies it left (four
    records, two joined: three studies) and says no run has compared the records yet, not
    that dedup has not run; the stage counts are of studies (the merged pair is one)."""
    monkeypatch.chdir(project_a.folder)  # the commands named need no --project there
    add_records(project_a, make_records(4))
    folder = str(project_a.folder)
    project_a.close()
    merge = ["dedup", "merge", "1", "2", "--project", folder, "--reviewer", "reviewer1"]
    assert main(merge) == 0
    capsys.readouterr()

    assert main(["status", "--project", folder]) == 0
    out = capsys.readouterr().out
    assert "dedup has not run yet" not in out
    assert (
        "studies after dedup: 3 (1 duplicate merged by hand; no dedup run has compared the"
        " records yet: type `reviewkit dedup`)\n" in out
    )
    assert "title-abstract: 0 decisions (0 votes) · 3 studies: 0 included" in out
    assert "included studies: 0\n" in out

    # the merge undone, no dedup work stands: the records are not studies yet
    assert main(["dedup", "undo", "--project", folder, "--reviewer", "reviewer1"]) == 0
    capsys.readouterr()
    assert main(["status", "--project", folder]) == 0
    out = capsys.readouterr().out
    assert "studies after dedup: dedup has not run yet (type `reviewkit dedup`)" in out
    assert "· 4 records: 0 included" in out
