"""The duplicate review's footer once only skipped pairs are left (rd44d, reading tui44, which
noticed it at 80x24): the pane says 'Only skipped pairs are left (1): press j to see them
again.', and the footer still said 'j Skip', with no pair shown to skip. It names what j does
then, and 'Skip' again once a pair shows."""

from __future__ import annotations

import asyncio

from conftest import add_records
from dedup.helpers import TITLE, rec
from dedup.review_setup import BARE
from screening.helpers import until
from tui.helpers import footer_keys

from reviewkit.dedup import engine
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen


def test_j_is_named_for_the_skipped_pairs_once_only_they_are_left(project_b):
    add_records(project_b, [rec(**BARE), rec(**BARE, title=TITLE.upper(), source="Embase")])
    engine.run_dedup(project_b.db)
    assert len(engine.review_queue(project_b.db)) == 1
    said: dict[str, dict[str, bool]] = {}

    async def go() -> None:
        app = ReviewkitApp(DedupReviewScreen(project_b, "lead"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "Skip" in footer_keys(app), "the footer with j Skip")
            await pilot.press("j")  # the only pair skipped: none shown
            await until(pilot, lambda: "Skip" not in footer_keys(app), "the footer rebuilt")
            said["skipped"] = footer_keys(app)
            await pilot.press("j")  # round again: the pair shows
            await until(pilot, lambda: "Skip" in footer_keys(app), "j Skip again")
            said["again"] = footer_keys(app)
            await pilot.press("q")

    asyncio.run(go())
    assert said["skipped"]["See skipped"] is True, said
    assert said["skipped"]["Same record"] is False, said  # greyed: no pair shown
    assert said["again"]["Skip"] is True and "See skipped" not in said["again"], said
