"""The conflicts screen while reviewers still screen: paging a long abstract, new conflicts."""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import conflict_on, make_records

from reviewkit import screening as scr
from reviewkit.records import AbstractSection, Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.record_view import RecordView

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
    conflict_on(project_b, [rid])

    async def go() -> None:
        app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(RecordView)
            first = _shown(app)
            assert "more lines (PgDn / Space)" in first and "Sentence 39 " not in first
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


def test_conflicts_made_while_the_screen_is_open_join_the_list(project_b):
    """The lead resolves while reviewers still screen (two terminals): conflicts that arose
    after the screen opened never showed ("open 0") until the lead quit and came back."""
    ids = add_records(project_b, make_records(3))
    conflict_on(project_b, ids[:1])

    async def go() -> None:
        app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            s = app.screen
            await pilot.press("e", "5")  # the only conflict: resolved, none left
            await pilot.pause()
            assert "no new conflicts" in s.message
            # meanwhile the reviewers disagree on a second study
            scr.decide(project_b.db, ids[1], TA, "reviewer1", "exclude", "health-only")
            scr.decide(project_b.db, ids[1], TA, "reviewer2", "include")
            await pilot.press("j")  # at the end of the list: the new one joins it
            await pilot.pause()
            assert [v.study_id for v in s.views] == [ids[0], ids[1]] and s.pos == 1
            assert "1 new conflict at the end of the list" in s.message
            assert "open 1 · resolved 1" in s.query_one("#status").render_line(0).text
            conflict_on(project_b, ids[2:])
            await pilot.press("i")
            await pilot.pause()
            await pilot.press("enter")  # why include: left empty
            await pilot.pause()
            assert s.pos == 2 and s.views[2].study_id == ids[2]
            assert "saved: final include" in s.message and "1 new conflict" in s.message
            await pilot.press("q")

    asyncio.run(go())
