"""Two reviewers screening at once (screens40 walk): the one who finished first was told
"next: title-abstract: 1 record for another reviewer", and the line stayed so on the idle
screen after the other's vote had made a conflict for the lead. Once every record has my
decision, others' votes seen by the timer's look tell where work waits now."""

from __future__ import annotations

import asyncio

from tui.helpers import TA, shown

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def test_the_next_steps_of_a_finished_reviewer_follow_the_partner_s_votes(team) -> None:
    project, ids = team
    for study in ids[:2]:
        scr.decide(project.db, study, TA, "maria", "include")
        scr.decide(project.db, study, TA, "tom", "include")
    said: dict[str, str] = {}

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("i")  # maria's last record
            await pilot.pause()
            said["done"] = shown(app, "#message")
            scr.decide(project.db, ids[2], TA, "tom", "exclude", "not-employees")
            s = app.first_screen
            s.last_key = 0.0  # no key for a while: the look takes others' votes
            s.look_for_changes()
            await pilot.pause()
            said["after"] = shown(app, "#message")
            await pilot.press("q")

    asyncio.run(go())
    assert "1 record for another reviewer" in said["done"], said["done"]
    assert "1 conflict for a lead" in said["after"], said["after"]
    assert "another reviewer" not in said["after"], said["after"]
