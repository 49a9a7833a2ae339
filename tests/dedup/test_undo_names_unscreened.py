"""`dedup undo` of a merge is a split: its preview names, as `dedup split`'s does, a record that
leaves the study with no decisions of its own (screened only within it), which waits at the
first stage again."""

from __future__ import annotations

from conftest import add_records
from dedup.helpers import other

from reviewkit import screening as scr
from reviewkit.cli import main

TA = "title-abstract"


def test_undoing_a_merge_made_before_screening_names_the_record_to_screen_again(project_b, capsys):
    """The merge undone, the study's decisions stay with its id and the other record waits at
    title-abstract again: `dedup split` named it, `dedup undo` only counted it as pending."""
    low, high = add_records(project_b, [other(1), other(2)])
    folder = str(project_b.folder)
    merge = ["dedup", "merge", "--project", folder, "--reviewer", "lead", str(low), str(high)]
    assert main(merge) == 0
    for who in ("reviewer1", "reviewer2"):
        scr.ReviewerQueue(project_b, TA, who).decide(low, "include")
    capsys.readouterr()
    assert main(["dedup", "undo", "--project", folder, "--reviewer", "lead", "--yes"]) == 0
    out = capsys.readouterr().out
    assert (
        f"record {high} has no decisions of its own (it was screened as part of study {low},"
        f" whose decisions stay with that study): it waits at title-abstract again" in out
    )
    assert scr.stage_outcomes(project_b, TA)[high].status == "pending"
