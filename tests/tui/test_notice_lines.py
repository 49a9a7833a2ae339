"""The screening screen shows a record's retraction, erratum or comment beside it
(reviewkit.dedup.concerns): a reviewer deciding on a retracted trial was not told."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from contextlib import contextmanager

from conftest import add_records
from screening.helpers import make_records
from tui.helpers import TA, shown

from reviewkit import screening as scr
from reviewkit.dedup import concerns_kept as concerns_mod
from reviewkit.records import Correction, Record
from reviewkit.store.db import Store
from reviewkit.tui import notice_lines
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def test_the_record_view_says_the_record_was_retracted(project_b) -> None:
    links = [Correction("RetractionIn", "Lancet. 2021;1:2", "31000009"), Correction("CommentIn")]
    article = Record(
        title="Graded activity and sick leave in workers with low back pain: a randomised trial",
        pmid="31000001",
        year=2020,
        comments_corrections=links,
    )
    (rid,) = add_records(project_b, [article])

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project_b, TA, "reviewer1")))
        async with app.run_test(size=(120, 34)) as pilot:
            await app.workers.wait_for_complete()  # not kept (no import): found in a thread
            await pilot.press("j")
            text = shown(app, "#record")
            assert "Retracted (PMID 31000009 — Retraction of Publication)" in text
            assert "Comment (PubMed's link)" in text
            assert text.index("Retracted") < text.index(f"Record {rid}")

    asyncio.run(go())


def test_the_first_record_is_drawn_before_the_notices_are_found(project_b, monkeypatch) -> None:
    """Finding the notices reads every title (seconds on a large project): unless they are
    kept, the screen draws its first record first, finds them in a thread, keeps them for the
    next session, and draws the record again with them."""
    article = Record(
        title="Graded activity and sick leave in workers with low back pain: a randomised trial",
        pmid="31000001",
        comments_corrections=[Correction("RetractionIn", "", "31000009")],
    )
    (rid,) = add_records(project_b, [article])
    started = threading.Event()
    first_record: list[str] = []

    def find_after_the_first_record(path):
        started.wait(timeout=10)  # the first record is drawn without it
        return concerns_mod.keep_project_concerns_at(path)

    monkeypatch.setattr(notice_lines, "keep_project_concerns_at", find_after_the_first_record)

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project_b, TA, "reviewer1")))
        async with app.run_test(size=(120, 34)) as pilot:
            await pilot.pause()
            first_record.append(shown(app, "#record"))
            started.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "Retracted (PMID 31000009" in shown(app, "#record")

    asyncio.run(go())
    assert f"Record {rid}" in first_record[0] and "Retracted" not in first_record[0]
    assert concerns_mod.kept_project_concerns(project_b.db) is not None  # the next session's


def test_a_failed_search_for_notices_is_said_on_the_message_line(project_b, monkeypatch) -> None:
    """The thread that finds the notices fails (a damaged database, a disk error): the session
    is told on the message line that no notices are shown, not left to read none as none."""
    add_records(project_b, [Record(title="Graded activity and sick leave: a randomised trial")])

    def fails(path):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(notice_lines, "keep_project_concerns_at", fails)

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project_b, TA, "reviewer1")))
        async with app.run_test(size=(120, 34)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            said = shown(app, "#message")
            assert "retractions, errata and comments not shown" in said
            assert "database disk image is malformed" in said

    asyncio.run(go())


def test_a_key_waiting_for_the_screens_own_search_for_notices_says_so(project_b, monkeypatch):
    """The first screen after an upgrade that changed the notices' rules finds them again in a
    thread, which writes what it found; a key pressed while that thread holds the write lock
    waits for it, and the message line names that write of this reviewkit, not 'another
    reviewkit command'. The key is written once the thread is done."""
    add_records(project_b, make_records(3))
    holding, release = threading.Event(), threading.Event()
    plain = Store.transaction

    @contextmanager
    def held_by_the_thread(self, *args, **kwargs):  # the thread's first write, held till released
        with plain(self, *args, **kwargs) as conn:
            if threading.current_thread() is not threading.main_thread() and not holding.is_set():
                holding.set()
                release.wait(timeout=10)
            yield conn

    monkeypatch.setattr(Store, "transaction", held_by_the_thread)
    said: list[str] = []

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project_b, TA, "reviewer1")))
        async with app.run_test(size=(120, 34)) as pilot:
            screen = app.first_screen
            for _ in range(200):
                if holding.is_set():
                    break
                await pilot.pause(0.05)
            await pilot.press("i")
            said.append(screen.message)
            release.set()
            await app.workers.wait_for_complete()
            for _ in range(100):
                if not screen.waiting:
                    break
                await pilot.pause(0.1)
            assert screen.waiting == 0

    asyncio.run(go())
    assert "database busy (this reviewkit is keeping the retractions, errata" in said[0]
    assert "another reviewkit command" not in said[0] and "1 key kept" in said[0]
    with sqlite3.connect(project_b.database_path) as conn:
        assert conn.execute("SELECT label FROM decisions").fetchall() == [("include",)]
