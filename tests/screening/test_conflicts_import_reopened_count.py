"""`decisions import` says how many conflicts settled before the file opens again
(screens40): it also counted a study already open before the import when the file added a vote
to it, as if the file had reopened it. Only those the import reopened count."""

from __future__ import annotations

import shutil

from screening.helpers import at_full_text, bring_decisions

from reviewkit import screening as scr
from reviewkit.project import open_project

FT = "full-text"


def test_a_vote_on_a_study_open_again_before_the_import_is_not_counted(
    project_b, tmp_path, capsys
) -> None:
    rec, reason = at_full_text(project_b)
    scr.decide(project_b.db, rec, FT, "reviewer1", "include")
    scr.decide(project_b.db, rec, FT, "reviewer2", "exclude", reason)
    folder = project_b.folder
    project_b.close()
    shutil.copytree(folder, tmp_path / "copy2")
    with open_project(tmp_path / "copy2") as theirs:  # reviewer2's copy, before the final
        scr.decide(theirs.db, rec, FT, "reviewer2", "include")
    with open_project(folder) as lead:
        scr.resolve(lead, rec, FT, "lead", "exclude", reason)
    bring_decisions(tmp_path / "copy2", "reviewer2", tmp_path / "reviewer2.jsonl", folder)
    first = " ".join(capsys.readouterr().out.split())
    assert "1 conflict settled before is open again" in first, first  # this import opened it

    shutil.copytree(folder, tmp_path / "copy1")
    with open_project(tmp_path / "copy1") as theirs:  # reviewer1 changes their mind, and back
        scr.decide(theirs.db, rec, FT, "reviewer1", "exclude", reason)
        scr.decide(theirs.db, rec, FT, "reviewer1", "include")
    bring_decisions(tmp_path / "copy1", "reviewer1", tmp_path / "reviewer1.jsonl", folder)
    second = " ".join(capsys.readouterr().out.split())
    assert "added 2 entries" in second, second
    assert "open again" not in second, second  # it was open before this import: still is
    with open_project(folder) as lead:
        assert [v.study_id for v in scr.conflicts(lead, FT, "lead") if v.open] == [rec]
