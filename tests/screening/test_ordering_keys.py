"""Keys while the screen says "Ordering…": no record is shown, so nothing can be decided;
a deciding key used to be dropped without a word, now the message line says why."""

from __future__ import annotations

import asyncio

from screening.helpers import until_started

from reviewkit import screening as scr
from reviewkit.ranking.queue import QueueRanker
from reviewkit.store.decisions import list_decisions
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"
SIZE = (100, 34)


def test_a_deciding_key_while_ordering_says_there_is_no_record_yet(topics, gate):
    project, _ = topics
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    ranking = QueueRanker(queue, isolate=False)

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            await until_started(pilot, ranking)
            assert s.ordering and s.message == ""
            for key, words in (("i", "Include"), ("u", "Uncertain"), ("z", "Undo")):
                await pilot.press(key)
                assert s.message.startswith(f"{words}: no record yet"), s.message
                assert "j or Tab starts now" in s.message
            assert list_decisions(project.db) == [] and s.ordering
            await pilot.press("j")  # still starts at once
            assert not s.ordering and s.current is not None
            await pilot.press("q")

    try:
        asyncio.run(go())
    finally:
        ranking.close()
