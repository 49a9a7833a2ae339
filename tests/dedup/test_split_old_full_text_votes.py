"""A split of a merged study whose full-text votes a project made before stop 37 logged on the
study's id, the copy excluded at title-abstract (since stop 37 they go on the record whose
include took the study to full text, ``screening.merges.carrier``). The log is not rewritten
(append-only, and its entries are exchanged between copies by id and record): the preview
names those votes, which after the split count for no study, and the record that waits."""

from __future__ import annotations

from conftest import add_records
from dedup.helpers import other

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.store.decisions import Decision, add_decision

TA, FT = "title-abstract", "full-text"


def _merged_with_old_full_text_votes(project):
    low, high = add_records(project, [other(1), other(2)])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project.db, low, TA, who, "exclude", "no-collaboration")
        scr.decide(project.db, high, TA, who, "include")
    folder = str(project.folder)
    merge = ["dedup", "merge", str(low), str(high), "--project", folder, "--reviewer", "lead"]
    assert main([*merge, "--yes"]) == 0
    for who in ("reviewer1", "reviewer2"):  # as the code before stop 37 logged them
        add_decision(project.db, Decision(low, FT, who, "include"))
    assert scr.stage_outcomes(project, FT)[low].status == "include"
    return low, high


def test_a_split_names_full_text_votes_an_older_project_logged_on_the_excluded_copy(
    project_b, capsys
):
    low, high = _merged_with_old_full_text_votes(project_b)
    folder = str(project_b.folder)
    capsys.readouterr()
    split = ["dedup", "split", "--project", folder, "--reviewer", "lead", str(high)]
    assert main(split) != 0  # asked, no answer: nothing changed, the preview shown
    said = " ".join(capsys.readouterr().out.split())
    assert (
        f"record {low} carries 2 full-text votes (reviewer1, reviewer2) of the merged study,"
        f" logged on the study's id by an earlier reviewkit: once split they count for no study"
        f" (record {low} was excluded at title-abstract), and record {high} waits at full-text"
        " for its reviewers' votes again"
    ) in said
    assert main([*split, "--yes"]) == 0
    assert scr.stage_outcomes(project_b, FT)[high].status == "pending"
    assert low not in scr.stage_outcomes(project_b, FT)


def test_a_split_of_a_study_screened_since_names_no_such_votes(project_b, capsys):
    """Full-text votes on the record whose include took the study there (as logged since stop
    37) stay with it: the preview names nothing of the kind."""
    low, high = add_records(project_b, [other(1), other(2)])
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, low, TA, who, "exclude", "no-collaboration")
        scr.decide(project_b.db, high, TA, who, "include")
    folder = str(project_b.folder)
    merge = ["dedup", "merge", str(low), str(high), "--project", folder, "--reviewer", "lead"]
    assert main([*merge, "--yes"]) == 0
    for who in ("reviewer1", "reviewer2"):
        scr.ReviewerQueue(project_b, FT, who).decide(low, "include")
    capsys.readouterr()
    assert main(["dedup", "split", "--project", folder, "--reviewer", "lead", str(high)]) != 0
    out = capsys.readouterr().out
    assert "title-abstract: studies 1 -> 2" in out and "count for no study" not in out


def test_the_preview_says_where_the_part_stands_when_it_was_not_excluded(project_b, capsys):
    """The copy logged with the old full-text votes was in conflict at title-abstract (the
    other copy's include took the study on): the preview said it 'was excluded'; it names
    where it stands (a conflict for the lead once split), not an exclusion nobody made."""
    low, high = add_records(project_b, [other(1), other(2)])
    scr.decide(project_b.db, low, TA, "reviewer1", "include")
    scr.decide(project_b.db, low, TA, "reviewer2", "exclude", "no-collaboration")
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, high, TA, who, "include")
    folder = str(project_b.folder)
    merge = ["dedup", "merge", str(low), str(high), "--project", folder, "--reviewer", "lead"]
    assert main([*merge, "--yes"]) == 0
    for who in ("reviewer1", "reviewer2"):  # as the code before stop 37 logged them
        add_decision(project_b.db, Decision(low, FT, who, "include"))
    capsys.readouterr()
    assert main(["dedup", "split", "--project", folder, "--reviewer", "lead", str(high)]) != 0
    said = " ".join(capsys.readouterr().out.split())
    assert (
        f"once split they count for no study (record {low} is in conflict at title-abstract)"
    ) in said
