"""Walked in tmux (q43b): the conflicts screen at full text said "Full text: none attached" and
no more; the lead has no key that attaches one there. The line names the command that does,
with the record shown (and --project, as every command line a screen names: errors.command_line)."""

from __future__ import annotations

import asyncio

from screening.helpers import FT, SIZE, full_text_conflicts

from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen


def _final(app) -> str:
    """The box under the votes (the final decision, the "Full text:" line), its rows joined."""
    box = app.screen.query_one("#final")
    return " ".join(box.render_line(y).text.strip() for y in range(box.size.height))


def _lines(project, tmp_path) -> tuple[int, str, str]:
    ids, _ = full_text_conflicts(project, tmp_path)

    async def go() -> tuple[str, str]:
        screen = ConflictsScreen(project, FT, "lead")
        app = ReviewkitApp(screen, keymap={})
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            attached = _final(app)
            await pilot.press("j")  # the second conflict: nothing attached to it
            assert screen.views[screen.pos].study_id == ids[1]
            none = _final(app)
            await pilot.press("q")
        return attached, none

    return ids[1], *asyncio.run(go())


def test_none_attached_names_the_command_that_attaches_one(project_b, tmp_path):
    study, attached, none = _lines(project_b, tmp_path)
    assert "Full text (o to open):" in attached and "to attach one" not in attached
    line = f"Full text: none attached (to attach one: reviewkit attach {study} FILE-OR-URL)"
    assert line in none, none
