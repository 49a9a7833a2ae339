"""A merged study's other record (not the one whose votes the study keeps) given a vote in a
reviewer's copy before the lead's final but imported after it: the lead decided without it,
so where it makes the records disagree as they did not at the final it opens the conflict,
as the same vote cast after the final does (``screening.merges.merge_conflicts``), and as a
late-imported vote does on a single record (``test_vote_imported_after_final``)."""

from __future__ import annotations

import shutil

import pytest
from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.dedup.engine import merge_records
from reviewkit.project import open_project

TA, FT = "title-abstract", "full-text"


def _open(project, stage):
    return [c.study_id for c in scr.conflicts(project, stage, "lead") if c.open]


def _bring(copy, reviewer, log, folder) -> None:
    export = ["decisions", "export", "--reviewer", reviewer, str(log), "--project", str(copy)]
    assert main(export) == 0
    assert main(["decisions", "import", str(log), "--project", str(folder)]) == 0


@pytest.mark.parametrize("cast", ["before the final", "after the final"])
def test_a_vote_on_the_other_record_imported_after_the_final_opens_the_conflict(
    project_b, tmp_path, cast, capsys
):
    """Two records at full text: ``inc`` with reviewer1 include and reviewer2 exclude (a
    conflict), ``exc`` with reviewer1's exclusion alone (waiting for reviewer2). A copy taken
    then; the lead's project merges them and settles the study's conflict on include. reviewer2
    excludes ``exc`` in the copy, before or after that final: imported, the records now
    disagree (include by the final, exclude by both votes), which the lead never saw (``exc``
    was waiting when they decided), so the conflict is open again either way (the vote's
    earlier time does not hide it)."""
    inc, exc = add_records(project_b, make_records(2))
    reason = project_b.protocol.stages[FT].exclusion_reasons[0].code
    for who in ("reviewer1", "reviewer2"):
        for record in (inc, exc):
            scr.decide(project_b.db, record, TA, who, "include")
    scr.decide(project_b.db, inc, FT, "reviewer1", "include")
    scr.decide(project_b.db, inc, FT, "reviewer2", "exclude", reason)
    scr.decide(project_b.db, exc, FT, "reviewer1", "exclude", reason)
    folder, copy = project_b.folder, tmp_path / "copy"
    project_b.close()
    shutil.copytree(folder, copy)

    def vote_in_copy() -> None:
        with open_project(copy) as theirs:
            scr.decide(theirs.db, exc, FT, "reviewer2", "exclude", reason)

    if cast == "before the final":
        vote_in_copy()
    with open_project(folder) as lead:
        merge_records(lead.db, inc, exc, "lead")
        study = min(inc, exc)
        assert _open(lead, FT) == [study]
        scr.resolve(lead, study, FT, "lead", "include")
        assert _open(lead, FT) == []
    if cast == "after the final":
        vote_in_copy()
    capsys.readouterr()
    _bring(copy, "reviewer2", tmp_path / "reviewer2.jsonl", folder)
    said = " ".join(capsys.readouterr().out.split())  # the lead is told at once (was not)
    assert "1 conflict settled before is open again" in said
    with open_project(folder) as lead:
        assert _open(lead, FT) == [study]  # before the final: was [] (settled by time)
        assert scr.stage_outcomes(lead, FT)[study].status == "include"  # the final counts


def test_a_copy_that_gets_the_final_before_the_votes_it_settled_opens_nothing(project_b, tmp_path):
    """reviewer2's copy (the study merged there too) brings in the lead's log, a final made
    where reviewer1's votes were, before reviewer1's log: the lead saw those votes, so the
    records' disagreement stays settled there, though the votes came into the copy after it."""
    inc, exc = add_records(project_b, make_records(2))
    reason = project_b.protocol.stages[FT].exclusion_reasons[0].code
    for who in ("reviewer1", "reviewer2"):
        for record in (inc, exc):
            scr.decide(project_b.db, record, TA, who, "include")
    folder, copy = project_b.folder, tmp_path / "copy"
    project_b.close()
    shutil.copytree(folder, copy)
    with open_project(copy) as theirs:
        for record in (inc, exc):
            scr.decide(theirs.db, record, FT, "reviewer2", "exclude", reason)
    _bring(copy, "reviewer2", tmp_path / "reviewer2.jsonl", folder)
    with open_project(folder) as lead:
        scr.decide(lead.db, inc, FT, "reviewer1", "include")
        scr.decide(lead.db, exc, FT, "reviewer1", "exclude", reason)
        merge_records(lead.db, inc, exc, "lead")
        study = min(inc, exc)
        scr.resolve(lead, study, FT, "lead", "include")
        assert _open(lead, FT) == []
    with open_project(copy) as theirs:
        merge_records(theirs.db, inc, exc, "lead")
    _bring(folder, "lead", tmp_path / "lead.jsonl", copy)
    _bring(folder, "reviewer1", tmp_path / "reviewer1.jsonl", copy)
    with open_project(copy) as theirs:
        assert scr.stage_outcomes(theirs, FT)[study].status == "include"
        assert _open(theirs, FT) == []
