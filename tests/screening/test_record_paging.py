"""Paging a long abstract in the conflicts screen, as the record pane tells the lead to."""

from __future__ import annotations

import asyncio

from conftest import add_records

from reviewkit import screening as scr
from reviewkit.records import AbstractSection, Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.widgets import RecordView

TA = "title-abstract"
LONG = " ".join(
    f"Sentence {i} of a long abstract on return to work after sick leave." for i in range(40)
)


def test_conflicts_page_a_long_abstract_at_80x24(project_b):
    """The pane said "… 24 more lines (Space / PgDn)" but Space and PgDn did nothing in the
    conflicts screen: a lead at 80x24 could not read the end of the abstract (the results)
    before the final call."""
    (rid,) = add_records(
        project_b,
        [Record(title="A long one", abstract_sections=[AbstractSection("", LONG)], year=2020)],
    )
    scr.decide(project_b.db, rid, TA, "reviewer1", "include")
    scr.decide(project_b.db, rid, TA, "reviewer2", "exclude", "health-only")

    async def go() -> None:
        app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(RecordView)
            first = _shown(app)
            assert "more lines (Space / PgDn)" in first and "Sentence 39 " not in first
            await pilot.press("space")
            await pilot.pause()
            assert view.line_offset > 0 and _shown(app) != first
            for _ in range(3):
                await pilot.press("space")
            await pilot.pause()
            assert "Sentence 39 " in _shown(app)
            end = view.line_offset
            await pilot.press("pageup")
            await pilot.pause()
            assert view.line_offset < end
            await pilot.press("pagedown")
            assert view.line_offset == end
            await pilot.press("q")

    asyncio.run(go())


def _shown(app: ReviewkitApp) -> str:
    """The record pane's text as the terminal shows it, row by row."""
    view = app.screen.query_one(RecordView)
    return "\n".join(view.render_line(y).text for y in range(view.size.height))
