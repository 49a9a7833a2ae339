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
