"""Going back (k) in a reopened screen walks my decisions, newest first, and the header agrees.

After a reopen the header counted the decisions first ("12 of 22") but k moved through queue
positions, where the seeded or ranked order had put the decided studies anywhere: the numbers
jumped (13, 3, 2, 12). The queue now holds my decided studies first, in the order decided.
"""

from __future__ import annotations

import asyncio
import re

from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"
SHOWN = re.compile(r"record (\d+) \((\d+) of (\d+)\)")


def shown(app: ReviewkitApp) -> tuple[int, int]:
    """(record id, its number) from the header."""
    found = SHOWN.search(app.screen.query_one("#status").render_line(0).text)
    assert found, "no record in the header"
    return int(found[1]), int(found[2])


def screen_app(project) -> ReviewkitApp:
    return ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "reviewer1")), keymap={})


def first_session(project) -> list[int]:
    """11 of 22 decided, every other one of the seeded order (a ranker had put them first),
    not in that order."""
    add_records(project, make_records(22))
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    decided = queue.studies[1::2][::-1]
    for study in decided:
        queue.decide(study, "exclude", "wrong-population")
    return decided


def test_a_reopened_queue_holds_my_decisions_first_in_the_order_made(project_a):
    decided = first_session(project_a)
    queue = scr.ReviewerQueue(project_a, TA, "reviewer1")
    seeded = scr.seeded_order(sorted(queue.studies), 0, "reviewer1", TA)
    assert queue.studies[:11] == decided
    assert queue.studies[11:] == [s for s in seeded if s not in decided]  # order unchanged
    # a decision on a study further on joins the end of my decisions; the rest stay
    later = queue.studies[14]
    queue.decide(later, "include")
    assert queue.studies[:12] == [*decided, later]
    assert queue.studies[12:] == [s for s in seeded if s not in queue.votes]
    assert all(queue.index[s] == p for p, s in enumerate(queue.studies))
    queue.undo()  # undecided again: first of the undecided part, where the screen shows it
    assert queue.studies[:12] == [*decided, later]
    assert queue.position_of(later) == 11


def test_k_walks_back_through_my_decisions_and_j_returns(project_a):
    first_session(project_a)

    async def session(keys, check) -> None:
        app = screen_app(project_a)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await check(app, pilot, keys)
            await pilot.press("q")

    made: list[int] = []

    async def decide_three(app, pilot, _keys) -> None:
        for _ in range(3):
            record, number = shown(app)
            assert number == 12 + len(made)
            made.append(record)
            await pilot.press("i")
            await pilot.pause()

    asyncio.run(session(None, decide_three))
    after = {}

    async def back_and_forth(app, pilot, _keys) -> None:
        record, number = shown(app)
        after["next"] = record
        assert number == 15  # 11 + 3 decided: the next one is the 15th
        walk = []
        for key in "kkkjjj":
            await pilot.press(key)
            await pilot.pause()
            walk.append(shown(app))
        assert walk == [
            (made[2], 14),  # the newest decision first
            (made[1], 13),
            (made[0], 12),
            (made[1], 13),
            (made[2], 14),
            (record, 15),  # back where I was
        ]

    asyncio.run(session(None, back_and_forth))
    assert after["next"] not in made


def test_deciding_a_record_passed_with_j_goes_on_after_it(project_a):
    first_session(project_a)
    app = screen_app(project_a)

    async def go() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            passed, _ = shown(app)
            await pilot.press("j")
            await pilot.pause()
            skipped, _ = shown(app)
            await pilot.press("j")
            await pilot.pause()
            decided, number = shown(app)
            following = app.first_screen.queue.studies[number]  # the record after it now
            assert number == 14
            await pilot.press("i")
            await pilot.pause()
            assert shown(app) == (following, 15)  # on from where it was, not back to 'passed'
            await pilot.press("k")
            await pilot.pause()
            assert shown(app) == (skipped, 14)  # the two passed ones moved one place on
            await pilot.press("k")
            await pilot.pause()
            assert shown(app) == (passed, 13)
            await pilot.press("k")
            await pilot.pause()
            assert shown(app) == (decided, 12)  # my newest decision, last of my decisions
            await pilot.press("q")

    asyncio.run(go())
