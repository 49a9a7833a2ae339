"""Two reviewers screening a stage with one reviewer per record at the same time: a screen
holds a short claim on the record it shows, and the other reviewer's queue goes past it.

Both queues followed the same (ranked) order, so both screens opened the same record; the
slower reviewer kept losing it ("record N no longer waits for you") and their vote was
refused. The claims live in the project database, lapse after a few minutes (a killed
session's too), never block a vote, and are not taken where every record waits for two
reviewers (blinding)."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta

from conftest import add_records
from screening.helpers import make_records, until

from reviewkit import screening as scr
from reviewkit.project import open_project
from reviewkit.screening.claims import CLAIM_TTL_S
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"
SIZE = (100, 34)


def same_order(ids: list[int]) -> list[int]:
    """One order for both reviewers, as the protocol's ranked order is."""
    return sorted(ids)


def age_claims(project, seconds: float) -> None:
    """Move every claim's time back by ``seconds`` (time passing, without waiting)."""
    conn = sqlite3.connect(project.database_path)
    try:
        rows = conn.execute("SELECT stage, reviewer, claimed_at FROM screen_claims").fetchall()
        for stage, reviewer, at in rows:
            old = datetime.fromisoformat(at) - timedelta(seconds=seconds)
            conn.execute(
                "UPDATE screen_claims SET claimed_at = ? WHERE stage = ? AND reviewer = ?",
                (old.isoformat(timespec="microseconds"), stage, reviewer),
            )
        conn.commit()
    finally:
        conn.close()


def test_two_queues_in_one_order_start_on_different_records(project_a):
    add_records(project_a, make_records(6))
    other = open_project(project_a.folder)  # the second reviewer's own connection
    try:
        q1 = scr.ReviewerQueue(project_a, TA, "reviewer1", order=same_order)
        q2 = scr.ReviewerQueue(other, TA, "reviewer2", order=same_order)
        assert q1.studies == q2.studies
        first = q1.next_for_me(0)
        assert first == 0 and q1.held == q1.studies[0]
        second = q2.next_for_me(0)
        assert q2.studies[second] != q1.studies[first]  # went past the claimed record
        # reviewer1 votes and moves on: past reviewer2's record too, and nothing is refused
        q1.decide(q1.studies[first], "include")
        nxt = q1.next_for_me(first + 1)
        assert q1.studies[nxt] not in (q1.studies[first], q2.held)
        q2.decide(q2.held, "exclude", "wrong-outcome")
        # leaving frees the record at once
        q1.let_go()
        assert q1.held is None and q2.held_by_others() == set()
    finally:
        other.close()


def test_a_claim_never_blocks_a_vote_and_the_last_records_are_shown_anyway(project_a):
    ids = add_records(project_a, make_records(2))
    q1 = scr.ReviewerQueue(project_a, TA, "reviewer1", order=same_order)
    q2 = scr.ReviewerQueue(project_a, TA, "reviewer2", order=same_order)
    assert q1.hold(ids[0]) and q2.hold(ids[1])
    assert not q2.hold(ids[0])  # held by reviewer1: not taken, reviewer2 keeps their own
    assert q2.held == ids[1]
    q2.decide(ids[1], "include")
    # only reviewer1's record is left for reviewer2: shown all the same
    assert q2.studies[q2.next_for_me(0)] == ids[0]
    q2.decide(ids[0], "exclude", "wrong-outcome")  # the first vote decides it
    assert not q1.needs_me(ids[0])


def test_a_claim_lapses_after_a_few_minutes(project_a):
    ids = add_records(project_a, make_records(3))
    q1 = scr.ReviewerQueue(project_a, TA, "reviewer1", order=same_order)
    q2 = scr.ReviewerQueue(project_a, TA, "reviewer2", order=same_order)
    assert q1.hold(ids[0])
    age_claims(project_a, CLAIM_TTL_S - 30)
    assert q2.held_by_others() == {ids[0]}  # still held: not yet lapsed
    age_claims(project_a, 60)
    assert q2.held_by_others() == set()
    assert q2.studies[q2.next_for_me(0)] == ids[0]


