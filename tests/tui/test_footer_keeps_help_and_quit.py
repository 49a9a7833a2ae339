"""The footer on a narrow terminal (screens47's report): the screening footer, compact at any
width, lost '? Help q Quit' at 50 columns and narrower (its five decision keys came first), the
extraction footer lost them at 40 ('Tab Next empty' came first). '? Help' and 'q Quit' are the
keys a person needs to find the rest: they stay on every screen, the other keys giving way from
the right, each shown whole or not at all."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from conftest import add_records
from screening.helpers import make_records, until
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey
from tui.helpers import TA

from reviewkit import screening as scr
from reviewkit.project import Project
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.extract import ExtractScreen
from reviewkit.tui.footer import key_columns
from reviewkit.tui.screening import ScreeningScreen

HELP, QUIT = "? Help", "q Quit"


def _footer_rows(make: Callable[[], Screen], widths: tuple[int, ...]) -> dict[int, str]:
    """The footer's row as drawn at each width (the app opened at the first)."""
    rows: dict[int, str] = {}

    async def go() -> None:
        app = ReviewkitApp(make(), keymap={})
        async with app.run_test(size=(widths[0], 20)) as pilot:
            for width in widths:
                await pilot.resize_terminal(width, 20)

                def row() -> str:
                    y = app.screen.query_one(Footer).region.y
                    return app.screen._compositor.render_strips()[y].text.rstrip()

                await until(pilot, lambda: QUIT in row(), f"'{QUIT}' at {width} columns")
                rows[width] = row()
            await pilot.press("q")

    try:
        asyncio.run(go())
    except AssertionError as exc:
        raise AssertionError(f"{exc}; drawn: {rows}") from None
    return rows


def _keys_whole(row: str, keys: list[str]) -> bool:
    """Whether the row is made of whole keys only (compact: one space between them)."""
    shown = row.strip()
    while shown:
        key = next((k for k in keys if shown.startswith(k)), None)
        if key is None:
            return False
        shown = shown.removeprefix(key).lstrip()
    return True


SCREENING_KEYS = [
    *("i Include", "e Exclude…", "u Uncertain", "n Note", "z Undo"),
    *(HELP, QUIT, "/ Search", "g Go to"),
]


@pytest.mark.parametrize("widths", [(40, 50), (50, 40, 80)])
def test_the_screening_footer_keeps_help_and_quit_narrow(team, widths) -> None:
    project, _ids = team
    rows = _footer_rows(lambda: ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), widths)
    for width, row in rows.items():
        assert HELP in row and QUIT in row, (width, row)
        assert _keys_whole(row, SCREENING_KEYS), (width, row)
    assert rows[50].startswith("i Include e Exclude…"), rows  # the decisions first, as they fit
    if 80 in rows:  # wide again: every key back
        assert all(key in rows[80] for key in SCREENING_KEYS), rows


def test_the_extraction_footer_keeps_help_and_quit_at_40_columns(project_b: Project) -> None:
    ids = add_records(project_b, make_records(2))
    rows = _footer_rows(lambda: ExtractScreen(project_b, ids, "ann"), (40, 50))
    for width, row in rows.items():
        assert HELP in row and QUIT in row, (width, row)
        assert "Edit a field" in row, (width, row)  # the screen's own keys first, as they fit


def test_the_conflicts_footer_keeps_help_and_quit_at_40_columns(team) -> None:
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")
    rows = _footer_rows(lambda: ConflictsScreen(project, TA, "sara"), (40,))
    assert HELP in rows[40] and QUIT in rows[40], rows


def test_the_counted_key_widths_are_the_widths_textual_draws(team) -> None:
    """The footer counts each key's columns from its words (``key_columns``: a key hidden has
    no size to measure), after Textual's footer CSS (8.2.8: a space either side of the key and
    after the words; compact, one space between and a margin of 1). A Textual release that
    draws keys otherwise fails here, not as keys cut at the edge or hidden with room left."""
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")
    seen: dict[bool, list[tuple[str, int, int]]] = {False: [], True: []}

    async def go() -> None:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=(160, 20)) as pilot:
            for width in (160, 60, 40):
                await pilot.resize_terminal(width, 20)
                footer = app.screen.query_one(Footer)
                compact = width < 100  # the conflicts keys fit at full width in 160, not 60

                def styled(footer: Footer = footer, compact: bool = compact) -> bool:
                    return footer.compact == compact

                await until(pilot, styled, f"{width} columns")
                await pilot.pause()
                for key in footer.query(FooterKey):
                    if key.display:
                        drawn = key.outer_size.width + key.styles.margin.width
                        counted = key_columns(key, footer.compact)
                        seen[footer.compact].append((key.description, drawn, counted))
            await pilot.press("q")

    asyncio.run(go())
    assert seen[False] and seen[True], seen  # both styles drawn
    for compact, keys in seen.items():
        assert all(drawn == counted for _, drawn, counted in keys), (compact, keys)
