"""The order line of a finished queue ('Queue done: every record here has your decision ·
next: …') follows the other reviewers' votes (tui44): the message line was told where work
waits after the partner's last vote, but the order line kept 'next: title-abstract: 1 record
for another reviewer' under it, read once for my last vote and not again."""

from __future__ import annotations

import asyncio

from screening.helpers import until
from tui.helpers import TA, shown

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def test_the_done_line_is_read_again_when_the_partner_s_vote_changes_what_comes_next(team):
    project, ids = team
    for study in ids[:2]:
        scr.decide(project.db, study, TA, "maria", "include")
        scr.decide(project.db, study, TA, "tom", "include")
    rows: dict[str, str] = {}

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("i")  # maria's last record
            s = app.first_screen
            await until(pilot, lambda: "Queue done" in shown(app, "#rank"), "the done line")
            rows["done"] = shown(app, "#rank")
            scr.decide(project.db, ids[2], TA, "tom", "exclude", "not-employees")
            s.last_key = 0.0  # no key for a while: the look takes others' votes
            s.look_for_changes()
            await until(pilot, lambda: "conflict" in shown(app, "#rank"), "the line read again")
            rows["after"] = shown(app, "#rank")
            await pilot.press("q")

    asyncio.run(go())
    assert "1 record for another reviewer" in rows["done"], rows["done"]
    assert "1 conflict for a lead" in rows["after"], rows["after"]
    assert "another reviewer" not in rows["after"], rows["after"]
