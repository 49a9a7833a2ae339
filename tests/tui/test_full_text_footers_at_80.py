"""The footers of the full-text stage at 80 columns (screens40): the screening footer ran to 93
columns there ("… ? Help q Quit / S"), cutting / Search and g Go to; the conflicts footer cut
k Prev ("j Next k"). a (attach) and o (open) left the footers: the "Full text:" line under the
decision names them where they act, with the keymap's keys."""

from __future__ import annotations

import asyncio

from tui.helpers import FT, settled_footer, shown, to_full_text, unwrapped

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.screening import ScreeningScreen

SMALL = (80, 24)


def test_the_full_text_screening_footer_shows_every_key_and_the_line_names_a_and_o(
    team, tmp_path
) -> None:
    project, ids = team
    to_full_text(project, ids[0])
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")

    async def go() -> tuple[list[tuple[str, int]], str, str]:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, FT, "tom")), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            keys = [(k.description, k.region.right) for k in await settled_footer(pilot)]
            before = shown(app, "#mine")
            await pilot.press("a", *str(pdf), "enter")
            await pilot.pause()
            after = shown(app, "#mine")
            await pilot.press("q")
        return keys, before, after

    keys, before, after = asyncio.run(go())
    assert all(right <= SMALL[0] for _, right in keys), keys
    words = {w for w, _ in keys}
    assert {"Include", "Exclude…", "Uncertain", "Note", "Undo", "Search", "Go to"} <= words
    assert {"Help", "Quit"} <= words
    assert "none attached (a to attach)" in before, before
    assert unwrapped(f"Full text (o to open, a to replace): {pdf}") in unwrapped(after), after


def test_the_full_text_conflicts_footer_shows_every_key(team, tmp_path) -> None:
    project, ids = team
    to_full_text(project, ids[0])
    scr.decide(project.db, ids[0], FT, "maria", "include")
    scr.decide(project.db, ids[0], FT, "tom", "exclude", "no-work-outcome")
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    scr.attach(project.db, ids[0], str(pdf), added_by="tom")

    async def go() -> tuple[list[tuple[str, int]], str]:
        app = ReviewkitApp(ConflictsScreen(project, FT, "sara"), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            keys = [(k.description, k.region.right) for k in await settled_footer(pilot)]
            final = shown(app, "#final")
            await pilot.press("q")
        return keys, final

    keys, final = asyncio.run(go())
    assert all(right <= SMALL[0] for _, right in keys), keys
    assert {"Next", "Prev", "Help", "Quit"} <= {w for w, _ in keys}, keys
    assert unwrapped(f"Full text (o to open): {pdf}") in unwrapped(final), final


def test_snapshot_the_full_text_screening_screen_at_80x24(team, snap_compare) -> None:
    project, ids = team
    to_full_text(project, ids[0])
    app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, FT, "tom")), keymap={})
    assert snap_compare(app, terminal_size=SMALL)
