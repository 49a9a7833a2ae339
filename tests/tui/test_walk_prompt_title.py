"""A prompt's title longer than its box wraps, not cut: the conflicts screen's "Why include?
(optional: Enter alone saves; recorded with your name)" lost its end at any width, since the
box is 70 columns (found walking the README, task walk)."""

from __future__ import annotations

import asyncio

from tui.helpers import TA, shown

from reviewkit import screening as scr
from reviewkit.project import Project
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.widgets import TextPrompt


def test_the_why_include_prompt_shows_its_whole_title(team: tuple[Project, list[int]]) -> None:
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")
    for study in ids[1:]:
        for reviewer in ("maria", "tom"):
            scr.decide(project.db, study, TA, reviewer, "include")

    async def go() -> None:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.press("i")
            assert isinstance(app.screen, TextPrompt)
            label = app.screen.query_one("#prompt-title")
            box = label.parent
            assert box is not None
            # drawn inside its box (a wider label is clipped at the box's edge), all of it
            assert label.region.right <= box.content_region.right
            title = shown(app, "#prompt-title")
            assert title.startswith("Why include?")
            assert title.endswith("recorded with your name)")

    asyncio.run(go())
