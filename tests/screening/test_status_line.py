"""The status line at 80 columns: the figure a reviewer watches stays in view.

A status line is one row; whatever did not fit used to wrap onto a hidden second row, so at
80 columns "remaining N" (screening) and "open N" (conflicts) vanished without a sign.
"""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import conflict_on, make_records

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"
NARROW = (80, 24)


def shown_status(app: ReviewkitApp) -> str:
    """The status line as the terminal shows it (its one visible row)."""
    return app.screen.query_one("#status").render_line(0).text


def test_screening_keeps_remaining_in_view_at_80_columns(project_a):
    # Review A screened 175 records: three-digit figures, a reviewer name from the protocol
    add_records(project_a, make_records(175))
    queue = scr.ReviewerQueue(project_a, TA, "reviewer1")
    app = ReviewkitApp(ScreeningScreen(queue), keymap={})

    async def go():
        async with app.run_test(size=NARROW) as pilot:
            await pilot.press("i")
            await pilot.pause()
            line = shown_status(app)
            assert "remaining 174" in line and "decided 1" in line
            assert f"record {queue.studies[1]} (2 of 175)" in line
            await pilot.press("q")

    asyncio.run(go())


def test_conflicts_keep_open_in_view_at_80_columns(project_b):
    ids = add_records(project_b, make_records(12))
    conflict_on(project_b, ids)
    app = ReviewkitApp(ConflictsScreen(project_b, TA, "third-reviewer"), keymap={})

    async def go():
        async with app.run_test(size=NARROW) as pilot:
            await pilot.pause()
            line = shown_status(app)
            # the place shortened to fit, whole (its record id kept before 'of 12': the lead
            # finds a conflict by its record, as `conflicts --list` names it)
            assert f"open 12 · resolved 0 · conflict 1 (record {ids[0]}) · {TA}" in line, line
            await pilot.press("q")

    asyncio.run(go())


def test_the_conflicts_header_names_the_record(project_b):
    """`conflicts --list` and the messages name a conflict by its record id ("13 open …",
    "saved: final include on record 13"); the header said only "conflict 5 of 11", so a lead
    told of record 13 could not find it without reading each title."""
    ids = add_records(project_b, make_records(3))
    conflict_on(project_b, ids)
    app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})

    async def go():
        async with app.run_test(size=NARROW) as pilot:
            await pilot.press("j")
            assert f"conflict 2 of 3 (record {ids[1]})" in shown_status(app)
            await pilot.press("q")

    asyncio.run(go())


def test_the_conflicts_header_keeps_stage_and_resolver_in_view_at_80_columns(project_a):
    """Review A's lead at 80x24 read '… conflict 1 of 1 (record 21) · title-abstract ·
    resolver…': the name was cut. It is named bare, as the screening header names its reviewer,
    and fits with a two-digit count and record id."""
    ids = add_records(project_a, make_records(25))
    for study in ids[-12:]:  # uncertain sends it to a second reviewer, who excludes
        scr.decide(project_a.db, study, TA, "reviewer1", "uncertain")
        scr.decide(project_a.db, study, TA, "reviewer2", "exclude", "duplicate")
    app = ReviewkitApp(ConflictsScreen(project_a, TA, "lead"), keymap={})

    async def go():
        async with app.run_test(size=NARROW) as pilot:
            await pilot.pause()
            line = shown_status(app).rstrip()
            assert line.endswith(f"(record {ids[-12]}) · title-abstract · lead"), line
            await pilot.press("q")

    asyncio.run(go())
