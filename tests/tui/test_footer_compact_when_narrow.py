"""The footer on a split terminal (s47, a walk at 60x20 in tmux): the conflicts footer's keys
at full width take 79 columns, and at 60 Textual cut them, 'q Quit' drawn as 'q Qui'. A footer
whose keys do not fit is compact now (a space less round each key), and full again once the
terminal is wide enough."""

from __future__ import annotations

import asyncio

from conftest import add_records
from dedup.helpers import rec
from textual.widgets import Footer
from tui.helpers import TA

from reviewkit import screening as scr
from reviewkit.dedup import engine
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.dedup_review import DedupReviewScreen


def test_the_conflicts_footer_keeps_quit_whole_at_60_columns(team) -> None:
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")
    rows: list[str] = []

    async def go() -> None:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=(60, 20)) as pilot:
            for size in ((60, 20), (80, 24), (60, 20)):
                await pilot.resize_terminal(*size)
                for _ in range(3):
                    await pilot.pause()
                footer = app.screen.query_one(Footer)
                y = footer.region.y
                rows.append(app.screen._compositor.render_strips()[y].text.rstrip())
            await pilot.press("q")

    asyncio.run(go())
    narrow, wide, again = rows
    for row in (narrow, again):
        assert "? Help q Quit" in row, row  # compact: one space between keys, Quit whole
    assert wide.endswith("q Quit  j Next  k Prev"), wide  # full width where it fits


def test_the_dedup_footer_keeps_help_and_quit_before_paging_at_60_columns(project_b) -> None:
    """Duplicate review's footer named PgDn before ? and q (the table's order, not the
    footer's): compact at 60 columns it still cut 'q Quit'. Paging comes after them now, as
    the other screens' moves do."""
    add_records(
        project_b,
        [rec(pmid="111", doi="10.1/x"), rec(doi="10.1/x", source="Embase"), rec(pmid="222")],
    )
    engine.run_dedup(project_b.db)
    rows: list[str] = []

    async def go() -> None:
        app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})
        async with app.run_test(size=(60, 20)) as pilot:
            for _ in range(3):
                await pilot.pause()
            y = app.screen.query_one(Footer).region.y
            rows.append(app.screen._compositor.render_strips()[y].text.rstrip())
            await pilot.press("q")

    asyncio.run(go())
    assert "? Help q Quit" in rows[0], rows


def test_the_footer_style_at_each_width_is_the_same_whichever_way_the_terminal_went(team):
    """Resized one column at a time between 70 and 79 columns (where the conflicts keys fit
    compact, not full) the footer had changed style at every step, full at every other width
    with 'k Prev' cut ('k Pre', 'k'): its compact width had been measured without the margin
    after each key, so the full keys seemed to fit. Each width has one style now, whichever
    way the terminal went, and the keys shown whole."""
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")
    widths = [*range(79, 69, -1), *range(70, 80)]
    rows: dict[int, set[str]] = {}

    async def go() -> None:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=(80, 20)) as pilot:
            for width in widths:
                await pilot.resize_terminal(width, 20)
                for _ in range(3):
                    await pilot.pause()
                y = app.screen.query_one(Footer).region.y
                row = app.screen._compositor.render_strips()[y].text.rstrip()
                rows.setdefault(width, set()).add(row)
            await pilot.press("q")

    asyncio.run(go())
    assert all(len(seen) == 1 for seen in rows.values()), rows  # one style a width
    assert all(row.endswith("k Prev") for seen in rows.values() for row in seen), rows
