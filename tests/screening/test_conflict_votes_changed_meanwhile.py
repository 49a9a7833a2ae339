"""The lead's conflicts screen open while a vote on the conflict shown changes (a reviewer's
copy imported from another terminal, or the reviewer changing it): a final given on the votes
the screen showed would be written after the new vote, counted as seen, and never asked again.
It is refused, the votes as they stand shown, and the key again gives the final."""

from __future__ import annotations

import asyncio
import shutil

import pytest
from conftest import add_records
from screening.helpers import conflict_on, make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen

TA = "title-abstract"


def _open(project):
    return [c.study_id for c in scr.conflicts(project, TA, "lead") if c.open]


def test_a_final_on_votes_that_changed_since_the_screen_showed_them_is_refused(project_b, tmp_path):
    ids = add_records(project_b, make_records(2))
    conflict_on(project_b, ids)
    folder, copy = project_b.folder, tmp_path / "copy"
    shutil.copytree(folder, copy)  # reviewer1's copy
    with open_project(copy) as theirs:  # still a conflict, on other votes
        scr.decide(theirs.db, ids[0], TA, "reviewer1", "uncertain")
    log = tmp_path / "reviewer1.jsonl"
    assert (
        main(["decisions", "export", "--reviewer", "reviewer1", str(log), "--project", str(copy)])
        == 0
    )

    async def go() -> None:
        app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            s = app.screen
            assert s.views[s.pos].study_id == ids[0]
            assert main(["decisions", "import", str(log), "--project", str(folder)]) == 0
            await pilot.press("e", "5")
            await pilot.pause()
            assert s.message.startswith("not saved:") and "changed" in s.message
            votes = dict((name, label) for name, label, _, _ in s.views[s.pos].votes)
            assert votes == {"reviewer1": "uncertain", "reviewer2": "exclude"}  # shown now
            await pilot.press("e", "5")  # read: the key again gives it
            await pilot.pause()
            assert s.message.startswith("saved: final exclude")
            await pilot.press("q")

    asyncio.run(go())
    assert _open(project_b) == [ids[1]]  # the first settled on the votes the lead read


def test_resolve_refuses_votes_other_than_those_shown(project_b):
    """The same rule for any caller that says what it showed (``shown``): the screen's."""
    (rec,) = add_records(project_b, make_records(1))
    conflict_on(project_b, [rec])
    (view,) = scr.conflicts(project_b, TA, "lead")
    scr.decide(project_b.db, rec, TA, "reviewer1", "uncertain")
    with pytest.raises(scr.VotesChangedMeanwhile) as caught:
        scr.resolve(project_b, rec, TA, "lead", "include", shown=view.votes)
    assert caught.value.view.votes != view.votes
    scr.resolve(project_b, rec, TA, "lead", "include", shown=caught.value.view.votes)
    assert scr.stage_outcomes(project_b, TA)[rec].status == "include"
