"""A record screened with a single vote (a stage needing two, one cast) merged into a study
another record's votes, or the lead's final, decided the other way (issue 14, item 4: keep the
furthest-advanced decision, raise a conflict for the lead where the decisions disagree). The
lone vote is a reviewer's decision on the study: beside another reviewer's include on one
record it would have been a conflict, so merged it goes to the lead, named in the preview;
the study keeps its outcome (PRISMA unchanged) until the lead acts. A lone vote the study's
way opens nothing."""

from __future__ import annotations

import io

import pytest
from conftest import PROTOCOL_B, add_records
from dedup.helpers import other

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.project import init_project

TA = "title-abstract"


@pytest.fixture
def three(tmp_path):
    """Review B's protocol with a third reviewer (two votes a record, as shipped)."""
    text = PROTOCOL_B.read_text(encoding="utf-8")
    two = 'reviewers = ["reviewer1", "reviewer2"]'
    assert two in text
    path = tmp_path / "three.toml"
    path.write_text(text.replace(two, two[:-1] + ', "reviewer3"]'), encoding="utf-8")
    project = init_project(tmp_path / "review", path)
    yield project
    project.close()


def cli(project, *args: str) -> int:
    return main([*args[:2], "--project", str(project.folder), *args[2:]])


def _said(capsys) -> str:
    return " ".join(capsys.readouterr().out.split())


def _included_and_lone(project, lone: str = "exclude") -> tuple[int, int]:
    """Record a included by reviewer1 and reviewer2; record b given one vote, reviewer3's."""
    a, b = add_records(project, [other(1), other(2)])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project.db, a, TA, who, "include")
    scr.decide(project.db, b, TA, "reviewer3", lone, "long-term" if lone == "exclude" else "")
    return a, b


def _open_for_lead(project, capsys) -> str:
    capsys.readouterr()
    assert cli(project, "conflicts", "--list", "--resolver", "lead", "--stage", TA) == 0
    return capsys.readouterr().out


def test_a_lone_vote_against_the_study_goes_to_the_lead(three, capsys, monkeypatch):
    """Was: the merge dropped reviewer3's exclude unseen (record a went furthest), no conflict."""
    a, b = _included_and_lone(three)
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert cli(three, "dedup", "merge", str(a), str(b), "--reviewer", "lead") == 0
    said = _said(capsys)
    assert (  # the preview names it before the merge is made
        f"{TA}: decisions disagree (record {a} include, record {b} pending (reviewer3's vote));"
        f" study keeps record {a}'s (furthest advanced) and the lead gets a conflict to resolve"
    ) in said
    assert "nothing changed" in said
    assert cli(three, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    assert f"{a}\topen" in _open_for_lead(three, capsys)
    # the study keeps record a's include until the lead acts: PRISMA does not move
    assert scr.stage_outcomes(three, TA)[a].status == "include"
    resolve = ["conflicts", "resolve", str(a), "--decision", "exclude", "--reason", "long-term"]
    assert cli(three, *resolve, "--resolver", "lead") == 0
    assert f"{a}\tresolved" in _open_for_lead(three, capsys)
    assert scr.stage_outcomes(three, TA)[a].status == "exclude"


def test_a_lone_vote_the_study_s_way_opens_nothing(three, capsys):
    a, b = _included_and_lone(three, "include")
    capsys.readouterr()
    assert cli(three, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    assert "disagree" not in _said(capsys)
    assert f"{a}\topen" not in _open_for_lead(three, capsys)
    assert scr.stage_outcomes(three, TA)[a].status == "include"


def test_a_lone_vote_merged_after_the_final_opens_the_conflict_again(three, capsys):
    """Record a settled include by the lead's final; record b, reviewer3's lone exclude, merged
    after it: the final did not see that vote. Was: dropped unseen, the study stayed settled."""
    a, b = add_records(three, [other(1), other(2)])
    scr.decide(three.db, b, TA, "reviewer3", "exclude", "long-term")
    scr.decide(three.db, a, TA, "reviewer1", "include")
    scr.decide(three.db, a, TA, "reviewer2", "exclude", "long-term")
    resolve = ["conflicts", "resolve", str(a), "--decision", "include", "--resolver", "lead"]
    assert cli(three, *resolve) == 0
    capsys.readouterr()
    assert cli(three, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    assert (
        f"{TA}: record {b}, voted otherwise by reviewer3 alone, joins study {a} settled include"
        " by lead's final: the conflict opens again for the lead"
    ) in _said(capsys)
    assert f"{a}\topen" in _open_for_lead(three, capsys)
    assert scr.stage_outcomes(three, TA)[a].status == "include"  # the final counts meanwhile


def test_a_lone_include_does_not_outrank_a_study_both_reviewers_excluded(
    three, capsys, monkeypatch
):
    """Record a excluded by reviewer1 and reviewer2, record b given reviewer3's include alone.
    Was: the lone include ranked furthest (an include, though it decided nothing), the study
    took it and went into conflict ('kept record b's'): PRISMA moved before anyone acted."""
    a, b = add_records(three, [other(1), other(2)])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(three.db, a, TA, who, "exclude", "long-term")
    scr.decide(three.db, b, TA, "reviewer3", "include")
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert cli(three, "dedup", "merge", str(a), str(b), "--reviewer", "lead") == 0
    assert (
        f"{TA}: decisions disagree (record {a} exclude, record {b} pending (reviewer3's vote));"
        f" study keeps record {a}'s (furthest advanced)"
    ) in _said(capsys)
    assert cli(three, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    assert scr.stage_outcomes(three, TA)[a].status == "exclude"  # until the lead acts
    listed = _open_for_lead(three, capsys)
    assert f"{a}\topen" in listed and f"reviewer3 (record {b}): include" in listed
    assert cli(three, "conflicts", "resolve", str(a), "--decision", "include") == 0
    assert scr.stage_outcomes(three, TA)[a].status == "include"


@pytest.mark.parametrize("lone", ["exclude", "include"])
def test_a_lone_vote_merged_into_a_study_in_conflict_is_shown_to_the_lead(three, capsys, lone):
    """Record a in conflict (reviewer1 include, reviewer2 exclude), record b given reviewer3's
    vote alone. Was: an exclude ranked below a's include and left the lead's list unseen (the
    lead settled the study without it); an include was shown, but not as record b's."""
    a, b = add_records(three, [other(1), other(2)])
    scr.decide(three.db, a, TA, "reviewer1", "include")
    scr.decide(three.db, a, TA, "reviewer2", "exclude", "long-term")
    scr.decide(three.db, b, TA, "reviewer3", lone, "wrong-design" if lone == "exclude" else "")
    assert cli(three, "dedup", "merge", str(a), str(b), "--reviewer", "lead", "--yes") == 0
    listed = _open_for_lead(three, capsys)
    assert f"{a}\topen" in listed
    assert f"reviewer1 (record {a}): include" in listed
    assert f"reviewer3 (record {b}): {lone}" in listed
    assert scr.stage_outcomes(three, TA)[a].status == "conflict"
