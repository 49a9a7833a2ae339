"""The lead's conflicts walked in tmux (screens40): a conflict passed with j stayed open, and
resolving the last of the list left the lead on it, with "open 1" in the header and no word
of where that one was: the screen goes back round to the first conflict still open."""

from __future__ import annotations

import asyncio

from tui.helpers import TA, shown

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen


def test_resolving_the_last_conflict_goes_back_to_one_passed_with_j(team) -> None:
    project, ids = team
    for study in ids[:2]:
        scr.decide(project.db, study, TA, "maria", "include")
        scr.decide(project.db, study, TA, "tom", "exclude", "not-employees")

    async def go() -> tuple[int | None, str]:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("j")  # the first passed: left open
            await pilot.press("e", "1")  # the last resolved
            await pilot.pause()
            s = app.first_screen
            out = (s.views[s.pos].study_id if s.pos is not None else None, shown(app, "#message"))
            await pilot.press("q")
        return out

    study, said = asyncio.run(go())
    assert study == ids[0], said  # was: stayed on ids[1], resolved
    assert said.startswith(
        f"saved: final exclude (Not employees of working age) on record {ids[1]}"
    )
    assert f"back to record {ids[0]}, still open" in said, said
