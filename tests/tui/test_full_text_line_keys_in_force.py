"""The words on the screen name the keys in force when a team's keymap moves them:
the "Full text:" line's "(a to attach)" and "(o to open)" on the screening and conflicts
screens, as the walk-through fixed the exclude and include keys (one helper, screen_key)."""

from __future__ import annotations

import asyncio

from tui.helpers import FT, shown, to_full_text

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.screening import ScreeningScreen


def test_the_full_text_line_names_the_attach_and_open_keys_in_force(team, tmp_path) -> None:
    project, ids = team
    to_full_text(project, ids[0])
    keymap = {"screening.attach": "A", "screening.open": "O"}
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")

    async def go() -> tuple[str, str]:
        queue = scr.ReviewerQueue(project, FT, "tom")
        app = ReviewkitApp(ScreeningScreen(queue), keymap=keymap)
        async with app.run_test(size=(120, 34)) as pilot:
            await pilot.press("j")
            await pilot.press("k")
            before = shown(app, "#mine")
            scr.attach(project.db, ids[0], str(pdf), added_by="tom")
            app.screen.render_current()
            await pilot.pause()
            return before, shown(app, "#mine")

    before, after = asyncio.run(go())
    assert "none attached (A to attach)" in before, before
    assert "(O to open, A to replace):" in after and "o to open" not in after, after


def test_the_conflicts_full_text_line_names_the_open_key_in_force(team, tmp_path) -> None:
    project, ids = team
    to_full_text(project, ids[0])
    scr.decide(project.db, ids[0], FT, "maria", "include")
    scr.decide(project.db, ids[0], FT, "tom", "exclude", "no-work-outcome")
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    scr.attach(project.db, ids[0], str(pdf), added_by="tom")

    async def go() -> str:
        app = ReviewkitApp(ConflictsScreen(project, FT, "sara"), keymap={"conflicts.open": "O"})
        async with app.run_test(size=(120, 34)) as pilot:
            await pilot.pause()
            return shown(app, "#final")

    final = asyncio.run(go())
    assert "(O to open):" in final, final
