"""One meaning for 'open': a study whose merged records disagree is a conflict for the lead
(``conflicts``), whatever outcome its furthest record gives it; ``status`` counts it apart
from the studies 'in conflict' (a reviewer disagreement), and says so, and a merged study's
disagreement that votes reopened after the lead's final is open, not 'resolved'."""

from __future__ import annotations

from conftest import add_records
from dedup.helpers import other

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.dedup import engine

TA = "title-abstract"


def _cli(project, *args) -> int:
    return main([*args, "--project", str(project.folder)])


def _resolve(project, study: int) -> None:
    """The lead's final include on the study's conflict, through `conflicts resolve`."""
    args = ("conflicts", "resolve", str(study), "--decision", "include", "--resolver", "lead")
    assert _cli(project, *args) == 0


def _screened(project):
    """Study 1 (records a and b merged: a included, b excluded by both), study c a reviewer
    conflict, study d included: 1 in conflict, 2 open for the lead."""
    a, b, c, d = add_records(project, [other(1), other(2), other(3), other(4)])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project.db, a, TA, who, "include")
        scr.decide(project.db, b, TA, who, "exclude", "no-collaboration")
        scr.decide(project.db, d, TA, who, "include")
    scr.decide(project.db, c, TA, "reviewer1", "include")
    scr.decide(project.db, c, TA, "reviewer2", "exclude", "no-collaboration")
    engine.decide_pair(project.db, a, b, "duplicate", "lead")
    return a, b, c


def test_status_says_which_open_conflicts_its_count_leaves_out(project_b, capsys):
    """status said '1 in conflict' where conflicts resolve said '2 conflicts open' (in the team
    run 21 and 22): the merged study is included by its furthest record."""
    a, _b, c = _screened(project_b)
    capsys.readouterr()
    assert _cli(project_b, "status") == 0
    out = capsys.readouterr().out
    assert (
        "3 studies: 2 included, 0 excluded, 0 pending, 1 in conflict (and 1 merged study whose"
        " records disagree: 2 conflicts open for the lead, reviewkit conflicts --project"
        f" {project_b.folder})" in out
    )
    _resolve(project_b, c)
    assert "1 conflict open at title-abstract" in capsys.readouterr().out
    assert _cli(project_b, "status") == 0
    assert (
        "0 in conflict (and 1 merged study whose records disagree: 1 conflict open for the"
        " lead" in capsys.readouterr().out
    )
    _resolve(project_b, a)
    assert "0 conflicts open at title-abstract" in capsys.readouterr().out
    assert _cli(project_b, "status") == 0
    out = capsys.readouterr().out
    assert "0 in conflict\n" in out and "disagree" not in out


def test_a_merged_study_s_disagreement_reopened_after_the_final_is_open(project_b, capsys):
    """The lead settled the merged study's disagreement; a later vote on record b (a reviewer's
    copy brought in after) reopens it (merges.merge_conflicts, dedup report). conflicts --list
    called it 'resolved' and the open counts left it out, as a study with a final."""
    a, b, _c = _screened(project_b)
    _resolve(project_b, a)
    # reviewer2 gives another exclusion reason on b (PRISMA counts an exclusion by it)
    scr.decide(project_b.db, b, TA, "reviewer2", "exclude", "wrong-population")
    capsys.readouterr()
    assert _cli(project_b, "conflicts", "--list", "--stage", TA, "--resolver", "lead") == 0
    listed = capsys.readouterr().out
    assert f"{a}\topen\t" in listed
    _resolve(project_b, a)
    said = capsys.readouterr().out
    assert "1 conflict open at title-abstract" in said  # study c's, not study a's any more
    assert _cli(project_b, "conflicts", "--list", "--stage", TA, "--resolver", "lead") == 0
    assert f"{a}\tresolved\t" in capsys.readouterr().out
