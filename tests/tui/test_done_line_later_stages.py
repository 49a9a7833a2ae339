"""The done line at title-abstract names the full-text work too ('next: full-text: …'), and it
kept the counts of my last vote after the full-text votes came (q44f): the queue's look counted
entries at this stage and those before only, none at a later stage. Once none is left here,
an entry at a later stage has the done line read again."""

from __future__ import annotations

import asyncio

from screening.helpers import until
from tui.helpers import FT, TA, shown, to_full_text

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def test_the_done_line_at_title_abstract_follows_the_full_text_votes(team) -> None:
    project, ids = team
    for study in ids:
        to_full_text(project, study)  # maria's title-abstract queue is done
    said: dict[str, str] = {}

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "Queue done" in shown(app, "#rank"), "the done line")
            said["done"] = shown(app, "#rank")
            # full text, in another terminal: maria's first vote there
            scr.decide(project.db, ids[0], FT, "maria", "include")
            s = app.first_screen
            s.last_key = 0.0  # no key for a while: the look takes others' votes
            s.look_for_changes()
            await pilot.pause()
            said["after"], said["message"] = shown(app, "#rank"), shown(app, "#message")
            await pilot.press("q")

    asyncio.run(go())
    assert "full-text: 3 records wait for you" in said["done"], said["done"]
    assert "full-text: 2 records wait for you" in said["after"], said["after"]
    assert said["message"] == (
        "every record here has your decision; votes at a later stage came: next: see 'Queue"
        " done' at the top"
    ), said["message"]


def test_a_look_with_no_entry_anywhere_reads_the_done_line_once(team, monkeypatch) -> None:
    """The later stages are looked at cheaply: with no entry since the done line was read the
    look does not read where work waits again (half a second on 50,000 records)."""
    from reviewkit import status

    project, ids = team
    for study in ids:
        to_full_text(project, study)
    reads: list[str] = []
    where_next = status.where_next

    def counted(*args, **kwargs) -> str:
        reads.append("read")
        return where_next(*args, **kwargs)

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "Queue done" in shown(app, "#rank"), "the done line")
            monkeypatch.setattr(status, "where_next", counted)
            s = app.first_screen
            for _ in range(3):
                s.last_key = 0.0
                s.look_for_changes()
                await pilot.pause()
            scr.decide(project.db, ids[0], FT, "tom", "include")
            s.last_key = 0.0
            s.look_for_changes()
            await pilot.pause()
            await pilot.press("q")

    asyncio.run(go())
    assert reads == ["read"], reads  # the one after tom's full-text vote
