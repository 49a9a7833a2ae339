"""The screening screen keeps up while it sits idle: others' votes, rerun records and the
includes of the stage before show without a key (they waited for the next key before)."""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import make_records, until

from reviewkit import screening as scr
from reviewkit.store.decisions import list_decisions
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA, FT = "title-abstract", "full-text"
SIZE = (100, 34)
LOOK_S = 0.02  # the screen's look for changes, made short for the test


def idle_screen(queue: scr.ReviewerQueue) -> ScreeningScreen:
    screen = ScreeningScreen(queue)
    screen.CHANGES_S = LOOK_S
    return screen


def status(app) -> str:
    return app.screen.query_one("#status").render_line(0).text


def test_an_idle_screen_shows_a_partners_votes_and_new_records_without_a_key(project_a):
    """Review A: one reviewer per record at title-abstract, so a study reviewer2 decides no
    longer waits for reviewer1, and one reviewer2 marks uncertain still does."""
    ids = add_records(project_a, make_records(6))
    queue = scr.ReviewerQueue(project_a, TA, "reviewer1")

    async def go():
        app = ReviewkitApp(idle_screen(queue), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            assert "remaining 6" in status(app)
            shown = s.current
            others = [i for i in ids if i != shown]
            scr.decide(project_a.db, others[0], TA, "reviewer2", "include")
            scr.decide(project_a.db, others[1], TA, "reviewer2", "exclude", "wrong-outcome")
            scr.decide(project_a.db, others[2], TA, "reviewer2", "uncertain")  # still mine
            await until(pilot, lambda: "remaining 4" in status(app), "the partner's votes")
            assert s.current == shown and s.message == ""  # the record read stays, no message
            assert "of 4)" in status(app)
            # the record on screen decided by the partner: the screen says so and moves on
            scr.decide(project_a.db, shown, TA, "reviewer2", "include")
            await until(pilot, lambda: s.current != shown, "moving off the decided record")
            assert f"record {shown} no longer waits for you" in s.message
            assert "remaining 3" in status(app)
            # a search rerun while the screen sits idle
            add_records(project_a, make_records(2, prefix="Rerun"), source="pubmed")
            await until(pilot, lambda: "remaining 5" in status(app), "the rerun's records")
            assert "2 new records from a search rerun or import" in s.message
            await pilot.press("q")
        # reviewer2's labels never showed (blinding): only counts and the message changed
        assert list_decisions(project_a.db, stage=TA, reviewer="reviewer1") == []

    asyncio.run(go())


def test_studies_included_at_title_abstract_join_an_open_full_text_screen(project_b):
    """Review B: two reviewers per record; a study both include at title-abstract enters the
    full-text stage, and reviewer1's open full-text screen takes it without a key."""
    ids = add_records(project_b, make_records(3))
    for reviewer in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, ids[0], TA, reviewer, "include")
    queue = scr.ReviewerQueue(project_b, FT, "reviewer1")

    async def go():
        app = ReviewkitApp(idle_screen(queue), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            assert s.current == ids[0] and "remaining 1" in status(app)
            scr.decide(project_b.db, ids[1], TA, "reviewer1", "include")
            scr.decide(project_b.db, ids[1], TA, "reviewer2", "uncertain")  # advances too
            await until(pilot, lambda: "remaining 2" in status(app), "the new include")
            assert ids[1] in queue.index and s.current == ids[0]
            assert "1 more record for you at this stage" in s.message
            await pilot.press("i")  # reviewer1's full-text vote on the first, then the new one
            assert s.current == ids[1]
            await pilot.press("q")

    asyncio.run(go())


def test_a_new_include_at_the_stage_before_is_a_change_and_my_own_entry_is_not(project_b):
    """The queue's change check counts the entries at the stage before (no record or link
    changes when a study is included there) and other reviewers' entries, never my own."""
    ids = add_records(project_b, make_records(3))
    ft = scr.ReviewerQueue(project_b, FT, "reviewer1")
    ta = scr.ReviewerQueue(project_b, TA, "reviewer1")
    assert ft.studies == []
    for reviewer in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, ids[2], TA, reviewer, "include")
    change = ft.refresh()
    assert change is not None and change.added == [ids[2]] and change.stored == 0
    assert ft.refresh() is None  # taken: one cheap look again
    assert ta.refresh() is not None  # reviewer2's vote: a change at title-abstract too
    ta.decide(ids[0], "exclude")
    ta.note(ids[1], "a note of mine")
    ta.undo()
    assert ta.refresh() is None  # my own entries are in the queue already
    assert ft.refresh(decisions=False) is None  # a key looks at records and links only
    scr.decide(project_b.db, ids[1], TA, "reviewer2", "include")
    assert ta.refresh(decisions=False) is None and ta.refresh() is not None