def test_a_killed_sessions_claim_frees_its_record(project_a):
    ids = add_records(project_a, make_records(3))
    folder = project_a.folder
    script = textwrap.dedent(
        f"""
        import os, signal
        from reviewkit import screening as scr
        from reviewkit.project import open_project
        project = open_project({str(folder)!r})
        queue = scr.ReviewerQueue(project, {TA!r}, "reviewer1", order=sorted)
        assert queue.next_for_me(0) == 0
        os.kill(os.getpid(), signal.SIGKILL)  # no let_go, no close
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert done.returncode == -9, done.stderr.decode()
    q2 = scr.ReviewerQueue(project_a, TA, "reviewer2", order=same_order)
    assert q2.held_by_others() == {ids[0]}
    assert q2.studies[q2.next_for_me(0)] == ids[1]
    age_claims(project_a, CLAIM_TTL_S + 1)  # the killed screen renews nothing
    q2.let_go()
    assert q2.studies[q2.next_for_me(0)] == ids[0]


def test_no_claims_where_every_record_waits_for_two_reviewers(project_b):
    """Review B: two reviewers per record. Both see the same record; a claim there would
    tell one what the other reads (blinding)."""
    add_records(project_b, make_records(4))
    q1 = scr.ReviewerQueue(project_b, TA, "reviewer1", order=same_order)
    q2 = scr.ReviewerQueue(project_b, TA, "reviewer2", order=same_order)
    assert q1.next_for_me(0) == 0 and q2.next_for_me(0) == 0
    assert q1.held is None and q2.held_by_others() == set()


def test_two_screens_on_one_project_show_different_records(project_a):
    """Two screens driven at once, each on its own connection, queues in one order."""
    add_records(project_a, make_records(12))
    other = open_project(project_a.folder)

    async def go() -> None:
        q1 = scr.ReviewerQueue(project_a, TA, "reviewer1", order=same_order)
        q2 = scr.ReviewerQueue(other, TA, "reviewer2", order=same_order)
        app1 = ReviewkitApp(ScreeningScreen(q1), keymap={})
        app2 = ReviewkitApp(ScreeningScreen(q2), keymap={})
        async with app1.run_test(size=SIZE) as p1, app2.run_test(size=SIZE) as p2:
            s1, s2 = app1.first_screen, app2.first_screen
            assert s1.current is not None and s2.current is not None
            assert s1.current != s2.current
            for _ in range(2):  # each votes twice; neither is refused, none meet
                shown = s1.current
                await p1.press("i")
                assert "saved: include" in s1.message and s1.current not in (shown, s2.current)
                shown = s2.current
                await p2.press("e", "1")
                assert "saved: exclude" in s2.message and s2.current != s1.current
            await p1.press("q")
            await p2.press("q")
        # leaving freed both records
        for reviewer in ("reviewer1", "reviewer2"):
            assert scr.ReviewerQueue(project_a, TA, reviewer).held_by_others() == set()

    try:
        asyncio.run(go())
    finally:
        other.close()


def test_a_screen_renews_its_claim_while_it_shows_the_record(project_a, monkeypatch):
    add_records(project_a, make_records(3))
    monkeypatch.setattr("reviewkit.screening.claims.RENEW_S", 0.0)
    q1 = scr.ReviewerQueue(project_a, TA, "reviewer1", order=same_order)
    q2 = scr.ReviewerQueue(project_a, TA, "reviewer2", order=same_order)

    async def go() -> None:
        screen = ScreeningScreen(q1)
        screen.CHANGES_S = 0.02
        app = ReviewkitApp(screen, keymap={})
        async with app.run_test(size=SIZE) as pilot:
            shown = app.first_screen.current
            age_claims(project_a, CLAIM_TTL_S + 1)  # lapsed, unless the open screen renews it
            await until(pilot, lambda: q2.held_by_others() == {shown}, "the renewed claim")
            await pilot.press("q")

    asyncio.run(go())


def test_going_to_a_record_another_screen_holds_frees_the_one_left(project_a):
    """j (or g, /) onto the record reviewer2's screen shows: reviewer1's screen no longer
    shows the record it claimed, so that record is free for reviewer2 (the claim was kept,
    and renewed every minute for as long as the screen stayed open)."""
    ids = add_records(project_a, make_records(3))
    q1 = scr.ReviewerQueue(project_a, TA, "reviewer1", order=same_order)
    q2 = scr.ReviewerQueue(project_a, TA, "reviewer2", order=same_order)

    async def go() -> None:
        assert q2.hold(ids[1])
        app = ReviewkitApp(ScreeningScreen(q1), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            screen = app.first_screen
            assert screen.current == ids[0] and q2.held_by_others() == {ids[0]}
            await pilot.press("j")
            assert screen.current == ids[1]
            assert "another reviewer's screen" in screen.message
            assert q2.held_by_others() == set()  # ids[0] is not on reviewer1's screen now
            await pilot.press("q")

    asyncio.run(go())


def test_a_pick_reads_the_other_screens_claims_once(project_a, monkeypatch):
    """Going past the records other screens hold takes one read of the claims per pick, also
    when the pick wraps round to the top of the queue (it was read again there)."""
    from reviewkit.store import claims as claim_rows

    ids = add_records(project_a, make_records(4))
    q1 = scr.ReviewerQueue(project_a, TA, "reviewer1", order=same_order)
    q2 = scr.ReviewerQueue(project_a, TA, "reviewer2", order=same_order)
    assert q2.hold(ids[0])
    q1.decide(ids[3], "include")
    reads: list[str] = []
    read = claim_rows.held_by_others

    def spy(db, stage, reviewer, **kw):
        reads.append(reviewer)
        return read(db, stage, reviewer, **kw)

    monkeypatch.setattr(claim_rows, "held_by_others", spy)
    # after the last record of the queue (as the screen asks after a vote there): wraps round
    # to the top, past reviewer2's ids[0]
    assert q1.studies[q1.next_for_me(len(q1.studies))] == ids[1]
    assert reads == ["reviewer1"]
