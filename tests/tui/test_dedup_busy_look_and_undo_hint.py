"""Duplicate review's timer look (pairs queued while none is shown) let a busy database out of
the timer, which ends the screen; the screening and conflicts screens' looks let it pass, and
the next look reads the change again (rd40k, reader of q40c)."""

from __future__ import annotations

import asyncio

import pytest
from conftest import add_records
from dedup.helpers import TITLE, rec
from tui.helpers import shown

from reviewkit.dedup import engine
from reviewkit.errors import DatabaseBusy
from reviewkit.tui import dedup_review
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen

SMALL = (80, 24)
BARE = dict(authors=[], journal="", volume="", pages="", year=None)


@pytest.mark.parametrize("refused", ["clusters_now", "decided_pairs"])
def test_a_duplicate_review_look_refused_as_busy_is_taken_at_the_next(
    project_b, monkeypatch, refused
) -> None:
    """Refused at its first read, or at its last (the queue read, the verdicts not): the
    look says nothing and raises nothing, and the next look shows the pair that came."""
    app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})
    real, calls = getattr(dedup_review, refused), []

    def busy_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise DatabaseBusy("the database is busy")
        return real(*args, **kwargs)

    async def go() -> tuple[object, str]:
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            s = app.first_screen
            assert s.pair is None
            add_records(project_b, [rec(**BARE), rec(**BARE, title=TITLE.upper())])
            engine.run_dedup(project_b.db)  # another command, while the screen is open
            monkeypatch.setattr(dedup_review, refused, busy_once)
            s.look_for_pairs()  # refused: nothing raised, nothing taken
            assert calls and s.pair is None
            s.look_for_pairs()  # the next look takes the pair
            await pilot.pause()
            out = s.pair, shown(app, "#message")
            await pilot.press("q")
        return out

    pair, said = asyncio.run(go())
    assert pair is not None
    assert "1 pair to review came" in said, said


def test_with_no_verdict_given_a_key_that_needs_a_pair_does_not_offer_undo(project_b) -> None:
    """A project whose dedup linked every pair itself: no pair was ever shown, so s, d or PgDn
    said 'z undoes your last verdict', and z then said 'nothing to undo'."""
    app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})

    async def go() -> str:
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            assert app.first_screen.pair is None and app.first_screen.decided == 0
            await pilot.press("s")
            await pilot.pause()
            said = shown(app, "#message")
            await pilot.press("q")
        return said

    said = asyncio.run(go())
    assert said.startswith("Same record: no pair left to review"), said
    assert "undo" not in said, said


def test_after_my_verdict_a_key_that_needs_a_pair_offers_undo(project_b) -> None:
    """The last pair judged: s, d or PgDn say none is left and that z undoes the verdict."""
    add_records(project_b, [rec(**BARE), rec(**BARE, title=TITLE.upper())])
    engine.run_dedup(project_b.db)
    app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})

    async def go() -> str:
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            assert app.first_screen.pair is not None
            await pilot.press("d")  # different: the only pair judged
            await pilot.pause()
            assert app.first_screen.pair is None
            await pilot.press("s")
            await pilot.pause()
            said = shown(app, "#message")
            await pilot.press("q")
        return said

    said = asyncio.run(go())
    assert said == "Same record: no pair left to review; z undoes your last verdict", said
