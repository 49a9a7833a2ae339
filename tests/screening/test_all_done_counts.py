"""At a stage with one reviewer per record, the last vote of one reviewer while the other
decided the rest: the message said "all done at this stage" (read from the database) while the
header still counted the records the other reviewer had decided ("remaining 12"), until the
screen sat idle for 3 seconds. The header and the message now agree at once."""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.project import open_project
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"


def test_all_done_says_remaining_0_at_once(project_a):
    ids = add_records(project_a, make_records(4))
    other = open_project(project_a.folder)  # the second reviewer's own connection

    async def go() -> None:
        q1 = scr.ReviewerQueue(project_a, TA, "reviewer1", order=sorted)
        screen = ScreeningScreen(q1)
        screen.CHANGES_S = 3600.0  # no idle look at others' votes during the test
        app = ReviewkitApp(screen, keymap={})
        async with app.run_test(size=(100, 34)) as pilot:
            assert screen.current == ids[0]
            q2 = scr.ReviewerQueue(other, TA, "reviewer2", order=sorted)
            for study in ids[1:]:  # reviewer2 decides every other record meanwhile
                q2.decide(study, "exclude", "wrong-outcome")
            await pilot.press("i")
            assert "all done at this stage" in screen.message
            status = str(screen.query_one("#status").render())
            assert status.startswith("remaining 0 · decided 1"), status
            await pilot.press("q")

    try:
        asyncio.run(go())
    finally:
        other.close()
