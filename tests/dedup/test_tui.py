"""The review screen driven with Textual's Pilot: every key, commits before the next pair; a snapshot."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from conftest import Caught, add_records, drained, write_lock
from dedup.helpers import TITLE, other, rec
from dedup.review_setup import BARE

from reviewkit import screening as scr
from reviewkit.dedup import engine
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_pair import marked
from reviewkit.tui.dedup_review import DedupReviewScreen
from reviewkit.tui.help import HelpScreen
from reviewkit.tui.messages import PairJudged

SIZE = (110, 30)


@pytest.fixture
def queued(project_b):
    """Three uncertain pairs: near copies of one title with fields missing."""
    ids = add_records(
        project_b,
        [
            rec(**BARE),
            rec(**BARE, title=TITLE.upper(), source="Embase"),
            rec(**BARE, title=f"[{TITLE}]", source="Scholar"),
            other(
                3,
                title="A workplace intervention for neck pain: a cluster randomised trial",
                **BARE,
            ),
            other(
                4,
                title="A workplace intervention for neck pain: a cluster randomized trial",
                **BARE,
            ),
        ],
    )
    engine.run_dedup(project_b.db)
    assert len(engine.review_queue(project_b.db)) >= 2
    return project_b, ids


@pytest.fixture
def screened_pair(queued):
    """The first queued pair, its records screened apart (include / exclude): merging them
    changes screening, so the screen shows the change and merges on a second press."""
    project, _ = queued
    pair = engine.review_queue(project.db)[0]
    for who in ("reviewer1", "reviewer2"):
        scr.decide(project.db, pair.a, "title-abstract", who, "include")
        scr.decide(project.db, pair.b, "title-abstract", who, "exclude", "long-term")
    return project, pair


def committed(project) -> list[tuple[int, int, str, str]]:
    """Person links as another connection sees them (proves the commit)."""
    with sqlite3.connect(project.database_path) as conn:
        return conn.execute(
            "SELECT record_a, record_b, verdict, made_by FROM duplicate_links"
            " WHERE made_by LIKE 'person:%' ORDER BY id"
        ).fetchall()


def test_same_different_skip_undo_help_quit(queued):
    project, ids = queued

    async def go():
        app = ReviewkitApp(DedupReviewScreen(project, "ann"), keymap={})
        judged = Caught(PairJudged)
        async with app.run_test(size=SIZE, message_hook=judged) as pilot:
            screen = app.first_screen
            first = screen.pair
            assert first is not None
            await pilot.press("s")
            assert committed(project) == [(first.a, first.b, "duplicate", "person:ann")]
            second = screen.pair
            assert second is not None and (second.a, second.b) != (first.a, first.b)
            await pilot.press("j")  # skip: nothing written
            assert len(committed(project)) == 1
            await pilot.pause()
            assert [(m.a, m.b, m.verdict) for m in judged] == [(first.a, first.b, "duplicate")]
            third = screen.pair
            assert third is None or (third.a, third.b) != (second.a, second.b)
            await pilot.press("z")  # undo the 'same' verdict: that pair shows again
            assert committed(project)[-1] == (first.a, first.b, "uncertain", "person:ann")
            assert (screen.pair.a, screen.pair.b) == (first.a, first.b)
            await pilot.press("d")
            assert committed(project)[-1] == (first.a, first.b, "not_duplicate", "person:ann")
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            assert app.screen is screen
            await pilot.press("q")
        assert app.return_code in (0, None)

    asyncio.run(go())


def test_empty_queue_says_so_and_keys_do_nothing(project_b):
    add_records(project_b, [other(1), other(2)])
    engine.run_dedup(project_b.db)

    async def go():
        app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            assert app.first_screen.pair is None
            await pilot.press("s", "d", "j")
            await pilot.press("z")
            assert "nothing to undo" in str(app.first_screen.query_one("#message").render())
            assert committed(project_b) == []

    asyncio.run(go())


def test_keymap_remaps_a_verdict_key(queued):
    project, _ = queued

    async def go():
        app = ReviewkitApp(DedupReviewScreen(project, "ann"), keymap={"dedup.same": "y"})
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s")
            assert committed(project) == []
            await pilot.press("y")
            assert committed(project)[0][2] == "duplicate"

    asyncio.run(go())


def test_differences_are_marked_word_by_word():
    text = marked("Return to work in Norway", "Return to work in Sweden")
    styled = [text.plain[s.start : s.end] for s in text.spans if s.style]
    assert styled == ["Norway"]


def test_snapshot_review_screen(queued, snap_compare):
    project, _ = queued
    assert snap_compare(
        ReviewkitApp(DedupReviewScreen(project, "ann"), keymap={}), terminal_size=SIZE
    )


def test_a_merge_of_screened_records_is_shown_first_and_made_on_a_second_press(screened_pair):
    """The lead (who does not screen) is shown how the records were decided; a reviewer of
    the open stage is not (Effect.lines: test_merge_by_hand)."""
    project, pair = screened_pair

    async def go():
        app = ReviewkitApp(DedupReviewScreen(project, "lead"), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            assert (app.first_screen.pair.a, app.first_screen.pair.b) == (pair.a, pair.b)
            await pilot.press("s")
            message = str(app.first_screen.query_one("#message").render())
            assert "merging changes screening" in message and "disagree" in message
            assert committed(project) == []
            await pilot.press("s")
            assert committed(project) == [(pair.a, pair.b, "duplicate", "person:lead")]

    asyncio.run(go())


def test_the_review_screen_and_the_queue_sheet_show_one_list_of_fields(queued, tmp_path):
    project, _ids = queued
    # the screen is built on a project and holds no store handle of its own
    screen = DedupReviewScreen(project, "ann")
    assert not hasattr(screen, "db")
    # the sheet writes, for each record, the fields the screen shows, in its order
    from reviewkit.dedup.queue_csv import write_queue_csv

    write_queue_csv(project.db, tmp_path / "q.csv", project.folder)
    header = (tmp_path / "q.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    shown = [h.removeprefix("a_") for h in header if h.startswith("a_")]
    # the type: beside the screen's id; the journal's abbreviation: in the screen's journal cell
    at = engine.PAIR_FIELDS.index("journal") + 1
    fields = engine.PAIR_FIELDS
    assert tuple(shown) == (*fields[:at], "journal_abbreviation", *fields[at:], "type")
    assert "pmcid" in shown and "origin" in shown


def message(screen) -> str:
    return str(screen.query_one("#message").render())


def test_verdicts_on_a_busy_database_are_kept_and_land_once(queued):
    """Another connection holds the write lock (as an import does) during the key presses: the
    screen answers at once and keeps the keys; once free, each lands once, in order."""
    project, _ = queued

    async def go():
        app = ReviewkitApp(DedupReviewScreen(project, "ann"), keymap={})
        judged = Caught(PairJudged)
        async with app.run_test(size=SIZE, message_hook=judged) as pilot:
            screen = app.first_screen
            first = (screen.pair.a, screen.pair.b)
            with write_lock(project):
                await pilot.press("s", "j")  # same record, then skip the next pair: both kept
                await pilot.pause()
                assert "database busy" in message(screen) and "2 keys kept" in message(screen)
                assert screen.waiting == 2 and (screen.pair.a, screen.pair.b) == first
                assert committed(project) == []
            await drained(pilot, screen)
            assert screen.waiting == 0
            assert committed(project) == [(*first, "duplicate", "person:ann")]
            assert [(m.a, m.b, m.verdict) for m in judged] == [(*first, "duplicate")]
            assert len(screen.skipped) == 1 and first not in screen.skipped  # 'j' ran after
            with write_lock(project):
                await pilot.press("z")  # undo waits as well
                await pilot.pause()
                assert screen.waiting == 1 and len(committed(project)) == 1
            await drained(pilot, screen)
            assert committed(project)[1:] == [(*first, "uncertain", "person:ann")]
            assert (screen.pair.a, screen.pair.b) == first

    asyncio.run(go())


def test_a_confirmed_merge_kept_on_a_busy_database_is_made_once_free(screened_pair):
    """The second press of a merge that changes screening, kept while the database is busy,
    still merges when it runs (it does not ask again)."""
    project, pair = screened_pair

    async def go():
        app = ReviewkitApp(DedupReviewScreen(project, "ann"), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            screen = app.first_screen
            await pilot.press("s")  # reads only: the change is shown at once
            assert "merging changes screening" in message(screen)
            with write_lock(project):
                await pilot.press("s")
                await pilot.pause()
                assert screen.waiting == 1 and committed(project) == []
            await drained(pilot, screen)
            assert committed(project) == [(pair.a, pair.b, "duplicate", "person:ann")]

    asyncio.run(go())


def test_status_line_keeps_the_queue_in_view_at_80_columns(queued):
    """The pairs left lead the status line: last on it, they were cut off at 80 columns."""
    project, _ = queued
    left = len(engine.review_queue(project.db))

    async def go():
        app = ReviewkitApp(DedupReviewScreen(project, "reviewer1"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            shown = app.screen.query_one("#status").render_line(0).text
            assert shown.startswith(f"{left} in queue · 0 decided · pair ")
            await pilot.press("q")

    asyncio.run(go())


def test_a_long_message_is_read_whole_at_80_columns(queued):
    """A verdict kept while another command writes: the message says the keys are kept and
    how to quit without them; at 80 columns the one-line message area cut its end off."""
    project, _ = queued

    async def go() -> str:
        app = ReviewkitApp(DedupReviewScreen(project, "ann"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            with write_lock(project):
                await pilot.press("s")
                await pilot.pause()
                widget = app.screen.query_one("#message")
                rows = [widget.render_line(y).text.strip() for y in range(widget.size.height)]
            await pilot.press("q")
        return " ".join(rows)

    shown = asyncio.run(go())
    assert "database busy" in shown and "ctrl+q quits without them" in shown


def test_decided_counts_the_projects_verdicts_as_conflicts_counts_every_resolved(queued):
    """'decided' is every pair a person settled in the project (another session's, another
    reviewer's), as the conflicts screen's 'resolved' counts every final decision: it counted
    this session's verdicts only, 0 on reopening after a day's review."""
    project, _ = queued
    first = engine.review_queue(project.db)[0]
    engine.decide_pair(project.db, first.a, first.b, "not_duplicate", "reviewer1")  # yesterday

    def status(screen) -> str:
        return str(screen.query_one("#status").render_line(0).text)

    async def go():
        screen = DedupReviewScreen(project, "lead")
        app = ReviewkitApp(screen, keymap={})
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert " · 1 decided · " in status(screen)
            await pilot.press("d")
            await pilot.pause()
            assert " · 2 decided · " in status(screen)
            await pilot.press("z")
            await pilot.pause()
            assert " · 1 decided · " in status(screen)
            await pilot.press("q")
        assert screen.quit_line().startswith("lead at dedup review: 1 pair decided, ")

    asyncio.run(go())
